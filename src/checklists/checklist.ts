import crypto from 'node:crypto'
import { canonicalJson } from '../audit/auditEvents'
import type { CaseKind } from '../signoff/caseStatus'
import { baselineSteps, TEMPLATE_VERSION } from './templates'

/**
 * Checklists, pure: which steps a case needs (its kind's baseline plus what each flagged finding adds),
 * how an item may change, and whether a case is ready to be signed off. The service stores the result.
 */
export const ITEM_STATUSES = ['open', 'done', 'failed', 'waived'] as const
export type ItemStatus = (typeof ITEM_STATUSES)[number]
export type ItemAction = 'done' | 'failed' | 'waive' | 'reopen'

export interface DesiredItem {
  stepKey: string
  text: string
  /** what it answers: the baseline, or a finding's rule */
  rule: string | null
  why: string
  source: string
  required: boolean
}

export interface FlaggedFinding {
  rule: string
  title: string
  severity: string
  sources: string[]
  checklist: string[]
}

export function desiredItems(kind: CaseKind, flagged: FlaggedFinding[]): DesiredItem[] {
  const items: DesiredItem[] = baselineSteps(kind).map(s => ({ stepKey: `baseline:${s.id}`, text: s.text, rule: null, why: `Baseline for every ${kind} (${TEMPLATE_VERSION})`, source: s.source, required: s.required }))
  const seen = new Set<string>()
  for (const f of flagged) {
    if (seen.has(f.rule)) continue
    seen.add(f.rule)
    f.checklist.forEach((text, i) => {
      const source = f.sources.join('; ')
      // A finding's steps are required: each answers something the evidence raised.
      items.push({ stepKey: `finding:${f.rule}:${i}`, text, rule: f.rule, why: `Raised by "${f.title}" (${f.severity})`, source, required: true })
    })
  }
  return items
}

/** Items to add to an existing checklist: those whose step it does not have yet (nothing is ever removed). */
export function missingItems(existingKeys: Iterable<string>, desired: DesiredItem[]): DesiredItem[] {
  const have = new Set(existingKeys)
  return desired.filter(d => !have.has(d.stepKey))
}

export class ChecklistRuleError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ChecklistRuleError'
  }
}

/** The next status of an item, or why the action is not allowed. Waiving needs the waive permission. */
export function nextItemStatus(current: ItemStatus, action: ItemAction, note: string, mayWaive: boolean): ItemStatus {
  const text = note.trim()
  if (action === 'reopen') {
    if (current === 'open') throw new ChecklistRuleError('This item is already open')
    return 'open'
  }
  if (current !== 'open') throw new ChecklistRuleError('Reopen the item before changing its result')
  if (action === 'waive' && !mayWaive) throw new ChecklistRuleError('Only a security reviewer or a manager may waive an item')
  if (text.length < 3) throw new ChecklistRuleError(action === 'done' ? 'Say what you saw' : action === 'failed' ? 'Say what you found' : 'Give the reason for waiving it')
  return action === 'waive' ? 'waived' : action
}

export interface ReadinessInput {
  items: Array<{ text: string; required: boolean; status: ItemStatus }>
  /** flagged findings at high or critical, with whether each has a written disposition */
  serious: Array<{ rule: string; title: string; disposed: boolean }>
  /** sanctions hits not yet cleared by security */
  blocking: string[]
}

/** Everything that stops a sign-off, in words; empty when the case may be decided. */
export function signOffProblems(input: ReadinessInput): string[] {
  const problems: string[] = []
  if (input.blocking.length) problems.push(`A security reviewer must first clear the sanctions hit: ${input.blocking.join(', ')}`)
  const open = input.items.filter(i => i.required && i.status === 'open')
  if (open.length) problems.push(`${open.length} required checklist ${open.length === 1 ? 'item is' : 'items are'} still open: ${open.map(i => i.text).slice(0, 3).join('; ')}${open.length > 3 ? '; …' : ''}`)
  const undisposed = input.serious.filter(f => !f.disposed)
  if (undisposed.length) problems.push(`Every high or critical finding needs a written disposition: ${undisposed.map(f => f.title).join('; ')}`)
  return problems
}

/** SHA-256 of the case as signed: the same content always gives the same digest. */
export function caseDigest(snapshot: unknown): string {
  return crypto.createHash('sha256').update(canonicalJson(snapshot)).digest('hex')
}
