import { rule } from './identity-contact-mismatch'
import { fact, factsOf, testContext } from './ruleTestKit'

const ctx = testContext()
const email = fact('person.email', 'dana@example.org')
const phone = fact('person.phone', { e164: '+13124832212', country: 'US', type: 'MOBILE' })

describe('identity-contact-mismatch', () => {
  it('flags a resume whose contact details are all someone else’s', () => {
    expect(rule.evaluate(factsOf([email, phone, fact('resume.email', 'kevin@example.net'), fact('resume.phone', { e164: '+16465550199' })]), ctx).status).toBe('flag')
  })
  it('clears when one detail matches', () => {
    expect(rule.evaluate(factsOf([email, phone, fact('resume.email', 'old@example.net'), fact('resume.phone', { e164: '+13124832212' })]), ctx).status).toBe('clear')
  })
  it('is not applicable when the resume has no contact details', () => {
    expect(rule.evaluate(factsOf([email, phone]), ctx).status).toBe('not_applicable')
  })
})
