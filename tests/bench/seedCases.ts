import crypto from 'node:crypto'
import type { Knex } from 'knex'
import { refreshPlannerStatistics } from '../../src/db/knex'
import { searchTermsFor } from '../../src/domain/searchTerms'

const FIRST = ['Dana', 'Sam', 'Alex', 'Jordan', 'Taylor', 'Morgan', 'Casey', 'Riley', 'Jamie', 'Avery', 'Quinn', 'Rowan']
const LAST = ['Whitfield', 'Ortiz', 'Nguyen', 'Smith', 'Kowalski', 'Okafor', 'Haddad', 'Silva', 'Novak', 'Larsen', 'Moreau', 'Kaur']
const STATUSES = ['open', 'open', 'in_review', 'signed_off', 'rejected'] as const
const BANDS = [null, 'low', 'low', 'elevated', 'high', 'critical'] as const

/** Insert n synthetic cases (with subjects) quickly, in 500-row chunks (SQLite's compound-select limit). */
export async function seedCases(db: Knex, n: number, seed = 1): Promise<void> {
  let x = seed
  const rand = () => ((x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31)
  const base = Date.parse('2026-01-01T00:00:00Z')
  await db.transaction(async trx => {
    for (let start = 0; start < n; start += 500) {
      const subjects = []
      const cases = []
      const terms: Array<{ term: string; case_id: string }> = []
      for (let i = start; i < Math.min(n, start + 500); i++) {
        const name = `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]} ${i}`
        const at = new Date(base + Math.floor(rand() * 300 * 86_400_000)).toISOString()
        const subject = { id: crypto.randomUUID(), full_name: name, email: `person${i}@example.test`, created_at: at, updated_at: at }
        const reference = `VD-${String(i + 1).padStart(6, '0')}`
        const band = BANDS[Math.floor(rand() * BANDS.length)]!
        const score = band === null ? null : Math.floor(rand() * 100)
        subjects.push(subject)
        const id = crypto.randomUUID()
        for (const term of searchTermsFor({ fullName: name, email: subject.email, externalId: `B-${i}`, reference })) terms.push({ term, case_id: id })
        cases.push({
          id,
          reference,
          revision: 1,
          is_current: true,
          subject_id: subject.id,
          kind: i % 3 ? 'candidate' : 'contractor',
          role_title: 'Software Engineer',
          source: 'bench',
          external_id: `B-${i}`,
          status: STATUSES[Math.floor(rand() * STATUSES.length)],
          risk_band: band,
          risk_score: score,
          score_sort: score ?? -1,
          sort_name: name.toLowerCase(),
          created_at: at,
          updated_at: at,
        })
      }
      await trx('subjects').insert(subjects)
      await trx('cases').insert(cases)
      for (let t = 0; t < terms.length; t += 500) await trx('case_search_terms').insert(terms.slice(t, t + 500))
    }
    await trx('case_counters').where({ name: 'reference' }).update({ value: n })
  })
  // As the server does after a bulk import.
  await refreshPlannerStatistics(db)
}
