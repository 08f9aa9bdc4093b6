import { boundedMemo } from './boundedMemo'

/**
 * Korean names as people write them. One person's name is written in Hangul, in Revised Romanization
 * (RR, "Jeon Sang-man"), in McCune–Reischauer (MR, "Chŏn Sang-man", "Ch'oe"), in the spellings people
 * choose for themselves ("Chun", "Choi", "Lee", "Park") and with the given name joined, split or
 * hyphenated, family name first or last. This module reads each syllable back to a key made of
 * onset, vowel and coda classes, so those spellings agree and different syllables (Cho/Choi, Jeon/Jeong,
 * Sang/Song, Min/Myung) stay apart.
 *
 * It is a spelling equivalence, not an origin test: any Latin name that reads cleanly as syllables is
 * tried, and nothing here says or infers where anyone is from.
 *
 * The keys are deliberately coarse where the romanisations themselves are ambiguous: MR writes ㄱ and ㅋ
 * both as "k" once its apostrophes are dropped, so plain, aspirated and tense consonants share a class;
 * MR's ŏ/ŭ lose their breves in everyday typing, so a plain "o" reads as ㅗ or ㅓ and "u" as ㅜ or ㅡ.
 */

/** Onset classes of the 19 initial jamo (ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ). */
const ONSET_OF_JAMO = ['K', 'K', 'N', 'T', 'T', 'L', 'M', 'P', 'P', 'S', 'S', '', 'C', 'C', 'C', 'K', 'T', 'P', 'H']
/** The 21 vowels (ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ), by their RR spelling. */
const VOWEL_OF_JAMO = ['a', 'ae', 'ya', 'yae', 'eo', 'e', 'yeo', 'ye', 'o', 'wa', 'wae', 'oe', 'yo', 'u', 'wo', 'we', 'wi', 'yu', 'eu', 'ui', 'i']
/** Coda classes of the 28 finals (none, ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ), as pronounced. */
const CODA_OF_JAMO = ['', 'K', 'K', 'K', 'N', 'N', 'N', 'T', 'L', 'K', 'M', 'L', 'L', 'L', 'P', 'L', 'M', 'P', 'P', 'T', 'T', 'NG', 'T', 'T', 'K', 'T', 'P', 'T']
/** RR letters for Hangul written out in Latin (initials, finals), used to give Hangul names ordinary words. */
const RR_ONSET = ['g', 'kk', 'n', 'd', 'tt', 'r', 'm', 'b', 'pp', 's', 'ss', '', 'j', 'jj', 'ch', 'k', 't', 'p', 'h']
const RR_CODA = ['', 'k', 'k', 'k', 'n', 'n', 'n', 't', 'l', 'k', 'm', 'l', 'l', 'l', 'p', 'l', 'm', 'p', 'p', 't', 't', 'ng', 't', 't', 'k', 't', 'p', 't']

/** Latin onsets, longest first, and their classes. "rh" as in Rhee; "sh" as in Shin, Shim; "th", "ph" for MR's t', p' with the apostrophe typed as an h ("Thaegyu"). */
const ONSETS: Array<[string, string]> = [
  ['tch', 'C'], ['kk', 'K'], ['gg', 'K'], ['kh', 'K'], ['th', 'T'], ['ph', 'P'], ['tt', 'T'], ['dd', 'T'], ['pp', 'P'], ['bb', 'P'], ['ss', 'S'], ['sh', 'S'], ['jj', 'C'], ['ch', 'C'], ['rh', 'L'],
  ['g', 'K'], ['k', 'K'], ['n', 'N'], ['d', 'T'], ['t', 'T'], ['r', 'L'], ['l', 'L'], ['m', 'M'], ['b', 'P'], ['p', 'P'], ['s', 'S'], ['j', 'C'], ['h', 'H'], ['', ''],
]
/**
 * Latin vowel spellings and the vowels each may stand for: RR, MR without its breves (o = ㅗ or ㅓ,
 * u = ㅜ or ㅡ, yo = ㅛ or ㅕ), and common spellings (oo = ㅜ, ee = ㅣ or ㅢ, oi = ㅚ, you = ㅕ or ㅠ).
 */
