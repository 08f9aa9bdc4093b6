import { rule } from './contact-disposable-email'
import { fact, factsOf, testContext } from './ruleTestKit'

const ctx = testContext()
describe('contact-disposable-email', () => {
  it('flags a disposable domain and names the list version', () => {
    expect(rule.evaluate(factsOf([fact('person.email', 'dev77@mailinator.com')]), ctx).status).toBe('flag')
    expect(rule.meta.refdata).toContain('disposable-email')
  })
  it('clears ordinary providers, webmail included', () => {
    expect(rule.evaluate(factsOf([fact('person.email', 'dana@gmail.com')]), ctx).status).toBe('clear')
  })
  it('is not applicable without an email', () => {
    expect(rule.evaluate(factsOf([]), ctx).status).toBe('not_applicable')
  })
})
