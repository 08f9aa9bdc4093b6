import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import readline from 'node:readline'
import request from 'supertest'
import type TestAgent from 'supertest/lib/agent'
import { addUser, csrfFrom, PASSWORD } from '../../support/appSetup'
import { as, createSharedDatabase, makeReady, type Instance, type SharedDatabase } from './support'

const ROOT = path.join(__dirname, '..', '..', '..')
const ROUNDS = 10

interface Server {
  url: string
  proc: ChildProcess
}

/** `tsx src/server.ts` as users run it, on the shared database, on a port of its own. */
function startServer(shared: SharedDatabase): Promise<Server> {
  const env: NodeJS.ProcessEnv = { ...process.env, ...shared.env, PORT: '0', HOST: '127.0.0.1', NODE_ENV: 'test', LOG_LEVEL: 'info', SESSION_SECRET: 'two-processes-share-one-session-secret-0123' }
  if (shared.client === 'sqlite3') delete env.DATABASE_URL
  const proc = spawn(path.join(ROOT, 'node_modules', '.bin', 'tsx'), ['src/server.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] })
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the server did not start within 90 s')), 90_000)
    proc.once('exit', code => reject(new Error(`the server exited with ${code}`)))
    readline.createInterface({ input: proc.stdout! }).on('line', line => {
      const entry = (() => {
        try {
          return JSON.parse(line) as { msg?: string; port?: number }
        } catch {
          return {}
        }
      })()
      if (entry.msg === 'Vetting Desk is listening' && entry.port) {
        clearTimeout(timer)
        resolve({ url: `http://127.0.0.1:${entry.port}`, proc })
      }
    })
    proc.stderr!.resume()
  })
}

async function signInTo(url: string, email: string): Promise<{ agent: TestAgent; csrf: string }> {
  const agent = request.agent(url)
  const token = csrfFrom((await agent.get('/login')).text)
  const res = await agent.post('/login').type('form').send({ _csrf: token, email, password: PASSWORD })
  if (res.status !== 303) throw new Error(`sign-in failed for ${email}: ${res.status}`)
  return { agent, csrf: csrfFrom((await agent.get('/')).text) }
}

/**
 * Issue 13 row 2 with two real app processes on one database (PostgreSQL when DATABASE_URL is set):
 * approve on one, reject on the other, at the same moment. One decision is stored; the other manager
 * gets the 409 page.
 */
describe('exactly one decision per revision, two server processes', () => {
  let shared: SharedDatabase
  let local: Instance
  const servers: Server[] = []
  let recruiter: number
  let round = 0

  beforeAll(async () => {
    shared = await createSharedDatabase()
    local = shared.instance()
    recruiter = (await addUser(local.services, 'recruiter')).id
    await addUser(local.services, 'manager', 'manager1@example.test')
    await addUser(local.services, 'manager', 'manager2@example.test')
    servers.push(await startServer(shared))
    servers.push(await startServer(shared))
  }, 200_000)
  afterAll(async () => {
    for (const s of servers) {
      const exited = new Promise(resolve => s.proc.once('exit', resolve))
      s.proc.kill('SIGTERM')
      await exited
    }
    await shared.close()
  })

  it(`approve on one process and reject on the other, ${ROUNDS} rounds: one decision each time, the loser gets 409`, async () => {
    const one = await signInTo(servers[0]!.url, 'manager1@example.test')
    const two = await signInTo(servers[1]!.url, 'manager2@example.test')
    const sign = (s: { agent: TestAgent; csrf: string }, caseId: string, decision: string) => s.agent.post(`/cases/${caseId}/signoff`).type('form').send({ _csrf: s.csrf, decision, statement: `Decided ${decision} after reviewing the evidence`, confirm: 'yes' })
    for (let r = 0; r < ROUNDS; r++) {
      const c = await local.services.cases.create({ kind: 'candidate', fullName: `Process Race ${++round}`, email: `prace${round}@example.org` }, as(recruiter, 'recruiter'))
      await makeReady(local.services, c.id, as(recruiter, 'recruiter'))
      const [approve, reject] = await Promise.all([sign(one, c.id, 'approve'), sign(two, c.id, 'reject')])
      expect([approve.status, reject.status].sort()).toEqual([303, 409])
      expect((approve.status === 409 ? approve : reject).text).toContain('decided already')
      const signoffs = (await local.db('signoffs').where({ case_id: c.id }).select('decision')) as Array<{ decision: string }>
      expect(signoffs.map(s => s.decision)).toEqual([approve.status === 303 ? 'approve' : 'reject'])
      expect(await local.db('audit_events').where({ case_id: c.id, type: 'CASE_SIGNED_OFF' }).select('id')).toHaveLength(1)
    }
  }, 120_000)
})
