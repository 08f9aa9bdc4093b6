import { testContext } from './ruleTestKit'
import { buildCaseFacts, type FactRecord } from './caseFacts'
import { rule as referenceIsApplicant } from './contact-reference-is-applicant'
import { rule as contactMismatch } from './identity-contact-mismatch'
import { rule as shippingNotHome } from './logistics-shipping-not-home'
import { rule as payeeMismatch } from './payment-payee-name-mismatch'
import { evaluateCase } from './evaluateCase'

/**
 * Issue 14, item 4: a declared staffing agency's office, switchboard, mailbox domain and payee are the
 * agency's. They stand on every candidate it places, so they must neither fuse candidates nor raise them.
 * The case is the independent population's "agency-declared" applicant, written here by hand.
 */
const ctx = testContext('2026-10-01T00:00:00Z')
const at = (field: string, value: unknown): FactRecord => ({ field, value, source: 'application', where: `application: ${field}` })
const office = { line1: '2306 Mill Rd', line2: 'Suite 358', city: 'Brooklyn', region: 'NY', postal_code: '11267', country: 'US' }
const agency = at('intermediary', { name: 'TalentBridge IT Solutions LLC', address: office, phone: '+1 718 566 8721', phone_e164: '+17185668721', contact_email: 'placements@talentbridgeitsolutions.com' })
const candidate = [
  at('person.full_name', 'Thomas Murphy'),
  at('person.email', 'thomas.murphy@talentbridgeitsolutions.com'),
  at('person.phone', { e164: '+17185668721', raw: '+1 718 566 8721' }),
  at('person.address', { line1: '6503 Pine St', line2: 'Apt 19', city: 'Fairfax', region: 'VA', postal_code: '22075', country: 'US' }),
  at('reference', { name: 'Thomas Martin', company: 'TalentBridge IT Solutions LLC', email: 'accounts@talentbridgeitsolutions.com', phone: '+1 718 566 8721', phone_e164: '+17185668721' }),
  at('resume.email', 'murphyt@gmail.com'),
  at('resume.phone', { e164: '+17035326550', raw: '(703) 532-6550' }),
  at('logistics.shipping_address', office),
  at('payment', { method: 'bank', account_holder: 'TalentBridge IT Solutions, LLC', bank_country: 'US' }),
]
const facts = (records: FactRecord[]) => buildCaseFacts('contractor', records)

describe('a declared intermediary’s own values are set aside', () => {
  it('raises none of the four rules for an agency candidate, and each says why', () => {
    const f = facts([...candidate, agency])
    for (const r of [referenceIsApplicant, contactMismatch, shippingNotHome, payeeMismatch]) {
      const out = r.evaluate(f, ctx)
      expect([r.meta.id, out.status]).toEqual([r.meta.id, 'clear'])
      expect(out.status === 'clear' && out.message).toMatch(/agency/)
    }
  })

  it('without the declaration the same application raises them (what the declaration explains)', () => {
    const f = facts(candidate)
    expect(referenceIsApplicant.evaluate(f, ctx).status).toBe('flag')
    expect(shippingNotHome.evaluate(f, ctx).status).toBe('flag')
    expect(payeeMismatch.evaluate(f, ctx).status).toBe('flag')
    expect(contactMismatch.evaluate(f, ctx).status).toBe('flag')
  })

  it('sets aside only the agency’s values: a referee on the applicant’s own mobile, pay to someone else, shipping elsewhere still flag', () => {
    const own = facts([
      ...candidate.filter(r => !['person.phone', 'reference', 'payment', 'logistics.shipping_address'].includes(r.field)),
      at('person.phone', { e164: '+17035326550', raw: '(703) 532-6550' }),
      at('reference', { name: 'Tom M', company: 'Acme', phone: '(703) 532-6550', phone_e164: '+17035326550' }),
      at('payment', { method: 'wise', account_holder: 'Liu Wei' }),
      at('logistics.shipping_address', { line1: '9 Harbor Way', city: 'Newark', postal_code: '07105', country: 'US' }),
      agency,
    ])
    expect(referenceIsApplicant.evaluate(own, ctx).status).toBe('flag')
    expect(payeeMismatch.evaluate(own, ctx).status).toBe('flag')
    expect(shippingNotHome.evaluate(own, ctx).status).toBe('flag')
  })

  it('a free-mailbox domain is never taken as the agency’s own domain', () => {
    const webmailAgency = at('intermediary', { name: 'Solo Recruiter', email: 'solo.recruiter@gmail.com' })
    const f = facts([at('person.full_name', 'Ana Ruiz'), at('person.email', 'ana.ruiz@gmail.com'), at('resume.email', 'ana.r@outlook.com'), webmailAgency])
    expect(contactMismatch.evaluate(f, ctx).status).toBe('flag')
  })

  it('scores the agency candidate low, where the undeclared one is elevated', () => {
    const declared = evaluateCase('contractor', [...candidate, agency], undefined, ctx.now, ctx.ref).score
    const undeclared = evaluateCase('contractor', candidate, undefined, ctx.now, ctx.ref).score
    expect(declared.band).toBe('low')
    expect(undeclared.score).toBeGreaterThan(declared.score)
  })
})
