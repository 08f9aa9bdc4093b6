/**
 * "Engineer with 8 years shipping cloud infrastructure", "10+ years of experience": the length of career a
 * resume's summary claims in words. Rules compare it with the applicant's footprint (presence-account-recent),
 * as they compare employers' dates. Pure; reads one line or paragraph at a time.
 *
 * Only a career length is read, never an age: "25 years old", "aged 30" and "years ago" are not claims.
 */
export interface ClaimedYears {
  years: number
  /** the words the claim was read from */
  quote: string
}

const WORDS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20 }
const NUMBER = `(\\d{1,2}|${Object.keys(WORDS).join('|')})`
/**
 * A number of years followed by what fills them: "of (professional) experience", "in", "as", "across", or a
 * verb of work ("building", "running"); or introduced by "with", "over", "more than", "nearly".
 */
const CLAIM = new RegExp(
  `(?:\\b(with|over|more than|nearly|almost|about|around|some)\\s+)?\\b${NUMBER}\\s*\\+?\\s*(?:full\\s+)?(?:years?|yrs?\\.?)['’]?(?:\\s+(of|in|as|across|at|experience|professional|industry|hands-on|commercial|[a-z]+ing)\\b|(?=[\\s,.;]|$))`,
  'gi',
)
const NOT_CAREER = /^\s*(?:old|of age|ago|young|aged|later|earlier|warranty|contract|term)\b/i
const MAX_YEARS = 45

export function claimedYearsIn(text: string): ClaimedYears | null {
  let best: ClaimedYears | null = null
  // Bounded: a summary is short, and the pattern has no nested repetition.
  const t = text.slice(0, 2000)
  for (const m of t.matchAll(CLAIM)) {
    const lead = m[1]
    const follow = m[3]
    if (!lead && !follow) continue
    const after = t.slice(m.index + m[0].length - (follow?.length ?? 0))
    if (NOT_CAREER.test(after) || /\b(?:aged?|age of)\s*$/i.test(t.slice(Math.max(0, m.index - 12), m.index))) continue
    const n = /^\d+$/.test(m[2]!) ? Number(m[2]) : WORDS[m[2]!.toLowerCase()]!
    if (n < 1 || n > MAX_YEARS) continue
    if (!best || n > best.years) best = { years: n, quote: m[0].trim() }
  }
  return best
}
