import { boundedMemo } from './boundedMemo'

/**
 * Names carried across scripts: the spellings that Cyrillic and Arabic names take in Latin letters.
 *
 * - {@link spellingKey}: one key for the Latin spellings that the common transliterations of Cyrillic give
 *   one name (BGN/PCGN "Yuriy", ICAO 9303 passports "Iurii", everyday "Yuri"/"Yury"; "Aleksandr"/"Alexandr";
 *   "Dmitriy"/"Dmitrii"/"Dmitry"; "Fyodor"/"Fedor"; "Yevgeniy"/"Evgeny"; "Mikhail"/"Mihail"), so those
 *   agree as one spelling rather than as typos.
 * - {@link arabicSkeleton} / {@link latinSkeleton}: Arabic script writes consonants and long vowels, not
 *   the short vowels a Latin spelling adds; both sides are reduced to consonant classes so that "محمد" reads
 *   as Muhammad, Mohammed or Mohamed, "حسين" as Hussein or Husain. A documented subset, tested in
 *   tests/fixtures/names/arabic-latin.csv; sun-letter assimilation of the article and regional sound
 *   changes beyond ج = j/g are not modelled.
 *
 * Both are spelling equivalences: nothing here reads or infers anyone's origin.
 */

/** A key for the Latin spellings one name takes under the common Cyrillic transliterations. */
export const spellingKey: (word: string) => string = boundedMemo(50_000, word => computeSpellingKey(word))

function computeSpellingKey(word: string): string {
  return (
    word
      .toLowerCase()
      .replace(/x/g, 'ks')
      // "ksh" is how Indian names write what "x" also writes ("Lakshmi"/"Laxmi", "Lakshman"/"Laxman").
      .replace(/ksh/g, 'ks')
      // Arabic ʿUmar, ʿUthmān, Usāma begin with a short u that Latin spellings write o or u ("Omar"/"Umar").
      .replace(/^o(?=[bdfghklmnqrstvz][aeiou])/, 'u')
      .replace(/ck/g, 'k')
      // ц is "ts", "tz" or "c" ("Tsvetkov"/"Cvetkov", "Zaytsev"/"Zaycev"); c elsewhere is k ("Nicolai").
      .replace(/tz/g, 'ts')
      .replace(/c(?=[eiy]|[bdfgjlmnpqrstvwz])/g, 'ts')
      .replace(/c(?!h)/g, 'k')
      .replace(/ph/g, 'f')
      .replace(/kh/g, 'h')
      // ICAO writes я/ю/ё as ia/iu/io where BGN writes ya/yu/yo; "J" for й in older and German forms.
      .replace(/^j(?=[aeiou])/, 'y')
      .replace(/^i(?=[aeou])/, 'y')
      .replace(/([aeiou])i(?=[aeou])/g, '$1y')
      // ё is "yo" or "e" ("Fyodor"/"Fedor", "Pyotr"/"Petr", "Semyon"/"Semen", "Khrushchyov"/"Khrushchev").
      .replace(/([bcdfghklmnprstvz])yo/g, '$1e')
      // ья/ия and the like after a consonant: "iya", "iia", "ya", "ia" ("Natalya"/"Natalia", "Yuliya"/"Iuliia"/"Yulia").
      .replace(/([bcdfghklmnprstvz])(?:iy|ii|y|i)(?=[aeou])/g, '$1i')
      // е at the start is "ye" or "e" ("Yevgeniy"/"Evgeny", "Yelena"/"Elena").
      .replace(/^ye/, 'e')
      // -ий / -ый / -ей / -ай endings: "iy", "ii", "yy", "ij", "y", "i" ("Yuriy"/"Iurii"/"Yury"/"Yuri"), "ey"/"ei"/"ej".
      .replace(/(?:iy|ii|yy|ij|yj|y)$/, 'i')
      .replace(/([ae])[yj]$/, '$1i')
      // й before a consonant: "y" or "i" ("Zaytsev"/"Zaitsev").
      .replace(/([aeou])[yj](?=[bcdfghklmnprstvz])/g, '$1i')
      .replace(/^w(?=[aeiou]|l)/, 'v')
      .replace(/(.)\1+/g, '$1')
  )
}

/**
 * Arabic letters as symbols: consonant classes (letters that Latin spellings write alike share one: ص/س = s,
 * ط/ت = t, ق/ك = k, ذ/ز/ظ = z, ث = t) and the long vowels ا/ى = A, و = U, ي = I. Arabic script does not
 * write short vowels, so a Latin vowel may stand for nothing there; a long vowel must be spelt in Latin.
 * Hamza and ʿayn are not written in everyday Latin spellings; tāʾ marbūṭa (ة) is the final -a/-ah.
 */
const ARABIC: Record<string, string> = {
  ب: 'b', ت: 't', ث: 't', ج: 'j', ح: 'h', خ: 'K', د: 'd', ذ: 'z', ر: 'r', ز: 'z', س: 's', ش: 'S', ص: 's', ض: 'D', ط: 't', ظ: 'z',
  غ: 'G', ف: 'f', ق: 'k', ك: 'k', ل: 'l', م: 'm', ن: 'n', ه: 'h', پ: 'p', چ: 'S', ژ: 'j', گ: 'g', ک: 'k', ی: 'I', ي: 'I', و: 'U', ا: 'A', آ: 'A', ى: 'A',
  أ: '', إ: '', ء: '', ئ: '', ؤ: '', ع: '', ة: '', 'ـ': '',
}
const ARABIC_LETTER = /[\u0600-\u06ff]/u

