import type { CaseListItem } from '../db/repositories/caseRepository'
import type { CaseDetail } from '../services/caseService'
import { availableActions } from '../signoff/caseStatus'
import { bandLabel, countryLabel, formatDate, formatDateTime, statusLabel } from './format'

export interface SummaryRow {
  key: string
  value: string
  hint?: string
}

export function presentCaseListItem(item: CaseListItem) {
  return {
    id: item.id,
    reference: item.reference,
    revision: item.revision,
    name: item.full_name,
    email: item.email ?? '',
    kind: item.kind === 'candidate' ? 'Candidate' : 'Contractor',
    role: item.role_title ?? '',
    externalId: item.external_id ?? '',
    status: item.status,
    statusLabel: statusLabel(item.status),
    band: item.risk_band ?? 'unscored',
    bandLabel: bandLabel(item.risk_band),
    score: item.risk_score === null ? '' : String(item.risk_score),
    updated: formatDateTime(item.updated_at),
  }
}

export function presentCaseDetail(detail: CaseDetail) {
  const { case: c, subject: s } = detail
  const address = [s.address_line1, s.address_line2, s.city, s.region, s.postal_code, countryLabel(s.country)].filter(Boolean).join(', ')
  const person: SummaryRow[] = [
    { key: 'Full name', value: s.full_name },
    { key: 'Email', value: s.email ?? '' },
    { key: 'Phone', value: [s.phone, s.phone_line_type ? `(${s.phone_line_type})` : ''].filter(Boolean).join(' ') },
    { key: 'Home address', value: address },
    { key: 'Working time zone', value: s.timezone ?? '' },
    { key: 'Citizenship', value: countryLabel(s.citizenship), hint: 'Recorded for HR only; never used by any check or score.' },
  ]
  const application: SummaryRow[] = [
    { key: 'Kind', value: c.kind === 'candidate' ? 'Candidate' : 'Contractor' },
    { key: 'Role', value: c.role_title ?? '' },
    { key: 'Source', value: c.source ?? '' },
    { key: 'External id', value: c.external_id ?? '' },
    { key: 'Submitted', value: formatDate(c.submitted_at) },
    { key: 'Case opened', value: formatDateTime(c.created_at) },
  ]
  return {
    id: c.id,
    reference: c.reference,
    revision: c.revision,
    isCurrent: Boolean(c.is_current),
    name: s.full_name,
    kindLabel: c.kind === 'candidate' ? 'Candidate' : 'Contractor',
    roleTitle: c.role_title ?? '',
    status: c.status,
    statusLabel: statusLabel(c.status),
    band: c.risk_band ?? 'unscored',
    bandLabel: bandLabel(c.risk_band),
    score: c.risk_score,
    actions: c.is_current ? availableActions(c.status) : [],
    person,
    application,
    revisions: detail.revisions.map(r => ({
      id: r.id,
      revision: r.revision,
      statusLabel: statusLabel(r.status),
      created: formatDateTime(r.created_at),
      isThis: r.id === c.id,
    })),
  }
}

/** The case page's sections, one shown at a time (server-side tabs: no script, and a POST can come back to its own). */
export const CASE_TABS = ['findings', 'evidence', 'links', 'checklist', 'activity'] as const
export type CaseTab = (typeof CASE_TABS)[number]

/** Where a form on the case page comes back to: its own section, with the message right under the summary. */
export function caseTabHref(caseId: string, tab: CaseTab, anchor?: string): string {
  return `/cases/${caseId}${tab === 'findings' ? '' : `?tab=${tab}`}${anchor ? `#${anchor}` : ''}`
}

export interface CaseTabLink {
  id: CaseTab
  label: string
  href: string
  current: boolean
}

export function caseTabs(caseId: string, current: CaseTab, counts: { flags: number; documents: number; linked: number; itemsOpen: number; items: number }): CaseTabLink[] {
  const labels: Record<CaseTab, string> = {
    findings: `Findings (${counts.flags})`,
    evidence: `Evidence (${counts.documents})`,
    links: `Links (${counts.linked})`,
    checklist: counts.items ? `Checklist (${counts.items - counts.itemsOpen} of ${counts.items})` : 'Checklist',
    activity: 'Activity',
  }
  return CASE_TABS.map(id => ({ id, label: labels[id], href: caseTabHref(caseId, id), current: id === current }))
}

/** A blocker from src/signoff/reviewBlockers.ts, pointing at the section where it is dealt with. */
export function blockerLink(caseId: string, b: { kind: string; text: string; anchor: string }): { text: string; href: string } {
  if (b.kind === 'item') return { text: b.text, href: caseTabHref(caseId, 'checklist', b.anchor) }
  if (b.kind === 'disposition') return { text: b.text, href: caseTabHref(caseId, 'checklist', 'dispositions-heading') }
  if (b.kind === 'sanctions') return { text: b.text, href: caseTabHref(caseId, 'findings', 'family-sanctions') }
  return { text: b.text, href: caseTabHref(caseId, 'checklist') }
}

export type NextAction =
  | { kind: 'send_for_review' }
  | { kind: 'link'; text: string; href: string; hint?: string }
  | { kind: 'note'; text: string }

/**
 * The one next step for the person looking, by role and case state: a preparer closes items and sends
 * for review, a manager decides, security clears a hit or judges links. Pure, so each branch is tested.
 */
