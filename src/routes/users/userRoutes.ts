import { Router } from 'express'
import { z } from 'zod'
import { MIN_PASSWORD_LENGTH } from '../../auth/passwords'
import { ROLE_LABELS, ROLES } from '../../auth/roles'
import { notFound } from '../../errors'
import { actorOf, requirePermission } from '../../middleware/authentication'
import { formatDateTime } from '../../presenters/format'
import type { Services } from '../../services'
import { ValidationError } from '../../services/userService'
import type { UserRow } from '../../db/repositories/userRepository'

const idParam = z.coerce.number().int().positive()

function presentUser(u: UserRow, now: string) {
  return {
    id: u.id,
    email: u.email,
    displayName: u.display_name,
    role: ROLE_LABELS[u.role],
    disabled: u.disabled_at !== null,
    locked: u.locked_until !== null && u.locked_until > now,
    lastLogin: formatDateTime(u.last_login_at) || 'Never',
  }
}

export function userRoutes(services: Services): Router {
  const router = Router()
  const { users } = services
  const guard = requirePermission('users:manage')
  const roles = ROLES.map(r => ({ value: r, label: ROLE_LABELS[r] }))

  async function renderPage(req: import('express').Request, res: import('express').Response, status = 200, form = { values: {} as Record<string, string>, errors: {} as Record<string, string> }) {
    const now = new Date().toISOString()
    const flash = req.session.flash
    delete req.session.flash
    res.status(status).render('pages/users/index', {
      pageTitle: Object.keys(form.errors).length ? 'Error: Users' : 'Users',
      users: (await users.list()).map(u => presentUser(u, now)),
      roles,
      minLength: MIN_PASSWORD_LENGTH,
      selfId: req.currentUser!.id,
      flash,
      ...form,
    })
  }

  router.get('/users', guard, (req, res) => renderPage(req, res))

  router.post('/users', guard, async (req, res) => {
    const body = req.body as Record<string, string>
    const values = { email: body.email ?? '', displayName: body.displayName ?? '', role: body.role ?? '' }
    try {
      await users.create({ ...values, password: body.password ?? '' }, actorOf(req, res))
      req.session.flash = { kind: 'success', message: `Account created for ${values.email}` }
      res.redirect(303, '/users')
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error
      await renderPage(req, res, 400, { values, errors: error.fieldErrors })
    }
  })

  for (const [path, enabled] of [['disable', false], ['enable', true]] as const) {
    router.post(`/users/:id/${path}`, guard, async (req, res) => {
      const id = idParam.safeParse(req.params.id)
      if (!id.success) throw notFound('No such user')
      await users.setEnabled(id.data, enabled, actorOf(req, res))
      req.session.flash = { kind: 'success', message: enabled ? 'Account enabled' : 'Account disabled and signed out' }
      res.redirect(303, '/users')
    })
  }

  router.post('/users/:id/unlock', guard, async (req, res) => {
    const id = idParam.safeParse(req.params.id)
    if (!id.success) throw notFound('No such user')
    await users.unlock(id.data, actorOf(req, res))
    req.session.flash = { kind: 'success', message: 'Account unlocked' }
    res.redirect(303, '/users')
  })

  return router
}