const VOWELS: Record<string, string[]> = {
  a: ['a'], ae: ['ae'], ai: ['ae'], ya: ['ya'], yae: ['yae'], eo: ['eo'], o: ['o', 'eo'], e: ['e'], yeo: ['yeo'], yo: ['yo', 'yeo'], ye: ['ye'],
  wa: ['wa'], wae: ['wae'], oe: ['oe'], oi: ['oe'], we: ['we', 'oe'], wo: ['wo'], weo: ['wo'], wi: ['wi'], wee: ['wi'], u: ['u', 'eu'], oo: ['u'], woo: ['u'], eu: ['eu'],
  ui: ['ui'], eui: ['ui'], ee: ['i', 'ui'], i: ['i'], yi: ['i'], ie: ['i'], yu: ['yu'], yoo: ['yu'], you: ['yeo', 'yu'],
}
/** Latin codas and their classes ("Chul"/"Chol", "Pag"/"Bak"). */
const CODAS: Array<[string, string]> = [['ng', 'NG'], ['ll', 'L'], ['k', 'K'], ['g', 'K'], ['n', 'N'], ['l', 'L'], ['r', 'L'], ['m', 'M'], ['p', 'P'], ['b', 'P'], ['t', 'T'], ['d', 'T'], ['', '']]

/**
 * Yale romanisation (Samuel Martin, 1942; the system of Korean linguistics): one letter string per jamo
 * wherever it stands. ㅈ is "c", aspirates take an "h" (kh, th, ph, ch), ㅓ is "e", ㅡ is "u", ㅜ is "wu"
 * (plain "u" after m, p, ph, pp), ㅐ/ㅔ/ㅚ/ㅢ are ay/ey/oy/uy, ㅝ/ㅞ are we/wey. Its letters collide with RR's
 * (Yale "e" is RR "eo", Yale "u" is RR "eu"), so a name is read the Yale way only beside the usual readings,
 * and only when something in it is Yale's own (see {@link looksYale}).
 */
const YALE_ONSETS: Array<[string, string]> = [
  ['kk', 'K'], ['kh', 'K'], ['tt', 'T'], ['th', 'T'], ['pp', 'P'], ['ph', 'P'], ['ss', 'S'], ['cc', 'C'], ['ch', 'C'],
  ['k', 'K'], ['n', 'N'], ['t', 'T'], ['l', 'L'], ['m', 'M'], ['p', 'P'], ['s', 'S'], ['c', 'C'], ['h', 'H'], ['', ''],
]
const YALE_VOWELS: Record<string, string[]> = {
  a: ['a'], ay: ['ae'], ya: ['ya'], yay: ['yae'], e: ['eo'], ey: ['e'], ye: ['yeo'], yey: ['ye'], o: ['o'], wa: ['wa'], way: ['wae'], oy: ['oe'], yo: ['yo'],
  wu: ['u'], u: ['eu', 'u'], we: ['wo'], wey: ['we'], wi: ['wi'], yu: ['yu'], uy: ['ui'], i: ['i'],
}
const YALE_CODAS: Array<[string, string]> = [
  ['ng', 'NG'], ['kk', 'K'], ['ks', 'K'], ['k', 'K'], ['n', 'N'], ['l', 'L'], ['m', 'M'], ['ph', 'P'], ['p', 'P'], ['th', 'T'], ['ch', 'T'], ['t', 'T'], ['s', 'T'], ['c', 'T'], ['h', 'T'], ['', ''],
]
/**
 * Spellings only Yale uses: ㅈ as a lone "c", the y-diphthongs ay/ey/oy/uy, ㅜ as "wu", "e" standing alone
 * or "ye" before a final for ㅓ/ㅕ, the aspirates "ph"/"th", "ly" for 류/량 ("Ceng", "Kwuk", "Hyen", "Yeng", "Phyo", "Lyu").
 */
const YALE_MARK = /c(?!h)|[aeou]y(?![aeiou])|wu|(?<![aoyw])e(?![aouyi])|ye(?:ng|[kntlmp])|ph|th|(?<![aeiou])ly(?=[aeiouw])/