export function nextActionFor(input: {
  caseId: string
  role: string
  status: string
  isCurrent: boolean
  blockers: Array<{ kind: string }>
  unjudgedLinks: number
  canEdit: boolean
  canDecide: boolean
  canClearSanctions: boolean
  canJudge: boolean
}): NextAction {
  const { caseId, status } = input
  if (!input.isCurrent) return { kind: 'note', text: 'This is an earlier revision, kept as it was.' }
  const closed = status === 'signed_off' || status === 'rejected'
  if (closed) return input.canDecide ? { kind: 'link', text: 'See the decision', href: caseTabHref(caseId, 'checklist', 'signoffs-heading'), hint: 'Decided cases are read-only; a manager may reopen one as a new revision.' } : { kind: 'note', text: `Decided: ${status === 'signed_off' ? 'signed off' : 'rejected'}. The case is read-only.` }
  const sanctionsOpen = input.blockers.some(b => b.kind === 'sanctions')
  if (input.canClearSanctions && sanctionsOpen) return { kind: 'link', text: 'Clear or confirm the sanctions hit', href: '/sanctions', hint: 'Nothing can be approved until security has judged it.' }
  // Judging links is security's work first; a preparer's next step stays closing items and sending for review.
  if (input.canJudge && input.canClearSanctions && input.unjudgedLinks > 0) return { kind: 'link', text: `Judge ${input.unjudgedLinks === 1 ? 'the linked application' : `the ${input.unjudgedLinks} linked applications`}`, href: caseTabHref(caseId, 'links') }
  if (status === 'in_review') {
    if (input.canDecide) return { kind: 'link', text: 'Decide this case', href: `/cases/${caseId}/signoff` }
    return { kind: 'note', text: 'Sent for review: waiting for a manager’s decision.' }
  }
  if (input.canEdit) return { kind: 'send_for_review' }
  return { kind: 'note', text: 'Being prepared: it comes to a manager when it is sent for review.' }
}

/** Audit event types in the words a reviewer uses, for the case's Activity tab. */
const ACTIVITY_WORDS: Record<string, string> = {
  CASE_CREATED: 'Opened the case',
  CASE_IMPORTED: 'Imported the application',
  CASE_FACTS_RECORDED: 'Recorded details by hand',
  CASE_STATUS_CHANGED: 'Changed the status',
  CASE_SIGNED_OFF: 'Signed a decision',
  CASE_REOPENED: 'Reopened the case',
  CASE_WATCHED: 'Confirmed as fraudulent and watched its identifiers',
  DOCUMENT_UPLOADED: 'Added a document',
  DOCUMENT_REJECTED: 'Tried to add a document that was refused',
  DOCUMENT_DOWNLOADED: 'Downloaded a document',
  SIGN_IN_LOG_CONFIRMED: 'Confirmed a sign-in log as this person’s',
  SIGN_IN_LOG_DISCARDED: 'Discarded a sign-in log',
  CASE_ERASURE_REQUESTED: 'Asked for the person’s data to be erased',
  CASE_ERASED: 'Erased the person’s data',
  SUBJECT_EXPORTED: 'Exported the person’s data for them',
  SENSITIVE_REVEALED: 'Showed payout accounts, wallets or ID numbers in full',
  RULES_RUN: 'Ran the checks',
  CHECKLIST_ITEMS_ADDED: 'Added checklist items',
  CHECKLIST_ITEM_UPDATED: 'Updated a checklist item',
  CHECKLIST_ITEM_ASSIGNED: 'Assigned a checklist item',
  FINDING_DISPOSED: 'Wrote a disposition of a finding',
  LINK_JUDGED: 'Judged a link to another application',
  SANCTIONS_REVIEWED: 'Reviewed a sanctions hit',
  DATA_EXPORTED: 'Exported the case',
}

/** Views are recorded for the audit trail but are noise in a case's story. */
export const ACTIVITY_HIDDEN = ['CASE_VIEWED']

export function presentActivity(rows: Array<{ occurred_at: string; type: string; actor_email: string | null; actor_role: string | null; data?: string | null }>) {
  return rows.map(r => {
    let detail = ''
    try {
      const data = r.data ? (JSON.parse(r.data) as Record<string, unknown>) : {}
      const after = data.after as { status?: unknown } | undefined
      if (r.type === 'CASE_STATUS_CHANGED' && after?.status) detail = `to ${String(after.status).replace('_', ' ')}`
      else if (r.type === 'CASE_SIGNED_OFF' && data.decision) detail = String(data.decision)
      else if (r.type === 'CHECKLIST_ITEM_UPDATED' && data.action) detail = `marked ${String(data.action)}`
      else if (r.type === 'LINK_JUDGED' && data.judgement) detail = String(data.judgement).replace('_', ' ')
    } catch {
      // A detail that does not parse is left out: the event itself is still listed.
    }
    return {
      when: formatDateTime(r.occurred_at),
      who: r.actor_email ?? (r.actor_role ? `the system (${r.actor_role})` : 'the system'),
      what: `${ACTIVITY_WORDS[r.type] ?? r.type.toLowerCase().replace(/_/g, ' ').replace(/^./, c => c.toUpperCase())}${detail ? `: ${detail}` : ''}`,
    }
  })
}
