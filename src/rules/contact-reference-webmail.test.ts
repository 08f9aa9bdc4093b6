import { rule } from './contact-reference-webmail'
import { fact, factsOf, testContext } from './ruleTestKit'

const ctx = testContext()
const ref = (email: string) => fact('reference', { name: 'Sam Ortiz', company: 'Bluepeak Software', email })
describe('contact-reference-webmail', () => {
  it('flags references who all use webmail', () => {
    expect(rule.evaluate(factsOf([ref('alanprice.dev@gmail.com')]), ctx).status).toBe('flag')
  })
  it('clears when a reference is at an organisation’s domain', () => {
    expect(rule.evaluate(factsOf([ref('alanprice.dev@gmail.com'), ref('sam.ortiz@bluepeak.example')]), ctx).status).toBe('clear')
  })
  it('is not applicable when no reference has an email', () => {
    expect(rule.evaluate(factsOf([fact('reference', { name: 'Sam', phone: '+13125550100' })]), ctx).status).toBe('not_applicable')
  })
})
