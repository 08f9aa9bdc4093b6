import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { canonicalJson, chainEvent, type AuditEventInput } from '../../../src/audit/auditEvents'
import { createKnex, sqliteFileIn } from '../../../src/db/knex'
import { createAuditRepository, type AuditRow } from '../../../src/db/repositories/auditRepository'
import { dropAppendOnly, makeAppendOnly } from '../../../src/db/schemaHelpers'
import { createAuditService } from '../../../src/services/auditService'
import { vet } from '../../support/cli'
import { createTestDb, usingPostgres, type TestDb } from '../../support/testDb'
import { TEST_AUDIT_KEY } from './testAuditKey'

/** As an intruder with the database alone: triggers off, rows changed, triggers back on. */
async function tamper(t: TestDb, change: () => Promise<unknown>): Promise<void> {
  await dropAppendOnly(t.db, 'audit_events')
  try {
    await change()
  } finally {
    await makeAppendOnly(t.db, 'audit_events')
  }
}

/** The pre-key algorithm anyone can run: SHA-256 of the previous hash and the row's canonical JSON. */
function oldHash(row: Omit<AuditRow, 'id' | 'hash' | 'chain_version'>): string {
  const { prev_hash, ...rest } = row
  return crypto.createHash('sha256').update(prev_hash).update('\n').update(canonicalJson(rest)).digest('hex')
}

/** Edit one row, then recompute it and every later row's hash without the key, as the old chain allowed. */
async function rewriteFrom(t: TestDb, id: number, edit: Record<string, unknown>, options: { markLegacy: boolean }): Promise<void> {
  await tamper(t, async () => {
    const rows = (await t.db('audit_events').where('id', '>=', id).orderBy('id')) as AuditRow[]
    const before = await t.db('audit_events').where('id', '<', id).orderBy('id', 'desc').first('hash')
    let prev: string = before?.hash ?? '0'.repeat(64)
    for (const row of rows) {
      const { id: rowId, hash: _h, chain_version: version, ...rest } = row
      const changed = { ...rest, ...(rowId === id ? edit : {}), prev_hash: prev }
      const hash = oldHash(changed)
      await t.db('audit_events').where('id', rowId).update({ ...changed, hash, chain_version: options.markLegacy ? 0 : version })
      prev = hash
    }
  })
}

const event = (i: number): AuditEventInput => ({ type: 'CASE_VIEWED', actor: { userId: 1, role: 'recruiter' }, caseId: `case-${i}`, data: { page: `p${i}` } })

