/**
 * GET /healthz latency while the server is busy with hostile or heavy work (BENCH_ONLY=healthz). The
 * app runs as users run it: `src/server.ts` in its own process on 127.0.0.1, a temporary DATA_DIR,
 * SQLite (and PostgreSQL too when DATABASE_URL is set: a throw-away database is created beside it).
 * A prober asks for /healthz one request at a time, HEALTHZ_SAMPLES times (200) per scenario: idle
 * (the baseline, same run), then while (a) hostile ZIPs are uploaded through /imports, (b) applications
 * with a 5000×5000 PNG photo are imported and their checks run again (relink), (c) 2,000 applications
 * are imported. Each scenario repeats its work until the prober is done, within HEALTHZ_SCENARIO_S
 * seconds. An upload refused with a 4xx, or an import that rejects the file, is counted and reported:
 * the figures mean the same before and after the hostile-file fixes. Only loopback traffic.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import zlib from 'node:zlib'
import pg from 'pg'
import { syntheticApplications, zipOf } from '../support/population'
import { writeZip, zeroEntry } from '../support/zipWriter'

const ROOT = path.resolve(__dirname, '../..')
const SAMPLES = Number(process.env.HEALTHZ_SAMPLES ?? 200)
const SCENARIO_LIMIT_MS = Number(process.env.HEALTHZ_SCENARIO_S ?? 120) * 1000
const PROBE_GAP_MS = 10
const TARGET_P95_MS = 200
const PASSWORD = 'bench horse battery staple 42'
const out = (s: string) => process.stdout.write(`${s}\n`)

// --- HTTP, over loopback only ------------------------------------------------------------------------
interface Reply {
  status: number
  headers: http.IncomingHttpHeaders
  body: Buffer
}

export class Client {
  private cookies = new Map<string, string>()
  constructor(
    private readonly base: URL,
    private readonly agent?: http.Agent,
  ) {}

  request(method: string, pathname: string, options: { body?: Buffer; type?: string; timeoutMs?: number } = {}): Promise<Reply> {
    return new Promise((resolve, reject) => {
      const headers: http.OutgoingHttpHeaders = { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') }
      if (options.body) Object.assign(headers, { 'content-type': options.type, 'content-length': options.body.length })
      const req = http.request({ host: '127.0.0.1', port: this.base.port, method, path: pathname, headers, ...(this.agent ? { agent: this.agent } : {}) }, res => {
        for (const c of res.headers['set-cookie'] ?? []) {
          const [pair] = c.split(';')
          const at = pair!.indexOf('=')
          this.cookies.set(pair!.slice(0, at), pair!.slice(at + 1))
        }
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }))
        res.on('error', reject)
      })
      req.setTimeout(options.timeoutMs ?? 120_000, () => req.destroy(new Error(`${method} ${pathname} timed out`)))
      req.on('error', reject)
      req.end(options.body)
    })
  }

  async csrf(pathname: string): Promise<string> {
    const page = await this.request('GET', pathname)
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body.toString())?.[1]
    if (!token) throw new Error(`no CSRF token on ${pathname} (${page.status})`)
    return token
  }

  form(pathname: string, fields: Record<string, string>): Promise<Reply> {
    return this.request('POST', pathname, { body: Buffer.from(new URLSearchParams(fields).toString()), type: 'application/x-www-form-urlencoded' })
  }

  upload(pathname: string, csrf: string, files: Array<{ name: string; data: Buffer }>): Promise<Reply> {
    const boundary = `----bench${crypto.randomBytes(8).toString('hex')}`
    const parts: Buffer[] = [Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="_csrf"\r\n\r\n${csrf}\r\n`)]
    for (const f of files) {
      parts.push(Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="files"; filename="${f.name}"\r\ncontent-type: application/octet-stream\r\n\r\n`), f.data, Buffer.from('\r\n'))
    }
    parts.push(Buffer.from(`--${boundary}--\r\n`))
    return this.request('POST', pathname, { body: Buffer.concat(parts), type: `multipart/form-data; boundary=${boundary}` })
  }
}

// --- The server, as users start it ---------------------------------------------------------------
export interface Server {
  base: URL
  child: ChildProcess
  dataDir: string
  env: NodeJS.ProcessEnv
  stop: () => Promise<void>
}

/** `dataDir`: a folder made ready beforehand (the re-screen bench fills it before the server starts); a new temporary one when absent. It is removed on stop either way. */
export async function startServer(databaseUrl?: string, givenDataDir?: string): Promise<Server> {
  const dataDir = givenDataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'vd-healthz-'))
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'production', HOST: '127.0.0.1', PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'warn', ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) }
  const child = spawn(path.join(ROOT, 'node_modules/.bin/tsx'), ['src/server.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] })
  let log = ''
  child.stderr!.on('data', (c: Buffer) => (log = (log + c.toString()).slice(-4000)))
  const base = await new Promise<URL>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start within 60 s: ${log}`)), 60_000)
    let seen = ''
    child.stdout!.on('data', (c: Buffer) => {
      seen += c.toString()
      const m = /Vetting Desk on (http:\/\/127\.0\.0\.1:\d+)\//.exec(seen)
      if (m) {
        clearTimeout(timer)
        resolve(new URL(m[1]!))
      }
    })
    child.on('exit', code => reject(new Error(`the server exited (${code}): ${log}`)))
  })
  return {
    base,
    child,
    dataDir,
    env,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise(resolve => child.once('exit', resolve))
        child.kill('SIGTERM')
        const timer = setTimeout(() => child.kill('SIGKILL'), 15_000)
        await exited
        clearTimeout(timer)
      }
      fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

/** The administrator through /setup, a security user through `vet users add`, and that user signed in. */
async function signedInSecurityUser(server: Server): Promise<Client> {
  const admin = new Client(server.base)
  const setupToken = await admin.csrf('/setup')
  const setup = await admin.form('/setup', { _csrf: setupToken, email: 'admin@example.test', displayName: 'Bench Admin', password: PASSWORD, confirmPassword: PASSWORD })
  if (setup.status !== 303) throw new Error(`/setup answered ${setup.status}`)
  const cli = spawnSync(path.join(ROOT, 'src/cli/vet.js'), ['users', 'add', '--email', 'security@example.test', '--role', 'security', '--name', 'Bench Security'], { cwd: ROOT, env: server.env, input: `${PASSWORD}\n`, encoding: 'utf8', timeout: 60_000 })
  if (cli.status !== 0) throw new Error(`vet users add failed: ${cli.stderr}`)
  const user = new Client(server.base)
  const login = await user.form('/login', { _csrf: await user.csrf('/login'), email: 'security@example.test', password: PASSWORD, returnTo: '/' })
  if (login.status !== 303) throw new Error(`sign-in answered ${login.status}`)
  return user
}

/** The server's peak resident memory so far (VmHWM of the largest process under the tsx launcher), in MiB; null off Linux. */
export function peakRssMiB(pid: number | undefined): number | null {
  if (!pid || !fs.existsSync('/proc')) return null
  const descendants = (p: number): number[] => {
    try {
      const kids = fs.readdirSync(`/proc/${p}/task`).flatMap(t => fs.readFileSync(`/proc/${p}/task/${t}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number))
      return [p, ...kids.flatMap(descendants)]
    } catch {
      return [p]
    }
  }
  let peak = 0
  for (const p of descendants(pid)) {
    try {
      const kib = Number(/VmHWM:\s+(\d+)/.exec(fs.readFileSync(`/proc/${p}/status`, 'utf8'))?.[1] ?? 0)
      peak = Math.max(peak, kib)
    } catch {
      /* the process has gone */
    }
  }
  return peak ? peak / 1024 : null
}

