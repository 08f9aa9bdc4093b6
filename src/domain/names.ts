import { JaroWinklerDistance } from 'natural/lib/natural/distance'
import { DoubleMetaphone } from 'natural/lib/natural/phonetics'
import { transliterate } from 'transliteration'

/**
 * One name comparator for screening and for the claims-consistency rules. It compares how names are
 * written: transliterated from other scripts, accent- and case-blind, token-order-free, tolerant of
 * typos, initials, titles, legal forms and Korean romanisation variants; and it says why. It never
 * reads what a name suggests about anyone's origin.
 */
export type NameSchema = 'Person' | 'Company' | 'Organization' | 'LegalEntity' | 'Vessel' | string

const TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'professor', 'sir', 'dame', 'lady', 'lord', 'madam', 'mme', 'mlle', 'herr', 'frau', 'sheikh', 'shaikh', 'hon', 'rev', 'jr', 'sr', 'ii', 'iii', 'phd', 'md', 'esq'])
/** Legal-form words: they say what kind of body it is, not which one, so they are set aside. */
const LEGAL_FORMS = new Set([
  'ltd', 'limited', 'llc', 'lc', 'inc', 'incorporated', 'corp', 'corporation', 'co', 'company', 'gmbh', 'mbh', 'ag', 'aktiengesellschaft', 'sa', 'sas', 'sarl', 'srl', 'spa', 'bv', 'nv',
  'plc', 'oy', 'oyj', 'ab', 'as', 'asa', 'aps', 'kg', 'ohg', 'ooo', 'oao', 'zao', 'pao', 'ao', 'jsc', 'ojsc', 'cjsc', 'pjsc', 'llp', 'lp', 'pte', 'pty', 'kk', 'gk', 'tbk', 'sdn', 'bhd', 'jv',
  'sp', 'zoo', 'doo', 'dd', 'kft', 'zrt', 'sro', 'spol', 'ltda', 'cia', 'sac', 'eirl', 'se', 'ug', 'ev', 'kabushiki', 'kaisha', 'yugen', 'gongsi', 'youxian', 'obshchestvo', 's', 'a', 'l', 'c', 'o', 'the', 'and', 'of',
])
/** Spellings of one legal form, so that "AG" and "Aktiengesellschaft" agree. */
const LEGAL_FORM_CANONICAL: Record<string, string> = {
  limited: 'ltd', incorporated: 'inc', corporation: 'corp', company: 'co', aktiengesellschaft: 'ag', mbh: 'gmbh', oyj: 'oy', kabushiki: 'kk', kaisha: 'kk', l: '', c: '', s: '', a: '', o: '', the: '', and: '', of: '',
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

const dm = new DoubleMetaphone()

export interface NormalisedName {
  tokens: string[]
  legalForms: string[]
  titles: string[]
}

export function normaliseName(name: string, schema: NameSchema = 'Person'): NormalisedName {
  // "VladimirPutin" is two words.
  const ascii = transliterate(name.normalize('NFKC').replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2'))
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    // Dotted acronyms are one word ("A.B.C." is "abc"); apostrophes join, they do not split ("Qa'ida").
    .replace(/\b(?:[a-z]\.){2,}/g, m => m.replace(/\./g, ''))
    .replace(/['’`]/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9\s-]/g, ' ')
  const legalForms: string[] = []
  const titles: string[] = []
  const tokens: string[] = []
  const isPerson = schema === 'Person'
  for (const raw of ascii.split(/[\s-]+/).filter(Boolean)) {
    if (isPerson && TITLES.has(raw)) titles.push(raw)
    else if (!isPerson && LEGAL_FORMS.has(raw)) legalForms.push(LEGAL_FORM_CANONICAL[raw] ?? raw)
    // Single letters are initials, never romanised syllables.
    else tokens.push(raw.length > 1 ? (ROMANISATION[raw] ?? raw) : raw)
  }
  // A name made only of legal-form words ("The Company Ltd") keeps them rather than vanishing.
  return { tokens: tokens.length ? tokens : legalForms, legalForms, titles }
}

interface TokenMatch {
  a: string
  b: string
  sim: number
  how: string
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

function tokenSimilarity(a: string, b: string): { sim: number; how: string } {
  if (a === b) return { sim: 1, how: 'same' }
  if (a.length === 1 || b.length === 1) return a[0] === b[0] ? { sim: 0.9, how: 'initial' } : { sim: 0, how: 'different' }
  // Codes, numbers and short words carry their meaning in every letter: no typo tolerance.
  if (/\d/.test(a) || /\d/.test(b) || Math.min(a.length, b.length) <= 4) return { sim: 0, how: 'different' }
  const jw = JaroWinklerDistance(a, b, {})
  const edits = levenshtein(a, b)
  const editSim = 1 - edits / Math.max(a.length, b.length)
  // A typo changes few letters: one in a word of five or more, or a quarter of a long one. Jaro-Winkler
  // alone forgives long shared prefixes ("Zucker-mann/-berg").
  if (jw >= 0.85 && (edits <= 1 || editSim >= 0.75)) return { sim: Math.max(jw, 0.9), how: 'typo' }
  const [pa, sa] = dm.process(a) as [string, string]
  const [pb, sb] = dm.process(b) as [string, string]
  if (jw >= 0.8 && editSim >= 0.6 && pa.length > 2 && (pa === pb || pa === sb || sa === pb)) return { sim: 0.9, how: 'sounds alike' }
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

function alignTokens(ta: string[], tb: string[]): { score: number; matches: TokenMatch[]; unmatched: string[] } {
  // Greedy best-first alignment over all pairs: order-free, each token used once.
  const pairs: Array<TokenMatch & { i: number; j: number }> = []
  ta.forEach((a, i) => tb.forEach((b, j) => pairs.push({ a, b, i, j, ...tokenSimilarity(a, b) })))
  pairs.sort((x, y) => y.sim - x.sim || weight(y.a) + weight(y.b) - weight(x.a) - weight(x.b))
  const usedA = new Set<number>()
  const usedB = new Set<number>()
  const matches: TokenMatch[] = []
  let num = 0
  for (const p of pairs) {
    if (p.sim <= 0 || usedA.has(p.i) || usedB.has(p.j)) continue
    usedA.add(p.i)
    usedB.add(p.j)
    matches.push({ a: p.a, b: p.b, sim: p.sim, how: p.how })
    num += p.sim * (weight(p.a) + weight(p.b))
  }
  const den = ta.reduce((s, t) => s + weight(t), 0) + tb.reduce((s, t) => s + weight(t), 0)
  const leftA = ta.filter((_, i) => !usedA.has(i))
  const leftB = tb.filter((_, j) => !usedB.has(j))
  let score = den ? num / den : 0
  // Words left over on both sides disagree ("Hans O Friedrich" / "Hans Joachim Friedrich"): a conflict,
  // not a missing middle name.
  // …and so does a number on one side only ("Trading 7" / "Trading"): numbers tell entities apart.
  if ((leftA.length && leftB.length) || [...leftA, ...leftB].some(t => /\d/.test(t))) score *= 0.85
  return { score, matches, unmatched: [...leftA, ...leftB] }
}

export function scoreNames(name1: string, name2: string, schema: NameSchema = 'Person'): NameScore {
  // "A / B" lists aliases: the best-matching pair of aliases decides.
  const alts1 = name1.split(/\s*[/;|]\s*/).filter(Boolean)
  const alts2 = name2.split(/\s*[/;|]\s*/).filter(Boolean)
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
  const a = normaliseName(name1, schema)
  const b = normaliseName(name2, schema)
  if (!a.tokens.length || !b.tokens.length) return { score: 0, match: false, why: ['a name is empty'] }
  const aligned = alignTokens(a.tokens, b.tokens)
  // Names split or joined differently ("Jong Un" / "Jongun", "Silver Star" / "Silverstar").
  const joinedA = a.tokens.join('')
  const joinedB = b.tokens.join('')
  const sortedA = [...a.tokens].sort().join('')
  const sortedB = [...b.tokens].sort().join('')
  // Only when the letters are the same length (a word split or joined), not when one name extends the other.
  const sameDigits = joinedA.replace(/\D/g, '') === joinedB.replace(/\D/g, '')
  const sameLength = Math.abs(joinedA.length - joinedB.length) <= 1 && a.tokens.length !== b.tokens.length && sameDigits
  const joined = sameLength ? Math.max(JaroWinklerDistance(joinedA, joinedB, {}), JaroWinklerDistance(sortedA, sortedB, {})) * 0.97 : 0
  let score = aligned.score
  const why: string[] = []
  if (joined > score && (joinedA.length >= 6 || joinedB.length >= 6)) {
    score = joined
    why.push(`written together, "${joinedA}" ≈ "${joinedB}"`)
  }
  for (const m of aligned.matches) why.push(m.how === 'same' ? `"${m.a}" = "${m.b}"` : `"${m.a}" ~ "${m.b}" (${m.how}, ${m.sim.toFixed(2)})`)
  if (aligned.unmatched.length) why.push(`not matched: ${aligned.unmatched.map(t => `"${t}"`).join(', ')}`)
  const formsA = a.legalForms.filter(Boolean)
  const formsB = b.legalForms.filter(Boolean)
  if (formsA.length && formsB.length && !formsA.some(f => formsB.includes(f))) {
    // Both name a legal form and they differ (AG vs GmbH): two different bodies, as a rule.
    score *= 0.9
    why.push(`legal forms differ: ${formsA.join(' ')} vs ${formsB.join(' ')}`)
  } else if (a.legalForms.join() !== b.legalForms.join()) why.push('legal forms set aside')
  score = Math.round(score * 1000) / 1000
  return { score, match: score >= MATCH_THRESHOLD, why }
}

const COMPANY_WORDS = /\b(llc|inc|ltd|limited|gmbh|corp|corporation|company|co|plc|sa|srl|bv|pty|consulting|solutions|services|technologies|tech|group|holdings|trading|studio|agency)\b/i

export function looksLikeCompany(name: string): boolean {
  return COMPANY_WORDS.test(name)
}

export interface NameComparison {
  match: boolean
  score: number
}

/** For the claims-consistency rules: is the second name the same person as the first? */
export function compareNames(a: string, b: string): NameComparison {
  const r = scoreNames(a, b, 'Person')
  return { match: r.match, score: r.score }
}
