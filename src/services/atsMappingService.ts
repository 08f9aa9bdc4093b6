import type { Knex } from 'knex'
import type { AuditRepository } from '../db/repositories/auditRepository'
import { ATS_FIELDS, type AtsMapping } from '../ingest/atsCsv'
import { auditActor, type ActorContext } from './context'

/** Column mappings for ATS exports, remembered per source (the export's file name, e.g. greenhouse.csv → greenhouse). */
export function createAtsMappingService(deps: { db: Knex; audit: AuditRepository }) {
  const { db, audit } = deps
  return {
    async all(): Promise<Record<string, AtsMapping>> {
      const rows = await db('ats_mappings').select('source', 'mapping')
      return Object.fromEntries(rows.map((r: { source: string; mapping: string }) => [r.source, JSON.parse(r.mapping) as AtsMapping]))
    },
    async list(): Promise<Array<{ source: string; mapping: AtsMapping; updated_at: string }>> {
      const rows = await db('ats_mappings').orderBy('source').select('source', 'mapping', 'updated_at')
      return rows.map((r: { source: string; mapping: string; updated_at: string }) => ({ ...r, mapping: JSON.parse(r.mapping) as AtsMapping }))
    },
    async save(source: string, mapping: AtsMapping, ctx: ActorContext): Promise<void> {
      const clean = Object.fromEntries(Object.entries(mapping).filter(([f, c]) => (ATS_FIELDS as readonly string[]).includes(f) && typeof c === 'string' && c.length > 0 && c.length <= 200))
      await db.transaction(async trx => {
        const before = await trx('ats_mappings').where({ source }).first('mapping')
        const row = { source, mapping: JSON.stringify(clean), updated_by: ctx.userId, updated_at: new Date().toISOString() }
        await trx('ats_mappings').insert(row).onConflict('source').merge()
        await audit.append(trx, { type: 'ATS_MAPPING_SAVED', actor: auditActor(ctx), target: `ats:${source}`, requestId: ctx.requestId, data: { before: before ? JSON.parse(before.mapping) : null, after: clean } })
      })
    },
  }
}

export type AtsMappingService = ReturnType<typeof createAtsMappingService>
