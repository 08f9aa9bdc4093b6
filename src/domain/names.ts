import { JaroWinklerDistance } from 'natural/lib/natural/distance'
import { DoubleMetaphone } from 'natural/lib/natural/phonetics'
import { transliterate } from 'transliteration'
import { chineseReadings, differentChineseWords, isPinyinSyllable, partsByChineseSyllables, sameChineseName, type ChineseReading } from './chineseNames'
import { differentSyllableWords, koreanReadings, partsBySyllables, romaniseHangul, sameKoreanName, type KoreanReading } from './koreanNames'
import { samePersonName } from './samePersonNames'
import { arabicSkeleton, hasArabicScript, latinSkeleton, sameArabicWord, spellingKey } from './scriptNames'
import { boundedMemo } from './boundedMemo'

/**
 * One name comparator for screening and for the claims-consistency rules. It compares how names are
 * written: transliterated from other scripts, accent- and case-blind, token-order-free, tolerant of
 * typos, initials and acronyms, nicknames, number words, titles, legal forms (in several languages) and
 * Korean romanisation variants; and it says why. It never reads what a name suggests about anyone's
 * origin.
 */
export type NameSchema = 'Person' | 'Company' | 'Organization' | 'LegalEntity' | 'Vessel' | string

/** Forms of address and offices: they say what someone is called, not who. */
const TITLES = new Set([
  'mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'professor', 'sir', 'dame', 'lady', 'lord', 'madam', 'madame', 'mme', 'mlle', 'monsieur', 'herr', 'frau',
  'senor', 'senora', 'sheikh', 'shaikh', 'hon', 'rev', 'jr', 'sr', 'ii', 'iii', 'phd', 'md', 'esq', 'president', 'prasident', 'presidente', 'premier',
  'minister', 'general', 'gen', 'colonel', 'col', 'captain', 'capt', 'senator', 'sen', 'governor', 'gov', 'king', 'queen', 'prince', 'princess', 'emir',
  'mullah', 'maulana', 'maulvi', 'qari', 'imam',
])
/** Legal-form words: they say what kind of body it is, not which one, so they are set aside. */
const LEGAL_FORMS = new Set([
  'ltd', 'limited', 'llc', 'lc', 'inc', 'incorporated', 'corp', 'corporation', 'co', 'company', 'gmbh', 'mbh', 'ag', 'aktiengesellschaft', 'sa', 'sas', 'sarl', 'srl', 'spa', 'bv', 'nv',
  'plc', 'oy', 'oyj', 'ab', 'as', 'asa', 'aps', 'kg', 'ohg', 'ooo', 'oao', 'zao', 'pao', 'ao', 'jsc', 'ojsc', 'cjsc', 'pjsc', 'llp', 'lp', 'pte', 'pvt', 'pty', 'kk', 'gk', 'tbk', 'sdn', 'bhd', 'jv',
  'sp', 'zoo', 'spzoo', 'doo', 'dd', 'kft', 'zrt', 'nyrt', 'sro', 'spol', 'ltda', 'cia', 'sac', 'eirl', 'se', 'ug', 'ev', 'kabushiki', 'kaisha', 'yugen', 'gongsi', 'youxian', 'obshchestvo', 's', 'a', 'l', 'c', 'o', 'z', 'the', 'and', 'of',
])
/** Spellings of one legal form, so that "AG" and "Aktiengesellschaft", "OOO" and "LLC" agree. */
const LEGAL_FORM_CANONICAL: Record<string, string> = {
  limited: 'ltd', pvt: 'pte', incorporated: 'inc', corporation: 'corp', company: 'co', aktiengesellschaft: 'ag', mbh: 'gmbh', oyj: 'oy', kabushiki: 'kk', kaisha: 'kk', ooo: 'llc', lc: 'llc',
  oao: 'ojsc', zao: 'cjsc', pao: 'pjsc', ao: 'jsc', zoo: 'spzoo', sp: 'spzoo', z: '', l: '', c: '', s: '', a: '', o: '', the: '', and: '', of: '',
}
/** Legal forms written out in words, in the languages sanctions lists use most; longest first. */
const LEGAL_PHRASES: Array<[RegExp, string]> = [
  [/\bopen joint[ -]stock company\b/g, 'ojsc'],
  [/\bclosed joint[ -]stock company\b/g, 'cjsc'],
  [/\bpublic joint[ -]stock company\b/g, 'pjsc'],
  [/\bjoint[ -]stock company\b/g, 'jsc'],
  [/\blimited liability company\b/g, 'llc'],
  [/\blimited liability partnership\b/g, 'llp'],
  [/\blimited partnership\b/g, 'lp'],
  [/\bpublic limited company\b/g, 'plc'],
  [/\bgesellschaft mit beschrankter haftung\b/g, 'gmbh'],
  [/\bsocietatea cu raspundere limitata\b/g, 'srl'],
  [/\bsocieta a responsabilita limitata\b/g, 'srl'],
  [/\bsociete a responsabilite limitee\b/g, 'sarl'],
  [/\bsociedad anonima\b|\bsociete anonyme\b/g, 'sa'],
  [/\bspolka z ograniczona odpowiedzialnoscia\b|\bsp z o o\b/g, 'spzoo'],
  [/\bobshchestvo s ogranichennoy otvetstvennostyu\b/g, 'llc'],
  [/\baktsionernoe obshchestvo\b/g, 'jsc'],
  [/\bprivate limited\b/g, 'pte ltd'],
  [/\bzartkoruen mukodo reszvenytarsasag\b/g, 'zrt'],
  // Turkish: anonim şirketi (A.Ş.), limited şirketi (Ltd. Şti.).
  [/\banonim sirketi\b/g, 'as'],
  [/\blimited sirketi\b|\bltd sti\b/g, 'ltd'],
  [/\bnyilvanosan mukodo reszvenytarsasag\b/g, 'nyrt'],
  [/\bkorlatolt felelossegu tarsasag\b/g, 'kft'],
  // One country under its names: a listed body "of the Democratic People's Republic of Korea" is written "of the DPRK", "of North Korea".
  [/\bdemocratic (?:peoples?|people s) republic of korea\b|\bnorth korea\b|\bkorea dpr\b|\bdpr korea\b|\bd p r k\b/g, 'dprk'],
]
/** Long legal-form words, recognised through a typo or two ("Aktiengeselschaft"). */
const LONG_LEGAL_WORDS = ['aktiengesellschaft', 'incorporated', 'corporation', 'kommanditgesellschaft']

