import { normaliseLine, postalKey } from '../domain/addresses'
import { compareNames } from '../domain/names'
import { normalisePhone } from '../extract/resumeFields'
import { MAIL_DROP_PATTERNS } from '../refdata/builtin/mailDrops'
import { ipv4ToInt, parseCidr } from '../refdata/ipRanges'
import type { FactRecord } from '../rules/caseFacts'
import { normaliseWallet } from '../sanctions/identifiers'

/**
 * The identifiers of one application, each written one way, so that two applications sharing one can be
 * found by an index look-up. Values shared by unrelated people (city, employer, university, source,
 * datacenter or VPN exits) are never keys.
 *
 * Specificity. A key either IDENTIFIES (it belongs to one person or one scheme: an account, IBAN, wallet,
 * phone, email, payout account email, handle, residential address, a near-duplicate resume, a reused
 * photo) or only SUPPORTS a link (`support` says why): a commercial mail drop, forwarder, office or
 * co-working address, a payee name without an account, the last 4 digits of an account at a bank, a
 * home network, a document's metadata (public templates keep theirs). Strangers share supporting values
 * innocently, so one never joins two applications by itself (see `pairVerdict` in linkIndex.ts).
 *
 * Declared intermediaries. The identifiers an application declares as its staffing agency's
 * (`intermediary`: office address, switchboard phone, email, network, payee) are the agency's, not the
 * candidate's: the candidate's own values equal to one of them are not keys, and the agency's values are
 * returned marked `intermediary`, so the index never links on them for anyone.
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
  /** set when the value only supports a link and never joins two applications alone: why, in words */
  support?: string
  /** set when the value is a declared intermediary's (its name): never linked on, for anyone */
  intermediary?: string
}

/** Why supporting keys only support: shown on the ring page ("supporting only: not joined"). */
export const SUPPORT = {
  mailDrop: (label: string) => `a commercial address (${label}) that unrelated customers share`,
  office: 'an office or co-working address that unrelated people share',
  payeeName: 'a payee name without an account: different people have the same name',
  last4: 'the last 4 digits of an account at one bank: 1 in 10,000 accounts there ends the same',
  shortAccount: 'a short account number without its bank',
  homeNetwork: 'a home network: housemates and carrier-grade NAT share one',
  document: 'document metadata: copies of one public template share it',
} as const

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

const COUNTRY_NAMES: Record<string, string> = { USA: 'US', 'UNITED STATES': 'US', 'UNITED STATES OF AMERICA': 'US', UK: 'GB', 'UNITED KINGDOM': 'GB', 'GREAT BRITAIN': 'GB' }
const countryKey = (c: unknown) => {
  const v = typeof c === 'string' ? c.trim().toUpperCase().replace(/\./g, '') : ''
  return COUNTRY_NAMES[v] ?? v
}

/**
 * Street line (St/Street, Apt/Unit/#/Ste written one way, "c/o" parts left out), postal code (ZIP+4 as
 * its ZIP; the city when there is none) and country.
 */
export function addressKey(a: { line1?: unknown; line2?: unknown; postal_code?: unknown; city?: unknown; country?: unknown } | null | undefined): string | null {
  if (!a) return null
  const line = normaliseLine([a.line1, a.line2].filter((l): l is string => typeof l === 'string' && Boolean(l.trim())).join(', '))
  if (!line) return null
  const country = countryKey(a.country)
  const place = typeof a.postal_code === 'string' && a.postal_code.trim() ? postalKey(a.postal_code, country || null) : typeof a.city === 'string' ? normaliseLine(a.city) : ''
  if (!place) return null
  return `${line}|${place}|${country}`
}

type MailDrop = { pattern: RegExp; label: string }
/** Office, co-working and logistics businesses: addresses that unrelated people share by design. */
const OFFICE = /\b(?:suite|ste|fl|floor|office|offices|tower|business (?:center|centre|park)|corporate (?:center|centre|park)|co-?working|wework|regus|servcorp|industrious|hq|headquarters|inc|llc|ltd|gmbh|corp|corporation|logistics|cargo|fulfil?ment|warehouse|depot|industrial (?:park|estate))\b/i
/**
 * A shipping note naming a service that receives for many customers (a forwarder, reshipper, mailbox or
 * courier service, a warehouse). A note calling the place the applicant's own office or business is a
 * claim about their own place, as specific as a home unless the address itself shows a suite or floor.
 */
