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

/** The one spelling of an email used for look-ups and per-account limits. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase()
}

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
  // Told (after commit) when an administrator clears a lockout, so in-memory sign-in limits can forget it too.
  const lockClearedListeners: ((email: string) => void)[] = []
  const lockCleared = (email: string) => lockClearedListeners.forEach(listener => listener(email))

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
    const cleared = await db.transaction(async trx => {
      const user = await users.findById(trx, userId)
      if (!user) throw notFound('No such user')
      const isDisabled = user.disabled_at !== null
      // Enabling means "let this person sign in again", so it also clears a lockout, even on an account
      // that was never disabled (`vet users enable` is the command-line way to unlock).
      const hasLockout = user.locked_until !== null || user.failed_logins > 0
      const clearLockout = enabled && hasLockout
      if (isDisabled === !enabled && !clearLockout) return null
      await users.update(trx, userId, enabled ? { disabled_at: null, failed_logins: 0, locked_until: null } : { disabled_at: new Date().toISOString() })
      if (isDisabled !== !enabled) {
        await audit.append(trx, {
          type: enabled ? 'USER_ENABLED' : 'USER_DISABLED',
          actor: auditActor(ctx),
          target: `user:${userId}`,
          requestId: ctx.requestId,
          data: { before: { disabled: isDisabled }, after: { disabled: !enabled } },
        })
      }
      if (clearLockout) {
        await audit.append(trx, {
          type: 'USER_UNLOCKED',
          actor: auditActor(ctx),
          target: `user:${userId}`,
          requestId: ctx.requestId,
          data: { before: { lockedUntil: user.locked_until, failures: user.failed_logins }, after: { lockedUntil: null, failures: 0 } },
        })
      }
      return clearLockout ? user.email : null
    })
    if (cleared) lockCleared(cleared)
    if (!enabled) await deps.endSessions?.(userId)
  }

  async function unlock(userId: number, ctx: ActorContext): Promise<void> {
    const email = await db.transaction(async trx => {
      const user = await users.findById(trx, userId)
      if (!user) throw notFound('No such user')
      if (!user.locked_until && user.failed_logins === 0) return null
      await users.update(trx, userId, { locked_until: null, failed_logins: 0 })
      await audit.append(trx, {
        type: 'USER_UNLOCKED',
        actor: auditActor(ctx),
        target: `user:${userId}`,
        requestId: ctx.requestId,
        data: { before: { lockedUntil: user.locked_until, failures: user.failed_logins }, after: { lockedUntil: null, failures: 0 } },
      })
      return user.email
    })
    if (email) lockCleared(email)
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

    /** Failed sign-ins in a row before a lock, and its length: the sign-in page states them. */
    loginPolicy: { ...deps.login },
    /** Called with the account's email after an administrator clears its lockout (unlock or enable). */
    onLockCleared(listener: (email: string) => void): void {
      lockClearedListeners.push(listener)
    },

    /**
     * Check a password, counting failures per account: after `maxFailures` in a row the account is
     * locked for `lockMinutes`, whatever password comes next.
     *
     * Every call runs exactly one argon2 verification (against a fixed hash for an unknown email) before
     * it looks at the lock, so an unknown, a locked and an ordinary account take the same time. The lock
     * is then decided by conditional UPDATEs on the row as it is now, never by the row read before the
     * (slow) verification: concurrent attempts cannot slip past a lock that another one just set.
     */
    async signIn(email: string, password: string, ctx: ActorContext, now = new Date()): Promise<SignInResult> {
      const user = await users.findByEmail(db, normaliseEmail(email))
      const valid = await verifyPassword(user?.password_hash ?? (await dummyPasswordHash()), password)
      if (!user) return { ok: false, reason: 'invalid' }
      const at = now.toISOString()
      const target = `user:${user.id}`
      return db.transaction(async (trx): Promise<SignInResult> => {
        if (valid) {
          if (!(await users.recordSignIn(trx, user.id, at))) {
            const current = await users.findById(trx, user.id)
            return { ok: false, reason: current?.disabled_at ? 'disabled' : 'locked' }
          }
          await audit.append(trx, { type: 'USER_SIGNED_IN', actor: { userId: user.id, role: user.role }, target, requestId: ctx.requestId }, now)
          return { ok: true, user }
        }
        const lockUntil = new Date(now.getTime() + deps.login.lockMinutes * 60_000).toISOString()
        const counted = await users.countFailedSignIn(trx, user.id, { now: at, lockUntil, maxFailures: deps.login.maxFailures })
        // Already locked: not counted and not audited again, so guessing during a lock cannot extend it.
        if (!counted) return { ok: false, reason: 'locked' }
        // Re-read inside the transaction: the row is ours until commit (PostgreSQL row lock, SQLite's one writer).
        const after = (await users.findById(trx, user.id))!
        const locked = after.locked_until !== null && after.locked_until > at
        await audit.append(trx, { type: locked ? 'USER_LOCKED_OUT' : 'USER_SIGN_IN_FAILED', actor: { userId: null, role: null }, target, requestId: ctx.requestId, data: { failures: after.failed_logins } }, now)
        return { ok: false, reason: locked ? 'locked' : 'invalid' }
      })
    },

    async recordSignOut(ctx: ActorContext): Promise<void> {
      await db.transaction(trx => audit.append(trx, { type: 'USER_SIGNED_OUT', actor: auditActor(ctx), target: `user:${ctx.userId}`, requestId: ctx.requestId }))
    },
  }
}

export type UserService = ReturnType<typeof createUserService>
