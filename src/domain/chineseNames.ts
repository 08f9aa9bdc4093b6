/**
 * Chinese names as people write them in Latin letters: Hanyu Pinyin (the 1958 standard, ISO 7098) and
 * Wade–Giles (the older system still used in Taiwanese passports and older records: "Hsi Chin-p'ing" = Xi
 * Jinping, "Mao Tse-tung" = Mao Zedong, "Chang" = Zhang), with the given name joined, hyphenated or split
 * into syllables and the family name first or last ("Xiao Ming Wu" = "Wu Xiaoming").
 *
 * Each syllable is read to the set of pinyin syllables it may stand for. Wade–Giles marks aspiration with
 * an apostrophe that everyday typing drops, so an unmarked "ch", "k", "t", "p", "ts" stands for both the
 * plain and the aspirated pinyin initial (ch = zh/ch or j/q, k = g/k, t = d/t, p = b/p, ts = z/c).
 *
 * A spelling equivalence, not an origin test: any name whose words read cleanly as these syllables is tried.
 */

/** Pinyin finals (syntactically; a few combinations that do not occur are harmless). */
const FINALS = ['iang', 'iong', 'uang', 'ueng', 'ang', 'eng', 'ing', 'ong', 'iao', 'ian', 'uai', 'uan', 'ai', 'ei', 'ao', 'ou', 'an', 'en', 'er', 'ia', 'ie', 'iu', 'in', 'ua', 'uo', 'ui', 'un', 'ue', 've', 'a', 'o', 'e', 'i', 'u', 'v']
const PINYIN = new RegExp(`^(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(?:${FINALS.join('|')})$`)
/** Initials that do not take i/ü finals, and those that only do (j, q, x). */
const PALATAL = /^[jqx]/

export function isPinyinSyllable(s: string): boolean {
  if (!PINYIN.test(s)) return false
  if (PALATAL.test(s) && !/^[jqx](?:i|u|v)/.test(s)) return false
  if (/^(?:zh|ch|sh|[gkhzcsr])i(?!$)/.test(s) && !/^(?:zh|ch|sh|[zcsr])i$/.test(s)) return false
  if (/^[yw]/.test(s) && /^[yw](?:i|u|v)(?:a|e|o)/.test(s) && !/^y(?:ue|uan|un)|^wu$/.test(s)) return false
  return true
}

/** Wade–Giles syllables that are read whole. */
const WG_WHOLE: Record<string, string[]> = {
  erh: ['er'], shih: ['shi'], chih: ['zhi', 'chi'], jih: ['ri'], tzu: ['zi', 'ci'], tsu: ['zu', 'cu'], ssu: ['si'], szu: ['si'], yu: ['you', 'yu'],
  yung: ['yong'], yen: ['yan'], yeh: ['ye'], yueh: ['yue'], yuan: ['yuan'], yun: ['yun'], hsu: ['xu'], hsun: ['xun'], hsueh: ['xue'], hsuan: ['xuan'],
}
const WG_INITIALS: Array<[string, string[], string[]]> = [
  // spelling, pinyin before a/e/o/u, pinyin before i/ü
  ['hs', [], ['x']],
  ['ch', ['zh', 'ch'], ['j', 'q']],
  ['sh', ['sh'], ['sh']],
  ['ts', ['z', 'c'], ['z', 'c']],
  ['tz', ['z', 'c'], ['z', 'c']],
  ['k', ['g', 'k'], ['g', 'k']],
  ['t', ['d', 't'], ['d', 't']],
  ['p', ['b', 'p'], ['b', 'p']],
  ['j', ['r'], ['r']],
  ['m', ['m'], ['m']], ['f', ['f'], ['f']], ['n', ['n'], ['n']], ['l', ['l'], ['l']], ['h', ['h'], ['h']], ['s', ['s'], ['s']], ['w', ['w'], ['w']], ['y', ['y'], ['y']],
  ['', [''], ['']],
]

function wgFinals(final: string, initial: string): string[] {
  const out = new Set<string>([final])
  const swap: Array<[RegExp, string]> = [[/iung$/, 'iong'], [/ung$/, 'ong'], [/ien$/, 'ian'], [/ieh$/, 'ie'], [/ueh$/, 'ue'], [/uei$/, 'ui'], [/eh$/, 'e'], [/ih$/, 'i']]
  for (const [re, to] of swap) if (re.test(final)) out.add(final.replace(re, to))
  // "ko", "ho", "k'o" are ge, he, ke; "lo", "to", "no", "so", "tso", "jo", "cho" are luo, duo, nuo, suo, zuo, ruo, zhuo.
  if (final === 'o' && /^(k|h)$/.test(initial)) out.add('e')
  if (final === 'o' && /^(t|n|l|s|ts|tz|j|ch|sh)$/.test(initial)) out.add('uo')
  if (final === 'uan' || final === 'un' || final === 'u' || final === 'ue') out.add(final.replace(/^u/, 'v'))
  return [...out]
}