const OFFICE_NOTE = /\b(?:forward(?:er|ing)|freight|re-?ship(?:per|ping)?|warehouse|mail ?box(?: service)?|courier|logistics)\b/i

/**
 * Why an address only supports a link (a mail drop, forwarder, office or co-working address), or null
 * when it is written as a home. Uses the mail-drop patterns `logistics-mail-drop` uses, except "care of"
 * a person (that is someone's home).
 */
export function commercialAddress(a: { line1?: unknown; line2?: unknown } | null | undefined, note?: string | null, mailDrops: ReadonlyArray<MailDrop> = MAIL_DROP_PATTERNS): string | null {
  if (!a) return null
  const text = [a.line1, a.line2].filter(l => typeof l === 'string').join(', ')
  for (const p of mailDrops) {
    if (p.pattern.test('c/o someone ')) continue
    if (p.pattern.test(text)) return SUPPORT.mailDrop(p.label)
  }
  if (OFFICE.test(text)) return SUPPORT.office
  if (note && OFFICE_NOTE.test(note)) return SUPPORT.mailDrop('a forwarding or mailbox service, as the shipping note says')
  return null
}

/** An IBAN without spaces, upper case; null unless it has an IBAN's shape. Checksum failures are kept (as typed). */
export function normaliseIban(value: string): string | null {
  const v = value.replace(/[\s-]/g, '').toUpperCase()
  return /^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(v) ? v : null
}

/** ISO 13616 mod-97 check. */
export function ibanChecksumOk(iban: string): boolean {
  const moved = `${iban.slice(4)}${iban.slice(0, 4)}`.replace(/[A-Z]/g, c => String(c.charCodeAt(0) - 55))
  let r = 0
  for (const ch of moved) r = (r * 10 + Number(ch)) % 97
  return r === 1
}

const BANK_WORDS = new Set(['bank', 'the', 'of', 'na', 'n', 'a', 'plc', 'ag', 'sa', 'ltd', 'limited', 'inc', 'corp', 'corporation', 'co', 'national', 'association', 'group', 'fsb', 'banking', 'company'])
/** A bank written one way: its code (BIC without branch, routing or sort code) or its name without legal words. */
export function bankKey(pay: { bank?: unknown; bank_name?: unknown; bank_code?: unknown; bic?: unknown; routing_number?: unknown }): string | null {
  const code = str(pay.bank_code) ?? str(pay.bic) ?? str(pay.routing_number)
  if (code) {
    const c = code.replace(/[\s-]/g, '').toUpperCase()
    return /^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$/.test(c) ? `bic:${c.slice(0, 8)}` : `code:${c}`
  }
  const name = str(pay.bank) ?? str(pay.bank_name)
  if (!name) return null
  const words = name.normalize('NFKD').toLowerCase().replace(/[^a-z0-9 ]/g, ' ').split(/\s+/).filter(w => w && !BANK_WORDS.has(w))
  return words.length ? `name:${words.join(' ')}` : null
}

const holderKey = (holder: string) => holder.toLowerCase().normalize('NFKD').replace(/[^a-z0-9 ]/g, '').split(/\s+/).filter(Boolean).sort().join(' ')

interface PayoutAccount {
  account_holder?: unknown
  wallet_address?: unknown
  account_number?: unknown
  iban?: unknown
  bank?: unknown
  bank_name?: unknown
  bank_code?: unknown
  routing_number?: unknown
  account_last4?: unknown
  account_email?: unknown
}

/**
 * The keys of one payout account. IBAN and account numbers (8 characters or more, or shorter with their
 * bank), wallets and payout account emails identify; a holder name (when it is not the applicant's) and
 * the last 4 digits with the bank only support; last 4 digits with the bank AND the same holder name
 * identify (one account); last 4 digits without a bank are no key (1 in 10,000 of everyone's match).
 */
