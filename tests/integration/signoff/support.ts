import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Writable } from 'node:stream'
import type { Express } from 'express'
import knexFactory, { type Knex } from 'knex'
import { createApp } from '../../../src/app'
import type { Role } from '../../../src/auth/roles'
import { createKnex, sqliteFileIn } from '../../../src/db/knex'
import { migrateLatest } from '../../../src/db/migrate'
import { KnexSessionStore } from '../../../src/db/sessionStore'
import { createLogger } from '../../../src/logger'
import { createServices, type Services } from '../../../src/services'
import type { Decision } from '../../../src/services/checklistService'
import type { ActorContext } from '../../../src/services/context'

/**
 * One database shared by several app instances, as two servers behind a load balancer share it: the
 * SQLite file in DATA_DIR (each instance its own connection), or a PostgreSQL schema of its own (each
 * instance its own pool). `env` points the CLI and spawned servers at the same database.
 */
export interface Instance {
  app: Express
  services: Services
  db: Knex
}

export interface SharedDatabase {
  client: 'sqlite3' | 'pg'
  dataDir: string
  env: NodeJS.ProcessEnv
  instance: () => Instance
  close: () => Promise<void>
}

export async function createSharedDatabase(): Promise<SharedDatabase> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vd-signoff-'))
  const url = process.env.DATABASE_URL
  const schema = `t_${crypto.randomBytes(6).toString('hex')}`
  let admin: Knex | undefined
  if (url) {
    admin = knexFactory({ client: 'pg', connection: url, pool: { min: 0, max: 1 } })
    await admin.raw(`CREATE SCHEMA "${schema}"`)
  }
  const open = () => (url ? createKnex({ databaseUrl: url, pgSchema: schema }) : createKnex({ sqliteFile: sqliteFileIn(dataDir) }))
  const opened: Array<{ db: Knex; services: Services; store: KnexSessionStore }> = []
  const first = open()
  await migrateLatest(first)
  let firstUsed = false
  const instance = (): Instance => {
    const db = firstUsed ? open() : first
    firstUsed = true
    const store = new KnexSessionStore(db, 30 * 60_000)
    const services = createServices(db, { login: { maxFailures: 50, lockMinutes: 15 }, dataDir }, { endSessions: id => store.destroyForUser(id) })
    const app = createApp({
      config: { production: false, trustProxy: false, sessionIdleMinutes: 30 },
      services,
      sessionStore: store,
      sessionSecret: 'test-secret-test-secret-test-secret-0123',
      logger: createLogger('silent', new Writable({ write: (_c, _e, cb) => cb() })),
      loginAttemptsPerIpPer15Min: 1000,
    })
    opened.push({ db, services, store })
    return { app, services, db }
  }
  let env: NodeJS.ProcessEnv = { DATA_DIR: dataDir }
  if (url) {
    // The CLI and servers take only DATABASE_URL: the schema rides along as a connection option.
    const u = new URL(url)
    u.searchParams.set('options', `-c search_path=${schema}`)
    env = { DATA_DIR: dataDir, DATABASE_URL: u.toString() }
  }
  return {
    client: url ? 'pg' : 'sqlite3',
    dataDir,
    env,
    instance,
    close: async () => {
      for (const o of opened) {
        o.store.close()
        await o.services.close()
      }
      for (const o of opened) await o.db.destroy()
      if (!firstUsed) await first.destroy()
      if (admin) {
        await admin.raw(`DROP SCHEMA "${schema}" CASCADE`)
        await admin.destroy()
      }
      fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

export const as = (userId: number, role: Role): ActorContext => ({ userId, role, requestId: null })

import { application } from '../../support/applications'
export { application, importCase } from '../../support/applications'

/** A contractor sharing a reference phone and a mail-drop shipping address with everyone else made by `ringMember`. */
export const ringMember = (externalId: string, name: string, extra: Record<string, unknown> = {}) =>
  application({
    format: 'vetting/application@1',
    source: 'greenhouse',
    external_id: externalId,
    kind: 'contractor',
    person: { full_name: name, email: `${externalId.toLowerCase()}@example.org`, address: { line1: `${externalId.replace(/\D/g, '')}7 Oak St Apt 4`, city: 'Chicago', postal_code: '60601', country: 'US' } },
    logistics: { shipping_address: { line1: '85 Garden Pkwy PMB 301', city: 'Nashua', postal_code: '03060', country: 'US' } },
    references: [{ name: 'Alan Price', phone: '+1 646 555 0123' }],
    ...extra,
  })


/** Bring a case to "in review" with every required item closed and every serious finding disposed of. */
export async function makeReady(services: Services, caseId: string, preparer: ActorContext): Promise<void> {
  await services.db.transaction(trx => services.checklists.ensure(trx, caseId, preparer))
  const items = (await services.db('checklist_items').where({ case_id: caseId, status: 'open' }).select('id', 'required')) as Array<{ id: number; required: boolean | number }>
  for (const i of items) if (i.required) await services.checklists.act(caseId, i.id, { action: 'done', note: 'Checked on a live call with the ID' }, { ...preparer, role: preparer.role! })
  const serious = (await services.db('findings').where({ case_id: caseId, status: 'flag' }).whereNull('superseded_at').whereIn('severity', ['high', 'critical']).select('rule_id')) as Array<{ rule_id: string }>
  for (const f of serious) await services.checklists.dispose(caseId, f.rule_id, 'Asked the applicant; the explanation was checked against the ID', preparer)
  await services.cases.transition(caseId, 'submit_for_review', preparer)
}

export async function decide(services: Services, caseId: string, decision: Exclude<Decision, 'escalate'>, preparer: ActorContext, manager: ActorContext): Promise<void> {
  await makeReady(services, caseId, preparer)
  await services.checklists.signOff(caseId, { decision, statement: decision === 'approve' ? 'Identity and history verified; approved' : 'Identity not established; rejected' }, manager)
}

/** Audit events that only record someone reading. */
export const READ_EVENTS = ['CASE_VIEWED', 'DOCUMENT_DOWNLOADED', 'DATA_EXPORTED', 'SUBJECT_EXPORTED', 'SENSITIVE_REVEALED']

/**
 * Everything a revision consists of, as stored: the case row, its subject, facts, documents, findings,
 * checklist, dispositions, sanctions reviews, links and link index, watch list entries, sign-offs, and
 * audit events about it other than reads. Two calls compare equal when nothing about it changed.
 */
export async function stateOf(db: Knex, caseId: string, options: { ignoreIsCurrent?: boolean } = {}) {
  const c = (await db('cases').where({ id: caseId }).first()) as Record<string, unknown>
  if (options.ignoreIsCurrent) delete c.is_current
  const rows = (table: string, column = 'case_id') => db(table).where(column, caseId).orderBy('id')
  return {
    case: c,
    subject: await db('subjects').where({ id: c.subject_id }).first(),
    facts: await rows('facts'),
    documents: await db('documents').where({ case_id: caseId }).orderBy('id').select('id', 'sha256', 'kind', 'original_name'),
    accessEvents: await db('access_events').where({ case_id: caseId }).count({ n: '*' }).first(),
    findings: await rows('findings'),
    checklist: await rows('checklist_items'),
    dispositions: await rows('finding_dispositions'),
    sanctionsReviews: await rows('sanctions_reviews'),
    // Links are an index rebuilt, from its own side, whenever the case at either end changes: compared by
    // what they say (these two applications share this identifier), not by row or wording.
    links: [...new Set(((await db('links').where({ case_a: caseId }).orWhere({ case_b: caseId }).select('case_a', 'case_b', 'kind', 'key')) as Array<Record<string, string>>).map(l => `${[l.case_a, l.case_b].sort().join('|')}|${l.kind}|${l.key}`))].sort(),
    linkKeys: await rows('link_keys'),
    watchKeys: await rows('watch_keys', 'source_case_id'),
    signoffs: await rows('signoffs'),
    audit: await db('audit_events').where({ case_id: caseId }).whereNotIn('type', READ_EVENTS).orderBy('id').select('id', 'type'),
  }
}
