import { blockerLink, caseTabHref, nextActionFor, presentActivity } from './presentCase'

const base = { caseId: 'c1', role: 'recruiter', status: 'open', isCurrent: true, blockers: [] as Array<{ kind: string }>, unjudgedLinks: 0, canEdit: true, canDecide: false, canClearSanctions: false, canJudge: true }

describe('the case page summary', () => {
  it("gives each role its own next step", () => {
    expect(nextActionFor(base)).toEqual({ kind: 'send_for_review' })
    // A preparer's step stays "send for review" (with its blockers) even with links to judge.
    expect(nextActionFor({ ...base, unjudgedLinks: 3 })).toEqual({ kind: 'send_for_review' })
    const security = { ...base, role: 'security', canClearSanctions: true }
    expect(nextActionFor({ ...security, blockers: [{ kind: 'sanctions' }], unjudgedLinks: 2 })).toMatchObject({ kind: 'link', text: 'Clear or confirm the sanctions hit', href: '/sanctions' })
    expect(nextActionFor({ ...security, unjudgedLinks: 2 })).toMatchObject({ kind: 'link', text: 'Judge the 2 linked applications', href: '/cases/c1?tab=links' })
    const manager = { ...base, role: 'manager', canEdit: false, canJudge: false, canDecide: true }
    expect(nextActionFor({ ...manager, status: 'in_review' })).toMatchObject({ kind: 'link', text: 'Decide this case', href: '/cases/c1/signoff' })
    expect(nextActionFor(manager)).toMatchObject({ kind: 'note' })
    expect(nextActionFor({ ...manager, status: 'rejected' })).toMatchObject({ kind: 'link', text: 'See the decision' })
    expect(nextActionFor({ ...base, status: 'in_review' })).toMatchObject({ kind: 'note', text: expect.stringContaining('waiting for a manager') })
    expect(nextActionFor({ ...base, isCurrent: false })).toMatchObject({ kind: 'note' })
  })

  it('points each blocker at the section where it is dealt with', () => {
    expect(blockerLink('c1', { kind: 'item', text: 'Checklist: x', anchor: 'item-7' }).href).toBe('/cases/c1?tab=checklist#item-7')
    expect(blockerLink('c1', { kind: 'disposition', text: 'd', anchor: 'checklist-heading' }).href).toBe('/cases/c1?tab=checklist#dispositions-heading')
    expect(blockerLink('c1', { kind: 'sanctions', text: 's', anchor: 'checks-heading' }).href).toBe('/cases/c1#family-sanctions')
    expect(caseTabHref('c1', 'findings')).toBe('/cases/c1')
    expect(caseTabHref('c1', 'evidence')).toBe('/cases/c1?tab=evidence')
  })

  it('says what happened in words', () => {
    const rows = presentActivity([
      { occurred_at: '2026-12-04T10:00:00.000Z', type: 'CASE_STATUS_CHANGED', actor_email: 'r@example.test', actor_role: 'recruiter', data: JSON.stringify({ after: { status: 'in_review' } }) },
      { occurred_at: '2026-12-04T10:01:00.000Z', type: 'SOME_NEW_EVENT', actor_email: null, actor_role: null, data: 'not json' },
    ])
    expect(rows[0]).toEqual({ when: '2026-12-04 10:00 UTC', who: 'r@example.test', what: 'Changed the status: to in review' })
    expect(rows[1]).toEqual({ when: '2026-12-04 10:01 UTC', who: 'the system', what: 'Some new event' })
  })
})