export function hasArabicScript(text: string): boolean {
  return ARABIC_LETTER.test(text)
}

const stripArticle = (w: string) => (w.length > 3 && w.startsWith('ال') ? w.slice(2) : w)

/** Arabic-script words as symbol strings ("محمود" → "mhmUd"); the article ال, "bin" and "bint" set aside. */
export function arabicSkeleton(text: string): string[] {
  return text
    .normalize('NFC')
    .replace(/[\u064b-\u065f\u0670]/gu, '') // short-vowel marks (ḥarakāt), shadda, dagger alef
    .split(/[\s\-.,،]+/u)
    .filter(w => w && w !== 'ال' && w !== 'بن' && w !== 'بنت')
    .map(stripArticle)
    .map(w => {
      const symbols = [...w].map(ch => ARABIC[ch] ?? '')
      // و and ي at the start of a word are the consonants w and y; ا at the start only carries the vowel.
      if (symbols[0] === 'U') symbols[0] = 'w'
      else if (symbols[0] === 'I') symbols[0] = 'y'
      else if (symbols[0] === 'A') symbols[0] = ''
      return symbols.join('').replace(/h$/, '').replace(/([^AIU])\1+/g, '$1')
    })
    .filter(Boolean)
}

/** Latin words in the same consonant classes, vowels kept as written ("mohammed" → "mohamed"); articles and "bin" set aside, "Abdul-" split off. */
export function latinSkeleton(tokens: string[]): string[] {
  return tokens
    .filter(t => !['al', 'el', 'ul', 'bin', 'ibn', 'ben', 'bint', 'binti'].includes(t))
    .flatMap(t => (/^abd[aeu]l./.test(t) ? ['abd', t.slice(5)] : /^abd[aeu]l$/.test(t) ? ['abd'] : [t]))
    .map(t =>
      t
        .replace(/kh/g, 'K')
        .replace(/gh/g, 'G')
        .replace(/sh|ch/g, 'S')
        .replace(/th/g, 't')
        .replace(/dh|dz/g, 'z')
        .replace(/ph/g, 'f')
        .replace(/q|ck|c/g, 'k')
        .replace(/g/g, 'j')
        .replace(/x/g, 'ks')
      // "ksh" is how Indian names write what "x" also writes ("Lakshmi"/"Laxmi", "Lakshman"/"Laxman").
      .replace(/ksh/g, 'ks')
      // Arabic ʿUmar, ʿUthmān, Usāma begin with a short u that Latin spellings write o or u ("Omar"/"Umar").
      .replace(/^o(?=[bdfghklmnqrstvz][aeiou])/, 'u')
        .replace(/v/g, 'f')
        .replace(/'/g, '')
        .replace(/h$/, '')
        .replace(/([^aeiouy])\1+/g, '$1'),
    )
    .filter(Boolean)
}

/** Latin vowel runs each long vowel may be spelt with; "ou", "oo", "ee", "aa", "ei", "ai" are always long ("Hussein" is not "Hasan"). */
const LONG: Record<string, RegExp> = { A: /^(?:a|aa|e|ae|ai)$/, U: /^(?:u|ou|oo|o|uu|w)$/, I: /^(?:i|ee|ie|ei|e|y|ai|ay|ey|ii|iy)$/ }
const ALWAYS_LONG = /^(?:ou|oo|ee|aa|uu|ii|ei|ai|ay|ey)$/

/** Whether an Arabic symbol string and a Latin skeleton spell one word (short vowels only on the Latin side). */
export function sameArabicWord(arabic: string, latin: string): boolean {
  // Latin as consonants and vowel runs.
  const parts = latin.match(/[wy](?=[aeiou])|[aeiou]+|[wy]+|[^aeiouyw]/g) ?? []
  const memo = new Map<string, boolean>()
  const go = (i: number, j: number): boolean => {
    const key = `${i},${j}`
    const seen = memo.get(key)
    if (seen !== undefined) return seen
    let ok = false
    if (i === arabic.length && j === parts.length) ok = true
    else {
      const sym = arabic[i]
      const part = parts[j]
      const vowel = part !== undefined && /^[aeiouyw]+$/.test(part)
      // A Latin vowel (or w/y glide run) with nothing in Arabic: a short vowel, unless spelt long.
      if (vowel && !ALWAYS_LONG.test(part!) && !/[wy]/.test(part!) && go(i, j + 1)) ok = true
      else if (sym !== undefined && part !== undefined) {
        if (sym === 'A' || sym === 'U' || sym === 'I') ok = vowel && LONG[sym]!.test(part) && go(i + 1, j + 1)
        else if (sym === 'w' || sym === 'y') ok = vowel && part.startsWith(sym === 'w' ? 'w' : 'y') && go(i + 1, j + 1)
        // ض is d in Arabic spellings and z in Persian and Urdu ones (Ridha / Reza, Ramadan / Ramazan).
        else if (sym === 'D') ok = !vowel && (part === 'd' || part === 'z') && go(i + 1, j + 1)
        else ok = !vowel && part === sym && go(i + 1, j + 1)
        // A vowel run that spells a long vowel and a glide at once ("uwa", "iya").
        if (!ok && vowel && (sym === 'U' || sym === 'I') && part.length > 1) ok = go(i + 1, j + 1)
      }
    }
    memo.set(key, ok)
    return ok
  }
  return arabic.length <= 20 && parts.length <= 30 && go(0, 0)
}
