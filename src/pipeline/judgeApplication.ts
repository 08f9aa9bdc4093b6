import { knownAccountsOf, logOwnership, type AccessEvent } from '../extract/accessLog'
import type { PhotoFingerprint } from '../links/imageHash'
import type { LinkableApplication } from '../links/linkIndex'
import { identifierKeys, maskedResumeText, type DocumentMeta, type LinkKey } from '../links/linkKeys'
import { shingles, signature, words, type Shingles } from '../links/minhash'
import { resumeLineKeys } from '../links/resumeLines'
import type { ReferenceData } from '../refdata/referenceData'
import type { AccessEventFact, CaseFacts, FactRecord, LinkFact, SharedIndicatorHit } from '../rules/caseFacts'
import { evaluateCase, type Evaluation } from '../rules/evaluateCase'
import type { Rule } from '../rules/types'

/**
 * One pipeline, two doors (issue 14 part 8). `vet score` and the app judge an application by this code:
 * evidence → the sign-in events that belong to the applicant → findings → score, and the material link
 * analysis works on (identifier keys, masked resume shingles and signature, photo fingerprint). Pure: each
 * door reads its inputs its own way (files on a worker; rows through the repositories) and hands them here
 * in the same shape, so a change to how an application is judged is made once and the evaluation (which
 * runs `vet score`) measures what users get.
 */

/**
 * What a person decided about a stored sign-in log (the app only; `vet score` has nobody to ask):
 * held or discarded logs are not scored; confirmed and matched ones are; `null` is a log stored before
 * the question was asked, which stays scored.
 */
export type LogDecision = 'matched' | 'held' | 'confirmed' | 'discarded' | null

export interface SignInLogInput {
  /** the file's name, as findings cite it */
  name: string
  /** its sign-ins; a door may leave out those of a log it knows is not scored */
  events: readonly AccessEvent[]
  /** the stored decision (app); absent: decided here from the applicant's known accounts */
  decision?: LogDecision
  /** the accounts the log names, when the door already knows them (the app stores them) */
  accounts?: readonly string[]
}

/** One application's evidence, as either door has it. */
export interface ApplicationEvidence {
  kind: CaseFacts['kind']
  records: FactRecord[]
  logs: readonly SignInLogInput[]
  /** judged as of this moment (when the application arrived, if known) */
  asOf: Date
}

/** What became of one sign-in log. */
export interface LogVerdict {
  name: string
  /** the distinct accounts the log names, most frequent first */
  accounts: string[]
  /** scored; held: names none of the applicant's known accounts (waits for a person); discarded by a person */
  status: 'scored' | 'held' | 'discarded'
}

export interface Judgement {
  evaluation: Evaluation
  /** the sign-in events that were scored (undefined: no log is scored) */
  events: AccessEventFact[] | undefined
  logs: LogVerdict[]
}

/** Whether a stored decision lets a log be scored: held and discarded logs are not. */
export const decisionScores = (decision: LogDecision): boolean => decision !== 'held' && decision !== 'discarded'

const accountsIn = (events: readonly AccessEvent[]) => logOwnership(events as AccessEvent[], new Set()).accounts

/**
 * Evidence belongs to the subject (issue 14 part 7). A log whose accounts match none of the applicant's
 * known emails or usernames is held, not scored. A log naming at least one of them is scored whole: other
 * accounts beside the applicant's stay in, because several accounts on one home connection is itself a
 * finding (network-shared-ip). A log naming no account cannot be told apart and is scored. A decision
 * stored in the app (confirmed, discarded, or the one made on arrival) stands.
 */
export function logVerdict(log: SignInLogInput, known: ReadonlySet<string>): LogVerdict {
  if (log.decision !== undefined) {
    const status = decisionScores(log.decision) ? 'scored' : log.decision === 'held' ? 'held' : 'discarded'
    return { name: log.name, accounts: log.accounts ? [...log.accounts] : accountsIn(log.events), status }
  }
  const o = logOwnership(log.events as AccessEvent[], known as Set<string>)
  return { name: log.name, accounts: o.accounts, status: o.state === 'held' ? 'held' : 'scored' }
}

