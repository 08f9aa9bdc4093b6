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

const keyMemo = new Map<string, string>()

/** A key for the Latin spellings one name takes under the common Cyrillic transliterations. */
export function spellingKey(word: string): string {
  let k = keyMemo.get(word)
  if (k === undefined) {
    if (keyMemo.size > 50_000) keyMemo.clear()
    k = computeSpellingKey(word)
    keyMemo.set(word, k)
  }
  return k
}

function computeSpellingKey(word: string): string {
  return (
    word
      .toLowerCase()
      .replace(/x/g, 'ks')
      .replace(/ck/g, 'k')
      .replace(/ph/g, 'f')
      .replace(/kh/g, 'h')
      .replace(/tz/g, 'ts')
      // ICAO writes я/ю/ё as ia/iu/io where BGN writes ya/yu/yo; "J" for й in older and German forms.
      .replace(/^j(?=[aeiou])/, 'y')
      .replace(/^i(?=[aeou])/, 'y')
      .replace(/([aeiou])i(?=[aeou])/g, '$1y')
      .replace(/([bcdfghklmnprstvz])i([aou])/g, '$1y$2')
      // ё is "yo" or "e" ("Fyodor"/"Fedor", "Pyotr"/"Petr", "Semyon"/"Semen").
      .replace(/([bcdfgklmnprstvz])yo/g, '$1e')
      // е at the start is "ye" or "e" ("Yevgeniy"/"Evgeny", "Yelena"/"Elena").
      .replace(/^ye/, 'e')
      // -ий / -ый / -ей endings: "iy", "ii", "yy", "ij", "y", "i" ("Yuriy"/"Iurii"/"Yury"/"Yuri").
      .replace(/(?:iy|ii|yy|ij|yj|iy|y)$/, 'i')
      .replace(/ey$/, 'ei')
      .replace(/^w(?=[aeiou]|l)/, 'v')
      .replace(/(.)\1+/g, '$1')
  )
}

/** Arabic letters to consonant classes; long vowels, alef, hamza, ʿayn and tāʾ marbūṭa write no consonant a Latin spelling keeps. */
const ARABIC: Record<string, string> = {
  ب: 'b', ت: 't', ث: 't', ج: 'j', ح: 'h', خ: 'K', د: 'd', ذ: 'z', ر: 'r', ز: 'z', س: 's', ش: 'S', ص: 's', ض: 'd', ط: 't', ظ: 'z',
  غ: 'G', ف: 'f', ق: 'k', ك: 'k', ل: 'l', م: 'm', ن: 'n', ه: 'h', پ: 'p', چ: 'S', ژ: 'j', گ: 'g', ک: 'k', ی: '', ي: '', و: '', ا: '', أ: '', إ: '', آ: '',
  ء: '', ئ: '', ؤ: '', ع: '', ة: '', ى: '', 'ـ': '',
}
const ARABIC_LETTER = /[\u0600-\u06ff]/u

export function hasArabicScript(text: string): boolean {
  return ARABIC_LETTER.test(text)
}

const stripArticle = (w: string) => (w.length > 3 && w.startsWith('ال') ? w.slice(2) : w)

/** Arabic-script words as consonant skeletons ("عبد الفتاح السيسي" → bd, ft, ss); the article ال set aside. */
export function arabicSkeleton(text: string): string[] {
  return text
    .normalize('NFC')
    .replace(/[\u064b-\u065f\u0670]/gu, '') // short-vowel marks (ḥarakāt), shadda, dagger alef
    .split(/[\s\-.,،]+/u)
    .filter(w => w && w !== 'ال' && w !== 'بن' && w !== 'بنت')
    .map(stripArticle)
    .map(w => [...w].map(ch => ARABIC[ch] ?? '').join('').replace(/h$/, '').replace(/(.)\1+/g, '$1'))
    .filter(Boolean)
}

/** Latin words as the same consonant classes: digraphs first, short and long vowels, w and y dropped, articles and "bin" set aside. */
export function latinSkeleton(tokens: string[]): string[] {
  return tokens
    .filter(t => !['al', 'el', 'ul', 'bin', 'ibn', 'ben', 'bint', 'binti'].includes(t))
    .map(t => t.replace(/^(?:al|el)(?=[bcdfghjklmnpqrstvwxz]{1}[aeiouy])/, t.length > 5 ? '' : '$&'))
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
        .replace(/v/g, 'f')
        .replace(/[aeiouwy']/g, '')
        .replace(/h$/, '')
        .replace(/(.)\1+/g, '$1'),
    )
    .filter(Boolean)
}
