import { testContext } from './ruleTestKit'
import { buildCaseFacts } from './caseFacts'
import { rule } from './payment-crypto-payout'

const ctx = testContext('2026-10-01T00:00:00Z')
const facts = (payment?: Record<string, unknown>) => buildCaseFacts('contractor', payment ? [{ field: 'payment', value: payment, source: 'application', where: 'application: payment' }] : [])

describe('payment-crypto-payout', () => {
  it('flags crypto', () => expect(rule.evaluate(facts({ method: 'crypto', currency: 'USDT' }), ctx).status).toBe('flag'))
  it('flags a wallet even when the method is left out', () => expect(rule.evaluate(facts({ wallet_address: 'TQn9' }), ctx).status).toBe('flag'))
  it('clears a bank payout', () => expect(rule.evaluate(facts({ method: 'bank' }), ctx).status).toBe('clear'))
  it('is not applicable without payment details', () => {
    expect(rule.evaluate(facts(), ctx).status).toBe('not_applicable')
    expect(rule.evaluate(facts({ account_holder: 'X' }), ctx).status).toBe('not_applicable')
  })
})
