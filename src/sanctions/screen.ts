import { DoubleMetaphone } from 'natural/lib/natural/phonetics'
import { MATCH_THRESHOLD, normaliseName, scoreNormalised, type NormalisedName } from '../domain/names'
import { birthDateReadings, hostAndParents, normaliseEmail, normalisePhoneDigits, normaliseWallet, parseWebAddress, walletCandidates } from './identifiers'
import type { SanctionsEntry } from './types'

/**
 * Screening against a sanctions list. Identifiers (wallets, emails, websites, phones) and entity names
 * match exactly after normalisation: a hit is a fact. People's names match fuzzily with the shared name
 * comparator: a hit is a lead for a person to judge, shown with its score and what disagrees.
 *
 * Speed: names are found through an index of phonetic keys of their words and of adjacent word pairs
 * ("Sang Man" ~ "Sangman"); only entries sharing two keys are scored, so a query costs a few hundred
 * comparisons at most, not one per listed name.
 */
export interface ScreeningSubject {
  personNames: Array<{ name: string; where: string }>
  birthDate?: string | null
  wallets: Array<{ value: string; where: string }>
  emails: Array<{ value: string; where: string }>
  websites: Array<{ value: string; where: string }>
  phones: Array<{ value: string; where: string }>
  /** employers, payees, references' companies */
  organisations: Array<{ name: string; where: string }>
}

export type HitKind = 'wallet' | 'email' | 'website' | 'phone' | 'organisation' | 'person'

export interface ScreeningHit {
  kind: HitKind
  value: string
  where: string
  entry: { uid: string; name: string; programs: string[]; type: SanctionsEntry['type']; list: string }
  /** the listed name or identifier it matched */
  matched: string
  /** for names: similarity 0–1 and why */
  score?: number
  why?: string[]
  /** for person-name leads: other identifiers of the same entry that the applicant also has */
  corroboratedBy?: string[]
}

const dm = new DoubleMetaphone()
const keyOf = (token: string) => (token.length > 1 ? (dm.process(token) as [string, string])[0] || token : token)

function nameKeys(normalised: NormalisedName): Set<string> {
  const tokens = normalised.tokens.filter(t => t.length > 1)
  const keys = new Set<string>()
  tokens.forEach((t, i) => {
    keys.add(keyOf(t))
    if (i + 1 < tokens.length) keys.add(keyOf(t + tokens[i + 1]))
  })
  return keys
}

/**
 * Words that describe a line of business rather than name the business. Trailing ones are set aside
 * for a second key, so "Yanbian Silverstar" finds "YANBIAN SILVERSTAR NETWORK TECHNOLOGY CO., LTD.";
 * only when two or more naming words remain, so that one shared word ("Star Trading", "Silver Star")
 * never matches on its own.
 */
const DESCRIPTORS = new Set([
  'trading', 'trade', 'traders', 'network', 'networks', 'technology', 'technologies', 'tech', 'information', 'it', 'software', 'computer', 'computers',
  'group', 'holding', 'holdings', 'international', 'industrial', 'industry', 'industries', 'enterprise', 'enterprises', 'service', 'services',
  'solution', 'solutions', 'development', 'cooperation', 'import', 'export', 'commercial', 'consulting', 'systems', 'business', 'firm',
])

/**
 * Keys of an organisation's name: its words without legal forms, written together ("Silver Star" ≡
 * "Silverstar"), and the same without trailing descriptors. Two names match when they share a key.
 */
const organisationKeyMemo = new Map<string, string[]>()
export function organisationKeys(name: string): string[] {
  // Employers and referees' companies repeat across a population: remember the last 20,000.
  let keys = organisationKeyMemo.get(name)
  if (keys === undefined) {
    if (organisationKeyMemo.size >= 20_000) organisationKeyMemo.clear()
    const tokens = normaliseName(name, 'Company').tokens
    keys = tokens.length ? [tokens.join('')] : []
    let end = tokens.length
    while (end > 0 && DESCRIPTORS.has(tokens[end - 1]!)) end--
    if (end < tokens.length && end >= 2) keys.push(tokens.slice(0, end).join(''))
    organisationKeyMemo.set(name, keys)
  }
  return keys
}
/** The first key, for callers that want one. */
export const organisationKey = (name: string): string => organisationKeys(name)[0] ?? ''

/** "25 Apr 1965" / "1965-04-25" → "1965-04-25"; a year alone stays a year. The first reading of an ambiguous date. */
export function normaliseDate(text: string): string | null {
  return birthDateReadings(text)[0] ?? null
}

export class SanctionsIndex {
  private readonly wallets = new Map<string, SanctionsEntry>()
  private readonly emails = new Map<string, SanctionsEntry>()
  private readonly websites = new Map<string, SanctionsEntry>()
  private readonly phones = new Map<string, SanctionsEntry>()
  private readonly organisations = new Map<string, { entry: SanctionsEntry; name: string }>()
  private readonly people: Array<{ entry: SanctionsEntry; name: string; normalised: NormalisedName }> = []
  private readonly byKey = new Map<string, number[]>()
  readonly size: number

