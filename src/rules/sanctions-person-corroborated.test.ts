import { rule } from './sanctions-person-corroborated'
import { fact, factsOf, testContext } from './ruleTestKit'

const ctx = testContext()
describe('sanctions-person-corroborated', () => {
  it('flags a name lead with the listed date of birth', () => {
    expect(rule.evaluate(factsOf([fact('person.full_name', 'Sang Man Kim'), fact('person.date_of_birth', '1965-04-25')]), ctx).status).toBe('flag')
  })
  it('flags a name lead with the listed person’s wallet', () => {
    expect(rule.evaluate(factsOf([fact('person.full_name', 'Sangman Kim'), fact('payment', { wallet_address: '1D6gG9iKEhPitTcWRJiniuj1jYM2hNeAfJ' })]), ctx).status).toBe('flag')
  })
  it('does not count a name alone, nor a different date of birth', () => {
    expect(rule.evaluate(factsOf([fact('person.full_name', 'Sang Man Kim')]), ctx).status).toBe('clear')
    expect(rule.evaluate(factsOf([fact('person.full_name', 'Sang Man Kim'), fact('person.date_of_birth', '1990-01-02')]), ctx).status).toBe('clear')
  })
  it('reads a payee’s own date of birth for the payee, and never the applicant’s for someone else', () => {
    const payee = (holderBirth?: string) => fact('payment', { method: 'wise', account_holder: 'Sang-man Kim', bank_country: 'CN', ...(holderBirth ? { account_holder_date_of_birth: holderBirth } : {}) })
    // The payout details give the holder's date of birth, written the way people write it.
    expect(rule.evaluate(factsOf([fact('person.full_name', 'Juan Herrera'), fact('person.date_of_birth', '12.09.1977'), payee('25 Apr 1965')]), ctx).status).toBe('flag')
    // The applicant's own date of birth says nothing about the payee.
    expect(rule.evaluate(factsOf([fact('person.full_name', 'Juan Herrera'), fact('person.date_of_birth', '1965-04-25'), payee()]), ctx).status).toBe('clear')
  })
  it('finds the listed person however the name is romanised, joined or in Hangul, and corroborates with the date of birth', () => {
    for (const name of ['KIM SANGMAN', 'Gim Sang-man', 'Sangman Kim', '김상만']) {
      expect([name, rule.evaluate(factsOf([fact('person.full_name', name), fact('person.date_of_birth', '04/25/1965')]), ctx).status]).toEqual([name, 'flag'])
    }
  })
})
