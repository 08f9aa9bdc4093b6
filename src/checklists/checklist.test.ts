import { caseDigest, desiredItems, missingItems, nextItemStatus, signOffProblems } from './checklist'
import { IDENTITY_OBSERVATIONS } from '../rules/interview-identity-doubt'
import { baselineSteps, TEMPLATE_VERSION } from './templates'

const finding = { rule: 'logistics-mail-drop', title: 'Equipment to a mail drop', severity: 'high', sources: ['FBI PSA I-051624'], checklist: ['Ship only to the address on the ID', 'Ask why the home address cannot receive it'] }

describe('checklist steps', () => {
  it('starts from the baseline of the case kind and adds each finding’s steps with what they answer', () => {
    const items = desiredItems('candidate', [finding])
    expect(items.slice(0, baselineSteps('candidate').length).every(i => i.rule === null && i.why.includes(TEMPLATE_VERSION))).toBe(true)
    expect(items.map(i => i.stepKey)).toEqual(expect.arrayContaining(['baseline:liveness', 'baseline:id-beside-face', 'baseline:employers-direct', 'baseline:ship-to-id-address', 'baseline:payout-name', 'finding:logistics-mail-drop:0', 'finding:logistics-mail-drop:1']))
    const added = items.find(i => i.stepKey === 'finding:logistics-mail-drop:1')!
    expect(added).toMatchObject({ rule: 'logistics-mail-drop', required: true, source: 'FBI PSA I-051624' })
    expect(added.why).toContain('Equipment to a mail drop')
    expect(desiredItems('contractor', []).map(i => i.stepKey)).toContain('baseline:least-privilege')
  })

  it('adds only steps a checklist does not have, and never removes one', () => {
    const first = desiredItems('candidate', [])
    const later = desiredItems('candidate', [finding])
    expect(missingItems(first.map(i => i.stepKey), later).map(i => i.stepKey)).toEqual(['finding:logistics-mail-drop:0', 'finding:logistics-mail-drop:1'])
    expect(missingItems(later.map(i => i.stepKey), first)).toEqual([])
  })
})

describe('checklist items', () => {
  it('needs a note to close an item, and the waive permission to waive one', () => {
    expect(nextItemStatus('open', 'done', 'Saw the ID beside the face', false)).toBe('done')
    expect(nextItemStatus('open', 'failed', 'Would not turn the head', false)).toBe('failed')
    expect(() => nextItemStatus('open', 'done', ' ', false)).toThrow('Say what you saw')
    expect(() => nextItemStatus('open', 'waive', 'Role has no equipment', false)).toThrow('Only a security reviewer or a manager')
    expect(nextItemStatus('open', 'waive', 'Role has no equipment', true)).toBe('waived')
    expect(() => nextItemStatus('done', 'failed', 'changed my mind', true)).toThrow('Reopen the item')
    expect(nextItemStatus('failed', 'reopen', '', false)).toBe('open')
  })
})

describe('sign-off readiness', () => {
  const items = [{ text: 'Liveness prompts', required: true, status: 'done' as const }, { text: 'Other names', required: false, status: 'open' as const }]
  it('is ready when required items are closed, serious findings disposed and no sanctions hit is open', () => {
    expect(signOffProblems({ items, serious: [{ rule: 'r', title: 'T', disposed: true }], blocking: [] })).toEqual([])
  })
  it('names every problem', () => {
    const problems = signOffProblems({ items: [...items, { text: 'Verify employers', required: true, status: 'open' }], serious: [{ rule: 'r', title: 'Shipping to a mail drop', disposed: false }], blocking: ['sanctions-identifier-hit'] })
    expect(problems).toHaveLength(3)
    expect(problems.join(' ')).toMatch(/sanctions-identifier-hit.*Verify employers.*Shipping to a mail drop/s)
  })
})

describe('digest of the case as signed', () => {
  it('is the same for the same content in any key order, and changes with any detail', () => {
    const a = caseDigest({ case: { id: 'x', revision: 1 }, checklist: [{ step: 's', status: 'done' }] })
    expect(caseDigest({ checklist: [{ status: 'done', step: 's' }], case: { revision: 1, id: 'x' } })).toBe(a)
    expect(caseDigest({ case: { id: 'x', revision: 1 }, checklist: [{ step: 's', status: 'failed' }] })).not.toBe(a)
    expect(a).toMatch(/^[0-9a-f]{64}$/)
  })
})

describe('failed steps feed the checks', () => {
  it('records only observations a rule reads', () => {
    const failing = [...baselineSteps('candidate'), ...baselineSteps('contractor')].filter(s => s.onFail)
    expect(failing.length).toBeGreaterThanOrEqual(3)
    for (const s of failing) {
      if (s.onFail!.field === 'interview.observation') expect(IDENTITY_OBSERVATIONS.some(([re]) => re.test(s.onFail!.value))).toBe(true)
      else expect(s.onFail).toEqual({ field: 'interview.video', value: 'camera_off' })
    }
  })
})
