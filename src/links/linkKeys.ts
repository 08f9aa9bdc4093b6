import { normaliseLine } from '../domain/addresses'
import { compareNames } from '../domain/names'
import type { FactRecord } from '../rules/caseFacts'
import { normaliseWallet } from '../sanctions/identifiers'

/**
 * The identifiers of one application that belong to one person, each written one way, so that two
 * applications sharing one can be found by an index look-up. Values shared by unrelated people (city,
 * employer, university, source, datacenter or VPN exits) are never keys.
 */
export type LinkKind = 'email' | 'phone' | 'address' | 'payee' | 'wallet' | 'handle' | 'ip' | 'document' | 'resume' | 'photo'

export interface LinkKey {
  kind: LinkKind
  /** normalised value; with kind, the index key */
  key: string
  /** what the applicant gave, for people to read */
  label: string
  /** where on the application: "applicant email", "reference phone", "shipping address"… */
  role: string
}

/** Gmail ignores dots and "+tags" in the local part; every provider ignores case. */
export function normaliseEmailForLinking(email: string): string | null {
  const m = /^([^@\s]+)@([^@\s]+\.[a-z]{2,})$/i.exec(email.trim().toLowerCase())
  if (!m) return null
  let [, local, domain] = m as unknown as [string, string, string]
  local = local.replace(/\+.*$/, '')
  if (domain === 'googlemail.com') domain = 'gmail.com'
  if (domain === 'gmail.com') local = local.replace(/\./g, '')
  return local ? `${local}@${domain}` : null
}

/** Street line (St/Street, Ste/Suite, unit designators written one way), postal code and country. */
export function addressKey(a: { line1?: unknown; line2?: unknown; postal_code?: unknown; city?: unknown; country?: unknown } | null | undefined): string | null {
  if (!a || typeof a.line1 !== 'string' || !a.line1.trim()) return null
  const place = typeof a.postal_code === 'string' && a.postal_code.trim() ? a.postal_code.toUpperCase().replace(/[\s-]/g, '') : typeof a.city === 'string' ? normaliseLine(a.city) : ''
  if (!place) return null
  const line = normaliseLine(`${a.line1} ${typeof a.line2 === 'string' ? a.line2 : ''}`)
  return `${line}|${place}|${typeof a.country === 'string' ? a.country.toUpperCase() : ''}`
}

