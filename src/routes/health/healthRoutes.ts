import { Router } from 'express'
import type { Knex } from 'knex'
import { dbClient } from '../../db/knex'
import { version } from '../../version'

/** Liveness and readiness for load balancers: no auth, no secrets, no counts. */
export function healthRoutes(db: Knex): Router {
  const router = Router()
  router.get('/healthz', async (_req, res) => {
    let database: 'up' | 'down' = 'up'
    try {
      await db.raw('select 1')
    } catch {
      database = 'down'
    }
    res.status(database === 'up' ? 200 : 503).json({
      status: database === 'up' ? 'ok' : 'unavailable',
      database: { reachable: database === 'up', client: dbClient(db) },
      version,
    })
  })
  return router
}
