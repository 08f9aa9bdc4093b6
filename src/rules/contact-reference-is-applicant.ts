import type { Evidence } from './caseFacts'
import { declaredIntermediary, str } from './helpers'
import { intermediaryLabel, isIntermediaryEmail, isIntermediaryPhone } from '../domain/intermediary'
import { notApplicable, type Rule } from './types'

const digits = (v: unknown) => (typeof v === 'string' ? v.replace(/\D/g, '') : '')

export const rule: Rule = {
  meta: {
    id: 'contact-reference-is-applicant',
    version: 2,
    title: 'A reference shares the applicant’s own phone or email',
    rationale:
      'A reference reachable at the applicant’s own phone number or email address is the applicant, or someone answering for them. Few honest explanations exist. One is set aside: a declared staffing agency’s switchboard or mailbox, given for the candidate and for the agency’s own account manager, is the agency’s line, not the applicant’s.',
    category: 'contact',
    severity: 'high',
    strength: 'strong',
    indicators: ['CT-REF-WEBMAIL', 'CT-SHARED-CONTACT'],
    sources: ['G5: phone numbers and email addresses reused across personas (verbatim per repository note)', 'G1: verify employment through independently found contact details'],
    requires: ['references[].phone or references[].email', 'person.phone or person.email'],
    knownFalsePositives: ['a family business where the applicant gave the shared office line', 'an undeclared agency whose switchboard answers for the candidate and the referee'],
    checklist: ['Reach the referee through an independently found number; record who answered'],
  },
  evaluate(facts) {
    const email = facts.person.email?.value.toLowerCase()
    const phone = digits(facts.person.phone?.value.e164 ?? facts.person.phone?.value.raw)
    const refs = facts.references.filter(r => str(r.value.email) || str(r.value.phone))
    if (!refs.length || (!email && !phone)) return notApplicable(...(!refs.length ? ['references[].phone or references[].email'] : []), ...(!email && !phone ? ['person.phone or person.email'] : []))
    const agency = declaredIntermediary(facts)
    // The declared agency's own line or mailbox on both sides is the agency's, not the applicant's.
    const ownEmail = email && !(agency && isIntermediaryEmail(agency, email)) ? email : undefined
    const ownPhone = phone.length >= 7 && !(agency && isIntermediaryPhone(agency, facts.person.phone?.value.e164 ?? facts.person.phone?.value.raw)) ? phone : ''
    const sharesEmail = (r: (typeof refs)[number], e: string | undefined) => !!e && str(r.value.email)?.toLowerCase() === e
    const sharesPhone = (r: (typeof refs)[number], p: string) => p.length >= 7 && (digits(r.value.phone_e164) === p || digits(r.value.phone) === p)
    const same = refs.filter(r => sharesEmail(r, ownEmail) || sharesPhone(r, ownPhone))
    const evidence: Evidence[] = [facts.person.email?.evidence, facts.person.phone?.evidence].filter(e => e !== undefined)
    const asideForAgency = agency ? refs.filter(r => !same.includes(r) && (sharesEmail(r, email) || sharesPhone(r, phone))) : []
    if (!same.length && asideForAgency.length) {
      return { status: 'clear', message: `${asideForAgency.map(r => str(r.value.name) ?? 'A reference').join(', ')} ${asideForAgency.length > 1 ? 'give' : 'gives'} the same contact details as the application, and they are the declared agency’s (${intermediaryLabel(agency!)}): its own line, not the applicant’s. Reach the applicant’s past employers independently.`, evidence: [...evidence, facts.intermediary!.evidence] }
    }
    if (!same.length) return { status: 'clear', message: `No reference gives the applicant’s own phone or email (${refs.length} checked).`, evidence }
    return { status: 'flag', message: `${same.map(r => str(r.value.name) ?? 'A reference').join(', ')} ${same.length > 1 ? 'give' : 'gives'} the applicant’s own contact details.`, evidence: [...evidence, ...same.map(r => r.evidence)] }
  },
}
