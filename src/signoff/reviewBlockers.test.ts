import { blockedMessage, reviewBlockers } from './reviewBlockers'

const ready = { checklistMade: true, items: [], serious: [], blocking: [] }

describe('reviewBlockers', () => {
  it('has nothing to say about a complete case', () => expect(reviewBlockers(ready)).toEqual([]))

  it('lists open required items only: done, failed, waived and optional items do not block', () => {
    const items = [
      { id: 1, text: 'Live video', required: true, status: 'open' },
      { id: 2, text: 'Other names', required: false, status: 'open' },
      { id: 3, text: 'Liveness', required: true, status: 'done' },
      { id: 4, text: 'ID beside face', required: true, status: 'failed' },
      { id: 5, text: 'Employers', required: true, status: 'waived' },
    ]
    expect(reviewBlockers({ ...ready, items })).toEqual([{ kind: 'item', text: 'Checklist: Live video', anchor: 'item-1' }])
  })

  it('asks for a disposition of every serious finding without one, and for sanctions hits to be cleared', () => {
    const blockers = reviewBlockers({ ...ready, serious: [{ rule: 'r1', title: 'Reused phone', severity: 'high', disposed: false }, { rule: 'r2', title: 'Done', severity: 'critical', disposed: true }], blocking: ['sanctions-identifier-hit'] })
    expect(blockers.map(b => b.kind)).toEqual(['disposition', 'sanctions'])
    expect(blockers[0]!.text).toBe('Write a disposition of the high finding "Reused phone"')
  })

  it('says when the checklist was never made', () => expect(reviewBlockers({ ...ready, checklistMade: false })[0]!.kind).toBe('no_checklist'))

  it('names the first five in the refusal and counts the rest', () => {
    const items = Array.from({ length: 8 }, (_, i) => ({ id: i, text: `Step ${i}`, required: true, status: 'open' }))
    const message = blockedMessage(reviewBlockers({ ...ready, items }))
    expect(message).toContain('8 things are still open')
    expect(message).toContain('Checklist: Step 4; and 3 more')
    expect(message).not.toContain('Step 5')
    expect(message).toContain('give a reason')
  })
})
