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
      err(verification.intact ? 'vet: the audit trail is empty; there is nothing to checkpoint' : `vet: the audit trail is broken at event ${verification.broken!.id}; no checkpoint was made`)
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
      out(`The audit trail is broken at event ${b.id}${b.type ? ` (${b.type}, ${b.occurredAt})` : ''}: ${WHY[b.reason]}. The ${result.checked} events before it are intact${result.lastIntact ? ` (the last is event ${result.lastIntact.id})` : ''}.`)
    } else if (result.intact || !result.checkpoint) out(`The audit trail is intact: ${result.checked} events, latest hash ${result.head}`)
    else out(`The audit trail's chain holds (${result.checked} events, latest hash ${result.head}), but not against the checkpoint.`)
    if (result.checkpoint) out(result.checkpoint.valid ? `It still reaches the checkpoint's event ${result.checkpoint.lastId} unchanged.` : `Checkpoint: ${result.checkpoint.problem}.`)
  }
  return result.intact ? 0 : 1
}
