import { rule } from './interview-identity-doubt'
import { fact, factsOf, testContext } from './ruleTestKit'

const ctx = testContext()
describe('interview-identity-doubt', () => {
  it('flags coded and written observations', () => {
    expect(rule.evaluate(factsOf([fact('interview.observation', 'liveness_failed')]), ctx).status).toBe('flag')
    expect(rule.evaluate(factsOf([fact('interview.observation', 'Looked like a different person in round two')]), ctx).status).toBe('flag')
    expect(rule.evaluate(factsOf([fact('interview.observation', 'Refused to show the ID on camera')]), ctx).status).toBe('flag')
  })
  it('clears ordinary notes, including a matched ID', () => {
    expect(rule.evaluate(factsOf([fact('interview.observation', 'Camera on throughout; matched ID photo')]), ctx).status).toBe('clear')
  })
  it('is not applicable without observations', () => {
    expect(rule.evaluate(factsOf([]), ctx).status).toBe('not_applicable')
  })
})
