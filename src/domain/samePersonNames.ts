import { compareCantoneseWritten } from './cantoneseNames'
import { differentChineseWords, partsByChineseSyllables, sameChineseName } from './chineseNames'
import { compareJapaneseWritten } from './japaneseNames'
import { sameSlavicForms } from './slavicNames'
import { differentSyllableWords, latinSyllables, partsBySyllables, sameKoreanName } from './koreanNames'
import { looksLikeCompany, MATCH_THRESHOLD, normaliseName, PATRONYMIC_MARKERS, scoreNames, scoreNormalised, slashedMarkersAsWords, tokenSimilarity, type NormalisedName } from './names'
import { boundedMemo } from './boundedMemo'

/**
 * Is this the same person, as one person writes their own name across a form, a resume and a bank
 * account? Screening asks whether a name could be a listed one; this asks whether two names on one
 * application belong to one person, and so tolerates what people do with their own name:
 *
 * - given names joined, split or hyphenated, family name first or last ("Minjun Kim" / "Kim Min-jun",
 *   "Xiao Ming Wu" / "Wu Xiaoming"), in any case ("BAK JI HUN" / "Park Ji-hoon");
 * - another script or romanisation (Hangul, RR/MR/Yale, pinyin/Wade–Giles, Cyrillic, Arabic script);
 * - Japanese kana (read in Hepburn) and kanji: a family name in japaneseNames.ts's table is read, a given
 *   name in kanji cannot be told and is then no mismatch (SamePerson.cannotTell);
 * - Chinese characters beside a Hong Kong or Macau romanisation: the family name read through
 *   cantoneseNames.ts's table, the given name cannot be told ("王小明" / "Peter Wong Siu Ming");
 * - a fuller form: a middle name, a second given name, a father's or maternal family name added or left
 *   out ("Ana María López García" / "Ana López"), up to three words;
 * - initials for given names, also for the syllables of a joined given name ("JH Park" / "Park Jihoon");
 * - a preferred name beside the legal one, in brackets or quotes ("Kim Min-jun (Kevin)" / "Kevin Kim").
 *
 * and keeps apart what tells two people apart: a word that differs rather than is missing ("Hans Joachim
 * Friedrich" / "Hans Otto Friedrich"), a romanised syllable changed into another (Choi/Cho, Jeon/Jeong,
 * Sang/Song), a different family name. It reads spellings only; nothing here looks at origin.
 */
export interface SamePerson {
  same: boolean
  score: number
  why: string[]
  /**
   * Two names that are not one person's by their words, yet share one whole name (family name or given
   * name) and nothing else: "Peter Oh" / "OH JINDONG", "Kim Minjun" / "Kim Soyeon". Honest people write
   * this when a preferred name stands beside a legal one that does not contain it, and when paid into a
   * spouse's or parent's account; a facilitator's account can look the same. The rules report it as a
   * weaker reading of their flag (see likelihoodRatios.ts), never as the same person.
   */
  sharesOneName?: string
  /**
   * Not a mismatch, yet not shown to be one name either: the spelling cannot be decided from how the name
   * is written (a Japanese given name in kanji beside its romanised form: the characters have several
   * readings). `same` is true, as nothing contradicts the claim; this says why it was not confirmed.
   */
  cannotTell?: string
}

/**
 * Evidence field the name rules add to a flag whose names share one whole name and nothing else
 * (SamePerson.sharesOneName); scoring reads it as the weaker variant of the flag.
 */
export const NAME_IN_COMMON = 'names.one-in-common'

/** Words added on the longer side that still read as a fuller form of the same name. */
const MAX_ADDED = 3
/** A word-to-word similarity that counts as the same word here (the comparator's own threshold). */
const SAME_WORD = 0.88

const memo = boundedMemo(100_000, key => {
  const cut = key.indexOf('\u0000')
  return compute(key.slice(0, cut), key.slice(cut + 1))
})

export function samePersonName(a: string, b: string): SamePerson {
  // "a/l", "d/o": one word, not two names split at the slash.
  return memo(`${slashedMarkersAsWords(a)}\u0000${slashedMarkersAsWords(b)}`)
}

