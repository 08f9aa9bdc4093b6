import { Router, type Request, type Response } from 'express'
import { rateLimit } from 'express-rate-limit'
import { z } from 'zod'
import { MIN_PASSWORD_LENGTH } from '../../auth/passwords'
import { notFound } from '../../errors'
import { actorOf } from '../../middleware/authentication'
import { rotateCsrfToken } from '../../middleware/csrf'
import type { Services } from '../../services'
import { normaliseEmail, ValidationError } from '../../services/userService'

const loginSchema = z.object({
  email: z.string().trim().min(1, 'Enter your email address').max(254),
  password: z.string().min(1, 'Enter your password').max(256),
})

/** Only paths on this site: a returnTo must never send someone elsewhere after they sign in. */
export function safeReturnTo(value: unknown): string {
  return typeof value === 'string' && /^\/(?![/\\])[^\s]*$/.test(value) && !value.startsWith('/login') ? value : '/'
}

function regenerate(req: Request): Promise<void> {
  return new Promise((resolve, reject) => req.session.regenerate(err => (err ? reject(err) : resolve())))
}
function save(req: Request): Promise<void> {
  return new Promise((resolve, reject) => req.session.save(err => (err ? reject(err) : resolve())))
}

// Capped at an email's longest legal length: a key is kept in memory for the whole window.
const accountKey = (email: string) => `account:${normaliseEmail(email).slice(0, 254)}`
const emailOf = (req: Request) => String((req.body as Record<string, unknown> | undefined)?.email ?? '')

export function authRoutes(services: Services, options: { loginAttemptsPerIpPer15Min: number; loginAttemptsPerAccount?: number }): Router {
  const router = Router()
  const { users } = services
  const { maxFailures, lockMinutes } = users.loginPolicy
  // The same words for a wrong password, an unknown email and a locked account, so the answer does not
  // tell which emails have accounts. A locked-out person learns the rule here and from an administrator.
  const signInFailed = `The email address or password is not right. After ${maxFailures} failed sign-ins in a row an account is locked for ${lockMinutes} minutes; an administrator can unlock it sooner.`
  const tooMany = (message: string) => (_req: Request, res: Response) => {
    res.status(429).render('pages/auth/login', { pageTitle: 'Error: Sign in', values: {}, errors: { _form: message }, returnTo: '/' })
  }

  // Per-address throttle in front of the per-account lockout: slows spraying many accounts from one place.
  const loginLimiter = rateLimit({
    windowMs: 15 * 60_000,
    limit: options.loginAttemptsPerIpPer15Min,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: tooMany('Too many sign-in attempts from this address. Wait 15 minutes and try again.'),
  })

  // Per-account throttle, keyed on the email typed (known or not, so it reveals nothing) and never on the
  // client address, which X-Forwarded-For can change on every try when TRUST_PROXY is true. It bounds the
  // guesses (and argon2 work) aimed at one account whatever address they come from. It cannot keep
  // someone out longer than the lockout already can: its window is the lock's length and starts at the
  // first try at that email, so no later than a lock would; successes are not counted; and an
  // administrator's unlock in this process clears it with the lock (`vet users enable`, another process,
  // clears only the lock, and this window then ends within LOGIN_LOCK_MINUTES anyway).
  const accountLimiter = rateLimit({
    windowMs: lockMinutes * 60_000,
    limit: options.loginAttemptsPerAccount ?? 2 * maxFailures,
    skipSuccessfulRequests: true,
    skip: req => emailOf(req).trim() === '',
    keyGenerator: req => accountKey(emailOf(req)),
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: tooMany(`Too many sign-in attempts for this email address. Wait ${lockMinutes} minutes and try again, or ask an administrator.`),
  })
  users.onLockCleared(email => void accountLimiter.resetKey(accountKey(email)))

  router.get('/setup', async (req, res) => {
    if (!(await users.needsSetup())) throw notFound()
    res.render('pages/auth/setup', { pageTitle: 'Set up Vetting Desk', values: {}, errors: {}, minLength: MIN_PASSWORD_LENGTH })
  })

  router.post('/setup', async (req, res) => {
    if (!(await users.needsSetup())) throw notFound()
    const body = req.body as Record<string, string | undefined>
    const values = { email: body.email ?? '', displayName: body.displayName ?? '' }
    const errors: Record<string, string> = {}
    if ((body.password ?? '') !== (body.confirmPassword ?? '')) errors.confirmPassword = 'The passwords do not match'
    try {
      if (Object.keys(errors).length) throw new ValidationError(errors)
      const admin = await users.setUpFirstAdmin({ email: values.email, displayName: values.displayName, password: body.password ?? '' }, actorOf(req, res))
      await regenerate(req)
      req.session.userId = admin.id
      req.session.signedInAt = Date.now()
      req.session.flash = { kind: 'success', message: 'Your administrator account is ready. Add your colleagues on the Users page.' }
      await save(req)
      res.redirect(303, '/')
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error
      res.status(400).render('pages/auth/setup', {
        pageTitle: 'Error: Set up Vetting Desk',
        values,
        errors: { ...error.fieldErrors, ...errors },
        minLength: MIN_PASSWORD_LENGTH,
      })
    }
  })

  router.get('/login', async (req, res) => {
    if (await users.needsSetup()) return res.redirect(302, '/setup')
    if (req.currentUser) return res.redirect(302, safeReturnTo(req.query.returnTo))
    res.render('pages/auth/login', { pageTitle: 'Sign in', values: {}, errors: {}, returnTo: safeReturnTo(req.query.returnTo) })
  })

  router.post('/login', loginLimiter, accountLimiter, async (req, res) => {
    const body = req.body as Record<string, string | undefined>
    const returnTo = safeReturnTo(body.returnTo)
    const parsed = loginSchema.safeParse(body)
    const renderError = (status: number, errors: Record<string, string>) =>
      res.status(status).render('pages/auth/login', { pageTitle: 'Error: Sign in', values: { email: body.email ?? '' }, errors, returnTo })
    if (!parsed.success) {
      const errors: Record<string, string> = {}
      for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message
      return renderError(400, errors)
    }
    const result = await users.signIn(parsed.data.email, parsed.data.password, actorOf(req, res))
    if (!result.ok) return renderError(401, { _form: signInFailed })
    // A new session id at sign-in: an id planted before sign-in (session fixation) is worth nothing after.
    await regenerate(req)
    req.session.userId = result.user.id
    req.session.signedInAt = Date.now()
    rotateCsrfToken(req)
    await save(req)
    res.redirect(303, returnTo)
  })

  router.get('/logout', (req, res) => {
    if (!req.currentUser) return res.redirect(302, '/login')
    res.render('pages/auth/logout', { pageTitle: 'Sign out' })
  })

  router.post('/logout', async (req, res) => {
    if (req.currentUser) await users.recordSignOut(actorOf(req, res))
    await new Promise<void>(resolve => req.session.destroy(() => resolve()))
    res.clearCookie('vd.sid', { path: '/' })
    res.redirect(303, '/login')
  })

  return router
}
