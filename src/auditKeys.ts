import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { readOrCreateSecretFile } from './secretFile'

/**
 * The audit trail's two keys, both kept outside the database so that someone who can write to the
 * database alone cannot rewrite the trail and make it verify:
 * - the audit key (HMAC-SHA256 of every event): AUDIT_KEY, else generated on first use into
 *   DATA_DIR/audit-key (mode 0600). Several instances sharing PostgreSQL must set the same AUDIT_KEY.
 * - the signing key (Ed25519) that signs checkpoints of the chain's head: DATA_DIR/audit-signing-key
 *   (mode 0600). Only its public half needs to travel with a checkpoint.
 */
export const AUDIT_KEY_FILE = 'audit-key'
export const SIGNING_KEY_FILE = 'audit-signing-key'

export function resolveAuditKey(options: { dataDir: string; auditKey?: string | undefined }): Buffer {
  if (options.auditKey) return Buffer.from(options.auditKey, 'utf8')
  const kept = readOrCreateSecretFile(path.join(options.dataDir, AUDIT_KEY_FILE), () => `${crypto.randomBytes(32).toString('base64url')}\n`).trim()
  if (kept.length < 32) throw new Error(`${path.join(options.dataDir, AUDIT_KEY_FILE)} holds no usable audit key (fewer than 32 characters)`)
  return Buffer.from(kept, 'utf8')
}

export interface SigningKeys {
  privateKey: crypto.KeyObject
  publicKey: crypto.KeyObject
  /** SPKI PEM: what operators keep to check checkpoints */
  publicKeyPem: string
}

/** The checkpoint signing key, generated on first use. */
export function resolveSigningKeys(dataDir: string): SigningKeys {
  const pem = readOrCreateSecretFile(path.join(dataDir, SIGNING_KEY_FILE), () => {
    const { privateKey } = crypto.generateKeyPairSync('ed25519')
    return privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
  })
  const privateKey = crypto.createPrivateKey(pem)
  const publicKey = crypto.createPublicKey(privateKey)
  return { privateKey, publicKey, publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString() }
}

/** The public half of DATA_DIR's signing key, if one exists (verifying never creates keys). */
export function existingSigningPublicKey(dataDir: string): crypto.KeyObject | null {
  try {
    return crypto.createPublicKey(crypto.createPrivateKey(fs.readFileSync(path.join(dataDir, SIGNING_KEY_FILE), 'utf8')))
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw error
  }
}