/** Short forms of common words in organisation names. */
const ABBREVIATIONS: Record<string, string> = {
  intl: 'international', natl: 'national', dept: 'department', univ: 'university', assn: 'association', assoc: 'association', mfg: 'manufacturing',
  bros: 'brothers', svcs: 'services', mgmt: 'management', grp: 'group', hldgs: 'holdings', inst: 'institute', ctr: 'center', centre: 'center',
}

/** Common given-name diminutives (English usage), each to one full form. */
const NICKNAMES: Record<string, string> = {
  bob: 'robert', rob: 'robert', bobby: 'robert', robbie: 'robert', bill: 'william', will: 'william', billy: 'william', willy: 'william', liam: 'william',
  jim: 'james', jimmy: 'james', jamie: 'james', mike: 'michael', mick: 'michael', mikey: 'michael', dave: 'david', davy: 'david', dan: 'daniel', danny: 'daniel',
  tom: 'thomas', tommy: 'thomas', joe: 'joseph', joey: 'joseph', jack: 'john', johnny: 'john', jon: 'jonathan', chris: 'christopher', kit: 'christopher',
  nick: 'nicholas', nicky: 'nicholas', tony: 'anthony', ted: 'theodore', teddy: 'theodore', theo: 'theodore', ben: 'benjamin', benny: 'benjamin',
  sam: 'samuel', sammy: 'samuel', alex: 'alexander', sasha: 'alexander', andy: 'andrew', drew: 'andrew', matt: 'matthew', steve: 'stephen', steven: 'stephen',
  greg: 'gregory', pete: 'peter', rick: 'richard', rich: 'richard', dick: 'richard', ricky: 'richard', ed: 'edward', eddie: 'edward', ned: 'edward',
  fred: 'frederick', freddie: 'frederick', charlie: 'charles', chuck: 'charles', hank: 'henry', harry: 'henry', larry: 'lawrence', jerry: 'gerald',
  tim: 'timothy', timmy: 'timothy', vince: 'vincent', phil: 'philip', ron: 'ronald', ronnie: 'ronald', don: 'donald', ken: 'kenneth', kenny: 'kenneth',
  pat: 'patrick', paddy: 'patrick', ray: 'raymond', walt: 'walter', zach: 'zachary', nate: 'nathaniel', josh: 'joshua', jake: 'jacob', gabe: 'gabriel',
  liz: 'elizabeth', beth: 'elizabeth', betty: 'elizabeth', lizzie: 'elizabeth', eliza: 'elizabeth', kate: 'katherine', katie: 'katherine', kathy: 'katherine',
  cathy: 'katherine', sue: 'susan', susie: 'susan', jen: 'jennifer', jenny: 'jennifer', meg: 'margaret', maggie: 'margaret', peggy: 'margaret',
  becky: 'rebecca', becca: 'rebecca', vicky: 'victoria', tori: 'victoria', mandy: 'amanda', abby: 'abigail', debbie: 'deborah', deb: 'deborah',
  patty: 'patricia', trish: 'patricia', cindy: 'cynthia', sandy: 'sandra', annie: 'anne', nan: 'anne', jess: 'jessica', jessie: 'jessica', ally: 'alexandra',
  mohd: 'muhammad', muhd: 'muhammad',
  dima: 'dmitry', misha: 'mikhail', kolya: 'nikolai', volodya: 'vladimir', vova: 'vladimir', seryozha: 'sergey', lyosha: 'alexey',
  // Russian and Ukrainian everyday forms that do not begin like the full name.
  pasha: 'pavel', zhenya: 'yevgeny', vanya: 'ivan', katya: 'ekaterina', natasha: 'natalia', tanya: 'tatiana', masha: 'maria', dasha: 'daria',
  nastya: 'anastasia', grisha: 'grigory', petya: 'pyotr', kostya: 'konstantin', tolya: 'anatoly', slava: 'vyacheslav', zhora: 'georgy',
  // Polish.
  kasia: 'katarzyna', gosia: 'malgorzata', basia: 'barbara', kuba: 'jakub', zosia: 'zofia', bartek: 'bartlomiej', wojtek: 'wojciech',
  // Spanish, Portuguese and Italian.
  pepe: 'jose', paco: 'francisco', pancho: 'francisco', nacho: 'ignacio', lupe: 'guadalupe', chuy: 'jesus', memo: 'guillermo', lalo: 'eduardo',
  quique: 'enrique', lola: 'dolores', concha: 'concepcion', beppe: 'giuseppe', gigi: 'luigi',
  // Greek everyday forms of baptismal names, and Dutch and German ones.
  giannis: 'ioannis', yiannis: 'ioannis', yannis: 'ioannis', kostas: 'konstantinos', nikos: 'nikolaos', panos: 'panagiotis', thanasis: 'athanasios',
  hans: 'johannes', kees: 'cornelis', henk: 'hendrik', sepp: 'josef',
  // Burmese: "Mg" is how "Maung" is written short; Indonesian "Moh." for Muhammad.
  mg: 'maung', moh: 'muhammad',
  // Everyday forms elsewhere: Lupita (Guadalupe), Kobby (Kwabena, an Akan day name).
  lupita: 'guadalupe', kobby: 'kwabena',
}

