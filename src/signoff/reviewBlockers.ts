/**
 * What still stands between a case and "Send for review". Pure: the service gathers the rows.
 *
 * Which items are required comes from the checklist templates (src/checklists/templates.ts): a baseline
 * step marked `required: true`, and every step a flagged finding added (each answers something the evidence
 * raised). Optional baseline steps (other names, location questions, device serial, re-verification) never
 * block. Add to that a written disposition for every high or critical finding, and no uncleared sanctions
 * hit. This is the same bar the manager's approve or reject needs, on purpose: a case sent below it would
 * only come back. A preparer may still send it with a reason (for help, or to hand a sanctions hit to
 * security), and the reason goes into the audit trail with the list of what was open.
 */
export interface ReviewBlocker {
  kind: 'no_checklist' | 'item' | 'disposition' | 'sanctions'
  text: string
  /** where on the case page it is dealt with */
  anchor: string
}

export interface ReviewReadiness {
  checklistMade: boolean
  items: Array<{ id: number; text: string; required: boolean; status: string }>
  serious: Array<{ rule: string; title: string; severity: string; disposed: boolean }>
  blocking: string[]
}

export const MIN_OVERRIDE_REASON = 10

export function reviewBlockers(input: ReviewReadiness): ReviewBlocker[] {
  const out: ReviewBlocker[] = []
  if (!input.checklistMade) out.push({ kind: 'no_checklist', text: 'The checklist has not been made yet: open the case page first', anchor: 'checklist-heading' })
  for (const i of input.items) if (i.required && i.status === 'open') out.push({ kind: 'item', text: `Checklist: ${i.text}`, anchor: `item-${i.id}` })
  for (const f of input.serious) if (!f.disposed) out.push({ kind: 'disposition', text: `Write a disposition of the ${f.severity} finding "${f.title}"`, anchor: 'checklist-heading' })
  if (input.blocking.length) out.push({ kind: 'sanctions', text: `A security reviewer must clear the sanctions hit: ${input.blocking.join(', ')}`, anchor: 'checks-heading' })
  return out
}

/** The refusal's message: how many things are open, the first few, and the way through. */
export function blockedMessage(blockers: ReviewBlocker[]): string {
  const shown = blockers.slice(0, 5).map(b => b.text)
  const more = blockers.length > shown.length ? `; and ${blockers.length - shown.length} more` : ''
  return `This case cannot be sent for review yet: ${blockers.length} ${blockers.length === 1 ? 'thing is' : 'things are'} still open (${shown.join('; ')}${more}). Close them, or give a reason for sending it now (at least ${MIN_OVERRIDE_REASON} characters).`
}
