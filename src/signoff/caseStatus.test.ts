import { availableActions, canTransition, InvalidTransitionError, isChangeable, isClosed, nextStatus } from './caseStatus'

describe('case status transitions', () => {
  it.each([
    ['open', 'submit_for_review', 'in_review'],
    ['in_review', 'return_to_open', 'open'],
    ['in_review', 'sign_off', 'signed_off'],
    ['in_review', 'reject', 'rejected'],
    ['signed_off', 'reopen', 'open'],
    ['rejected', 'reopen', 'open'],
  ] as const)('%s --%s--> %s', (from, action, to) => {
    expect(nextStatus(from, action)).toBe(to)
  })

  it.each([
    ['open', 'sign_off'],
    ['open', 'reopen'],
    ['signed_off', 'submit_for_review'],
    ['rejected', 'sign_off'],
    ['in_review', 'reopen'],
  ] as const)('refuses %s --%s', (from, action) => {
    expect(canTransition(from, action)).toBe(false)
    expect(() => nextStatus(from, action)).toThrow(InvalidTransitionError)
  })

  it('lists what can happen next and which statuses are closed', () => {
    expect(availableActions('open')).toEqual(['submit_for_review'])
    expect(availableActions('signed_off')).toEqual(['reopen'])
    expect(isClosed('signed_off')).toBe(true)
    expect(isClosed('in_review')).toBe(false)
  })

  it('lets only the current, undecided revision change', () => {
    expect(isChangeable({ status: 'open', is_current: true })).toBe(true)
    expect(isChangeable({ status: 'in_review', is_current: 1 })).toBe(true)
    expect(isChangeable({ status: 'signed_off', is_current: true })).toBe(false)
    expect(isChangeable({ status: 'rejected', is_current: 1 })).toBe(false)
    expect(isChangeable({ status: 'open', is_current: false })).toBe(false)
  })
})
