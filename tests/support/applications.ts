import { parseApplication, type Application } from '../../src/ingest/applicationFormat'
import type { Services } from '../../src/services'
import { systemActor } from '../../src/services/context'

/** An application in our JSON format, checked as intake checks it: a test's typo fails loudly here. */
export const application = (value: unknown): Application => {
  const r = parseApplication(value)
  if (!r.ok) throw new Error(r.problems.join('; '))
  return r.value
}

/** Import one application as the system (no referenced files) and return its case id. */
export async function importCase(services: Services, app: Application): Promise<string> {
  const out = await services.ingest.importApplication(`${app.external_id ?? 'app'}.json`, app, async () => ({ problem: 'none' }), systemActor())
  if (!('caseId' in out) || !out.caseId) throw new Error(`import failed: ${JSON.stringify(out)}`)
  return out.caseId
}
