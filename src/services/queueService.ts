import type { Knex } from 'knex'
import type { Role } from '../auth/roles'
import { RULES } from '../rules/registry'
import type { RiskBand } from '../signoff/caseStatus'

/**
 * "My work": what needs the signed-in person now, per role. Each section is one bounded query on an
 * indexed path (checklist_items by assignee and status, cases by is_current and status, findings by
 * rule and status), so the page stays fast with thousands of cases; ages are then read for the few rows
 * shown, from the audit trail by case id.
 */

export type SectionKey = 'assigned' | 'decisions' | 'hits' | 'rescreened' | 'matches' | 'myCases'

export interface QueueRow {
  caseId: string
  reference: string
  name: string
  band: RiskBand | null
  /** when the row entered the state it is waiting in (ISO) */
  since: string
  ageDays: number
  /** a checklist item's due date (YYYY-MM-DD) */
  due: string | null
  overdue: boolean
  /** what is waiting: the item's text, the hit's message, the open item count */
  detail: string
  action: { label: string; href: string }
}

export interface QueueSection {
  key: SectionKey
  title: string
  /** every waiting row, of which `rows` are the first `limit` in queue order */
  total: number
  rows: QueueRow[]
  /** said when the section is empty: what that means and what to do */
  empty: string
  /** where the whole list lives when it is longer than the rows shown */
  more?: { label: string; href: string }
  note?: string
}

export interface Queue {
  sections: QueueSection[]
}

/** Rows shown per section: the queue is for acting now; the full lists live on their own pages. */
export const QUEUE_LIMIT = 25

const BAND_RANK: Record<string, number> = { critical: 0, high: 1, elevated: 2, low: 3 }
const bandRank = (band: string | null) => (band ? (BAND_RANK[band] ?? 4) : 4)
/** The same order in SQL, so the rows a limited query keeps are the ones the queue would put first. */
const BAND_RANK_SQL = "case c.risk_band when 'critical' then 0 when 'high' then 1 when 'elevated' then 2 when 'low' then 3 else 4 end"

// Links into the case page's tabs (`?tab=checklist`, as caseTabHref in src/presenters/presentCase.ts writes
// them); the summary with "Send for review" heads every tab.
const SANCTIONS_RULES = RULES.map(r => r.meta.id).filter(id => id.startsWith('sanctions-'))
const DAY_MS = 86_400_000
const HIT_SCAN = 200

/** Overdue first, then band (critical first), then the oldest; ties by reference, so the order is stable. */
export function compareQueueRows(a: QueueRow, b: QueueRow): number {
  return Number(b.overdue) - Number(a.overdue) || bandRank(a.band) - bandRank(b.band) || a.since.localeCompare(b.since) || a.reference.localeCompare(b.reference)
}

