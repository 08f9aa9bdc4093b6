import type { Knex } from 'knex'
import { createAuditRepository } from '../db/repositories/auditRepository'
import { createAuditService } from '../services/auditService'

/**
 * `vet audit verify`: walk the audit trail's hash chain in the database the app uses. Reads only; it
 * does not migrate, so a database without a trail is reported rather than created.
 */
export async function auditVerifyCommand(db: Knex, json: boolean, out: (s: string) => void, err: (s: string) => void): Promise<number> {
  if (!(await db.schema.hasTable('audit_events'))) {
    err('vet: this database has no audit trail (run `vet migrate` to create the app\'s tables)')
    return 1
  }
  const result = await createAuditService({ db, audit: createAuditRepository() }).verify()
  if (json) out(JSON.stringify(result))
  else if (result.intact) out(`The audit trail is intact: ${result.checked} events, latest hash ${result.head}`)
  else {
    const b = result.broken!
    const why = b.reason === 'edited' ? 'its contents no longer match its hash: it was changed after it was written' : 'it does not follow the event before it: an event was removed or inserted there'
    out(`The audit trail is broken at event ${b.id} (${b.type}, ${b.occurredAt}): ${why}. The ${result.checked} events before it are intact.`)
  }
  return result.intact ? 0 : 1
}
