import { rule } from './sanctions-identifier-hit'
import { fact, factsOf, testContext } from './ruleTestKit'

const ctx = testContext()
describe('sanctions-identifier-hit', () => {
  it('flags a listed wallet however its letters are cased, and blocks sign-off', () => {
    const r = rule.evaluate(factsOf([fact('payment', { method: 'crypto', wallet_address: '0xB6F5EC1A0A9CD1526536D3F0426C429529471F40' })]), ctx)
    expect(r.status).toBe('flag')
    expect(r.status === 'flag' && r.message).toContain('OFAC-43377')
    expect(rule.meta.blocking).toBe(true)
  })
  it('clears identifiers not on the list', () => {
    expect(rule.evaluate(factsOf([fact('payment', { method: 'crypto', wallet_address: 'TQn9Y2khEsLJW1ChVWFMSMeRDow5KcbLSE' }), fact('person.email', 'a@example.org')]), ctx).status).toBe('clear')
  })
  it('is not applicable with no identifiers', () => {
    expect(rule.evaluate(factsOf([]), ctx).status).toBe('not_applicable')
  })
})
