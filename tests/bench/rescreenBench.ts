/**
 * Re-screening after a newer sanctions list, and the web app meanwhile (BENCH_ONLY=rescreen; issue 16).
 * Setup, timed and reported: RESCREEN_CASES (20,000) synthetic applications written as JSON files,
 * an older wallet list (OLD_HITS planted wallets) loaded with `vet refdata import --no-rescreen`, then
 * the applications brought in with `vet import` on a temporary DATA_DIR, before any server runs. Then
 * `src/server.ts` starts on that DATA_DIR as users start it (the healthz bench's launcher), /healthz is
 * probed idle (at start, and again right before the import: the machine is shared), and
 * `vet refdata import` loads a newer list naming the old wallets, NEW_HITS more that applications use,
 * and addresses nobody uses. The CLI queues 'refdata.rescreen'; the server's runner works through every
 * open case in batches while the prober asks for /healthz one request at a time until the job is done.
 * Reported: cases re-screened, job duration and cases/s, the new hits (which must be exactly the planted
 * new ones: the old ones are not new), /healthz p50/p95/max idle and during, and p95 during ÷ idle.
 * SQLite (the default deployment). Only loopback traffic.
 */
import { spawn, spawnSync } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { createKnex, sqliteFileIn } from '../../src/db/knex'
import { syntheticApplications } from '../support/population'
import { Client, peakRssMiB, percentile, startServer, type Stats } from './healthzBench'

