import { testContext } from './ruleTestKit'
import { buildCaseFacts } from './caseFacts'
import { rule } from './payment-payee-name-mismatch'

// The account holder's name as the bank writes it is not a signal (made-up names).
const ctx = testContext('2026-10-01T00:00:00Z')
const facts = (name: string, holder: string) =>
  buildCaseFacts('candidate', [
    { field: 'person.full_name', value: name, source: 'application', where: 'application: person.full_name' },
    { field: 'payment', value: { method: 'bank', account_holder: holder }, source: 'application', where: 'application: payment' },
  ])

describe('payment-payee-name-mismatch: names as people write them', () => {
  it.each([
    ['Park Hye-won', '박혜원'],
    ['Park Hye-won', 'BAK HYE WON'],
    ['Minseo Kang', 'KANG MIN SEO'],
    ['Jeon Hae-ok', 'CHON HAE OK'],
    ['Xiao Ming Wu', 'WU XIAOMING'],
  ])('clears %s paid to %s', (name, holder) => expect(rule.evaluate(facts(name, holder), ctx).status).toBe('clear'))
  it('still flags another person one syllable apart', () => {
    expect(rule.evaluate(facts('Jeon Hae-ok', 'Jeong Hae-ok'), ctx).status).toBe('flag')
    expect(rule.evaluate(facts('Park Hye-won', 'Baek Hye-won'), ctx).status).toBe('flag')
  })
})
