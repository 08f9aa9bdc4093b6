import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import knexFactory, { type Knex } from 'knex'
import { createKnex, sqliteFileIn } from '../../../src/db/knex'
import { createServices, type Services } from '../../../src/services'
import { systemActor } from '../../../src/services/context'
import { vet } from '../../support/cli'

// Issue 13 row 12: `vet users enable` is the command-line way to let someone back in, so it clears a
// lockout too, and says so in the audit trail. SQLite by default; PostgreSQL when DATABASE_URL is set
// (in a schema of this file's own, through the connection's search_path).

const PASSWORD = 'a long enough password'
const WRONG = 'not the password at all'

describe('vet users enable', () => {
  let dir: string
  let env: NodeJS.ProcessEnv
  let dropSchema = async () => undefined as void
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vd-enable-'))
    env = { DATA_DIR: dir }
    const url = process.env.DATABASE_URL
    if (url) {
      const schema = `t_${crypto.randomBytes(6).toString('hex')}`
      const admin = knexFactory({ client: 'pg', connection: url, pool: { min: 0, max: 1 } })
      await admin.raw(`CREATE SCHEMA "${schema}"`)
      env.DATABASE_URL = `${url}${url.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`
      dropSchema = async () => {
        await admin.raw(`DROP SCHEMA "${schema}" CASCADE`)
        await admin.destroy()
      }
    }
  })
  afterAll(async () => {
    await dropSchema()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  /** The app's services on the CLI's database, closed again before the CLI runs. */
  async function withServices<T>(work: (services: Services, db: Knex) => Promise<T>): Promise<T> {
    const db = createKnex({ databaseUrl: env.DATABASE_URL, sqliteFile: sqliteFileIn(dir) })
    const services = createServices(db, { login: { maxFailures: 3, lockMinutes: 15 }, dataDir: dir })
    try {
      return await work(services, db)
    } finally {
      await services.close()
      await db.destroy()
    }
  }

  async function addLockedUser(email: string) {
    expect((await vet(['users', 'add', '--email', email, '--role', 'recruiter'], env, `${PASSWORD}\n`)).code).toBe(0)
    return withServices(async services => {
      for (let i = 0; i < 3; i++) await services.users.signIn(email, WRONG, systemActor())
      const user = (await services.users.findByEmail(email))!
      expect(user.locked_until! > new Date().toISOString()).toBe(true)
      return user
    })
  }

  const auditTypes = (db: Knex, userId: number) =>
    db('audit_events')
      .where({ target: `user:${userId}` })
      .orderBy('id')
      .pluck('type') as Promise<string[]>

  it('clears the lockout of an account that was never disabled, and audits it', async () => {
    const user = await addLockedUser('locked@example.test')
    expect((await vet(['users', 'list'], env)).out).toMatch(/locked@example\.test\s+recruiter\s+locked/)
    const res = await vet(['users', 'enable', '--email', 'locked@example.test'], env)
    expect(res.code).toBe(0)
    expect((await vet(['users', 'list'], env)).out).toMatch(/locked@example\.test\s+recruiter\s+active/)
    await withServices(async (services, db) => {
      expect(await services.users.findById(user.id)).toMatchObject({ failed_logins: 0, locked_until: null, disabled_at: null })
      const types = await auditTypes(db, user.id)
      expect(types.at(-1)).toBe('USER_UNLOCKED')
      expect(types).not.toContain('USER_ENABLED')
      expect((await services.users.signIn('locked@example.test', PASSWORD, systemActor())).ok).toBe(true)
    })
  })

  it('on a disabled and locked account, enables and unlocks it (both audited)', async () => {
    const user = await addLockedUser('both@example.test')
    expect((await vet(['users', 'disable', '--email', 'both@example.test'], env)).code).toBe(0)
    expect((await vet(['users', 'enable', '--email', 'both@example.test'], env)).code).toBe(0)
    await withServices(async (services, db) => {
      expect(await services.users.findById(user.id)).toMatchObject({ failed_logins: 0, locked_until: null, disabled_at: null })
      expect((await auditTypes(db, user.id)).slice(-3)).toEqual(['USER_DISABLED', 'USER_ENABLED', 'USER_UNLOCKED'])
    })
  })

  it('does nothing, and audits nothing, for an account that is neither disabled nor locked', async () => {
    expect((await vet(['users', 'add', '--email', 'fine@example.test', '--role', 'manager'], env, `${PASSWORD}\n`)).code).toBe(0)
    const before = await withServices(async (services, db) => auditTypes(db, (await services.users.findByEmail('fine@example.test'))!.id))
    expect((await vet(['users', 'enable', '--email', 'fine@example.test'], env)).code).toBe(0)
    const after = await withServices(async (services, db) => auditTypes(db, (await services.users.findByEmail('fine@example.test'))!.id))
    expect(after).toEqual(before)
  })
})
