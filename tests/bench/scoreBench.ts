/**
 * `vet score` throughput on generated populations of 10,000, 20,000 and 40,000 applications (each with a
 * PDF, DOCX or text resume, a photo, and for contractors a sign-in log): wall time, applications per
 * second and peak memory (resident set, sampled), so growth with population size is visible.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { scorePaths } from '../../src/cli/scoreCommand'
import { generateTo } from '../../src/generate/cli'

const out = (s: string) => process.stdout.write(`${s}\n`)

export async function scoreBench(): Promise<void> {
  const sizes = (process.env.BENCH_SCORE_SIZES ?? '10000,20000,40000').split(',').map(Number)
  out('\nvet score on generated populations')
  out('  size      seconds  per second  peak RSS MiB  ratio of time to 10k (linear = size ratio)')
  let base: { n: number; s: number } | null = null
  for (const n of sizes) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `vd-scorebench-${n}-`))
    try {
      await generateTo(dir, n, 11, () => undefined, { twins: false })
      global.gc?.()
      let peak = process.memoryUsage().rss
      const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50)
      const t0 = performance.now()
      const { lines, errors } = await scorePaths([path.join(dir, 'population')])
      const secs = (performance.now() - t0) / 1000
      clearInterval(timer)
      if (errors.length || lines.length !== n) throw new Error(`scored ${lines.length} of ${n}, ${errors.length} errors`)
      base ??= { n, s: secs }
      out(`  ${String(n).padEnd(8)}  ${secs.toFixed(1).padStart(7)}  ${(n / secs).toFixed(0).padStart(10)}  ${(peak / 1024 ** 2).toFixed(0).padStart(12)}  ${(secs / base.s).toFixed(2)} (size ×${(n / base.n).toFixed(0)})`)
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  }
}
