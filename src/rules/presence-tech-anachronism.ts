import type { Evidence } from './caseFacts'
import { parseYearMonth, str, YEAR_MS } from './helpers'
import { notApplicable, type Rule } from './types'

/**
 * A claim must predate the public release by more than this to count: resumes round a job's end by a month or
 * two. The release dates are already the first public announcement or preview, so a beta does not need more.
 */
const GRACE_MONTHS = 3

/** A job's end as late as it was written: "2019" is December 2019, not January (the resume gives the year only). */
function endOfPeriod(text: unknown): Date | null {
  const d = parseYearMonth(text)
  if (!d || typeof text !== 'string' || !/^\s*\d{4}\s*$/.test(text)) return d
  return new Date(Date.UTC(d.getUTCFullYear(), 11, 1))
}

export const rule: Rule = {
  meta: {
    id: 'presence-tech-anachronism',
    version: 2,
    title: 'Experience claimed with a technology before it existed',
    rationale:
      'Fabricated work histories attach today’s technologies to old jobs: Solidity at a job that ended in 2013, "10 years of Kubernetes". A job that ended before a technology’s first public release cannot have used it, and years of experience cannot exceed its age.',
    category: 'presence',
    severity: 'medium',
    strength: 'moderate',
    indicators: ['CV-ANACHRONISM'],
    sources: ['V9: "experience with technologies before those technologies had ever existed"'],
    requires: ['resume.employers[] with dates and details, or resume.skills with years'],
    knownFalsePositives: ['internal use of a technology before its public release (its own developers)', 'a job’s dates typed wrong'],
    checklist: ['Ask the applicant to walk through what they built with the technology at that job, and check the dates with the employer'],
    refdata: ['tech-releases'],
  },
  evaluate(facts, ctx) {
    const jobs = facts.resume.employers.filter(e => (str(e.value.details) || str(e.value.title)) && parseYearMonth(e.value.start))
    const skillYears = facts.resume.skills.map(s => ({ s, m: /(.+?)\s*[(:-]\s*(\d{1,2})\+?\s*(?:years?|yrs?)\b/i.exec(s.value) ?? /(\d{1,2})\+?\s*(?:years?|yrs?) (?:of |with )?(.+)/i.exec(s.value) })).filter(x => x.m)
    if (!jobs.length && !skillYears.length) return notApplicable('resume.employers[] with dates and details, or resume.skills with years')
    const grace = (GRACE_MONTHS * YEAR_MS) / 12
    const problems: Array<{ text: string; evidence: Evidence }> = []
    for (const job of jobs) {
      const text = `${str(job.value.title) ?? ''} ${str(job.value.details) ?? ''}`
      const end = endOfPeriod(job.value.end) ?? (job.value.current ? ctx.now : null)
      if (!end) continue
      for (const t of ctx.ref.techReleases) {
        const released = parseYearMonth(t.released)!
        if (t.pattern.test(text) && end.getTime() < released.getTime() - grace) {
          problems.push({ text: `${t.name} at ${str(job.value.company) ?? 'a job'} (${String(job.value.start)} to ${String(job.value.end)}), but ${t.name} was first released ${t.released}`, evidence: job.evidence })
        }
      }
    }
    for (const { s, m } of skillYears) {
      const [name, years] = /^\d/.test(m![1]!) ? [m![2]!, Number(m![1])] : [m![1]!, Number(m![2])]
      for (const t of ctx.ref.techReleases) {
        const released = parseYearMonth(t.released)!
        const since = ctx.now.getTime() - years * YEAR_MS
        if (t.pattern.test(name) && since < released.getTime() - grace) problems.push({ text: `${years} years of ${t.name}, but ${t.name} was first released ${t.released}`, evidence: s.evidence })
      }
    }
    if (!problems.length) return { status: 'clear', message: `No technology is claimed before its first release (${jobs.length} jobs, ${skillYears.length} skills with years checked).`, evidence: jobs.slice(0, 3).map(j => j.evidence) }
    return { status: 'flag', message: problems.map(p => p.text).join('; '), evidence: problems.slice(0, 5).map(p => p.evidence) }
  },
}