interface Scheme {
  onsets: Array<[string, string]>
  vowels: Record<string, string[]>
  vowelSpellings: string[]
  codas: Array<[string, string]>
  /** the common spellings' extra readings of u and yu (RR-family schemes only) */
  loose: boolean
}
const scheme = (onsets: Array<[string, string]>, vowels: Record<string, string[]>, codas: Array<[string, string]>, loose: boolean): Scheme => ({
  onsets,
  vowels,
  vowelSpellings: Object.keys(vowels).sort((a, b) => b.length - a.length),
  codas,
  loose,
})
const USUAL = scheme(ONSETS, VOWELS, CODAS, true)
const YALE = scheme(YALE_ONSETS, YALE_VOWELS, YALE_CODAS, false)

/** Whether a word has a spelling only Yale uses, so that it is worth reading the Yale way too. */
export function looksYale(word: string): boolean {
  return YALE_MARK.test(word)
}

/**
 * Family names whose everyday spelling the syllable rules do not reach, each to its RR spellings (the
 * rest, Lee/Yi/Rhee/Ri, Choi/Choe/Chwe, Jong/Jeong/Jung/Chung, Rim/Lim/Im, Ryu/Yu/Yoo, Ro/Roh/No, Shim/Sim,
 * Seo/So, Kim/Gim, read as syllables).
 */
const FAMILY_SPELLINGS: Record<string, string[]> = {
  park: ['bak'], bark: ['bak'], pahk: ['bak'], paik: ['baek'], baik: ['baek'],
  chun: ['jeon', 'cheon'], jun: ['jeon', 'jun'], suh: ['seo'], huh: ['heo'], hur: ['heo'], her: ['heo'],
  um: ['eom'], uhm: ['eom'], yum: ['yeom'], yeum: ['yeom'], pyun: ['byeon'], byun: ['byeon'], sung: ['seong'], kong: ['gong'],
  // The popular spellings listed for the 21 commonest family names (tests/fixtures/names/korean-surname-spellings.csv),
  // except those that are another family name's own spelling (Gang for 장, Chin for 신, Sung for 송, Kwang for 강,
  // Su for 서, Hyong for 홍, Jeung for 장).
  kym: ['gim'], ghim: ['gim'], gym: ['gim'], rey: ['i'], bac: ['bak'], joung: ['jeong'], choung: ['jeong'], che: ['choe'], chey: ['choe'], tsoi: ['choe'],
  joe: ['jo'], jou: ['jo'], yune: ['yun'], yeun: ['yun'], rym: ['rim'], lym: ['rim'], hann: ['han'], oe: ['o'], au: ['o'], sur: ['seo'], seu: ['seo'],
  jeun: ['jeon'], chen: ['jeon'], hoang: ['hwang'], whoang: ['hwang'], whoan: ['hwang'], soung: ['song'], ann: ['an'], aan: ['an'], houng: ['hong'],
}
/** Two-syllable family names (남궁, 황보, 제갈, 선우, 독고, 사공, 서문, 동방), for Hangul written without a space. */
const COMPOUND_FAMILY = new Set(['남궁', '황보', '제갈', '선우', '독고', '사공', '서문', '동방'])
/**
 * Korean family names borne by some thousands of people or more (Statistics Korea, 2015 census surname
 * table; 계 and 량 as written in the DPRK's own lists). A Latin name is parted from another by its Korean
 * syllables only when one end of it is one of these: letter shape alone reads many names as syllables ("Mohamed Ali" as
 * mo-ha-med a-li, "Yuki Sato"), and the syllable rules would then part one person's own spellings of a
 * vowel (Mohamed / Mohamad, Ahmed / Ahmad) that other romanisations write freely. Such names are still
 * read as syllables to find one name's spellings; only parting two names needs the family name. A family
 * name is part of how the name is written, not where its bearer is from.
 */