// --- Measuring ---------------------------------------------------------------------------------------
export interface Stats {
  n: number
  p50: number
  p95: number
  max: number
  failed: number
}

export const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!

/** SAMPLES sequential GET /healthz on a keep-alive connection, PROBE_GAP_MS apart; non-200 answers are counted as failed. */
async function probe(base: URL): Promise<Stats> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 })
  const client = new Client(base, agent)
  const times: number[] = []
  let failed = 0
  for (let i = 0; i < SAMPLES; i++) {
    const start = performance.now()
    try {
      const res = await client.request('GET', '/healthz', { timeoutMs: 30_000 })
      if (res.status !== 200) failed++
    } catch {
      failed++
    }
    times.push(performance.now() - start)
    await new Promise(resolve => setTimeout(resolve, PROBE_GAP_MS))
  }
  agent.destroy()
  times.sort((a, b) => a - b)
  return { n: times.length, p50: percentile(times, 50), p95: percentile(times, 95), max: times[times.length - 1]!, failed }
}

/**
 * Probe while `work` runs round after round; the work stops when the prober is done (or the time
 * limit passes). Returns the latencies and what the rounds did.
 */
async function underLoad(base: URL, user: Client, work: (round: number, stop: () => boolean) => Promise<string>): Promise<{ stats: Stats; rounds: string[] }> {
  let done = false
  const started = performance.now()
  const stop = () => done || performance.now() - started > SCENARIO_LIMIT_MS
  const rounds: string[] = []
  const loop = (async () => {
    // A failed round (the server refusing connections, say) is reported, not thrown: the figures still print.
    for (let round = 0; !stop(); round++) rounds.push(await work(round, stop).catch((error: unknown) => `round failed: ${(error as Error).message.slice(0, 100)}`))
  })()
  // Let the work get going before the first sample.
  await new Promise(resolve => setTimeout(resolve, 200))
  const stats = await probe(base)
  done = true
  await loop
  // The next scenario must not measure this one's work.
  if (leftRunning.size) rounds.push(await settle(user).catch((error: unknown) => `waiting for left-over imports failed: ${(error as Error).message.slice(0, 100)}`))
  return { stats, rounds }
}

