import type { Services } from '../services'
import type { ActorContext } from '../services/context'

/**
 * `vet retention run [--dry-run] [--json]`: the daily retention run, now (issue 17). --dry-run lists the
 * cases the run would erase, and why, and changes nothing.
 */
export async function retentionCommand(services: Services, sub: string | undefined, options: { dryRun: boolean; json: boolean }, actor: ActorContext, out: (s: string) => void, err: (s: string) => void): Promise<number> {
  if (sub !== 'run') {
    err('vet: retention needs a command: vet retention run [--dry-run] [--json]')
    return 2
  }
  const report = await services.retention.run({ dryRun: options.dryRun, ctx: actor })
  if (options.json) {
    out(JSON.stringify(report))
    return report.failed.length ? 1 : 0
  }
  const verb = options.dryRun ? 'Would erase' : 'Erased'
  out(`${verb} ${report.erased.length} of ${report.considered} case(s)${report.failed.length ? `; ${report.failed.length} could not be erased` : ''}`)
  for (const e of report.erased) out(`  ${e.reference}  ${e.reason} (since ${e.since.slice(0, 10)})`)
  for (const f of report.failed) out(`  ${f.reference}  NOT erased: ${f.error}`)
  return report.failed.length ? 1 : 0
}
