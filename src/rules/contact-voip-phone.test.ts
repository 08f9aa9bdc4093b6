import { testContext } from './ruleTestKit'
import { buildCaseFacts, type FactRecord } from './caseFacts'
import { rule } from './contact-voip-phone'

const ctx = testContext('2026-10-01T00:00:00Z')
const r = (field: string, value: unknown): FactRecord => ({ field, value, source: 'application', where: `application: ${field}` })

describe('contact-voip-phone', () => {
  it('flags a carrier-reported VoIP line', () => expect(rule.evaluate(buildCaseFacts('candidate', [r('person.phone_line_type', 'voip')]), ctx).status).toBe('flag'))
  it('flags a number in a VoIP range', () => expect(rule.evaluate(buildCaseFacts('candidate', [r('person.phone', { e164: '+445612345678', type: 'VOIP' })]), ctx).status).toBe('flag'))
  it('clears a mobile line', () => expect(rule.evaluate(buildCaseFacts('candidate', [r('person.phone_line_type', 'mobile'), r('person.phone', { e164: '+447700900123', type: 'MOBILE' })]), ctx).status).toBe('clear'))
  it('is not applicable when no line type is known', () => expect(rule.evaluate(buildCaseFacts('candidate', [r('person.phone', { e164: '+13124832212', type: null })]), ctx).status).toBe('not_applicable'))
})
