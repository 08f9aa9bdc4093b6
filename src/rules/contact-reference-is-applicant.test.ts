import { rule } from './contact-reference-is-applicant'
import { fact, factsOf, testContext } from './ruleTestKit'

const ctx = testContext()
const me = [fact('person.email', 'kevin@example.org'), fact('person.phone', { e164: '+16465550199', raw: '+1 646 555 0199' })]
describe('contact-reference-is-applicant', () => {
  it('flags a reference at the applicant’s phone, however it is written', () => {
    expect(rule.evaluate(factsOf([...me, fact('reference', { name: 'Alan Price', phone: '(646) 555-0199', phone_e164: '+16465550199' })]), ctx).status).toBe('flag')
    expect(rule.evaluate(factsOf([...me, fact('reference', { name: 'Alan Price', email: 'Kevin@Example.org' })]), ctx).status).toBe('flag')
  })
  it('clears other contact details', () => {
    expect(rule.evaluate(factsOf([...me, fact('reference', { name: 'Alan Price', phone_e164: '+16465550123', phone: '+1 646 555 0123' })]), ctx).status).toBe('clear')
  })
  it('is not applicable without references', () => {
    expect(rule.evaluate(factsOf(me), ctx).status).toBe('not_applicable')
  })
})
