import { rule } from './contact-invalid-phone'
import { fact, factsOf, testContext } from './ruleTestKit'

const ctx = testContext()
describe('contact-invalid-phone', () => {
  it('flags a number that parsed to nothing', () => {
    expect(rule.evaluate(factsOf([fact('person.phone', { raw: '+1 123', e164: null })]), ctx).status).toBe('flag')
  })
  it('clears a valid number', () => {
    expect(rule.evaluate(factsOf([fact('person.phone', { raw: '+1 312 483 2212', e164: '+13124832212' })]), ctx).status).toBe('clear')
  })
  it('is not applicable without a phone', () => {
    expect(rule.evaluate(factsOf([]), ctx).status).toBe('not_applicable')
  })
})