/** A total order on sign-ins, so that every door (file order, database order) hands the rules the same list. */
const EVENT_ORDER = ['occurredAt', 'account', 'ip', 'userAgent', 'event', 'where'] as const
function compareEvents(a: AccessEventFact, b: AccessEventFact): number {
  for (const k of EVENT_ORDER) {
    const x = a[k] ?? ''
    const y = b[k] ?? ''
    if (x !== y) return x < y ? -1 : 1
  }
  return 0
}

/** The sign-in events to score and what became of each log. */
export function eventsToScore(records: FactRecord[], logs: readonly SignInLogInput[]): { events: AccessEventFact[] | undefined; logs: LogVerdict[] } {
  if (!logs.length) return { events: undefined, logs: [] }
  const known = logs.some(l => l.decision === undefined) ? knownAccountsOf(records) : new Set<string>()
  const verdicts = logs.map(l => logVerdict(l, known))
  const scored = logs.filter((_, i) => verdicts[i]!.status === 'scored')
  if (!scored.length) return { events: undefined, logs: verdicts }
  const events: AccessEventFact[] = []
  for (const l of scored) for (const e of l.events) events.push({ occurredAt: e.occurredAt, account: e.account, ip: e.ip, userAgent: e.userAgent, event: e.event, where: l.name })
  let sorted = true
  for (let i = 1; i < events.length && sorted; i++) sorted = compareEvents(events[i - 1]!, events[i]!) <= 0
  if (!sorted) events.sort(compareEvents)
  return { events, logs: verdicts }
}

/** Facts → findings → score, on the events already chosen (the second, linked pass of `vet score` starts here). */
export function judgeEvidence(kind: CaseFacts['kind'], records: FactRecord[], events: AccessEventFact[] | undefined, asOf: Date, ref: ReferenceData, options: { rules?: readonly Rule[]; links?: LinkFact[]; shared?: SharedIndicatorHit[] } = {}): Evaluation {
  return evaluateCase(kind, records, events, asOf, ref, options.rules, options.links, options.shared)
}

/**
 * Judge one application: which sign-ins are its applicant's, then the rules and the score. `links` as link
 * analysis found them ([] when it ran and found none; the first pass of both doors scores with []).
 */
export function judgeApplication(evidence: ApplicationEvidence, ref: ReferenceData, options: { rules?: readonly Rule[]; links?: LinkFact[]; shared?: SharedIndicatorHit[] } = {}): Judgement {
  const { events, logs } = eventsToScore(evidence.records, evidence.logs)
  return { evaluation: judgeEvidence(evidence.kind, evidence.records, events, evidence.asOf, ref, options), events, logs }
}

/** A held log, in the words `vet score` prints (the case page asks whose it is instead). */
export function heldLogNote(v: LogVerdict): string {
  const shown = v.accounts.slice(0, 3).join(', ')
  const more = v.accounts.length > 3 ? ` and ${v.accounts.length - 3} more` : ''
  return `sign-in log ${v.name} for ${shown || 'no named account'}${more} held: not this applicant's known accounts`
}

/** A resume as either door has it: its text (pages in order) and its metadata. */
export interface ResumeInput {
  name: string
  sha256: string
  text: string
  metadata: DocumentMeta
}

/** Of several photos, the one that links (the same one whichever door reads them, in whatever order). */
export function photoToLink<T extends { name: string; sha256: string }>(photos: readonly T[]): T | undefined {
  let best: T | undefined
  for (const p of photos) if (!best || p.name < best.name || (p.name === best.name && p.sha256 < best.sha256)) best = p
  return best
}

