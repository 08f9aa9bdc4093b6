import path from 'node:path'
import type { CollectedApplication } from '../ingest/collectApplications'
import { displayLabel } from '../ingest/collectApplications'
import { prepareApplication, type DocumentReader } from '../ingest/prepareApplication'
import { asOfPrepared, evidenceOfPrepared, photoOfPrepared, resumesOfPrepared } from '../ingest/preparedFacts'
import { photoFingerprint } from '../links/imageHash'
import type { LinkableApplication } from '../links/linkIndex'
import type { Shingles } from '../links/minhash'
import { heldLogNote, homeNetworkOf, judgeApplication, linkableOf, linkMaterial, type LogVerdict } from '../pipeline/judgeApplication'
import type { ReferenceData } from '../refdata/referenceData'
import type { AccessEventFact, FactRecord } from '../rules/caseFacts'
import type { Finding, Rule } from '../rules/types'
import type { Score } from '../scoring/scoreCase'

export interface ScoreLine {
  id: string
  file: string
  score: number
  band: string
  findings: Array<{ rule: string; severity: string; message: string; evidence: Array<{ field: string; value: unknown; where: string }> }>
  links: Array<{ id: string; via: string }>
  /** sign-in logs not scored because they name none of the applicant's known accounts (only when there are any) */
  held?: Array<{ log: string; accounts: string[]; note: string }>
}

/** One application scored on its own: everything the second, population-wide phase (links) needs. */
export interface ScoredApplication {
  line: ScoreLine
  kind: 'candidate' | 'contractor'
  records: FactRecord[]
  /** the sign-ins that were scored (the applicant's logs only) */
  events: AccessEventFact[] | undefined
  asOf: Date
  name: string | null
  linkable: LinkableApplication
  /** the masked resume's shingles, empty when the resume is too short to compare */
  shingleSet: Shingles
}

/** As a worker sends it back: the facts as JSON, parsed again only if the application turns out linked. */
export type ScoredOnWorker = Omit<ScoredApplication, 'records' | 'events'> & { facts: string }

/**
 * Read and extract one application, then judge it and gather its link material through the pipeline the
 * app uses (src/pipeline/judgeApplication.ts): nothing here decides anything about the application.
 */
export async function scoreApplication(reader: DocumentReader, ref: ReferenceData, a: Pick<CollectedApplication, 'label' | 'application' | 'resolve' | 'raw'>, options: { asOf?: Date; rules?: readonly Rule[] }): Promise<ScoredApplication> {
  const prepared = await prepareApplication(reader, a.label, a.application, a.resolve, a.raw)
  const app = prepared.application
  const evidence = evidenceOfPrepared(prepared, { asOf: asOfPrepared(prepared, options.asOf) })
  // Scored first as if unlinked ([]: link analysis runs over the whole population next), as imports are.
  const { evaluation, events, logs } = judgeApplication(evidence, ref, { ...(options.rules ? { rules: options.rules } : {}), links: [] })
  const id = app.external_id ?? path.posix.basename(displayLabel(a.label))
  const material = linkMaterial(evidence.records, resumesOfPrepared(prepared), photoOfPrepared(prepared, photoFingerprint), homeNetworkOf(ref))
  return {
    line: lineOf(id, displayLabel(a.label), evaluation.findings, evaluation.score, logs),
    kind: evidence.kind,
    records: evidence.records,
    events,
    asOf: evidence.asOf,
    name: app.person?.full_name ?? null,
    linkable: linkableOf(id, material),
    shingleSet: material.shingleSet,
  }
}

export function lineOf(id: string, file: string, findings: Finding[], score: Score, logs: LogVerdict[] = []): ScoreLine {
  const held = logs.filter(l => l.status === 'held').map(l => ({ log: l.name, accounts: l.accounts.slice(0, 20), note: heldLogNote(l) }))
  return {
    id,
    file,
    score: score.score,
    band: score.band,
    findings: findings.filter(f => f.status === 'flag').map(f => ({ rule: f.rule, severity: f.severity, message: f.message, evidence: f.evidence.map(e => ({ field: e.field, value: e.value, where: e.where })) })),
    links: [],
    ...(held.length ? { held } : {}),
  }
}
