import path from 'node:path'
import type { Knex } from 'knex'
import type { Config } from '../config'
import { createAuditRepository } from '../db/repositories/auditRepository'
import { resolveAuditKey } from '../auditKeys'
import { createCaseRepository } from '../db/repositories/caseRepository'
import { createEvidenceRepository } from '../db/repositories/evidenceRepository'
import { createImportJobRepository } from '../db/repositories/importJobRepository'
import { createSubjectRepository } from '../db/repositories/subjectRepository'
import { createUserRepository } from '../db/repositories/userRepository'
import { ExtractionPool } from '../extract/extractionPool'
import { extractFile } from '../ingest/extractFile'
import { createBlobStore } from '../ingest/blobStore'
import { createApiTokenService } from './apiTokenService'
import { createAtsMappingService } from './atsMappingService'
import { createAuditService } from './auditService'
import { createExportService } from './exportService'
import { createChecklistService } from './checklistService'
import { createReportService } from './reportService'
import { createCaseService } from './caseService'
import { createJobService } from './jobService'
import { createRescreenService } from './rescreenService'
import { createIndicatorService } from './indicatorService'
import { createImportJobService } from './importJobService'
import { createIngestService } from './ingestService'
import { createRecordService } from './recordService'
import { createScoringService } from './scoringService'
import { createSignInLogService } from './signInLogService'
import { createSanctionsReviewService } from './sanctionsReviewService'
import { createLinkService } from './linkService'
import { createErasureService } from './erasureService'
import { createSubjectExportService } from './subjectExportService'
import { forgetReferenceData, referenceDataFor } from '../refdata/load'
import { createUserService } from './userService'
import { createAccessLogFeedService } from './accessLogFeedService'
import { createRetentionService } from './retentionService'
import type { RetentionPolicy } from '../privacy/retention'

export interface ServiceOptions {
  login: Config['login']
  /** where uploaded bytes are kept (DATA_DIR/blobs) */
  dataDir: string
  /** AUDIT_KEY; when unset the key is kept in DATA_DIR/audit-key */
  auditKey?: string | undefined
  /** ACCESS_LOG_DIR and ACCESS_LOG_POLL_SECONDS: the watched folder of sign-in logs (off without a dir) */
  accessLogs?: { dir: string | undefined; pollSeconds: number; settleMs?: number }
  /** RETENTION_<OUTCOME>_DAYS over the defaults of src/privacy/retention.ts */
  retention?: Partial<RetentionPolicy>
}

/** Composition root: repositories → services. No I/O happens here; worker threads start on first use. */
export function createServices(db: Knex, options: ServiceOptions, hooks: { endSessions?: (userId: number) => Promise<void> } = {}) {
  const audit = createAuditRepository({ key: () => resolveAuditKey(options) })
  const users = createUserRepository()
  const cases = createCaseRepository()
  const subjects = createSubjectRepository()
  const evidence = createEvidenceRepository()
  let pool: ExtractionPool | undefined
  const getPool = () => (pool ??= new ExtractionPool())
  const blobs = createBlobStore(path.join(options.dataDir, 'blobs'))
  const referenceData = () => referenceDataFor(options.dataDir)
  const links = createLinkService({ evidence, audit, blobs, referenceData, photos: data => getPool().photo(data) })
  const scoring = createScoringService({ cases, evidence, audit, referenceData, links: () => links, shared: () => indicators })
  const atsMappings = createAtsMappingService({ db, audit })
  const ingest = createIngestService({ db, cases, subjects, evidence, audit, scoring, blobs, pool: getPool })
  const exportService = createExportService({ db, cases, evidence, audit, links })
  const reports = createReportService({ db, audit, evidence, blobs, links, exports: exportService })
  const jobs = createJobService(db)
  const rescreen = createRescreenService({ db, evidence, jobs, scoring: () => scoring, referenceData, reload: () => forgetReferenceData(options.dataDir) })
  // Scoring reads shared indicators lazily (the indicator service re-scores through scoring in turn).
  const indicators = createIndicatorService({ db, audit, jobs, scoring: () => scoring, dataDir: options.dataDir })
  const imports = createImportJobService({ db, jobs: createImportJobRepository(), ingest, audit, atsMappings, queue: jobs, dir: path.join(options.dataDir, 'imports') })
  const erasure = createErasureService({ db, audit, dataDir: options.dataDir })
  const accessLogFeed = createAccessLogFeedService({ db, evidence, audit, blobs, ingest, jobs, dir: options.accessLogs?.dir, pollSeconds: options.accessLogs?.pollSeconds, settleMs: options.accessLogs?.settleMs })
  for (const h of accessLogFeed.handlers) jobs.register(h)
  const retention = createRetentionService({ db, audit, erasure, jobs, policy: options.retention, indicators })
  jobs.register(retention.handler)
  return {
    db,
    audit,
    auditTrail: createAuditService({ db, audit }),
    exports: exportService,
    reports,
    erasure,
    /** sign-in logs arriving by API or watched folder (issue 16) */
    accessLogFeed,
    /** the retention policy and its daily run (issue 17) */
    retention,
    subjectExport: createSubjectExportService({ db, audit, blobs, links, reports }),
    checklists: createChecklistService({ db, audit, evidence, scoring, blobs }),
    evidence,
    users: createUserService({ db, users, audit, login: options.login, ...(hooks.endSessions ? { endSessions: hooks.endSessions } : {}) }),
    cases: createCaseService({ db, cases, subjects, evidence, audit, scoring, blobs, extract: (name, data) => extractFile(name, data, getPool()) }),
    sanctions: createSanctionsReviewService({ db, audit }),
    links,
    /** where uploads wait, on disk and private, while their request (or the import it starts) reads them */
    uploadDir: path.join(options.dataDir, 'tmp', 'uploads'),
    referenceData: scoring.referenceData,
    scoring,
    ingest,
    imports,
    /** durable background work: handlers are registered here, the server starts the runner */
    jobs,
    indicators,
    rescreen,
    atsMappings,
    apiTokens: createApiTokenService({ db, audit }),
    records: createRecordService({ db, cases, subjects, evidence, audit, ingest, scoring }),
    signInLogs: createSignInLogService({ db, evidence, audit, scoring }),
    /** Let running imports finish, then stop background workers (tests and shutdown). */
    async close() {
      await jobs.stop()
      await imports.drain()
      await pool?.close()
      pool = undefined
    },
  }
}

export type Services = ReturnType<typeof createServices>
