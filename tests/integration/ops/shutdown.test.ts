import { spawn, type ChildProcess } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import knexFactory from 'knex'
import { ROOT_DIR } from '../../../src/app'
import { usingPostgres } from '../../support/testDb'

// Issue 17: SIGTERM stops accepting connections, lets every request already received finish (slow
// ones included), closes idle keep-alive connections, runs the hooks and exits 0.

interface Outcome {
  name: string
  status?: number
  connection?: string
  error?: string
}

/** Start src/server.ts on a temporary DATA_DIR and a free port; resolves once it listens. */
async function startServer(env: NodeJS.ProcessEnv): Promise<{ proc: ChildProcess; port: number; output: () => string; exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }> }> {
  const proc = spawn(path.join(ROOT_DIR, 'node_modules/.bin/tsx'), ['src/server.ts'], { cwd: ROOT_DIR, env, stdio: ['ignore', 'pipe', 'pipe'] })
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>(resolve => proc.once('exit', (code, signal) => resolve({ code, signal })))
  let output = ''
  const port = await new Promise<number>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const match = /Vetting Desk on http:\/\/[^:]+:(\d+)\//.exec(output)
      if (match) resolve(Number(match[1]))
    }
    proc.stdout!.on('data', onData)
    proc.stderr!.on('data', onData)
    void exited.then(({ code }) => reject(new Error(`server exited (${code}) before listening:\n${output}`)))
  })
  return { proc, port, output: () => output, exited }
}

/** One request on a connection of its own; the body (if any) is written in two parts, the second when `release` resolves. */
function send(port: number, name: string, options: { method?: string; path: string; body?: string; release?: Promise<void>; agent?: http.Agent }): { sent: Promise<void>; done: Promise<Outcome> } {
  let markSent!: () => void
  const sent = new Promise<void>(resolve => (markSent = resolve))
  const done = new Promise<Outcome>(resolve => {
    const body = options.body ?? ''
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method: options.method ?? 'GET',
        path: options.path,
        agent: options.agent ?? false,
        headers: body ? { 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': Buffer.byteLength(body) } : {},
      },
      res => {
        res.resume()
        res.on('end', () => resolve({ name, status: res.statusCode!, connection: String(res.headers.connection ?? '') }))
        res.on('error', error => resolve({ name, error: (error as NodeJS.ErrnoException).code ?? error.message }))
      },
    )
    req.on('error', error => {
      markSent()
      resolve({ name, error: (error as NodeJS.ErrnoException).code ?? error.message })
    })
    if (!body) {
      req.end(() => markSent())
      return
    }
    const half = Math.floor(body.length / 2)
    req.write(body.slice(0, half), () => markSent())
    void (options.release ?? Promise.resolve()).then(() => req.end(body.slice(half)))
  })
  return { sent, done }
}

describe('graceful shutdown', () => {
  const dirs: string[] = []
  afterAll(() => dirs.forEach(dir => fs.rmSync(dir, { recursive: true, force: true })))

  it('on SIGTERM finishes every request in flight (none reset), refuses new ones and exits 0', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vd-shutdown-'))
    dirs.push(dir)
    const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, NODE_ENV: 'test', DATA_DIR: dir, PORT: '0', LOG_LEVEL: 'info', SHUTDOWN_TIMEOUT_SECONDS: '20' }
    let dropSchema = async () => undefined as void
    if (usingPostgres()) {
      const url = process.env.DATABASE_URL!
      const schema = `t_${crypto.randomBytes(6).toString('hex')}`
      const admin = knexFactory({ client: 'pg', connection: url, pool: { min: 0, max: 1 } })
      await admin.raw(`CREATE SCHEMA "${schema}"`)
      env.DATABASE_URL = `${url}${url.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`
      dropSchema = async () => {
        await admin.raw(`DROP SCHEMA "${schema}" CASCADE`)
        await admin.destroy()
      }
    }
    const server = await startServer(env)
    try {
      // An idle keep-alive connection: the stop closes it instead of waiting for its timeout.
      const keepAlive = new http.Agent({ keepAlive: true, maxSockets: 1 })
      const warm = await send(server.port, 'warm-up', { path: '/healthz', agent: keepAlive }).done
      expect(warm.status).toBe(200)

      let releaseSlow!: () => void
      const release = new Promise<void>(resolve => (releaseSlow = resolve))
      const requests: Array<ReturnType<typeof send>> = []
      // 15 slow requests on keep-alive connections: headers and half the body now, the rest only after SIGTERM.
      const agents = Array.from({ length: 15 }, () => new http.Agent({ keepAlive: true, maxSockets: 1 }))
      agents.forEach((agent, i) => requests.push(send(server.port, `slow-${i}`, { method: 'POST', path: '/login', body: `email=someone${i}%40example.test&password=${'x'.repeat(2000)}`, release, agent })))
      // 35 quick ones of several kinds, at the same time.
      const paths = ['/healthz', '/readyz', '/login', '/schema/application.json', '/public/does-not-exist.css', '/cases']
      for (let i = 0; i < 35; i++) requests.push(send(server.port, `quick-${i}`, { path: paths[i % paths.length]! }))
      await Promise.all(requests.map(r => r.sent))
      // Give the server time to read every request's headers: one not yet read is not in flight yet.
      await new Promise(resolve => setTimeout(resolve, 500))

      const signalledAt = Date.now()
      server.proc.kill('SIGTERM')
      await new Promise(resolve => setTimeout(resolve, 300))
      // Stopped accepting: a new connection is refused while the slow ones are still running.
      const late = await send(server.port, 'late', { path: '/healthz' }).done
      expect(late.error).toBe('ECONNREFUSED')
      releaseSlow()

      const outcomes = await Promise.all(requests.map(r => r.done))
      const failed = outcomes.filter(o => o.error !== undefined || o.status === undefined || o.status >= 500)
      expect(failed).toEqual([])
      expect(outcomes).toHaveLength(50)
      // The slow ones were answered after the signal, and told their keep-alive connection closes.
      for (const o of outcomes.filter(x => x.name.startsWith('slow-'))) expect([o.name, o.status, o.connection]).toEqual([o.name, 403, 'close'])

      const { code, signal } = await server.exited
      expect({ code, signal }).toEqual({ code: 0, signal: null })
      // It did not sit out the idle keep-alive connection's timeout (5 s) nor the hard timeout (20 s).
      expect(Date.now() - signalledAt).toBeLessThan(5_000)
      expect(server.output()).toMatch(/shutting down/)
      expect(server.output()).toMatch(/"msg":"stopped"/)
      for (const agent of [keepAlive, ...agents]) agent.destroy()
    } finally {
      server.proc.kill('SIGKILL')
      await server.exited
      await dropSchema()
    }
  }, 120_000)
})
