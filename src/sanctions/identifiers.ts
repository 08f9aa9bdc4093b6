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
  // An address inside a link's query, percent-encoded ("…/apply?email=kim%40gmail.com&src=li").
  const decoded = value.includes('%40') ? value.replace(/%40/g, '@') : value
  const bracketed = /<\s*(?:mailto:)?([^<>\s]+@[^<>\s]+?)\s*>/.exec(decoded)
  if (bracketed && whole.test(bracketed[1]!)) return bracketed[1]!
  if (decoded.includes('@')) {
    // The one address-shaped run in the text, whatever stands around it: a label in any script ("QQ邮箱："),
    // a note after it, "mailto:", a query's "email=".
    const found = [...new Set(decoded.match(/(?<![a-z0-9._%+-])[a-z0-9][a-z0-9._%+-]*@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}(?![a-z0-9-])/g) ?? [])]
    if (found.length === 1 && found[0] !== decoded.replace(/^mailto:/, '').replace(/\.$/, '')) return found[0]!
    return null
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

/** Month names in the languages applicants and lists write dates in (genitive forms where a date uses them), 1 to 12. */
const MONTH_NAMES: string[][] = [
  ['january', 'enero', 'janeiro', 'janvier', 'januar', 'janner', 'gennaio', 'januari', 'ocak', 'styczen', 'stycznia', 'января', 'январь', 'січня', 'ianuarie'],
  ['february', 'febrero', 'fevereiro', 'fevrier', 'februar', 'febbraio', 'februari', 'subat', 'luty', 'lutego', 'февраля', 'февраль', 'лютого', 'februarie'],
  ['march', 'marzo', 'marco', 'mars', 'marz', 'maart', 'mart', 'marzec', 'marca', 'марта', 'март', 'березня', 'martie'],
  ['april', 'abril', 'avril', 'aprile', 'nisan', 'kwiecien', 'kwietnia', 'апреля', 'апрель', 'квітня', 'aprilie'],
  ['may', 'mayo', 'maio', 'mai', 'maggio', 'mei', 'mayis', 'maj', 'maja', 'мая', 'май', 'травня'],
  ['june', 'junio', 'junho', 'juin', 'juni', 'giugno', 'haziran', 'czerwiec', 'czerwca', 'июня', 'июнь', 'червня', 'iunie'],
  ['july', 'julio', 'julho', 'juillet', 'juli', 'luglio', 'temmuz', 'lipiec', 'lipca', 'июля', 'июль', 'липня', 'iulie'],
  ['august', 'agosto', 'aout', 'augustus', 'agustos', 'sierpien', 'sierpnia', 'августа', 'август', 'серпня'],
  ['september', 'septiembre', 'setiembre', 'setembro', 'septembre', 'settembre', 'eylul', 'wrzesien', 'wrzesnia', 'сентября', 'сентябрь', 'вересня', 'septembrie'],
  ['october', 'octubre', 'outubro', 'octobre', 'oktober', 'ottobre', 'ekim', 'pazdziernik', 'pazdziernika', 'октября', 'октябрь', 'жовтня', 'octombrie'],
  ['november', 'noviembre', 'novembro', 'novembre', 'kasim', 'listopad', 'listopada', 'ноября', 'ноябрь', 'листопада', 'noiembrie'],
  ['december', 'diciembre', 'dezembro', 'decembre', 'dezember', 'dicembre', 'aralik', 'grudzien', 'grudnia', 'декабря', 'декабрь', 'грудня', 'decembrie'],
]
const ROMAN_MONTHS = ['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x', 'xi', 'xii']
const foldMonth = (w: string) => w.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/ı/g, 'i').replace(/ł/g, 'l').replace(/\.$/, '')
/** Every full name, and each beginning of three letters or more that only one month's names share ("sept", "okt", "févr"). */
const MONTH_OF = (() => {
  const out = new Map<string, number>()
  const clash = new Set<string>()
  MONTH_NAMES.forEach((names, i) =>
    names.forEach(name => {
      const n = foldMonth(name)
      for (let k = 3; k <= n.length; k++) {
        const prefix = n.slice(0, k)
        if (out.has(prefix) && out.get(prefix) !== i + 1) clash.add(prefix)
        else out.set(prefix, i + 1)
      }
    }),
  )
  for (const c of clash) out.delete(c)
  MONTH_NAMES.forEach((names, i) => names.forEach(name => out.set(foldMonth(name), i + 1)))
  return out
})()
const iso = (y: number, m: number, d: number): string | null => {
  if (m < 1 || m > 12 || d < 1 || d > 31) return null
  const date = new Date(Date.UTC(y, m - 1, d))
  return date.getUTCMonth() === m - 1 ? `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` : null
}
const monthOf = (word: string) => MONTH_OF.get(foldMonth(word)) ?? ROMAN_MONTHS.indexOf(word.toLowerCase()) + 1
/** A year as written: four digits, or two ("'85", "62") read in either century that is not still to come. */
const yearsOf = (y: string): number[] => {
  const digits = y.replace(/^['’‘]/, '')
  if (digits.length === 4) return [+digits]
  const yy = +digits
  const now = new Date().getUTCFullYear()
  return [1900 + yy, 2000 + yy].filter(year => year <= now)
}

/**
 * Every reading of a written date of birth, as ISO dates: "1965-04-25", "25/04/1965", "04/25/1965",
 * "25.04.1965", "25 Apr 1965", "April 25, 1965", "1965/04/25", "25.IV.1965", month names in Spanish,
 * Portuguese, French, German, Italian, Dutch, Turkish, Polish, Romanian, Russian and Ukrainian ("8 апреля
 * 1996 г.", "20 de octubre de 1988", "4. März 1993"), Korean, Chinese and Japanese dates ("1965년 4월 25일",
 * "1977年3月25日", "1984. 1. 8."), two-digit years ("13.10.62", "19 Oct. '85") in either century. An ambiguous
 * one ("04/05/1965") keeps both readings: which order a person used is unknown, and either agreeing with the
 * listing is worth a look. A year alone ("1965", as the list often has) stays a year; a month and year stay "1965-04".
 */
export function birthDateReadings(text: string): string[] {
  const t = text
    .replace(/[\u00AD\u180E\u200B-\u200F\u2060-\u2064\uFEFF]/g, '')
    // Year, month and day marked in Korean, Chinese or Japanese ("1965년 4월 25일", "1977年3月25日").
    .replace(/\s*(?:년|年)\s*/g, '-')
    .replace(/\s*(?:월|月)\s*/g, '-')
    .replace(/\s*(?:일|日)\s*$/, '')
    .trim()
    .replace(/\s+(?:г\.?|года|р\.?|року)$/i, '')
    .replace(/\s+(?:de|del)\s+/gi, ' ')
    .replace(/(\d)\.(?=\s*\p{L})/gu, '$1')
    .replace(/\.$/, '')
    .replace(/\s+/g, ' ')
    .replace(/(\d)(st|nd|rd|th|er|e)\b/gi, '$1')
  let m: RegExpExecArray | null
  const all = (xs: Array<string | null>) => [...new Set(xs.filter((s): s is string => s !== null))]
  if ((m = /^(\d{4})\s?[-/.]\s?(\d{1,2})\s?[-/.]\s?(\d{1,2})(?:T.*)?$/.exec(t))) return all([iso(+m[1]!, +m[2]!, +m[3]!)])
  if ((m = /^(\d{1,2})[-/. ](\d{1,2})[-/. ]((?:\d{2}){1,2})$/.exec(t))) {
    const a = +m[1]!, b = +m[2]!
    return all(yearsOf(m[3]!).flatMap(y => [iso(y, b, a), iso(y, a, b)]))
  }
  const word = '([\\p{L}]{1,12})\\.?'
  if ((m = new RegExp(`^(\\d{1,2})[ -.]?${word},?[ -.]?([’'‘]?\\d{2}|\\d{4})$`, 'iu').exec(t)) && monthOf(m[2]!)) return all(yearsOf(m[3]!).map(y => iso(y, monthOf(m![2]!), +m![1]!)))
  if ((m = new RegExp(`^${word} (\\d{1,2}),? ([’'‘]?\\d{2}|\\d{4})$`, 'iu').exec(t)) && monthOf(m[1]!)) return all(yearsOf(m[3]!).map(y => iso(y, monthOf(m![1]!), +m![2]!)))
  if ((m = new RegExp(`^${word} (\\d{4})$`, 'iu').exec(t)) && monthOf(m[1]!)) return [`${m[2]}-${String(monthOf(m[1]!)).padStart(2, '0')}`]
  if ((m = /^(\d{4})$/.exec(t))) return [m[1]!]
  return []
}
