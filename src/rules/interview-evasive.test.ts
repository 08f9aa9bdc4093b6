import { rule } from './interview-evasive'
import { fact, factsOf, testContext } from './ruleTestKit'

const ctx = testContext()
describe('interview-evasive', () => {
  it('flags reading and a crowded room', () => {
    expect(rule.evaluate(factsOf([fact('interview.observation', 'Long pauses before each answer')]), ctx).status).toBe('flag')
    expect(rule.evaluate(factsOf([fact('interview.observation', 'crowded_room')]), ctx).status).toBe('flag')
  })
  it('clears ordinary notes', () => {
    expect(rule.evaluate(factsOf([fact('interview.observation', 'Camera on throughout; matched ID photo')]), ctx).status).toBe('clear')
  })
  it('is not applicable without observations', () => {
    expect(rule.evaluate(factsOf([]), ctx).status).toBe('not_applicable')
  })
})
