import { createHash, randomUUID } from 'node:crypto'
import { parseTlp, stricterTlp } from '../tlp'
import type { Indicator, IndicatorKind, ParsedFeed, Rejection, Tlp } from '../types'
import { isFamilyName, kindFromName, quoted, readComment, readConfidence, readTime, readValue, withPrefix, type KindName } from './readValue'

/**
 * MISP event JSON (MISP core format, draft-dulaunoy-misp-core-format; types and categories as in
 * PyMISP's describeTypes.json). What MISP has no field for travels as tags:
 *
 * - TLP: `tlp:clear|green|amber|amber+strict|red` on the event and on each attribute (MISP's tlp
 *   taxonomy; `tlp:white` is read as CLEAR). Reading, the stricter of event and attribute wins;
 *   distribution 0 ("your organisation only") counts as AMBER+STRICT; an unmarked feed is AMBER.
 * - Confidence: `misp:confidence-level="…"` (MISP's own taxonomy, whose entries carry numerical values
 *   0/25/50/75/100) for MISP users, and `vetting-desk:confidence="85"` with the exact 0–100 value.
 *   Reading also takes `estimative-language:likelihood-probability` (the middle of its range).
 * - Families: `vetting-desk:family="payment"`; expiry: `vetting-desk:expires="<ISO 8601>"`.
 * - Hashed identifiers: type `anonymised` (MISP's type for a value that stands for another one; MISP
 *   correlates equal values, so two members' HMACs still meet) with `vetting-desk:hmac-sha256="phone"`
 *   naming the kind. `text` with that tag is read the same way.
 * - Kinds MISP has no type for (address, fingerprints, other networks' handles, wallets other than
 *   btc/xmr/dash, "bank|number" accounts): type `text` with `vetting-desk:kind="address"`.
 *
 * Person-category types (names, nationality, passport…) are never written and never read: they are not
 * indicators here.
 */

export interface MispExportOptions {
  /** our organisation's name, as Orgc */
  organisation: string
  /** the organisation's MISP UUID when it has one; otherwise a UUID derived from the name, stable across exports */
  organisationUuid?: string
  /** marking of the whole event; each attribute carries the stricter of this and its own */
  tlp: Tlp
  now: Date
  info?: string
  /** makes the event and attribute UUIDs reproducible (tests, re-exports of the same set); random otherwise */
  uuidSeed?: string
  /** keyId of the group key when the values are hashed, so a recipient knows which key to match with */
  keyId?: string
}

export interface MispTag {
  name: string
}

export interface MispAttribute {
  uuid: string
  type: string
  category: string
  to_ids: boolean
  value: string
  comment: string
  timestamp: string
  distribution: string
  sharing_group_id: string
  deleted: boolean
  disable_correlation: boolean
  first_seen: string
  last_seen: string
  Tag: MispTag[]
}

export interface MispEvent {
  Event: {
    uuid: string
    info: string
    date: string
    timestamp: string
    publish_timestamp: string
    published: boolean
    threat_level_id: string
    analysis: string
    distribution: string
    sharing_group_id: string
    attribute_count: string
    Orgc: { name: string; uuid: string }
    Org: { name: string; uuid: string }
    Tag: MispTag[]
    Attribute: MispAttribute[]
  }
}

/** A feed with this many attributes (objects' included) is cut there: the rest is reported, not read. */
export const MAX_MISP_ATTRIBUTES = 100_000