export function ageInDays(since: string, now: Date): number {
  const t = new Date(since).getTime()
  return Number.isNaN(t) ? 0 : Math.max(0, Math.floor((now.getTime() - t) / DAY_MS))
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`
const countOf = (row: unknown) => Number((row as { n?: number | string } | undefined)?.n ?? 0)

export function createQueueService(deps: { db: Knex }) {
  const { db } = deps

  /** When each case last changed status (the audit trail), for the few cases shown. */
  async function statusChangedAt(caseIds: string[]): Promise<Map<string, string>> {
    if (!caseIds.length) return new Map()
    const rows = (await db('audit_events').whereIn('case_id', caseIds).where('type', 'CASE_STATUS_CHANGED').groupBy('case_id').select('case_id', db.raw('max(occurred_at) as last_at'))) as Array<{ case_id: string; last_at: string }>
    return new Map(rows.map(r => [r.case_id, r.last_at]))
  }

  /** Open checklist items assigned to the user on current, undecided cases. */
  async function assigned(userId: number, now: Date): Promise<QueueSection> {
    const today = now.toISOString().slice(0, 10)
    const base = () =>
      db('checklist_items as i')
        .join('cases as c', 'c.id', 'i.case_id')
        .where({ 'i.assignee_id': userId, 'i.status': 'open', 'c.is_current': true })
        .whereIn('c.status', ['open', 'in_review'])
    const [total, rows] = await Promise.all([
      base().count({ n: '*' }).first(),
      base()
        .join('subjects as s', 's.id', 'c.subject_id')
        .orderByRaw('case when i.due_date is not null and i.due_date < ? then 0 else 1 end', [today])
        .orderByRaw(BAND_RANK_SQL)
        .orderBy('i.created_at')
        .limit(QUEUE_LIMIT)
        .select('i.id', 'i.text', 'i.due_date', 'i.created_at', 'i.case_id', 'c.reference', 'c.risk_band', 's.full_name') as Promise<Array<{ id: number; text: string; due_date: string | null; created_at: string; case_id: string; reference: string; risk_band: RiskBand | null; full_name: string }>>,
    ])
    // The item waits on this person from when it was assigned to them (the latest assignment event).
    const assignedAt = new Map<string, string>()
    if (rows.length) {
      const events = (await db('audit_events')
        .whereIn('case_id', [...new Set(rows.map(r => r.case_id))])
        .where('type', 'CHECKLIST_ITEM_ASSIGNED')
        .whereIn('target', rows.map(r => `checklist_item:${r.id}`))
        .groupBy('target')
        .select('target', db.raw('max(occurred_at) as last_at'))) as Array<{ target: string; last_at: string }>
      for (const e of events) assignedAt.set(e.target, e.last_at)
    }
    return {
      key: 'assigned',
      title: 'Assigned to me',
      total: countOf(total),
      rows: rows
        .map(r => {
          const since = assignedAt.get(`checklist_item:${r.id}`) ?? r.created_at
          return {
            caseId: r.case_id,
            reference: r.reference,
            name: r.full_name,
            band: r.risk_band,
            since,
            ageDays: ageInDays(since, now),
            due: r.due_date,
            overdue: r.due_date !== null && r.due_date < today,
            detail: r.text,
            action: { label: 'Do this check', href: `/cases/${r.case_id}?tab=checklist#item-${r.id}` },
          }
        })
        .sort(compareQueueRows),
      empty: 'Nothing is assigned to you. Items someone assigns to you on a case checklist appear here, soonest due first.',
      more: { label: 'All my items', href: '/my-items' },
    }
  }

  /** Cases in review that this manager may decide (never one they prepared or helped with: four-eyes). */
  async function decisions(userId: number, now: Date): Promise<QueueSection> {
    const inReview = () => db('cases as c').where({ 'c.is_current': true, 'c.status': 'in_review' })
    const mine = (q: Knex.QueryBuilder) =>
      q.where(function () {
        this.where('c.created_by', userId).orWhereExists(db('checklist_items as h').whereRaw('h.case_id = c.id').where('h.completed_by', userId).select(db.raw('1')))
      })
    const notMine = (q: Knex.QueryBuilder) =>
      q.where(function () {
        this.whereNull('c.created_by').orWhereNot('c.created_by', userId)
      }).whereNotExists(db('checklist_items as h').whereRaw('h.case_id = c.id').where('h.completed_by', userId).select(db.raw('1')))
    const [total, others, rows] = await Promise.all([
      notMine(inReview()).count({ n: '*' }).first(),
      mine(inReview()).count({ n: '*' }).first(),
      notMine(inReview())
        .join('subjects as s', 's.id', 'c.subject_id')
        .orderByRaw(BAND_RANK_SQL)
        .orderBy('c.updated_at')
        .limit(QUEUE_LIMIT)
        .select('c.id', 'c.reference', 'c.risk_band', 'c.updated_at', 's.full_name') as Promise<Array<{ id: string; reference: string; risk_band: RiskBand | null; updated_at: string; full_name: string }>>,
    ])
    const sent = await statusChangedAt(rows.map(r => r.id))
    const conflicted = countOf(others)
    return {
      key: 'decisions',
      title: 'Awaiting my decision',
      total: countOf(total),
      rows: rows
        .map(r => {
          const since = sent.get(r.id) ?? r.updated_at
          return { caseId: r.id, reference: r.reference, name: r.full_name, band: r.risk_band, since, ageDays: ageInDays(since, now), due: null, overdue: false, detail: 'Sent for review', action: { label: 'Decide this case', href: `/cases/${r.id}/signoff` } }
        })
        .sort(compareQueueRows),
      empty: 'No case is waiting for a decision. Cases appear here when a recruiter or security reviewer sends them for review, and you get a notification.',
      more: { label: 'All cases in review', href: '/cases?status=in_review' },
      ...(conflicted ? { note: `${plural(conflicted, 'case')} in review ${conflicted === 1 ? 'was' : 'were'} prepared or checked by you: another manager decides ${conflicted === 1 ? 'it' : 'them'} (four-eyes).` } : {}),
    }
  }

  /**
   * Sanctions hits no security decision has answered since they were raised, on current undecided cases.
   * A hit the previous screening of the same case did not raise (re-screening after new lists or new
   * evidence) is listed apart, as new.
   */
  async function hits(now: Date): Promise<[QueueSection, QueueSection]> {
    // The current sanctions flags first, by the (rule_id, status) index: they are few. Joined in one query,
    // SQLite's planner with bound values walked every case's findings instead (30-45 ms on 2,000 cases).
    const flagged = ((await db('findings').whereIn('rule_id', SANCTIONS_RULES).where('status', 'flag').whereNull('superseded_at').pluck('id')) as number[])
    const base = () =>
      db('findings as f')
        .join('cases as c', 'c.id', 'f.case_id')
        .modify(q => {
          // Beyond what one statement may bind, the plain join (slower, still right).
          if (flagged.length <= 10_000) q.whereIn('f.id', flagged.length ? flagged : [-1])
          else q.whereIn('f.rule_id', SANCTIONS_RULES).where('f.status', 'flag').whereNull('f.superseded_at')
        })
        .where('c.is_current', true)
        .whereIn('c.status', ['open', 'in_review'])
        .whereNotExists(db('sanctions_reviews as r').whereRaw('r.case_id = f.case_id and r.rule_id = f.rule_id and r.created_at >= f.created_at').select(db.raw('1')))
    const [total, rows] = await Promise.all([
      base().count({ n: '*' }).first(),
      base()
        .join('subjects as s', 's.id', 'c.subject_id')
        .orderByRaw(BAND_RANK_SQL)
        .orderBy('f.created_at')
        // Undecided hits are few; reading up to HIT_SCAN of them lets both sections count exactly.
        .limit(HIT_SCAN)
        .select('f.case_id', 'f.rule_id', 'f.message', 'f.blocking', 'f.created_at', 'c.reference', 'c.risk_band', 's.full_name') as Promise<Array<{ case_id: string; rule_id: string; message: string; blocking: boolean | number; created_at: string; reference: string; risk_band: RiskBand | null; full_name: string }>>,
    ])
    // Every run writes a row for every rule (flag, clear or not applicable), superseding the last run's.
    // New: this rule's row in the run before this one (superseded; read by case id) did not flag.
    const earlier = rows.length
      ? ((await db('findings').whereIn('case_id', [...new Set(rows.map(r => r.case_id))]).whereNotNull('superseded_at').whereIn('rule_id', SANCTIONS_RULES).select('case_id', 'rule_id', 'status', 'created_at')) as Array<{ case_id: string; rule_id: string; status: string; created_at: string }>)
      : []
    const isNew = (r: { case_id: string; rule_id: string; created_at: string }) => {
      const previous = earlier.filter(e => e.case_id === r.case_id && e.rule_id === r.rule_id && e.created_at < r.created_at).sort((a, b) => b.created_at.localeCompare(a.created_at))[0]
      return previous !== undefined && previous.status !== 'flag'
    }
    const present = rows.map(r => ({
      fresh: isNew(r),
      row: {
        caseId: r.case_id,
        reference: r.reference,
        name: r.full_name,
        band: r.risk_band,
        since: r.created_at,
        ageDays: ageInDays(r.created_at, now),
        due: null,
        overdue: false,
        detail: `${r.blocking ? 'Blocks sign-off. ' : ''}${r.message}`,
        action: { label: 'Review this hit', href: `/sanctions#hit-${r.case_id}-${r.rule_id}` },
      } satisfies QueueRow,
    }))
    const fresh = present.filter(p => p.fresh).map(p => p.row)
    const rest = present.filter(p => !p.fresh).map(p => p.row)
    return [
      {
        key: 'rescreened',
        title: 'New hits from re-screening',
        total: fresh.length,
        rows: fresh.sort(compareQueueRows).slice(0, QUEUE_LIMIT),
        empty: 'No new hits. When the checks run again (new sanctions lists, new evidence) and raise a hit an earlier screening did not, it appears here.',
      },
      {
        key: 'hits',
        title: 'Sanctions hits awaiting review',
        total: countOf(total) - fresh.length,
        rows: rest.sort(compareQueueRows).slice(0, QUEUE_LIMIT),
        empty: 'No sanctions hit is waiting for a security decision.',
        more: { label: 'The sanctions review page', href: '/sanctions' },
      },
    ]
  }

  /**
   * Undecided current cases that share an identifier with a case security confirmed as fraudulent (the
   * watch list), or match an indicator another organisation shared: each is a lead to look at first.
   */
  async function matches(now: Date): Promise<QueueSection> {
    const watched = (await db('watch_keys as w')
      .join('link_keys as k', function () {
        this.on('k.kind', '=', 'w.kind').andOn('k.key', '=', 'w.key')
      })
      .join('cases as c', 'c.id', 'k.case_id')
      .join('subjects as s', 's.id', 'c.subject_id')
      .join('cases as src', 'src.id', 'w.source_case_id')
      .where('c.is_current', true)
      .whereIn('c.status', ['open', 'in_review'])
      .whereRaw('k.case_id <> w.source_case_id')
      .limit(HIT_SCAN)
      .select('c.id', 'c.reference', 'c.risk_band', 's.full_name', 'w.kind', 'w.created_at', 'src.reference as source')) as Array<{ id: string; reference: string; risk_band: RiskBand | null; full_name: string; kind: string; created_at: string; source: string }>
    const shared = (await db('indicator_hits as h')
      .join('cases as c', 'c.id', 'h.case_id')
      .join('subjects as s', 's.id', 'c.subject_id')
      .join('shared_indicators as i', 'i.id', 'h.indicator_id')
      .join('indicator_sources as src', 'src.id', 'i.source_id')
      .where('c.is_current', true)
      .whereIn('c.status', ['open', 'in_review'])
      .limit(HIT_SCAN)
      .select('c.id', 'c.reference', 'c.risk_band', 's.full_name', 'h.kind', 'h.matched', 'h.found_at', 'src.name as source')) as Array<{ id: string; reference: string; risk_band: RiskBand | null; full_name: string; kind: string; matched: string; found_at: string; source: string }>
    const byCase = new Map<string, QueueRow>()
    const add = (r: { id: string; reference: string; risk_band: RiskBand | null; full_name: string }, since: string, detail: string) => {
      const had = byCase.get(r.id)
      if (had) {
        if (!had.detail.includes(detail)) had.detail = `${had.detail}; ${detail}`
        if (since < had.since) Object.assign(had, { since, ageDays: ageInDays(since, now) })
        return
      }
      byCase.set(r.id, { caseId: r.id, reference: r.reference, name: r.full_name, band: r.risk_band, since, ageDays: ageInDays(since, now), due: null, overdue: false, detail, action: { label: 'Look at the match', href: `/cases/${r.id}?tab=findings` } })
    }
    for (const w of watched) add(w, w.created_at, `shares a ${w.kind} with confirmed case ${w.source}`)
    for (const h of shared) add(h, h.found_at, `${h.kind} (${h.matched}) shared by ${h.source}`)
    const rows = [...byCase.values()].sort(compareQueueRows)
    return {
      key: 'matches',
      title: 'Matches to confirmed and shared identifiers',
      total: rows.length,
      rows: rows.slice(0, QUEUE_LIMIT),
      empty: 'No undecided case shares an identifier with a case confirmed as fraudulent or with a shared indicator.',
      more: { label: 'Shared indicators', href: '/indicators' },
    }
  }

  /** Open cases the user created whose checklist is not finished (or not yet made): theirs to carry on. */
  async function myCases(userId: number, now: Date): Promise<QueueSection> {
    const anyItems = () => db('checklist_items as i').whereRaw('i.case_id = c.id').select(db.raw('1'))
    const base = () =>
      db('cases as c')
        .where({ 'c.is_current': true, 'c.status': 'open', 'c.created_by': userId })
        .where(function () {
          this.whereExists(db('checklist_items as i').whereRaw('i.case_id = c.id').where('i.status', 'open').select(db.raw('1'))).orWhereNotExists(anyItems())
        })
    const [total, rows] = await Promise.all([
      base().count({ n: '*' }).first(),
      base()
        .join('subjects as s', 's.id', 'c.subject_id')
        .orderByRaw(BAND_RANK_SQL)
        .orderBy('c.created_at')
        .limit(QUEUE_LIMIT)
        .select('c.id', 'c.reference', 'c.risk_band', 'c.created_at', 's.full_name') as Promise<Array<{ id: string; reference: string; risk_band: RiskBand | null; created_at: string; full_name: string }>>,
    ])
    const changed = await statusChangedAt(rows.map(r => r.id))
    // Item counts for the shown cases only, in one grouped read (not a subquery per open case).
    const counts = new Map(
      rows.length
        ? ((await db('checklist_items')
            .whereIn('case_id', rows.map(r => r.id))
            .groupBy('case_id')
            .select('case_id', db.raw('count(*) as all_items'), db.raw("sum(case when status = 'open' then 1 else 0 end) as open_items"), db.raw("sum(case when status = 'open' and required then 1 else 0 end) as open_required"))) as Array<{ case_id: string; all_items: number | string; open_items: number | string; open_required: number | string }>).map(c => [c.case_id, c])
        : [],
    )
    return {
      key: 'myCases',
      title: 'My open cases',
      total: countOf(total),
      rows: rows
        .map(r => {
          const since = changed.get(r.id) ?? r.created_at
          const c = counts.get(r.id)
          const [open, required, all] = [Number(c?.open_items ?? 0), Number(c?.open_required ?? 0), Number(c?.all_items ?? 0)]
          const action = !all
            ? { label: 'Start its checklist', href: `/cases/${r.id}?tab=checklist` }
            : required
              ? { label: `Close ${plural(required, 'required item')}`, href: `/cases/${r.id}?tab=checklist#checklist-heading` }
              : { label: 'Send for review', href: `/cases/${r.id}#send-for-review` }
          const detail = !all ? 'No checklist yet' : `${plural(open, 'item')} open of ${all}${required ? `, ${required} required` : ''}`
          return { caseId: r.id, reference: r.reference, name: r.full_name, band: r.risk_band, since, ageDays: ageInDays(since, now), due: null, overdue: false, detail, action }
        })
        .sort(compareQueueRows),
      empty: 'None of the open cases you started has unfinished checks. Start a new case or import applications, and they appear here until they are sent for review.',
      more: { label: 'All open cases', href: '/cases?status=open' },
    }
  }

  return {
    /** The queue of one person, by role. Admins have no queue (their landing page is the admin one). */
    async forUser(user: { id: number; role: Role }, now = new Date()): Promise<Queue> {
      switch (user.role) {
        case 'recruiter':
          return { sections: await Promise.all([assigned(user.id, now), myCases(user.id, now)]) }
        case 'security': {
          const [mine, [fresh, rest], leads, started] = await Promise.all([assigned(user.id, now), hits(now), matches(now), myCases(user.id, now)])
          // Security reviewers seldom start cases: their own open cases are shown only when there are some.
          return { sections: [mine, fresh, rest, leads, ...(started.total ? [started] : [])] }
        }
        case 'manager':
          return { sections: [await decisions(user.id, now)] }
        default:
          return { sections: [] }
      }
    },
  }
}

export type QueueService = ReturnType<typeof createQueueService>
