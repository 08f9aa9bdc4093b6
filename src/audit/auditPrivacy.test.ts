import { splitAuditData, withholdLegacyData } from './auditPrivacy'

const key = Buffer.from('a unit-test audit key, thirty-two characters or more')

describe('what the audit trail may show', () => {
  it('keeps field names and statuses, and replaces personal values with keyed hashes', () => {
    const data = { section: 'person', before: [{ field: 'person', value: { full_name: 'Ana Lima', email: 'ana@example.pt' }, source: 'application' }], after: [{ field: 'person', value: { full_name: 'Ana Souza' } }] }
    const { trail, detail } = splitAuditData('CASE_FACTS_RECORDED', data, key)
    expect(detail).toEqual(data)
    expect(JSON.stringify(trail)).not.toMatch(/Ana|ana@/)
    expect(trail).toMatchObject({ section: 'person', before: [{ field: 'person', source: 'application', value: { full_name: expect.stringMatching(/^hmac:[0-9a-f]{16}$/) } }], detailHmac: expect.stringMatching(/^[0-9a-f]{64}$/) })
  })

  it('hashes with the key, so a guessed value cannot be checked without it', () => {
    const data = { rule: 'r', disposition: '+44 20 7946 0000' }
    const a = splitAuditData('FINDING_DISPOSED', data, key).trail.disposition
    const b = splitAuditData('FINDING_DISPOSED', data, Buffer.from('another key, also thirty-two characters long')).trail.disposition
    expect(a).not.toBe(b)
    expect(splitAuditData('FINDING_DISPOSED', data, key).trail.rule).toBe('r')
  })

  it('withholds any value under a key it does not know (allowlist), and keeps staff events whole', () => {
    expect(splitAuditData('CASE_STATUS_CHANGED', { action: 'submit', statement: 'Seen by J. Doe', somethingNew: 'x' }, key).trail).toMatchObject({ action: 'submit', statement: expect.stringMatching(/^hmac:/), somethingNew: expect.stringMatching(/^hmac:/) })
    expect(splitAuditData('API_TOKEN_ISSUED', { tokenId: 1, name: 'nightly sync' }, key)).toEqual({ trail: { tokenId: 1, name: 'nightly sync' }, detail: null })
    expect(splitAuditData('RULES_RUN', { before: { score: 1, band: 'low', flags: [] } }, key).detail).toBeNull()
  })

  it('withholds the values of events written before the split when shown', () => {
    expect(withholdLegacyData('LINK_JUDGED', { otherCase: 'c2', judgement: 'same', note: 'Same face as Ana' })).toEqual({ shown: { otherCase: 'c2', judgement: 'same', note: '(withheld)' }, withheld: true })
  })
})
