import crypto from 'node:crypto'
import type { Knex } from 'knex'

const DAY = 86_400_000

/**
 * A small, fully known population for the dashboard's figures, placed relative to `now`:
 *   A open, high, opened 2 days ago: identity ×2 + contact flags (plus a clear finding and a superseded
 *     flag, neither counted); items: Ada 3 open (1 overdue), 1 done; 1 open unassigned overdue.
 *   B in review, critical, 15 days ago: sanctions + identity flags; Bob 2 open, both overdue; an
 *     escalation (not a decision).
 *   C signed off, low, 40 days ago: contact flag; an open item for Ada (not counted: decided); approved after 4 days.
 *   D rejected, elevated, 100 days ago (before the 12 weeks): identity flag; rejected after 10 days.
 *   E revision 1 (not current) signed off, 30 days ago: payment flag (not counted); approved after 2 days.
 *     E revision 2 current, open, low, 27 days ago, no findings.
 *   G open, not scored, 3 days ago.
 */
export async function seedDashboard(db: Knex, now: Date, users: { ada: number; bob: number }) {
  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY).toISOString()
  const day = (daysFromNow: number) => new Date(now.getTime() + daysFromNow * DAY).toISOString().slice(0, 10)
  let n = 0
  const addCase = async (c: { ref: string; revision?: number; current?: boolean; band: string | null; daysAgo: number }) => {
    const subject = crypto.randomUUID()
    const id = crypto.randomUUID()
    await db('subjects').insert({ id: subject, full_name: `Person ${c.ref}`, email: `${c.ref}@example.test`, created_at: at(c.daysAgo), updated_at: at(c.daysAgo) })
    await db('cases').insert({
      id,
      reference: `VD-90000${c.ref.charCodeAt(0) - 64}`,
      revision: c.revision ?? 1,
      is_current: c.current ?? true,
      subject_id: subject,
      kind: 'candidate',
      status: 'open',
      risk_band: c.band,
      risk_score: c.band ? 50 : null,
      score_sort: c.band ? 50 : -1,
      sort_name: `person ${c.ref}`,
      created_at: at(c.daysAgo),
      updated_at: at(c.daysAgo),
    })
    return { id, opened: c.daysAgo }
  }
  const flag = (caseId: string, category: string, extra: Record<string, unknown> = {}) =>
    db('findings').insert({ case_id: caseId, rule_id: `${category}-rule-${++n}`, rule_version: 1, status: 'flag', severity: 'high', strength: 'strong', category, message: 'm', evidence: '[]', missing: '[]', points: 5, created_at: now.toISOString(), ...extra })
  const item = (caseId: string, assignee: number | null, due: string | null, status = 'open') =>
    db('checklist_items').insert({ case_id: caseId, position: ++n, step_key: `baseline:step-${n}`, template_version: 't1', text: 'Check', why: 'why', source: 'src', required: true, status, assignee_id: assignee, due_date: due, created_at: now.toISOString() })
  const decide = async (c: { id: string; opened: number }, status: string, decision: string, afterDays: number) => {
    await db('signoffs').insert({ case_id: c.id, decision, statement: 'I decide', signer_id: users.bob, signed_at: at(c.opened - afterDays), digest: '0'.repeat(64), snapshot: '{}' })
    if (status) await db('cases').where({ id: c.id }).update({ status })
  }

  const a = await addCase({ ref: 'A', band: 'high', daysAgo: 2 })
  await flag(a.id, 'identity')
  await flag(a.id, 'identity')
  await flag(a.id, 'contact')
  await flag(a.id, 'contact', { status: 'clear' })
  await flag(a.id, 'identity', { superseded_at: now.toISOString() })
  await item(a.id, users.ada, day(-1))
  await item(a.id, users.ada, day(5))
  await item(a.id, users.ada, null)
  await item(a.id, users.ada, day(-3), 'done')
  await item(a.id, null, day(-10))

  const b = await addCase({ ref: 'B', band: 'critical', daysAgo: 15 })
  await flag(b.id, 'sanctions')
  await flag(b.id, 'identity')
  await item(b.id, users.bob, day(-2))
  await item(b.id, users.bob, day(-1))
  await db('cases').where({ id: b.id }).update({ status: 'in_review' })
  await decide(b, '', 'escalate', 14)

  const c = await addCase({ ref: 'C', band: 'low', daysAgo: 40 })
  await flag(c.id, 'contact')
  await item(c.id, users.ada, day(-20))
  await decide(c, 'signed_off', 'approve', 4)

  const d = await addCase({ ref: 'D', band: 'elevated', daysAgo: 100 })
  await flag(d.id, 'identity')
  await decide(d, 'rejected', 'reject', 10)

  const e1 = await addCase({ ref: 'E', band: 'low', daysAgo: 30, current: false })
  await flag(e1.id, 'payment')
  await decide(e1, 'signed_off', 'approve', 2)
  const e2 = await addCase({ ref: 'E', revision: 2, band: 'low', daysAgo: 27 })
  await db('cases').where({ id: e2.id }).update({ previous_revision_id: e1.id })

  await addCase({ ref: 'G', band: null, daysAgo: 3 })

  return {
    /** the decisions counted, as [month of the decision, days taken] */
    decisions: [
      [at(40 - 4).slice(0, 7), 4],
      [at(100 - 10).slice(0, 7), 10],
      [at(30 - 2).slice(0, 7), 2],
    ] as Array<[string, number]>,
  }
}
