import type { SessionData } from 'express-session'
import { KnexSessionStore } from '../../../src/db/sessionStore'
import { createTestDb, type TestDb } from '../../support/testDb'

const get = (store: KnexSessionStore, sid: string) =>
  new Promise<SessionData | null | undefined>((resolve, reject) => store.get(sid, (err, s) => (err ? reject(err) : resolve(s))))
const set = (store: KnexSessionStore, sid: string, sess: SessionData) =>
  new Promise<void>((resolve, reject) => store.set(sid, sess, err => (err ? reject(err) : resolve())))

describe('session store', () => {
  let t: TestDb
  let store: KnexSessionStore
  beforeAll(async () => {
    t = await createTestDb()
    store = new KnexSessionStore(t.db, 60_000)
  })
  afterAll(async () => {
    store.close()
    await t.destroy()
  })

  const session = (expires: Date) => ({ cookie: { expires, originalMaxAge: 60_000 }, userId: undefined }) as unknown as SessionData

  it('stores, updates and reads a session', async () => {
    await set(store, 'a', session(new Date(Date.now() + 60_000)))
    await set(store, 'a', { ...session(new Date(Date.now() + 60_000)), flash: { kind: 'success', message: 'hi' } })
    expect((await get(store, 'a'))?.flash?.message).toBe('hi')
  })

  it('treats an idle-expired session as gone and sweeps it', async () => {
    await set(store, 'old', session(new Date(Date.now() - 1000)))
    expect(await get(store, 'old')).toBeNull()
    expect(await store.sweep()).toBeGreaterThanOrEqual(1)
    expect(await t.db('sessions').where({ sid: 'old' }).first()).toBeUndefined()
  })
})
