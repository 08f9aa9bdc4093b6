/**
 * Case list: the same requests through the real app (routing, query, rendering) on 1,000 cases
 * (baseline) and on 100,000; the ratio shows how the list scales. Uses SQLite, or PostgreSQL when
 * DATABASE_URL is set.
 */
import { performance } from 'node:perf_hooks'
import { addUser, createTestApp, signIn } from '../support/appSetup'
import { seedCases } from './seedCases'

const SIZES = [1_000, 100_000]
const REPEATS = Number(process.env.BENCH_REPEATS ?? 15)

const SCENARIOS: Array<[string, (n: number) => string]> = [
  ['first page, default sort', () => '/cases'],
  ['search by exact email', n => `/cases?q=person${Math.floor(n / 2)}%40example.test`],
  ['search by surname', () => '/cases?q=okafor'],
  ['filter status + band', () => '/cases?status=in_review&band=high'],
  ['sort by name, deep page', n => `/cases?sort=name&page=${Math.max(1, Math.floor(n / 25 / 2))}`],
  ['sort by score', () => '/cases?sort=score'],
  ['dashboard', () => '/dashboard'],
]

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]!
}

async function measure(n: number): Promise<Map<string, number>> {
  const t = await createTestApp()
  try {
    const seedStart = performance.now()
    await seedCases(t.testDb.db, n)
    const seedMs = performance.now() - seedStart
    await addUser(t.services, 'security')
    const { agent } = await signIn(t.app, 'security@example.test')
    const results = new Map<string, number>()
    for (const [name, url] of SCENARIOS) {
      const times: number[] = []
      for (let i = 0; i < REPEATS + 2; i++) {
        const start = performance.now()
        const res = await agent.get(url(n))
        const ms = performance.now() - start
        if (res.status !== 200) throw new Error(`${url(n)} answered ${res.status}`)
        if (i >= 2) times.push(ms) // the first two warm caches
      }
      results.set(name, median(times))
    }
    process.stdout.write(`  seeded ${n.toLocaleString('en')} cases in ${(seedMs / 1000).toFixed(1)} s\n`)
    return results
  } finally {
    await t.close()
  }
}

export async function caseListBench(): Promise<void> {
  const db = process.env.DATABASE_URL ? 'PostgreSQL' : 'SQLite'
  process.stdout.write(`Case list benchmark on ${db}: median of ${REPEATS} requests each, through the app\n`)
  const bySize = new Map<number, Map<string, number>>()
  for (const n of SIZES) bySize.set(n, await measure(n))
  const [small, large] = SIZES as [number, number]
  const rows = SCENARIOS.map(([name]) => {
    const a = bySize.get(small)!.get(name)!
    const b = bySize.get(large)!.get(name)!
    return [name, a.toFixed(1), b.toFixed(1), (b / a).toFixed(2)]
  })
  const header = ['scenario', `${small.toLocaleString('en')} cases ms`, `${large.toLocaleString('en')} cases ms`, 'ratio']
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map(r => r[i]!.length)))
  for (const r of [header, ...rows]) process.stdout.write(`  ${r.map((c, i) => (i ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ')}\n`)
}