const FAMILY_NAMES = [
  '김', '이', '박', '최', '정', '강', '조', '윤', '장', '임', '한', '오', '서', '신', '권', '황', '안', '송', '전', '홍', '유', '고', '문', '양',
  '손', '배', '백', '허', '남', '심', '노', '하', '곽', '성', '차', '주', '우', '구', '민', '류', '나', '진', '지', '엄', '채', '원', '천', '방',
  '공', '현', '함', '변', '염', '여', '추', '도', '소', '석', '선', '설', '마', '길', '연', '위', '표', '명', '기', '반', '라', '왕', '금', '옥',
  '육', '인', '맹', '제', '모', '탁', '국', '어', '은', '편', '용', '예', '경', '봉', '사', '부', '가', '복', '태', '목', '형', '계', '피', '두',
  '감', '음', '빈', '동', '온', '호', '범', '좌', '팽', '승', '상', '갈', '단', '견', '당', '화', '창', '량', '로', '림', '리', '려', '렴',
  ...COMPOUND_FAMILY,
]

/** A syllable read from the page: the keys it may stand for (onset.vowel.coda). */
export type Syllable = Set<string>

const HANGUL = /^[\uac00-\ud7a3]+$/u
const isHangul = (s: string) => HANGUL.test(s)

function hangulSyllable(ch: string): Syllable {
  const code = ch.codePointAt(0)! - 0xac00
  const l = Math.floor(code / 588)
  const v = Math.floor((code % 588) / 28)
  const t = code % 28
  return new Set([`${ONSET_OF_JAMO[l]}.${VOWEL_OF_JAMO[v]}.${CODA_OF_JAMO[t]}`])
}

/** Hangul written out in RR letters, syllables joined ("상만" → "sangman"). */
export function hangulToRoman(word: string): string {
  return [...word]
    .map(ch => {
      const code = ch.codePointAt(0)! - 0xac00
      if (code < 0 || code > 11171) return ch
      return RR_ONSET[Math.floor(code / 588)]! + VOWEL_OF_JAMO[Math.floor((code % 588) / 28)]! + RR_CODA[code % 28]!
    })
    .join('')
}

/** Hangul names as words: "김상만" → "gim sangman" (family name first, as Hangul writes it). */
export function romaniseHangul(text: string): string {
  return text.replace(/[\uac00-\ud7a3]+/gu, word => {
    const chars = [...word]
    if (chars.length < 2 || chars.length > 5) return hangulToRoman(word)
    const familyLength = chars.length >= 3 && COMPOUND_FAMILY.has(chars.slice(0, 2).join('')) ? 2 : 1
    return `${hangulToRoman(chars.slice(0, familyLength).join(''))} ${hangulToRoman(chars.slice(familyLength).join(''))}`
  })
}

const MAX_PARSES = 12
/** Readings kept per name: enough for every split of a real name, few enough that comparing two stays cheap. */
const MAX_READINGS = 48

/** Longer words are not one person's name part written as syllables (and would cost time to read). */
const MAX_WORD = 24

const syllableMemo = boundedMemo(50_000, key => (key.startsWith('y:') ? readSyllables(key.slice(2), YALE) : readSyllables(key, USUAL)))

/** Every way a Latin word reads as romanised syllables; empty when it does not read cleanly. Remembered (names repeat). */
export function latinSyllables(word: string, yale = false): Syllable[][] {
  return syllableMemo(yale ? `y:${word}` : word)
}