/** A name and the forms it is written in: a preferred name in brackets or quotes is another form. */
export function writtenForms(name: string): string[] {
  const bracket = /\s*[("“'‘]([^)"”'’]+)[)"”'’]\s*/u
  const m = bracket.exec(name)
  if (!m) return [name]
  const without = name.replace(bracket, ' ').trim()
  const words = without.split(/\s+/)
  const forms = [without, `${m[1]!.trim()} ${words[words.length - 1]}`, `${words[0]} ${m[1]!.trim()}`, name.replace(/[()"“”'‘’]/gu, ' ')]
  return [...new Set(forms.filter(f => f.trim()))]
}

/**
 * Somali spelling writes ħ as "x" and ʿayn as "c" ("Maxamed Cabdi" is Mohamed Abdi): the same name in
 * the letters other spellings use, as another form, when the name is written so.
 */
const SOMALI_WORD = /^c[aeiou]|[aeiou]x|^x[aeiou]|aa|uu|ii/i
const withSomali = (name: string) => {
  const words = name.split(/\s+/)
  // Two words written so, at least one with the Somali c or x: not "Carlos", "Xiao Ming".
  if (words.filter(w => SOMALI_WORD.test(w)).length < 2 || !words.some(w => /^[cx][aeiou]|[aeiou]x/i.test(w))) return [name]
  const other = words.map(w => w.replace(/^c(?=[aeiou])/i, '').replace(/^x(?=[aeiou])/i, 'H').replace(/(?<=[aeiou])x(?=[aeiou]|$)/gi, 'h').replace(/(?<=[aeiou])c(?=[aeiou])/gi, '')).join(' ')
  return other === name ? [name] : [name, other]
}

/** "Ma." before a given name is how Filipino forms write María ("Ma. Guadalupe Torres"); "Ma" alone is a family name. */
const withMaria = (name: string) => (/^Ma\.\s*\p{Lu}/u.test(name) ? [name, name.replace(/^Ma\.\s*/u, 'María ')] : [name])

/**
 * Scripts whose names are not carried into Latin letters here (the transliteration library spells them
 * letter by letter: Thai "สมชาย" as "smchaay", Devanagari "शर्मा" as "shrmaa", without the vowels a Latin
 * spelling writes). Beside a name in another script they cannot be compared, so they are not a mismatch.
 */
const UNREAD_SCRIPTS: Array<[string, RegExp]> = [
  ['Thai', /\p{Script=Thai}/u],
  ['Lao', /\p{Script=Lao}/u],
  ['Khmer', /\p{Script=Khmer}/u],
  ['Myanmar', /\p{Script=Myanmar}/u],
  ['Devanagari', /\p{Script=Devanagari}/u],
  ['Bengali', /\p{Script=Bengali}/u],
  ['Gurmukhi', /\p{Script=Gurmukhi}/u],
  ['Gujarati', /\p{Script=Gujarati}/u],
  ['Oriya', /\p{Script=Oriya}/u],
  ['Tamil', /\p{Script=Tamil}/u],
  ['Telugu', /\p{Script=Telugu}/u],
  ['Kannada', /\p{Script=Kannada}/u],
  ['Malayalam', /\p{Script=Malayalam}/u],
  ['Sinhala', /\p{Script=Sinhala}/u],
  ['Hebrew', /\p{Script=Hebrew}/u],
  ['Ethiopic', /\p{Script=Ethiopic}/u],
  ['Tibetan', /\p{Script=Tibetan}/u],
]
const unreadScript = (name: string) => UNREAD_SCRIPTS.find(([, re]) => re.test(name))?.[0]

function compute(a: string, b: string): SamePerson {
  const [sa, sb] = [unreadScript(a), unreadScript(b)]
  if (sa !== sb) {
    const why = `"${sa ? a : b}" is written in ${sa ?? sb} script, which is not carried into Latin letters here: compare the two by eye`
    return { same: true, score: MATCH_THRESHOLD, why: [why], cannotTell: why }
  }
  let best: SamePerson = { same: false, score: 0, why: [] }
  for (const x of writtenForms(a).flatMap(withMaria).flatMap(withSomali)) {
    for (const y of writtenForms(b).flatMap(withMaria).flatMap(withSomali)) {
      const r = comparePair(x, y)
      if (r.same && !best.same) best = r
      else if (r.same === best.same && r.score > best.score) best = r
      if (best.same && best.score >= 0.95) return best
    }
  }
  if (!best.same) {
    // Kanji beside a romanised name: the characters' Chinese readings (above) are not how a Japanese name is read.
    const japanese = compareJapaneseWritten(a, b)
    if (japanese?.verdict === 'same') return { same: true, score: 0.95, why: [japanese.why] }
    if (japanese?.verdict === 'cannot tell') return { same: true, score: MATCH_THRESHOLD, why: [japanese.why], cannotTell: japanese.why }
    // Characters beside a Hong Kong or Macau romanisation ("王小明" / "Wong Siu Ming"): pinyin is not how they are spelt there.
    const cantonese = compareCantoneseWritten(a, b)
    if (cantonese?.verdict === 'cannot tell') return { same: true, score: MATCH_THRESHOLD, why: [cantonese.why], cannotTell: cantonese.why }
    // "Serhiy" / "Sergei": one given name from Ukrainian and from Russian, or under two romanisation standards.
    const slavic = sameSlavicForms(a, b)
    if (slavic) return { same: true, score: 0.95, why: [`"${slavic[0]}" and "${slavic[1]}" are one given name in two languages' or standards' spelling`] }
    if (japanese) best = { ...best, why: [japanese.why, ...best.why] }
    if (cantonese && !japanese) best = { ...best, why: [cantonese.why, ...best.why] }
    const na = normaliseName(a, 'Person').tokens
    const nb = normaliseName(b, 'Person').tokens
    const shared = looksLikeCompany(a) || looksLikeCompany(b) ? null : oneNameShared(na, nb)
    // Said as the first name writes it ("Mun", not the normalised "moon").
    const written = shared && a.split(/\s+/).find(w => normaliseName(w, 'Person').tokens.includes(shared))
    if (shared) return { ...best, sharesOneName: written || shared, why: [`only "${written || shared}" in common, the other names differ`, ...best.why] }
  }
  return best
}

function comparePair(a: string, b: string): SamePerson {
  const na = normaliseName(a, 'Person')
  const nb = normaliseName(b, 'Person')
  // Aliases written "A / B" are scoreNames' to split; otherwise each name is normalised once.
  const scored = /[/;|]/.test(a + b) ? scoreNames(a, b, 'Person') : scoreNormalised(na, nb)
  const apart = ownNamesApart(a, b) ?? genitiveSwapped(na.tokens, nb.tokens) ?? markedLettersApart(a, b) ?? umlautApart(a, b) ?? wifeOfForm(a, b) ?? sameWordsOtherPlaces(na.tokens, nb.tokens) ?? joinedSyllableChanged(a, b, na, nb)
  if (apart) return { same: false, score: Math.min(scored.score, 0.85), why: [apart, ...scored.why] }
  if (scored.match) {
    // The same syllables in another order, with the family name in its place, are another given name
    // ("Tan Wei Ling" / "Tan Ling Wei"); the family name moving is one person's two orders ("Wu Xiaoming" / "Xiao Ming Wu").
    if (partsByChineseSyllables(na.chinese) && partsByChineseSyllables(nb.chinese) && !sameChineseName(na.chinese!, nb.chinese!) && [...na.tokens].sort().join(' ') === [...nb.tokens].sort().join(' '))
      return { same: false, score: Math.min(scored.score, 0.85), why: ['the same syllables in another order: another given name', ...scored.why] }
    // Screening forgives a typo; one's own name does not change a syllable ("Xiaoming" / "Xiaomin" are two names).
    const changed = syllableChanged(na.tokens, nb.tokens, apartTest(na, nb))
    if (!changed) return { same: true, score: scored.score, why: scored.why }
    return { same: false, score: Math.min(scored.score, 0.85), why: [`"${changed[0]}" and "${changed[1]}" are different names: a syllable or a consonant changed, not a spelling`, ...scored.why] }
  }
  // A business name is not a fuller form of a person's ("Chinedu Nwosu" / "CN Nwosu Labs LLC"): only the comparator decides there.
  if (looksLikeCompany(a) || looksLikeCompany(b) || na.legalForms.length || nb.legalForms.length) return { same: false, score: scored.score, why: scored.why }
  // Every word of the shorter name written out whole in the longer, in any order, with middle names added
  // or left out ("Huong Phan" / "Phan Thu Huong", "An Hoang Pham" / "Pham Hoang An"): one person's
  // family-first and given-first forms. No syllable was changed, so a syllable reading does not part them.
  const whole = sameWholeWords(hyphenJoined(a, na.tokens), hyphenJoined(b, nb.tokens)) ?? twoWordsJoined(na.tokens, nb.tokens)
  if (whole) return { same: true, score: Math.max(scored.score, 0.9), why: [whole, ...scored.why] }
  // Two names that read as Korean syllables and differ there are two people, however else they look alike.
  const koreanApart = partsBySyllables(na.korean) && partsBySyllables(nb.korean) && !sameKoreanName(na.korean!, nb.korean!)
  if (koreanApart && scored.why.some(w => w.includes('syllable'))) return { same: false, score: scored.score, why: scored.why }
  const fuller = fullerForm(na.tokens, nb.tokens, apartTest(na, nb))
  if (fuller) return { same: true, score: Math.max(scored.score, 0.9), why: [fuller, ...scored.why] }
  return { same: false, score: scored.score, why: scored.why }
}

/** A word on each side, found nowhere on the other, that reads as different Korean or Chinese syllables though a letter or two apart. */
function syllableChanged(ta: string[], tb: string[], wordsApart: WordsApart): [string, string] | null {
  // "hyang" beside "hyangmi" where the other side also has "mi": a given name written together, not changed.
  const joinedWith = (x: string, side: string[], other: string) => side.some(y => y !== x && (x + y === other || y + x === other))
  for (const w of ta) {
    if (tb.includes(w)) continue
    for (const v of tb) {
      if (ta.includes(v) || joinedWith(w, ta, v) || joinedWith(v, tb, w)) continue
      const s = tokenSimilarity(w, v)
      if (s.sim >= 0.8 && s.how !== 'same' && s.how !== 'doubled letters' && s.how !== 'initial' && wordsApart(w, v)) return [w, v]
    }
  }
  return null
}

type WordsApart = (w: string, v: string) => boolean

/** Words read as syllables only when both whole names read so (an English "Katherine" also splits into syllables). */
function apartTest(na: NormalisedName, nb: NormalisedName): WordsApart {
  const korean = partsBySyllables(na.korean) && partsBySyllables(nb.korean)
  const chinese = partsByChineseSyllables(na.chinese) && partsByChineseSyllables(nb.chinese)
  // A name that reads as a Korean or Chinese one on either side (Hangul, or a family name and a given name of that
  // shape) is parted only by its syllables: romanisations change consonants (Zhang / Chang, 박 / Pack). Every other
  // name is parted by a consonant changed, whatever its letters happen to read as (Samir Ali / Sabir Ali).
  const romanised = [na, nb].some(n => partsBySyllables(n.korean) || partsByChineseSyllables(n.chinese))
  return (w, v) =>
    (korean && differentSyllableWords(w, v)) ||
    (chinese && differentChineseWords(w, v)) ||
    (!romanised && (consonantSwapped(w, v) || consonantInserted(w, v) || openVowelChanged(w, v) || finalVowelChanged(w, v))) ||
    vowelNameChanged(w, v) ||
    otherGenderForm(w, v)
}

const vowelRuns = (x: string) => x.match(/[aeiouyw]+/g) ?? []
const sameConsonants = (w: string, v: string) => w.replace(/[aeiouyw]+/g, '.') === v.replace(/[aeiouyw]+/g, '.')

/**
 * The same consonants with an "a" where the other has an "i": Akana / Akina, Jamal / Jamil, Hassan / Hussin
 * are different names. Transliteration moves vowels between near neighbours (a/e, e/i, o/u: Ahmad / Ahmed,
 * Yusuf / Yousef), and "o" stands for "a" in Ukrainian, Uzbek and Tajik spelling (Oleksandr, Farhod), so
 * only a and i, which no standard confuses, part two names.
 */
function openVowelChanged(w: string, v: string): boolean {
  if (!sameConsonants(w, v)) return false
  const [rw, rv] = [vowelRuns(w), vowelRuns(v)]
  return rw.length === rv.length && rw.some((x, i) => (x === 'a' && rv[i] === 'i') || (x === 'i' && rv[i] === 'a'))
}

/** Only the last vowel differs, among a, o and i: Mario / Maria, Sumarno / Sumarni (Javanese -o and -i), Yuki / Yuka. */
function finalVowelChanged(w: string, v: string): boolean {
  if (w.length !== v.length || w.length < 4 || w.slice(0, -1) !== v.slice(0, -1)) return false
  const pair = [w.at(-1), v.at(-1)].sort().join('')
  return pair === 'ao' || pair === 'io' || pair === 'ai'
}

const markerAt = (words: string[]) => words.findIndex((w, i) => i > 0 && i < words.length - 1 && PATRONYMIC_MARKERS.has(w.toLowerCase()))

/**
 * Both names written with "bin", "binti", "a/l" or "ibn": the words before it are the person's own name, the
 * words after it the father's. Own names that share nothing are two people, even with the same words
 * ("Faizal bin Abdul Rahman" / "Abdul Rahman bin Faizal": a son and his father). Why, or null.
 */
function ownNamesApart(a: string, b: string): string | null {
  const [wa, wb] = [a.split(/\s+/).filter(Boolean), b.split(/\s+/).filter(Boolean)]
  const [ia, ib] = [markerAt(wa), markerAt(wb)]
  if (ia < 1 || ib < 1) return null
  const own = (words: string[], at: number) => normaliseName(words.slice(0, at).join(' '), 'Person').tokens
  const [oa, ob] = [own(wa, ia), own(wb, ib)]
  const alike = oa.some(x => ob.some(y => tokenSimilarity(x, y).sim >= 0.8 || shortFormOf(x, y) || shortFormOf(y, x)))
  if (alike) return null
  return `"${wa.slice(0, ia).join(' ')}" and "${wb.slice(0, ib).join(' ')}" are each one's own name before "${wa[ia]}": the others' words are a father's, so these are two people`
}

const GENITIVE = /^(.{2,}?)(?:giin|iin|yn|ijn|in|n)$/
/**
 * A Mongolian name writes the father's name in the genitive before one's own ("Dorjiin Batbayar"); each
 * side's father named as the other's own name ("Batbayaryn Dorj") is a son and his father. Why, or null.
 */
function genitiveSwapped(ta: string[], tb: string[]): string | null {
  const fatherOf = (tokens: string[], other: string[]) => tokens.map(t => GENITIVE.exec(t)?.[1]).find(stem => stem && other.includes(stem) && !tokens.includes(stem))
  const [fa, fb] = [fatherOf(ta, tb), fatherOf(tb, ta)]
  if (!fa || !fb || fa === fb) return null
  return `each name gives the other's own name as the father's ("${fa}", "${fb}"): two people, a father and a son`
}

/** Letters that are one letter written with another mark (Hepburn ō / Nihon-shiki ô, Danish ø / German ö). */
const SAME_MARKED: Record<string, string> = { ō: 'ô', ū: 'û', ā: 'â', ē: 'ê', ī: 'î', ø: 'ö', æ: 'ä' }
const plainLetter = (c: string) => c.normalize('NFD').replace(/[\u0300-\u036f]/g, '')
/**
 * Both names written with their marks, and a word whose marked letters differ where both carry a mark:
 * Yūko / Yōko, Hùng / Hưng (Vietnamese ư is its own letter) are different names. A mark left out on one
 * side (Şükrü / Şukru) is not. Why, or null.
 */
function markedLettersApart(a: string, b: string): string | null {
  const words = (x: string) => x.normalize('NFC').toLowerCase().split(/[\s-]+/).filter(w => /[^\p{ASCII}]/u.test(w) && /^\p{Script=Latin}+$/u.test(w))
  const [wa, wb] = [words(a), words(b)]
  for (const x of wa) {
    if (wb.includes(x)) continue
    for (const y of wb) {
      if (wa.includes(y)) continue
      const [cx, cy] = [[...x], [...y]]
      if (cx.length !== cy.length) continue
      let marked = false
      let aligned = true
      for (let i = 0; i < cx.length && aligned; i++) {
        const [p, q] = [cx[i]!, cy[i]!]
        if (p === q || (SAME_MARKED[p] ?? p) === (SAME_MARKED[q] ?? q)) continue
        const bothMarked = /[^\p{ASCII}]/u.test(p) && /[^\p{ASCII}]/u.test(q)
        if (bothMarked) marked = true
        else if (plainLetter(p) !== plainLetter(q)) aligned = false
      }
      if (aligned && marked) return `"${x}" and "${y}" are written with different marked letters: different names`
    }
  }
  return null
}

/**
 * The same three words or more, one end kept in place and the others moved: "Carlos Hernández Ruiz" /
 * "Carlos Ruiz Hernández" (father's and mother's family names swapped), "Khalid Ahmed Saeed" / "Ahmed Khalid
 * Saeed" (a son and his father in one lineage) are two people. One person's two orders move the family name
 * from one end to the other ("Kim Min Jun" / "Min Jun Kim"), which keeps neither end. Why, or null.
 */
function sameWordsOtherPlaces(ta: string[], tb: string[]): string | null {
  if (ta.length < 3 || ta.length !== tb.length || ta.join(' ') === tb.join(' ') || [...ta].sort().join(' ') !== [...tb].sort().join(' ')) return null
  if (new Set(ta).size !== ta.length) return null
  if (ta[0] !== tb[0] && ta.at(-1) !== tb.at(-1)) return null
  return 'the same words, one end kept and the others in another order: another person in the same family, not another way of writing one name'
}

/**
 * A given name split on one side and joined on the other, one syllable changed between them: "Xiao Ming" /
 * "Xiaomin" are two names. Why, or null.
 */
function joinedSyllableChanged(a: string, b: string, na: NormalisedName, nb: NormalisedName): string | null {
  // Hangul is read syllable by syllable elsewhere (sameKoreanName); its romanised words do not split as written.
  if (na.hangul || nb.hangul) return null
  const apart = apartTest(na, nb)
  // The words as written: the normaliser's Korean spellings ("Yu" as "yoo") would change a Chinese syllable.
  const plain = (x: string, n: NormalisedName) => {
    const folded = x.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
    // Letters that do not fold to a-z (ð, ø, characters): the normaliser's words.
    return /[^\p{ASCII}]/u.test(folded) ? n.tokens : folded.split(/[^a-z]+/).filter(Boolean)
  }
  const [pa, pb] = [plain(a, na), plain(b, nb)]
  for (const [ta, tb] of [[pa, pb], [pb, pa]] as const) {
    for (let i = 0; i + 1 < ta.length; i++) {
      const joined = ta[i]! + ta[i + 1]!
      if (tb.includes(joined)) continue
      const v = tb.find(t => {
        const s = tokenSimilarity(joined, t)
        return t.length >= 4 && !ta.includes(t) && s.sim >= 0.85 && s.how !== 'doubled letters'
      })
      if (v && apart(joined, v)) return `"${ta[i]} ${ta[i + 1]}" written together is "${joined}", another name than "${v}": a syllable changed`
    }
  }
  return null
}

const UMLAUT: Record<string, [string, string]> = { ä: ['a', 'ae'], ö: ['o', 'oe'], ü: ['u', 'ue'] }
/**
 * An umlaut written out on the other side as another vowel: Möller / Mueller (ü's "ue"), Müller / Moller are
 * different names; Möller / Moeller / Moller are one. Why, or null.
 */
function umlautApart(a: string, b: string): string | null {
  const words = (x: string) => x.normalize('NFC').toLowerCase().split(/[\s-]+/).filter(Boolean)
  const [wa, wb] = [words(a), words(b)]
  for (const [xs, ys] of [[wa, wb], [wb, wa]] as const) {
    for (const x of xs) {
      const marks = [...x].filter(c => UMLAUT[c])
      if (marks.length !== 1 || ys.includes(x)) continue
      const [mark] = marks as [string]
      const same = UMLAUT[mark]!.map(r => x.replace(mark, r))
      if (ys.some(y => same.includes(y))) continue
      const other = Object.entries(UMLAUT).filter(([m]) => m !== mark).flatMap(([, rs]) => rs.map(r => x.replace(mark, r)))
      const y = ys.find(y => other.includes(y))
      if (y) return `"${x}" and "${y}" have different vowels where one writes an umlaut: different names`
    }
  }
  return null
}

/** Hungarian "Jánosné" is "wife of János": beside "János" it names another person. Why, or null. */
function wifeOfForm(a: string, b: string): string | null {
  const words = (x: string) => x.normalize('NFC').split(/\s+/).filter(Boolean)
  const [wa, wb] = [words(a), words(b)]
  for (const [x, other] of [[wa, wb], [wb, wa]] as const) {
    const wife = x.find(w => /\p{L}{3,}né$/u.test(w) && other.includes(w.slice(0, -2)) && !other.includes(w))
    if (wife) return `"${wife}" is "wife of ${wife.slice(0, -2)}" (Hungarian -né): another person than ${wife.slice(0, -2)}`
  }
  return null
}

const DIPHTHONG = /^(?:ai|ay|ei|ey|oi|oy|au|aw)$/
/**
 * The same consonants, and where one word has a plain vowel the other has a diphthong: Hassan / Hussain,
 * Sato / Saito are different names, while Hussein / Husain / Husayn or Sergei / Sergey are one.
 */
function vowelNameChanged(w: string, v: string): boolean {
  const consonants = (x: string) => x.replace(/[aeiouyw]+/g, '.')
  if (consonants(w) !== consonants(v)) return false
  const runs = (x: string) => x.match(/[aeiouyw]+/g) ?? []
  const [rw, rv] = [runs(w), runs(v)]
  return rw.length === rv.length && rw.some((x, i) => (DIPHTHONG.test(x) && /^[aeiou]$/.test(rv[i]!)) || (DIPHTHONG.test(rv[i]!) && /^[aeiou]$/.test(x)))
}

/** One name and its other-gender form: Ivan / Ivana, Aleksandr / Aleksandra, Ivanov / Ivanova, Daniel / Danielle, Alexander / Alexandra. */
function otherGenderForm(w: string, v: string): boolean {
  const [short, long] = w.length < v.length ? [w, v] : [v, w]
  if (short.length < 3) return false
  if (long === `${short}a` && /[^aeiouy]$/.test(short)) return true
  if (w.length === v.length && w.length >= 5 && /[^aeiouy]er$/.test(w) && v === `${w.slice(0, -2)}ra`) return true
  if (w.length === v.length && w.length >= 5 && /[^aeiouy]er$/.test(v) && w === `${v.slice(0, -2)}ra`) return true
  return short.endsWith('el') && long === `${short}le`
}

/** Consonants that spell one sound in the languages names come from (Carl/Karl, Zoe/Soe, Wanda/Vanda, Jusuf/Yusuf). */
const SAME_SOUND = ['ck', 'cq', 'kq', 'sz', 'vw', 'jy', 'fv', 'gj', 'cs']
const FINAL_SAME_SOUND = ['dt', 'bp', 'gk']
const VOWEL = /[aeiouy]/
/**
 * Two words of the same length, four letters or more, one letter apart where that letter is a consonant on
 * at least one side and the two are not one sound spelt two ways: Maria / Marta, Sara / Sana are different
 * given names, not one person's spelling of their own. Vowels for vowels stay one name (Sergey / Sergei).
 */
function consonantSwapped(w: string, v: string): boolean {
  if (w.length !== v.length || w.length < 4) return false
  // Vowels may move between spellings meanwhile (Tanaka / Tanabe, Khaled / Khalil, Rakibul / Rafiqul).
  let changed = false
  for (let at = 0; at < w.length; at++) {
    const [x, y] = [w[at]!, v[at]!]
    if (x === y || (VOWEL.test(x) && VOWEL.test(y))) continue
    if (!/[a-z]/.test(x) || !/[a-z]/.test(y)) return false
    const pair = x < y ? `${x}${y}` : `${y}${x}`
    // A final consonant voiced or not is one sound where speech devoices it (Mehmet / Mehmed, Ahmet / Ahmed).
    if (at === w.length - 1 && FINAL_SAME_SOUND.includes(pair)) continue
    if (!SAME_SOUND.includes(pair)) changed = true
  }
  return changed
}

/**
 * One consonant more in the same letters, not an "h" (Jon / John, Sara / Sarah), not a doubled letter
 * (Mohamed / Mohammed), not "ck": Kevin / Kelvin, Martin / Martins are two names.
 */
function consonantInserted(w: string, v: string): boolean {
  const [short, long] = w.length < v.length ? [w, v] : [v, w]
  if (long.length !== short.length + 1 || short.length < 4) return false
  let i = 0
  while (i < short.length && short[i] === long[i]) i++
  if (long.slice(i + 1) !== short.slice(i)) return false
  const c = long[i]!
  // Nor a letter that makes a digraph with the h after it (Enkhjargal / Enhjargal: kh and h spell one sound).
  if (VOWEL.test(c) || c === 'h' || c === 'w' || c === long[i - 1] || c === long[i + 1] || (c === 'k' && long[i - 1] === 'c') || long[i + 1] === 'h') return false
  return /[a-z]/.test(c)
}

/** "jh" as the initials of "jihoon" (ji-hoon): each part starts with its letter and has a vowel. */
function initialsOf(cluster: string, word: string): boolean {
  if (cluster.length < 2 || cluster.length > 3 || /[aeiouy]/.test(cluster) || word.length < cluster.length * 2) return false
  const re = new RegExp(`^${[...cluster].map(c => `${c}[a-z]*?[aeiouy][a-z]*?`).join('')}$`)
  return re.test(word)
}

/**
 * The shorter name's every word written out whole in the longer (at least two of them, each to its own
 * word), whatever the order, with at most three words added: why, or null.
 */
function sameWholeWords(ta: string[], tb: string[]): string | null {
  const [short, long] = ta.length <= tb.length ? [ta, tb] : [tb, ta]
  if (short.length < 2 || long.length - short.length > MAX_ADDED || short.some(w => w.length < 2)) return null
  const left = [...long]
  for (const w of short) {
    const at = left.indexOf(w)
    if (at < 0) return null
    left.splice(at, 1)
  }
  if (left.length) return `the same words in another order, ${left.map(t => `"${t}"`).join(', ')} added`
  return 'the same words in another order'
}

const JOINED_PARTICLES = new Set(['ben', 'bin', 'ibn', 'al', 'el', 'ul', 'abu', 'de', 'da', 'di', 'du', 'del', 'della', 'dos', 'das', 'van', 'von', 'der', 'den', 'ter', 'le', 'la', 'mac', 'mc'])

/**
 * Two words of one name written as one in the other, every other word the same ("Fatima Ben Ali" /
 * "Fatima Benali", "Mohammad Reza Karimi" / "Mohammadreza Karimi", "De Souza" / "Desouza"): why, or null.
 */
function twoWordsJoined(ta: string[], tb: string[]): string | null {
  // Particles the normaliser sets aside ("ben", "al", "van") may be written joined on the other side: "Benali".
  if (ta.length === tb.length && ta.length >= 2) {
    const onlyA = ta.filter(w => !tb.includes(w))
    const onlyB = tb.filter(w => !ta.includes(w))
    if (onlyA.length === 1 && onlyB.length === 1) {
      const [x, y] = onlyA[0]!.length < onlyB[0]!.length ? [onlyA[0]!, onlyB[0]!] : [onlyB[0]!, onlyA[0]!]
      const particle = y.slice(0, y.length - x.length)
      if (x.length >= 2 && y.endsWith(x) && JOINED_PARTICLES.has(particle)) return `"${particle} ${x}" written as one word, "${y}"`
    }
  }
  const [short, long] = ta.length < tb.length ? [ta, tb] : [tb, ta]
  if (long.length !== short.length + 1 || short.length < 2) return null
  for (let i = 0; i + 1 < long.length; i++) {
    const joined = long[i]! + long[i + 1]!
    if (!short.includes(joined)) continue
    const rest = [...long.slice(0, i), joined, ...long.slice(i + 2)]
    if (sameWholeWords(rest, short) !== null && rest.length === short.length) return `"${long[i]} ${long[i + 1]}" written as one word, "${joined}"`
  }
  return null
}

/**
 * The name's words with a hyphenated given name kept as one word ("Kim Min-jun": kim, minjun), so that
 * moving words does not swap its syllables (Min-jun / Jun-min are two names). Only when the written name
 * and its normalised words line up letter for letter; otherwise the normalised words as they are.
 */
function hyphenJoined(raw: string, tokens: string[]): string[] {
  if (!raw.includes('-')) return tokens
  const groups = raw.split(/\s+/).filter(Boolean).map(g => normaliseName(g.replace(/-/g, ' '), 'Person').tokens)
  if (groups.flat().join(' ') !== tokens.join(' ')) return tokens
  return groups.map(g => g.join('')).filter(Boolean)
}

/** Two words that read as the same romanised syllables ("Toa" / "Do-ah" in MR and RR). */
function sameSyllableWord(a: string, b: string): boolean {
  return latinSyllables(a).length > 0 && latinSyllables(b).length > 0 && !differentSyllableWords(a, b)
}

/**
 * A short form a person writes for their own given name: its start, its start with a diminutive -y/-ie,
 * or its end ("Vlad" / "Vladimir", "Ify" / "Ifeoma", "Katie" / "Katherine", "Emeka" / "Chukwuemeka").
 * The full name is at least three letters longer, so two names one ending apart stay two (Daniel / Danielle).
 */
export function shortFormOf(short: string, long: string): boolean {
  if (short.length + 3 > long.length) return false
  // A name joined with another name is a compound given name, not a longer form of its first part: Alireza
  // is not Ali, Mohammadreza not Mohammad, Abdulaziz not Abdul.
  if (COMPOUND_PARTS.has(long.slice(short.length)) || COMPOUND_PARTS.has(long.slice(0, long.length - short.length))) return false
  if (short.length >= 3 && long.startsWith(short)) return true
  const stem = short.replace(/(?<=[^aeiouy])(?:y|ie)$/, '')
  if (stem !== short && stem.length >= 2 && stem.length + 3 <= long.length && long.startsWith(stem)) return true
  return short.length >= 4 && long.endsWith(short)
}

/** Names that join another to make a compound given name (Persian and Arabic usage). */
const COMPOUND_PARTS = new Set(['reza', 'hossein', 'hosein', 'hussein', 'hassan', 'hasan', 'mehdi', 'mahdi', 'ali', 'amin', 'javad', 'rahman', 'rahim', 'aziz', 'karim', 'majid', 'sadegh', 'sadiq', 'kazem', 'ullah', 'allah', 'uddin', 'addin', 'mohammad', 'muhammad', 'abdul', 'abdel', 'abdol', 'gholam'])

interface Found {
  at: number[]
  how: 'whole' | 'initials' | 'short form'
}

/**
 * The shorter name's every word is found in the longer, each to its own word (the same word, a spelling of
 * it, its initial, a short form of it, or two of the longer's words written together: "Sungwoo" / "Sung
 * Woo"), with at most three words added and a whole word among those found: a fuller form of one name.
 * Why, or null. Whole words are placed first, so a family name is not taken as a short form of a given
 * name that starts with it ("Chukwu" / "Chukwuemeka").
 */
function fullerForm(ta: string[], tb: string[], wordsApart: WordsApart): string | null {
  const [short, long] = ta.length <= tb.length ? [ta, tb] : [tb, ta]
  if (short.length < 2 || long.length - short.length > MAX_ADDED + 1) return null
  const used = new Set<number>()
  const found: Array<Found | null> = short.map(() => null)
  const spelling = (w: string, v: string) => {
    const s = tokenSimilarity(w, v)
    if (s.sim < SAME_WORD && !(s.how === 'initial' && s.sim > 0)) return null
    // One romanised syllable changed into another is another name, not a spelling (Sang/Song).
    if (s.how !== 'same' && s.how !== 'doubled letters' && s.how !== 'initial' && wordsApart(w, v)) return null
    return s.how === 'initial' || w.length < 2 ? ('initials' as const) : ('whole' as const)
  }
  const passes: Array<(w: string, j: number) => Found['how'] | null> = [
    (w, j) => (w === long[j] ? 'whole' : null),
    (w, j) => (spelling(w, long[j]!) === 'whole' ? 'whole' : null),
    (w, j) => (initialsOf(w, long[j]!) || initialsOf(long[j]!, w) ? 'initials' : spelling(w, long[j]!)),
    // Not where both names read as syllables and the words differ there ("Xiao" / "Xiaoping", "Min" / "Minjun"): a syllable dropped is another name.
    (w, j) => ((shortFormOf(w, long[j]!) || shortFormOf(long[j]!, w)) && !wordsApart(w, long[j]!) ? 'short form' : null),
  ]
  // Initials run together for three names or more ("HMSK" for Herath Mudiyanselage Sanjeewa Kumara), placed first.
  short.forEach((w, i) => {
    if (w.length < 3 || w.length > 5 || /[aeiouy]/.test(w)) return
    for (let j = 0; j + w.length <= long.length; j++) {
      const run = Array.from({ length: w.length }, (_, k) => j + k)
      if (run.some(k => used.has(k)) || run.map(k => long[k]![0]).join('') !== w) continue
      found[i] = { at: run, how: 'initials' }
      for (const k of run) used.add(k)
      return
    }
  })
  for (const pass of passes) {
    short.forEach((w, i) => {
      if (found[i]) return
      for (let j = 0; j < long.length; j++) {
        if (used.has(j)) continue
        const how = pass(w, j)
        if (how) {
          found[i] = { at: [j], how }
          used.add(j)
          return
        }
      }
    })
    // A given name written together on one side and in two words on the other.
    short.forEach((w, i) => {
      if (found[i]) return
      for (let j = 0; j + 1 < long.length; j++) {
        if (used.has(j) || used.has(j + 1)) continue
        const two = long[j]! + long[j + 1]!
        if (w === two || spelling(w, two) === 'whole' || sameSyllableWord(w, two)) {
          found[i] = { at: [j, j + 1], how: 'whole' }
          used.add(j).add(j + 1)
          return
        }
      }
    })
  }
  if (found.some(f => !f)) return null
  const added = long.filter((_, j) => !used.has(j))
  if (added.length > MAX_ADDED) return null
  const whole = found.filter(f => f!.how === 'whole').length
  if (!whole) return null
  const shortForms = found.filter(f => f!.how === 'short form').length
  // One given name shortened, beside whole words: not a name made of other names' beginnings.
  if (shortForms > 1) return null
  if (added.length) return `a fuller form of the same name: ${added.map(t => `"${t}"`).join(', ')} added`
  if (shortForms) return 'the same name, a given name in its short form'
  return whole < short.length ? 'the same name, some of it as initials' : 'the same words'
}

/** The one whole word two names of two words or more share, when nothing else in them agrees: or null. */
function oneNameShared(ta: string[], tb: string[]): string | null {
  if (ta.length < 2 || tb.length < 2) return null
  const shared = ta.filter(w => w.length >= 2 && tb.includes(w))
  if (shared.length !== 1) return null
  const restA = ta.filter(w => w !== shared[0])
  const restB = tb.filter(w => w !== shared[0])
  // Anything else alike (a spelling, an initial, a short form) is another question than "one name in common".
  if (restA.some(w => restB.some(v => tokenSimilarity(w, v).sim >= 0.6 || shortFormOf(w, v) || shortFormOf(v, w)))) return null
  return shared[0]!
}
