/**
 * The case life cycle as a transition table. Pure: services ask it before they change anything.
 *   open → in_review → signed_off | rejected;  in_review → open (returned for more work);
 *   signed_off | rejected → reopened, which creates a new revision that starts open.
 */
export const CASE_STATUSES = ['open', 'in_review', 'signed_off', 'rejected'] as const
export type CaseStatus = (typeof CASE_STATUSES)[number]

export const CASE_STATUS_LABELS: Record<CaseStatus, string> = {
  open: 'Open',
  in_review: 'In review',
  signed_off: 'Signed off',
  rejected: 'Rejected',
}

export const CASE_KINDS = ['candidate', 'contractor'] as const
export type CaseKind = (typeof CASE_KINDS)[number]

export const RISK_BANDS = ['low', 'elevated', 'high', 'critical'] as const
export type RiskBand = (typeof RISK_BANDS)[number]

export type CaseAction = 'submit_for_review' | 'return_to_open' | 'sign_off' | 'reject' | 'reopen'

const TRANSITIONS: Record<CaseAction, { from: readonly CaseStatus[]; to: CaseStatus }> = {
  submit_for_review: { from: ['open'], to: 'in_review' },
  return_to_open: { from: ['in_review'], to: 'open' },
  sign_off: { from: ['in_review'], to: 'signed_off' },
  reject: { from: ['in_review'], to: 'rejected' },
  // reopen applies to a closed revision and yields a new revision in `open`
  reopen: { from: ['signed_off', 'rejected'], to: 'open' },
}

export function canTransition(status: CaseStatus, action: CaseAction): boolean {
  return TRANSITIONS[action].from.includes(status)
}

export function nextStatus(status: CaseStatus, action: CaseAction): CaseStatus {
  if (!canTransition(status, action)) {
    throw new InvalidTransitionError(status, action)
  }
  return TRANSITIONS[action].to
}

export function isClosed(status: CaseStatus): boolean {
  return status === 'signed_off' || status === 'rejected'
}

/**
 * The one rule for "this revision can still change": it is the current revision and not decided.
 * Facts, files, findings, links, checklist, dispositions, sanctions reviews and watch state all follow it.
 */
export function isChangeable(c: { status: CaseStatus; is_current: boolean | number }): boolean {
  return Boolean(c.is_current) && !isClosed(c.status)
}

export function availableActions(status: CaseStatus): CaseAction[] {
  return (Object.keys(TRANSITIONS) as CaseAction[]).filter(a => canTransition(status, a))
}

export class InvalidTransitionError extends Error {
  constructor(
    readonly status: CaseStatus,
    readonly action: CaseAction,
  ) {
    super(`A case that is ${CASE_STATUS_LABELS[status].toLowerCase()} cannot ${action.replace(/_/g, ' ')}`)
    this.name = 'InvalidTransitionError'
  }
}