/**
 * One family name in two established forms: Bengali surnames in their anglicised and their full form
 * (Chatterjee / Chattopadhyay). The same person writes both.
 */
const SURNAME_FORMS: Record<string, string> = {
  chattopadhyay: 'chatterjee', chattopadhyaya: 'chatterjee', bandyopadhyay: 'banerjee', bandopadhyay: 'banerjee', mukhopadhyay: 'mukherjee',
  gangopadhyay: 'ganguly', gangopadhyaya: 'ganguly', bhattacharjee: 'bhattacharya',
}

/** Words that stand where a name is unknown ("FNU Sutrisno": first name unknown, as US forms write a single name). */
const NOT_A_NAME = new Set(['fnu', 'lnu', 'nfn', 'nmn'])

/** Number words, so that "Forty-Four", "44" and "1st"/"First" agree. */
const UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14,
  fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
}
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fourty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 }
const ORDINALS: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10, eleventh: 11, twelfth: 12,
}
const ROMAN = /^(?=[ivxl]+$)l?x{0,3}(ix|iv|v?i{0,3})$/

function romanValue(s: string): number | null {
  if (!s || !ROMAN.test(s)) return null
  const v: Record<string, number> = { i: 1, v: 5, x: 10, l: 50 }
  let total = 0
  for (let i = 0; i < s.length; i++) {
    const cur = v[s[i]!]!
    const next = v[s[i + 1] ?? ''] ?? 0
    total += cur < next ? -cur : cur
  }
  return total
}

/** Korean surnames and syllables written in several romanisations, mapped to one spelling. */
const ROMANISATION: Record<string, string> = {
  ri: 'lee', rhee: 'lee', yi: 'lee', rhie: 'lee',
  pak: 'park', bak: 'park', pag: 'park',
  choe: 'choi', chwe: 'choi',
  jong: 'jung', jeong: 'jung', chong: 'jung', chung: 'jung', cheong: 'jung',
  gim: 'kim',
  kang: 'kang', gang: 'kang',
  jo: 'cho', joh: 'cho',
  yun: 'yoon', yoon: 'yoon',
  ryu: 'yoo', yu: 'yoo', ryoo: 'yoo',
  im: 'lim', rim: 'lim',
  sin: 'shin',
  gwon: 'kwon',
  no: 'noh', ro: 'noh',
  ko: 'koh', go: 'koh',
  seong: 'sung',
  hwang: 'hwang', whang: 'hwang',
  mun: 'moon',
  bae: 'bae', pae: 'bae',
  baek: 'baek', paek: 'baek',
  un: 'eun', eun: 'eun',
  il: 'il', ill: 'il',
  chol: 'chul', cheol: 'chul', chul: 'chul',
  hyok: 'hyuk', hyeok: 'hyuk',
  gyong: 'kyung', kyong: 'kyung', gyeong: 'kyung',
  sik: 'sik', shik: 'sik',
}
/** Markers of a patronymic ("son of"): the word after one names the father, so order matters there. */
export const PATRONYMIC_MARKERS = new Set(['bin', 'ibn', 'bint', 'binti', 'ben', 'ould', 'walad', 'anak'])
/** Malaysian and Singaporean markers written with a slash (a/l "son of", a/p "daughter of", s/o, d/o): one word, "anak". */
const SLASHED_MARKER = /(^|\s)(?:a\/l|a\/p|s\/o|d\/o)(?=\s)/giu
export const slashedMarkersAsWords = (name: string) => (name.includes('/') ? name.replace(SLASHED_MARKER, '$1anak') : name)
/**
 * Georgian letters in the national romanisation (2002): the transliteration library spells ძ as "z" and
 * ხ as "x", which no Georgian writes (Beridze, Khatia).
 */
const GEORGIAN: Record<string, string> = {
  ა: 'a', ბ: 'b', გ: 'g', დ: 'd', ე: 'e', ვ: 'v', ზ: 'z', თ: 't', ი: 'i', კ: 'k', ლ: 'l', მ: 'm', ნ: 'n', ო: 'o', პ: 'p', ჟ: 'zh', რ: 'r', ს: 's', ტ: 't',
  უ: 'u', ფ: 'p', ქ: 'k', ღ: 'gh', ყ: 'q', შ: 'sh', ჩ: 'ch', ც: 'ts', ძ: 'dz', წ: 'ts', ჭ: 'ch', ხ: 'kh', ჯ: 'j', ჰ: 'h',
}
/**
 * Cyrillic letters as sanctions lists and passports romanise them (BGN/PCGN, ICAO 9303): ц "ts", х "kh",
 * ё "e" (Царёв → Tsarev). The transliteration library writes ц "c" and х "h", which no list does.
 */
const CYRILLIC: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's',
  т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya', і: 'i', ї: 'yi', є: 'ye', ґ: 'g',
  ђ: 'đ', ј: 'j', љ: 'lj', њ: 'nj', ћ: 'ć', џ: 'dž', ѓ: 'gj', ќ: 'kj', ѕ: 'dz',
  ў: 'u', ә: 'a', ғ: 'g', қ: 'k', ң: 'ng', ө: 'o', ұ: 'u', ү: 'u', һ: 'h',
}
const cyrillicInLatin = (s: string) =>
  /\p{Script=Cyrillic}/u.test(s)
    ? s.replace(/\p{Script=Cyrillic}/gu, c => {
        const lower = c.toLowerCase()
        const out = CYRILLIC[lower]
        if (out === undefined) return c
        return c !== lower && out ? out[0]!.toUpperCase() + out.slice(1) : out
      })
    : s
