import { isWebmailDomain, normaliseIndicator } from '../normalise'
import { INDICATOR_KINDS, type IndicatorKind } from '../types'

/**
 * Pieces the MISP and CSV readers share: what a type name from another tool means in our kinds, a
 * received value checked and normalised with a reason in words when it cannot be taken, and times and
 * confidences read leniently but never wrongly.
 */

/** What a value must look like, for reasons such as "phone '12' is not a phone number". */
const EXPECTED: Record<IndicatorKind, string> = {
  email: 'an email address',
  phone: 'a phone number',
  'payout-account': 'an IBAN or bank account number',
  wallet: 'a wallet address',
  address: 'an address written "street|postal code|country"',
  handle: 'a handle ("network:name" or a profile URL)',
  url: 'an http or https URL',
  ip: 'an IP address',
  domain: 'a domain name',
  'resume-minhash': 'a resume MinHash signature (1024 hex characters)',
  'photo-phash': 'a photo perceptual hash (16 hex characters)',
}

/** A value for a reason: short and on one line, so a hostile cell cannot flood or restyle a report. */
export function quoted(raw: string): string {
  // eslint-disable-next-line no-control-regex
  const flat = raw.replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, ' ').trim()
  return `'${flat.length > 40 ? `${flat.slice(0, 40)}…` : flat}'`
}

export type ValueResult = { value: string } | { reason: string }

/** A received value as we store it, or why not. Hashed values are lower-case hex HMAC-SHA256. */
export function readValue(kind: IndicatorKind, raw: string, hashed: boolean): ValueResult {
  if (hashed) {
    const v = raw.trim().toLowerCase()
    if (kind === 'resume-minhash' || kind === 'photo-phash') return { reason: `${kind} is a fingerprint and is never hashed` }
    return /^[0-9a-f]{64}$/.test(v) ? { value: v } : { reason: `hashed ${kind} ${quoted(raw)} is not an HMAC-SHA256 (64 hex characters)` }
  }
  // normaliseIndicator wants a network name of two letters or more, but handleFromUrl names X "x":
  // read "x:name" through its profile URL so our own exports come back.
  const xHandle = kind === 'handle' ? /^\s*x:([a-z0-9_]{1,15})\s*$/i.exec(raw) : null
  const value = normaliseIndicator(kind, xHandle ? `https://x.com/${xHandle[1]}` : raw)
  if (value === null) return { reason: `${kind} ${quoted(raw)} is not ${EXPECTED[kind]}` }
  if (kind === 'domain' && isWebmailDomain(value)) return { reason: `domain ${quoted(raw)} is a webmail domain anyone can have an address at` }
  return { value }
}

/** A type name from another tool, in our kinds; `prefix` turns a bare user name into our "network:name". */
export interface KindName {
  kind: IndicatorKind
  prefix?: string
}

const SYNONYMS: Record<string, KindName> = {
  'email-src': { kind: 'email' },
  'email-dst': { kind: 'email' },
  'email-address': { kind: 'email' },
  'email-addr': { kind: 'email' },
  'whois-registrant-email': { kind: 'email' },
  'phone-number': { kind: 'phone' },
  'whois-registrant-phone': { kind: 'phone' },
  telephone: { kind: 'phone' },
  tel: { kind: 'phone' },
  btc: { kind: 'wallet' },
  xmr: { kind: 'wallet' },
  dash: { kind: 'wallet' },
  eth: { kind: 'wallet' },
  'crypto-wallet': { kind: 'wallet' },
  'cryptocurrency-wallet': { kind: 'wallet' },
  'wallet-address': { kind: 'wallet' },
  iban: { kind: 'payout-account' },
  'bank-account-nr': { kind: 'payout-account' },
  'bank-account': { kind: 'payout-account' },
  'account-nr': { kind: 'payout-account' },
  'ip-src': { kind: 'ip' },
  'ip-dst': { kind: 'ip' },
  'ipv4-addr': { kind: 'ip' },
  'ipv6-addr': { kind: 'ip' },
  'ip-address': { kind: 'ip' },
  hostname: { kind: 'domain' },
  'domain-name': { kind: 'domain' },
  uri: { kind: 'url' },
  'github-username': { kind: 'handle', prefix: 'github' },
  'twitter-id': { kind: 'handle', prefix: 'x' },
  'telegram-id': { kind: 'handle', prefix: 'telegram' },
  minhash: { kind: 'resume-minhash' },
  phash: { kind: 'photo-phash' },
}

/** Our kind for a type name (ours or a common synonym), case and `_`/`-` ignored; null when unknown. */
export function kindFromName(name: string): KindName | null {
  const n = name.trim().toLowerCase().replace(/_/g, '-')
  if ((INDICATOR_KINDS as readonly string[]).includes(n)) return { kind: n as IndicatorKind }
  return Object.prototype.hasOwnProperty.call(SYNONYMS, n) ? SYNONYMS[n]! : null
}

/** A bare user name under a network becomes our handle form; anything already "network:name" or a URL stays. */
export function withPrefix(raw: string, prefix: string | undefined): string {
  if (!prefix) return raw
  const v = raw.trim().replace(/^@/, '')
  return /^https?:\/\//i.test(v) || v.includes(':') ? v : `${prefix}:${v}`
}

const MIN_TIME = Date.UTC(1990, 0, 1)
const MAX_TIME = Date.UTC(2200, 0, 1)

/**
 * An ISO 8601 date or date-time (a date alone is midnight UTC), or Unix seconds as MISP writes its
 * timestamps, as an ISO string; null when unreadable or outside 1990–2200 (a typo, not a sighting).
 */
export function readTime(raw: unknown): string | null {
  let ms: number
  if (typeof raw === 'number' || (typeof raw === 'string' && /^\d{9,11}$/.test(raw.trim()))) ms = Number(raw) * 1000
  else if (typeof raw === 'string') {
    const v = raw.trim()
    if (!/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/i.test(v)) return null
    // Date.parse rolls 2026-02-30 over into March: check the calendar first.
    const [y, m, d] = v.slice(0, 10).split('-').map(Number) as [number, number, number]
    if (m < 1 || m > 12 || d < 1 || d > new Date(Date.UTC(y, m, 0)).getUTCDate()) return null
    // A date-time without a zone is read as UTC, as MISP does, not in this server's zone.
    const withZone = /^\d{4}-\d{2}-\d{2}$/.test(v) ? `${v}T00:00:00Z` : /(Z|[+-]\d{2}:?\d{2})$/i.test(v) ? v : `${v}Z`
    ms = Date.parse(withZone.replace(' ', 'T').replace(/(\.\d{3})\d+/, '$1'))
  } else return null
  if (!Number.isFinite(ms) || ms < MIN_TIME || ms > MAX_TIME) return null
  return new Date(ms).toISOString()
}

/** A confidence 0–100 as an integer, or null. */
export function readConfidence(raw: unknown): number | null {
  const n = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\s*\d{1,3}(\.\d+)?\s*$/.test(raw) ? Number(raw) : NaN
  return Number.isFinite(n) && n >= 0 && n <= 100 ? Math.round(n) : null
}

/** A family name as our rules write them ("payment", "links"); other text is dropped. */
export const isFamilyName = (f: string) => /^[a-z][a-z0-9-]{0,39}$/.test(f)

/** Free text from a feed, kept short and on readable characters (views escape it; this bounds it). */
export function readComment(raw: unknown): string | undefined {
  if (typeof raw !== 'string') return undefined
  // eslint-disable-next-line no-control-regex
  const v = raw.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, ' ').trim()
  return v ? v.slice(0, 1000) : undefined
}
