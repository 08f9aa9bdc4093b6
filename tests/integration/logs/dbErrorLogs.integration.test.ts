import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import knexFactory, { type Knex } from 'knex'
import { createKnex, sqliteFileIn } from '../../../src/db/knex'
import { redactError, safeErrorMessage } from '../../../src/logger'
import { systemActor } from '../../../src/services/context'
import { addUser, createTestApp, signIn, type TestApp } from '../../support/appSetup'
import { vet } from '../../support/cli'
import { usingPostgres } from '../../support/testDb'

// The record of a candidate whose insert fails: none of it may reach a log line or a terminal.
const PERSON = { fullName: 'Lockwood Hidden', email: 'lockwood.secret@example.test', phone: '+44 20 7946 0999', addressLine1: '99 Hidden Road', city: 'Quillhaven' }
// The phone's parts are looked for as written and as E.164; a bare "7946" is looked for only where no other
// digit or hex letter touches it, so a timestamp, a pid or a request id that happens to hold it is no leak.
const VALUES = [PERSON.fullName, PERSON.email, PERSON.phone, PERSON.addressLine1, PERSON.city, 'lockwood', '+442079460999', '7946 0999']
const leaks = (text: string) => [...VALUES.filter(v => text.includes(v)), ...(/(?<![0-9a-f])7946(?![0-9a-f])/i.test(text) ? ['7946'] : [])]

/** A unique index the app does not have, so that a second candidate with the same email fails in the driver. */
const addUniqueEmail = (db: Knex) => db.raw('CREATE UNIQUE INDEX subjects_email_for_test ON subjects (email)')

describe('database errors in the server log', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp()
    await addUser(t.services, 'recruiter')
    await addUniqueEmail(t.testDb.db)
    await t.services.cases.create({ kind: 'candidate', fullName: 'Someone Else', email: PERSON.email }, systemActor())
  })
  afterAll(() => t.close())

  it('POST /cases failing on a unique violation logs the driver error without the SQL values or the record', async () => {
    const { agent, csrf } = await signIn(t.app, 'recruiter@example.test')
    t.logs.length = 0
    const res = await agent.post('/cases').type('form').send({ _csrf: csrf, kind: 'candidate', ...PERSON })
    expect(res.status).toBe(500)
    const logged = t.logs.join('')
    expect(logged).toContain('request failed')
    // what an operator needs stays: the driver's complaint, its code and (on PostgreSQL) the constraint
    expect(logged).toMatch(usingPostgres() ? /duplicate key value violates unique constraint.*23505/ : /UNIQUE constraint failed: subjects\.email.*SQLITE_CONSTRAINT/)
    if (usingPostgres()) expect(logged).toContain('Key (email)=(…) already exists')
    expect(logged).not.toMatch(/insert into/i)
    expect(leaks(logged)).toEqual([])
  })

  it('the serializer takes values out of a real driver error (message, detail, stack)', async () => {
    const error = await t.testDb.db('subjects').insert({ id: crypto.randomUUID(), full_name: PERSON.fullName, email: PERSON.email, created_at: new Date().toISOString(), updated_at: new Date().toISOString() }).catch((e: unknown) => e)
    const raw = error as Error & { detail?: string }
    expect(`${raw.message} ${raw.detail ?? ''} ${raw.stack ?? ''}`).toContain(PERSON.email) // what the driver hands us (SQLite: knex's SQL; PostgreSQL: detail)…
    const safe = JSON.stringify(redactError(error))
    expect(leaks(safe)).toEqual([]) // …and what we write
    expect(safeErrorMessage(error)).not.toContain(PERSON.email)
  })
})

describe('database errors from the command line', () => {
  let dir: string
  let env: NodeJS.ProcessEnv
  let db: Knex
  let cleanup: () => Promise<void>

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vd-logs-'))
    env = { DATA_DIR: dir }
    if (usingPostgres()) {
      // The CLI takes only DATABASE_URL: give it a schema of its own through the connection's options.
      const schema = `t_${crypto.randomBytes(6).toString('hex')}`
      const admin = knexFactory({ client: 'pg', connection: process.env.DATABASE_URL, pool: { min: 0, max: 1 } })
      await admin.raw(`CREATE SCHEMA "${schema}"`)
      const url = new URL(process.env.DATABASE_URL!)
      url.searchParams.set('options', `-c search_path=${schema}`)
      env.DATABASE_URL = url.toString()
      db = createKnex({ databaseUrl: process.env.DATABASE_URL!, pgSchema: schema })
      cleanup = async () => {
        await db.destroy()
        await admin.raw(`DROP SCHEMA "${schema}" CASCADE`)
        await admin.destroy()
      }
    } else {
      db = createKnex({ sqliteFile: sqliteFileIn(dir) })
      cleanup = () => db.destroy()
    }
  })
  afterAll(async () => {
    await cleanup()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  it('vet import failing in the database prints the driver error, not the record', async () => {
    expect((await vet(['migrate'], env)).code).toBe(0)
    await addUniqueEmail(db)
    const application = (id: string, name: string) => ({
      format: 'vetting/application@1',
      external_id: id,
      person: { full_name: name, email: PERSON.email, phone: PERSON.phone, address: { line1: PERSON.addressLine1, city: PERSON.city, country: 'GB' } },
    })
    fs.writeFileSync(path.join(dir, 'first.json'), JSON.stringify(application('LOG-1', 'Someone Else')))
    fs.writeFileSync(path.join(dir, 'second.json'), JSON.stringify(application('LOG-2', PERSON.fullName)))
    expect((await vet(['import', path.join(dir, 'first.json')], env)).code).toBe(0)
    const failed = await vet(['import', path.join(dir, 'second.json')], env)
    expect(failed.code).toBe(1)
    expect(failed.err).toMatch(usingPostgres() ? /duplicate key value/ : /UNIQUE constraint failed/)
    const printed = failed.out + failed.err
    expect(printed).not.toMatch(/insert into/i)
    expect(leaks(printed)).toEqual([])
  }, 60_000)
})
