import { rule } from './logistics-address-change'
import { fact, factsOf, testContext } from './ruleTestKit'

const ctx = testContext()
describe('logistics-address-change', () => {
  it('flags a temporary or someone else’s address', () => {
    expect(rule.evaluate(factsOf([fact('logistics.note', 'please ship to my cousin, I am moving')]), ctx).status).toBe('flag')
    expect(rule.evaluate(factsOf([fact('logistics.note', 'temporary address')]), ctx).status).toBe('flag')
  })
  it('clears an office delivery note', () => {
    expect(rule.evaluate(factsOf([fact('logistics.note', 'please ship to our co-working office')]), ctx).status).toBe('clear')
  })
  it('is not applicable without a note', () => {
    expect(rule.evaluate(factsOf([]), ctx).status).toBe('not_applicable')
  })
})
