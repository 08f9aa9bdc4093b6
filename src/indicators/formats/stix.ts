import { createHash } from 'node:crypto'
import { normaliseIndicator } from '../normalise'
import { parseTlp, stricterTlp } from '../tlp'
import { INDICATOR_KINDS, type Indicator, type IndicatorKind, type ParsedFeed, type Rejection, type Tlp } from '../types'

/**
 * STIX 2.1 bundles of shared indicators (issue 16): what we export, and what we can read from anyone.
 *
 * Object choices:
 * - Standard cyber-observable types where STIX has one: email-addr, ipv4-addr/ipv6-addr, domain-name, url,
 *   and user-account (account_type = the network, account_login = the login) for handles, so that any
 *   STIX consumer can match them.
 * - STIX has no observable for a phone number, a wallet, a payout account, a postal address or our resume
 *   and photo fingerprints, so these use custom object types with the `x-` prefix the specification
 *   reserves for them (x-phone-number:value, x-crypto-wallet:address, x-bank-account:value,
 *   x-street-address:value, x-resume-minhash:signature, x-photo-phash:value). Other tools keep them as
 *   opaque patterns; another Vetting Desk reads them back.
 * - A hashed indicator is an HMAC, not the identifier, so no observable type fits it: the pattern
 *   `[x-vetting-hmac:<kind> = '<hex>']` says which kind was hashed (hyphens become underscores because a
 *   STIX property name cannot hold one).
 *
 * Ids are UUIDv5 from the content under a namespace drawn from `idSeed`, so a re-export of the same
 * indicator keeps its id (a platform updates it instead of adding a copy) and `modified` moves on.
 * Nothing here names, places or describes a person: an Indicator has no such field.
 */

/** OASIS TLP 2.0 extension (cti-stix-common-objects, extension-definition-specifications/tlp-2.0). */
export const TLP2_EXTENSION_ID = 'extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d'
/** The `created` every published TLP 2.0 marking-definition carries (part of the published object). */
const TLP2_CREATED = '2022-10-01T00:00:00.000Z'

/** The fixed marking-definition ids OASIS published for TLP 2.0 (same source as the extension). */
export const TLP2_MARKING_IDS: Readonly<Record<Tlp, string>> = {
  clear: 'marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487',
  green: 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb',
  amber: 'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421',
  'amber+strict': 'marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003',
  red: 'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1',
}

/** TLP 1.0 ids predefined by STIX 2.1 §7.2.1.4 (and the OASIS marking-definition schema); WHITE reads as CLEAR. */
export const TLP1_MARKING_IDS: Readonly<Record<string, Tlp>> = {
  'marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9': 'clear',
  'marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da': 'green',
  'marking-definition--f88d31f6-486f-44da-b317-01333bde0b82': 'amber',
  'marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed': 'red',
}

const TLP2_NAMES: Readonly<Record<Tlp, string>> = { clear: 'TLP:CLEAR', green: 'TLP:GREEN', amber: 'TLP:AMBER', 'amber+strict': 'TLP:AMBER+STRICT', red: 'TLP:RED' }

/** The published TLP 2.0 marking-definition object, exactly as OASIS gives it. */
export function tlpMarkingDefinition(tlp: Tlp) {
  return {
    type: 'marking-definition',
    spec_version: '2.1',
    id: TLP2_MARKING_IDS[tlp],
    created: TLP2_CREATED,
    name: TLP2_NAMES[tlp],
    extensions: { [TLP2_EXTENSION_ID]: { extension_type: 'property-extension', tlp_2_0: tlp } },
  }
}

/** Public names of the scheme (Microsoft: Jasper Sleet; CrowdStrike: Famous Chollima; Mandiant: UNC5267; Secureworks: Nickel Tapestry; Unit 42: Wagemole). */
export const SCHEME_NAME = 'DPRK remote IT worker scheme'
export const SCHEME_ALIASES = ['Famous Chollima', 'Jasper Sleet', 'UNC5267', 'Nickel Tapestry', 'Wagemole']

/** `created` of the objects this module defines (identity, intrusion-set): constant so every export is a later version of one object. */
const DEFINED_AT = '2026-01-01T00:00:00.000Z'

/** Namespace of Vetting Desk STIX ids (a fixed random UUID); each export seed gets its own below it. */
const VETTING_NAMESPACE = '3f0c6a52-8d1e-4b7a-9c55-2a6e1f4d9b30'

const FINGERPRINTS: ReadonlySet<IndicatorKind> = new Set(['resume-minhash', 'photo-phash'])

