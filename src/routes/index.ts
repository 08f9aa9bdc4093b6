import { Router } from 'express'
import type { Services } from '../services'
import { authRoutes } from './auth/authRoutes'
import { caseRoutes } from './cases/caseRoutes'
import { recordRoutes } from './cases/recordRoutes'
import { sensitiveRevealRoutes } from './cases/sensitiveReveal'
import { dashboardRoutes } from './dashboard/dashboardRoutes'
import { documentRoutes } from './documents/documentRoutes'
import { importRoutes } from './imports/importRoutes'
import { mappingRoutes } from './imports/mappingRoutes'
import { userRoutes } from './users/userRoutes'
import { ruleRoutes } from './rules/ruleRoutes'
import { sanctionsRoutes } from './sanctions/sanctionsRoutes'
import { linkRoutes } from './links/linkRoutes'
import { indicatorRoutes } from './indicators/indicatorRoutes'
import { auditRoutes } from './audit/auditRoutes'
import { exportRoutes } from './exports/exportRoutes'
import { checklistRoutes } from './checklists/checklistRoutes'
import { workRoutes } from './work/workRoutes'
import { erasureRoutes } from './cases/erasureRoutes'
import { retentionRoutes } from './admin/retentionRoutes'

/** The site map. Each area router checks permissions on each of its routes. */
export function routes(services: Services, options: { loginAttemptsPerIpPer15Min: number }): Router {
  const router = Router()
  router.use(authRoutes(services, options))
  router.use(workRoutes(services)) // `/` is each role's queue: before the dashboard
  router.use(dashboardRoutes(services))
  router.use(exportRoutes(services))
  router.use(caseRoutes(services))
  router.use(documentRoutes(services))
  router.use(recordRoutes(services))
  router.use(sensitiveRevealRoutes(services))
  router.use(mappingRoutes(services))
  router.use(importRoutes(services))
  router.use(userRoutes(services))
  router.use(sanctionsRoutes(services))
  router.use(linkRoutes(services))
  router.use(indicatorRoutes(services))
  router.use(ruleRoutes(services))
  router.use(auditRoutes(services))
  router.use(checklistRoutes(services))
  router.use(erasureRoutes(services))
  router.use(retentionRoutes(services))
  return router
}
