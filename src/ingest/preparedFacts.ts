import { factsFromApplication, factsFromDocument, type FactInput } from '../extract/buildFacts'
import type { PhotoFingerprint } from '../links/imageHash'
import { judgedAsOf, photoToLink, type ApplicationEvidence, type ResumeInput, type SignInLogInput } from '../pipeline/judgeApplication'
import type { AccessEventFact, FactRecord } from '../rules/caseFacts'
import type { PreparedApplication } from './prepareApplication'

/** The facts in a prepared application: what its JSON claims and what its documents say. */
export function factsOfPrepared(prepared: PreparedApplication): FactInput[] {
  return [...factsFromApplication(prepared.application), ...prepared.files.filter(f => f.read).flatMap(f => factsFromDocument(f.read!, f.key))]
}

/** The same facts as rule inputs, each saying where it was read. */
export function recordsOfPrepared(prepared: PreparedApplication, facts = factsOfPrepared(prepared)): FactRecord[] {
  const names = new Map(prepared.files.map(f => [f.key, f.name]))
  return facts.map(fact => ({ field: fact.field, value: fact.value, source: fact.source, where: fact.documentKey ? `${names.get(fact.documentKey)}, ${fact.locator}` : `application: ${fact.locator}` }))
}

/** Every sign-in in the application's logs, unjudged (whose they are is the pipeline's question: see evidenceOfPrepared). */
export function accessEventsOfPrepared(prepared: PreparedApplication): AccessEventFact[] | undefined {
  const logs = prepared.files.filter(f => f.events)
  return logs.length ? logs.flatMap(f => f.events!.map(e => ({ ...e, where: f.name }))) : undefined
}

/** The sign-in logs of a prepared application, as the pipeline takes them (no decision yet: it is made from the facts). */
export function logsOfPrepared(prepared: PreparedApplication): SignInLogInput[] {
  return prepared.files.filter(f => f.kind === 'access_log' && f.events).map(f => ({ name: f.name, events: f.events! }))
}

/** When a prepared application is judged: as of the given date, when it was submitted, or today. */
export function asOfPrepared(prepared: PreparedApplication, asOf?: Date, now = new Date()): Date {
  return asOf ?? judgedAsOf(prepared.application.submitted_at, now)
}

/** A prepared application's evidence, in the shape both doors hand the pipeline. */
export function evidenceOfPrepared(prepared: PreparedApplication, options: { asOf: Date; facts?: FactInput[] }): ApplicationEvidence {
  return { kind: prepared.application.kind ?? 'candidate', records: recordsOfPrepared(prepared, options.facts ?? factsOfPrepared(prepared)), logs: logsOfPrepared(prepared), asOf: options.asOf }
}

/** The resumes of a prepared application, as link analysis takes them. */
export function resumesOfPrepared(prepared: PreparedApplication): ResumeInput[] {
  return prepared.files
    .filter(f => f.kind === 'resume' && f.read)
    .map(f => {
      const m = f.read!.metadata
      return { name: f.name.slice(0, 255), sha256: f.sha256, text: f.read!.pages.join('\n'), metadata: { author: m.author ?? null, creator: m.creatorTool ?? null, producer: m.producer ?? null, created: m.created ?? null } }
    })
}

/** The photo that links, and its fingerprint (decoded when the file was prepared, or here if it was not). */
export function photoOfPrepared(prepared: PreparedApplication, decode: (data: Buffer) => PhotoFingerprint | null): PhotoFingerprint | null {
  const photo = photoToLink(prepared.files.filter(f => f.kind === 'photo').map(f => ({ ...f, name: f.name.slice(0, 255) })))
  if (!photo) return null
  return photo.fingerprint !== undefined ? photo.fingerprint : decode(photo.data)
}