  constructor(entries: readonly SanctionsEntry[]) {
    this.size = entries.length
    for (const e of entries) {
      for (const w of e.wallets) {
        const k = normaliseWallet(w.address)
        if (k && !this.wallets.has(k)) this.wallets.set(k, e)
      }
      for (const x of e.emails) {
        const k = normaliseEmail(x)
        if (k && !this.emails.has(k)) this.emails.set(k, e)
      }
      for (const x of e.websites) {
        const w = parseWebAddress(x)
        const k = w && w.host + w.path
        if (k && !this.websites.has(k)) this.websites.set(k, e)
      }
      for (const x of e.phones) {
        const k = normalisePhoneDigits(x)
        if (k && !this.phones.has(k)) this.phones.set(k, e)
      }
      for (const name of [e.name, ...e.aliases]) {
        if (e.type === 'individual') {
          const normalised = normaliseName(name, 'Person')
          const i = this.people.push({ entry: e, name, normalised }) - 1
          for (const key of nameKeys(normalised)) {
            const list = this.byKey.get(key)
            if (list) list.push(i)
            else this.byKey.set(key, [i])
          }
        } else if (e.type === 'entity') {
          for (const k of organisationKeys(name)) if (!this.organisations.has(k)) this.organisations.set(k, { entry: e, name })
        }
      }
    }
  }

  /** The listed website a web address falls under: its host or a parent domain, or a listed page it is on. */
  private websiteKey(value: string): string | null {
    const w = parseWebAddress(value)
    if (!w) return null
    for (const host of hostAndParents(w.host)) {
      if (this.websites.has(host)) return host
      // Listed pages on a shared host: the address must be that page or below it.
      const parts = w.path.split('/').filter(Boolean)
      for (let i = parts.length; i > 0; i--) {
        const k = `${host}/${parts.slice(0, i).join('/')}`
        if (this.websites.has(k)) return k
      }
    }
    return null
  }

  private static ref(e: SanctionsEntry): ScreeningHit['entry'] {
    return { uid: e.uid, name: e.name, programs: e.programs, type: e.type, list: e.list }
  }

  screen(subject: ScreeningSubject): ScreeningHit[] {
    const hits: ScreeningHit[] = []
    const exact = (kind: HitKind, items: Array<{ value: string; where: string }>, norm: (v: string) => string | null, map: Map<string, SanctionsEntry>) => {
      for (const item of items) {
        const k = norm(item.value)
        const e = k ? map.get(k) : undefined
        if (e) hits.push({ kind, value: item.value, where: item.where, entry: SanctionsIndex.ref(e), matched: k! })
      }
    }
    for (const item of subject.wallets) {
      for (const k of walletCandidates(item.value)) {
        const e = this.wallets.get(k)
        if (e) hits.push({ kind: 'wallet', value: item.value, where: item.where, entry: SanctionsIndex.ref(e), matched: k })
      }
    }
    exact('email', subject.emails, normaliseEmail, this.emails)
    for (const item of subject.websites) {
      const k = this.websiteKey(item.value)
      const e = k ? this.websites.get(k) : undefined
      if (e) hits.push({ kind: 'website', value: item.value, where: item.where, entry: SanctionsIndex.ref(e), matched: k! })
    }
    exact('phone', subject.phones, normalisePhoneDigits, this.phones)
    for (const o of subject.organisations) {
      const found = organisationKeys(o.name).map(k => this.organisations.get(k)).find(Boolean)
      if (found) hits.push({ kind: 'organisation', value: o.name, where: o.where, entry: SanctionsIndex.ref(found.entry), matched: found.name })
    }
    const identifierHits = new Map<string, string[]>()
    for (const h of hits) identifierHits.set(h.entry.uid, [...(identifierHits.get(h.entry.uid) ?? []), `${h.kind} ${h.value}`])
    const births = subject.birthDate ? birthDateReadings(subject.birthDate) : []
    const seen = new Set<string>()
    // The same name given twice (applicant and payee, application and resume) is looked up once.
    const lookedUp = new Map<string, Array<{ i: number; s: ReturnType<typeof scoreNormalised> }>>()
    for (const person of subject.personNames) {
      const query = normaliseName(person.name, 'Person')
      const queryKey = query.tokens.join(' ')
      let found = lookedUp.get(queryKey)
      if (!found) {
        found = []
        const keys = [...nameKeys(query)]
        const counts = new Map<number, number>()
        for (const key of keys) for (const i of this.byKey.get(key) ?? []) counts.set(i, (counts.get(i) ?? 0) + 1)
        const need = Math.min(2, keys.length)
        for (const [i, n] of counts) {
          if (n < need) continue
          const s = scoreNormalised(query, this.people[i]!.normalised)
          if (s.score >= MATCH_THRESHOLD) found.push({ i, s })
        }
        lookedUp.set(queryKey, found)
      }
      for (const { i, s } of found) {
        const candidate = this.people[i]!
        const id = `${candidate.entry.uid}\u0000${person.name}`
        if (seen.has(id)) continue
        seen.add(id)
        const corroboratedBy = [...(identifierHits.get(candidate.entry.uid) ?? [])]
        // Either reading of an ambiguous date agreeing with the listing corroborates.
        const agreed = births.find(b => candidate.entry.birthDates.some(d => birthDateReadings(d).includes(b)))
        if (agreed) corroboratedBy.push(`date of birth ${agreed}`)
        const disagree = births.length && candidate.entry.birthDates.length && !corroboratedBy.some(c => c.startsWith('date of birth')) ? [`date of birth differs: listed ${candidate.entry.birthDates.join(', ')}`] : []
        hits.push({ kind: 'person', value: person.name, where: person.where, entry: SanctionsIndex.ref(candidate.entry), matched: candidate.name, score: s.score, why: [...s.why, ...disagree], corroboratedBy })
      }
    }
    return hits
  }
}
