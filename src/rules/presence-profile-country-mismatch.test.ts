import { rule } from './presence-profile-country-mismatch'
import { fact, factsOf, testContext } from './ruleTestKit'

const ctx = testContext()
const home = fact('person.address', { city: 'Chicago', country: 'US' })
describe('presence-profile-country-mismatch', () => {
  it('flags a profile in another country', () => {
    expect(rule.evaluate(factsOf([home, fact('profile', { network: 'upwork', country: 'UA' })]), ctx).status).toBe('flag')
  })
  it('clears matching countries, whatever the country is', () => {
    expect(rule.evaluate(factsOf([home, fact('profile', { network: 'upwork', country: 'us' })]), ctx).status).toBe('clear')
    expect(rule.evaluate(factsOf([fact('person.address', { country: 'CN' }), fact('profile', { network: 'upwork', country: 'CN' })]), ctx).status).toBe('clear')
  })
  it('is not applicable without a profile country', () => {
    expect(rule.evaluate(factsOf([home]), ctx).status).toBe('not_applicable')
  })
})
