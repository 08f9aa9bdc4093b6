import { DoubleMetaphone } from 'natural/lib/natural/phonetics'
import { koreanIndexKeys } from '../domain/koreanNames'
import { MATCH_THRESHOLD, normaliseName, scoreNormalised, type NormalisedName } from '../domain/names'
import { birthDateReadings, hostAndParents, normaliseEmail, normaliseWallet, parseWebAddress, PHONE_TAIL, phoneDigitVariants, phonesSame, walletCandidates } from './identifiers'
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
  /** `birthDate` on a name is that person's own (a payee's), read instead of the subject's */
  personNames: Array<{ name: string; where: string; birthDate?: string | null }>
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

function addKeys(keys: Set<string>, tokens: string[]) {
  tokens.forEach((t, i) => {
    keys.add(keyOf(t))
    if (i + 1 < tokens.length) keys.add(keyOf(t + tokens[i + 1]))
  })
}
/**
 * Keys of the normalised words and of the Latin words as written: the comparator reads "Jon" as a
 * nickname of "Jonathan", which is right for an English name and hides the Korean family name Jon (전)
 * from an index built on normalised words alone.
 */
function nameKeys(normalised: NormalisedName, written = ''): Set<string> {
  const keys = new Set<string>()
  addKeys(keys, normalised.tokens.filter(t => t.length > 1))
  const latin = written.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().split(/[^a-z]+/).filter(t => t.length > 1)
  if (latin.length) addKeys(keys, latin)
  for (const k of koreanIndexKeys(written)) keys.add(k)
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
  'companies',
  // Turkish company names: "İthalat İhracat Sanayi ve Ticaret" (import, export, industry and trade), "San. ve Tic.".
  'ithalat', 'ihracat', 'sanayi', 'san', 'ticaret', 'tic', 've', 'dis',
])
/**
 * Words that name a place or a trade, not a body: a name left with only these after its descriptors
 * ("Korea Mining", from KOREA MINING DEVELOPMENT TRADING CORPORATION) names many bodies, so one descriptor
 * stays with it ("Korea Mining Development").
 */
const GENERIC = new Set([
  'korea', 'korean', 'dprk', 'china', 'chinese', 'russia', 'russian', 'iran', 'iranian', 'syria', 'syrian', 'hong', 'kong', 'asia', 'asian', 'pacific',
  'global', 'world', 'general', 'national', 'united', 'central', 'first', 'new', 'east', 'eastern', 'west', 'western', 'north', 'northern', 'south',
  'southern', 'mining', 'mineral', 'minerals', 'bank', 'banking', 'shipping', 'ship', 'petroleum', 'oil', 'gas', 'energy', 'power', 'construction',
  'engineering', 'investment', 'investments', 'insurance', 'marine', 'maritime', 'chemical', 'chemicals', 'machine', 'machinery', 'metal', 'metals',
  'steel', 'equipment', 'electronics', 'electric', 'food', 'foods', 'logistics', 'transport', 'transportation', 'finance', 'financial', 'capital',
  'commerce', 'economic', 'resources', 'agency', 'zinc', 'copper', 'iron', 'coal', 'gold', 'cement', 'textile', 'textiles',
])
/** A single naming word left after descriptors is a key of its own only when this long ("Andariel Group" is ANDARIEL; "Star Group" is no one). */
const LONE_NAME_MIN = 7

/**
 * Keys of an organisation's name: its words without legal forms, written together ("Silver Star" ≡
 * "Silverstar"), and the same without trailing descriptors. Two names match when they share a key.
 * Each key is kept as its words, so a typo can be placed in the word it falls in.
 */
const organisationKeyMemo = new Map<string, string[][]>()
/**
 * Long legal-form words as the name comparator sets them aside (asked of it, not listed twice): a word one
 * slip from one of them ("Limted", "Comapny", "Corporaton") is a legal form written with a slip, set aside too.
 */
const legalWordMemo = new Map<string, boolean>()
/** A word the comparator sets aside as a legal form ("co", "ltd", "company", "llc"). */
function isLegalWord(word: string): boolean {
  let legal = legalWordMemo.get(word)
  if (legal === undefined) {
    legal = normaliseName(`Acme ${word}`, 'Company').tokens.join(' ') === 'acme'
    if (legalWordMemo.size < 10_000) legalWordMemo.set(word, legal)
  }
  return legal
}
const LEGAL_WORDS = [
  'company', 'corporation', 'limited', 'incorporated', 'corporacion', 'compania', 'companhia', 'sociedad', 'sociedade', 'anonima',
  'limitada', 'gesellschaft', 'aktiengesellschaft', 'cooperation', 'cooperative', 'partnership', 'societe', 'limited liability company',
  'sociedad de responsabilidad limitada', 'sociedad anonima',
]
  .filter(isLegalWord)
  .flatMap(w => w.split(' '))
  .filter(w => w.length >= 6)
