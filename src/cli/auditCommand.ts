import fs from 'node:fs'
import crypto from 'node:crypto'
import type { Knex } from 'knex'
import { existingSigningPublicKey, resolveAuditKey, resolveSigningKeys } from '../auditKeys'
import { createAuditRepository } from '../db/repositories/auditRepository'
import { createAuditService, type ChainVerification } from '../services/auditService'

export interface AuditCommandOptions {
  dataDir: string
  auditKey: string | undefined
  json: boolean
  /** verify: a checkpoint file to check the trail against */
  checkpoint?: string | undefined
  /** verify: the public key (PEM) that signed it; DATA_DIR's signing key otherwise */
  publicKey?: string | undefined
  /** checkpoint: where to write it (standard output otherwise) */
  outFile?: string | undefined
}

const WHY: Record<NonNullable<ChainVerification['broken']>['reason'], string> = {
  edited: 'its contents no longer match its hash: it was changed after it was written, or rewritten without the audit key',
  removed_or_inserted: 'it does not follow the event before it: an event was removed or inserted there',
  unkeyed: 'it carries no hash made with the audit key where one is required: the trail was rewritten with the old, unkeyed algorithm, or it predates the key and was never sealed (starting the app or `vet migrate` seals it)',
  truncated: 'it is gone: events were cut off the end of the trail',
  values_edited: 'the values kept apart from the trail for it (audit_event_details) no longer match the HMAC its event holds: they were changed after it was written',
  values_deleted: 'its event holds an HMAC of values kept apart from the trail, and the row holding them (audit_event_details) is gone',
  values_inserted: 'values were added to audit_event_details for it, which holds no HMAC of any',
}

/** "values of event 7 were edited": what happened to an event's values, in the words the report leads with. */
function valuesHeadline(b: NonNullable<ChainVerification['broken']>): string | null {
  const what = { values_edited: 'edited', values_deleted: 'deleted', values_inserted: 'inserted' }[b.reason as string]
  return what ? `values of event ${b.id} were ${what}` : null
}

/**
 * `vet audit verify | checkpoint | public-key`: check the audit trail's chain in the database the app uses,
 * or sign its head. Reads only (apart from creating the signing key on first use); it does not migrate,
 * so a database without a trail is reported rather than created.
 */
export async function auditCommand(db: Knex, sub: string | undefined, options: AuditCommandOptions, out: (s: string) => void, err: (s: string) => void): Promise<number> {
  if (sub === 'public-key') {
    out(resolveSigningKeys(options.dataDir).publicKeyPem.trimEnd())
    return 0
  }
  if (!(await db.schema.hasTable('audit_events'))) {
    err('vet: this database has no audit trail (run `vet migrate` to create the app\'s tables)')
    return 1
  }
  const service = createAuditService({ db, audit: createAuditRepository({ key: () => resolveAuditKey(options) }) })
  if (sub === 'checkpoint') {
    const keys = resolveSigningKeys(options.dataDir)
    const { verification, checkpoint } = await service.checkpoint(keys)
    if (!checkpoint) {
      const b = verification.broken
      err(verification.intact ? 'vet: the audit trail is empty; there is nothing to checkpoint'
        : b && b.id === null ? `vet: the audit trail is broken: values were inserted for an event that is not in the trail (event hash ${b.eventHash}); no checkpoint was made`
        : `vet: the audit trail is broken at event ${b!.id}${valuesHeadline(b!) ? ` (${valuesHeadline(b!)})` : ''}; no checkpoint was made`)
      return 1
    }
    const text = `${JSON.stringify(checkpoint, null, 2)}\n`
    if (options.outFile) {
      fs.writeFileSync(options.outFile, text, { mode: 0o644 })
      err(`Checkpoint of event ${checkpoint.lastId} (${checkpoint.count} events) written to ${options.outFile}. Keep it away from this machine; check it later with \`vet audit verify --checkpoint ${options.outFile}\`.`)
    } else out(text.trimEnd())
    return 0
  }

  let checkpoint: unknown
  let trustedKey: crypto.KeyObject | null = null
  if (options.checkpoint !== undefined) {
    try {
      checkpoint = JSON.parse(fs.readFileSync(options.checkpoint, 'utf8')) as unknown
      trustedKey = options.publicKey ? crypto.createPublicKey(fs.readFileSync(options.publicKey, 'utf8')) : existingSigningPublicKey(options.dataDir)
    } catch (e) {
      err(`vet: cannot read ${options.checkpoint}: ${(e as Error).message}`)
      return 2
    }
  }
  const result = await service.verify(db, options.checkpoint !== undefined ? { checkpoint, trustedKey } : {})
  if (options.json) out(JSON.stringify(result))
  else {
    if (result.broken) {
      const b = result.broken
      if (b.id === null) {
        out(`The audit trail is broken: values were inserted for an event that is not in the trail (audit_event_details row for event hash ${b.eventHash}): a row was added there, or its event was removed. The chain's ${result.checked} events are intact.`)
      } else {
        const headline = valuesHeadline(b)
        out(`The audit trail is broken at event ${b.id}${b.type ? ` (${b.type}, ${b.occurredAt})` : ''}: ${headline ? `${headline}: ` : ''}${WHY[b.reason]}. The ${result.checked} events before it are intact${result.lastIntact ? ` (the last is event ${result.lastIntact.id})` : ''}.`)
      }
    } else if (result.intact || !result.checkpoint) out(`The audit trail is intact: ${result.checked} events, latest hash ${result.head}`)
    else out(`The audit trail's chain holds (${result.checked} events, latest hash ${result.head}), but not against the checkpoint.`)
    if (result.checkpoint) out(result.checkpoint.valid ? `It still reaches the checkpoint's event ${result.checkpoint.lastId} unchanged.` : `Checkpoint: ${result.checkpoint.problem}.`)
  }
  return result.intact ? 0 : 1
}