/** Union of sorted shingle sets (each document shingled on its own: no run of words spans two files). */
function unionShingles(sets: Shingles[]): Shingles {
  const nonEmpty = sets.filter(s => s.length)
  if (nonEmpty.length <= 1) return nonEmpty[0] ?? new Uint32Array(0)
  const all = new Uint32Array(nonEmpty.reduce((n, s) => n + s.length, 0))
  let at = 0
  for (const s of nonEmpty) {
    all.set(s, at)
    at += s.length
  }
  all.sort()
  let n = 0
  for (let i = 0; i < all.length; i++) if (i === 0 || all[i] !== all[n - 1]) all[n++] = all[i]!
  return all.slice(0, n)
}

/** Resumes shorter than this many words (after masking) are not compared. */
export const MIN_RESUME_WORDS = 20

export interface LinkMaterial {
  keys: LinkKey[]
  /** the masked resume's shingles, empty when the resumes are too short to compare */
  shingleSet: Shingles
  /** keys of its distinctive lines (resumeLines.ts), empty when there is no resume to compare */
  resumeLines: string[]
  photo: PhotoFingerprint | null
  /** the applicant's name as given (the same person applying twice is not a link) */
  name: string | null
}

/**
 * What link analysis needs from one application: identifier keys (with document metadata), the resumes'
 * text with the applicant's own name and contacts masked, shingled, and the photo's fingerprint (decoded
 * by the door, on a worker; see photoToLink for which photo).
 */
export function linkMaterial(records: FactRecord[], resumes: readonly ResumeInput[], photo: PhotoFingerprint | null, isHomeNetwork: (ip: string) => boolean): LinkMaterial {
  const ordered = [...resumes].sort((a, b) => (a.name !== b.name ? (a.name < b.name ? -1 : 1) : a.sha256 < b.sha256 ? -1 : a.sha256 > b.sha256 ? 1 : 0))
  const names = records.filter(r => r.field === 'person.full_name' || r.field === 'resume.name').map(r => String(r.value))
  // A JSON Resume given inline is a resume too: its work history (employers, titles, dates, what was done)
  // is the text a persona template repeats, so it is shingled like a document.
  const inline = records
    .filter(r => r.field === 'resume.employer' && r.source === 'application')
    .map(r => Object.values(r.value as Record<string, unknown>).filter(v => typeof v === 'string').join(' '))
    .join('\n')
  const texts = [...ordered.map(r => r.text), ...(inline.trim() ? [inline] : [])]
  const masked = texts.map(t => (t ? maskedResumeText(t, names) : ''))
  const tokens = masked.map(t => (t ? words(t) : []))
  const total = tokens.reduce((n, t) => n + t.length, 0)
  const shingleSet = total >= MIN_RESUME_WORDS ? unionShingles(tokens.map(t => shingles(t))) : new Uint32Array(0)
  const resumeLines = shingleSet.length ? resumeLineKeys(masked) : []
  const keys = identifierKeys(records, { isHomeNetwork, documents: ordered.map(r => ({ author: r.metadata.author ?? null, creator: r.metadata.creator ?? null, producer: r.metadata.producer ?? null, created: r.metadata.created ?? null })) })
  const name = records.find(r => r.field === 'person.full_name')?.value
  return { keys, shingleSet, resumeLines, photo, name: typeof name === 'string' ? name : null }
}

/** The same material as the in-memory link index takes it. */
export function linkableOf(id: string, m: LinkMaterial): LinkableApplication {
  return { id, keys: m.keys, resume: m.shingleSet.length ? signature(m.shingleSet) : null, resumeShingles: m.shingleSet.length ? m.shingleSet : null, resumeLines: m.resumeLines, photo: m.photo }
}

/**
 * When an application is judged: when it was submitted, if known (so scoring it again later does not drift);
 * otherwise the start of the given day (UTC), so that both doors judge an undated application alike on a day.
 */
export function judgedAsOf(submittedAt: string | null | undefined, now: Date): Date {
  return submittedAt ? new Date(submittedAt) : new Date(now.toISOString().slice(0, 10))
}

/** Home connections identify someone; VPN and datacenter exits are shared by strangers. */
export const homeNetworkOf = (ref: ReferenceData) => (ip: string) => ref.lookupIp(ip)?.network === 'residential'
