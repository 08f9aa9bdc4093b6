import { rule } from './identity-location-inconsistent'
import { fact, factsOf, testContext } from './ruleTestKit'

const ctx = testContext()
const home = (country: string) => fact('person.address', { city: 'x', country })

describe('identity-location-inconsistent', () => {
  it('flags a US home with a Chinese working time zone', () => {
    const r = rule.evaluate(factsOf([home('US'), fact('person.phone', { e164: '+13125550100', country: 'US' }), fact('person.timezone', 'Asia/Shanghai')]), ctx)
    expect(r.status).toBe('flag')
    expect(r.status === 'flag' && r.message).toContain('CN')
  })
  it('clears someone who lives abroad and says so consistently', () => {
    expect(rule.evaluate(factsOf([home('KR'), fact('person.phone', { e164: '+8221234567', country: 'KR' }), fact('person.timezone', 'Asia/Seoul')]), ctx).status).toBe('clear')
  })
  it('is not applicable without a home country', () => {
    expect(rule.evaluate(factsOf([fact('person.timezone', 'Asia/Seoul')]), ctx).status).toBe('not_applicable')
  })
})
