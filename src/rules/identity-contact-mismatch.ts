import { intermediaryLabel, isIntermediaryEmail, isIntermediaryPhone } from '../domain/intermediary'
import { declaredIntermediary } from './helpers'
import { notApplicable, type Rule } from './types'

export const rule: Rule = {
  meta: {
    id: 'identity-contact-mismatch',
    version: 2,
    title: 'The resume gives other contact details than the application',
    rationale:
      'A resume reused across personas keeps the contact details of the persona it was made for. When the resume lists email addresses and phone numbers and none of them is the one on the application, the documents do not describe the same person. Having a second address is normal, so one matching detail clears it. A declared staffing agency’s own mailbox domain and switchboard, on the application or on a resume it forwarded, are the agency’s and are left out of the comparison.',
    category: 'identity',
    severity: 'low',
    strength: 'weak',
    indicators: ['CV-CROSS-PROFILE', 'CT-CHANGING'],
    sources: ['G1: "Inconsistencies in … contact information"; "Incorrect or changing contact information, specifically phone numbers and emails"'],
    requires: ['person.email or person.phone', 'resume.emails or resume.phones'],
    knownFalsePositives: ['an old resume with a previous phone number and a personal email', 'a resume sent through a recruiter with the agency’s contact details'],
    checklist: ['Call the number on the resume and the number on the application; ask who answers'],
  },
  evaluate(facts) {
    const agency = declaredIntermediary(facts)
    const agencyEmail = (e: string | undefined) => !!agency && isIntermediaryEmail(agency, e)
    const agencyPhone = (p: string | undefined) => !!agency && isIntermediaryPhone(agency, p)
    const givenEmail = facts.person.email?.value.toLowerCase()
    const givenPhone = facts.person.phone?.value.e164 ?? undefined
    // The agency's own contacts stand for the candidate on its forms and resumes: not the candidate's to compare.
    const email = agencyEmail(givenEmail) ? undefined : givenEmail
    const phone = agencyPhone(givenPhone) ? undefined : givenPhone
    const resumeEmails = facts.resume.emails.map(e => ({ v: e.value.toLowerCase(), f: e })).filter(e => !agencyEmail(e.v))
    const resumePhones = facts.resume.phones.filter(p => p.value.e164 && !agencyPhone(p.value.e164)).map(p => ({ v: p.value.e164!, f: p }))
    if (agency && (givenEmail || givenPhone) && !email && !phone) {
      return { status: 'clear', message: `The application gives the declared agency’s contact details (${intermediaryLabel(agency)}), not the candidate’s own: nothing to compare with the resume.`, evidence: [facts.person.email?.evidence, facts.person.phone?.evidence, facts.intermediary!.evidence].filter(e => e !== undefined) }
    }
    if ((!email && !phone) || (!resumeEmails.length && !resumePhones.length)) {
      return notApplicable(...(!email && !phone ? ['person.email or person.phone'] : []), ...(!resumeEmails.length && !resumePhones.length ? ['resume.emails or resume.phones'] : []))
    }
    const applicantEvidence = [facts.person.email?.evidence, facts.person.phone?.evidence].filter(e => e !== undefined)
    const emailMatch = !!email && resumeEmails.some(e => e.v === email)
    const phoneMatch = !!phone && resumePhones.some(p => p.v === phone)
    const comparable = (email && resumeEmails.length) || (phone && resumePhones.length)
    if (!comparable) return notApplicable('the same kind of contact detail on both')
    if (emailMatch || phoneMatch) return { status: 'clear', message: `The resume gives the applicant’s own ${emailMatch ? 'email address' : 'phone number'}.`, evidence: applicantEvidence }
    const shown = [...resumeEmails.map(e => e.f), ...resumePhones.map(p => p.f)].slice(0, 4)
    return { status: 'flag', message: `None of the resume’s contact details (${[...resumeEmails.map(e => e.v), ...resumePhones.map(p => p.v)].slice(0, 4).join(', ')}) is the applicant’s ${[email, phone].filter(Boolean).join(' or ')}.`, evidence: [...applicantEvidence, ...shown.map(s => s.evidence)] }
  },
}
