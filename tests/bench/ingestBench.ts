/**
 * Ingestion: extraction latency for a 2-page PDF (against plain text of the same resume, read the same
 * way, as the same-run baseline), bulk import throughput for 10,000 applications with their resumes,
 * and sign-in log rows per second.
 */
import { performance } from 'node:perf_hooks'
import { ExtractionPool } from '../../src/extract/extractionPool'
import { readDocument } from '../../src/extract/readDocument'
import { parseAccessLog } from '../../src/extract/accessLog'
import { collectApplications } from '../../src/ingest/collectApplications'
import { systemActor } from '../../src/services/context'
import { createTestApp } from '../support/appSetup'
import { makePdf } from '../support/documents'
import { syntheticApplications } from '../support/population'

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
const out = (s: string) => process.stdout.write(`${s}\n`)

const RESUME = [
  ['Dana Whitfield', 'dana.whitfield@example.org | +1 312 483 2212 | https://www.linkedin.com/in/dana-whitfield-204', '', 'Summary', 'Backend engineer with ten years of distributed systems work.', '', 'Experience', 'Staff Engineer, Bluepeak Software (2019-03 to present)', '- Led the payments platform migration.', 'Backend Developer, Orbital Freight (2014-06 to 2019-02)', '- Built the routing service in Go.'],
  ['Education', 'BS Computer Science, University of Illinois (2010-08 to 2014-05)', '', 'Skills', 'Go, PostgreSQL, Kubernetes, TypeScript, Kafka, Terraform'],
]

export async function ingestBench(): Promise<void> {
  const n = Number(process.env.BENCH_IMPORT_SIZE ?? 10_000)
  out('\nIngestion benchmark')

  // 1. Extraction latency, in-process (what one worker does per file).
  const pdf = await makePdf(RESUME)
  const text = Buffer.from(RESUME.flat().join('\n'))
  for (let i = 0; i < 3; i++) await readDocument(pdf) // warm pdf.js
  const pdfTimes: number[] = []
  const textTimes: number[] = []
  for (let i = 0; i < 30; i++) {
    let s = performance.now()
    await readDocument(pdf)
    pdfTimes.push(performance.now() - s)
    s = performance.now()
    await readDocument(text)
    textTimes.push(performance.now() - s)
  }
  out(`  2-page PDF resume, read and fields extracted: median ${median(pdfTimes).toFixed(1)} ms (target ≤ 50 ms); same resume as plain text ${median(textTimes).toFixed(2)} ms; ratio ${(median(pdfTimes) / median(textTimes)).toFixed(1)}`)
  const pool = new ExtractionPool({ size: 2 })
  await Promise.all([pool.read(pdf), pool.read(pdf)])
  const s = performance.now()
  await Promise.all(Array.from({ length: 100 }, () => pool.read(pdf)))
  const perSecond = 100 / ((performance.now() - s) / 1000)
  await pool.close()
  out(`  through the 2-worker pool: ${perSecond.toFixed(0)} PDFs per second`)

  // 2. Sign-in log parsing.
  const rows = ['timestamp,account,ip,user_agent,event']
  for (let r = 0; r < 100_000; r++) rows.push(`2026-10-01T${String(r % 24).padStart(2, '0')}:00:${String(r % 60).padStart(2, '0')}Z,a@example.test,73.12.${r % 250}.${r % 200},"Mozilla/5.0 (Windows NT 10.0; Win64; x64)",login`)
  const csv = rows.join('\n')
  let t0 = performance.now()
  const parsed = parseAccessLog(csv)
  const parseMs = performance.now() - t0
  if (!parsed.ok) throw new Error(parsed.problem)

  // 3. Bulk import of n applications (JSON + text resume each), then a contractor with 100,000 sign-ins.
  const app = await createTestApp()
  try {
    const population = syntheticApplications(n, { withLogs: false })
    const collected = collectApplications(population.files)
    t0 = performance.now()
    const outcomes = await app.services.ingest.importBatch(collected, systemActor('bench'))
    const importMs = performance.now() - t0
    const created = outcomes.filter(o => o.outcome === 'created').length
    out(`  bulk import: ${created.toLocaleString('en')} applications with resumes in ${(importMs / 1000).toFixed(1)} s = ${(created / (importMs / 1000)).toFixed(0)} per second (target: 10,000 in ≤ 60 s)`)
    t0 = performance.now()
    const again = await app.services.ingest.importBatch(collectApplications(population.files), systemActor('bench'))
    const againMs = performance.now() - t0
    out(`  the same ${again.length.toLocaleString('en')} again (all unchanged): ${(againMs / 1000).toFixed(1)} s; ratio to first import ${(againMs / importMs).toFixed(2)}`)

    const logApp = { format: 'vetting/application@1', external_id: 'LOG-1', kind: 'contractor', person: { full_name: 'Log Heavy' }, access_log: 'big.csv' }
    t0 = performance.now()
    const [logOutcome] = await app.services.ingest.importBatch(collectApplications([{ path: 'log.json', data: Buffer.from(JSON.stringify(logApp)) }, { path: 'big.csv', data: Buffer.from(csv) }]), systemActor('bench'))
    const logMs = performance.now() - t0
    if (logOutcome?.outcome !== 'created') throw new Error(JSON.stringify(logOutcome))
    out(`  sign-in log, 100,000 rows: parsed in ${(parseMs / 1000).toFixed(2)} s (${(100_000 / (parseMs / 1000)).toFixed(0)} rows/s); parsed and stored in ${(logMs / 1000).toFixed(2)} s (${(100_000 / (logMs / 1000)).toFixed(0)} rows/s)`)
  } finally {
    await app.close()
  }
}
