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
  it('flags a shipping address changed after applying, but not the same address given again', () => {
    const now = fact('logistics.shipping_address', { line1: '7 Gateway Blvd', city: 'Phoenix', postal_code: '85034', country: 'US' })
    const before = (line1: string) => fact('logistics.previous_shipping_address', { address: { line1, city: 'Chicago', postal_code: '60601', country: 'US' }, replaced_at: '2026-10-20T10:00:00Z' })
    const r = rule.evaluate(factsOf([now, before('12 Oak St')]), ctx)
    expect(r.status).toBe('flag')
    expect(r.status === 'flag' && r.message).toContain('changed from')
    expect(rule.evaluate(factsOf([now, fact('logistics.previous_shipping_address', { address: { line1: '7 Gateway Blvd', city: 'Phoenix', postal_code: '85034', country: 'US' } })]), ctx).status).toBe('not_applicable')
  })
  it('is not applicable without a note', () => {
    expect(rule.evaluate(factsOf([]), ctx).status).toBe('not_applicable')
  })
})