const HANDLE_URL: Array<[RegExp, string]> = [
  [/github\.com\/([a-z0-9-]{1,39})(?:[/?#]|$)/i, 'github'],
  [/linkedin\.com\/in\/([^/?#]+)/i, 'linkedin'],
  [/upwork\.com\/(?:freelancers|fl|o\/profiles\/users)\/(?:_)?(~?[a-z0-9_]+)/i, 'upwork'],
  [/gitlab\.com\/([a-z0-9_.-]+)(?:[/?#]|$)/i, 'gitlab'],
  [/(?:twitter|x)\.com\/([a-z0-9_]{1,15})(?:[/?#]|$)/i, 'x'],
  [/t\.me\/([a-z0-9_]{4,})/i, 'telegram'],
]

export function handleFromUrl(url: string): string | null {
  for (const [re, network] of HANDLE_URL) {
    const m = re.exec(url)
    if (m) return `${network}:${m[1]!.toLowerCase()}`
  }
  return null
}

const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined)

export interface DocumentMeta {
  author?: string | null
  creator?: string | null
  producer?: string | null
  created?: string | null
}

export function identifierKeys(records: FactRecord[], options: { isHomeNetwork?: (ip: string) => boolean; documents?: DocumentMeta[] } = {}): LinkKey[] {
  const keys: LinkKey[] = []
  const add = (kind: LinkKind, key: string | null | undefined, label: string, role: string) => {
    if (key && !keys.some(k => k.kind === kind && k.key === key)) keys.push({ kind, key, label, role })
  }
  const value = (field: string) => records.filter(r => r.field === field).map(r => r.value)
  const fullName = str(value('person.full_name')[0])
  for (const email of value('person.email')) if (typeof email === 'string') add('email', normaliseEmailForLinking(email), email, 'applicant email')
  for (const email of value('resume.email')) if (typeof email === 'string') add('email', normaliseEmailForLinking(email), email, 'resume email')
  for (const phone of [...value('person.phone'), ...value('resume.phone')]) {
    const e164 = (phone as { e164?: string | null } | null)?.e164
    if (e164) add('phone', e164, e164, 'applicant phone')
  }
  for (const a of value('person.address')) add('address', addressKey(a as Record<string, unknown>), [(a as Record<string, unknown>).line1, (a as Record<string, unknown>).postal_code].filter(Boolean).join(', '), 'home address')
  for (const a of value('logistics.shipping_address')) add('address', addressKey(a as Record<string, unknown>), [(a as Record<string, unknown>).line1, (a as Record<string, unknown>).postal_code].filter(Boolean).join(', '), 'shipping address')
  for (const p of value('payment')) {
    const pay = p as { account_holder?: unknown; wallet_address?: unknown; account_number?: unknown; iban?: unknown }
    const wallet = str(pay.wallet_address)
    if (wallet) add('wallet', normaliseWallet(wallet), wallet, 'payout wallet')
    const account = str(pay.iban) ?? str(pay.account_number)
    if (account) add('payee', `account:${account.replace(/\s/g, '').toUpperCase()}`, account, 'payout account')
    // A payee who is the applicant identifies nobody new; one in another name is the link to follow.
    const holder = str(pay.account_holder)
    if (holder && (!fullName || !compareNames(fullName, holder).match)) add('payee', `holder:${holder.toLowerCase().normalize('NFKD').replace(/[^a-z0-9 ]/g, '').split(/\s+/).sort().join(' ')}`, holder, 'payout account holder')
  }
  for (const p of value('profile')) {
    const prof = p as { network?: unknown; username?: unknown; url?: unknown }
    const network = str(prof.network)?.toLowerCase()
    const user = str(prof.username)
    if (network && user) add('handle', `${network}:${user.toLowerCase()}`, `${network} ${user}`, `${network} profile`)
    const url = str(prof.url)
    const fromUrl = url ? handleFromUrl(url) : null
    if (fromUrl) add('handle', fromUrl, url!, `${network ?? 'profile'} profile`)
  }
  for (const u of value('resume.url')) {
    const h = typeof u === 'string' ? handleFromUrl(u) : null
    if (h) add('handle', h, String(u), 'resume link')
  }
  for (const r of value('reference')) {
    const ref = r as { email?: unknown; phone_e164?: unknown }
    const email = str(ref.email)
    if (email) add('email', normaliseEmailForLinking(email), email, 'reference email')
    const phone = str(ref.phone_e164)
    if (phone) add('phone', phone, phone, 'reference phone')
  }
  for (const s of value('submission')) {
    const ip = str((s as { ip?: unknown }).ip)
    // Only home connections identify someone: VPN and datacenter exits are shared by strangers.
    if (ip && options.isHomeNetwork?.(ip)) add('ip', ip, ip, 'submission address (home network)')
  }
  for (const d of options.documents ?? []) {
    // Author, tool and creation time together: one file's fingerprint, not a common tool's.
    if (d.author && d.created && (d.creator || d.producer)) add('document', `${d.author.toLowerCase()}|${(d.creator ?? d.producer ?? '').toLowerCase()}|${d.created}`, `${d.author}, ${d.creator ?? d.producer}, ${d.created}`, 'document metadata')
  }
  return keys
}

/** Words of the resume with the applicant's own name and contact details masked, for comparison. */
export function maskedResumeText(text: string, names: string[]): string {
  let out = text
    .replace(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, ' ')
    .replace(/https?:\/\/\S+|www\.\S+|(?:github|linkedin|upwork)\.com\/\S+/gi, ' ')
    .replace(/\+?\d[\d\s().-]{6,}\d/g, ' ')
  for (const name of names) {
    for (const token of name.split(/\s+/).filter(t => t.length > 1)) out = out.replace(new RegExp(`\\b${token.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'gi'), ' ')
  }
  return out
}
