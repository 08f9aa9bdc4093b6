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
  }
}

export type UserRepository = ReturnType<typeof createUserRepository>
