import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Knex } from 'knex'
import type { AuditEventInput } from '../../../src/audit/auditEvents'
import { auditCommand } from '../../../src/cli/auditCommand'
import { createKnex, sqliteFileIn } from '../../../src/db/knex'
import { createAuditRepository } from '../../../src/db/repositories/auditRepository'
import { createAuditService } from '../../../src/services/auditService'
import { addUser, createTestApp, signIn } from '../../support/appSetup'
import { vet } from '../../support/cli'
import { createTestDb, usingPostgres, type TestDb } from '../../support/testDb'
import { TEST_AUDIT_KEY } from './testAuditKey'

/**
 * The values kept apart from the trail (`audit_event_details`) are bound to their events by an HMAC the
 * chain covers; verification must check them too. Tampering is done as an intruder with the database only:
 * the details table's append-only trigger dropped by its name in each dialect, then rows changed.
 */
async function dropDetailTriggers(db: Knex): Promise<void> {
  if (db.client.config.client === 'pg') {
    await db.raw('DROP TRIGGER audit_event_details_no_update ON audit_event_details') // refuses UPDATE and DELETE
  } else {
    await db.raw('DROP TRIGGER audit_event_details_no_update')
    await db.raw('DROP TRIGGER audit_event_details_no_delete')
  }
}

const NOTE = 'Identity and history verified'
const FORGED = 'Identity NOT verified, approved anyway'

/** An event whose value is withheld from the trail: it gets a detail row and a detailHmac. */
const withDetail = (i: number): AuditEventInput => ({ type: 'CASE_FACTS_RECORDED', actor: { userId: 1, role: 'security' }, caseId: `case-${i}`, data: { section: 'interview', after: [{ field: 'interview.observation', value: `${NOTE} ${i}` }] } })
/** An event with nothing withheld: no detail row. */
const plain = (i: number): AuditEventInput => ({ type: 'CASE_VIEWED', actor: { userId: 1, role: 'recruiter' }, caseId: `case-${i}`, data: { page: `p${i}` } })

