import type { Evidence } from './caseFacts'
import { str } from './helpers'
import { notApplicable, type Rule } from './types'

const digits = (v: unknown) => (typeof v === 'string' ? v.replace(/\D/g, '') : '')

export const rule: Rule = {
  meta: {
    id: 'contact-reference-is-applicant',
    version: 1,
    title: 'A reference shares the applicant’s own phone or email',
    rationale:
      'A reference reachable at the applicant’s own phone number or email address is the applicant, or someone answering for them. Few honest explanations exist.',
    category: 'contact',
    severity: 'high',
    strength: 'strong',
    indicators: ['CT-REF-WEBMAIL', 'CT-SHARED-CONTACT'],
    sources: ['G5: phone numbers and email addresses reused across personas (verbatim per repository note)', 'G1: verify employment through independently found contact details'],
    requires: ['references[].phone or references[].email', 'person.phone or person.email'],
    knownFalsePositives: ['a family business where the applicant gave the shared office line'],
    checklist: ['Reach the referee through an independently found number; record who answered'],
  },
  evaluate(facts) {
    const email = facts.person.email?.value.toLowerCase()
    const phone = digits(facts.person.phone?.value.e164 ?? facts.person.phone?.value.raw)
    const refs = facts.references.filter(r => str(r.value.email) || str(r.value.phone))
    if (!refs.length || (!email && !phone)) return notApplicable(...(!refs.length ? ['references[].phone or references[].email'] : []), ...(!email && !phone ? ['person.phone or person.email'] : []))
    const same = refs.filter(r => (email && str(r.value.email)?.toLowerCase() === email) || (phone.length >= 7 && (digits(r.value.phone_e164) === phone || digits(r.value.phone) === phone)))
    const evidence: Evidence[] = [facts.person.email?.evidence, facts.person.phone?.evidence].filter(e => e !== undefined)
    if (!same.length) return { status: 'clear', message: `No reference gives the applicant’s own phone or email (${refs.length} checked).`, evidence }
    return { status: 'flag', message: `${same.map(r => str(r.value.name) ?? 'A reference').join(', ')} ${same.length > 1 ? 'give' : 'gives'} the applicant’s own contact details.`, evidence: [...evidence, ...same.map(r => r.evidence)] }
  },
}
