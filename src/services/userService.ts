import type { Knex } from 'knex'
import { z } from 'zod'
import { dummyPasswordHash, hashPassword, passwordProblem, verifyPassword } from '../auth/passwords'
import { ROLES } from '../auth/roles'
import type { AuditRepository } from '../db/repositories/auditRepository'
import type { UserRepository, UserRow } from '../db/repositories/userRepository'
import { conflict, notFound } from '../errors'
import { auditActor, type ActorContext } from './context'

export const newUserSchema = z.object({
  email: z.email({ error: 'Enter an email address like name@example.com' }).max(254).transform(e => e.toLowerCase()),
  displayName: z.string().trim().min(1, 'Enter a name').max(200, 'Enter a name of at most 200 characters'),
  role: z.enum(ROLES, { error: `Choose a role: ${ROLES.join(', ')}` }),
  password: z.string().superRefine((p, ctx) => {
    const problem = passwordProblem(p)
    if (problem) ctx.addIssue({ code: 'custom', message: problem })
  }),
})
export type NewUserInput = z.input<typeof newUserSchema>

export type SignInResult =
  | { ok: true; user: UserRow }
  | { ok: false; reason: 'invalid' | 'locked' | 'disabled' }

export interface UserServiceDeps {
  db: Knex
  users: UserRepository
  audit: AuditRepository
  login: { maxFailures: number; lockMinutes: number }
  /** ends all sessions of a user; the session store provides it */
  endSessions?: (userId: number) => Promise<void>
}

export class ValidationError extends Error {
  constructor(readonly fieldErrors: Record<string, string>) {
    super('Invalid input')
    this.name = 'ValidationError'
  }
}

export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {}
  for (const issue of error.issues) {
    const key = issue.path.join('.') || '_form'
    out[key] ??= issue.message
  }
  return out
}

export function createUserService(deps: UserServiceDeps) {
  const { db, users, audit } = deps

  async function create(input: NewUserInput | Record<string, unknown>, ctx: ActorContext, opts: { setup?: boolean } = {}): Promise<UserRow> {
    const parsed = newUserSchema.safeParse(input)
    if (!parsed.success) throw new ValidationError(fieldErrorsOf(parsed.error))
    const { email, displayName, role, password } = parsed.data
    const passwordHash = await hashPassword(password)
    return db.transaction(async trx => {
      if (opts.setup && (await users.count(trx)) > 0) throw notFound()
      if (await users.findByEmail(trx, email)) {
        throw new ValidationError({ email: 'A user with this email address already exists' })
      }
      const now = new Date().toISOString()
      const id = await users.insert(trx, { email, display_name: displayName, role, password_hash: passwordHash, created_by: ctx.userId }, now)
      const actor = opts.setup ? { userId: id, role } : auditActor(ctx)
      if (opts.setup) {
        await audit.append(trx, { type: 'SETUP_COMPLETED', actor, target: `user:${id}`, requestId: ctx.requestId })
      }
      await audit.append(trx, {
        type: 'USER_CREATED',
        actor,
        target: `user:${id}`,
        requestId: ctx.requestId,
        data: { after: { role, disabled: false } },
      })
      return (await users.findById(trx, id))!
    })
  }

  async function setEnabled(userId: number, enabled: boolean, ctx: ActorContext): Promise<void> {
    if (userId === ctx.userId && !enabled) throw conflict('self_disable', 'You cannot disable your own account')
    await db.transaction(async trx => {
      const user = await users.findById(trx, userId)
      if (!user) throw notFound('No such user')
      const isDisabled = user.disabled_at !== null
      if (isDisabled === !enabled) return
      await users.update(trx, userId, enabled ? { disabled_at: null, failed_logins: 0, locked_until: null } : { disabled_at: new Date().toISOString() })
      await audit.append(trx, {
        type: enabled ? 'USER_ENABLED' : 'USER_DISABLED',
        actor: auditActor(ctx),
        target: `user:${userId}`,
        requestId: ctx.requestId,
        data: { before: { disabled: isDisabled }, after: { disabled: !enabled } },
      })
    })
    if (!enabled) await deps.endSessions?.(userId)
  }

  async function unlock(userId: number, ctx: ActorContext): Promise<void> {
    await db.transaction(async trx => {
      const user = await users.findById(trx, userId)
      if (!user) throw notFound('No such user')
      if (!user.locked_until && user.failed_logins === 0) return
      await users.update(trx, userId, { locked_until: null, failed_logins: 0 })
      await audit.append(trx, {
        type: 'USER_UNLOCKED',
        actor: auditActor(ctx),
        target: `user:${userId}`,
        requestId: ctx.requestId,
        data: { before: { lockedUntil: user.locked_until, failures: user.failed_logins }, after: { lockedUntil: null, failures: 0 } },
      })
    })
  }

  return {
    create,
    setEnabled,
    unlock,
    list: () => users.list(db),
    findById: (id: number) => users.findById(db, id),
    findByEmail: (email: string) => users.findByEmail(db, email),
    needsSetup: async () => (await users.count(db)) === 0,

    /** First run only: creates the admin while no user exists; afterwards behaves as not found. */
    setUpFirstAdmin: (input: Omit<NewUserInput, 'role'>, ctx: ActorContext) => create({ ...input, role: 'admin' }, ctx, { setup: true }),

    /**
     * Check a password, counting failures per account: after `maxFailures` in a row the account is
     * locked for `lockMinutes`, whatever password comes next. Unknown emails take as long as known ones.
     */
    async signIn(email: string, password: string, ctx: ActorContext, now = new Date()): Promise<SignInResult> {
      const user = await users.findByEmail(db, email.trim())
      if (!user) {
        await verifyPassword(await dummyPasswordHash(), password)
        return { ok: false, reason: 'invalid' }
      }
      if (user.locked_until && user.locked_until > now.toISOString()) {
        return { ok: false, reason: 'locked' }
      }
      const valid = await verifyPassword(user.password_hash, password)
      if (valid && user.disabled_at) return { ok: false, reason: 'disabled' }
      return db.transaction(async trx => {
        const target = `user:${user.id}`
        if (valid) {
          await users.update(trx, user.id, { failed_logins: 0, locked_until: null, last_login_at: now.toISOString() })
          await audit.append(trx, { type: 'USER_SIGNED_IN', actor: { userId: user.id, role: user.role }, target, requestId: ctx.requestId }, now)
          return { ok: true as const, user }
        }
        // A lock that has run out starts a fresh count.
        const previous = user.locked_until ? 0 : user.failed_logins
        const failures = previous + 1
        const lock = failures >= deps.login.maxFailures
        await users.update(trx, user.id, {
          failed_logins: lock ? 0 : failures,
          locked_until: lock ? new Date(now.getTime() + deps.login.lockMinutes * 60_000).toISOString() : null,
        })
        await audit.append(trx, { type: lock ? 'USER_LOCKED_OUT' : 'USER_SIGN_IN_FAILED', actor: { userId: null, role: null }, target, requestId: ctx.requestId, data: { failures } }, now)
        return { ok: false as const, reason: lock ? ('locked' as const) : ('invalid' as const) }
      })
    },

    async recordSignOut(ctx: ActorContext): Promise<void> {
      await db.transaction(trx => audit.append(trx, { type: 'USER_SIGNED_OUT', actor: auditActor(ctx), target: `user:${ctx.userId}`, requestId: ctx.requestId }))
    },
  }
}

export type UserService = ReturnType<typeof createUserService>