describe('verification covers the values kept apart from the trail', () => {
  let t: TestDb
  const audit = createAuditRepository({ key: TEST_AUDIT_KEY })
  let service: ReturnType<typeof createAuditService>
  /** ids[i] is event i; even events carry details, odd ones do not */
  let ids: number[]
  let hashes: string[]
  const cli = async (args: { json: boolean }) => {
    let out = ''
    let err = ''
    const code = await auditCommand(t.db, 'verify', { dataDir: os.tmpdir(), auditKey: TEST_AUDIT_KEY.toString('utf8'), json: args.json }, s => (out += `${s}\n`), s => (err += `${s}\n`))
    return { code, out, err }
  }

  beforeEach(async () => {
    t = await createTestDb()
    service = createAuditService({ db: t.db, audit })
    ids = []
    hashes = []
    for (let i = 0; i < 8; i++) {
      const row = await t.db.transaction(trx => audit.append(trx, i % 2 === 0 ? withDetail(i) : plain(i)))
      ids.push(row.id)
      hashes.push(row.hash)
    }
  })
  afterEach(() => t.destroy())

  it('an untouched trail with details is intact (service and CLI)', async () => {
    expect(Number((await t.db('audit_event_details').count({ n: '*' }).first())!.n)).toBe(4)
    expect(await service.verify()).toMatchObject({ intact: true, checked: 8, headId: ids[7] })
    expect(await cli({ json: false })).toMatchObject({ code: 0, out: expect.stringContaining('intact: 8 events') })
  })

  it('values edited in the details table break the trail at their event (service, CLI exit 1, --json)', async () => {
    await dropDetailTriggers(t.db)
    await t.db('audit_event_details').where('event_hash', hashes[4]).update({ data: t.db.raw('replace(data, ?, ?)', [NOTE, FORGED]) })
    expect((await t.db('audit_event_details').where('event_hash', hashes[4]).first('data')).data).toContain(FORGED)

    expect(await service.verify()).toMatchObject({ intact: false, checked: 4, lastIntact: { id: ids[3] }, broken: { id: ids[4], type: 'CASE_FACTS_RECORDED', reason: 'values_edited', eventHash: hashes[4] } })
    const text = await cli({ json: false })
    expect(text.code).toBe(1)
    expect(text.out).toContain(`broken at event ${ids[4]} (CASE_FACTS_RECORDED`)
    expect(text.out).toContain(`values of event ${ids[4]} were edited`)
    const json = await cli({ json: true })
    expect(json.code).toBe(1)
    expect(JSON.parse(json.out)).toMatchObject({ intact: false, checked: 4, headId: ids[7], lastIntact: { id: ids[3] }, broken: { id: ids[4], reason: 'values_edited', eventHash: hashes[4] } })
    // a broken trail gets no checkpoint
    const { checkpoint } = await service.checkpoint(signingKeys())
    expect(checkpoint).toBeNull()
  })

  it('a deleted details row breaks the trail at its event', async () => {
    await dropDetailTriggers(t.db)
    await t.db('audit_event_details').where('event_hash', hashes[2]).delete()
    expect(await service.verify()).toMatchObject({ intact: false, checked: 2, broken: { id: ids[2], reason: 'values_deleted', eventHash: hashes[2] } })
    const text = await cli({ json: false })
    expect(text.code).toBe(1)
    expect(text.out).toContain(`values of event ${ids[2]} were deleted`)
    const json = await cli({ json: true })
    expect(json.code).toBe(1)
    expect(JSON.parse(json.out)).toMatchObject({ intact: false, broken: { id: ids[2], reason: 'values_deleted' } })
  })

  it('a details row inserted for an event that references none breaks the trail at that event', async () => {
    // no trigger refuses INSERT: the intruder needs nothing dropped
    await t.db('audit_event_details').insert({ event_hash: hashes[5], case_id: 'case-5', data: JSON.stringify({ note: FORGED }) })
    expect(await service.verify()).toMatchObject({ intact: false, checked: 5, lastIntact: { id: ids[4] }, broken: { id: ids[5], type: 'CASE_VIEWED', reason: 'values_inserted', eventHash: hashes[5] } })
    const json = await cli({ json: true })
    expect(json.code).toBe(1)
    expect(JSON.parse(json.out)).toMatchObject({ intact: false, broken: { id: ids[5], reason: 'values_inserted' } })
    expect((await cli({ json: false })).out).toContain(`values of event ${ids[5]} were inserted`)
  })

  it('a details row whose event is not in the trail at all is reported by its event hash', async () => {
    const ghost = 'f'.repeat(64)
    await t.db('audit_event_details').insert({ event_hash: ghost, case_id: 'case-x', data: JSON.stringify({ note: FORGED }) })
    expect(await service.verify()).toMatchObject({ intact: false, checked: 8, broken: { id: null, reason: 'values_inserted', eventHash: ghost } })
    const text = await cli({ json: false })
    expect(text.code).toBe(1)
    expect(text.out).toContain(`event hash ${ghost}`)
    expect(JSON.parse((await cli({ json: true })).out)).toMatchObject({ intact: false, broken: { id: null, reason: 'values_inserted', eventHash: ghost } })
  })

  it('checks details across batches of a large trail, naming the first edited one', async () => {
    await t.db.transaction(trx => audit.appendMany(trx, Array.from({ length: 1200 }, (_, i) => withDetail(100 + i))))
    expect(await service.verify()).toMatchObject({ intact: true, checked: 1208 })
    const rows = (await t.db('audit_events').where('type', 'CASE_FACTS_RECORDED').orderBy('id').select('id', 'hash')) as Array<{ id: number; hash: string }>
    const late = rows[rows.length - 3]!
    const later = rows[rows.length - 1]!
    await dropDetailTriggers(t.db)
    await t.db('audit_event_details').whereIn('event_hash', [late.hash, later.hash]).update({ data: t.db.raw('replace(data, ?, ?)', [NOTE, FORGED]) })
    expect(await service.verify()).toMatchObject({ intact: false, checked: 1205, broken: { id: late.id, reason: 'values_edited' } })
  })
})