const NS = 'vetting-desk'
const TLP_TAG: Record<Tlp, string> = { clear: 'tlp:clear', green: 'tlp:green', amber: 'tlp:amber', 'amber+strict': 'tlp:amber+strict', red: 'tlp:red' }
/** MISP distribution by TLP: who the recipient's own MISP may sync the event to. */
const DISTRIBUTION: Record<Tlp, string> = { clear: '3', green: '2', amber: '1', 'amber+strict': '0', red: '0' }
/** Category for each kind, among those the MISP core format allows for the type written. */
const CATEGORY: Record<IndicatorKind, string> = {
  email: 'Social network',
  phone: 'Financial fraud',
  'payout-account': 'Financial fraud',
  wallet: 'Financial fraud',
  address: 'Other',
  handle: 'Social network',
  url: 'Network activity',
  ip: 'Network activity',
  domain: 'Network activity',
  'resume-minhash': 'Other',
  'photo-phash': 'Other',
}
/** Said in the comment of a `text` attribute when the sharer wrote none, for people reading it in MISP. */
const DEFAULT_COMMENT: Partial<Record<IndicatorKind, string>> = {
  'resume-minhash': 'Vetting Desk resume MinHash signature (128 unsigned 32-bit values, hex): compare by Jaccard estimate, not equality',
  'photo-phash': 'Vetting Desk photo perceptual hash (64-bit, hex): compare by Hamming distance, not equality',
  address: 'Vetting Desk address key: street|postal code|country',
}
const CONFIDENCE_LEVELS: Array<[number, string]> = [
  [100, 'completely-confident'],
  [75, 'usually-confident'],
  [50, 'fairly-confident'],
  [25, 'rarely-confident'],
  [0, 'unconfident'],
]
const LIKELIHOOD: Record<string, number> = {
  'almost-no-chance': 3,
  'very-unlikely': 12,
  unlikely: 32,
  'roughly-even-chance': 50,
  likely: 68,
  'very-likely': 88,
  'almost-certain': 97,
}

const BASE58 = '[1-9A-HJ-NP-Za-km-z]'
const BTC = new RegExp(`^(bc1[02-9ac-hj-np-z]{11,71}|[13]${BASE58}{25,34})$`)
const XMR = new RegExp(`^[48]${BASE58}{94}(${BASE58}{11})?$`)
const DASH = new RegExp(`^X${BASE58}{33}$`)

interface TypeChoice {
  type: string
  value: string
  toIds: boolean
  /** the type alone does not say the kind: tag it */
  kindTag: boolean
}

function typeFor(ind: Indicator): TypeChoice {
  const v = ind.value
  if (ind.hashed) return { type: 'anonymised', value: v, toIds: true, kindTag: false }
  switch (ind.kind) {
    case 'email':
      // `email` (an address, whichever direction): applicants send from and receive at the same mailbox.
      return { type: 'email', value: v, toIds: true, kindTag: false }
    case 'phone':
      return { type: 'phone-number', value: v, toIds: true, kindTag: false }
    case 'wallet':
      if (BTC.test(v)) return { type: 'btc', value: v, toIds: true, kindTag: false }
      if (XMR.test(v)) return { type: 'xmr', value: v, toIds: true, kindTag: false }
      if (DASH.test(v)) return { type: 'dash', value: v, toIds: true, kindTag: false }
      return { type: 'text', value: v, toIds: true, kindTag: true }
    case 'payout-account':
      if (/^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(v)) return { type: 'iban', value: v, toIds: true, kindTag: false }
      if (/^\d+$/.test(v)) return { type: 'bank-account-nr', value: v, toIds: true, kindTag: false }
      return { type: 'text', value: v, toIds: true, kindTag: true }
    case 'ip':
      // The address an applicant connected from: the source, seen from our side.
      return { type: 'ip-src', value: v, toIds: true, kindTag: false }
    case 'domain':
      return { type: 'domain', value: v, toIds: true, kindTag: false }
    case 'url':
      return { type: 'url', value: v, toIds: true, kindTag: false }
    case 'handle': {
      const [network, name] = [v.slice(0, v.indexOf(':')), v.slice(v.indexOf(':') + 1)]
      if (network === 'github') return { type: 'github-username', value: name, toIds: true, kindTag: false }
      if (network === 'x') return { type: 'twitter-id', value: name, toIds: true, kindTag: false }
      return { type: 'text', value: v, toIds: true, kindTag: true }
    }
    case 'address':
      // Not `primary-residence` (Person): the address is a mail drop or laptop farm, not a person's home.
      return { type: 'text', value: v, toIds: true, kindTag: true }
    case 'resume-minhash':
    case 'photo-phash':
      // Fingerprints match by nearness: an IDS must not treat them as exact patterns.
      return { type: 'text', value: v, toIds: false, kindTag: true }
  }
}