const isMisspeltLegalWord = (token: string) => token.length >= 6 && !LEGAL_WORDS.includes(token) && LEGAL_WORDS.some(w => withinOneEdit(token, w))
/**
 * Words companies abbreviate in their own names, written out: "Chinyong IT Cooperation Co." is the listed
 * CHINYONG INFORMATION TECHNOLOGY COOPERATION COMPANY. Only abbreviations with one common reading.
 */
const ABBREVIATED: Record<string, string[]> = {
  it: ['information', 'technology'], infotech: ['information', 'technology'], info: ['information'], tech: ['technology'],
  intl: ['international'], int: ['international'], svcs: ['services'], svc: ['service'], dev: ['development'], mgmt: ['management'],
}
function organisationKeyWords(name: string, query = false): string[][] {
  // Employers and referees' companies repeat across a population: remember the last 20,000.
  const memoKey = query ? `q\u0000${name}` : name
  let keys = organisationKeyMemo.get(memoKey)
  if (keys === undefined) {
    if (organisationKeyMemo.size >= 20_000) organisationKeyMemo.clear()
    keys = []
    // The name as written, and without a bracketed acronym or note ("Korea Paekho Trading Corp (KPTC)").
    const bracketed = name.replace(/\s*\([^)]*\)\s*/g, ' ').trim()
    for (const form of bracketed && bracketed !== name ? [name, bracketed] : [name]) {
      // "Co-operation" is one word, not the legal form "Co." before "operation".
      const all = normaliseName(form.replace(/\b(co)-(?=op)/gi, '$1'), 'Company').tokens.flatMap(t => ABBREVIATED[t] ?? [t])
      const tokens = all.length > 1 ? all.filter(t => !isMisspeltLegalWord(t)) : all
      if (!tokens.length) continue
      keys.push(tokens)
      let end = tokens.length
      while (end > 0 && DESCRIPTORS.has(tokens[end - 1]!)) end--
      if (end >= 2 && end < tokens.length && tokens.slice(0, end).every(t => GENERIC.has(t))) end++
      if (end < tokens.length && end >= 2) keys.push(tokens.slice(0, end))
      // Written, one long naming word and descriptors may be a listed one-word name ("Andariel Group" is
      // ANDARIEL); listed names get no such key, so one word never finds a longer listed name.
      if (query && end === 1 && end < tokens.length && tokens[0]!.length >= LONE_NAME_MIN) keys.push(['!', tokens[0]!])
      // The same words in another order ("General Reconnaissance Bureau" / RECONNAISSANCE GENERAL BUREAU).
      if (tokens.length >= 2) keys.push(['~', ...[...tokens].sort()])
      // Romanised syllables read as written, joined ("Chong Chon Gang" / CHONGCHONGANG): the comparator reads
      // each syllable as Korean ("chong" as "jung"), which parts a name split into syllables from its joined form.
      const written = form
        .normalize('NFKD')
        .replace(/[\u0300-\u036f]/g, '')
        .replace(/['’`‘]/g, '')
        .toLowerCase()
        .split(/[^a-z0-9]+/)
        .filter(w => w.length > 1 && !isLegalWord(w))
        .flatMap(w => ABBREVIATED[w] ?? [w])
      if (written.length >= 2 && written.join('') !== tokens.join('')) keys.push(['=', ...written])
    }
    keys = keys.filter((k, i) => keys!.findIndex(o => o.join(' ') === k.join(' ')) === i)
    organisationKeyMemo.set(memoKey, keys)
  }
  return keys
}
/**
 * Marks on keys matched exactly, never through a slip: "~" the words sorted (only ever equal to another sorted
 * key), "=" the words as written when the comparator read them otherwise, "!" a written name's one naming word.
 */
const MARKS = new Set(['~', '=', '!'])
const keyOfWords = (words: string[]) => (words[0] === '~' ? words.join('') : words.filter(w => !MARKS.has(w)).join(''))
export function organisationKeys(name: string): string[] {
  return organisationKeyWords(name).map(keyOfWords)
}
/** The keys a written organisation name is looked up by, each with whether a slip may be forgiven in it. */
function queryOrganisationKeys(name: string): Array<{ key: string; exactOnly: boolean }> {
  return organisationKeyWords(name, true).map(words => ({ key: keyOfWords(words), exactOnly: MARKS.has(words[0]!) }))
}

/**
 * A name written with one slip of the keyboard ("Yanbian Silverstar Netwrok Technology", "Volasys
 * Silvestar") is the listed name when the slip is inside a long word. Different listed companies one letter
 * apart exist, and were measured on sdn.csv (HODA/HOMA SHIPPING, MCS/MKS INTERNATIONAL, YONGJIN/PYONGJIN SHIP
 * MANAGEMENT, FIRST/ELEVENTH OCEAN ADMINISTRATION, RIM GROUP INVESTMENTS I/II): so the slip must fall in a
 * word of five letters or more, not on its first letter, and never change a digit; and the name must have
 * FUZZY_MIN letters at least. A name that is exactly a listed one is never matched fuzzily to another.
 */
export const FUZZY_MIN = 12
const MIN_SLIP_WORD = 5

/** Optimal string alignment distance, stopping early above 1. */
function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1 || a === b) return false
  let i = 0
  while (i < a.length && i < b.length && a[i] === b[i]) i++
  let j = 0
  while (j < a.length - i && j < b.length - i && a[a.length - 1 - j] === b[b.length - 1 - j]) j++
  const ra = a.length - i - j, rb = b.length - i - j
  if (ra + rb === 1 || (ra === 1 && rb === 1)) return true
  // a transposition: "ab" ↔ "ba"
  return ra === 2 && rb === 2 && a[i] === b[i + 1] && a[i + 1] === b[i]
}