/** kind → [observable type, property] for plain (not hashed) values; handles and IPs are special. */
const PLAIN_PATH: Readonly<Record<Exclude<IndicatorKind, 'handle' | 'ip'>, readonly [string, string]>> = {
  email: ['email-addr', 'value'],
  domain: ['domain-name', 'value'],
  url: ['url', 'value'],
  phone: ['x-phone-number', 'value'],
  wallet: ['x-crypto-wallet', 'address'],
  'payout-account': ['x-bank-account', 'value'],
  address: ['x-street-address', 'value'],
  'resume-minhash': ['x-resume-minhash', 'signature'],
  'photo-phash': ['x-photo-phash', 'value'],
}

const HMAC_TYPE = 'x-vetting-hmac'

// ---------------------------------------------------------------------------------------------------
// ids

function uuidBytes(uuid: string): Buffer {
  return Buffer.from(uuid.replace(/-/g, ''), 'hex')
}

/** RFC 9562 UUID version 5 (SHA-1 of namespace and name). */
export function uuidV5(namespace: string, name: string): string {
  const h = createHash('sha1').update(uuidBytes(namespace)).update(name, 'utf8').digest()
  h[6] = (h[6]! & 0x0f) | 0x50
  h[8] = (h[8]! & 0x3f) | 0x80
  const x = h.subarray(0, 16).toString('hex')
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`
}

// ---------------------------------------------------------------------------------------------------
// export

/** A STIX pattern string literal: only `\'` and `\\` are escapes in the grammar (STIXPattern.g4). */
export const stixString = (s: string) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`

/** Why an Indicator cannot be written: a caller's bug, so it is thrown (no value in the message: it may identify someone). */
export class StixExportError extends Error {}

export function stixPattern(ind: Pick<Indicator, 'kind' | 'value' | 'hashed'>): string {
  if (ind.hashed) return `[${HMAC_TYPE}:${ind.kind.replace(/-/g, '_')} = ${stixString(ind.value)}]`
  if (ind.kind === 'ip') return `[${ind.value.includes(':') ? 'ipv6-addr' : 'ipv4-addr'}:value = ${stixString(ind.value)}]`
  if (ind.kind === 'handle') {
    const i = ind.value.indexOf(':')
    return `[user-account:account_type = ${stixString(ind.value.slice(0, i))} AND user-account:account_login = ${stixString(ind.value.slice(i + 1))}]`
  }
  const [type, prop] = PLAIN_PATH[ind.kind]
  return `[${type}:${prop} = ${stixString(ind.value)}]`
}

function isoOrThrow(v: unknown, what: string, at?: number): string {
  const where = at === undefined ? '' : `indicators[${at}]: `
  const t = typeof v === 'string' ? Date.parse(v) : NaN
  if (!Number.isFinite(t)) throw new StixExportError(`${where}${what} is not a timestamp`)
  const iso = new Date(t).toISOString()
  if (!/^\d{4}-/.test(iso)) throw new StixExportError(`${where}${what} is out of range`)
  return iso
}

function checkIndicator(ind: Indicator, at: number) {
  if (!(INDICATOR_KINDS as readonly string[]).includes(ind.kind)) throw new StixExportError(`indicators[${at}]: unknown kind`)
  if (typeof ind.value !== 'string' || !ind.value) throw new StixExportError(`indicators[${at}]: empty value`)
  if (ind.hashed) {
    if (FINGERPRINTS.has(ind.kind)) throw new StixExportError(`indicators[${at}]: a ${ind.kind} fingerprint is never hashed`)
    if (!/^[0-9a-f]{64}$/.test(ind.value)) throw new StixExportError(`indicators[${at}]: a hashed value must be 64 lower-case hex digits (HMAC-SHA256)`)
  } else if (ind.kind === 'handle' && !/^[^:]+:[^:]+$/.test(ind.value)) {
    throw new StixExportError(`indicators[${at}]: a handle is written network:login`)
  }
  if (!Number.isInteger(ind.confidence) || ind.confidence < 0 || ind.confidence > 100) throw new StixExportError(`indicators[${at}]: confidence must be an integer from 0 to 100`)
  if (!parseTlp(String(ind.tlp))) throw new StixExportError(`indicators[${at}]: unknown TLP`)
}

export interface StixExportOptions {
  /** our organisation, written as the bundle's identity */
  organisation: string
  /** the export's marking: each indicator carries the stricter of it and its own */
  tlp: Tlp
  now: Date
  /** keeps ids stable across exports (default: the organisation) */
  idSeed?: string
}

/**
 * A STIX 2.1 bundle of `indicators`: our identity, the TLP 2.0 markings used, the scheme as an
 * intrusion-set, one indicator each and an `indicates` relationship from each to the scheme. The caller
 * decides what may be re-exported (tlp.ts mayReexport); each indicator keeps the stricter of `opts.tlp`
 * and its own marking. Throws StixExportError for an Indicator that cannot be written (bad timestamp,
 * confidence, hashed fingerprint…).
 */
export function toStixBundle(indicators: Indicator[], opts: StixExportOptions): object {
  const now = isoOrThrow(opts.now instanceof Date && Number.isFinite(opts.now.getTime()) ? opts.now.toISOString() : '', 'now')
  if (!parseTlp(String(opts.tlp))) throw new StixExportError('unknown export TLP')
  const ns = uuidV5(VETTING_NAMESPACE, `seed:${opts.idSeed ?? opts.organisation}`)
  const identityId = `identity--${uuidV5(ns, `identity:${opts.organisation}`)}`
  const schemeId = `intrusion-set--${uuidV5(ns, 'intrusion-set:dprk-remote-it-workers')}`
  const used = new Set<Tlp>([opts.tlp])
  const later = (a: string, b: string) => (a >= b ? a : b)

  const identity = {
    type: 'identity',
    spec_version: '2.1',
    id: identityId,
    created: DEFINED_AT,
    modified: later(now, DEFINED_AT),
    name: opts.organisation,
    identity_class: 'organization',
    object_marking_refs: [TLP2_MARKING_IDS[opts.tlp]],
  }
  const scheme = {
    type: 'intrusion-set',
    spec_version: '2.1',
    id: schemeId,
    created_by_ref: identityId,
    created: DEFINED_AT,
    modified: later(now, DEFINED_AT),
    name: SCHEME_NAME,
    description: 'State-directed scheme placing remote IT workers under false or borrowed identities with employers abroad to earn revenue, as described in public government and industry advisories.',
    aliases: SCHEME_ALIASES,
    resource_level: 'government',
    primary_motivation: 'organizational-gain',
    object_marking_refs: [TLP2_MARKING_IDS[opts.tlp]],
  }

  const seen = new Set<string>()
  const sdos: object[] = []
  const relationships: object[] = []
  indicators.forEach((ind, i) => {
    checkIndicator(ind, i)
    const firstSeen = isoOrThrow(ind.firstSeen, 'firstSeen', i)
    const lastSeen = isoOrThrow(ind.lastSeen, 'lastSeen', i)
    const expires = ind.expires === undefined ? undefined : isoOrThrow(ind.expires, 'expires', i)
    if (expires !== undefined && expires <= firstSeen) throw new StixExportError(`indicators[${i}]: expires must be after firstSeen (STIX valid_until > valid_from)`)
    const key = `${ind.hashed ? 'hmac' : 'plain'}:${ind.kind}:${ind.value}`
    if (seen.has(key)) throw new StixExportError(`indicators[${i}]: the same indicator is given twice`)
    seen.add(key)
    const tlp = stricterTlp(opts.tlp, ind.tlp)
    used.add(tlp)
    const id = `indicator--${uuidV5(ns, `indicator:${key}`)}`
    const modified = later(now, firstSeen)
    const families = [...new Set(ind.families.filter(f => typeof f === 'string' && f.trim()))]
    sdos.push({
      type: 'indicator',
      spec_version: '2.1',
      id,
      created_by_ref: identityId,
      created: firstSeen,
      modified,
      name: `${ind.kind}${ind.hashed ? ' (HMAC)' : ''} seen in a confirmed case`,
      ...(ind.comment ? { description: ind.comment.slice(0, 1000) } : {}),
      indicator_types: ['malicious-activity'],
      ...(families.length ? { labels: families } : {}),
      pattern: stixPattern(ind),
      pattern_type: 'stix',
      pattern_version: '2.1',
      valid_from: firstSeen,
      ...(expires ? { valid_until: expires } : {}),
      confidence: ind.confidence,
      object_marking_refs: [TLP2_MARKING_IDS[tlp]],
      x_vetting_last_seen: lastSeen,
    })
    relationships.push({
      type: 'relationship',
      spec_version: '2.1',
      id: `relationship--${uuidV5(ns, `relationship:${id}:indicates:${schemeId}`)}`,
      created_by_ref: identityId,
      created: firstSeen,
      modified,
      relationship_type: 'indicates',
      source_ref: id,
      target_ref: schemeId,
      object_marking_refs: [TLP2_MARKING_IDS[tlp]],
    })
  })

  const markings = (Object.keys(TLP2_MARKING_IDS) as Tlp[]).filter(t => used.has(t)).map(tlpMarkingDefinition)
  const objects = [...markings, identity, scheme, ...sdos, ...relationships]
  const bundleId = `bundle--${uuidV5(ns, `bundle:${now}:${createHash('sha256').update(JSON.stringify(objects)).digest('hex')}`)}`
  return { type: 'bundle', id: bundleId, objects }
}

// ---------------------------------------------------------------------------------------------------
// STIX patterns (the subset that names identifiers)

type Token =
  | { t: 'path'; v: string; at: number }
  | { t: 'str'; v: string; at: number }
  | { t: 'punct'; v: string; at: number }
  | { t: 'op'; v: string; at: number }
  | { t: 'word'; v: string; at: number }
  | { t: 'literal'; v: string; at: number }

export const MAX_PATTERN_LENGTH = 100_000
const MAX_COMPARISONS = 1_000

const PATH_RE = /[A-Za-z_][A-Za-z0-9_-]*:(?:[A-Za-z_][A-Za-z0-9_]*|'(?:[^'\\]|\\['\\])*')(?:\.(?:[A-Za-z_][A-Za-z0-9_]*|'(?:[^'\\]|\\['\\])*')|\[(?:\d+|\*)\])*/y
const WORD_RE = /[A-Za-z_][A-Za-z0-9_]*/y
const NUMBER_RE = /[+-]?(?:\d+(?:\.\d+)?|\.\d+)/y
const OPS = ['<=', '>=', '!=', '<>', '==', '=', '<', '>']

/** Tokens of a pattern, or why it is not one. Linear in the length; no recursion. */
function lex(src: string): Token[] | string {
  const out: Token[] = []
  let i = 0
  while (i < src.length) {
    const c = src[i]!
    if (/\s/.test(c)) { i++; continue }
    if (src.startsWith('/*', i)) {
      const end = src.indexOf('*/', i + 2)
      if (end < 0) return 'a comment is not closed'
      i = end + 2
      continue
    }
    if (src.startsWith('//', i)) {
      const end = src.indexOf('\n', i)
      i = end < 0 ? src.length : end + 1
      continue
    }
    if ('[](),'.includes(c)) { out.push({ t: 'punct', v: c, at: i }); i++; continue }
    if (c === "'" || ((c === 't' || c === 'h' || c === 'b') && src[i + 1] === "'")) {
      const prefixed = c !== "'"
      let j = prefixed ? i + 2 : i + 1
      let v = ''
      for (;;) {
        if (j >= src.length) return 'a string is not closed'
        const d = src[j]!
        if (d === "'") break
        if (d === '\\') {
          const e = src[j + 1]
          if (e !== "'" && e !== '\\') return 'a string holds an escape other than \\\' or \\\\'
          v += e
          j += 2
          continue
        }
        v += d
        j++
      }
      out.push(prefixed ? { t: 'literal', v: `${c}'…'`, at: i } : { t: 'str', v, at: i })
      i = j + 1
      continue
    }
    PATH_RE.lastIndex = i
    const path = PATH_RE.exec(src)
    if (path) { out.push({ t: 'path', v: path[0], at: i }); i += path[0].length; continue }
    WORD_RE.lastIndex = i
    const word = WORD_RE.exec(src)
    if (word) { out.push({ t: 'word', v: word[0], at: i }); i += word[0].length; continue }
    NUMBER_RE.lastIndex = i
    const num = NUMBER_RE.exec(src)
    if (num) { out.push({ t: 'literal', v: num[0], at: i }); i += num[0].length; continue }
    const op = OPS.find(o => src.startsWith(o, i))
    if (op) { out.push({ t: 'op', v: op, at: i }); i += op.length; continue }
    return `unexpected character at position ${i}`
  }
  return out
}

interface Comparison {
  path: string
  value: string
}

/**
 * The identifiers a pattern names: a list of alternatives (OR), each one comparison or an AND of
 * comparisons on one object. Only `path = 'string'` comparisons inside `[...]`, joined by OR (between
 * or inside observations) or AND (inside one observation), are read; anything else gives its reason.
 */
export function readPattern(src: string): Comparison[][] | string {
  if (src.length > MAX_PATTERN_LENGTH) return `the pattern is longer than ${MAX_PATTERN_LENGTH.toLocaleString('en')} characters`
  const tokens = lex(src)
  if (typeof tokens === 'string') return `malformed pattern: ${tokens}`
  const alternatives: Comparison[][] = []
  let count = 0
  let k = 0
  const peek = () => tokens[k]
  const describe = (t: Token | undefined) => (t ? `'${t.t === 'str' ? 'a string' : t.v}' at position ${t.at}` : 'the end of the pattern')
  for (;;) {
    const open = peek()
    if (open?.t === 'punct' && open.v === '(') return 'grouping observations with parentheses is not read'
    if (!(open?.t === 'punct' && open.v === '[')) return `malformed pattern: expected '[' but found ${describe(open)}`
    k++
    let group: Comparison[] = []
    for (;;) {
      const path = peek()
      if (path?.t === 'punct' && path.v === '(') return 'grouping comparisons with parentheses is not read'
      if (path?.t === 'word' && (path.v === 'NOT' || path.v === 'EXISTS')) return `${path.v} comparisons do not name an identifier`
      if (path?.t !== 'path') return `malformed pattern: expected an object path but found ${describe(path)}`
      k++
      const op = peek()
      if (op?.t === 'word' && ['NOT', 'LIKE', 'MATCHES', 'IN', 'ISSUBSET', 'ISSUPERSET'].includes(op.v)) return `only equality comparisons are read (found ${op.v})`
      if (op?.t !== 'op') return `malformed pattern: expected a comparison operator but found ${describe(op)}`
      if (op.v !== '=' && op.v !== '==') return `only equality comparisons are read (found ${op.v})`
      k++
      const lit = peek()
      if (lit?.t === 'literal' || (lit?.t === 'word' && (lit.v === 'true' || lit.v === 'false'))) return `${path.v} is compared with something other than a string`
      if (lit?.t !== 'str') return `malformed pattern: expected a string but found ${describe(lit)}`
      k++
      if (++count > MAX_COMPARISONS) return `the pattern has more than ${MAX_COMPARISONS} comparisons`
      group.push({ path: path.v, value: lit.v })
      const next = peek()
      if (next?.t === 'word' && next.v === 'AND') { k++; continue }
      if (next?.t === 'word' && next.v === 'OR') { alternatives.push(group); group = []; k++; continue }
      if (next?.t === 'punct' && next.v === ']') { alternatives.push(group); k++; break }
      return `malformed pattern: expected AND, OR or ']' but found ${describe(next)}`
    }
    const after = peek()
    if (!after) return alternatives
    if (after.t === 'word' && after.v === 'OR') { k++; continue }
    if (after.t === 'word' && after.v === 'AND') return 'observations joined by AND describe several things at once, not one identifier'
    if (after.t === 'word' && after.v === 'FOLLOWEDBY') return 'FOLLOWEDBY describes a sequence of events, not one identifier'
    if (after.t === 'word' && ['WITHIN', 'START', 'REPEATS'].includes(after.v)) return `qualifiers (${after.v}) are not read`
    return `malformed pattern: unexpected ${describe(after)}`
  }
}

/** path → kind for one comparison naming an identifier (third parties and ours). */
const PATH_KIND: ReadonlyMap<string, IndicatorKind> = new Map<string, IndicatorKind>([
  ...Object.entries(PLAIN_PATH).map(([kind, [type, prop]]) => [`${type}:${prop}`, kind as IndicatorKind] as [string, IndicatorKind]),
  ['ipv4-addr:value', 'ip'],
  ['ipv6-addr:value', 'ip'],
  // the sender of a message: an email address like any other
  ['email-message:from_ref.value', 'email'],
  ['email-message:sender_ref.value', 'email'],
])

const HASHABLE: ReadonlyMap<string, IndicatorKind> = new Map(INDICATOR_KINDS.filter(k => !FINGERPRINTS.has(k)).map(k => [k.replace(/-/g, '_'), k]))

type Read = { kind: IndicatorKind; value: string; hashed: boolean } | { reason: string }

const KIND_WORDS: Readonly<Record<IndicatorKind, string>> = {
  email: 'an email address',
  phone: 'a phone number',
  'payout-account': 'a payout account (IBAN, account number or bank|number)',
  wallet: 'a wallet address',
  address: 'an address in the form street|postal code|country',
  handle: 'a handle',
  url: 'an http(s) URL',
  ip: 'a single IP address',
  domain: 'a domain name',
  'resume-minhash': 'a resume MinHash signature (1,024 hex digits)',
  'photo-phash': 'a photo perceptual hash (16 hex digits)',
}

function normalised(kind: IndicatorKind, raw: string, path: string): Read {
  // A single-host CIDR is the address itself.
  const v = kind === 'ip' ? raw.replace(/\/(32|128)$/, '') : raw
  const value = normaliseIndicator(kind, v)
  return value === null ? { reason: `${path} is not ${KIND_WORDS[kind]}` } : { kind, value, hashed: false }
}

/** One alternative of a pattern as an identifier, or why not. */
function readAlternative(group: Comparison[]): Read {
  if (group.length === 2) {
    const type = group.find(c => c.path === 'user-account:account_type')
    const login = group.find(c => c.path === 'user-account:account_login')
    if (type && login) return normalised('handle', `${type.value}:${login.value}`, 'user-account')
  }
  if (group.length !== 1) return { reason: 'comparisons joined by AND describe several properties at once, not one identifier' }
  const { path, value } = group[0]!
  if (path.startsWith(`${HMAC_TYPE}:`)) {
    const kind = HASHABLE.get(path.slice(HMAC_TYPE.length + 1))
    if (!kind) return { reason: `${path} is not a kind of identifier we hash` }
    return /^[0-9a-f]{64}$/i.test(value) ? { kind, value: value.toLowerCase(), hashed: true } : { reason: `${path} is not an HMAC-SHA256 (64 hex digits)` }
  }
  if (path === 'user-account:account_login' || path === 'user-account:user_id') return { reason: 'a user-account without its account_type (the network) cannot be compared' }
  const kind = PATH_KIND.get(path)
  if (!kind) return { reason: `the object path ${path.slice(0, 100)} is not one we read` }
  return normalised(kind, value, path)
}

// ---------------------------------------------------------------------------------------------------
// parse

export const MAX_STIX_OBJECTS = 100_000
const MAX_INDICATORS = 100_000

type Obj = Record<string, unknown>
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)
const own = (o: Obj, k: string): unknown => (Object.prototype.hasOwnProperty.call(o, k) ? o[k] : undefined)
const str = (o: Obj, k: string): string | undefined => {
  const v = own(o, k)
  return typeof v === 'string' ? v : undefined
}

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})$/i
function timestamp(v: unknown): string | null {
  if (typeof v !== 'string' || v.length > 40 || !TIMESTAMP.test(v)) return null
  const t = Date.parse(v)
  return Number.isFinite(t) ? new Date(t).toISOString() : null
}

/** Values of STIX's indicator-type vocabulary: in `labels` (STIX 2.0 habit) they are not rule families. */
const INDICATOR_TYPES = new Set(['anomalous-activity', 'anonymization', 'benign', 'compromised', 'malicious-activity', 'attribution', 'unknown'])

function familiesOf(o: Obj): string[] {
  const labels = own(o, 'labels')
  if (!Array.isArray(labels)) return []
  const out = new Set<string>()
  for (const l of labels.slice(0, 50)) {
    if (typeof l !== 'string') continue
    const f = l.trim()
    if (f && f.length <= 64 && !INDICATOR_TYPES.has(f.toLowerCase()) && !/[\p{Cc}]/u.test(f)) out.add(f)
  }
  return [...out].slice(0, 20)
}

/** The TLP a marking-definition object in the bundle stands for (TLP 1.0 `definition`, the TLP 2.0 extension, or its name). */
function markingTlp(o: Obj): Tlp | null {
  const def = own(o, 'definition')
  if (str(o, 'definition_type') === 'tlp' && isObj(def) && typeof own(def, 'tlp') === 'string') return parseTlp(String(own(def, 'tlp')).slice(0, 20))
  const ext = own(o, 'extensions')
  const tlp2 = isObj(ext) ? own(ext, TLP2_EXTENSION_ID) : undefined
  if (isObj(tlp2) && typeof own(tlp2, 'tlp_2_0') === 'string') return parseTlp(String(own(tlp2, 'tlp_2_0')).slice(0, 20))
  const name = str(o, 'name')
  return name && name.length < 30 && /^tlp:/i.test(name.trim()) ? parseTlp(name) : null
}

export interface StixParseOptions {
  /** when an observable has no time of its own (SCOs): first and last seen. Default: now. */
  receivedAt?: Date
  /**
   * The marking of what the bundle leaves unmarked. Default AMBER+STRICT: information given without a
   * marking gives no permission to pass it on, so it is not re-exported (tlp.ts mayReexport).
   */
  defaultTlp?: Tlp
}

interface Found extends Indicator {
  order: number
}

/**
 * Indicators from a STIX 2.1 bundle from anyone (ours or third parties'). Every value passes through
 * normaliseIndicator; what looks like an indicator but cannot be read is a Rejection; objects that are
 * not indicators (identities, intrusion sets, malware, reports…) are skipped. Never throws.
 */
export function parseStix(json: unknown, opts: StixParseOptions = {}): ParsedFeed {
  const rejected: Rejection[] = []
  try {
    return parseBundle(json, opts, rejected)
  } catch {
    // Defence in depth: nothing in a received file may stop an import.
    return { indicators: [], rejected: [...rejected, { at: 'bundle', reason: 'the file could not be read as STIX' }] }
  }
}

function parseBundle(input: unknown, opts: StixParseOptions, rejected: Rejection[]): ParsedFeed {
  let json = input
  if (typeof json === 'string') {
    try {
      json = JSON.parse(json)
    } catch {
      return { indicators: [], rejected: [{ at: 'bundle', reason: 'the file is not JSON' }] }
    }
  }
  let objects: unknown[]
  let bundle: Obj | undefined
  if (Array.isArray(json)) objects = json
  else if (isObj(json) && own(json, 'type') === 'bundle') {
    bundle = json
    const list = own(json, 'objects')
    if (list === undefined) return { indicators: [], rejected: [] }
    if (!Array.isArray(list)) return { indicators: [], rejected: [{ at: 'objects', reason: 'a bundle’s objects must be a list' }] }
    objects = list
  } else if (isObj(json) && typeof own(json, 'type') === 'string' && typeof own(json, 'id') === 'string') objects = [json]
  else return { indicators: [], rejected: [{ at: 'bundle', reason: 'not a STIX bundle (no "type": "bundle")' }] }
  if (objects.length > MAX_STIX_OBJECTS) {
    return { indicators: [], rejected: [{ at: 'objects', reason: `the bundle has ${objects.length.toLocaleString('en')} objects, more than the ${MAX_STIX_OBJECTS.toLocaleString('en')} we read at once: nothing was taken; split the feed` }] }
  }
  const receivedAt = opts.receivedAt && Number.isFinite(opts.receivedAt.getTime()) ? opts.receivedAt.toISOString() : new Date().toISOString()

  // First pass: markings and identities, which indicators refer to.
  const markings = new Map<string, Tlp>()
  const identities = new Map<string, string>()
  const indicatorsById = new Map<string, { o: Obj; at: number }>()
  objects.forEach((o, i) => {
    if (!isObj(o)) return
    const type = own(o, 'type')
    const id = str(o, 'id')
    if (type === 'marking-definition' && id && !(id in TLP1_MARKING_IDS) && !Object.values(TLP2_MARKING_IDS).includes(id)) {
      // The published ids mean what OASIS says, whatever a bundle redefines them as.
      const t = markingTlp(o)
      if (t) markings.set(id, t)
    } else if (type === 'identity' && id) {
      const name = str(o, 'name')?.replace(/\p{Cc}/gu, ' ').trim().slice(0, 200)
      if (name) identities.set(id, name)
    } else if (type === 'indicator') {
      // Several versions of one indicator: the latest counts. (One without an id is read on its own.)
      const key = id ?? `#${i}`
      const prev = indicatorsById.get(key)
      if (!prev || String(str(o, 'modified') ?? '') > String(str(prev.o, 'modified') ?? '')) indicatorsById.set(key, { o, at: i })
    }
  })
  for (const [id, t] of Object.entries(TLP1_MARKING_IDS)) markings.set(id, t)
  for (const [t, id] of Object.entries(TLP2_MARKING_IDS)) markings.set(id, t as Tlp)

  const tlpOfRefs = (refs: unknown): Tlp | null => {
    if (!Array.isArray(refs)) return null
    let found: Tlp | null = null
    for (const r of refs.slice(0, 100)) {
      const t = typeof r === 'string' ? markings.get(r) : undefined
      if (t) found = found ? stricterTlp(found, t) : t
    }
    return found
  }
  // The bundle's own marking: a (non-standard) object_marking_refs on it, or the strictest TLP it defines.
  let bundleTlp = bundle ? tlpOfRefs(own(bundle, 'object_marking_refs')) : null
  if (!bundleTlp) {
    for (const o of objects) {
      if (!isObj(o) || own(o, 'type') !== 'marking-definition') continue
      const t = markings.get(str(o, 'id') ?? '')
      if (t) bundleTlp = bundleTlp ? stricterTlp(bundleTlp, t) : t
    }
  }
  const fallbackTlp = bundleTlp ?? (opts.defaultTlp && parseTlp(opts.defaultTlp)) ?? 'amber+strict'
  const tlpOf = (o: Obj) => tlpOfRefs(own(o, 'object_marking_refs')) ?? fallbackTlp

  const found = new Map<string, Found>()
  let order = 0
  let full = false
  const add = (ind: Indicator, at: string) => {
    const key = `${ind.hashed ? 'h' : 'p'}|${ind.kind}|${ind.value}`
    const prev = found.get(key)
    if (!prev) {
      if (found.size >= MAX_INDICATORS) {
        if (!full) rejected.push({ at, reason: `more than ${MAX_INDICATORS.toLocaleString('en')} indicators: the rest were not taken` })
        full = true
        return
      }
      found.set(key, { ...ind, order: order++ })
      return
    }
    // The same identifier twice (an indicator and its observable, or two producers): keep the strictest
    // marking and the widest span, so merging never loosens what a sharer asked.
    prev.tlp = stricterTlp(prev.tlp, ind.tlp)
    prev.confidence = Math.max(prev.confidence, ind.confidence)
    if (ind.firstSeen < prev.firstSeen) prev.firstSeen = ind.firstSeen
    if (ind.lastSeen > prev.lastSeen) prev.lastSeen = ind.lastSeen
    prev.expires = prev.expires && ind.expires ? (prev.expires > ind.expires ? prev.expires : ind.expires) : undefined
    prev.families = [...new Set([...prev.families, ...ind.families])]
  }

  const producers = new Map<string, number>()
  for (const { o, at: i } of [...indicatorsById.values()].sort((a, b) => a.at - b.at)) {
    const at = `objects[${i}]`
    try {
      readIndicator(o, at, tlpOf(o), rejected, add, ref => {
        const name = identities.get(ref)
        if (name) producers.set(name, (producers.get(name) ?? 0) + 1)
      })
    } catch {
      rejected.push({ at, reason: 'this indicator could not be read' })
    }
  }
  objects.forEach((o, i) => {
    const at = `objects[${i}]`
    if (!isObj(o)) {
      rejected.push({ at, reason: 'not a STIX object' })
      return
    }
    const type = own(o, 'type')
    if (typeof type !== 'string' || !type) {
      rejected.push({ at, reason: 'a STIX object without a type' })
      return
    }
    try {
      readObservable(o, type, at, tlpOf(o), receivedAt, rejected, add)
    } catch {
      rejected.push({ at, reason: 'this object could not be read' })
    }
  })

  const indicators = [...found.values()].sort((a, b) => a.order - b.order).map(({ order: _o, ...ind }) => ind)
  const producer = [...producers.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? (identities.size === 1 ? [...identities.values()][0] : undefined)
  return { indicators, rejected, ...(producer ? { producer } : {}) }
}

