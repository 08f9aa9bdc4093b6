import { rule } from './payment-payout-country-mismatch'
import { fact, factsOf, testContext } from './ruleTestKit'

const ctx = testContext()
const home = (c: string) => fact('person.address', { country: c })
describe('payment-payout-country-mismatch', () => {
  it('flags a payout account abroad and a single-market service', () => {
    expect(rule.evaluate(factsOf([home('GB'), fact('payment', { method: 'bank', bank_country: 'US' })]), ctx).status).toBe('flag')
    expect(rule.evaluate(factsOf([home('US'), fact('payment', { method: 'alipay' })]), ctx).status).toBe('flag')
  })
  it('clears pay at home, wherever home is', () => {
    expect(rule.evaluate(factsOf([home('CN'), fact('payment', { method: 'alipay', bank_country: 'CN' })]), ctx).status).toBe('clear')
    expect(rule.evaluate(factsOf([home('US'), fact('payment', { method: 'bank', bank_country: 'us' })]), ctx).status).toBe('clear')
  })
  it('is not applicable without payment details', () => {
    expect(rule.evaluate(factsOf([home('US')]), ctx).status).toBe('not_applicable')
  })
})
