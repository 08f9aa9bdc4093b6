import path from 'node:path'
import type { CollectedApplication } from '../ingest/collectApplications'
import { displayLabel } from '../ingest/collectApplications'
import { prepareApplication, type DocumentReader, type PreparedApplication } from '../ingest/prepareApplication'
import { accessEventsOfPrepared, recordsOfPrepared } from '../ingest/preparedFacts'
import { photoFingerprint } from '../links/imageHash'
import type { LinkableApplication } from '../links/linkIndex'
import { identifierKeys, maskedResumeText } from '../links/linkKeys'
import { shingles, signature, words, type Shingles } from '../links/minhash'
import type { ReferenceData } from '../refdata/referenceData'
import type { AccessEventFact, FactRecord } from '../rules/caseFacts'
import { evaluateCase } from '../rules/evaluateCase'
import type { Finding, Rule } from '../rules/types'
import type { Score } from '../scoring/scoreCase'

export interface ScoreLine {
  id: string
  file: string
  score: number
  band: string
  findings: Array<{ rule: string; severity: string; message: string; evidence: Array<{ field: string; value: unknown; where: string }> }>
  links: Array<{ id: string; via: string }>
}

/** One application scored on its own: everything the second, population-wide phase (links) needs. */
export interface ScoredApplication {
  line: ScoreLine
  kind: 'candidate' | 'contractor'
  records: FactRecord[]
  events: AccessEventFact[] | undefined
  asOf: Date
  name: string | null
  linkable: LinkableApplication
  /** the masked resume's shingles, empty when the resume is too short to compare */
  shingleSet: Shingles
}

/** As a worker sends it back: the facts as JSON, parsed again only if the application turns out linked. */
export type ScoredOnWorker = Omit<ScoredApplication, 'records' | 'events'> & { facts: string }

/** Read, extract and score one application, and gather what link analysis needs from it. */
export async function scoreApplication(reader: DocumentReader, ref: ReferenceData, a: Pick<CollectedApplication, 'label' | 'application' | 'resolve' | 'raw'>, options: { asOf?: Date; rules?: readonly Rule[] }): Promise<ScoredApplication> {
  const prepared = await prepareApplication(reader, a.label, a.application, a.resolve, a.raw)
  const app = prepared.application
  const asOf = options.asOf ?? (app.submitted_at ? new Date(app.submitted_at) : new Date(new Date().toISOString().slice(0, 10)))
  const records = recordsOfPrepared(prepared)
  const events = accessEventsOfPrepared(prepared)
  const kind = app.kind ?? 'candidate'
  const { findings, score } = evaluateCase(kind, records, events, asOf, ref, options.rules)
  const id = app.external_id ?? path.posix.basename(displayLabel(a.label))
  const { linkable, shingleSet } = linkableOf(id, prepared, records, ip => ref.lookupIp(ip)?.network === 'residential')
  return { line: lineOf(id, displayLabel(a.label), findings, score), kind, records, events, asOf, name: app.person?.full_name ?? null, linkable, shingleSet }
}

export function lineOf(id: string, file: string, findings: Finding[], score: Score): ScoreLine {
  return {
    id,
    file,
    score: score.score,
    band: score.band,
    findings: findings.filter(f => f.status === 'flag').map(f => ({ rule: f.rule, severity: f.severity, message: f.message, evidence: f.evidence.map(e => ({ field: e.field, value: e.value, where: e.where })) })),
    links: [],
  }
}

/** What link analysis needs from one prepared application. */
function linkableOf(id: string, prepared: PreparedApplication, records: FactRecord[], isHomeNetwork: (ip: string) => boolean): { linkable: LinkableApplication; shingleSet: Shingles } {
  const resumes = prepared.files.filter(f => f.kind === 'resume' && f.read)
  const names = records.filter(r => r.field === 'person.full_name' || r.field === 'resume.name').map(r => String(r.value))
  const text = resumes.map(f => f.read!.pages.join('\n')).join('\n')
  const tokens = text ? words(maskedResumeText(text, names)) : []
  const photo = prepared.files.find(f => f.kind === 'photo')
  const shingleSet = tokens.length >= 20 ? shingles(tokens) : new Uint32Array(0)
  const linkable: LinkableApplication = {
    id,
    keys: identifierKeys(records, { isHomeNetwork, documents: resumes.map(f => ({ author: f.read!.metadata.author ?? null, creator: f.read!.metadata.creatorTool ?? null, producer: f.read!.metadata.producer ?? null, created: f.read!.metadata.created ?? null })) }),
    resume: shingleSet.length ? signature(shingleSet) : null,
    resumeShingles: shingleSet.length ? shingleSet : null,
    photo: photo ? (photo.fingerprint !== undefined ? photo.fingerprint : photoFingerprint(photo.data)) : null,
  }
  return { linkable, shingleSet }
}
