import { rule } from './sanctions-person-lead'
import { fact, factsOf, testContext } from './ruleTestKit'

const ctx = testContext()
describe('sanctions-person-lead', () => {
  it('raises a lead for a similar name, with its score and reasons', () => {
    const r = rule.evaluate(factsOf([fact('person.full_name', 'Kim Sang-man')]), ctx)
    expect(r.status).toBe('flag')
    expect(r.status === 'flag' && r.message).toMatch(/For security review, adds nothing to the score.*similarity/)
  })
  it('clears other names', () => {
    expect(rule.evaluate(factsOf([fact('person.full_name', 'Kim Min-jun')]), ctx).status).toBe('clear')
  })
})