function readSyllables(word: string, sc: Scheme): Syllable[][] {
  // A silent h after a vowel ("Oh", "Ahn", "Sohn", "Roh"); "Wh" is ㅎ plus w ("Whang" = Hwang). Yale writes every h.
  const w = sc.loose ? word.replace(/^wh/, 'hw').replace(/([aeiouy])h(?![aeiouwy])/g, '$1') : word
  if (!w || w.length > MAX_WORD || !/^[a-z]+$/.test(w)) return []
  // Every syllable that can start at each position, then which positions can reach the end: the walk
  // below only steps where a whole reading exists, so its work stays small whatever the input.
  const steps: Array<Array<{ next: number; syllable: Syllable }>> = Array.from({ length: w.length }, () => [])
  for (let at = 0; at < w.length; at++) {
    for (const [onsetSpelling, onset] of sc.onsets) {
      if (!w.startsWith(onsetSpelling, at)) continue
      const afterOnset = at + onsetSpelling.length
      for (const v of sc.vowelSpellings) {
        if (!w.startsWith(v, afterOnset)) continue
        // MR's t'/p' typed "th"/"ph" go with MR's own vowels; before e, eo or eu they read as English ("Theo", "Phe").
        if (sc.loose && (onsetSpelling === 'th' || onsetSpelling === 'ph') && /^(e|eo|eu|ye|yeo)$/.test(v)) continue
        const afterVowel = afterOnset + v.length
        for (const [codaSpelling, coda] of sc.codas) {
          if (!w.startsWith(codaSpelling, afterVowel)) continue
          const next = afterVowel + codaSpelling.length
          // A coda consonant followed by a vowel is the next syllable's onset instead (except ng; before a glide
          // y/w, either); n, l and m also stay codas before a syllable with no onset, as joined given names are
          // written without RR's hyphen ("Yeonu" 연우, "Jinah" 진아, "Jinun" 진은 beside "Jina" 지나).
          if (codaSpelling && codaSpelling !== 'ng' && !/^[nlm]$/.test(codaSpelling) && next < w.length && /[aeiou]/.test(w[next]!)) continue
          const readings = sc.loose ? vowelReadings(v, onset, coda) : sc.vowels[v]!
          steps[at]!.push({ next, syllable: new Set(readings.map(x => `${onset}.${x}.${coda}`)) })
        }
      }
    }
  }
  const reaches = new Array<boolean>(w.length + 1).fill(false)
  reaches[w.length] = true
  for (let at = w.length - 1; at >= 0; at--) reaches[at] = steps[at]!.some(s => reaches[s.next])
  if (!reaches[0]) return []
  const out: Syllable[][] = []
  const walk = (at: number, acc: Syllable[]) => {
    if (out.length >= MAX_PARSES) return
    if (at === w.length) return void out.push(acc)
    for (const s of steps[at]!) if (reaches[s.next]) walk(s.next, [...acc, s.syllable])
  }
  walk(0, [])
  // "ae", "eo", "ui" are one vowel as a rule; read as two syllables only as a second choice ("Suil" = su-il).
  const fewest = Math.min(...out.map(p => p.length))
  return out.filter(p => p.length <= fewest + 1)
}

/** Common spellings write ㅓ as "u" before a final consonant ("Sung", "Jung", "Suk", "Chul", "Bum", "Sub", "Sun", "Chun") and ㅕ as "yu" ("Hyun", "Myung"). */
function vowelReadings(spelling: string, onset: string, coda: string): string[] {
  const base = VOWELS[spelling]!
  if (onset && spelling === 'u' && coda) return [...base, 'eo']
  if (onset && spelling === 'yu') return [...base, 'yeo']
  return base
}

/** The initial-sound rule: ㄹ at the start of a name part is also written ㅇ (before i/y) or ㄴ; ㄴ before i/y also ㅇ. */
function withInitialRule(s: Syllable): Syllable {
  const out = new Set(s)
  for (const key of s) {
    const [onset, vowel, coda] = key.split('.') as [string, string, string]
    const iotated = vowel === 'i' || vowel.startsWith('y')
    if (onset === 'L') out.add(`${iotated ? '' : 'N'}.${vowel}.${coda}`)
    if (onset === 'N' && iotated) out.add(`.${vowel}.${coda}`)
  }
  return out
}

/** One way of reading a name: its family name's syllables and its given name's, in order. */
export interface KoreanReading {
  family: Syllable[]
  given: Syllable[]
  /** Written in Hangul, or the family name is one of FAMILY_NAMES and the given name has a Korean one's shape: see {@link partsBySyllables}. */
  listed: boolean
}

/**
 * Whether a name's syllables may part it from another name: a reading whose family name is a Korean one and
 * whose given name has a Korean given name's shape (one or two syllables with Sino-Korean endings). Letter
 * shape alone reads many names as syllables ("Mohamed Ali" as mo-ha-med a-li, "Yuki Sato"); reading them so
 * to find a spelling is harmless, but parting them by a changed vowel would call one person's own spellings
 * (Mohamed / Mohamad, Ahmed / Ahmad) two names. Both tests read how the name is written: many family names
 * are shared across languages (Shah reads as 사, Han, Lee, Ma), which is why the given name's shape is read too.
 */
