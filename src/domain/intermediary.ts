import type { Address } from '../rules/caseFacts'
import { compareAddresses } from './addresses'
import { normalisePhone } from '../extract/resumeFields'
import { organisationKeys } from '../sanctions/screen'
import { WEBMAIL_DOMAINS } from '../refdata/builtin/webmailDomains'

/**
 * A declared intermediary (the staffing agency, vendor or employer of record an application came through,
 * application@1 `intermediary` or `agency`). Its office address, switchboard, mailbox domain and payee are
 * its own: they stand on every candidate it places. Issue 14 asks that they "neither fuse honest candidates
 * nor raise them", so the rules that compare the applicant's contacts, shipping address and payee set such
 * values aside and say so; the reviewer checklist still asks to verify the agency itself.
 */
export interface DeclaredIntermediary {
  name: string | null
  address: Address | null
  /** E.164 numbers */
  phones: Set<string>
  /** lower-case mailbox addresses */
  emails: Set<string>
  /** the agency's own mail domains (never a free-mailbox provider's) */
  domains: Set<string>
  /** organisation keys of its name and of its payee's name */
  payeeKeys: Set<string>
}

const WEBMAIL = new Set(WEBMAIL_DOMAINS)
const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null)
const domainOf = (email: string): string | null => {
  const at = email.lastIndexOf('@')
  return at > 0 ? email.slice(at + 1).toLowerCase() : null
}
const hostOf = (url: string): string | null => {
  try {
    return new URL(/^[a-z]+:\/\//i.test(url) ? url : `https://${url}`).hostname.toLowerCase().replace(/^www\./, '')
  } catch {
    return null
  }
}

/** The intermediary as the fact holds it (buildFacts keeps the declared object, with phone_e164). */
export function readIntermediary(value: unknown): DeclaredIntermediary | null {
  if (!value || typeof value !== 'object') return null
  const v = value as Record<string, unknown>
  const name = text(v.name)
  const country = text((v.address as Record<string, unknown> | undefined)?.country) ?? undefined
  const phones = new Set<string>()
  for (const p of [v.phone_e164, v.phone]) {
    const e164 = typeof p === 'string' ? normalisePhone(p, country)?.e164 : null
    if (e164) phones.add(e164)
  }
  const emails = new Set<string>()
  const domains = new Set<string>()
  for (const e of [v.email, v.contact_email]) {
    const email = text(e)?.toLowerCase()
    if (!email) continue
    emails.add(email)
    const d = domainOf(email)
    if (d && !WEBMAIL.has(d)) domains.add(d)
  }
  const site = text(v.website)
  const host = site ? hostOf(site) : null
  if (host && !WEBMAIL.has(host)) domains.add(host)
  const payeeKeys = new Set<string>()
  const payee = v.payee
  const payeeName = typeof payee === 'string' ? payee : text((payee as Record<string, unknown> | undefined)?.account_holder)
  for (const n of [name, payeeName]) if (n) for (const k of organisationKeys(n)) if (k) payeeKeys.add(k)
  const address = v.address && typeof v.address === 'object' ? (v.address as Address) : null
  if (!name && !address && !phones.size && !emails.size && !payeeKeys.size) return null
  return { name, address, phones, emails, domains, payeeKeys }
}

export const intermediaryLabel = (i: DeclaredIntermediary): string => i.name ?? 'the declared agency'

export function isIntermediaryPhone(i: DeclaredIntermediary, phone: string | null | undefined): boolean {
  if (!phone) return false
  const e164 = /^\+\d{7,15}$/.test(phone) ? phone : normalisePhone(phone)?.e164
  return !!e164 && i.phones.has(e164)
}

/** The agency's own mailbox, or any mailbox at its own domain (a recruiter's or the candidate's agency address). */
export function isIntermediaryEmail(i: DeclaredIntermediary, email: string | null | undefined): boolean {
  if (!email) return false
  const e = email.trim().toLowerCase()
  const d = domainOf(e)
  return i.emails.has(e) || (!!d && i.domains.has(d))
}

export function isIntermediaryAddress(i: DeclaredIntermediary, address: Address | null | undefined): boolean {
  if (!i.address || !address) return false
  return compareAddresses(i.address, address).same === true
}

/** The payout account holder is the agency (by its name or its declared payee), legal forms aside. */
export function isIntermediaryPayee(i: DeclaredIntermediary, holder: string | null | undefined): boolean {
  if (!holder || !i.payeeKeys.size) return false
  return organisationKeys(holder).some(k => i.payeeKeys.has(k))
}
