import type { Knex } from 'knex'

export interface SubjectRow {
  id: string
  full_name: string
  email: string | null
  phone: string | null
  phone_line_type: string | null
  address_line1: string | null
  address_line2: string | null
  city: string | null
  region: string | null
  postal_code: string | null
  country: string | null
  timezone: string | null
  citizenship: string | null
  created_at: string
  updated_at: string
  created_by: number | null
}

export function createSubjectRepository() {
  return {
    findById(db: Knex, id: string): Promise<SubjectRow | undefined> {
      return db<SubjectRow>('subjects').where({ id }).first()
    },
    async insert(db: Knex, subject: SubjectRow): Promise<void> {
      await db('subjects').insert(subject)
    },
    async update(db: Knex, id: string, changes: Partial<Omit<SubjectRow, 'id'>>): Promise<void> {
      await db('subjects').where({ id }).update(changes)
    },
  }
}

export type SubjectRepository = ReturnType<typeof createSubjectRepository>
