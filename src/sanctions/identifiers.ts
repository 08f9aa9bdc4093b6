/**
 * Identifiers are compared exactly, after normalising how they are written (INDICATORS.md §6 and the
 * refdata README: "match wallets, emails, phone numbers, websites and company names exactly after
 * normalisation"). Each normaliser returns null for what is not an identifier of its kind. Pure.
 *
 * "How it is written" covers what people actually type or paste: case, spaces and zero-width
 * characters copied from chat apps, Gmail's ignored dots and +tags, a website as a bare domain or a full
 * URL, a wallet inside a payment URI (BIP-21 `bitcoin:…?amount=`, EIP-681 `ethereum:pay-0x…@1/transfer?
 * address=0x…`), a date of birth in day-first or month-first order.
 */

/** Whitespace, zero-width and soft-hyphen characters: invisible in a paste, fatal to an exact match. */
const INVISIBLE = /[\s\u00AD\u180E\u200B-\u200F\u2060-\u2064\uFEFF]/g
export const stripInvisible = (value: string) => value.replace(INVISIBLE, '')

const BECH32_CHARS = /^[qpzry9x8gf2tvdw0s3jn54khce6mua7l]+$/

const ZERO_WIDTH = /[\u00AD\u180E\u200B-\u200F\u2060-\u2064\uFEFF]/g

export function normaliseWallet(value: string): string | null {
  let v = value.replace(ZERO_WIDTH, '').trim()
  // Written in short groups for reading ("0x97b1 043a …") it is one address; words around it are not.
  if (/\s/.test(v)) {
    const groups = v.split(/\s+/)
    // Short groups ("0x97b1 043a …"), or an address broken once by a line wrap or a stray space (two long halves).
    const grouped = groups.length >= 3 && groups.every(g => /^[A-Za-z0-9]{1,8}$/.test(g))
    const wrapped = groups.length === 2 && groups.every(g => /^[A-Za-z0-9]{8,}$/.test(g)) && /^(?:0[xX]|bc1|ltc1|[13LMT]|[qp])/.test(groups[0]!)
    if (!grouped && !wrapped) return null
    v = groups.join('')
    // A wrap joins into one address of a known shape, never a word glued to one ("Transfer 0x…").
    if (wrapped && !/^(?:0[xX][0-9a-fA-F]{40}|(?:bc1|ltc1|BC1|LTC1)(?:[02-9ac-hj-np-z]{20,90}|[02-9AC-HJ-NP-Z]{20,90})|[13LMT][1-9A-HJ-NP-Za-km-z]{25,34}|[qp][02-9ac-hj-np-z]{41})$/.test(v)) return null
  }
  if (!/^[A-Za-z0-9]{25,120}$/.test(v)) return null
  // Hex (EVM, EIP-55 checksum case) and bech32/cashaddr addresses are case-insensitive; base58
  // (Bitcoin legacy, Tron, Litecoin, Dash) is not.
  if (/^0[xX][0-9a-fA-F]{40}$/.test(v) || /^(bc1|ltc1|tb1)/i.test(v)) return v.toLowerCase()
  if (/^[qp]/i.test(v) && v.length === 42 && BECH32_CHARS.test(v.toLowerCase()) && (v === v.toLowerCase() || v === v.toUpperCase())) return v.toLowerCase()
  return v
}

/** Parameters of payment URIs that name the receiving address (EIP-681 token transfers put it in `address`). */
const RECIPIENT_PARAMS = new Set(['address', 'to', 'recipient'])

/**
 * Every wallet address in a value: the value itself, a payment URI (`bitcoin:`, `ethereum:pay-`,
 * `bitcoincash:`, `litecoin:`, `tron:`…; for an EIP-681 token transfer both the token contract and the
 * recipient), or addresses inside a sentence ("USDT (TRC20): T…"). A wallet grouped in blocks of four
 * ("0x97b1 043a …") is read whole when the value is nothing else.
 */
