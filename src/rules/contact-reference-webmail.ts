import type { Evidence } from './caseFacts'
import { domainOfEmail, str } from './helpers'
import { notApplicable, type Rule } from './types'

export const rule: Rule = {
  meta: {
    id: 'contact-reference-webmail',
    version: 1,
    title: 'References reachable only at personal webmail',
    rationale:
      'A reference who speaks for a former employer can usually be reached at that employer. When every reference with an email address gives a free webmail address instead, nobody independent can confirm they work where the applicant says. KnowBe4’s fraudulent hire gave Gmail references.',
    category: 'contact',
    severity: 'medium',
    strength: 'moderate',
    indicators: ['CT-REF-WEBMAIL'],
    sources: ['V7: references used generic Gmail addresses (sec.)', 'G1: verify through independently found contact details'],
    requires: ['references[].email'],
    knownFalsePositives: ['a referee who has left the company and is reachable only privately', 'small firms that run on webmail'],
    checklist: ['Find the referee’s employer’s switchboard independently and reach the referee through it'],
    refdata: ['webmail'],
  },
  evaluate(facts, ctx) {
    const withEmail = facts.references.filter(r => str(r.value.email))
    if (!withEmail.length) return notApplicable('references[].email')
    const webmail = withEmail.filter(r => {
      const d = domainOfEmail(r.value.email)
      return d !== null && ctx.ref.isWebmailDomain(d)
    })
    const evidence: Evidence[] = withEmail.map(r => r.evidence)
    if (webmail.length < withEmail.length) return { status: 'clear', message: `${withEmail.length - webmail.length} of ${withEmail.length} references can be reached at an organisation’s own domain.`, evidence }
    return { status: 'flag', message: `Every reference with an email gives a personal webmail address (${webmail.map(r => `${str(r.value.name) ?? 'referee'}: ${String(r.value.email)}`).join('; ')}).`, evidence }
  },
}
