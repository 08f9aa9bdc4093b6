import { JaroWinklerDistance } from 'natural/lib/natural/distance'

/**
 * Do two written names plausibly name the same person? Token-order-free, accent- and case-blind,
 * tolerant of a middle name or initial and of small spelling differences (Jaro-Winkler ≥ 0.9 per word).
 * It compares spellings only; it never looks at what a name suggests about anyone's origin.
 */
const COMPANY_WORDS = /\b(llc|inc|ltd|limited|gmbh|corp|corporation|company|co|plc|sa|srl|bv|pty|consulting|solutions|services|technologies|tech|group|holdings|trading|studio|agency)\b/i

export function nameTokens(name: string): string[] {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]/gu, ' ')
    .split(/[\s-]+/)
    .filter(Boolean)
}

export function looksLikeCompany(name: string): boolean {
  return COMPANY_WORDS.test(name)
}

const tokenMatch = (a: string, b: string) => a === b || (a.length === 1 && b.startsWith(a)) || (b.length === 1 && a.startsWith(b)) || (a.length > 2 && b.length > 2 && JaroWinklerDistance(a, b, {}) >= 0.9)

export interface NameComparison {
  match: boolean
  /** 0..1: the share of the shorter name's words found in the other */
  score: number
}

export function compareNames(a: string, b: string): NameComparison {
  const ta = nameTokens(a)
  const tb = nameTokens(b)
  if (!ta.length || !tb.length) return { match: false, score: 0 }
  const [shorter, longer] = ta.length <= tb.length ? [ta, tb] : [tb, ta]
  const used = new Set<number>()
  let hits = 0
  for (const t of shorter) {
    const j = longer.findIndex((u, i) => !used.has(i) && tokenMatch(t, u))
    if (j >= 0) {
      used.add(j)
      hits++
    }
  }
  const score = hits / shorter.length
  // At least the surname-and-one-more must agree: "D. Whitfield" matches, "Dana Smith" does not.
  return { match: score === 1 && (shorter.length >= 2 || longer.length === 1), score }
}