/** Where the slip between a written key and a listed one's words falls, and whether it is one we accept. */
function acceptableSlip(written: string, words: string[]): boolean {
  const listed = words.join('')
  let i = 0
  while (i < written.length && i < listed.length && written[i] === listed[i]) i++
  let j = 0
  while (j < written.length - i && j < listed.length - i && written[written.length - 1 - j] === listed[listed.length - 1 - j]) j++
  const changed = [...written.slice(i, written.length - j), ...listed.slice(i, listed.length - j)]
  if (changed.some(c => /\d/.test(c))) return false
  // The slip's place in the listed name (for an insertion, the letter after it); it must sit inside one long word.
  const from = Math.min(i, listed.length - 1)
  const to = Math.max(from, listed.length - j - 1)
  const long = (w: string) => w.length >= MIN_SLIP_WORD && !/\d/.test(w)
  const inserted = listed.length < written.length
  let start = 0
  for (const [k, w] of words.entries()) {
    const end = start + w.length
    if (from >= start && from < end) {
      // A letter added where two words meet ("Silverrstar" for "Silver Star") belongs to the word before.
      if (inserted && from === start && k > 0) return long(words[k - 1]!)
      return to < end && from > start && long(w)
    }
    start = end
  }
  // A letter added at the very end.
  return inserted && long(words[words.length - 1] ?? '')
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
  /** long listed organisation keys by their first and last halves less one letter: one slip leaves one of them whole */
  private readonly organisationHalves = new Map<string, Array<{ words: string[]; key: string }>>()
  private readonly phoneTails = new Map<string, Array<{ phone: { digits: string; withArea: boolean }; entry: SanctionsEntry }>>()
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
        for (const phone of phoneDigitVariants(x)) {
          const key = `${phone.digits}${phone.withArea ? '+' : ''}`
          if (this.phones.has(key)) continue
          this.phones.set(key, e)
          const tail = phone.digits.slice(-PHONE_TAIL)
          const list = this.phoneTails.get(tail)
          if (list) list.push({ phone, entry: e })
          else this.phoneTails.set(tail, [{ phone, entry: e }])
        }
      }
      for (const name of [e.name, ...e.aliases]) {
        if (e.type === 'individual') {
          const normalised = normaliseName(name, 'Person')
          const i = this.people.push({ entry: e, name, normalised }) - 1
          for (const key of nameKeys(normalised, name)) {
            const list = this.byKey.get(key)
            if (list) list.push(i)
            else this.byKey.set(key, [i])
          }
        } else if (e.type === 'entity') {
          for (const words of organisationKeyWords(name)) {
            const k = keyOfWords(words)
            if (this.organisations.has(k)) continue
            this.organisations.set(k, { entry: e, name })
            // A slip is placed in the words in their order, as the comparator reads them: marked keys are exact only.
            if (k.length < FUZZY_MIN || MARKS.has(words[0]!)) continue
            for (const half of SanctionsIndex.halves(k, k.length)) {
              const list = this.organisationHalves.get(half)
              if (list) list.push({ words, key: k })
              else this.organisationHalves.set(half, [{ words, key: k }])
            }
          }
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

  /** The first and the last floor(L/2)-1 letters of a key of length L (L given: a written key may be one longer or shorter). */
  private static halves(key: string, length: number): string[] {
    const h = Math.floor(length / 2) - 1
    return [`${length}<${key.slice(0, h)}`, `${length}>${key.slice(key.length - h)}`]
  }

  /** A listed organisation one acceptable slip from a written key, if there is exactly one such listing. */
  private fuzzyOrganisation(key: string): { entry: SanctionsEntry; name: string } | null {
    if (key.length < FUZZY_MIN - 1) return null
    const found = new Set<string>()
    for (const length of [key.length - 1, key.length, key.length + 1]) {
      if (length < FUZZY_MIN) continue
      for (const half of SanctionsIndex.halves(key, length)) {
        for (const c of this.organisationHalves.get(half) ?? []) if (withinOneEdit(key, c.key) && acceptableSlip(key, c.words)) found.add(c.key)
      }
    }
    // Two listed names equally near: the writing does not say which; neither is a fact. (One name listed
    // for several entries is one name, reported like an exact match: under its first listing.)
    return found.size === 1 ? this.organisations.get([...found][0]!)! : null
  }

  /** Listed phones a written number is: the same digits, or one written without its country code. */
  private phoneEntries(value: string): Array<{ digits: string; entry: SanctionsEntry }> {
    const found = new Map<string, { digits: string; entry: SanctionsEntry }>()
    for (const phone of phoneDigitVariants(value)) {
      for (const c of this.phoneTails.get(phone.digits.slice(-PHONE_TAIL)) ?? []) {
        if (!found.has(c.entry.uid) && phonesSame(phone, c.phone)) found.set(c.entry.uid, { digits: c.phone.digits, entry: c.entry })
      }
    }
    return [...found.values()]
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
    for (const item of subject.phones) {
      for (const { digits, entry } of this.phoneEntries(item.value)) hits.push({ kind: 'phone', value: item.value, where: item.where, entry: SanctionsIndex.ref(entry), matched: digits })
    }
    for (const o of subject.organisations) {
      const keys = queryOrganisationKeys(o.name)
      const found = keys.map(k => this.organisations.get(k.key)).find(Boolean)
      if (found) {
        hits.push({ kind: 'organisation', value: o.name, where: o.where, entry: SanctionsIndex.ref(found.entry), matched: found.name })
        continue
      }
      const near = keys.filter(k => !k.exactOnly).map(k => this.fuzzyOrganisation(k.key)).find(Boolean)
      if (near) hits.push({ kind: 'organisation', value: o.name, where: o.where, entry: SanctionsIndex.ref(near.entry), matched: near.name, why: ['written with one letter different from the listed name'] })
    }
    const identifierHits = new Map<string, string[]>()
    for (const h of hits) identifierHits.set(h.entry.uid, [...(identifierHits.get(h.entry.uid) ?? []), `${h.kind} ${h.value}`])
    const subjectBirths = subject.birthDate ? birthDateReadings(subject.birthDate) : []
    const seen = new Set<string>()
    // The same name given twice (applicant and payee, application and resume) is looked up once.
    const lookedUp = new Map<string, Array<{ i: number; s: ReturnType<typeof scoreNormalised> }>>()
    for (const person of subject.personNames) {
      const query = normaliseName(person.name, 'Person')
      const queryKey = `${query.tokens.join(' ')}\u0000${person.name.trim().toLowerCase()}`
      let found = lookedUp.get(queryKey)
      if (!found) {
        found = []
        const keys = [...nameKeys(query, person.name)]
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
      // A payee's own date of birth speaks for the payee; the applicant's for the applicant's names.
      const births = person.birthDate !== undefined ? (person.birthDate ? birthDateReadings(person.birthDate) : []) : subjectBirths
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