export function partsBySyllables(readings: KoreanReading[] | undefined): boolean {
  return Boolean(readings?.some(r => r.listed))
}

function wordReadings(word: string, yale: boolean): Syllable[][] {
  if (isHangul(word)) return [[...word].map(hangulSyllable)]
  return latinSyllables(word, yale)
}

function product(parts: Syllable[][][]): Syllable[][] {
  let acc: Syllable[][] = [[]]
  for (const options of parts) {
    const next: Syllable[][] = []
    for (const a of acc) for (const o of options) if (next.length < MAX_PARSES) next.push([...a, ...o])
    acc = next
  }
  return acc
}

/** The words of a name as people write them: hyphens, dots and spaces split, MR apostrophes drop, breves become eo/eu. */
export function koreanWords(name: string): string[] {
  return name
    .normalize('NFD')
    .replace(/o[\u0306\u030c]/g, 'eo')
    .replace(/u[\u0306\u030c]/g, 'eu')
    .replace(/O[\u0306\u030c]/g, 'Eo')
    .replace(/U[\u0306\u030c]/g, 'Eu')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC')
    .replace(/['’‘`ʼ]/g, '')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[\s\-.,]+/)
    .filter(Boolean)
}

const readingsMemo = boundedMemo(20_000, name => {
  const words = koreanWords(name)
  const found = readingsOf(words, false)
  return words.some(w => !isHangul(w) && looksYale(w)) ? [...found, ...readingsOf(words, true)] : found
})

/**
 * The ways a name reads as a Korean name: family name first or last, the given name joined, split or
 * hyphenated; read the Yale way as well when a word has a spelling only Yale uses. Empty when any word
 * does not read cleanly as syllables. Remembered per name (the rules and screening compare one name often).
 */
export function koreanReadings(name: string): KoreanReading[] {
  return readingsMemo(name)
}

function readingsOf(words: string[], yale: boolean): KoreanReading[] {
  if (!words.length || words.length > 4 || words.some(w => !/^[a-z]+$/.test(w) && !isHangul(w))) return []
  const parsed = words.map(w => wordReadings(w, yale))
  // A family name may be spelt its own way ("Park"); every other word must read cleanly as syllables.
  const familyOptions = (index: number): Syllable[][] => {
    const extra = yale ? [] : (FAMILY_SPELLINGS[words[index]!] ?? []).flatMap(w => latinSyllables(w))
    return [...parsed[index]!, ...extra].filter(p => p.length <= 2)
  }
  const readings: KoreanReading[] = []
  const add = (families: Syllable[][], givens: Syllable[][], hangul: boolean) => {
    for (const f of families)
      for (const g of givens) {
        if (readings.length >= MAX_READINGS) return
        if (!f.length || !g.length || g.length > 3) continue
        // Given names follow the rule syllable by syllable as people write them ("Jong-ryul" / "Jong-yul").
        readings.push({ family: [withInitialRule(f[0]!), ...f.slice(1)], given: g.map(withInitialRule), listed: hangul || (isFamilyName(f) && isSinoKoreanGiven(g)) })
      }
  }
  if (words.length === 1) {
    // Hangul written without a space: the family name is the first syllable (or a two-syllable family name).
    const word = words[0]!
    if (!isHangul(word) || word.length < 2) return []
    const chars = [...word]
    const familyLength = chars.length >= 3 && COMPOUND_FAMILY.has(chars.slice(0, 2).join('')) ? 2 : 1
    const syllables = parsed[0]![0]!
    if (!syllables) return []
    add([syllables.slice(0, familyLength)], [syllables.slice(familyLength)], true)
    return readings
  }
  const rest = (from: number, to: number) => (parsed.slice(from, to).some(p => !p.length) ? [] : product(parsed.slice(from, to)))
  add(familyOptions(0), rest(1, words.length), isHangul(words[0]!))
  add(familyOptions(words.length - 1), rest(0, words.length - 1), isHangul(words[words.length - 1]!))
  return readings
}

/** The family names as syllables, with the initial-sound rule's spellings (이 read from "Ri", "Rhee", "Lee"). */
const FAMILY_RUNS: Syllable[][] = FAMILY_NAMES.map(f => [...f].map(ch => withInitialRule(hangulSyllable(ch))))

/**
 * Whether a given name read from Latin letters has the shape of a Korean one: one or two syllables, each
 * ending as Sino-Korean syllables do (a vowel, or ㄱ ㄴ ㄹ ㅁ ㅂ ㅇ; never a final t/d/s, which Korean given
 * names all but never have). "Ahmed" reads a-med, "Hamid" ha-mid, "Osama" o-sa-ma: not Korean given names,
 * whatever family name stands beside them ("Ahmed Shah", "Osama Jang").
 */
function isSinoKoreanGiven(given: Syllable[]): boolean {
  return given.length <= 2 && given.every(s => [...s].some(k => !k.endsWith('.T')))
}

/** Whether a run of syllables read from Latin letters can be one of the family names. */
function isFamilyName(run: Syllable[]): boolean {
  const read = run.map(withInitialRule)
  return FAMILY_RUNS.some(f => sameRun(f, read))
}

const same = (a: Syllable, b: Syllable) => [...a].some(k => b.has(k))
const sameRun = (a: Syllable[], b: Syllable[]) => a.length === b.length && a.every((s, i) => same(s, b[i]!))

/** Whether two names read as the same Korean syllables, family and given name alike, in any of their readings. */
export function sameKoreanName(a: KoreanReading[], b: KoreanReading[]): boolean {
  for (const x of a) for (const y of b) if (sameRun(x.family, y.family) && sameRun(x.given, y.given)) return true
  return false
}

/** A word's readings as syllables: the usual ones, a family name's own spelling ("Park"), Yale when marked. */
function wordAsSyllables(w: string): Syllable[][] {
  return [...latinSyllables(w), ...(FAMILY_SPELLINGS[w] ?? []).flatMap(x => latinSyllables(x)), ...(looksYale(w) ? latinSyllables(w, true) : [])]
}

/**
 * Whether two written words both read as romanised syllables and no reading of one is a reading of the
 * other ("Sang" / "Song", "Jeonyun" / "Jeongyun", "Yun" / "Yeon"): a word with one letter changed that
 * still reads as syllables is another name, not a typo.
 */
export function differentSyllableWords(a: string, b: string): boolean {
  const pa = wordAsSyllables(a)
  const pb = wordAsSyllables(b)
  if (!pa.length || !pb.length) return false
  return !pa.some(x => pb.some(y => sameRun(x.map(withInitialRule), y.map(withInitialRule))))
}

const skeletonsOf = (s: Syllable): string[] => [...new Set([...s].map(k => { const [onset, , coda] = k.split('.'); return `${onset}${coda}` }))].sort()
function skeletonRuns(run: Syllable[], cap: number): string[] {
  let acc = ['']
  for (const s of run) {
    const next: string[] = []
    for (const a of acc) for (const k of skeletonsOf(s)) if (next.length < cap) next.push(a ? `${a}-${k}` : k)
    acc = next
  }
  return acc
}

/**
 * Index keys for finding a Korean name however it is romanised: the consonant skeleton (onset and final
 * classes) of the family name and of the given name, syllable by syllable, from each reading. "Shim
 * Hyunseop", "Sim Hyon Sop" and 심현섭 share them where phonetic keys of the words do not (Shim/Sim,
 * Hyunseop/Hyon Sop). Candidates only: the name comparator decides.
 */
export function koreanIndexKeys(name: string): string[] {
  const keys = new Set<string>()
  for (const r of koreanReadings(name).slice(0, 6)) {
    for (const f of skeletonRuns(r.family, 4)) for (const g of skeletonRuns(r.given, 4)) {
      keys.add(`ko:${f}|${g}`)
      keys.add(`ko:|${g}`)
    }
    if (keys.size >= 24) break
  }
  return [...keys]
}
