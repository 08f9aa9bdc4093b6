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
})
