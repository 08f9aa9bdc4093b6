import { testContext } from './ruleTestKit'
import { buildCaseFacts, type FactRecord } from './caseFacts'
import { rule } from './logistics-shipping-not-home'

const ctx = testContext('2026-10-01T00:00:00Z')
const home = { field: 'person.address', value: { line1: '88 Hudson St', city: 'New York', postal_code: '10013', country: 'US' }, source: 'application', where: 'application: person.address' }
const facts = (...r: FactRecord[]) => buildCaseFacts('contractor', r)

describe('logistics-shipping-not-home', () => {
  it('flags shipping to another address, with both addresses as evidence', () => {
    const r = rule.evaluate(facts(home, { field: 'logistics.shipping_address', value: { line1: '2210 W Commerce St Ste 4', city: 'Dallas', postal_code: '75212', country: 'US' }, source: 'application', where: 'application: logistics.shipping_address' }), ctx)
    expect(r.status).toBe('flag')
    expect(r.status === 'flag' && r.evidence.map(e => e.field)).toEqual(['person.address', 'logistics.shipping_address'])
  })
  it('clears the same address written differently', () => {
    expect(rule.evaluate(facts(home, { field: 'logistics.shipping_address', value: { line1: '88 Hudson Street', city: 'new york', postal_code: '10013', country: 'US' }, source: 'application', where: 'x' }), ctx).status).toBe('clear')
  })
  it('is not applicable without both addresses', () => {
    expect(rule.evaluate(facts(home), ctx)).toEqual({ status: 'not_applicable', missing: ['logistics.shippingAddress'] })
  })
  it('is not applicable when the addresses share nothing comparable', () => {
    expect(rule.evaluate(facts({ ...home, value: { city: 'Chicago' } }, { field: 'logistics.shipping_address', value: { postal_code: '60601' }, source: 'application', where: 'x' }), ctx).status).toBe('not_applicable')
  })
})
