import session from 'express-session'
import type { Knex } from 'knex'

type Callback<T = void> = (err?: unknown, value?: T) => void

/**
 * express-session store on the `sessions` table (created by our migrations, not by the store), so
 * several app instances can share one PostgreSQL. Expired rows are ignored on read and swept now and then.
 */
export class KnexSessionStore extends session.Store {
  private sweeper: NodeJS.Timeout | undefined

  constructor(
    private readonly db: Knex,
    private readonly idleMs: number,
    sweepEveryMs = 10 * 60_000,
  ) {
    super()
    this.sweeper = setInterval(() => void this.sweep().catch(() => undefined), sweepEveryMs)
    this.sweeper.unref()
  }

  close(): void {
    if (this.sweeper) clearInterval(this.sweeper)
    this.sweeper = undefined
  }

  async sweep(now = Date.now()): Promise<number> {
    return this.db('sessions').where('expires_at', '<', now).delete()
  }

  private expiry(sess: session.SessionData): number {
    const expires = sess.cookie?.expires
    return expires ? new Date(expires).getTime() : Date.now() + this.idleMs
  }

  override get(sid: string, cb: Callback<session.SessionData | null>): void {
    this.db('sessions')
      .where({ sid })
      .andWhere('expires_at', '>=', Date.now())
      .first('sess')
      .then((row: { sess: string } | undefined) => cb(null, row ? (JSON.parse(row.sess) as session.SessionData) : null))
      .catch(cb)
  }

  override set(sid: string, sess: session.SessionData, cb?: Callback): void {
    const row = {
      sid,
      sess: JSON.stringify(sess),
      expires_at: this.expiry(sess),
      user_id: sess.userId ?? null,
    }
    this.db('sessions')
      .insert(row)
      .onConflict('sid')
      .merge()
      .then(() => cb?.())
      .catch(err => cb?.(err))
  }

  override touch(sid: string, sess: session.SessionData, cb?: Callback): void {
    this.db('sessions')
      .where({ sid })
      .update({ expires_at: this.expiry(sess) })
      .then(() => cb?.())
      .catch(err => cb?.(err))
  }

  override destroy(sid: string, cb?: Callback): void {
    this.db('sessions')
      .where({ sid })
      .delete()
      .then(() => cb?.())
      .catch(err => cb?.(err))
  }

  /** End every session of a user (used when an account is disabled). */
  async destroyForUser(userId: number): Promise<void> {
    await this.db('sessions').where({ user_id: userId }).delete()
  }
}
