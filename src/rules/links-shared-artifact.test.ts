import { rule } from './links-shared-artifact'
import { factsOf, testContext } from './ruleTestKit'
import type { LinkFact } from './caseFacts'

const ctx = testContext()
const link = (over: Partial<LinkFact> = {}): LinkFact => ({ otherId: 'B-2', otherName: 'Alan Price', kind: 'phone', via: 'reference phone: +16465550123', otherBand: 'low', ...over })
const with_ = (links?: LinkFact[]) => ({ ...factsOf([]), ...(links ? { links } : {}) })
describe('links-shared-artifact', () => {
  it('flags a phone shared with an application in another name, saying what and with whom', () => {
    const r = rule.evaluate(with_([link()]), ctx)
    expect(r.status).toBe('flag')
    expect(r.status === 'flag' && r.message).toContain('Alan Price')
  })
  it('names the identifying link first, and a supporting one as supporting', () => {
    const r = rule.evaluate(with_([link({ kind: 'address', via: 'shipping address: 85 Garden Pkwy PMB 301', support: 'a commercial address' }), link({ kind: 'wallet', via: 'payout wallet: T9x' })]), ctx)
    expect(r.status === 'flag' && r.message).toBe('Shares address, wallet with 1 other application in other names: Alan Price (payout wallet: T9x); Alan Price (shipping address: 85 Garden Pkwy PMB 301, supporting).')
  })
  it('stops counting links judged by a reviewer', () => {
    expect(rule.evaluate(with_([link({ judgement: 'different_people' })]), ctx).status).toBe('clear')
    expect(rule.evaluate(with_([]), ctx).status).toBe('clear')
  })
  it('is not applicable before link analysis ran', () => {
    expect(rule.evaluate(with_(), ctx).status).toBe('not_applicable')
  })
})
