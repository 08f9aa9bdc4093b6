import { rule } from './links-linked-to-flagged'
import { factsOf, testContext } from './ruleTestKit'
import type { LinkFact } from './caseFacts'

const ctx = testContext()
const link = (otherBand: string, judgement?: LinkFact['judgement']): LinkFact => ({ otherId: 'B-2', otherName: 'Alan Price', kind: 'address', via: 'shipping address', otherBand, ...(judgement ? { judgement } : {}) })
describe('links-linked-to-flagged', () => {
  it('flags a link to a high-risk application', () => {
    expect(rule.evaluate({ ...factsOf([]), links: [link('critical')] }, ctx).status).toBe('flag')
  })
  it('clears links to low-risk applications and judged ones', () => {
    expect(rule.evaluate({ ...factsOf([]), links: [link('low')] }, ctx).status).toBe('clear')
    expect(rule.evaluate({ ...factsOf([]), links: [link('high', 'different_people')] }, ctx).status).toBe('clear')
  })
  it('is not applicable before link analysis ran', () => {
    expect(rule.evaluate(factsOf([]), ctx).status).toBe('not_applicable')
  })
})
