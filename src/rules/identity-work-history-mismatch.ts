import { scoreNames } from '../domain/names'
import type { Evidence } from './caseFacts'
import { str } from './helpers'
import { notApplicable, type Rule } from './types'

interface Job {
  company: string
  evidence: Evidence
}

export const rule: Rule = {
  meta: {
    id: 'identity-work-history-mismatch',
    version: 1,
    title: 'Two accounts of the work history share no employer',
    rationale:
      'A persona’s documents are made separately: the resume file, the resume typed into the application, the employers on a professional profile. When two of these each name at least two employers and not one employer appears in both (allowing for legal forms and spelling), they describe different careers.',
    category: 'identity',
    severity: 'medium',
    strength: 'moderate',
    indicators: ['CV-CROSS-PROFILE'],
    sources: ['G1: inconsistencies in "educational history, work history"', 'G2: online profiles "that do not match the hired individual’s provided resume"'],
    requires: ['employers from two sources (resume document, application resume, profile employers)'],
    knownFalsePositives: ['a short resume tailored to the role, listing other jobs than the profile', 'employers renamed after a merger'],
    checklist: ['Ask the applicant to reconcile the two work histories; verify one employer from each directly'],
  },
  evaluate(facts) {
    const bySource = new Map<string, Job[]>()
    const add = (source: string, company: string | undefined, evidence: Evidence) => {
      if (!company) return
      bySource.set(source, [...(bySource.get(source) ?? []), { company, evidence }])
    }
    for (const e of facts.resume.employers) add(e.evidence.source === 'document' ? 'the resume document' : 'the resume in the application', str(e.value.company), e.evidence)
    for (const p of facts.profiles) {
      const jobs = Array.isArray(p.value.employers) ? (p.value.employers as unknown[]) : []
      for (const j of jobs) add(`the ${String(p.value.network)} profile`, str(typeof j === 'string' ? j : (j as { company?: unknown })?.company), p.evidence)
    }
    const sources = [...bySource].filter(([, jobs]) => new Set(jobs.map(j => j.company.toLowerCase())).size >= 2)
    if (sources.length < 2) return notApplicable('employers from two sources (resume document, application resume, profile employers)')
    for (let i = 0; i < sources.length; i++) {
      for (let k = i + 1; k < sources.length; k++) {
        const [nameA, a] = sources[i]!
        const [nameB, b] = sources[k]!
        const shared = a.some(x => b.some(y => scoreNames(x.company, y.company, 'Company').match))
        if (!shared) {
          return { status: 'flag', message: `${nameA.replace(/^./, c => c.toUpperCase())} (${[...new Set(a.map(j => j.company))].join(', ')}) and ${nameB} (${[...new Set(b.map(j => j.company))].join(', ')}) share no employer.`, evidence: [a[0]!.evidence, b[0]!.evidence] }
        }
      }
    }
    return { status: 'clear', message: `The ${sources.length} accounts of the work history share employers.`, evidence: sources.map(([, jobs]) => jobs[0]!.evidence) }
  },
}
