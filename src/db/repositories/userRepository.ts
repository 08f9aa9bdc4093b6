import type { Knex } from 'knex'
import type { Role } from '../../auth/roles'

export interface UserRow {
  id: number
  email: string
  display_name: string
  role: Role
  password_hash: string
  failed_logins: number
  locked_until: string | null
  last_login_at: string | null
  disabled_at: string | null
  created_at: string
  created_by: number | null
}

export type NewUser = Pick<UserRow, 'email' | 'display_name' | 'role' | 'password_hash'> & { created_by: number | null }

export function createUserRepository() {
  return {
    async count(db: Knex): Promise<number> {
      const row = await db('users').count<{ n: number | string }[]>({ n: '*' }).first()
      return Number(row?.n ?? 0)
    },
    findById(db: Knex, id: number): Promise<UserRow | undefined> {
      return db<UserRow>('users').where({ id }).first()
    },
    findByEmail(db: Knex, email: string): Promise<UserRow | undefined> {
      return db<UserRow>('users').where({ email: email.toLowerCase() }).first()
    },
    list(db: Knex): Promise<UserRow[]> {
      return db<UserRow>('users').orderBy('email')
    },
    async insert(db: Knex, user: NewUser, now: string): Promise<number> {
      const [row] = await db('users')
        .insert({ ...user, email: user.email.toLowerCase(), failed_logins: 0, created_at: now })
        .returning('id')
      return typeof row === 'object' ? (row as { id: number }).id : (row as number)
    },
    async update(db: Knex, id: number, changes: Partial<Omit<UserRow, 'id'>>): Promise<void> {
      await db('users').where({ id }).update(changes)
    },
    /**
     * Count one failed sign-in in a single UPDATE, so concurrent failures cannot overwrite each other's
     * count (a read-then-write let 25 parallel guesses leave 4). The lock is set in the same statement once
     * the count reaches maxFailures. A row that is locked right now is left alone, so guesses during a
     * lock never lengthen it; a lock that has run out starts a fresh count. Returns false when the row was
     * locked (or missing) and nothing was counted. The SET expressions all read the row as it was before.
     */
    async countFailedSignIn(db: Knex, id: number, at: { now: string; lockUntil: string; maxFailures: number }): Promise<boolean> {
      const next = 'CASE WHEN locked_until IS NULL THEN failed_logins + 1 ELSE 1 END'
      const changed = await db('users')
        .where({ id })
        .andWhere(q => q.whereNull('locked_until').orWhere('locked_until', '<=', at.now))
        .update({
          failed_logins: db.raw(next),
          locked_until: db.raw(`CASE WHEN ${next} >= ? THEN CAST(? AS VARCHAR(24)) ELSE NULL END`, [at.maxFailures, at.lockUntil]),
        })
      return Number(changed) > 0
    },
    /**
     * Record a successful sign-in, but only if the account is neither locked nor disabled at this moment:
     * the condition is checked by the UPDATE itself, so a lock set by a concurrent failure still wins.
     */
    async recordSignIn(db: Knex, id: number, now: string): Promise<boolean> {
      const changed = await db('users')
        .where({ id })
        .whereNull('disabled_at')
        .andWhere(q => q.whereNull('locked_until').orWhere('locked_until', '<=', now))
        .update({ failed_logins: 0, locked_until: null, last_login_at: now })
      return Number(changed) > 0
    },
  }
}

export type UserRepository = ReturnType<typeof createUserRepository>
