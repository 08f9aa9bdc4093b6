import { screeningSubject } from './sanctionsScreening'
import { rule as identifierHit } from './sanctions-identifier-hit'
import { rule as organisationHit } from './sanctions-organisation-hit'
import { rule as corroborated } from './sanctions-person-corroborated'
import { buildReferenceData } from '../refdata/referenceData'
import { SanctionsIndex } from '../sanctions/screen'
import { parseSdnCsv } from '../sanctions/sdnCsv'
import { fact, factsOf, testContext } from './ruleTestKit'

const ctx = testContext()
describe('what screening reads from a case', () => {
  it('finds web addresses and wallets written in free text, not only in URL and wallet fields', () => {
    const { subject } = screeningSubject(factsOf([
      fact('resume.employer', { company: 'Bluepeak', details: 'Built the shop at norland-trading.example and https://www.example.org/x.' }),
      fact('logistics.note', 'Ship to my cousin; payout to ethereum:pay-0xb6f5ec1a0a9cd1526536d3f0426c429529471f40@1'),
    ]))
    expect(subject.websites.map(w => w.value)).toEqual(['norland-trading.example', 'https://www.example.org/x'])
    expect(subject.wallets.map(w => w.value)).toEqual([expect.stringContaining('ethereum:pay-0xb6f5')])
    expect(screeningSubject(factsOf([fact('reference', { name: 'A Referee', notes: 'reach him at Norland.Sales+ref@gmail.com.' })])).subject.emails.map(e => e.value)).toEqual(['Norland.Sales+ref@gmail.com'])
  })
  it('screens the payout account email (Payoneer, Wise, PayPal)', () => {
    const { subject } = screeningSubject(factsOf([fact('payment', { method: 'payoneer', account_holder: 'A Person', account_email: 'payee.box@example.com' })]))
    expect(subject.emails).toEqual([expect.objectContaining({ value: 'payee.box@example.com', where: expect.stringContaining('account email') })])
  })
  it('a listed wallet in a payment URI in a note is an identifier hit', () => {
    const r = identifierHit.evaluate(factsOf([fact('logistics.note', 'Pay me at ethereum:pay-0xB6F5EC1A0A9CD1526536D3F0426C429529471F40@1 please')]), ctx)
    expect(r.status).toBe('flag')
  })
  it('"Volasys Silverstar" as an employer is the listed Volasys Silver Star; "Star Trading" is not', () => {
    expect(organisationHit.evaluate(factsOf([fact('resume.employer', { company: 'Volasys Silverstar' })]), ctx).status).toBe('flag')
    expect(organisationHit.evaluate(factsOf([fact('resume.employer', { company: 'Star Trading LLC' }), fact('reference', { company: 'Silver Star' })]), ctx).status).toBe('clear')
  })
  it('reads phone numbers written in free text, and a number as written beside its E.164 form', () => {
    const { subject } = screeningSubject(factsOf([
      fact('reference', { name: 'A Referee', notes: 'Call his office on +850 2 381-8208 or 2018-2020 records.' }),
      fact('interview.notes', 'Asked us to text 136 2158 3465 instead of email.'),
      fact('person.phone', { e164: null, raw: '021 6615 3220' }),
    ]))
    expect(subject.phones.map(x => x.value)).toEqual(['021 6615 3220', '+850 2 381-8208', '136 2158 3465'])
  })
  it('a listed phone number in a reference note is an identifier hit; another number is not', () => {
    const listed = buildReferenceData({
      lookupIp: () => null,
      disposableDomains: new Set(),
      external: [],
      sanctions: new SanctionsIndex(parseSdnCsv('90201,"EXAMPLE TRADING",-0- ,"DPRK3",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"PHONE 850 2 381 8208/4188; Telephone (86)(13621583465)."').entries),
    })
    const c = { ...ctx, ref: listed }
    expect(identifierHit.evaluate(factsOf([fact('reference', { name: 'R', notes: 'reach me on WhatsApp 0086-136-2158-3465' })]), c).status).toBe('flag')
    expect(identifierHit.evaluate(factsOf([fact('reference', { name: 'R', notes: 'office +850 2 381 4188 ext 2' })]), c).status).toBe('flag')
    expect(identifierHit.evaluate(factsOf([fact('reference', { name: 'R', notes: 'reach me on 0086-136-2158-3466' })]), c).status).toBe('clear')
  })
  it('a one-letter slip in a long listed company name is the listed company; a different company sharing words is not', () => {
    expect(organisationHit.evaluate(factsOf([fact('resume.employer', { company: 'Yanbian Silverstar Netwrok Technology Co., Ltd' })]), ctx).status).toBe('flag')
    expect(organisationHit.evaluate(factsOf([fact('resume.employer', { company: 'Yanbian Goldstar Network Technology' }), fact('reference', { company: 'Korea Information Technology Cooperation Company' })]), ctx).status).toBe('clear')
  })
  it('a date of birth written month-first corroborates a name lead', () => {
    expect(corroborated.evaluate(factsOf([fact('person.full_name', 'Sang Man Kim'), fact('person.date_of_birth', '04/25/1965')]), ctx).status).toBe('flag')
    expect(corroborated.evaluate(factsOf([fact('person.full_name', 'Sang Man Kim'), fact('person.date_of_birth', '04/26/1965')]), ctx).status).toBe('clear')
  })
})
