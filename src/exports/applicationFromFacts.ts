import { APPLICATION_FORMAT, applicationSchema, type Application } from '../ingest/applicationFormat'

/**
 * A case's current application-form facts (from an imported application or entered by a reviewer) put
 * back into vetting/application@1. Each such fact's locator is the path it came from ("person.email",
 * "references[1]"); document facts are not part of the form and stay in the export's facts list.
 */
export function applicationFromFacts(facts: Array<{ field: string; value: unknown; source: string; locator: string | null }>, external: { external_id?: string | null; kind?: string }): { application: Application | null; problems: string[] } {
  const app: Record<string, unknown> = { format: APPLICATION_FORMAT }
  if (external.external_id) app.external_id = external.external_id
  if (external.kind) app.kind = external.kind
  for (const f of facts) {
    if (f.source !== 'application' && f.source !== 'reviewer') continue
    const locator = (f.locator ?? '').replace(/^[a-z ]+form: /, '')
    if (!/^[a-z_]+(\.[a-z_]+|\[\d+\])*$/.test(locator) || locator === 'format') continue
    // A phone is kept as the applicant wrote it; its parsed form is a fact, not part of the format.
    const value = f.value !== null && typeof f.value === 'object' && 'raw' in (f.value as object) && 'e164' in (f.value as object) ? (f.value as { raw: unknown }).raw : withoutDerived(f.value)
    setPath(app, locator, value)
  }
  for (const key of ['profiles', 'references']) if (Array.isArray(app[key])) app[key] = (app[key] as unknown[]).filter(v => v !== undefined)
  const parsed = applicationSchema.safeParse(app)
  return parsed.success ? { application: parsed.data, problems: [] } : { application: null, problems: parsed.error.issues.map(i => `${i.path.join('.')}: ${i.message}`) }
}

/** Fields the import adds for matching (a reference's E.164 phone) are not the applicant's words. */
function withoutDerived(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value
  const { phone_e164: _e164, ...rest } = value as Record<string, unknown>
  return rest
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.match(/[a-z_]+|\[\d+\]/g) ?? []
  let node: Record<string, unknown> | unknown[] = target
  parts.forEach((part, i) => {
    const key: string | number = part.startsWith('[') ? Number(part.slice(1, -1)) : part
    const last = i === parts.length - 1
    const container = node as Record<string | number, unknown>
    if (last) container[key] = value
    else {
      const nextIsIndex = parts[i + 1]!.startsWith('[')
      container[key] ??= nextIsIndex ? [] : {}
      node = container[key] as Record<string, unknown>
    }
  })
}
