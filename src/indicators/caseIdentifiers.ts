import { signature } from '../links/minhash'
import { isWebmailDomain, normaliseIndicator } from './normalise'
import type { IndicatorKind } from './types'

/** A link-index key as stored (link_keys): what an application gave, written one way. */
export interface StoredLinkKey {
  kind: string
  key: string
  label: string
  role: string
  support: string | null
}

/** One of an application's identifiers as an indicator would name it, and where on the application it is. */
export interface CaseIdentifier {
  kind: IndicatorKind
  value: string
  /** where on the application: "applicant phone", "shipping address", "resume" */
  matched: string
  /** the applicant's own words for it, for people to read (never exported hashed) */
  label: string
  /** only supports a link (a home network, a commercial address): shared with less confidence */
  supporting: boolean
}

/**
 * An application's identifiers as indicators: the link index's keys mapped to indicator kinds. Names are
 * never identifiers here (a name is not evidence of a scheme; INDICATORS.md §3), nor are a payee's name
 * alone, the last digits of an account, or document metadata (strangers share them).
 */
export function caseIdentifiers(keys: readonly StoredLinkKey[]): CaseIdentifier[] {
  const out: CaseIdentifier[] = []
  const add = (kind: IndicatorKind, raw: string, k: StoredLinkKey) => {
    const value = normaliseIndicator(kind, raw)
    if (value && !out.some(o => o.kind === kind && o.value === value)) out.push({ kind, value, matched: k.role, label: k.label, supporting: Boolean(k.support) })
  }
  for (const k of keys) {
    switch (k.kind) {
      case 'email': {
        add('email', k.key, k)
        const domain = k.key.split('@')[1]
        // A domain of one's own (not a webmail provider's) identifies its owner.
        if (domain && !isWebmailDomain(domain)) add('domain', domain, { ...k, role: `${k.role} domain`, label: domain })
        break
      }
      case 'phone':
      case 'wallet':
      case 'handle':
      case 'ip':
        add(k.kind, k.key, k)
        break
      case 'address':
        add('address', k.key, k)
        break
      case 'payee':
        if (k.key.startsWith('account:')) add('payout-account', k.key.slice('account:'.length), k)
        break
      default:
        break // document metadata, bands, intermediaries: not identifiers of a person
    }
  }
  return out
}

/** A resume's shingles (link_prints, base64 of sorted uint32) as a MinHash signature in hex (the exchange form). */
export function resumeSignatureHex(shinglesBase64: string | null | undefined): string | null {
  if (!shinglesBase64) return null
  const bytes = Buffer.from(shinglesBase64, 'base64')
  if (bytes.length < 4 * 8) return null // fewer than 8 shingles: too little text to fingerprint
  const shingles = new Uint32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + (bytes.length - (bytes.length % 4))))
  return Array.from(signature(shingles), v => v.toString(16).padStart(8, '0')).join('')
}

/** A hex MinHash signature back as numbers. */
export function signatureFromHex(hex: string): Uint32Array {
  const sig = new Uint32Array(hex.length / 8)
  for (let i = 0; i < sig.length; i++) sig[i] = parseInt(hex.slice(i * 8, i * 8 + 8), 16)
  return sig
}