/** Upload files to /imports; wait for the job (or its refusal) and say how it ended. */
async function importFiles(user: Client, files: Array<{ name: string; data: Buffer }>, stop: () => boolean = () => false): Promise<{ summary: string; jobId?: string }> {
  const res = await user.upload('/imports', await user.csrf('/imports'), files)
  if (res.status >= 400) return { summary: `upload refused ${res.status}` }
  const jobId = /\/imports\/([0-9a-f-]{36})/.exec(String(res.headers.location))?.[1]
  if (res.status !== 303 || !jobId) return { summary: `upload answered ${res.status}` }
  // A job that outlives the scenario is left running; the next scenario measures with it still going.
  for (let waited = 0; waited < SCENARIO_LIMIT_MS; waited += 250) {
    const status = JSON.parse((await user.request('GET', `/imports/${jobId}/status`)).body.toString()) as { status: string; created: number; rejected: number; unchanged: number; updated: number; error: string | null }
    if (status.status === 'done') {
      const rejected = status.rejected ? (await user.request('GET', `/imports/${jobId}?show=rejected`)).body.toString() : ''
      const reason = /<td>rejected<\/td><td>([^<]*)<\/td>/.exec(rejected)?.[1]?.replace(/&#34;|&quot;/g, '"').slice(0, 140)
      return { summary: `import done: ${status.created} created, ${status.rejected} rejected${reason ? ` ("${reason}")` : ''}`, jobId }
    }
    if (status.status === 'failed') return { summary: `import failed: ${status.error ?? ''}`.slice(0, 120), jobId }
    if (stop() && waited > 5000) {
      leftRunning.add(jobId)
      return { summary: 'import still running when the prober finished', jobId }
    }
    await new Promise(resolve => setTimeout(resolve, 250))
  }
  return { summary: 'import still running after the time limit', jobId }
}

/** Imports this bench started and left running; each scenario waits for them before the next begins. */
const leftRunning = new Set<string>()

async function settle(user: Client): Promise<string> {
  const started = performance.now()
  while (leftRunning.size && performance.now() - started < SCENARIO_LIMIT_MS) {
    for (const id of [...leftRunning]) {
      const status = JSON.parse((await user.request('GET', `/imports/${id}/status`)).body.toString()) as { status: string }
      if (status.status === 'done' || status.status === 'failed') leftRunning.delete(id)
    }
    if (leftRunning.size) await new Promise(resolve => setTimeout(resolve, 500))
  }
  const waited = ((performance.now() - started) / 1000).toFixed(0)
  return leftRunning.size ? `${leftRunning.size} import(s) still running after ${waited} s more` : `left-over imports finished ${waited} s after the prober`
}

// --- Inputs --------------------------------------------------------------------------------------
/** (a) One entry declaring 100 bytes that inflates to 1 GiB; and 1,500 entries of 1 MiB of zeros. */
async function hostileZips(): Promise<Array<{ name: string; data: Buffer }>> {
  const bomb = writeZip([await zeroEntry('resume.txt', 1024 ** 3, 100)])
  const mib = zlib.deflateRawSync(Buffer.alloc(1024 ** 2), { level: 9 })
  const crc = zlib.crc32(Buffer.alloc(1024 ** 2))
  const many = writeZip(Array.from({ length: 1500 }, (_, i) => ({ name: `part-${i}.txt`, packed: mib, method: 8 as const, crc32: crc, declaredUncompressed: 1024 ** 2 })))
  return [
    { name: 'bomb.zip', data: bomb },
    { name: 'many.zip', data: many },
  ]
}

/** A 5000×5000 greyscale PNG, written by hand (a small deflated file that decodes to 100 MB of RGBA); `variant` changes its bytes. */
function bigPng(variant: number, size = 5000): Buffer {
  const row = Buffer.alloc(size + 1, 1) // filter "Sub" with 1s: a ramp across every row
  const raw = Buffer.alloc((size + 1) * size)
  for (let y = 0; y < size; y++) row.copy(raw, y * (size + 1))
  raw[(size + 1) * (variant % size) + 1] = 7 + (variant % 200)
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4)
    len.writeUInt32BE(data.length)
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
    const crc = Buffer.alloc(4)
    crc.writeUInt32BE(zlib.crc32(body) >>> 0)
    return Buffer.concat([len, body, crc])
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(size, 0)
  ihdr.writeUInt32BE(size, 4)
  ihdr[8] = 8 // bit depth
  ihdr[9] = 0 // greyscale
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))])
}