const georgianInLatin = (s: string) => (/\p{Script=Georgian}/u.test(s) ? s.replace(/\p{Script=Georgian}/gu, c => GEORGIAN[c] ?? c) : s)
/** Kazakh and Kyrgyz patronymic surnames (-uly, -uulu; -kyzy) and their Russian form (-ov, -ova) are one name: Serikuly / Serikov. */
const TURKIC_PATRONYMIC = /^([a-z]{3,}?)(?:uly|uulu)$|^([a-z]{3,}?)(?:kyzy|qyzy)$/
/** Slavic patronymics: an extra one on one side is a fuller form of the same name, not a conflict. */
const PATRONYMIC_ENDING = /(ovich|evich|ovych|evych|ovna|evna|ivna|ichna|ich)$/
/** Letters typed as look-alike digits in people's names ("Ig0r"). */
const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '9': 'g', '@': 'a', $: 's' }

const dm = new DoubleMetaphone()

export interface NormalisedName {
  tokens: string[]
  legalForms: string[]
  titles: string[]
  /** the father's name after a patronymic marker ("bin X"), if any */
  father?: string
  /** people's names that read cleanly as Korean syllables: their readings (a spelling equivalence, not an origin) */
  korean?: KoreanReading[]
  /** written in Hangul alone */
  hangul?: boolean
  /** people's names that read cleanly as pinyin or Wade–Giles syllables: their readings */
  chinese?: ChineseReading[]
  /** a name written in Arabic script: its words as consonant skeletons */
  arabic?: string[]
}

function levenshtein(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!
    row[0] = i
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1))
      prev = tmp
    }
  }
  return row[b.length]!
}

/** Merge runs of number words into digits: "forty four" → "44", "first" → "1", "1st" → "1". */
function numbersToDigits(tokens: string[]): string[] {
  const out: string[] = []
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!
    const ord = /^(\d+)(st|nd|rd|th)$/.exec(t)
    if (ord) out.push(ord[1]!)
    else if (ORDINALS[t] !== undefined) out.push(String(ORDINALS[t]))
    else if (TENS[t] !== undefined) {
      const next = tokens[i + 1]
      if (next !== undefined && UNITS[next] !== undefined && UNITS[next]! < 10) {
        out.push(String(TENS[t]! + UNITS[next]!))
        i++
      } else if (next !== undefined && /^\d$/.test(next)) {
        out.push(String(TENS[t]! + Number(next)))
        i++
      } else out.push(String(TENS[t]))
    } else if (UNITS[t] !== undefined) out.push(String(UNITS[t]))
    else out.push(t)
  }
  return out
}

/** A word made of pinyin syllables exactly as written ("huihua", "jinping"): whether each end of a syllable can be reached. */
function pinyinAsWritten(word: string): boolean {
  const reached = [true]
  for (let end = 1; end <= word.length; end++) {
    reached[end] = false
    for (let n = 1; n <= Math.min(6, end) && !reached[end]; n++) reached[end] = reached[end - n]! && isPinyinSyllable(word.slice(end - n, end))
  }
  return reached[word.length]!
}

function turkicPatronymic(t: string): string {
  const m = TURKIC_PATRONYMIC.exec(t)
  if (!m) return t
  return m[1] ? `${m[1]}ov` : `${m[2]}ova`
}

const normalisedMemo = boundedMemo(50_000, key => {
  const cut = key.indexOf('\u0000')
  return computeNormalisedName(key.slice(cut + 1), key.slice(0, cut) as NameSchema)
})

/** A name's words and readings, remembered (the rules and links compare one applicant's name many times). Callers must not change the result. */
export function normaliseName(name: string, schema: NameSchema = 'Person'): NormalisedName {
  return normalisedMemo(`${schema}\u0000${name}`)
}