export function walletCandidates(value: string): string[] {
  const out = new Set<string>()
  const direct = normaliseWallet(value) ?? fromUri(stripInvisible(value))
  if (Array.isArray(direct)) direct.forEach(a => out.add(a))
  else if (direct) out.add(direct)
  // Words around an address ("Transfer 0x…") may also read as one wrapped address: look at the words too.
  if (!out.size || /\s/.test(value.trim())) {
    const visible = value.replace(ZERO_WIDTH, '')
    for (const token of visible.match(/[A-Za-z][A-Za-z0-9.+-]*:[^\s<>"'),;]+|[A-Za-z0-9]{25,120}/g) ?? []) {
      const w = normaliseWallet(token) ?? fromUri(token)
      if (Array.isArray(w)) w.forEach(a => out.add(a))
      else if (w) out.add(w)
    }
  }
  return [...out]
}

function fromUri(uri: string): string[] | null {
  const m = /^[a-z][a-z0-9.+-]*:(?:\/\/)?(?:pay-)?([A-Za-z0-9]{25,120})(?:@[0-9a-z]+)?(?:\/[A-Za-z]+)?(?:\?(.*))?$/i.exec(uri)
  if (!m) return null
  const found = [normaliseWallet(m[1]!)]
  for (const pair of (m[2] ?? '').split('&')) {
    const [k, v] = pair.split('=')
    if (k && v && RECIPIENT_PARAMS.has(k.toLowerCase())) found.push(normaliseWallet(decodeURIComponent(v)))
  }
  const good = found.filter((a): a is string => a !== null)
  return good.length ? good : null
}

/**
 * Providers that deliver "name+tag@" to "name@" (documented sub-addressing). Elsewhere a "+" may be part
 * of a different mailbox's name, so it is kept: a miss there is safer than pinning a listing on
 * someone else's mailbox. Only Gmail also ignores dots in the name.
 */
const PLUS_TAG_PROVIDERS = new Set([
  'gmail.com', 'outlook.com', 'hotmail.com', 'live.com', 'msn.com', 'icloud.com', 'me.com', 'mac.com',
  'protonmail.com', 'protonmail.ch', 'proton.me', 'pm.me', 'fastmail.com', 'fastmail.fm', 'yandex.ru', 'yandex.com',
])
const DOTLESS_PROVIDERS = new Set(['gmail.com'])

/** The mailbox an address delivers to: "Kim.Sang+jobs@GoogleMail.com" → "kimsang@gmail.com". */
export function normaliseEmail(value: string): string | null {
  // "Email: x@y", "E-mail - x@y": a label before the address; "x@y;" from an address list.
  const unlabelled = value.replace(ZERO_WIDTH, '').trim().toLowerCase().replace(/^(?:e-?mail(?: address)?|mail|email id|contact)\s*[:\-–]\s*/, '').replace(/[;,]+$/, '')
  const inner = addressWithin(unlabelled)
  const v = stripInvisible(inner ?? unlabelled).replace(/^mailto:/i, '').replace(/^<|>$/g, '').split('?')[0]!.toLowerCase().replace(/\.$/, '')
  const m = /^([^\s@]+)@([^\s@]+\.[a-z]{2,})$/.exec(v)
  if (!m) return null
  let [, local, domain] = m as unknown as [string, string, string]
  if (domain === 'googlemail.com') domain = 'gmail.com'
  if (PLUS_TAG_PROVIDERS.has(domain)) local = local.replace(/\+.*$/, '')
  if (DOTLESS_PROVIDERS.has(domain)) local = local.replace(/\./g, '')
  return local ? `${local}@${domain}` : null
}

/**
 * The address in a value that is more than an address: 'Teri Parl <teri@gmail.com>', 'mail me at
 * x@y.com for references' (one address among three words or more), or written to dodge harvesters
 * ('teri at gmail dot com', 'teri [at] gmail [dot] com'). Null when the value is an address, or has none.
 */
function addressWithin(value: string): string | null {
  const whole = /^[a-z0-9][a-z0-9._%+-]*@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}$/
  const bracketed = /<\s*([^<>\s]+@[^<>\s]+?)\s*>/.exec(value)
  if (bracketed && whole.test(bracketed[1]!)) return bracketed[1]!
  if (value.includes('@')) {
    const words = value.split(/\s+/).filter(Boolean).map(w => w.replace(/^[("'[]+|[)"'\].,;:!?]+$/g, ''))
    const found = words.filter(w => whole.test(w))
    return found.length === 1 && words.length >= 3 ? found[0]! : null
  }
  const spelt = value
    .replace(/\s*[[({<]\s*at\s*[\])}>]\s*|\s+at\s+/g, '@')
    .replace(/\s*[[({<]\s*(?:dot|\.)\s*[\])}>]\s*|\s+dot\s+/g, '.')
    .trim()
  if (whole.test(spelt)) return spelt
  // Spelt out inside a sentence ("reply to kim (at) gmail (dot) com"): the one word that became an address.
  const words = spelt.split(/\s+/).map(w => w.replace(/^[("'[]+|[)"'\].,;:!?]+$/g, ''))
  const found = spelt.includes('@') ? words.filter(w => whole.test(w)) : []
  return found.length === 1 ? found[0]! : null
}

/**
 * A web address as host and path: scheme, user, "www.", port, trailing dot, query and case set aside.
 * The path is kept because some listings are pages on a shared host ("facebook.com/…",
 * "sharif.edu/jalili"): the host alone of such a listing names everyone on it.
 */
const SITE_SECTIONS = /^(en|eng|english|fa|ru|ar|ko|kr|zh|cn|de|fr|es|home|main|about|about-?us|contacts?|contact-?us|index|default)(\.(html?|php|aspx?))?$/

export function parseWebAddress(value: string): { host: string; path: string } | null {
  const v = stripInvisible(value).toLowerCase().replace(/^[a-z][a-z0-9+.-]*:\/\//, '').replace(/^[^/@?#]*@/, '')
  const slash = v.search(/[/?#]/)
  const host = (slash < 0 ? v : v.slice(0, slash)).replace(/:\d*$/, '').replace(/\.+$/, '').replace(/^www\d*\./, '')
  if (!/^[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z][a-z0-9-]*$/.test(host) || host.length > 253) return null
  let path = (slash < 0 ? '' : v.slice(slash).split(/[?#]/)[0]!).replace(/\/+$/, '')
  // A site's own sections ("/en/contacts", "/about/fa", "/index.html") are the site, not a page on it.
  if (path.split('/').filter(Boolean).every(seg => SITE_SECTIONS.test(seg))) path = ''
  return { host, path }
}

export function normaliseWebsite(value: string): string | null {
  return parseWebAddress(value)?.host ?? null
}

/** The host and its parent domains down to two labels: "jobs.example.co.kp" → itself, "example.co.kp", "co.kp". */
export function hostAndParents(host: string): string[] {
  const labels = host.split('.')
  const out: string[] = []
  for (let i = 0; i <= labels.length - 2; i++) out.push(labels.slice(i).join('.'))
  return out
}

/**
 * Web addresses written anywhere in a text: full URLs and bare domains ("see silverstar-example.com").
 * A domain right after "@" is an email's, not a website. File names such as "resume.pdf" come out too;
 * they are harmless, since only a listed website can match.
 */
export function findWebAddresses(text: string): string[] {
  const visible = refanged(text.replace(/[\u00AD\u180E\u200B-\u200F\u2060-\u2064\uFEFF]/g, ''))
  const re = /(?:\b[a-z][a-z0-9+.-]*:\/\/)?(?<![@\w.-])(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24}\.?(?::\d{1,5})?(?:\/[^\s<>"'()[\]]*)?/gi
  const out = new Set<string>()
  for (const m of visible.match(re) ?? []) {
    const cleaned = m.replace(/[.,;:!?]+$/, '')
    if (parseWebAddress(cleaned)) out.add(cleaned)
  }
  return [...out]
}

/** Addresses as threat reports write them so that they cannot be clicked ("hxxps://x[.]site", "x(.)com", "x[dot]com"): put back. */
function refanged(text: string): string {
  if (!/hxxp|\[\.\]|\(\.\)|\[dot\]|\{\.\}|\[:\]/i.test(text)) return text
  return text.replace(/\bhxxp(s?)(\[:\]|:)\/\//gi, 'http$1://').replace(/\[\.\]|\(\.\)|\{\.\}|\[dot\]/gi, '.')
}

/** Digits only, international form when it has a prefix ("00" or "+"); short numbers are not kept. */
export function normalisePhoneDigits(value: string): string | null {
  const international = /^\s*(\+|00)/.test(value)
  let digits = value.replace(/\D/g, '')
  if (international && value.trim().startsWith('00')) digits = digits.slice(2)
  return digits.length >= 7 ? digits : null
}

/**
 * A phone number as its significant digits, however it is written: "+98 (21) 6615-3220", "0098 21 66153220",
 * "(98)(21)(66153220)" as sdn.csv has it, "tel:+982166153220" all give "982166153220"; the national form
 * "021 6615 3220" gives "2166153220". A "(0)" after the country code, the international prefixes 00 and
 * 011 and an extension ("ext. 12", "x12") are dropped. Null for fewer than seven digits or more than fifteen.
 */
export function phoneSignificantDigits(value: string): string | null {
  return phoneDigitVariants(value)[0]?.digits ?? null
}

/**
 * The readings of a written number, the first being phoneSignificantDigits'. A leading 0 of a national
 * number is a trunk prefix in most countries but part of the number in some (Côte d'Ivoire "07 00 00 2071"),
 * so both are kept; a 0 written after a country code ("+31 010-4951863", "96407707840824" as sdn.csv has
 * them) is read without it too. `withArea`: written in a form that carries its area code (international,
 * or national with its trunk 0), so a short number is still a whole one.
 */
export function phoneDigitVariants(value: string): Array<{ digits: string; withArea: boolean }> {
  let v = stripInvisible(value).toLowerCase().replace(/^tel:/, '').replace(/(?:ext\.?|x|#)\d{1,5}$/, '')
  // "+98 (0)21 …": the bracketed trunk zero is not dialled from abroad.
  v = v.replace(/\(0\)(?=[\d(])/g, '')
  const plus = v.startsWith('+')
  let digits = v.replace(/\D/g, '')
  const out: Array<{ digits: string; withArea: boolean }> = []
  let international = plus
  if (!plus) {
    const prefix = digits.startsWith('00') ? 2 : digits.startsWith('011') && digits.length >= 13 ? 3 : 0
    if (prefix) {
      digits = digits.slice(prefix)
      international = true
    } else if (/^8\d{10}$/.test(digits) && /^\s*8(?:\s*\(|[\s-]\d{3}[\s)-])/.test(value.replace(ZERO_WIDTH, ''))) {
      // "8 (812) 335-89-79", "8 911 035 49 82": the trunk 8 of Russia and Kazakhstan, country code 7.
      return [{ digits: `7${digits.slice(1)}`, withArea: true }, { digits: digits.slice(1), withArea: true }, { digits, withArea: false }]
    } else if (digits.startsWith('0')) {
      out.push({ digits: digits.slice(1), withArea: true }, { digits, withArea: true })
      return out.filter(x => x.digits.length >= 7 && x.digits.length <= 15)
    }
  }
  out.push({ digits, withArea: international })
  for (let k = 1; k <= 3; k++) if (digits[k] === '0' && digits.length > 9) out.push({ digits: digits.slice(0, k) + digits.slice(k + 1), withArea: international })
  return out.filter(x => x.digits.length >= 7 && x.digits.length <= 15)
}

/** Digits two numbers must share at their end before they are compared at all (an index key). */
export const PHONE_TAIL = 7

/**
 * One number written two ways: the same significant digits, or one is the other without its country code
 * (one to three digits more) and is a whole number on its own: nine digits at least, or seven when it was
 * written with its area code. A local number without its area code ("6615 3220") names a number in every
 * city and is not matched.
 */
export function phonesSame(a: { digits: string; withArea: boolean }, b: { digits: string; withArea: boolean }): boolean {
  if (a.digits === b.digits) return true
  const [short, long] = a.digits.length < b.digits.length ? [a, b] : [b, a]
  return (short.digits.length >= 9 || (short.withArea && short.digits.length >= 7)) && long.digits.length - short.digits.length <= 3 && long.digits.endsWith(short.digits)
}

/**
 * Phone numbers written anywhere in a text ("call +86 136-2158-3465 after 6", "WhatsApp: 0086 13621583465"):
 * runs of digits with the usual separators, nine to fifteen digits after an international prefix (eight
 * when written with "+" or a trunk 0). Years, date ranges and numbers glued to letters (wallets, IDs) are
 * left alone.
 */
export function findPhoneNumbers(text: string): string[] {
  const out = new Set<string>()
  const visible = text.replace(/[\u00AD\u180E\u200B-\u200F\u2060-\u2064\uFEFF]/g, '')
  for (const m of visible.match(/(?<![\w.+/-])(?:\+\s?)?\(?\+?\d[\d\s().-]{6,24}\d(?![\w/])/g) ?? []) {
    const written = m.trim()
    const digits = written.replace(/\D/g, '').replace(/^00/, '')
    const marked = /^\(?(\+|0)/.test(written)
    if (digits.length < (marked ? 8 : 9) || digits.length > 15) continue
    // "2018-2020", "2019 - 2021", "05.03.2024", "2024-05-03": dates, not numbers.
    if (/^(19|20)\d\d\s*[-–/.]\s*(19|20)\d\d$/.test(written) || /^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}$/.test(written)) continue
    if (/\d\s{2,}\d/.test(written)) continue
    out.add(written)
  }
  return [...out]
}

/** The domain of an email or web address, for "is this the employer's domain?" questions. */
export function domainOf(value: string): string | null {
  const at = value.lastIndexOf('@')
  if (at >= 0) return value.slice(at + 1).trim().toLowerCase() || null
  return normaliseWebsite(value)
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']
const iso = (y: number, m: number, d: number): string | null => {
  if (m < 1 || m > 12 || d < 1 || d > 31) return null
  const date = new Date(Date.UTC(y, m - 1, d))
  return date.getUTCMonth() === m - 1 ? `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` : null
}
const monthOf = (word: string) => MONTHS.indexOf(word.slice(0, 3).toLowerCase()) + 1

/**
 * Every reading of a written date of birth, as ISO dates: "1965-04-25", "25/04/1965", "04/25/1965",
 * "25.04.1965", "25 Apr 1965", "April 25, 1965", "1965/04/25". An ambiguous one ("04/05/1965") keeps both
 * readings: which order a person used is unknown, and either agreeing with the listing is worth a look.
 * A year alone ("1965", as the list often has) stays a year; a month and year stay "1965-04".
 */
export function birthDateReadings(text: string): string[] {
  const t = text.replace(/[\u00AD\u180E\u200B-\u200F\u2060-\u2064\uFEFF]/g, '').trim().replace(/\s+/g, ' ').replace(/(\d)(st|nd|rd|th)\b/gi, '$1')
  let m: RegExpExecArray | null
  const one = (s: string | null) => (s ? [s] : [])
  if ((m = /^(\d{4})[-/. ](\d{1,2})[-/. ](\d{1,2})(?:T.*)?$/.exec(t))) return one(iso(+m[1]!, +m[2]!, +m[3]!))
  if ((m = /^(\d{1,2})[-/. ](\d{1,2})[-/. ](\d{4})$/.exec(t))) {
    const a = +m[1]!, b = +m[2]!, y = +m[3]!
    return [...new Set([iso(y, b, a), iso(y, a, b)].filter((s): s is string => s !== null))]
  }
  if ((m = /^(\d{1,2})[ -]?([a-z]{3,9})\.?,?[ -]?(\d{4})$/i.exec(t)) && monthOf(m[2]!)) return one(iso(+m[3]!, monthOf(m[2]!), +m[1]!))
  if ((m = /^([a-z]{3,9})\.? (\d{1,2}),? (\d{4})$/i.exec(t)) && monthOf(m[1]!)) return one(iso(+m[3]!, monthOf(m[1]!), +m[2]!))
  if ((m = /^([a-z]{3,9})\.? (\d{4})$/i.exec(t)) && monthOf(m[1]!)) return [`${m[2]}-${String(monthOf(m[1]!)).padStart(2, '0')}`]
  if ((m = /^(\d{4})$/.exec(t))) return [m[1]!]
  return []
}
