/**
 * `vet score` on generated populations of 20,000 and 40,000 applications (each with a PDF, DOCX or text
 * resume, a photo, and for contractors a sign-in log), run as the command users run, in a process of
 * its own: wall time, applications per second, peak resident memory (the kernel's high-water mark) and
 * the ratio of time to the first size. On the first population, the speed-up of MinHash/LSH over exact
 * all-pairs resume comparison on 5,000 resumes, measured in the same run.
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { scorePaths } from '../../src/cli/scoreCommand'
import { generateTo } from '../../src/generate/cli'
import { LinkIndex } from '../../src/links/linkIndex'
import { exactJaccard, signature, type Shingles } from '../../src/links/minhash'

const out = (s: string) => process.stdout.write(`${s}\n`)
const ROOT = path.join(__dirname, '..', '..')
const PEAK = path.join(__dirname, 'support', 'reportPeak.js')

interface Run {
  seconds: number
  /** CPU time of all the process's threads */
  cpuSeconds: number
  peakMiB: number
  scored: number
  errors: number
  linked: number
}

/** `vet score --json DIR` in a child process; its peak RSS comes from getrusage, written at exit. */
function vetScore(dir: string): Promise<Run> {
  const peakFile = path.join(os.tmpdir(), `vd-peak-${process.pid}-${Date.now()}`)
  return new Promise((resolve, reject) => {
    const t0 = performance.now()
    const child = spawn(process.execPath, ['--require', PEAK, path.join(ROOT, 'src', 'cli', 'vet.js'), 'score', '--json', dir], { cwd: ROOT, env: { ...process.env, VD_PEAK_FILE: peakFile }, stdio: ['ignore', 'pipe', 'inherit'] })
    let rest = ''
    const counts = { scored: 0, errors: 0, linked: 0 }
    const line = (l: string) => {
      if (!l) return
      const row = JSON.parse(l) as { id?: string; error?: string; links?: unknown[] }
      if (row.error !== undefined) counts.errors++
      else {
        counts.scored++
        if (row.links?.length) counts.linked++
      }
    }
    child.stdout.setEncoding('utf8')
    child.stdout.on('data', (chunk: string) => {
      const lines = (rest + chunk).split('\n')
      rest = lines.pop()!
      lines.forEach(line)
    })
    child.on('error', reject)
    child.on('close', () => {
      const seconds = (performance.now() - t0) / 1000
      line(rest)
      const usage = JSON.parse(fs.readFileSync(peakFile, 'utf8')) as { maxRSS: number; cpu: number }
      fs.rmSync(peakFile, { force: true })
      resolve({ seconds, cpuSeconds: usage.cpu / 1e6, peakMiB: usage.maxRSS / 1024, ...counts })
    })
  })
}

/** Resume shingles of the first applications in a population (scored with links, in this process). */
async function firstShingles(dir: string, count: number): Promise<Shingles[]> {
  const jsons = fs.readdirSync(dir).filter(f => f.endsWith('.json')).sort().slice(0, Math.round(count * 1.2)).map(f => path.join(dir, f))
  const sets: Shingles[] = []
  await scorePaths(jsons, { onLinkable: (_id, s) => sets.push(s) })
  return sets.filter(s => s.length).slice(0, count)
}

function resumeComparison(sample: Shingles[]): void {
  const a0 = performance.now()
  let pairs = 0
  for (let i = 0; i < sample.length; i++) for (let j = i + 1; j < sample.length; j++) if (exactJaccard(sample[i]!, sample[j]!) >= 0.55) pairs++
  const allPairs = performance.now() - a0
  const l0 = performance.now()
  const index = new LinkIndex()
  sample.forEach((s, i) => index.add({ id: String(i), keys: [], resume: signature(s), resumeShingles: s }))
  const lsh = performance.now() - l0
  out(`  resume comparison on ${sample.length.toLocaleString('en')} resumes: exact all-pairs ${(allPairs / 1000).toFixed(1)} s (${pairs} pairs ≥ 0.55), MinHash/LSH with exact confirmation ${(lsh / 1000).toFixed(2)} s (${index.links.length} links): ${(allPairs / lsh).toFixed(0)}× faster`)
}

export async function scoreBench(): Promise<void> {
  const sizes = (process.env.BENCH_SCORE_SIZES ?? '20000,40000').split(',').map(Number)
  out(`\nvet score on generated populations (seed 11, ${os.availableParallelism()} cores; a process of its own)`)
  out('  size      seconds  per second  CPU seconds  peak RSS MiB  linked  ratio of time to the first size')
  let base: { n: number; s: number } | null = null
  for (const n of sizes) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `vd-scorebench-${n}-`))
    try {
      await generateTo(dir, n, 11, () => undefined, { twins: false })
      const run = await vetScore(path.join(dir, 'population'))
      if (run.errors || run.scored !== n) throw new Error(`scored ${run.scored} of ${n}, ${run.errors} errors`)
      base ??= { n, s: run.seconds }
      out(`  ${String(n).padEnd(8)}  ${run.seconds.toFixed(1).padStart(7)}  ${(n / run.seconds).toFixed(0).padStart(10)}  ${run.cpuSeconds.toFixed(1).padStart(11)}  ${run.peakMiB.toFixed(0).padStart(12)}  ${String(run.linked).padStart(6)}  ${(run.seconds / base.s).toFixed(2)} (size ×${(n / base.n).toFixed(0)})`)
      if (n === sizes[0]) resumeComparison(await firstShingles(path.join(dir, 'population'), 5000))
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  }
}
