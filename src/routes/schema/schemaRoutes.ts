import { Router } from 'express'
import { applicationJsonSchema } from '../../ingest/applicationFormat'

/** The application format as JSON Schema, for ATS integrations and API clients. It holds no data, so no sign-in. */
export function schemaRoutes(): Router {
  const router = Router()
  const schema = JSON.stringify(applicationJsonSchema(), null, 2)
  router.get('/schema/application.json', (_req, res) => {
    res.type('application/schema+json').setHeader('Cache-Control', 'public, max-age=3600')
    res.send(schema)
  })
  return router
}
