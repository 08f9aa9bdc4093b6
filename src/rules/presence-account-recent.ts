import { careerStart, parseYearMonth, YEAR_MS } from './helpers'
import type { CaseFacts, Evidence } from './caseFacts'
import { notApplicable, type Rule } from './types'

const NEW_MONTHS = 12
const CAREER_YEARS = 4
/**
 * Marketplace accounts can be rented or bought with their history and ratings (DOJ: UpWorkSell; G1 platforms: an
 * account owner asking to work through another's account), so how long they have existed says nothing about the applicant.
 * When the applicant also gives personal accounts (GitHub, LinkedIn…), those are the footprint that is read.
 */
/** INDICATORS.md threshold note (uncalibrated): under 50 connections against 5+ career years is thin. */
const ESTABLISHED_NETWORK = 50
const networkSize = (v: Record<string, unknown>) => Math.max(...[v.connections, v.followers].map(n => (typeof n === 'number' ? n : 0)))
const MARKETPLACES = new Set(['upwork', 'freelancer', 'fiverr', 'toptal', 'guru', 'peopleperhour', 'contra'])
/** A marketplace account with this many jobs or reviews presents a working history since it was opened. */
const WORKED_JOBS = 10

/**
 * The career the application claims, from the earliest of: a resume job's start, the years its summary
 * claims in words ("with 8 years building…"), and a marketplace account that presents completed work since
 * it was opened. Each is the applicant's own claim; the earliest is the one the footprint is held to.
 */
function claimedCareer(facts: CaseFacts, now: Date): { date: Date; evidence: Evidence } | null {
  const claims: Array<{ date: Date; evidence: Evidence }> = []
  const start = careerStart(facts)
  if (start) claims.push(start)
  const said = facts.resume.claimedYears
  if (said) claims.push({ date: new Date(now.getTime() - said.value.years * YEAR_MS), evidence: said.evidence })
  for (const p of facts.profiles) {
    const v = p.value as Record<string, unknown>
    const created = parseYearMonth(v.created_at)
    const worked = Math.max(...[v.jobs_completed, v.reviews].map(n => (typeof n === 'number' ? n : 0)))
    if (created && MARKETPLACES.has(String(v.network).toLowerCase()) && worked >= WORKED_JOBS) claims.push({ date: created, evidence: p.evidence })
  }
  return claims.reduce<{ date: Date; evidence: Evidence } | null>((a, b) => (!a || b.date < a.date ? b : a), null)
}

export const rule: Rule = {
  meta: {
    id: 'presence-account-recent',
    version: 3,
    title: 'Every online account is new, against a long claimed career',
    rationale:
      `A developer with years of claimed experience usually has some account older than a year. When every GitHub, LinkedIn or freelancer account given was created in the last ${NEW_MONTHS} months while the application claims ${CAREER_YEARS}+ years of work (a resume job's start, the years its summary claims in words, or a marketplace account presenting ${WORKED_JOBS}+ jobs since it was opened), the online presence was made for this application. A new account that already carries ${ESTABLISHED_NETWORK}+ connections or followers is not thin (the threshold note in INDICATORS.md). Freelance marketplace accounts are set aside when personal ones are given: they are rented and sold with their history (DOJ, UpWorkSell), so an old marketplace account does not vouch for a new personal footprint. Thresholds are the uncalibrated ones from INDICATORS.md; treat as context.`,
    category: 'presence',
    severity: 'low',
    strength: 'weak',
    indicators: ['GH-THIN-PRESENCE', 'GH-BACKDATED'],
    sources: ['V13: thin or new social presence against claimed seniority', 'V8: DPRK GitHub employment fraud (new accounts, sec.)'],
    requires: ['profiles[].created_at', 'resume.employers[].start'],
    knownFalsePositives: ['someone who kept off public platforms until now', 'a career changer or returner', 'accounts recreated after a lockout'],
    checklist: ['Ask for older public work (talks, commits under another handle, publications) and check it independently'],
  },
  evaluate(facts, ctx) {
    const all = facts.profiles.map(p => ({ p, created: parseYearMonth(p.value.created_at) })).filter(x => x.created)
    const personal = all.filter(x => !MARKETPLACES.has(String(x.p.value.network).toLowerCase()))
    const dated = personal.length ? personal : all
    const start = claimedCareer(facts, ctx.now)
    if (!dated.length || !start) return notApplicable(...(!dated.length ? ['profiles[].created_at'] : []), ...(!start ? ['resume.employers[].start'] : []))
    const careerYears = (ctx.now.getTime() - start.date.getTime()) / YEAR_MS
    const oldest = dated.reduce((a, b) => (b.created! < a.created! ? b : a))
    const ageMonths = (ctx.now.getTime() - oldest.created!.getTime()) / (YEAR_MS / 12)
    const evidence = [start.evidence, ...dated.map(d => d.p.evidence)].slice(0, 5)
    const established = dated.find(d => networkSize(d.p.value as Record<string, unknown>) >= ESTABLISHED_NETWORK)
    if (established && ageMonths < NEW_MONTHS && careerYears >= CAREER_YEARS) {
      return { status: 'clear', message: `Every account is under ${NEW_MONTHS} months old, but ${established.p.value.network} already has ${networkSize(established.p.value as Record<string, unknown>)} connections or followers: not a thin presence.`, evidence }
    }
    if (ageMonths >= NEW_MONTHS || careerYears < CAREER_YEARS) {
      return { status: 'clear', message: `The oldest account (${oldest.p.value.network}) is ${Math.floor(ageMonths)} months old; the claimed career is ${careerYears.toFixed(1)} years.`, evidence }
    }
    const aside = all.length - dated.length
    return { status: 'flag', message: `All ${dated.length} ${aside ? 'personal ' : ''}accounts were created in the last ${NEW_MONTHS} months (oldest: ${oldest.p.value.network}, ${String(oldest.p.value.created_at)}), but ${claimWords(start.evidence, careerYears)}.${aside ? ` ${aside} freelance marketplace account(s) set aside: such accounts are rented and sold with their history.` : ''}`, evidence }
  },
}

/** How the claimed career reads in the message: a job's start, the summary's words, or a marketplace history. */
function claimWords(e: Evidence, years: number): string {
  const v = e.value as Record<string, unknown> | null
  if (e.field === 'resume.claimed_years') return `the resume claims ${years.toFixed(0)} years of work ("${String(v?.quote)}")`
  if (e.field === 'profile') return `the ${String(v?.network)} account presents ${Math.max(Number(v?.jobs_completed) || 0, Number(v?.reviews) || 0)} jobs over ${years.toFixed(0)} years since ${String(v?.created_at)}`
  return `the resume claims ${years.toFixed(0)} years of work since ${String(v && (v as { start?: string }).start)}`
}