describe('the keyed audit chain', () => {
  let t: TestDb
  const audit = createAuditRepository({ key: TEST_AUDIT_KEY })
  let service: ReturnType<typeof createAuditService>
  let ids: number[]
  const keys = (() => {
    const { privateKey, publicKey } = crypto.generateKeyPairSync('ed25519')
    return { privateKey, publicKey, publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString() }
  })()

  beforeEach(async () => {
    t = await createTestDb()
    service = createAuditService({ db: t.db, audit })
    ids = []
    for (let i = 0; i < 8; i++) ids.push((await t.db.transaction(trx => audit.append(trx, event(i)))).id)
  })
  afterEach(() => t.destroy())

  it('stores HMAC-keyed events (version 1), which the old unkeyed hash does not reproduce', async () => {
    const rows = (await t.db('audit_events').orderBy('id')) as AuditRow[]
    expect(rows.every(r => Number(r.chain_version) === 1)).toBe(true)
    const { id: _id, hash, chain_version: _v, ...rest } = rows[0]!
    expect(oldHash(rest)).not.toBe(hash)
    expect(await service.verify()).toMatchObject({ intact: true, checked: 8, head: rows[7]!.hash, headId: ids[7], lastIntact: { id: ids[7] } })
  })

  it('a row edited and every later hash recomputed without the key breaks at the edited event', async () => {
    await rewriteFrom(t, ids[3]!, { data: '{"page":"forged"}' }, { markLegacy: false })
    expect(await service.verify()).toMatchObject({ intact: false, checked: 3, broken: { id: ids[3], reason: 'edited' } })
  })

  it('…also when the rewritten rows claim to be legacy (unkeyed) events', async () => {
    await rewriteFrom(t, ids[3]!, { data: '{"page":"forged"}' }, { markLegacy: true })
    expect(await service.verify()).toMatchObject({ intact: false, checked: 3, broken: { id: ids[3], reason: 'unkeyed' } })
  })

  it('…and when the whole chain is rewritten as legacy events, nothing keyed follows them', async () => {
    await rewriteFrom(t, ids[0]!, { data: '{"page":"forged"}' }, { markLegacy: true })
    expect(await service.verify()).toMatchObject({ intact: false, broken: { id: ids[0], reason: 'unkeyed' } })
  })

  it('reports the real head and the last intact event when the break is early (not zeros)', async () => {
    await tamper(t, () => t.db('audit_events').where('id', ids[1]).update({ actor_role: 'admin' }))
    const last = await t.db('audit_events').orderBy('id', 'desc').first('hash')
    const first = await t.db('audit_events').where('id', ids[0]).first('hash')
    const result = await service.verify()
    expect(result).toMatchObject({ intact: false, checked: 1, head: last.hash, headId: ids[7], lastIntact: { id: ids[0], hash: first.hash }, broken: { id: ids[1] } })
    expect(result.head).not.toMatch(/^0+$/)
  })

  it('a checkpoint detects events cut off the end, which the chain alone cannot', async () => {
    const { checkpoint } = await service.checkpoint(keys)
    expect(checkpoint).toMatchObject({ lastId: ids[7], count: 8, format: 'vetting-desk-audit-checkpoint/1' })
    expect(await service.verify(t.db, { checkpoint, trustedKey: keys.publicKey })).toMatchObject({ intact: true, checkpoint: { valid: true } })
    await t.db.transaction(trx => audit.append(trx, event(8))) // later events are fine
    expect(await service.verify(t.db, { checkpoint, trustedKey: keys.publicKey })).toMatchObject({ intact: true })

    await tamper(t, () => t.db('audit_events').where('id', '>=', ids[6]!).delete())
    expect(await service.verify()).toMatchObject({ intact: true }) // the chain that is left holds…
    const result = await service.verify(t.db, { checkpoint, trustedKey: keys.publicKey })
    expect(result).toMatchObject({ intact: false, broken: { id: ids[7], reason: 'truncated' }, checkpoint: { valid: false, problem: expect.stringMatching(/cut off the end/) } })
  })

  it('a checkpoint whose contents or signature were altered, or signed by another key, is refused', async () => {
    const { checkpoint } = await service.checkpoint(keys)
    const check = (cp: unknown, trustedKey = keys.publicKey) => service.verify(t.db, { checkpoint: cp, trustedKey })
    expect(await check({ ...checkpoint, count: 7 })).toMatchObject({ intact: false, checkpoint: { valid: false, problem: expect.stringMatching(/altered/) } })
    const sig = Buffer.from(checkpoint!.signature, 'base64')
    sig[0] = sig[0]! ^ 1
    expect(await check({ ...checkpoint, signature: sig.toString('base64') })).toMatchObject({ intact: false, checkpoint: { valid: false } })
    const other = crypto.generateKeyPairSync('ed25519')
    expect(await check(checkpoint, other.publicKey)).toMatchObject({ intact: false, checkpoint: { problem: expect.stringMatching(/different key/) } })
    // A forger signs their own checkpoint with their own key: it does not match the trusted key.
    const otherPem = other.publicKey.export({ type: 'spki', format: 'pem' }).toString()
    const forged = (await service.checkpoint({ privateKey: other.privateKey, publicKeyPem: otherPem })).checkpoint
    expect(await check(forged)).toMatchObject({ intact: false, checkpoint: { valid: false } })
  })

  it('events from before the key verify with the old hash once a keyed event seals them', async () => {
    const legacy = await createTestDb()
    try {
      // Written as the old code wrote them: plain SHA-256, no version.
      let prev = '0'.repeat(64)
      for (let i = 0; i < 3; i++) {
        const row = chainEvent(event(i), prev, new Date())
        await legacy.db('audit_events').insert(row)
        prev = row.hash
      }
      const legacyService = createAuditService({ db: legacy.db, audit })
      expect(await legacyService.verify()).toMatchObject({ intact: false, broken: { reason: 'unkeyed' } })
      expect(await legacyService.sealLegacy()).toBe(true)
      expect(await legacyService.sealLegacy()).toBe(false)
      await legacy.db.transaction(trx => audit.append(trx, event(9)))
      expect(await legacyService.verify()).toMatchObject({ intact: true, checked: 5 })
      // An unkeyed event slipped in after the seal is refused.
      const head = await legacy.db('audit_events').orderBy('id', 'desc').first('hash')
      await legacy.db('audit_events').insert(chainEvent(event(10), head.hash, new Date()))
      expect(await legacyService.verify()).toMatchObject({ intact: false, checked: 5, broken: { reason: 'unkeyed' } })
    } finally {
      await legacy.destroy()
    }
  })
})