function signingKeys() {
  const { privateKey, publicKey } = crypto.generateKeyPairSync('ed25519')
  return { privateKey, publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString() }
}

describe('/audit?verify=1 reports edited values', () => {
  it('says the chain is broken, not intact, when a detail was edited', async () => {
    const t = await createTestApp()
    try {
      const security = await addUser(t.services, 'security')
      await t.testDb.db.transaction(trx => t.services.audit.append(trx, { ...withDetail(1), actor: { userId: security.id, role: 'security' } }))
      const { agent } = await signIn(t.app, 'security@example.test')
      expect((await agent.get('/audit?verify=1')).text).toContain('The chain is intact')
      const event = await t.testDb.db('audit_events').where('type', 'CASE_FACTS_RECORDED').first('id', 'hash')
      await dropDetailTriggers(t.testDb.db)
      await t.testDb.db('audit_event_details').where('event_hash', event.hash).update({ data: t.testDb.db.raw('replace(data, ?, ?)', [NOTE, FORGED]) })
      const page = await agent.get('/audit?verify=1')
      expect(page.status).toBe(200)
      expect(page.text).not.toContain('The chain is intact')
      expect(page.text).toContain(`The chain is broken at event ${event.id}`)
    } finally {
      await t.close()
    }
  })
})

// The probe's repro through the real command line, on DATA_DIR's SQLite file with a checkpoint and its key.
const describeSqlite = usingPostgres() ? describe.skip : describe

describeSqlite('vet audit verify --checkpoint on a database whose details were edited', () => {
  let dir: string
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vd-audit-details-'))
  })
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

  it('exits 1 naming the event whose values were edited', async () => {
    const env = { DATA_DIR: dir }
    expect((await vet(['migrate'], env)).code).toBe(0)
    expect((await vet(['users', 'add', '--email', 'a@example.test', '--role', 'recruiter'], env, 'a long enough password 1\n')).code).toBe(0)
    const key = fs.readFileSync(path.join(dir, 'audit-key'), 'utf8').trim()
    const db = createKnex({ sqliteFile: sqliteFileIn(dir) })
    let eventId: number
    try {
      const repo = createAuditRepository({ key: Buffer.from(key, 'utf8') })
      eventId = (await db.transaction(trx => repo.append(trx, withDetail(1)))).id
      await db.transaction(trx => repo.append(trx, plain(2)))
    } finally {
      await db.destroy()
    }
    const cp = path.join(dir, 'cp.json')
    expect((await vet(['audit', 'checkpoint', '--out', cp], env)).code).toBe(0)
    fs.writeFileSync(path.join(dir, 'pub.pem'), (await vet(['audit', 'public-key'], env)).out)
    const args = ['audit', 'verify', '--checkpoint', cp, '--public-key', path.join(dir, 'pub.pem')]
    expect((await vet(args, env)).code).toBe(0)

    const db2 = createKnex({ sqliteFile: sqliteFileIn(dir) })
    try {
      await db2.raw('drop trigger audit_event_details_no_update')
      await db2.raw(`update audit_event_details set data=replace(data,'${NOTE}','${FORGED}')`)
    } finally {
      await db2.destroy()
    }
    const broken = await vet(args, env)
    expect(broken.code).toBe(1)
    expect(broken.out).toContain(`broken at event ${eventId} (CASE_FACTS_RECORDED`)
    expect(broken.out).toContain(`values of event ${eventId} were edited`)
    const json = await vet([...args, '--json'], env)
    expect(json.code).toBe(1)
    expect(JSON.parse(json.out)).toMatchObject({ intact: false, broken: { id: eventId, reason: 'values_edited' } })
    const refused = await vet(['audit', 'checkpoint'], env)
    expect(refused.code).toBe(1)
    expect(refused.err).toContain(`broken at event ${eventId} (values of event ${eventId} were edited)`)
  })
})
