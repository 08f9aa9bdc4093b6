import { domainOfEmail } from './helpers'
import { notApplicable, type Rule } from './types'

export const rule: Rule = {
  meta: {
    id: 'contact-disposable-email',
    version: 1,
    title: 'Email address at a disposable-mail service',
    rationale:
      'Throwaway mailboxes exist so that an address can be dropped without trace. Schemes use newly created addresses with little history; an applicant who applies for a job from a disposable-mail domain cannot be reached later, and the address says nothing about who holds it.',
    category: 'contact',
    severity: 'medium',
    strength: 'moderate',
    indicators: ['CT-EMAIL-NEW'],
    sources: ['V11: fraudulent applicants’ emails first seen far more recently than genuine ones (sec.)', 'G1: "Incorrect or changing contact information, specifically phone numbers and emails"'],
    requires: ['person.email'],
    knownFalsePositives: ['a privacy-minded applicant who uses a forwarding alias service listed as disposable'],
    checklist: ['Ask for a durable email address and confirm it by sending a code to it'],
    refdata: ['disposable-email'],
  },
  evaluate(facts, ctx) {
    const email = facts.person.email
    const domain = domainOfEmail(email?.value)
    if (!email || !domain) return notApplicable('person.email')
    const emails = [email, ...facts.resume.emails.filter(e => e.value.toLowerCase() !== email.value.toLowerCase())]
    const disposable = emails.filter(e => {
      const d = domainOfEmail(e.value)
      return d !== null && ctx.ref.isDisposableDomain(d)
    })
    if (!disposable.length) return { status: 'clear', message: `${domain} is not a disposable-mail domain.`, evidence: [email.evidence] }
    return { status: 'flag', message: `${disposable.map(e => e.value).join(', ')} ${disposable.length > 1 ? 'are' : 'is'} at a disposable-mail service.`, evidence: disposable.map(e => e.evidence) }
  },
}