// The CLI works on DATA_DIR's SQLite database and keys; on PostgreSQL the service above is the same code.
const describeSqlite = usingPostgres() ? describe.skip : describe

describeSqlite('vet audit checkpoint and verify --checkpoint', () => {
  let dir: string
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vd-audit-cp-'))
  })
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

  it('signs the head, detects a cut tail and a tampered checkpoint, and reports the head in --json', async () => {
    const env = { DATA_DIR: dir }
    expect((await vet(['migrate'], env)).code).toBe(0)
    for (const email of ['a@example.test', 'b@example.test', 'c@example.test', 'd@example.test']) {
      expect((await vet(['users', 'add', '--email', email, '--role', 'recruiter'], env, 'a long enough password 1\n')).code).toBe(0)
    }
    // keys live outside the database, private to the app's user
    expect(fs.statSync(path.join(dir, 'audit-key')).mode & 0o777).toBe(0o600)
    const file = path.join(dir, 'checkpoint.json')
    const made = await vet(['audit', 'checkpoint', '--out', file], env)
    expect(made.code).toBe(0)
    expect(fs.statSync(path.join(dir, 'audit-signing-key')).mode & 0o777).toBe(0o600)
    const cp = JSON.parse(fs.readFileSync(file, 'utf8'))
    expect(cp).toMatchObject({ lastId: 4, count: 4, lastHash: expect.stringMatching(/^[0-9a-f]{64}$/), signature: expect.any(String), createdAt: expect.any(String) })
    const pub = await vet(['audit', 'public-key'], env)
    expect(pub.out).toContain('BEGIN PUBLIC KEY')
    expect(cp.publicKey.trim()).toBe(pub.out.trim())
    fs.writeFileSync(path.join(dir, 'pub.pem'), pub.out)

    const ok = await vet(['audit', 'verify', '--checkpoint', file, '--public-key', path.join(dir, 'pub.pem')], env)
    expect(ok.code).toBe(0)
    expect(ok.out).toContain('reaches the checkpoint')

    const tampered = path.join(dir, 'tampered.json')
    fs.writeFileSync(tampered, JSON.stringify({ ...cp, lastId: 3 }))
    const bad = await vet(['audit', 'verify', '--checkpoint', tampered], env)
    expect(bad.code).toBe(1)
    expect(bad.out).toContain('altered')

    const db = createKnex({ sqliteFile: sqliteFileIn(dir) })
    try {
      await dropAppendOnly(db, 'audit_events')
      await db('audit_events').where('id', 4).delete()
      await makeAppendOnly(db, 'audit_events')
    } finally {
      await db.destroy()
    }
    expect((await vet(['audit', 'verify'], env)).code).toBe(0) // the shortened chain holds on its own…
    const cut = await vet(['audit', 'verify', '--checkpoint', file], env)
    expect(cut.code).toBe(1) // …but not against the checkpoint
    expect(cut.out).toContain('cut off the end')

    const db2 = createKnex({ sqliteFile: sqliteFileIn(dir) })
    try {
      await dropAppendOnly(db2, 'audit_events')
      await db2('audit_events').where('id', 2).update({ actor_role: 'admin' })
    } finally {
      await db2.destroy()
    }
    const json = JSON.parse((await vet(['audit', 'verify', '--json'], env)).out)
    expect(json).toMatchObject({ intact: false, checked: 1, headId: 3, lastIntact: { id: 1 }, broken: { id: 2, reason: 'edited' } })
    expect(json.head).toMatch(/^[0-9a-f]{64}$/)
    expect(json.head).not.toBe('0'.repeat(64))
  })
})
