import { performance } from 'node:perf_hooks'
import { refreshPlannerStatistics } from '../../src/db/knex'
import { photoBandKeys } from '../../src/links/imageHash'
import { bandKeys, shingles, signature } from '../../src/links/minhash'
import { systemActor } from '../../src/services/context'
import { createTestApp } from '../support/appSetup'
import { seedCases } from './seedCases'

/**
 * Incremental linking, with a baseline from the same run: adding one application to 1,000 and to
 * 100,000 linked applications (median of 40). `vet score` at scale is in scoreBench.
 */
const out = (s: string) => process.stdout.write(`${s}\n`)
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

function rng(seed: number) {
  let x = seed >>> 0
  return () => ((x = (Math.imul(x, 1103515245) + 12345) >>> 0) / 4294967296)
}

/** Index rows for n seeded cases: an email, a phone, an address, resume bands and photo bands each. */
async function seedKeys(db: import('knex').Knex, n: number): Promise<void> {
  const r = rng(7)
  const ids = (await db('cases').orderBy('reference').pluck('id')) as string[]
  await db.transaction(async trx => {
    let rows: object[] = []
    const flush = async () => {
      for (let i = 0; i < rows.length; i += 100) await trx('link_keys').insert(rows.slice(i, i + 100))
      rows = []
    }
    for (let i = 0; i < Math.min(n, ids.length); i++) {
      const id = ids[i]!
      rows.push({ case_id: id, kind: 'email', key: `person${i}@example.test`, label: `person${i}@example.test`, role: 'applicant email' })
      rows.push({ case_id: id, kind: 'phone', key: `+1312${String(2000000 + i)}`, label: '', role: 'applicant phone' })
      rows.push({ case_id: id, kind: 'address', key: `${i} oak street|60601|US`, label: '', role: 'home address' })
      const words = Array.from({ length: 60 }, () => `w${Math.floor(r() * 5000)}`)
      for (const b of bandKeys(signature(shingles(words)))) rows.push({ case_id: id, kind: 'resume-band', key: b, label: '', role: '' })
      const hash = Array.from({ length: 16 }, () => Math.floor(r() * 16).toString(16)).join('')
      for (const b of photoBandKeys(hash)) rows.push({ case_id: id, kind: 'photo-band', key: b, label: '', role: '' })
      if (rows.length >= 4000) await flush()
    }
    await flush()
  })
  await refreshPlannerStatistics(db)
}

async function incremental(n: number): Promise<number> {
  const t = await createTestApp()
  try {
    await seedCases(t.testDb.db, n)
    await seedKeys(t.testDb.db, n)
    const times: number[] = []
    for (let i = 0; i < 42; i++) {
      // A new application sharing a phone with one existing case.
      const c = await t.services.cases.create({ kind: 'contractor', fullName: `New Person ${i}`, email: `new${i}@example.org`, phone: `+1 312 ${String(2000000 + i * 37).slice(0, 3)} ${String(2000000 + i * 37).slice(3)}` }, systemActor())
      const start = performance.now()
      await t.testDb.db.transaction(trx => t.services.links.relink(trx, c.id))
      if (i >= 2) times.push(performance.now() - start)
    }
    return median(times)
  } finally {
    await t.close()
  }
}

export async function linkBench(): Promise<void> {
  out('\nLink analysis')
  const small = await incremental(1000)
  const large = await incremental(Number(process.env.BENCH_LINK_SIZE ?? 100_000))
  out(`  adding one application (relink, median of 40): ${small.toFixed(1)} ms at 1,000 linked cases; ${large.toFixed(1)} ms at ${Number(process.env.BENCH_LINK_SIZE ?? 100_000).toLocaleString('en')} (ratio ${(large / small).toFixed(2)}; target ≤ 50 ms)`)

  out('  (vet score with link analysis on 20,000 and 40,000, and the LSH speed-up: BENCH_ONLY=score)')
}
