/**
 * Identifiers are compared exactly, after normalising how they are written (INDICATORS.md §6 and the
 * refdata README: "match wallets, emails, phone numbers, websites and company names exactly after
 * normalisation"). Each normaliser returns null for what is not an identifier of its kind.
 */
export function normaliseWallet(value: string): string | null {
  const v = value.trim()
  if (!/^[A-Za-z0-9]{25,120}$/.test(v)) return null
  // Hex (EVM) and bech32 addresses are case-insensitive; base58 (Bitcoin legacy, Tron) is not.
  if (/^0x[0-9a-fA-F]{40}$/.test(v) || /^(bc1|ltc1|tb1)/i.test(v)) return v.toLowerCase()
  return v
}

export function normaliseEmail(value: string): string | null {
  const v = value.trim().toLowerCase().replace(/\.$/, '')
  return /^[^\s@]+@[^\s@]+\.[a-z]{2,}$/.test(v) ? v : null
}

export function normaliseWebsite(value: string): string | null {
  const v = value.trim().toLowerCase().replace(/^[a-z]+:\/\//, '').replace(/^www\./, '').split(/[/?#]/)[0]!.replace(/\.$/, '')
  return /^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(v) ? v : null
}

/** Digits only, international form when it has a prefix ("00" or "+"); short numbers are not kept. */
export function normalisePhoneDigits(value: string): string | null {
  const international = /^\s*(\+|00)/.test(value)
  let digits = value.replace(/\D/g, '')
  if (international && value.trim().startsWith('00')) digits = digits.slice(2)
  return digits.length >= 7 ? digits : null
}

/** The domain of an email or web address, for "is this the employer's domain?" questions. */
export function domainOf(value: string): string | null {
  const at = value.lastIndexOf('@')
  if (at >= 0) return value.slice(at + 1).trim().toLowerCase() || null
  return normaliseWebsite(value)
}