async function photoApplication(round: number, png: Buffer): Promise<Buffer> {
  const app = {
    format: 'vetting/application@1',
    external_id: `PHOTO-${round}-${crypto.randomBytes(3).toString('hex')}`,
    source: 'bench',
    kind: 'contractor',
    person: { full_name: `Photo Person ${round}`, email: `photo${round}@example.test` },
    profiles: [{ network: 'upwork', url: `https://www.upwork.com/freelancers/photo${round}`, photo: 'photo.png' }],
  }
  return zipOf([
    { path: 'application.json', data: Buffer.from(JSON.stringify(app)) },
    { path: 'photo.png', data: png },
  ])
}

// --- The run -------------------------------------------------------------------------------------
interface Row {
  scenario: string
  stats: Stats
  notes: string
  /** the server's peak RSS by the end of this scenario (a running peak: it never goes down) */
  peak?: number | null
}

function tally(rounds: string[]): string {
  const counts = new Map<string, number>()
  for (const r of rounds) counts.set(r, (counts.get(r) ?? 0) + 1)
  return [...counts].map(([r, n]) => `${n}× ${r}`).join('; ')
}

async function runOn(label: string, databaseUrl?: string): Promise<void> {
  const head = spawnSync('git', ['log', '-1', '--format=%h %s'], { cwd: ROOT, encoding: 'utf8' }).stdout.trim()
  const dirty = spawnSync('git', ['status', '--porcelain', '--untracked-files=no', 'src'], { cwd: ROOT, encoding: 'utf8' }).stdout.trim()
  out(`\n/healthz latency under load (${label}; ${SAMPLES} sequential requests per scenario, ${PROBE_GAP_MS} ms apart; target p95 < ${TARGET_P95_MS} ms)`)
  out(`  code: ${head || 'not a git checkout'}${dirty ? ' (with uncommitted changes in src/)' : ''}`)
  const t0 = performance.now()
  const [zips, population] = await Promise.all([hostileZips(), zipOf(syntheticApplications(2000, { prefix: 'HZ' }).files)])
  const pngs = [0, 1, 2].map(v => bigPng(v))
  const pngsAtBudget = [0, 1, 2].map(v => bigPng(v, 4000))
  const nextPopulation = await zipOf(syntheticApplications(2000, { prefix: 'HZB' }).files)
  out(`  inputs: bomb.zip ${(zips[0]!.data.length / 1024).toFixed(0)} KiB (declares 100 B, inflates to 1 GiB); many.zip ${(zips[1]!.data.length / 1024).toFixed(0)} KiB (1,500 × 1 MiB); 5000×5000 PNG ${(pngs[0]!.length / 1024).toFixed(0)} KiB; 2,000 applications ${(population.length / 1024 ** 2).toFixed(1)} MiB zipped; made in ${((performance.now() - t0) / 1000).toFixed(1)} s`)

  const server = await startServer(databaseUrl)
  const rows: Row[] = []
  const record = (row: Row) => rows.push({ ...row, peak: peakRssMiB(server.child.pid) })
  try {
    const user = await signedInSecurityUser(server)
    // Warm up: templates, the database connections, the JIT.
    for (let i = 0; i < 20; i++) await user.request('GET', '/healthz')

    record({ scenario: 'idle (baseline)', stats: await probe(server.base), notes: '' })

    const hostile = await underLoad(server.base, user, async (round, stop) => (await importFiles(user, [zips[round % 2]!], stop)).summary)
    record({ scenario: '(a) hostile ZIP uploads', stats: hostile.stats, notes: tally(hostile.rounds) })

    // A 25-megapixel photo is over the photo budget once the header check is in: that application is
    // then refused, and one at the budget (4000×4000, 16 MP, still decoded) is imported and relinked instead.
    const photo = await underLoad(server.base, user, async (round, stop) => {
      const notes: string[] = []
      for (const [size, png] of [[5000, pngs[round % pngs.length]!] as const, [4000, pngsAtBudget[round % pngsAtBudget.length]!] as const]) {
        const imported = await importFiles(user, [{ name: `photo-${size}-${round}.zip`, data: await photoApplication(round, png) }], stop)
        const report = imported.jobId ? (await user.request('GET', `/imports/${imported.jobId}`)).body.toString() : ''
        const caseId = /href="\/cases\/([0-9a-f-]{36})"/.exec(report)?.[1]
        if (!caseId) {
          notes.push(`${size}²: ${imported.summary}`)
          continue
        }
        const rescore = await user.form(`/cases/${caseId}/rescore`, { _csrf: await user.csrf(`/cases/${caseId}`) })
        notes.push(`${size}²: ${imported.summary}, checks run again ${rescore.status}`)
        break
      }
      return notes.join(' → ')
    })
    record({ scenario: '(b) 5000×5000 photo import + relink', stats: photo.stats, notes: tally(photo.rounds) })

    const bulk = await underLoad(server.base, user, async (round, stop) => {
      // Made beforehand, so that the bench's own CPU does not compete with the server's while it probes.
      const data = round === 0 ? population : round === 1 ? nextPopulation : await zipOf(syntheticApplications(2000, { prefix: `HZ${round}` }).files)
      const started = performance.now()
      const r = await importFiles(user, [{ name: `population-${round}.zip`, data }], stop)
      return `${r.summary} in ${((performance.now() - started) / 1000).toFixed(0)} s`
    })
    record({ scenario: '(c) 2,000-application import', stats: bulk.stats, notes: tally(bulk.rounds) })
  } finally {
    await server.stop()
  }

  const idle = rows[0]!.stats
  out('')
  out('  | scenario | p50 ms | p95 ms | max ms | p50 ÷ idle | p95 ÷ idle | p95 < 200 ms | failed | server peak RSS so far |')
  out('  | --- | --: | --: | --: | --: | --: | :-: | --: | --: |')
  for (const r of rows) {
    const s = r.stats
    out(`  | ${r.scenario} | ${s.p50.toFixed(1)} | ${s.p95.toFixed(1)} | ${s.max.toFixed(0)} | ${(s.p50 / idle.p50).toFixed(2)} | ${(s.p95 / idle.p95).toFixed(2)} | ${s.p95 < TARGET_P95_MS ? 'yes' : 'NO'} | ${s.failed} | ${r.peak ? `${r.peak.toFixed(0)} MiB` : 'n/a'} |`)
  }
  out('')
  for (const r of rows.filter(r => r.notes)) out(`  ${r.scenario}: ${r.notes}`)
}

/** A throw-away database beside DATABASE_URL's, so that /setup finds no users; dropped afterwards. */
async function withScratchDatabase(url: string, body: (scratchUrl: string) => Promise<void>): Promise<void> {
  const name = `vd_healthz_${crypto.randomBytes(4).toString('hex')}`
  const admin = new pg.Client({ connectionString: url })
  await admin.connect()
  try {
    await admin.query(`CREATE DATABASE ${name}`)
    const scratch = new URL(url)
    scratch.pathname = `/${name}`
    try {
      await body(scratch.toString())
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
    }
  } finally {
    await admin.end()
  }
}

export async function healthzBench(): Promise<void> {
  await runOn('SQLite')
  const url = process.env.DATABASE_URL
  if (url) await withScratchDatabase(url, scratch => runOn('PostgreSQL', scratch))
}