function payoutKeys(pay: PayoutAccount, role: string, fullName: string | undefined): Array<Omit<LinkKey, 'intermediary'>> {
  const out: Array<Omit<LinkKey, 'intermediary'>> = []
  const wallet = str(pay.wallet_address)
  const walletKey = wallet ? normaliseWallet(wallet) : null
  if (walletKey) out.push({ kind: 'wallet', key: walletKey, label: wallet!, role: `${role} wallet` })
  const bank = bankKey(pay)
  const bankLabel = str(pay.bank) ?? str(pay.bank_name) ?? str(pay.bank_code) ?? str(pay.routing_number)
  const ibanText = str(pay.iban) ?? (str(pay.account_number) && normaliseIban(str(pay.account_number)!) ? str(pay.account_number) : undefined)
  const iban = ibanText ? normaliseIban(ibanText) : null
  if (iban) out.push({ kind: 'payee', key: `account:${iban}`, label: `IBAN ${iban}${ibanChecksumOk(iban) ? '' : ' (checksum fails)'}`, role: `${role} account` })
  const numberText = str(pay.account_number)
  let last4 = str(pay.account_last4)?.replace(/\D/g, '').slice(-4)
  if (numberText && !iban) {
    const masked = /^[*xX•·.\s-]+\d{2,4}$/.test(numberText)
    const number = numberText.replace(/[\s-]/g, '').toUpperCase()
    if (masked) last4 ??= number.replace(/\D/g, '').slice(-4)
    else if (number.length >= 8) out.push({ kind: 'payee', key: `account:${number}`, label: `account ${numberText}${bankLabel ? ` at ${bankLabel}` : ''}`, role: `${role} account` })
    else if (bank) out.push({ kind: 'payee', key: `account:${bank}|${number}`, label: `account ${numberText} at ${bankLabel}`, role: `${role} account` })
    else out.push({ kind: 'payee', key: `account:${number}`, label: `account ${numberText}`, role: `${role} account`, support: SUPPORT.shortAccount })
  }
  const email = str(pay.account_email)
  const emailKey = email ? normaliseEmailForLinking(email) : null
  if (emailKey) out.push({ kind: 'email', key: emailKey, label: email!, role: `${role} account email` })
  // A payee who is the applicant identifies nobody new; one in another name is the link to follow.
  const holder = str(pay.account_holder)
  const otherHolder = holder && (!fullName || !compareNames(fullName, holder).match) ? holderKey(holder) : null
  if (last4 && last4.length === 4 && bank) {
    out.push({ kind: 'payee', key: `last4:${bank}|${last4}`, label: `account ending ${last4} at ${bankLabel}`, role: `${role} account`, support: SUPPORT.last4 })
    if (otherHolder) out.push({ kind: 'payee', key: `holder-last4:${bank}|${last4}|${otherHolder}`, label: `${holder}, account ending ${last4} at ${bankLabel}`, role: `${role} account` })
  }
  if (otherHolder) out.push({ kind: 'payee', key: `holder:${otherHolder}`, label: holder!, role: `${role} account holder`, support: SUPPORT.payeeName })
  return out
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

export interface IdentifierKeyOptions {
  isHomeNetwork?: (ip: string) => boolean
  documents?: DocumentMeta[]
  /** mail-drop and forwarder patterns (ReferenceData.mailDrops); the built-in list when not given */
  mailDrops?: ReadonlyArray<MailDrop>
}

/** A declared intermediary (staffing agency) as the application gives it. */
interface Intermediary {
  name?: unknown
  address?: unknown
  phone?: unknown
  phone_e164?: unknown
  email?: unknown
  contact_email?: unknown
  network?: unknown
  networks?: unknown
  payee?: unknown
}

const phoneKey = (p: unknown): string | null => {
  if (typeof p === 'string') return normalisePhone(p)?.e164 ?? null
  const e164 = (p as { e164?: string | null } | null)?.e164
  return e164 ?? null
}

/** The intermediaries' keys, and a test for IPs inside their declared networks. */
function intermediaryKeys(records: FactRecord[]): { keys: LinkKey[]; inNetwork: (ip: string) => boolean } {
  const keys: LinkKey[] = []
  const ranges: Array<[number, number]> = []
  for (const r of records.filter(x => x.field === 'intermediary')) {
    const m = r.value as Intermediary
    if (!m || typeof m !== 'object') continue
    const name = str(m.name) ?? 'the declared intermediary'
    const add = (k: Omit<LinkKey, 'intermediary'> | null) => {
      if (k && k.key && !keys.some(x => x.kind === k.kind && x.key === k.key)) keys.push({ ...k, role: `${name}: ${k.role}`, intermediary: name })
    }
    const address = addressKey(m.address as Record<string, unknown>)
    if (address) add({ kind: 'address', key: address, label: [(m.address as Record<string, unknown>).line1, (m.address as Record<string, unknown>).postal_code].filter(Boolean).join(', '), role: 'office address' })
    const phone = phoneKey(m.phone_e164 ?? m.phone)
    if (phone) add({ kind: 'phone', key: phone, label: phone, role: 'phone' })
    const emailText = str(m.email) ?? str(m.contact_email)
    const email = emailText ? normaliseEmailForLinking(emailText) : null
    if (email) add({ kind: 'email', key: email, label: emailText!, role: 'email' })
    for (const net of [m.network, ...(Array.isArray(m.networks) ? m.networks : [])]) {
      if (typeof net !== 'string') continue
      const range = parseCidr(net) ?? (ipv4ToInt(net) !== null ? ([ipv4ToInt(net)!, ipv4ToInt(net)!] as [number, number]) : null)
      if (!range) continue
      ranges.push(range)
      // A single address is also a key: the index then sets it aside for everyone.
      if (range[0] === range[1]) add({ kind: 'ip', key: net.trim(), label: net.trim(), role: 'network' })
    }
    const payee = typeof m.payee === 'string' ? { account_holder: m.payee } : (m.payee as PayoutAccount | undefined)
    // The agency's payee is the agency's whoever the candidate is: keyed whatever its name.
    if (payee && typeof payee === 'object') for (const k of payoutKeys(payee, 'payee', undefined)) add(k)
  }
  return {
    keys,
    inNetwork: ip => {
      const n = ipv4ToInt(ip)
      return n !== null && ranges.some(([a, b]) => n >= a && n <= b)
    },
  }
}

export function identifierKeys(records: FactRecord[], options: IdentifierKeyOptions = {}): LinkKey[] {
  const keys: LinkKey[] = []
  const value = (field: string) => records.filter(r => r.field === field).map(r => r.value)
  const fullName = str(value('person.full_name')[0])
  const mailDrops = options.mailDrops ?? MAIL_DROP_PATTERNS
  const agency = intermediaryKeys(records)
  const agencys = new Set(agency.keys.map(k => `${k.kind}\u0000${k.key}`))
  const add = (kind: LinkKind, key: string | null | undefined, label: string, role: string, support?: string | null) => {
    if (!key || agencys.has(`${kind}\u0000${key}`)) return
    const had = keys.find(k => k.kind === kind && k.key === key)
    // The same value given twice (home and shipping): it identifies if either reading says so.
    if (had) {
      if (had.support && !support) delete had.support
      return
    }
    keys.push({ kind, key, label, role, ...(support ? { support } : {}) })
  }
  for (const email of value('person.email')) if (typeof email === 'string') add('email', normaliseEmailForLinking(email), email, 'applicant email')
  for (const email of value('resume.email')) if (typeof email === 'string') add('email', normaliseEmailForLinking(email), email, 'resume email')
  for (const phone of [...value('person.phone'), ...value('resume.phone')]) {
    const e164 = (phone as { e164?: string | null } | null)?.e164
    if (e164) add('phone', e164, e164, 'applicant phone')
  }
  const note = str(value('logistics.note')[0])
  const labelOf = (a: Record<string, unknown>) => [a.line1, a.postal_code].filter(Boolean).join(', ')
  for (const a of value('person.address')) add('address', addressKey(a as Record<string, unknown>), labelOf(a as Record<string, unknown>), 'home address', commercialAddress(a as Record<string, unknown>, null, mailDrops))
  for (const a of value('logistics.shipping_address')) add('address', addressKey(a as Record<string, unknown>), labelOf(a as Record<string, unknown>), 'shipping address', commercialAddress(a as Record<string, unknown>, note, mailDrops))
  for (const p of value('payment')) {
    if (!p || typeof p !== 'object') continue
    for (const k of payoutKeys(p as PayoutAccount, 'payout', fullName)) add(k.kind, k.key, k.label, k.role, k.support)
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
    // Only home connections identify someone: VPN and datacenter exits are shared by strangers; an
    // agency's declared office network is the agency's.
    if (ip && options.isHomeNetwork?.(ip) && !agency.inNetwork(ip)) add('ip', ip, ip, 'submission address (home network)', SUPPORT.homeNetwork)
  }
  for (const d of options.documents ?? []) {
    // Author, tool and creation time together: one file's fingerprint, not a common tool's.
    if (d.author && d.created && (d.creator || d.producer)) add('document', `${d.author.toLowerCase()}|${(d.creator ?? d.producer ?? '').toLowerCase()}|${d.created}`, `${d.author}, ${d.creator ?? d.producer}, ${d.created}`, 'document metadata', SUPPORT.document)
  }
  return [...keys, ...agency.keys]
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
