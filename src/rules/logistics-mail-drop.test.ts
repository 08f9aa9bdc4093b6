import { rule } from './logistics-mail-drop'
import { rule as notHome } from './logistics-shipping-not-home'
import { FORWARDED_TO_DECLARED_HOME } from './helpers'
import { runRules } from './runRules'
import { scoreFindings } from '../scoring/scoreCase'
import { fact, factsOf, testContext } from './ruleTestKit'

const ctx = testContext()
const ship = (line1: string) => fact('logistics.shipping_address', { line1, city: 'Nashua', postal_code: '03060', country: 'US' })
describe('logistics-mail-drop', () => {
  it('flags a private mailbox and a forwarder', () => {
    expect(rule.evaluate(factsOf([ship('85 Garden Pkwy PMB 301')]), ctx).status).toBe('flag')
    expect(rule.evaluate(factsOf([ship('7 Gateway Blvd Ste 200 #4471')]), ctx).status).toBe('flag')
    expect(rule.evaluate(factsOf([ship('12 Harbor Rd'), fact('logistics.note', 'freight forwarder will collect it')]), ctx).status).toBe('flag')
  })
  it('flags a box number at a street address and a suite with a customer number, not an apartment or a suite alone', () => {
    for (const line1 of ['5219 Border Rd Box 1693', '8400 Harbor St Ste 943-18825', '700 Commerce Dr Unit B17494']) expect([line1, rule.evaluate(factsOf([ship(line1)]), ctx).status]).toEqual([line1, 'flag'])
    for (const line1 of ['12 Main St Apt 4B', '1 Tower Pl Unit 3205', '12 Oak Rd Suite 200', '88 Pine Ave Ste 12-3', '4 Box Hill Rd']) expect([line1, rule.evaluate(factsOf([ship(line1)]), ctx).status]).toEqual([line1, 'clear'])
  })
  it('leaves the Postal Service\'s own box formats and a Canadian suite before a civic number alone', () => {
    // USPS Publication 28 §§ 24–25: rural routes, highway contracts; military post offices (PSC, CMR, Unit … Box).
    for (const line1 of ['RR 2 Box 152', 'Rural Route 2 Box 152', 'HC 68 Box 23', 'PSC 3 Box 1234', 'CMR 450 Box 123', 'Unit 2050 Box 4190', 'Unit 45002 Box 1234', 'Suite 400 - 1055 West Georgia St']) {
      expect([line1, rule.evaluate(factsOf([ship(line1)]), ctx).status]).toEqual([line1, 'clear'])
    }
  })
  it('reads forwarding in a note only where the note forwards the shipment', () => {
    const noted = (note: string) => rule.evaluate(factsOf([ship('12 Harbor Rd'), fact('logistics.note', note)]), ctx).status
    expect(noted('Ship to my logistics agent, he forwards to me')).toBe('flag')
    for (const note of ['Looking forward to starting!', 'HR forwarded me the shipping form', 'My manager forwards all hardware questions to IT', 'Box 12 of 20 is the monitor']) expect([note, noted(note)]).toEqual([note, 'clear'])
  })
  it('reads a parcel service abroad that forwards to a declared foreign home as that, weakly (variant "to-declared-home")', () => {
    // A Miami "casillero" for someone who says they live in Medellín: the device goes where they say they live.
    const miami = fact('logistics.shipping_address', { line1: '8400 NW 25th St', line2: 'Ste 100 #88213', city: 'Doral', region: 'FL', postal_code: '33198', country: 'US' })
    const medellin = fact('person.address', { line1: 'Cra 43A #1-50', city: 'Medellín', country: 'CO' })
    const note = fact('logistics.note', 'Casillero address — US parcels reach me here weekly')
    const abroad = factsOf([medellin, miami, note])
    const r = rule.evaluate(abroad, ctx)
    expect(r.status).toBe('flag')
    expect(r.status === 'flag' && r.evidence.find(e => e.field === FORWARDED_TO_DECLARED_HOME)?.value).toEqual({ home: 'CO', via: 'US' })
    expect(notHome.evaluate(abroad, ctx).status === 'flag' && notHome.evaluate(abroad, ctx)).toMatchObject({ evidence: expect.arrayContaining([expect.objectContaining({ field: FORWARDED_TO_DECLARED_HOME })]) })
    // The same forwarder for someone who claims a home in the US is the reshipping the advisories describe.
    const dallas = fact('person.address', { line1: '12 Elm St', city: 'Dallas', region: 'TX', postal_code: '75201', country: 'US' })
    const local = factsOf([dallas, miami, note])
    const lowScore = scoreFindings(runRules(abroad, ctx, [rule, notHome]))
    const highScore = scoreFindings(runRules(local, ctx, [rule, notHome]))
    expect(lowScore.contributions.map(c => c.variant)).toEqual(['to-declared-home', 'to-declared-home'])
    expect(lowScore.band).toBe('low')
    expect(highScore.score).toBeGreaterThan(lowScore.score + 25)
    // The customer number written after a hyphen, with a note after it: both rules read it alike.
    const hyphen = factsOf([medellin, fact('logistics.shipping_address', { line1: '8400 NW 25th St', line2: 'Ste 716-89350', city: 'Doral', region: 'FL', postal_code: '33198', country: 'US' }), fact('logistics.note', 'Shipping to my mailbox service in the US; I pay import duty')])
    expect(scoreFindings(runRules(hyphen, ctx, [rule, notHome])).contributions.map(c => c.variant)).toEqual(['to-declared-home', 'to-declared-home'])
    // A note sending it to someone else, or to a stay, is not delivery to the declared home.
    for (const other of ['please ship to my cousin, I am moving', 'temporary address', 'my agent forwards it']) {
      const r2 = rule.evaluate(factsOf([medellin, miami, fact('logistics.note', other)]), ctx)
      expect([other, r2.status === 'flag' && r2.evidence.some(e => e.field === FORWARDED_TO_DECLARED_HOME)]).toEqual([other, false])
    }
  })
  it('clears a home or an office floor', () => {
    expect(rule.evaluate(factsOf([ship('12 Oak St Apt 4')]), ctx).status).toBe('clear')
    expect(rule.evaluate(factsOf([ship('400 Congress Ave Fl 12')]), ctx).status).toBe('clear')
  })
  it('is not applicable without a shipping address', () => {
    expect(rule.evaluate(factsOf([]), ctx).status).toBe('not_applicable')
  })
})
