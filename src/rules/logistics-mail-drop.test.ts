import { rule } from './logistics-mail-drop'
import { fact, factsOf, testContext } from './ruleTestKit'

const ctx = testContext()
const ship = (line1: string) => fact('logistics.shipping_address', { line1, city: 'Nashua', postal_code: '03060', country: 'US' })
describe('logistics-mail-drop', () => {
  it('flags a private mailbox and a forwarder', () => {
    expect(rule.evaluate(factsOf([ship('85 Garden Pkwy PMB 301')]), ctx).status).toBe('flag')
    expect(rule.evaluate(factsOf([ship('7 Gateway Blvd Ste 200 #4471')]), ctx).status).toBe('flag')
    expect(rule.evaluate(factsOf([ship('12 Harbor Rd'), fact('logistics.note', 'freight forwarder will collect it')]), ctx).status).toBe('flag')
  })
  it('clears a home or an office floor', () => {
    expect(rule.evaluate(factsOf([ship('12 Oak St Apt 4')]), ctx).status).toBe('clear')
    expect(rule.evaluate(factsOf([ship('400 Congress Ave Fl 12')]), ctx).status).toBe('clear')
  })
  it('is not applicable without a shipping address', () => {
    expect(rule.evaluate(factsOf([]), ctx).status).toBe('not_applicable')
  })
})
