import crypto from 'node:crypto'
import type { Knex } from 'knex'
import type { AuditRepository } from '../db/repositories/auditRepository'
import type { UserRow } from '../db/repositories/userRepository'
import { sha256Of } from '../ingest/blobStore'
import { auditActor, type ActorContext } from './context'

const PREFIX = 'vd_'

/** Bearer tokens for integrations (an ATS pushing applications). 32 random bytes; stored as SHA-256 only. */
export function createApiTokenService(deps: { db: Knex; audit: AuditRepository }) {
  const { db, audit } = deps
  return {
    async issue(userId: number, name: string, ctx: ActorContext): Promise<string> {
      const token = `${PREFIX}${crypto.randomBytes(32).toString('base64url')}`
      await db.transaction(async trx => {
        const [row] = await trx('api_tokens').insert({ user_id: userId, name: name.slice(0, 100), token_hash: sha256Of(token), created_at: new Date().toISOString() }).returning('id')
        const id = typeof row === 'object' ? (row as { id: number }).id : row
        await audit.append(trx, { type: 'API_TOKEN_ISSUED', actor: auditActor(ctx), target: `user:${userId}`, requestId: ctx.requestId, data: { tokenId: id, name } })
      })
      return token
    },

    /** The active user a token acts for, or undefined. */
    async authenticate(token: string): Promise<UserRow | undefined> {
      if (!token.startsWith(PREFIX) || token.length > 100) return undefined
      const row = await db('api_tokens').where({ token_hash: sha256Of(token) }).whereNull('revoked_at').first<{ id: number; user_id: number; last_used_at: string | null } | undefined>()
      if (!row) return undefined
      const user = await db<UserRow>('users').where({ id: row.user_id }).whereNull('disabled_at').first()
      if (!user) return undefined
      const now = new Date().toISOString()
      // Recording use at most once a minute keeps a busy integration from writing on every call.
      if (!row.last_used_at || Date.parse(now) - Date.parse(row.last_used_at) > 60_000) await db('api_tokens').where({ id: row.id }).update({ last_used_at: now })
      return user
    },

    async revokeAll(userId: number, ctx: ActorContext): Promise<number> {
      return db.transaction(async trx => {
        const n = await trx('api_tokens').where({ user_id: userId }).whereNull('revoked_at').update({ revoked_at: new Date().toISOString() })
        if (n) await audit.append(trx, { type: 'API_TOKEN_REVOKED', actor: auditActor(ctx), target: `user:${userId}`, requestId: ctx.requestId, data: { tokens: n } })
        return n
      })
    },
  }
}

export type ApiTokenService = ReturnType<typeof createApiTokenService>
