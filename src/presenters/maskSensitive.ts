/**
 * Masking of sensitive identifiers (payout accounts, wallet addresses, ID numbers) for people who do not
 * need them in full. Pure, and applied only when presenting: the database, the checks, exports and the
 * person's own subject access export keep every value whole.
 *
 * Who sees what: security reviewers verify payees and wallets against sanctions lists, so they see values
 * in full; recruiters and managers see them masked and may reveal one case's values on request (audited).
 */

/** Roles that see sensitive values in full without asking. */
export const FULL_VIEW_ROLES: readonly string[] = ['security']

export const seesSensitiveInFull = (role: string | null | undefined): boolean => role !== null && role !== undefined && FULL_VIEW_ROLES.includes(role)

const DOT = '•'
const dots = (n: number) => DOT.repeat(Math.max(n, 1))

/** "GB82 WEST 1234 5698 7654 32" → "GB82 •••• •••• 5432": the country code (with its check digits) and the last 4. */
export function maskIban(value: string): string {
  const v = value.replace(/[\s-]/g, '').toUpperCase()
  if (v.length < 10) return maskAccount(value)
  return `${v.slice(0, 4)} ${dots(4)} ${dots(4)} ${v.slice(-4)}`
}

/** An account number: its last 4 ("•••• 4821"); one of 4 or fewer characters is all dots. */
export function maskAccount(value: string): string {
  const v = value.replace(/[\s-]/g, '')
  if (v.length <= 4) return dots(4)
  return `${dots(4)} ${v.slice(-4)}`
}

/** A wallet: the first 6 and the last 4 ("0x5290…9EE7"), enough to tell two apart, not to pay one. */
export function maskWallet(value: string): string {
  const v = value.trim()
  if (v.length <= 12) return maskAccount(v)
  return `${v.slice(0, 6)}…${v.slice(-4)}`
}

/** An ID, passport or tax number: its last 3 ("••••••123"). */
export function maskIdNumber(value: string): string {
  const v = value.replace(/\s/g, '')
  if (v.length <= 3) return dots(3)
  return `${dots(Math.min(v.length - 3, 6))}${v.slice(-3)}`
}

const IBAN_SHAPE = /^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/

/** Keys (in payment objects, evidence values and the application format) whose values are masked, and how. */
const MASKERS: Record<string, (v: string) => string> = {
  iban: maskIban,
  // Account numbers are sometimes IBANs: masked as one when they have an IBAN's shape.
  account_number: v => (IBAN_SHAPE.test(v.replace(/[\s-]/g, '').toUpperCase()) ? maskIban(v) : maskAccount(v)),
  wallet_address: maskWallet,
  wallet: maskWallet,
  id_number: maskIdNumber,
  passport_number: maskIdNumber,
  national_id: maskIdNumber,
  document_number: maskIdNumber,
  tax_id: maskIdNumber,
  tax_number: maskIdNumber,
  ssn: maskIdNumber,
}

/** The sensitive keys, as an audit event names them ("which fields", never their values). */
export const SENSITIVE_KEYS: readonly string[] = Object.keys(MASKERS)

export const isSensitiveKey = (key: string): boolean => Object.prototype.hasOwnProperty.call(MASKERS, key)

/** The value of one sensitive key, masked; values of other keys as they are. */
export function maskField(key: string, value: string): string {
  return isSensitiveKey(key) ? MASKERS[key]!(value) : value
}

/** A copy of an object (or array) with every sensitive key's value masked, however deep. */
export function maskObject<T>(value: T): T {
  if (Array.isArray(value)) return value.map(v => maskObject(v) as unknown) as T
  if (value === null || typeof value !== 'object') return typeof value === 'string' ? (maskText(value) as T) : value
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, typeof v === 'string' && isSensitiveKey(k) ? maskField(k, v) : maskObject(v)]),
  ) as T
}

/** The sensitive keys present (with a value) anywhere in an object: what a reveal shows. */
export function sensitiveKeysIn(value: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach(v => sensitiveKeysIn(v, found))
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (isSensitiveKey(k) && typeof v === 'string' && v.trim()) found.add(k)
      else sensitiveKeysIn(v, found)
    }
  }
  return found
}

// Free text (a finding's message, a link's "payout account: IBAN …"): identifiers found by their shape.
const IBAN_IN_TEXT = /\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?\b/g
const WALLET_IN_TEXT = /\b(?:0x[0-9a-fA-F]{40}|(?:bc1|ltc1|tb1)[02-9ac-hj-np-z]{20,90}|[qp][02-9ac-hj-np-z]{41}|[13LMT][1-9A-HJ-NP-Za-km-z]{25,34})\b/g
/** "account 12345678", "account no. 1234-5678": a number of 5 or more characters after the word account. */
const ACCOUNT_IN_TEXT = /\b(account(?: number| no\.?| #)?:? )([0-9][0-9 -]{3,}[0-9]|[A-Z0-9]*\d[A-Z0-9]{4,})\b/gi
const ID_IN_TEXT = /\b((?:passport|ID|identity card|national ID|tax ID|SSN|document)(?: number| no\.?| #)?:? )([A-Z0-9][A-Z0-9-]{3,}[0-9])\b/gi

/** Text with every IBAN, wallet, account and ID number in it masked; the words around them as they are. */
export function maskText(text: string): string {
  return text
    .replace(IBAN_IN_TEXT, m => (IBAN_SHAPE.test(m.replace(/\s/g, '')) ? maskIban(m) : m))
    .replace(WALLET_IN_TEXT, m => maskWallet(m))
    .replace(ACCOUNT_IN_TEXT, (_m, word: string, number: string) => (number.includes(DOT) ? `${word}${number}` : `${word}${maskAccount(number)}`))
    .replace(ID_IN_TEXT, (m, word: string, number: string) => (/\d/.test(number) ? `${word}${maskIdNumber(number)}` : m))
}

/**
 * A finding's or fact's evidence value, masked: a sensitive field by its own rule ("payment.wallet_address"
 * or "wallet"), an object by its keys, and any other text by the shapes it contains.
 */
export function maskEvidenceValue(field: string, value: unknown): unknown {
  const key = field.split('.').at(-1) ?? field
  if (typeof value === 'string') return isSensitiveKey(key) ? maskField(key, value) : maskText(value)
  return maskObject(value)
}
