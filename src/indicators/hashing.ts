import { createHash, createHmac, randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { normaliseIndicator } from './normalise'
import type { Indicator, IndicatorKind } from './types'

/**
 * "Match without disclosing" (issue 16). Members of a sharing group hold one secret key; a hashed feed
 * carries HMAC-SHA256(key, `${kind}:${normalised}`) instead of the identifier. A member who holds the
 * key hashes its own applicants' identifiers the same way and compares; anyone without the key cannot
 * test guesses (a plain SHA-256 of a phone number is reversed by hashing every number in the plan).
 * Equality only works when both sides normalise first, so every value passes through normaliseIndicator.
 */

export const MIN_KEY_BYTES = 32
/** A key file is one short line; anything longer is the wrong file. */
const MAX_KEY_FILE_CHARS = 4096

/** Fingerprints compare by nearness (Jaccard of MinHash, Hamming distance of pHash); an HMAC would keep only exact equality. */
const FINGERPRINTS: ReadonlySet<IndicatorKind> = new Set(['resume-minhash', 'photo-phash'])

export const isFingerprintKind = (kind: IndicatorKind) => FINGERPRINTS.has(kind)

/** 32 random bytes as lower-case hex: what `vet` writes into a new key file. */
export function generateSharingKey(): string {
  return randomBytes(MIN_KEY_BYTES).toString('hex')
}

/**
 * A key from the text of a key file: one line of hex or base64 (standard or URL-safe, padding optional)
 * holding at least 32 bytes. Throws an Error whose message says what is wrong, never the key.
 */
export function parseSharingKey(text: string): Buffer {
  if (text.length > MAX_KEY_FILE_CHARS) throw new Error('The sharing key file is too long: it should hold one line of hex or base64.')
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/).map(l => l.trim()).filter(Boolean)
  if (lines.length === 0) throw new Error('The sharing key file is empty.')
  if (lines.length > 1) throw new Error('The sharing key file should hold one line (the key as hex or base64); it has several.')
  const line = lines[0]!
  let key: Buffer
  // Hex first: every hex string is also valid base64, and hex is what generateSharingKey writes.
  if (/^[0-9a-fA-F]+$/.test(line) && line.length % 2 === 0) key = Buffer.from(line, 'hex')
  else if (/^[A-Za-z0-9+/]+={0,2}$/.test(line) || /^[A-Za-z0-9_-]+={0,2}$/.test(line)) {
    key = Buffer.from(line.replace(/-/g, '+').replace(/_/g, '/'), 'base64')
  } else throw new Error('The sharing key is neither hex nor base64.')
  if (key.length < MIN_KEY_BYTES) {
    throw new Error(`The sharing key holds ${key.length} bytes; at least ${MIN_KEY_BYTES} random bytes are needed (vet can generate one).`)
  }
  // 32 random bytes have about 28 distinct values; a handful means a typed or repeated pattern, not a key.
  if (new Set(key).size < 8) throw new Error('The sharing key does not look random (too few distinct bytes): generate a new one.')
  return key
}

/** The key in a key file (read once, when a feed is made or matched). */
export function readSharingKey(file: string): Buffer {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    throw new Error(`The sharing key file cannot be read (${code ?? 'error'}).`, { cause: err })
  }
  return parseSharingKey(text)
}

/** Names a key without revealing it: the first 16 hex characters of its SHA-256. */
export function keyId(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 16)
}

/** Lower-case hex HMAC-SHA256 of `${kind}:${normalised}`; the kind keeps a phone and an account with the same digits apart. */
export function hashIndicator(kind: IndicatorKind, normalisedValue: string, key: Buffer): string {
  return createHmac('sha256', key).update(`${kind}:${normalisedValue}`, 'utf8').digest('hex')
}

/**
 * Copies with each identifier replaced by its HMAC and `hashed: true`. Values are normalised again
 * (normalisation is idempotent), so an indicator written another way still hashes like the link
 * index's key. Fingerprints (resume MinHash, photo pHash) pass unchanged: they are matched by
 * nearness, which an HMAC destroys, and they do not name anyone by themselves; they appear in the
 * output only when the caller put them in the list. Already hashed indicators are not hashed twice.
 * A comment that repeats the identifier would disclose it, so the identifier is cut out of it.
 */
export function hashIndicators(indicators: readonly Indicator[], key: Buffer): Indicator[] {
  return indicators.map(ind => {
    if (ind.hashed || isFingerprintKind(ind.kind)) return { ...ind, families: [...ind.families] }
    const normalised = normaliseIndicator(ind.kind, ind.value) ?? ind.value
    const out: Indicator = { ...ind, families: [...ind.families], value: hashIndicator(ind.kind, normalised, key), hashed: true }
    if (ind.comment !== undefined) {
      const comment = redact(ind.comment, [ind.value, normalised])
      if (comment) out.comment = comment
      else delete out.comment
    }
    return out
  })
}

function redact(comment: string, secrets: string[]): string {
  let out = comment
  for (const s of secrets) {
    if (s) out = out.replace(new RegExp(s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi'), '[identifier]')
  }
  return out.trim()
}