const wgMemo = new Map<string, Set<string>>()

/** The pinyin syllables one written syllable (pinyin or Wade–Giles without its apostrophes) may stand for; empty when neither. */
export function pinyinOf(syllable: string): Set<string> {
  let found = wgMemo.get(syllable)
  if (found) return found
  found = new Set<string>()
  if (isPinyinSyllable(syllable)) found.add(syllable)
  for (const p of WG_WHOLE[syllable] ?? []) found.add(p)
  for (const [spelling, plain, palatal] of WG_INITIALS) {
    if (!syllable.startsWith(spelling)) continue
    const final = syllable.slice(spelling.length)
    if (!final || !/^[aeiouv]/.test(final)) continue
    const initials = /^[iv]|^u(?:eh|an|n)?$/.test(final) && palatal.length ? (spelling === 'hs' || /^[iv]/.test(final) ? palatal : [...plain, ...palatal]) : plain
    for (const i of initials) for (const f of wgFinals(final, spelling)) if (isPinyinSyllable(i + f)) found.add(i + f)
    break
  }
  if (wgMemo.size > 20_000) wgMemo.clear()
  wgMemo.set(syllable, found)
  return found
}

/** Every way a word splits into pinyin or Wade–Giles syllables (at most four), fewest syllables first. */
export function chineseSyllables(word: string): Array<Array<Set<string>>> {
  if (!/^[a-z]+$/.test(word) || word.length > 18) return []
  const out: Array<Array<Set<string>>> = []
  const walk = (at: number, acc: Array<Set<string>>) => {
    if (out.length >= 6 || acc.length > 4) return
    if (at === word.length) return void out.push(acc)
    for (let end = Math.min(word.length, at + 6); end > at; end--) {
      const s = pinyinOf(word.slice(at, end))
      if (s.size) walk(end, [...acc, s])
    }
  }
  walk(0, [])
  const fewest = Math.min(...out.map(p => p.length))
  return out.filter(p => p.length === fewest)
}

export interface ChineseReading {
  family: Set<string>
  given: Array<Set<string>>
}

const readingMemo = new Map<string, ChineseReading[]>()

/** The ways a name reads as a Chinese name (family name first or last, one syllable); empty when a word does not read as syllables. */
export function chineseReadings(name: string): ChineseReading[] {
  let found = readingMemo.get(name)
  if (found) return found
  const words = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/['’‘`ʼ]/g, '')
    .toLowerCase()
    .replace(/ü/g, 'v')
    .split(/[\s\-.,]+/)
    .filter(Boolean)
  found = []
  if (words.length >= 2 && words.length <= 4) {
    const parsed = words.map(chineseSyllables)
    if (parsed.every(p => p.length)) {
      const flat = (ps: typeof parsed) => ps.map(p => p[0]!).flat()
      for (const [familyAt, rest] of [[0, parsed.slice(1)], [words.length - 1, parsed.slice(0, -1)]] as const) {
        const fam = parsed[familyAt]![0]!
        if (fam.length !== 1) continue
        const given = flat([...rest])
        if (given.length >= 1 && given.length <= 3) found.push({ family: fam[0]!, given })
      }
    }
  }
  if (readingMemo.size > 20_000) readingMemo.clear()
  readingMemo.set(name, found)
  return found
}

/**
 * Whether a name's syllables may part it from another name: a reading with a given name of one or two
 * syllables, as Chinese given names are. "Osama Jang" reads o-sa-ma as pinyin, three syllables: no Chinese
 * given name, so Osama / Usama is not parted as two Chinese names. Reading it so to find a spelling is harmless.
 */
export function partsByChineseSyllables(readings: ChineseReading[] | undefined): boolean {
  return Boolean(readings?.some(r => r.given.length <= 2))
}

const meet = (a: Set<string>, b: Set<string>) => [...a].some(x => b.has(x))

/** Whether two names read as the same Chinese syllables, family and given name alike, in any order. */
export function sameChineseName(a: ChineseReading[], b: ChineseReading[]): boolean {
  return a.some(x => b.some(y => meet(x.family, y.family) && x.given.length === y.given.length && x.given.every((s, i) => meet(s, y.given[i]!))))
}

/**
 * Whether two written words both read as pinyin/Wade–Giles syllables and share no reading ("Xiaoming" /
 * "Xiaomin"): one letter that turns a syllable into another makes another given name, not a typo.
 */
export function differentChineseWords(a: string, b: string): boolean {
  const pa = chineseSyllables(a)
  const pb = chineseSyllables(b)
  if (!pa.length || !pb.length) return false
  return !pa.some(x => pb.some(y => x.length === y.length && x.every((s, i) => meet(s, y[i]!))))
}
