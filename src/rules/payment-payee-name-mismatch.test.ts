import { testContext } from './ruleTestKit'
import { buildCaseFacts } from './caseFacts'
import { rule } from './payment-payee-name-mismatch'

const ctx = testContext('2026-10-01T00:00:00Z')
const facts = (name: string | null, holder: string | null) =>
  buildCaseFacts('candidate', [
    ...(name ? [{ field: 'person.full_name', value: name, source: 'application', where: 'application: person.full_name' }] : []),
    ...(holder !== null ? [{ field: 'payment', value: { method: 'bank', account_holder: holder }, source: 'application', where: 'application: payment' }] : []),
  ])

describe('payment-payee-name-mismatch', () => {
  it('flags another person', () => expect(rule.evaluate(facts('Kevin Brandt', 'Li Wei'), ctx).status).toBe('flag'))
  it('flags a company account, saying so', () => {
    const r = rule.evaluate(facts('Kevin Brandt', 'Northgate Digital LLC'), ctx)
    expect(r.status === 'flag' && r.message).toContain('company account')
  })
  it('clears the applicant written differently', () => expect(rule.evaluate(facts('Dana Whitfield', 'WHITFIELD, DANA M'), ctx).status).toBe('clear'))
  it('is not applicable without a holder or a name', () => {
    expect(rule.evaluate(facts('Dana Whitfield', null), ctx)).toEqual({ status: 'not_applicable', missing: ['payment.account_holder'] })
    expect(rule.evaluate(facts(null, 'Dana'), ctx)).toEqual({ status: 'not_applicable', missing: ['person.fullName'] })
  })
})