const ROOT = path.resolve(__dirname, '../..')
const CASES = Number(process.env.RESCREEN_CASES ?? 20_000)
const SAMPLES = Number(process.env.HEALTHZ_SAMPLES ?? 200)
const PROBE_GAP_MS = 10
const OLD_HITS = 5
const NEW_HITS = 20
const UNUSED = 500
const JOB_LIMIT_MS = Number(process.env.RESCREEN_LIMIT_S ?? 1800) * 1000
const out = (s: string) => process.stdout.write(`${s}\n`)
const wallet = (label: string) => `0x${crypto.createHash('sha256').update(label).digest('hex').slice(0, 40)}`
const load = () => os.loadavg().map(l => l.toFixed(2)).join(' / ')
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`

function summarise(times: number[], failed: number): Stats {
  const sorted = [...times].sort((a, b) => a - b)
  return { n: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted[sorted.length - 1]!, failed }
}

/** Sequential GET /healthz on one keep-alive connection until `stop()` (or `samples` are taken); each sample tagged with `tag()` when it was sent. */
async function prober(base: URL, options: { samples?: number; stop?: () => boolean; tag?: () => string }): Promise<Array<{ ms: number; ok: boolean; tag: string }>> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 })
  const client = new Client(base, agent)
  const got: Array<{ ms: number; ok: boolean; tag: string }> = []
  while (options.samples !== undefined ? got.length < options.samples : !options.stop!()) {
    const tag = options.tag?.() ?? ''
    const start = performance.now()
    const ok = await client.request('GET', '/healthz', { timeoutMs: 30_000 }).then(
      r => r.status === 200,
      () => false,
    )
    got.push({ ms: performance.now() - start, ok, tag })
    await new Promise(resolve => setTimeout(resolve, PROBE_GAP_MS))
  }
  agent.destroy()
  return got
}

const statsOf = (samples: Array<{ ms: number; ok: boolean }>) => summarise(samples.map(s => s.ms), samples.filter(s => !s.ok).length)

/** `vet …` as an operator runs it, on the bench's DATA_DIR; returns stdout, throws on a non-zero exit. */
function vetSync(env: NodeJS.ProcessEnv, args: string[]): string {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'src/cli/vet.js'), ...args], { cwd: ROOT, env, encoding: 'utf8', maxBuffer: 256 * 1024 ** 2, timeout: 3_600_000 })
  if (r.status !== 0) throw new Error(`vet ${args.join(' ')} exited ${r.status}: ${(r.stderr ?? '').slice(-2000)}`)
  return r.stdout
}

export async function rescreenBench(): Promise<void> {
  const head = spawnSync('git', ['log', '-1', '--format=%h %s'], { cwd: ROOT, encoding: 'utf8' }).stdout.trim()
  out(`\nRe-screen after a newer wallet list, /healthz meanwhile (SQLite; ${CASES.toLocaleString('en')} applications; ${os.cpus().length} CPUs)`)
  out(`  code: ${head.slice(0, 100) || 'not a git checkout'}`)
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'vd-rescreen-in-'))
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vd-rescreen-'))
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'production', DATA_DIR: dataDir, LOG_LEVEL: 'warn' }

  // --- Setup: applications (some paying to planted wallets), an older list, the import ---------------------
  const t0 = performance.now()
  const stride = Math.max(1, Math.floor(CASES / (OLD_HITS + NEW_HITS)))
  const planted = new Map<string, { wallet: string; old: boolean }>()
  for (let k = 0; k < OLD_HITS + NEW_HITS; k++) planted.set(`RS-${k * stride}`, { wallet: wallet(`planted-${k}`), old: k < OLD_HITS })
  const appsDir = path.join(work, 'applications')
  fs.mkdirSync(appsDir)
  for (const f of syntheticApplications(CASES, { withResume: false, prefix: 'RS' }).files) {
    const app = JSON.parse(f.data.toString()) as { external_id: string; payment?: unknown }
    const p = planted.get(app.external_id)
    // Every tenth applicant is paid in crypto, to a wallet of their own (on no list) unless planted.
    const n = Number(app.external_id.slice(3))
    if (p || n % 10 === 3) app.payment = { method: 'crypto', wallet_address: p?.wallet ?? wallet(`own-${n}`) }
    fs.writeFileSync(path.join(appsDir, f.path), JSON.stringify(app))
  }
  const oldWallets = [...planted.values()].filter(p => p.old).map(p => p.wallet)
  const newWallets = [...planted.values()].filter(p => !p.old).map(p => p.wallet)
  const unused = Array.from({ length: UNUSED }, (_, i) => wallet(`unused-${i}`))
  const oldList = path.join(work, 'old', 'sanctioned_addresses_ETH.txt')
  const newList = path.join(work, 'new', 'sanctioned_addresses_ETH.txt')
  fs.mkdirSync(path.dirname(oldList))
  fs.mkdirSync(path.dirname(newList))
  fs.writeFileSync(oldList, `${[...oldWallets, ...unused.slice(0, UNUSED / 2)].join('\n')}\n`)
  fs.writeFileSync(newList, `${[...oldWallets, ...newWallets, ...unused].join('\n')}\n`)
  const tFiles = performance.now()
  vetSync(env, ['refdata', 'import', '--no-rescreen', oldList])
  const tOld = performance.now()
  const imported = vetSync(env, ['import', '--json', appsDir])
  const tImport = performance.now()
  const outcomes = new Map<string, number>()
  for (const line of imported.split('\n').filter(Boolean)) {
    const o = (JSON.parse(line) as { outcome?: string }).outcome ?? 'other'
    outcomes.set(o, (outcomes.get(o) ?? 0) + 1)
  }
  out(`  setup: ${CASES.toLocaleString('en')} JSON files written in ${secs(tFiles - t0)}; older list (${oldWallets.length} planted + ${UNUSED / 2} unused wallets) loaded in ${secs(tOld - tFiles)}; \`vet import\` of the folder ${secs(tImport - tOld)} (${((CASES * 1000) / (tImport - tOld)).toFixed(0)} applications/s; ${[...outcomes].map(([o, n]) => `${n} ${o}`).join(', ')}); load ${load()}`)

  const db = createKnex({ sqliteFile: sqliteFileIn(dataDir) })
  const server = await startServer(undefined, dataDir)
  try {
    const tServer = performance.now()
    out(`  server up ${secs(tServer - tImport)} after the import`)
    // Whatever the server finds due at start (not the scheduled checks queued for later) runs before the baseline.
    const dueJobs = async () => Number(((await db('jobs').where(q => void q.where('status', 'running').orWhere(w => void w.where('status', 'queued').where('run_at', '<=', new Date().toISOString()))).count({ n: '*' }).first()) as { n: number | string }).n)
    for (let waited = 0; (await dueJobs()) > 0 && waited < 120_000; waited += 500) await new Promise(r => setTimeout(r, 500))
    await prober(server.base, { samples: 20 }) // warm up: the connection, the route, the JIT

    const idleStart = statsOf(await prober(server.base, { samples: SAMPLES }))
    const loadIdleStart = load()
    await new Promise(r => setTimeout(r, 2000))
    const idle = statsOf(await prober(server.base, { samples: SAMPLES }))
    const loadIdle = load()

    // --- The newer list, and the re-screen the CLI queues for the server's runner --------------------
    let phase = 'cli'
    let jobId: string | undefined
    let row: { status: string; started_at: string | null; finished_at: string | null; result: string | null; attempts: number; progress: string | null } | undefined
    const tCli = performance.now()
    let tDone = 0
    const cli = spawn(process.execPath, [path.join(ROOT, 'src/cli/vet.js'), 'refdata', 'import', newList], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] })
    let cliErr = ''
    cli.stderr.on('data', (c: Buffer) => (cliErr += c.toString()))
    const cliExit = new Promise<number | null>(resolve => cli.on('exit', code => resolve(code)))
    let tCliDone = 0
    void cliExit.then(() => (tCliDone = performance.now()))
    const watcher = (async () => {
      // A light poll of the jobs table (one indexed read every 250 ms), not `vet jobs list`: a CLI process each time would load the machine being measured.
      while (phase !== 'done' && performance.now() - tCli < JOB_LIMIT_MS) {
        if (!jobId) jobId = /job ([0-9a-f-]{36})/.exec(cliErr)?.[1]
        if (jobId) {
          row = (await db('jobs').where({ id: jobId }).first('status', 'started_at', 'finished_at', 'result', 'attempts', 'progress')) as typeof row
          if (row?.status === 'running') phase = 'running'
          if (row?.status === 'done' || row?.status === 'dead') {
            phase = 'done'
            tDone = performance.now()
          }
        }
        if (phase !== 'done') await new Promise(r => setTimeout(r, 250))
      }
    })()
    const during = await prober(server.base, { stop: () => phase === 'done' || performance.now() - tCli > JOB_LIMIT_MS, tag: () => phase })
    await watcher
    const cliCode = await cliExit
    const loadDuring = load()
    const after = statsOf(await prober(server.base, { samples: SAMPLES }))
    const loadAfter = load()
    const peak = peakRssMiB(server.child.pid)
    if (cliCode !== 0) throw new Error(`vet refdata import exited ${cliCode}: ${cliErr.slice(-1000)}`)
    if (!jobId || !row) throw new Error(`no re-screen job was queued: ${cliErr.slice(-500)}`)
    if (row.status !== 'done') throw new Error(`the re-screen ended ${row.status} (or did not end within ${JOB_LIMIT_MS / 1000} s): ${row.progress ?? ''}`)

    // --- What it found: exactly the planted new ones ---------------------------------------------------
    const result = JSON.parse(row.result!) as { scanned: number; newHits: number; hits: Array<{ caseId: string; reference: string; rule: string }> }
    const byCase = new Map(((await db('cases').where('is_current', true).whereIn('external_id', [...planted.keys()]).select('id', 'external_id')) as Array<{ id: string; external_id: string }>).map(c => [c.id, c.external_id]))
    const hitIds = [...new Set(result.hits.map(h => byCase.get(h.caseId) ?? `other:${h.reference}`))].sort()
    const expected = [...planted].filter(([, p]) => !p.old).map(([id]) => id).sort()
    const exact = hitIds.join() === expected.join() && result.newHits === expected.length
    const jobMs = Date.parse(row.finished_at!) - Date.parse(row.started_at!)

    const running = statsOf(during.filter(s => s.tag === 'running'))
    const whole = statsOf(during)
    out(`  re-screen: job ${jobId.slice(0, 8)}, attempt ${row.attempts}; ${result.scanned.toLocaleString('en')} cases re-screened in ${secs(jobMs)} (started → finished in the jobs table) = ${((result.scanned * 1000) / jobMs).toFixed(0)} cases/s; \`vet refdata import\` returned after ${secs(tCliDone - tCli)}, job done ${secs(tDone - tCli)} after the CLI started`)
    out(`  new hits: ${result.newHits} (${[...new Set(result.hits.map(h => h.rule))].join(', ') || 'none'}), on ${hitIds.length} cases; planted new: ${expected.length}, planted old (on both lists, so not new): ${OLD_HITS}; ${exact ? 'exactly the planted new ones' : `MISMATCH: got ${hitIds.join(', ')}; expected ${expected.join(', ')}`}`)
    out('')
    out(`  | /healthz (${PROBE_GAP_MS} ms between requests) | n | p50 ms | p95 ms | max ms | failed | p95 ÷ idle (right before) | load 1/5/15 min after |`)
    out('  | --- | --: | --: | --: | --: | --: | --: | --- |')
    const line = (label: string, s: Stats, l: string) => out(`  | ${label} | ${s.n} | ${s.p50.toFixed(1)} | ${s.p95.toFixed(1)} | ${s.max.toFixed(0)} | ${s.failed} | ${(s.p95 / idle.p95).toFixed(2)} | ${l} |`)
    line('idle, at server start', idleStart, loadIdleStart)
    line('idle, right before the import (baseline)', idle, loadIdle)
    line('during the re-screen job (running)', running, loadDuring)
    line('CLI start → job done (all)', whole, loadDuring)
    line('idle, after the job', after, loadAfter)
    out('')
    out(`  p95 during ÷ idle: ${(running.p95 / idle.p95).toFixed(2)} against the baseline right before, ${(running.p95 / idleStart.p95).toFixed(2)} against the one at start; server peak RSS ${peak ? `${peak.toFixed(0)} MiB` : 'n/a'}`)
    if (!exact) process.exitCode = 1
  } finally {
    await db.destroy()
    await server.stop()
    fs.rmSync(work, { recursive: true, force: true })
  }
}
