import { WEBMAIL_DOMAINS } from '../refdata/builtin/webmailDomains'
import { normaliseLine, postalKey } from '../domain/addresses'
import { normalisePhone } from '../extract/resumeFields'
import { handleFromUrl, normaliseEmailForLinking, normaliseIban } from '../links/linkKeys'
import { normaliseWallet } from '../sanctions/identifiers'
import type { IndicatorKind } from './types'

// Free mailbox providers (the list contact-reference-webmail uses) and the reserved example domains (RFC 2606).
const WEBMAIL = new Set([...WEBMAIL_DOMAINS, 'googlemail.com', 'example.com', 'example.org', 'example.net'])

/** A domain anyone can have an address at: never an indicator by itself. */
export const isWebmailDomain = (domain: string) => WEBMAIL.has(domain.toLowerCase())

/**
 * A received or exported value written the way our link index writes it, so that a shared indicator
 * and an applicant's identifier compare by equality (and hash to the same HMAC). Null when the value
 * cannot be read as that kind; the caller says why.
 */
export function normaliseIndicator(kind: IndicatorKind, raw: string): string | null {
  const v = raw.normalize('NFKC').trim()
  if (!v || v.length > 2000) return null
  switch (kind) {
    case 'email':
      return normaliseEmailForLinking(v)
    case 'phone':
      return normalisePhone(v.startsWith('+') || v.startsWith('00') ? v : `+${v}`)?.e164 ?? null
    case 'wallet':
      return normaliseWallet(v)
    case 'payout-account': {
      // Our keys: an IBAN, an account number of 8+ digits, or "bank|number" (link key without "account:").
      const body = v.replace(/^account:/i, '')
      const iban = normaliseIban(body)
      if (iban) return iban
      const bar = /^([^|]+)\|([0-9 -]{4,34})$/.exec(body)
      if (bar) return `${bar[1]!.trim().toLowerCase()}|${bar[2]!.replace(/\D/g, '')}`
      const digits = body.replace(/[\s-]/g, '')
      return /^\d{8,34}$/.test(digits) ? digits : null
    }
    case 'address': {
      // The form we export ("street|postal code|country"); free text cannot be compared reliably.
      const parts = v.split('|')
      if (parts.length !== 3) return null
      const line = normaliseLine(parts[0])
      const country = parts[2]!.trim().toUpperCase()
      const place = postalKey(parts[1], country || null) || normaliseLine(parts[1])
      return line && place ? `${line}|${place}|${country}` : null
    }
    case 'handle': {
      if (/^https?:\/\//i.test(v)) return handleFromUrl(v)
      const m = /^([a-z][a-z0-9.-]{0,30}):([^\s:]{1,100})$/i.exec(v)
      return m ? `${m[1]!.toLowerCase()}:${m[2]!.toLowerCase()}` : null
    }
    case 'url': {
      try {
        const u = new URL(v)
        if (u.protocol !== 'http:' && u.protocol !== 'https:') return null
        u.hash = ''
        return u.toString().replace(/\/$/, '').toLowerCase()
      } catch {
        return null
      }
    }
    case 'ip': {
      const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(v)
      if (m) return m.slice(1).every(o => Number(o) <= 255) ? m.slice(1).map(Number).join('.') : null
      return /^[0-9a-f:]+$/i.test(v) && v.includes(':') ? v.toLowerCase() : null
    }
    case 'domain': {
      const d = v.toLowerCase().replace(/\.$/, '')
      return /^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/.test(d) ? d : null
    }
    case 'resume-minhash':
      return /^[0-9a-f]{1024}$/i.test(v) ? v.toLowerCase() : null
    case 'photo-phash':
      return /^[0-9a-f]{16}$/i.test(v) ? v.toLowerCase() : null
  }
}