function readIndicator(o: Obj, at: string, tlp: Tlp, rejected: Rejection[], add: (i: Indicator, at: string) => void, producedBy: (ref: string) => void) {
  if (own(o, 'revoked') === true) {
    rejected.push({ at, reason: 'the producer revoked this indicator' })
    return
  }
  const patternType = own(o, 'pattern_type')
  if (patternType !== undefined && patternType !== 'stix') {
    rejected.push({ at, reason: `patterns of type ${typeof patternType === 'string' ? patternType.slice(0, 30) : 'unknown'} are not read (only STIX patterns)` })
    return
  }
  const pattern = own(o, 'pattern')
  if (typeof pattern !== 'string') {
    rejected.push({ at, reason: 'an indicator without a pattern' })
    return
  }
  const firstSeen = timestamp(own(o, 'valid_from'))
  if (!firstSeen) {
    rejected.push({ at, reason: 'valid_from is missing or not a timestamp' })
    return
  }
  let expires: string | undefined
  if (own(o, 'valid_until') !== undefined) {
    const t = timestamp(own(o, 'valid_until'))
    if (!t) {
      rejected.push({ at, reason: 'valid_until is not a timestamp' })
      return
    }
    if (t <= firstSeen) {
      rejected.push({ at, reason: 'valid_until is not after valid_from' })
      return
    }
    expires = t
  }
  let confidence = 50
  const c = own(o, 'confidence')
  if (c !== undefined) {
    if (typeof c !== 'number' || !Number.isInteger(c) || c < 0 || c > 100) {
      rejected.push({ at, reason: 'confidence must be an integer from 0 to 100' })
      return
    }
    confidence = c
  }
  const seen = timestamp(own(o, 'x_vetting_last_seen')) ?? timestamp(own(o, 'modified'))
  const lastSeen = seen && seen > firstSeen ? seen : firstSeen
  const families = familiesOf(o)
  const description = str(o, 'description')?.replace(/\p{Cc}/gu, ' ').trim().slice(0, 1000)

  const alternatives = readPattern(pattern)
  if (typeof alternatives === 'string') {
    rejected.push({ at, reason: alternatives })
    return
  }
  const createdBy = str(o, 'created_by_ref')
  let taken = 0
  alternatives.forEach((group, n) => {
    const where = alternatives.length > 1 ? `${at} pattern part ${n + 1}` : at
    const r = readAlternative(group)
    if ('reason' in r) {
      rejected.push({ at: where, reason: r.reason })
      return
    }
    taken++
    add({ kind: r.kind, value: r.value, ...(r.hashed ? { hashed: true } : {}), firstSeen, lastSeen, families, confidence, tlp, ...(expires ? { expires } : {}), ...(description ? { comment: description } : {}) }, where)
  })
  if (taken && createdBy) producedBy(createdBy)
}

/** Cyber-observable objects put straight into a bundle: each names one identifier. */
function readObservable(o: Obj, type: string, at: string, tlp: Tlp, receivedAt: string, rejected: Rejection[], add: (i: Indicator, at: string) => void) {
  let r: Read | undefined
  if (type === 'user-account') {
    const net = str(o, 'account_type')
    const login = str(o, 'account_login')
    if (net && login) r = normalised('handle', `${net}:${login}`, 'user-account')
    else if (login) r = { reason: 'a user-account without its account_type (the network) cannot be compared' }
  } else {
    for (const [path, kind] of PATH_KIND) {
      const [t, prop] = path.split(':') as [string, string]
      if (t !== type || prop.includes('.')) continue
      const v = own(o, prop)
      r = typeof v === 'string' ? normalised(kind, v, path) : { reason: `${type} without a ${prop}` }
      break
    }
  }
  if (!r) return // not an identifier we read: skipped
  if ('reason' in r) {
    rejected.push({ at, reason: r.reason })
    return
  }
  add({ kind: r.kind, value: r.value, firstSeen: receivedAt, lastSeen: receivedAt, families: [], confidence: 50, tlp }, at)
}
