import crypto from 'node:crypto'
import { canonicalJson } from './auditEvents'

/**
 * A signed note of the chain's head, for operators to keep somewhere the database's attackers cannot
 * reach. A later check that still reaches the same event with the same hash, after the same number of
 * events, proves nothing was cut off the end and nothing before it was rewritten, even by someone who
 * holds the audit key.
 */
export const CHECKPOINT_FORMAT = 'vetting-desk-audit-checkpoint/1'

export interface AuditCheckpoint {
  format: typeof CHECKPOINT_FORMAT
  /** id and hash of the newest event when the checkpoint was made */
  lastId: number
  lastHash: string
  /** events from the first through lastId */
  count: number
  createdAt: string
  /** SPKI PEM of the Ed25519 key that signed it */
  publicKey: string
  /** base64 Ed25519 signature of the canonical JSON of every other field */
  signature: string
}

export function signCheckpoint(head: { lastId: number; lastHash: string; count: number }, now: Date, privateKey: crypto.KeyObject, publicKeyPem: string): AuditCheckpoint {
  const unsigned: Omit<AuditCheckpoint, 'signature'> = { format: CHECKPOINT_FORMAT, lastId: head.lastId, lastHash: head.lastHash, count: head.count, createdAt: now.toISOString(), publicKey: publicKeyPem }
  return { ...unsigned, signature: crypto.sign(null, Buffer.from(canonicalJson(unsigned)), privateKey).toString('base64') }
}

/**
 * Check a checkpoint read from a file: its shape, that the key that signed it is the trusted one, and the
 * signature. Returns the problem in words, or null when it holds.
 */
export function checkCheckpoint(value: unknown, trustedKey: crypto.KeyObject): { checkpoint: AuditCheckpoint | null; problem: string | null } {
  const cp = value as Partial<AuditCheckpoint> | null
  if (!cp || typeof cp !== 'object' || cp.format !== CHECKPOINT_FORMAT || !Number.isInteger(cp.lastId) || !Number.isInteger(cp.count)
    || typeof cp.lastHash !== 'string' || typeof cp.createdAt !== 'string' || typeof cp.publicKey !== 'string' || typeof cp.signature !== 'string') {
    return { checkpoint: null, problem: 'the file is not a Vetting Desk audit checkpoint' }
  }
  const checkpoint = cp as AuditCheckpoint
  let signer: crypto.KeyObject
  try {
    signer = crypto.createPublicKey(checkpoint.publicKey)
  } catch {
    return { checkpoint, problem: 'the checkpoint\'s public key cannot be read' }
  }
  const der = (k: crypto.KeyObject) => k.export({ type: 'spki', format: 'der' })
  if (!der(signer).equals(der(trustedKey))) return { checkpoint, problem: 'the checkpoint was signed by a different key than the trusted one' }
  const { signature, ...unsigned } = checkpoint
  const ok = crypto.verify(null, Buffer.from(canonicalJson(unsigned)), trustedKey, Buffer.from(signature, 'base64'))
  return { checkpoint, problem: ok ? null : 'the checkpoint\'s signature does not match its contents: it was altered' }
}
