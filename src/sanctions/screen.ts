import { DoubleMetaphone } from 'natural/lib/natural/phonetics'
import { MATCH_THRESHOLD, normaliseName, scoreNormalised, type NormalisedName } from '../domain/names'
import { normaliseEmail, normalisePhoneDigits, normaliseWallet, normaliseWebsite } from './identifiers'
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

/** Entity names compare on their words without legal forms: "Volasys Silver Star Ltd" = "VOLASYS SILVER STAR". */
const organisationKeys = new Map<string, string>()
export function organisationKey(name: string): string {
  // Employers and referees' companies repeat across a population: remember the last 20,000.
  let key = organisationKeys.get(name)
  if (key === undefined) {
    if (organisationKeys.size >= 20_000) organisationKeys.clear()
    key = normaliseName(name, 'Company').tokens.join(' ')
    organisationKeys.set(name, key)
  }
  return key
}

/** "25 Apr 1965" / "1965-04-25" → "1965-04-25"; a year alone stays a year. */
export function normaliseDate(text: string): string | null {
  const months = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']
  let m = /^(\d{4})-(\d{2})-(\d{2})/.exec(text.trim())
  if (m) return `${m[1]}-${m[2]}-${m[3]}`
  m = /^(\d{1,2}) ([A-Za-z]{3})[a-z]* (\d{4})$/.exec(text.trim())
  if (m) {
    const mon = months.indexOf(m[2]!.toLowerCase())
    return mon >= 0 ? `${m[3]}-${String(mon + 1).padStart(2, '0')}-${m[1]!.padStart(2, '0')}` : null
  }
  m = /^(\d{4})$/.exec(text.trim())
  return m ? m[1]! : null
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
        const k = normaliseWebsite(x)
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
          const k = organisationKey(name)
          if (k) this.organisations.set(k, { entry: e, name })
        }
      }
    }
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
    exact('wallet', subject.wallets, normaliseWallet, this.wallets)
    exact('email', subject.emails, normaliseEmail, this.emails)
    exact('website', subject.websites, normaliseWebsite, this.websites)
    exact('phone', subject.phones, normalisePhoneDigits, this.phones)
    for (const o of subject.organisations) {
      const k = organisationKey(o.name)
      const found = k ? this.organisations.get(k) : undefined
      if (found) hits.push({ kind: 'organisation', value: o.name, where: o.where, entry: SanctionsIndex.ref(found.entry), matched: found.name })
    }
    const identifierHits = new Map<string, string[]>()
    for (const h of hits) identifierHits.set(h.entry.uid, [...(identifierHits.get(h.entry.uid) ?? []), `${h.kind} ${h.value}`])
    const birth = subject.birthDate ? normaliseDate(subject.birthDate) : null
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
        if (birth && candidate.entry.birthDates.some(d => normaliseDate(d) === birth)) corroboratedBy.push(`date of birth ${birth}`)
        const disagree = birth && candidate.entry.birthDates.length && !corroboratedBy.some(c => c.startsWith('date of birth')) ? [`date of birth differs: listed ${candidate.entry.birthDates.join(', ')}`] : []
        hits.push({ kind: 'person', value: person.name, where: person.where, entry: SanctionsIndex.ref(candidate.entry), matched: candidate.name, score: s.score, why: [...s.why, ...disagree], corroboratedBy })
      }
    }
    return hits
  }
}