function computeNormalisedName(name: string, schema: NameSchema): NormalisedName {
  const isPerson = schema === 'Person'
  // A person's name in Hangul reads as its syllables with the family name apart ("김상만" → "gim sangman").
  const written = isPerson ? romaniseHangul(cyrillicInLatin(georgianInLatin(slashedMarkersAsWords(name.normalize('NFKC'))))) : cyrillicInLatin(name.normalize('NFKC'))
  // "VladimirPutin" is two words; "GmbH" and "McKesson" are one.
  // Pinyin lü and nü (吕, 女) are written Lyu and Nyu on passports, Lv in typing: not the Lu of 卢 or 陆.
  const pinyinU = isPerson ? written.replace(/(?<![\p{L}])([LlNn])[üǖǘǚǜ](?![\p{L}])/gu, '$1yu') : written
  let ascii = transliterate(pinyinU.replace(/(\p{Ll}{2,})(\p{Lu}\p{Ll}{2,})/gu, '$1 $2'))
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    // Dotted acronyms are one word ("A.B.C." is "abc"); apostrophes join, they do not split ("Qa'ida").
    .replace(/\b(?:[a-z]\.){2,}/g, m => m.replace(/\./g, ''))
    .replace(/['’`‘]/g, '')
  if (isPerson) ascii = ascii.replace(/[a-z][a-z0-9@$]*[0-9@$][a-z0-9@$]*/g, m => (/[a-z]/.test(m) && /[a-z].*[a-z]/.test(m) ? m.replace(/[0-9@$]/g, c => LEET[c] ?? c) : m))
  ascii = ascii.replace(/&/g, ' and ').replace(/[^a-z0-9\s-]/g, ' ').replace(/\s+/g, ' ')
  if (!isPerson) for (const [re, form] of LEGAL_PHRASES) ascii = ascii.replace(re, ` ${form} `)
  const legalForms: string[] = []
  const titles: string[] = []
  let tokens: string[] = []
  let father: string | undefined
  const raw = numbersToDigits(ascii.split(/[\s-]+/).filter(Boolean))
  raw.forEach((word, i) => {
    if (isPerson && TITLES.has(word) && raw.length > 1) return void titles.push(word)
    if (isPerson && NOT_A_NAME.has(word) && raw.length > 1) return
    if (!isPerson && (LEGAL_FORMS.has(word) || (word.length >= 10 && LONG_LEGAL_WORDS.some(w => levenshtein(w, word) <= 2)))) {
      const known = LEGAL_FORMS.has(word) ? word : LONG_LEGAL_WORDS.find(w => levenshtein(w, word) <= 2)!
      legalForms.push(LEGAL_FORM_CANONICAL[known] ?? known)
      return
    }
    if (isPerson && PATRONYMIC_MARKERS.has(word) && i > 0 && raw[i + 1]) {
      // "son of": not part of the name itself; remember whose son.
      father ??= raw[i + 1]
      return
    }
    const roman = !isPerson ? romanValue(word) : null
    let t = roman !== null && word.length > 0 ? String(roman) : word
    if (!isPerson) t = ABBREVIATIONS[t] ?? t
    // Single letters are initials, never romanised syllables.
    if (t.length > 1) t = ROMANISATION[t] ?? (isPerson ? (NICKNAMES[t] ?? SURNAME_FORMS[t] ?? turkicPatronymic(t)) : t)
    tokens.push(t)
  })
  // A Russian name in German transliteration ("Jewgeni Igorewitsch Poljanin"), told by its patronymic: w is v, tsch
  // is ch, sch is sh, j before a vowel is y, as English-language lists write them (Yevgeniy Igorevich Polyanin).
  if (isPerson && tokens.some(t => /(?:witsch|wna|tsch)$/.test(t))) {
    tokens = tokens.map(t => t.replace(/schtsch/g, 'shch').replace(/tsch/g, 'ch').replace(/sch/g, 'sh').replace(/w/g, 'v').replace(/j(?=[aeiou])/g, 'y'))
  }
  // The same word twice in a row ("Sergey Sergey Shoigu") says nothing more.
  // Not a Chinese given name of one syllable twice ("Hui Hui", "Ting Ting"): that is the name.
  tokens = tokens.filter((t, i) => t.length === 1 || tokens[i - 1] !== t || (isPerson && isPinyinSyllable(t)))
  // A name made only of legal-form words ("The Company Ltd") keeps them rather than vanishing.
  const kept = tokens.length ? tokens : legalForms.filter(Boolean)
  const korean = isPerson ? koreanReadings(name) : []
  // Characters are read through their pinyin ("陳志明" as chen zhi ming), so that Wade–Giles "Chen Chih-ming" agrees.
  const chinese = isPerson ? chineseReadings(/\p{Script=Han}/u.test(name) && !/\p{Script=Hiragana}|\p{Script=Katakana}/u.test(name) ? kept.join(' ') : name) : []
  const arabic = isPerson && hasArabicScript(name) ? arabicSkeleton(name) : []
  return {
    tokens: kept,
    legalForms,
    titles,
    ...(father ? { father: ROMANISATION[father] ?? father } : {}),
    ...(korean.length ? { korean } : {}),
    ...(korean.length && /^[\p{Script=Hangul}\s.,-]+$/u.test(name.trim()) ? { hangul: true } : {}),
    ...(chinese.length ? { chinese } : {}),
    ...(arabic.length ? { arabic } : {}),
  }
}

interface TokenMatch {
  a: string
  b: string
  sim: number
  how: string
}

const collapse = (s: string) => s.replace(/(.)\1+/g, '$1')

/** Phonetic codes and word similarities repeat across comparisons (screening compares each applicant with
 * many listed names sharing words): both are remembered, within a bound. */
const phonetic = boundedMemo(50_000, word => dm.process(word) as [string, string])
const similarityMemo = boundedMemo(200_000, key => {
  const cut = key.indexOf('\u0000')
  return computeTokenSimilarity(key.slice(0, cut), key.slice(cut + 1))
})
export function tokenSimilarity(a: string, b: string): { sim: number; how: string } {
  if (a === b) return { sim: 1, how: 'same' }
  return similarityMemo(a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`)
}

function computeTokenSimilarity(a: string, b: string): { sim: number; how: string } {
  if (a.length === 1 || b.length === 1) return a[0] === b[0] ? { sim: 0.9, how: 'initial' } : { sim: 0, how: 'different' }
  // Codes and numbers carry their meaning in every character: no typo tolerance.
  if (/\d/.test(a) || /\d/.test(b)) return { sim: 0, how: 'different' }
  if (collapse(a) === collapse(b)) return { sim: 0.95, how: 'doubled letters' }
  // One name through the common transliterations of Cyrillic ("Yuriy"/"Iurii"/"Yury", "Fyodor"/"Fedor").
  const raw = typoSimilarity(a, b)
  if (raw.sim < 0.93 && a.length >= 3 && b.length >= 3 && spellingKey(a) === spellingKey(b)) return { sim: 0.93, how: 'spelling' }
  return raw
}

function typoSimilarity(a: string, b: string): { sim: number; how: string } {
  const edits = levenshtein(a, b)
  const shortest = Math.min(a.length, b.length)
  // Short words: one changed letter in a word of four ("Musk"/"Mosk") is a typo; in three or fewer,
  // a different word.
  if (shortest <= 4) return shortest === 4 && edits === 1 && a[0] === b[0] ? { sim: 0.82, how: 'typo' } : { sim: 0, how: 'different' }
  const jw = JaroWinklerDistance(a, b, {})
  const editSim = 1 - edits / Math.max(a.length, b.length)
  // A typo changes few letters: one or two in a word of five or more, or a quarter of a long one.
  // Jaro-Winkler alone forgives long shared prefixes ("Zucker-mann/-berg").
  if (jw >= 0.85 && (edits <= 1 || editSim >= 0.75)) return { sim: Math.max(jw, 0.9), how: 'typo' }
  if (edits === 2 && a.length >= 5 && b.length >= 5 && a[0] === b[0] && jw >= 0.8) return { sim: 0.86, how: 'typo' }
  const [pa, sa] = phonetic(a)
  const [pb, sb] = phonetic(b)
  if (jw >= 0.75 && editSim >= 0.5 && pa.length > 2 && (pa === pb || pa === sb || sa === pb)) return { sim: 0.9, how: 'sounds alike' }
  return { sim: 0, how: 'different' }
}

export interface NameScore {
  score: number
  match: boolean
  why: string[]
}

/** Threshold chosen before measuring, from what a person would accept as "the same name written differently". */
export const MATCH_THRESHOLD = 0.88

const weight = (t: string) => Math.max(2, t.length)

/**
 * An unmatched short word that is the initials of a run of unmatched words on the other side ("PLA" /
 * "People's Liberation Army", "JC" / "Jean Claude", "US" / "United States").
 */
function acronymMatches(left: string[], right: string[]): Array<{ acronym: string; words: string[] }> {
  const found: Array<{ acronym: string; words: string[] }> = []
  const usedRight = new Set<number>()
  for (const a of left) {
    if (a.length < 2 || a.length > 6 || /\d/.test(a)) continue
    for (let start = 0; start + a.length <= right.length; start++) {
      const run = right.slice(start, start + a.length)
      if (run.some((_, k) => usedRight.has(start + k))) continue
      if (run.map(w => w[0]).join('') === a) {
        found.push({ acronym: a, words: run })
        run.forEach((_, k) => usedRight.add(start + k))
        break
      }
    }
  }
  return found
}

function alignTokens(ta: string[], tb: string[], isPerson: boolean): { score: number; matches: TokenMatch[]; unmatched: string[]; notes: string[] } {
  // Greedy best-first alignment over all pairs: order-free, each token used once.
  const pairs: Array<TokenMatch & { i: number; j: number }> = []
  ta.forEach((a, i) => tb.forEach((b, j) => pairs.push({ a, b, i, j, ...tokenSimilarity(a, b) })))
  pairs.sort((x, y) => y.sim - x.sim || weight(y.a) + weight(y.b) - weight(x.a) - weight(x.b))
  const usedA = new Set<number>()
  const usedB = new Set<number>()
  const matches: TokenMatch[] = []
  const notes: string[] = []
  const weightOf = new Map<string, number>()
  for (const p of pairs) {
    if (p.sim <= 0 || usedA.has(p.i) || usedB.has(p.j)) continue
    usedA.add(p.i)
    usedB.add(p.j)
    matches.push({ a: p.a, b: p.b, sim: p.sim, how: p.how })
  }
  let leftA = ta.filter((_, i) => !usedA.has(i))
  let leftB = tb.filter((_, j) => !usedB.has(j))
  // Acronyms of words left over on the other side count as those words.
  for (const [from, to, flip] of [[leftA, leftB, false], [leftB, leftA, true]] as const) {
    for (const m of acronymMatches(from, to)) {
      matches.push(flip ? { a: m.words.join(' '), b: m.acronym, sim: 0.9, how: 'initials' } : { a: m.acronym, b: m.words.join(' '), sim: 0.9, how: 'initials' })
      weightOf.set(m.acronym, m.words.reduce((s, w) => s + weight(w), 0))
      if (flip) {
        leftB = leftB.filter(t => t !== m.acronym)
        leftA = leftA.filter(t => !m.words.includes(t))
      } else {
        leftA = leftA.filter(t => t !== m.acronym)
        leftB = leftB.filter(t => !m.words.includes(t))
      }
    }
  }
  // A person's initials alone ("N.N.") say too little: they count only beside a whole matched word.
  if (isPerson && matches.every(m => m.how === 'initials')) return { score: 0, matches, unmatched: [...leftA, ...leftB], notes: ['only initials agree'] }
  // Leftover patronymics ("Vladimirovich") are a fuller form of the same name: they weigh little.
  const w = (t: string) => weightOf.get(t) ?? (isPerson && PATRONYMIC_ENDING.test(t) && t.length > 6 ? 1 : weight(t))
  const num = matches.reduce((s, m) => s + m.sim * (w(m.a) + w(m.b)), 0)
  const matchedA = matches.reduce((s, m) => s + w(m.a), 0)
  const matchedB = matches.reduce((s, m) => s + w(m.b), 0)
  const totalA = matchedA + leftA.reduce((s, t) => s + w(t), 0)
  const totalB = matchedB + leftB.reduce((s, t) => s + w(t), 0)
  let score = totalA + totalB ? num / (totalA + totalB) : 0
  // One name is the other with words added ("Ana Lucia Perez" / "Ana Perez"): when every word of the
  // shorter is matched, and at least two are, the shorter one's coverage counts more.
  // People only: an added word in a body's name often names another body ("Bank" / "Bank Chile").
  if (isPerson && matches.length >= 2 && (!leftA.length || !leftB.length) && (leftA.length || leftB.length)) {
    const quality = num / Math.max(1, matchedA + matchedB)
    const longer = !leftA.length ? matchedB / totalB : matchedA / totalA
    // A fuller form adds a middle, father's or maternal name or two ("Ana María López García" / "Ana López");
    // many added words are more likely another person sharing two names.
    const added = leftA.length + leftB.length
    const subset = quality * (added <= 2 ? 0.8 + 0.2 * longer : 0.7 + 0.3 * longer)
    if (subset > score) {
      score = subset
      notes.push('one name is the other with words added')
    }
  }
  // Words left over on both sides disagree ("Hans O Friedrich" / "Hans Joachim Friedrich"): a conflict,
  // not a missing middle name.
  // …and so does a number on one side only ("Trading 7" / "Trading"): numbers tell entities apart.
  if ((leftA.length && leftB.length) || [...leftA, ...leftB].some(t => /\d/.test(t))) score *= 0.85
  return { score, matches, unmatched: [...leftA, ...leftB], notes }
}

export function scoreNames(name1: string, name2: string, schema: NameSchema = 'Person'): NameScore {
  // "A/B" and "A; B" list aliases: the best-matching pair of aliases decides. ("A/S", "c/o" are not.)
  const split = (n: string) => n.split(/\s*(?<!\b\p{L})\/(?!\p{L}\b)\s*|\s*[;|]\s*/u).filter(Boolean)
  const alts1 = split(name1)
  const alts2 = split(name2)
  if (alts1.length > 1 || alts2.length > 1) {
    let best: NameScore = { score: 0, match: false, why: [] }
    for (const x of alts1) for (const y of alts2) {
      const s = scorePair(x, y, schema)
      if (s.score > best.score) best = { ...s, why: [`aliases "${x}" and "${y}"`, ...s.why] }
    }
    return best
  }
  return scorePair(name1, name2, schema)
}

function scorePair(name1: string, name2: string, schema: NameSchema): NameScore {
  return scoreNormalised(normaliseName(name1, schema), normaliseName(name2, schema), schema === 'Person')
}

/** A person's name as family name and given name written together, family name first or last. */
function familyAndGiven(tokens: string[]): string[] {
  if (tokens.length < 2 || tokens.length > 4 || tokens.some(t => t.length < 2 || /\d/.test(t))) return []
  const first = `${tokens[0]}|${tokens.slice(1).join('')}`
  const last = `${tokens[tokens.length - 1]}|${tokens.slice(0, -1).join('')}`
  return [first, last].filter(f => f.length >= 6)
}

/**
 * An Arabic-script name beside a Latin one, word by word (see scriptNames.ts): every word of the shorter
 * side spelt by its own word on the other (two adjacent words may be written as one, "عبد الله" / "Abdullah"),
 * in any order; each word added on the longer side (a father's or family name) weighs a little.
 */
function skeletonScore(arabic: string[], latin: string[]): number {
  if (!arabic.length || !latin.length) return 0
  const merged = (ws: string[]) => [ws, ...ws.slice(1).map((_, i) => [...ws.slice(0, i), ws[i]! + ws[i + 1]!, ...ws.slice(i + 2)])]
  let best = 0
  for (const ar of merged(arabic)) {
    for (const la of merged(latin)) {
      const usedL = new Set<number>()
      let found = 0
      for (const w of ar) {
        const j = la.findIndex((v, k) => !usedL.has(k) && sameArabicWord(w, v))
        if (j >= 0) {
          usedL.add(j)
          found++
        }
      }
      const shorter = Math.min(ar.length, la.length)
      const extra = Math.max(ar.length, la.length) - found
      if (found === shorter && (found >= 2 || (ar.length === 1 && la.length === 1))) best = Math.max(best, Math.max(0.88, 0.92 - 0.02 * extra))
    }
  }
  return best
}

const LEGAL_FAMILY: Record<string, string> = { ojsc: 'jsc', cjsc: 'jsc', pjsc: 'jsc', jsc: 'jsc' }

/**
 * Score two names already normalised: screening normalises each listed name once, not once per
 * comparison (transliteration is most of a comparison's cost).
 */
export function scoreNormalised(a: NormalisedName, b: NormalisedName, isPerson = true): NameScore {
  if (!a.tokens.length || !b.tokens.length) return { score: 0, match: false, why: ['a name is empty'] }
  const aligned = alignTokens(a.tokens, b.tokens, isPerson)
  // Names split or joined differently ("Jong Un" / "Jongun", "Silver Star" / "Silverstar").
  const joinedA = a.tokens.join('')
  const joinedB = b.tokens.join('')
  const sortedA = [...a.tokens].sort().join('')
  const sortedB = [...b.tokens].sort().join('')
  // Only when the letters are the same length (a word split or joined), not when one name extends the other.
  const sameDigits = joinedA.replace(/\D/g, '') === joinedB.replace(/\D/g, '')
  // A split or join moves spaces, not letters: the letters must agree but for a typo.
  // Equal word counts too when the letters are the very same ("Abdulaziz Al-Harbi" / "Abdul Aziz Alharbi": two spaces moved).
  const sameLength = Math.abs(joinedA.length - joinedB.length) <= 1 && (a.tokens.length !== b.tokens.length || joinedA === joinedB) && sameDigits && Math.min(levenshtein(joinedA, joinedB), levenshtein(sortedA, sortedB)) <= 2
  const joined = sameLength ? Math.max(JaroWinklerDistance(joinedA, joinedB, {}), JaroWinklerDistance(sortedA, sortedB, {})) * 0.97 : 0
  let score = aligned.score
  const why: string[] = [...aligned.notes]
  if (joined > score && (joinedA.length >= 6 || joinedB.length >= 6)) {
    score = joined
    why.push(`written together, "${joinedA}" ≈ "${joinedB}"`)
  }
  // The same name with the family name first on one side and last on the other, the given name joined
  // on one side and split on the other ("Xiao Ming Wu" / "Wu Xiaoming", "Minjun Kim" / "Kim Min-jun").
  if (isPerson && score < MATCH_THRESHOLD && a.tokens.join(' ') !== b.tokens.join(' ')) {
    const formsB = familyAndGiven(b.tokens)
    const shared = familyAndGiven(a.tokens).find(f => formsB.includes(f))
    if (shared) {
      score = 0.95
      why.push(`the same family and given name, written in another order or joined: "${shared.replace('|', '", "')}"`)
    }
  }
  // Chinese names read syllable by syllable, pinyin or Wade–Giles (Hsi Chin-p'ing / Xi Jinping, Mao Tse-tung /
  // Mao Zedong, Chang / Zhang), the given name joined or split, either order; unless both read as Korean
  // syllables that differ (the Korean reading is the finer one there).
  if (isPerson && score < MATCH_THRESHOLD && a.chinese && b.chinese && sameChineseName(a.chinese, b.chinese) && !(a.korean && b.korean && !sameKoreanName(a.korean, b.korean))) {
    score = 0.93
    why.push('the same Chinese syllables in pinyin or Wade–Giles')
  }
  // Both read as Chinese syllables and no reading agrees: a letter that turns one syllable into another
  // ("Huihui" / "Huihua", "Xiaoming" / "Xiaomin") is another given name, not a typo.
  if (isPerson && score >= MATCH_THRESHOLD && partsByChineseSyllables(a.chinese) && partsByChineseSyllables(b.chinese) && !sameChineseName(a.chinese!, b.chinese!) && !(a.korean && b.korean && sameKoreanName(a.korean, b.korean))) {
    // Pinyin as written on both sides ("Jansen" reads as Wade–Giles only by a stretch).
    const changed = aligned.matches.find(m => (m.how === 'typo' || m.how === 'sounds alike' || m.how === 'spelling') && pinyinAsWritten(m.a) && pinyinAsWritten(m.b) && differentChineseWords(m.a, m.b))
    if (changed) {
      score = Math.min(score, 0.85)
      why.push(`read as Chinese syllables, "${changed.a}" and "${changed.b}" are different syllables`)
    }
  }
  // A name in Arabic script beside a Latin one: the consonants agree ("محمد" / Muhammad, Mohammed).
  if (isPerson && score < MATCH_THRESHOLD && !a.arabic !== !b.arabic) {
    const across = a.arabic ? skeletonScore(a.arabic, latinSkeleton(b.tokens)) : skeletonScore(b.arabic!, latinSkeleton(a.tokens))
    if (across > score) {
      score = across
      why.push('the same consonants across Arabic and Latin script')
    }
  }
  // Korean names read syllable by syllable, whichever romanisation each side uses (Choe/Choi, Jon/Jeon,
  // Rim/Lim, Tok/Deok, So/Seo, 김상만/Kim Sang-man).
  if (isPerson && a.korean && b.korean) {
    const sameSyllables = sameKoreanName(a.korean, b.korean)
    if (score < MATCH_THRESHOLD && sameSyllables) {
      score = 0.95
      why.push('the same Korean syllables in another romanisation')
    } else if (score >= MATCH_THRESHOLD && !sameSyllables && (a.hangul || b.hangul)) {
      // Both written in Hangul: no romanisation stands between them, so another syllable (종/정) is another
      // name, not a spelling variant, whatever the romanised letters look like.
      score = Math.min(score, 0.85)
      why.push('written in Hangul, the syllables differ')
    } else if (score >= MATCH_THRESHOLD && !sameSyllables && [a, b].every(n => n.korean!.some(r => r.family.length === 1) && partsBySyllables(n.korean))) {
      // Both read as romanised syllables and no reading agrees: a one-letter change that turns one valid
      // syllable into another (Sang/Song, Dong/Dang, Yun/Yeon, "Jeonyun"/"Jeongyun"), a syllable dropped or
      // repeated, is another name, not a typo. Doubled letters ("Anna"/"Ana") stay a spelling.
      const changed = aligned.matches.find(m => (m.how === 'typo' || m.how === 'sounds alike' || m.how === 'spelling') && differentSyllableWords(m.a, m.b))
      const dropped = aligned.unmatched.length > 0 || a.tokens.length !== b.tokens.length
      // The same words in another order that no reading puts in one order: the given syllables swapped ("Min-jun" / "Jun-min").
      const swapped = !changed && !dropped && !aligned.matches.some(m => m.how === 'doubled letters')
      if (changed || dropped || swapped) {
        score = Math.min(score, 0.85)
        why.push(changed ? `read as syllables, "${changed.a}" and "${changed.b}" are different syllables` : dropped ? 'read as syllables, one name has a syllable the other lacks' : 'read as syllables, the given name\'s syllables are in another order')
      }
    }
  }
  for (const m of aligned.matches) why.push(m.how === 'same' ? `"${m.a}" = "${m.b}"` : `"${m.a}" ~ "${m.b}" (${m.how}, ${m.sim.toFixed(2)})`)
  if (aligned.unmatched.length) why.push(`not matched: ${aligned.unmatched.map(t => `"${t}"`).join(', ')}`)
  // "X bin Y" and "Y bin X" are father and son: the word after "bin" must agree when both have one.
  if (a.father && b.father && tokenSimilarity(a.father, b.father).sim === 0) {
    score *= 0.75
    why.push(`fathers' names differ: "${a.father}" vs "${b.father}"`)
  }
  const formsA = [...new Set(a.legalForms.filter(Boolean).map(f => LEGAL_FAMILY[f] ?? f))]
  const formsB = [...new Set(b.legalForms.filter(Boolean).map(f => LEGAL_FAMILY[f] ?? f))]
  if (formsA.length && formsB.length && !formsA.some(f => formsB.includes(f))) {
    // Both name a legal form and they differ (AG vs GmbH): two different bodies, as a rule.
    score *= 0.9
    why.push(`legal forms differ: ${formsA.join(' ')} vs ${formsB.join(' ')}`)
  } else if (a.legalForms.join() !== b.legalForms.join()) why.push('legal forms set aside')
  score = Math.round(score * 1000) / 1000
  return { score, match: score >= MATCH_THRESHOLD, why }
}

const COMPANY_WORDS = /\b(llc|llp|inc|ltd|limited|gmbh|corp|corporation|company|co|plc|sa|srl|bv|pty|consulting|solutions|services|technologies|tech|group|holdings|trading|studio|agency|labs|software|systems|ventures)\b/i

export function looksLikeCompany(name: string): boolean {
  // "L.L.C.", "S.A.", "B.V.": legal forms are often written with a dot after each letter.
  return COMPANY_WORDS.test(name.replace(/\b(?:[A-Za-z]\.){2,}/g, m => m.replace(/\./g, '')))
}

export interface NameComparison {
  match: boolean
  score: number
}

/**
 * For the claims-consistency rules and links: is the second name the same person as the first, as one
 * person writes their own name (see samePersonNames.ts)?
 */
export function compareNames(a: string, b: string): NameComparison {
  const r = samePersonName(a, b)
  return { match: r.same, score: r.score }
}
