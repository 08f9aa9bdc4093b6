import type { Services } from '../services'
import type { ActorContext } from '../services/context'
import { HttpError } from '../errors'

/**
 * `vet erase CASE_REF --reason "…" [--compact] [--json]`: the operator's erasure (someone who holds the
 * database already), recorded as CASE_ERASED like the two-person flow in the app. --compact then reclaims
 * the freed space (SQLite VACUUM; PostgreSQL VACUUM (FULL) of the touched tables, which locks each table).
 */
export async function eraseCommand(services: Services, reference: string | undefined, options: { reason: string | undefined; compact: boolean; json: boolean }, actor: ActorContext, out: (s: string) => void, err: (s: string) => void): Promise<number> {
  if (!reference || !/^[A-Za-z0-9-]{1,20}$/.test(reference)) {
    err('vet: erase needs a case reference, e.g. vet erase VD-000123 --reason "…"')
    return 2
  }
  if (!options.reason || options.reason.trim().length < 10) {
    err('vet: erase needs --reason "…" (at least 10 characters): why the person\'s data is erased')
    return 2
  }
  try {
    const outcome = await services.erasure.erase(reference.toUpperCase(), options.reason, actor, { requestedBy: null, confirmedBy: null })
    const compacted = options.compact ? await services.erasure.compact() : null
    if (options.json) out(JSON.stringify({ ...outcome, compacted: options.compact, ...(compacted ? { heldBack: compacted.heldBack } : {}) }))
    else {
      out(`Erased ${outcome.reference}: ${outcome.revisions.length} revision(s), ${outcome.files} file(s) deleted`)
      out(`  ${Object.entries(outcome.counts).filter(([, n]) => n > 0).map(([k, n]) => `${k} ${n}`).join(', ')}`)
      if (outcome.keptInOtherDecidedCases) out(`  ${outcome.keptInOtherDecidedCases} finding(s) of other people's decided cases still name the person (kept as decided)`)
      if (compacted?.heldBack) out(`  ${compacted.heldBack} other session(s) kept a transaction open for 30 s; their view of the erased rows stays in the files until they end and you run --compact again (or autovacuum runs)`)
      if (!options.compact) out('  Run with --compact (or VACUUM) to reclaim the freed space; see README, "Erasure and subject access"')
    }
    return 0
  } catch (error) {
    if (error instanceof HttpError) {
      err(`vet: ${error.message}`)
      return 1
    }
    throw error
  }
}
