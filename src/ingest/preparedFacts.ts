import { factsFromApplication, factsFromDocument, type FactInput } from '../extract/buildFacts'
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

export function accessEventsOfPrepared(prepared: PreparedApplication): AccessEventFact[] | undefined {
  const logs = prepared.files.filter(f => f.events)
  return logs.length ? logs.flatMap(f => f.events!.map(e => ({ ...e, where: f.name }))) : undefined
}
