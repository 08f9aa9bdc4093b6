import { AUDIT_EVENT_TYPES } from '../audit/auditEvents'
import { AUDIT_EVENT_NAMES, changeLines, eventName, presentAuditEvent, referencedIds, type AuditLookups } from './presentAudit'

const lookups: AuditLookups = {
  users: new Map([
    [1, { name: 'Sam Reviewer', role: 'security' }],
    [2, { name: 'Ana Recruiter', role: 'recruiter' }],
  ]),
  cases: new Map([
    ['11111111-1111-4111-8111-111111111111', { reference: 'VD-000042', revision: 1 }],
    ['22222222-2222-4222-8222-222222222222', { reference: 'VD-000042', revision: 2 }],
  ]),
}

describe('audit event names', () => {
  it('are words for every code in the catalogue (every code used in src/ is checked in tests/integration/audit/auditEventNames.test.ts)', () => {
    expect(AUDIT_EVENT_TYPES.filter(c => !AUDIT_EVENT_NAMES[c]?.trim())).toEqual([])
    for (const name of Object.values(AUDIT_EVENT_NAMES)) expect(name).not.toMatch(/[A-Z]{2,}_/)
    expect(eventName('CASE_WATCHED')).toBe('Confirmed as fraudulent, identifiers put on the watch list')
  })
})

describe('presentAuditEvent', () => {
  const base = { id: 7, occurred_at: '2026-11-24T10:31:07.123Z', actor_user_id: 1, actor_role: 'security', case_id: '22222222-2222-4222-8222-222222222222', target: null, withheld: false }

  it('shows who by name and role, the case by its reference and revision, and the event in words', () => {
    const item = presentAuditEvent({ ...base, type: 'CASE_STATUS_CHANGED', shownData: { action: 'submit_for_review', before: { status: 'open' }, after: { status: 'in_review' } } }, lookups)
    expect(item.name).toBe('Case status changed')
    expect(item.when).toBe('2026-11-24 10:31:07')
    expect(item.who).toEqual({ name: 'Sam Reviewer', role: 'Security reviewer' })
    expect(item.case).toEqual({ href: '/cases/22222222-2222-4222-8222-222222222222', label: 'VD-000042 (revision 2)' })
    expect(item.changes).toEqual([
      { field: 'status', before: 'open', after: 'in_review' },
      { field: 'action', after: 'submit_for_review' },
    ])
  })

  it('shows a system event and an account target by name', () => {
    const item = presentAuditEvent({ ...base, case_id: null, actor_user_id: null, actor_role: null, target: 'user:2', type: 'USER_LOCKED_OUT', shownData: { failures: 5 } }, lookups)
    expect(item.who).toEqual({ name: 'System', role: null })
    expect(item.target).toBe('Ana Recruiter (Recruiter)')
    expect(item.changes).toEqual([{ field: 'failures', after: '5' }])
  })

  it('never cuts a case id short when the case is unknown', () => {
    const item = presentAuditEvent({ ...base, case_id: '33333333-3333-4333-8333-333333333333', type: 'CASE_VIEWED', shownData: {} }, lookups)
    expect(item.case!.label).toBe('33333333-3333-4333-8333-333333333333')
  })
})

describe('changeLines', () => {
  it('lists recorded facts by field, with withheld values marked, not their hashes', () => {
    const lines = changeLines({ section: 'payment', before: [], after: [{ field: 'payment', value: { account_holder: 'hmac:0123456789abcdef', bank_country: 'hmac:fedcba9876543210' } }] }, lookups)
    expect(lines).toEqual([{ field: 'payment', after: '(withheld)' }, { field: 'section', after: 'payment' }])
    expect(JSON.stringify(lines)).not.toContain('hmac:')
  })

  it('says a withheld value changed without showing either side, and skips what did not change', () => {
    const lines = changeLines({ step: 'baseline:id', before: { status: 'open', note: null }, after: { status: 'done', note: 'hmac:0123456789abcdef', file_sha256: 'ab'.repeat(32) } }, lookups)
    expect(lines).toEqual([
      { field: 'status', before: 'open', after: 'done' },
      { field: 'note', after: 'changed (values withheld)' },
      { field: 'step', after: 'baseline:id' },
    ])
  })

  it('leaves hashes and digests out, wherever they are', () => {
    const lines = changeLines({ outcome: 'created', after: { reference: 'VD-000042', contentHash: 'c'.repeat(64), score: 40, band: 'high' }, files: [{ kind: 'resume', sha256: 'a'.repeat(64) }, { kind: 'photo', sha256: 'b'.repeat(64) }], digest: 'd'.repeat(64), legacyHead: 'e'.repeat(64) }, lookups)
    expect(lines).toEqual([
      { field: 'reference', after: 'VD-000042' },
      { field: 'score', after: '40' },
      { field: 'band', after: 'high' },
      { field: 'outcome', after: 'created' },
      { field: 'files', after: 'resume, photo' },
    ])
  })

  it('shows list changes as what was added and removed, and long lists shortened', () => {
    const lines = changeLines({ before: { score: 10, band: 'low', flags: ['a', 'b'] }, after: { score: 55, band: 'high', flags: ['b', 'c'] }, rules: ['r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7', 'r8'] }, lookups, 3)
    expect(lines).toEqual([
      { field: 'score', before: '10', after: '55' },
      { field: 'band', before: 'low', after: 'high' },
      { field: 'flags', after: 'added c; removed a' },
      { field: 'rules', after: 'r1, r2, r3 and 5 more' },
    ])
  })

  it('names cases and people the data points at, and paths nested values', () => {
    const lines = changeLines({ otherCase: '11111111-1111-4111-8111-111111111111', judgement: 'same_person', before: { assignee: null, due: null }, after: { assignee: 2, due: '2026-12-01' }, sentWithOpen: { count: 3, reason: 'hmac:0123456789abcdef' } }, lookups)
    expect(lines).toEqual([
      { field: 'assignee', before: 'none', after: 'Ana Recruiter' },
      { field: 'due', before: 'none', after: '2026-12-01' },
      { field: 'other case', after: 'VD-000042' },
      { field: 'judgement', after: 'same_person' },
      { field: 'sent with open › count', after: '3' },
      { field: 'sent with open › reason', after: '(withheld)' },
    ])
  })

  it('reads an account change from nothing and staff events whole', () => {
    expect(changeLines({ after: { role: 'security', disabled: false } }, lookups)).toEqual([
      { field: 'role', after: 'security' },
      { field: 'disabled', after: 'no' },
    ])
    expect(changeLines({ before: { disabled: false }, after: { disabled: true } }, lookups)).toEqual([{ field: 'disabled', before: 'no', after: 'yes' }])
    expect(changeLines({ tokenId: 4, name: 'nightly sync' }, lookups)).toEqual([
      { field: 'token id', after: '4' },
      { field: 'name', after: 'nightly sync' },
    ])
  })

  it('finds the cases and people to look up in one pass', () => {
    const ids = referencedIds([{ ...{ id: 1, type: 'LINK_JUDGED', occurred_at: '', actor_user_id: 1, actor_role: 'security', case_id: 'c1', target: 'user:9' }, shownData: { otherCase: 'c2', after: { assignee: 3 } } }])
    expect(ids.caseIds.sort()).toEqual(['c1', 'c2'])
    expect(ids.userIds.sort()).toEqual([1, 3, 9])
  })
})