const tag = (name: string): MispTag => ({ name })
const tagValue = (predicate: string, value: string) => `${NS}:${predicate}="${value.replace(/"/g, '')}"`

function confidenceLevel(c: number): string {
  return CONFIDENCE_LEVELS.reduce((best, cur) => (Math.abs(cur[0] - c) < Math.abs(best[0] - c) ? cur : best))[1]
}

/** RFC 4122 version 5 (SHA-1, name-based) UUID under Vetting Desk's namespace. */
const NAMESPACE = Buffer.from('0b3f4b6e5d7a4c1e9f2a8d6c4e1b7a93', 'hex')
export function uuidV5(name: string): string {
  const h = createHash('sha1').update(NAMESPACE).update(name, 'utf8').digest()
  h[6] = (h[6]! & 0x0f) | 0x50
  h[8] = (h[8]! & 0x3f) | 0x80
  const x = h.subarray(0, 16).toString('hex')
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`
}

const unixSeconds = (iso: string | Date) => String(Math.floor(new Date(iso).getTime() / 1000))
const oneLine = (s: string, max: number) => s.replace(/[\r\n\t]+/g, ' ').trim().slice(0, max)

/**
 * One MISP event holding the indicators. The caller chooses which indicators may leave (mayReexport):
 * this only marks each one at the stricter of the event's TLP and its own.
 */
export function toMispEvent(indicators: readonly Indicator[], opts: MispExportOptions): MispEvent {
  const seed = opts.uuidSeed
  const uuid = (name: string) => (seed === undefined ? randomUUID() : uuidV5(`${seed}|${name}`))
  const now = unixSeconds(opts.now)
  const orgUuid = opts.organisationUuid ?? uuidV5(`organisation|${opts.organisation}`)
  const seen = new Map<string, number>()
  const attributes = indicators.map(ind => {
    const choice = typeFor(ind)
    const key = `${ind.kind}|${ind.value}`
    const n = (seen.get(key) ?? 0) + 1
    seen.set(key, n)
    const tlp = stricterTlp(opts.tlp, ind.tlp)
    const tags = [TLP_TAG[tlp], `misp:confidence-level="${confidenceLevel(ind.confidence)}"`, tagValue('confidence', String(Math.round(ind.confidence)))]
    if (ind.hashed) tags.push(tagValue('hmac-sha256', ind.kind))
    else if (choice.kindTag) tags.push(tagValue('kind', ind.kind))
    for (const f of ind.families) tags.push(tagValue('family', f))
    if (ind.expires) tags.push(tagValue('expires', ind.expires))
    const comment = ind.comment ?? (choice.type === 'text' ? DEFAULT_COMMENT[ind.kind] : undefined) ?? ''
    const attribute: MispAttribute = {
      uuid: uuid(`attribute|${key}|${n}`),
      type: choice.type,
      category: CATEGORY[ind.kind],
      to_ids: choice.toIds,
      value: choice.value,
      comment: comment.slice(0, 1000),
      timestamp: now,
      distribution: '5', // inherit the event's
      sharing_group_id: '0',
      deleted: false,
      disable_correlation: false,
      first_seen: ind.firstSeen,
      last_seen: ind.lastSeen,
      Tag: [...new Set(tags)].map(tag),
    }
    return attribute
  })
  const eventTags = [TLP_TAG[opts.tlp], 'misp:automation-level="reviewed"']
  if (opts.keyId) eventTags.push(tagValue('hmac-key', opts.keyId))
  const org = { name: oneLine(opts.organisation, 255), uuid: orgUuid }
  return {
    Event: {
      uuid: uuid('event'),
      info: oneLine(opts.info ?? `Vetting Desk: ${indicators.length} shared indicator${indicators.length === 1 ? '' : 's'} from ${opts.organisation}`, 256),
      date: opts.now.toISOString().slice(0, 10),
      timestamp: now,
      publish_timestamp: '0',
      published: false,
      threat_level_id: '2', // medium: fraud and sanctions exposure, not an intrusion
      analysis: '2', // complete: indicators come from confirmed cases
      distribution: DISTRIBUTION[opts.tlp],
      sharing_group_id: '0',
      attribute_count: String(attributes.length),
      Orgc: org,
      Org: { ...org },
      Tag: eventTags.map(tag),
      Attribute: attributes,
    },
  }
}

// ——— reading ———

type Rec = Record<string, unknown>
const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v)
const own = (o: Rec, k: string): unknown => (Object.prototype.hasOwnProperty.call(o, k) ? o[k] : undefined)
const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : isRec(v) ? [v] : [])

/** Tag names on an event or attribute: `Tag: [{name}]`, or the `EventTag`/`AttributeTag: [{Tag:{name}}]` some exports use. */
function tagNames(o: Rec): string[] {
  const out: string[] = []
  for (const t of asArray(own(o, 'Tag'))) if (isRec(t) && typeof own(t, 'name') === 'string') out.push(own(t, 'name') as string)
  for (const k of ['EventTag', 'AttributeTag']) {
    for (const et of asArray(own(o, k))) {
      const t = isRec(et) ? own(et, 'Tag') : undefined
      if (isRec(t) && typeof own(t, 'name') === 'string') out.push(own(t, 'name') as string)
    }
  }
  return out.slice(0, 200)
}

/** `namespace:predicate="value"` → value, for our namespace or another. */
function machineTag(name: string, namespacePredicate: string): string | null {
  const m = /^([^=]+)="(.*)"$/s.exec(name.trim())
  return m && m[1]!.trim().toLowerCase() === namespacePredicate ? m[2]! : null
}

function tlpOf(tags: string[]): Tlp | null {
  let out: Tlp | null = null
  for (const t of tags) {
    if (!/^tlp:/i.test(t.trim())) continue
    const level = parseTlp(t)
    if (level) out = out ? stricterTlp(out, level) : level
  }
  return out
}

/**
 * MISP distribution 0 ("your organisation only") says what TLP:AMBER+STRICT says: it raises the marking
 * to at least that, so the indicator is never re-exported. Other levels leave the tags to speak.
 */
function withDistribution(tlp: Tlp | null, distribution: unknown): Tlp | null {
  if (distribution !== '0' && distribution !== 0) return tlp
  return tlp ? stricterTlp(tlp, 'amber+strict') : 'amber+strict'
}

function confidenceOf(tags: string[]): number | null {
  let level: number | null = null
  let likelihood: number | null = null
  for (const t of tags) {
    const exact = machineTag(t, `${NS}:confidence`)
    if (exact !== null && readConfidence(exact) !== null) return readConfidence(exact)
    const l = machineTag(t, 'misp:confidence-level')
    const found = CONFIDENCE_LEVELS.find(([, name]) => name === l)
    if (found) level = found[0]
    else if (l === 'confidence-cannot-be-evalued' || l === 'confidence-cannot-be-evaluated') level = 50
    const e = machineTag(t, 'estimative-language:likelihood-probability')
    if (e !== null && Object.prototype.hasOwnProperty.call(LIKELIHOOD, e)) likelihood = LIKELIHOOD[e]!
  }
  return level ?? likelihood
}

/** Unmarked feeds are treated as AMBER: usable here, not for the public (the cautious reading of an unmarked item). */
const DEFAULT_TLP: Tlp = 'amber'
/** "Confidence cannot be evaluated" in MISP's taxonomy. */
const DEFAULT_CONFIDENCE = 50

export interface MispParsedFeed extends ParsedFeed {
  /** the sharing key's id when the feed says which key hashed it */
  keyId?: string
}

/**
 * Indicators from a MISP event: `{Event:…}`, a bare event, a list of events or a search answer
 * `{response:[{Event}…]}` (all its events are read), top-level attributes and those inside `Object[]`.
 * Every value passes normaliseIndicator; what cannot be taken is listed with a reason. Never throws.
 */
export function parseMisp(input: unknown): MispParsedFeed {
  const rejected: Rejection[] = []
  const indicators: Indicator[] = []
  const feed: MispParsedFeed = { indicators, rejected }
  try {
    let json = input
    if (typeof input === 'string' || Buffer.isBuffer(input)) {
      try {
        json = JSON.parse(String(input).replace(/^\uFEFF/, ''))
      } catch {
        rejected.push({ at: 'file', reason: 'the file is not JSON' })
        return feed
      }
    }
    const events = eventsIn(json)
    if (!events.length) {
      rejected.push({ at: 'file', reason: 'no MISP event found (expected {"Event": …}, a bare event, a list of events or {"response": [{"Event": …}]})' })
      return feed
    }
    const budget = { left: MAX_MISP_ATTRIBUTES }
    for (const [prefix, ev] of events) readEvent(ev, prefix, feed, budget)
  } catch {
    // Nothing above should throw on JSON; a caller handing an object with throwing getters gets this.
    rejected.push({ at: 'file', reason: 'the event could not be read' })
  }
  return feed
}

/** An event, wrapped or bare, or null. */
function eventOf(v: unknown): Rec | null {
  if (!isRec(v)) return null
  const wrapped = own(v, 'Event')
  if (isRec(wrapped)) return wrapped
  return own(v, 'Attribute') !== undefined || own(v, 'Object') !== undefined || own(v, 'info') !== undefined ? v : null
}

/** The events in a file, each with where it is ("response[2]."), which prefixes its rejections. */
function eventsIn(json: unknown): Array<[string, Rec]> {
  const many = (list: unknown[], name: string) => {
    const found = list.map((r, i): [string, Rec | null] => [`${name}[${i}].`, eventOf(r)]).filter((p): p is [string, Rec] => p[1] !== null)
    return found.length === 1 ? [['', found[0]![1]] as [string, Rec]] : found
  }
  // A list of events, as PyMISP's search() returns them.
  if (Array.isArray(json)) return many(json, '')
  if (!isRec(json)) return []
  const response = own(json, 'response')
  if (Array.isArray(response)) return many(response, 'response')
  const one = eventOf(json)
  return one ? [['', one]] : []
}

function readEvent(ev: Rec, prefix: string, feed: MispParsedFeed, budget: { left: number }) {
  const tags = tagNames(ev)
  const orgc = own(ev, 'Orgc')
  if (feed.producer === undefined && isRec(orgc) && typeof own(orgc, 'name') === 'string') feed.producer = readComment(own(orgc, 'name'))?.slice(0, 200)
  for (const t of tags) {
    const k = machineTag(t, `${NS}:hmac-key`)
    if (k && /^[0-9a-f]{16}$/.test(k)) feed.keyId = k
  }
  const context: EventContext = {
    tlp: withDistribution(tlpOf(tags), own(ev, 'distribution')),
    tags,
    date: readTime(own(ev, 'date')) ?? readTime(own(ev, 'timestamp')),
  }
  const list: Array<[string, unknown]> = asArray(own(ev, 'Attribute')).map((a, i) => [`${prefix}Attribute[${i}]`, a])
  asArray(own(ev, 'Object')).forEach((o, i) => {
    if (!isRec(o)) return
    asArray(own(o, 'Attribute')).forEach((a, j) => list.push([`${prefix}Object[${i}].Attribute[${j}]`, a]))
  })
  for (const [at, a] of list) {
    if (budget.left <= 0) {
      feed.rejected.push({ at, reason: `more than ${MAX_MISP_ATTRIBUTES.toLocaleString('en-GB')} attributes: this one and the rest were not read` })
      return
    }
    budget.left--
    const r = readAttribute(a, context)
    if ('reason' in r) feed.rejected.push({ at, reason: r.reason })
    else feed.indicators.push(r.indicator)
  }
}

interface EventContext {
  tlp: Tlp | null
  tags: string[]
  date: string | null
}

function readAttribute(a: unknown, ev: EventContext): { indicator: Indicator } | { reason: string } {
  if (!isRec(a)) return { reason: 'not an attribute object' }
  const type = own(a, 'type')
  const raw = own(a, 'value')
  if (typeof type !== 'string' || !type.trim()) return { reason: 'no type' }
  if (typeof raw !== 'string' || !raw.trim()) return { reason: `${quoted(type)} attribute has no value` }
  if (own(a, 'deleted') === true) return { reason: 'deleted (revoked) in the feed' }
  const tags = tagNames(a)
  let hmacKind: IndicatorKind | null = null
  let taggedKind: IndicatorKind | null = null
  const families = new Set<string>()
  let expires: string | undefined
  for (const t of tags) {
    const h = machineTag(t, `${NS}:hmac-sha256`)
    if (h !== null) hmacKind = kindFromName(h)?.kind ?? hmacKind
    const k = machineTag(t, `${NS}:kind`)
    if (k !== null) taggedKind = kindFromName(k)?.kind ?? taggedKind
    const f = machineTag(t, `${NS}:family`)
    if (f !== null && isFamilyName(f)) families.add(f)
    const e = machineTag(t, `${NS}:expires`)
    if (e !== null) expires = readTime(e) ?? expires
  }
  for (const t of ev.tags) {
    const f = machineTag(t, `${NS}:family`)
    if (f !== null && isFamilyName(f)) families.add(f)
  }

  const t = type.trim().toLowerCase()
  let name: KindName | null
  let value = raw
  if (t === 'ip-src|port' || t === 'ip-dst|port') {
    name = { kind: 'ip' }
    value = raw.split('|')[0]!
  } else name = t === 'text' || t === 'anonymised' || t === 'other' ? null : kindFromName(t)
  if (hmacKind) name = { kind: hmacKind }
  else if (taggedKind && taggedKind !== name?.kind) name = { kind: taggedKind }
  if (!name) return { reason: `type ${quoted(type)} is not a kind of indicator Vetting Desk reads` }
  if ((t === 'anonymised' || t === 'text') && !hmacKind && !taggedKind) return { reason: `type ${quoted(type)} is not a kind of indicator Vetting Desk reads` }

  const read = readValue(name.kind, hmacKind ? value : withPrefix(value, name.prefix), hmacKind !== null)
  if ('reason' in read) return read

  const firstSeen = readTime(own(a, 'first_seen')) ?? readTime(own(a, 'timestamp')) ?? ev.date
  if (!firstSeen) return { reason: 'no first_seen, timestamp or event date' }
  let lastSeen = readTime(own(a, 'last_seen')) ?? firstSeen
  if (lastSeen < firstSeen) lastSeen = firstSeen
  const tlpTagged = withDistribution(tlpOf(tags), own(a, 'distribution'))
  const tlp = tlpTagged && ev.tlp ? stricterTlp(tlpTagged, ev.tlp) : (tlpTagged ?? ev.tlp ?? DEFAULT_TLP)
  const indicator: Indicator = {
    kind: name.kind,
    value: read.value,
    firstSeen,
    lastSeen,
    families: [...families].slice(0, 20),
    confidence: confidenceOf(tags) ?? confidenceOf(ev.tags) ?? DEFAULT_CONFIDENCE,
    tlp,
  }
  if (hmacKind) indicator.hashed = true
  if (expires) indicator.expires = expires
  const comment = readComment(own(a, 'comment'))
  if (comment && !Object.values(DEFAULT_COMMENT).includes(comment)) indicator.comment = comment
  return { indicator }
}
