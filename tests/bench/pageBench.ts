/**
 * Page timings (issue 15): the pages people open most, through the real app in-process (supertest, SQLite),
 * on a generated population of 2,000 applications with rings. Median and p95 of 30 requests each after
 * 3 warm-ups. The same script runs on an older checkout (pages at their old addresses) and on the new one,
 * so the figures can be put side by side: PAGEBENCH_LAYOUT=before|after picks the addresses (default: after
 * when /dashboard answers, else before). PAGEBENCH_SIZE, PAGEBENCH_SEED, PAGEBENCH_REPEATS change the run.
 */
import { performance } from 'node:perf_hooks'
import { ensurePopulation, importPopulation, pickSubjects, type BenchSubjects } from '../e2e/support/benchPopulation'
import { addUser, createTestApp, signIn } from '../support/appSetup'

const WARMUPS = 3

export interface PageTiming {
  page: string
  url: string
  medianMs: number
  p95Ms: number
  bytes: number
}

export interface PageBenchResult {
  layout: 'before' | 'after'
  size: number
  seed: number
  created: number
  subjects: BenchSubjects
  timings: PageTiming[]
}

/** Which address each page has in a version of the app. */
export function pagesFor(layout: 'before' | 'after', s: BenchSubjects): Array<[string, string]> {
  const pages: Array<[string, string]> = [
    ['case list', '/cases'],
    ['case page (critical ring member)', `/cases/${s.member.caseId}`],
    ['rings', '/rings'],
    ['ring page', `/rings/${s.ringReference}`],
    ['dashboard', layout === 'before' ? '/' : '/dashboard'],
  ]
  if (layout === 'after') {
    pages.push(['queue (my work)', '/'])
    for (const tab of ['findings', 'evidence', 'links', 'checklist', 'activity']) pages.push([`case page ?tab=${tab}`, `/cases/${s.member.caseId}?tab=${tab}`])
  }
  return pages
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
/** nearest-rank p95 */
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.ceil(0.95 * xs.length) - 1]!

export async function pageBench(options: { size?: number; seed?: number; repeats?: number; layout?: 'before' | 'after'; log?: (s: string) => void } = {}): Promise<PageBenchResult> {
  const size = options.size ?? Number(process.env.PAGEBENCH_SIZE ?? 2_000)
  const seed = options.seed ?? Number(process.env.PAGEBENCH_SEED ?? 1)
  const repeats = options.repeats ?? Number(process.env.PAGEBENCH_REPEATS ?? 30)
  const log = options.log ?? ((s: string) => process.stdout.write(`${s}\n`))
  const folder = await ensurePopulation(size, seed, log)
  // PAGEBENCH_PRODUCTION=1: templates compiled once and kept, as `npm start` with NODE_ENV=production runs.
  const t = await createTestApp({ production: process.env.PAGEBENCH_PRODUCTION === '1' })
  try {
    let start = performance.now()
    const { created, rejected } = await importPopulation(t.services, folder)
    log(`  imported ${created} applications (${rejected} rejected) in ${((performance.now() - start) / 1000).toFixed(1)} s`)
    const subjects = await pickSubjects(t.services)
    await addUser(t.services, 'security')
    const { agent } = await signIn(t.app, 'security@example.test')
    const envLayout = process.env.PAGEBENCH_LAYOUT
    const layout = options.layout ?? (envLayout === 'before' || envLayout === 'after' ? envLayout : (await agent.get('/dashboard')).status === 200 ? 'after' : 'before')
    const timings: PageTiming[] = []
    for (const [page, url] of pagesFor(layout, subjects)) {
      const times: number[] = []
      let bytes = 0
      for (let i = 0; i < repeats + WARMUPS; i++) {
        start = performance.now()
        const res = await agent.get(url)
        const ms = performance.now() - start
        if (res.status !== 200) throw new Error(`${url} answered ${res.status}`)
        bytes = res.text.length
        if (i >= WARMUPS) times.push(ms)
      }
      timings.push({ page, url, medianMs: median(times), p95Ms: p95(times), bytes })
    }
    return { layout, size, seed, created, subjects, timings }
  } finally {
    await t.close()
  }
}

export function formatPageBench(r: PageBenchResult): string {
  const rows = r.timings.map(t => [t.page, t.url.replace(r.subjects.member.caseId, ':id'), t.medianMs.toFixed(1), t.p95Ms.toFixed(1), (t.bytes / 1024).toFixed(0)])
  const header = ['page', 'url', 'median ms', 'p95 ms', 'HTML KiB']
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map(row => row[i]!.length)))
  const lines = [header, ...rows].map(row => `  ${row.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')}`)
  return [
    `Page timings (${r.layout} layout) on SQLite, in-process: ${r.created} applications (generator seed ${r.seed}), ${r.subjects.rings} rings;`,
    `  case page: ${r.subjects.member.reference} (critical, ring of ${r.subjects.ringSize}); ring page: /rings/${r.subjects.ringReference}`,
    ...lines,
  ].join('\n')
}

/** `BENCH_ONLY=pages npm run bench` */
export async function pageBenchReport(): Promise<void> {
  process.stdout.write('\nPage timings\n')
  const result = await pageBench()
  process.stdout.write(`${formatPageBench(result)}\n`)
  if (process.env.PAGEBENCH_JSON) process.stdout.write(`PAGEBENCH_JSON ${JSON.stringify(result)}\n`)
}
