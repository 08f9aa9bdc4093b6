import type { Services } from '../services'

/** `vet jobs list|run|retry`: the durable queue, for operators. */
export async function jobsCommand(services: Services, sub: string | undefined, args: string[], flags: { json: boolean }, out: (s: string) => void, err: (s: string) => void): Promise<number> {
  if (sub === 'list') {
    const rows = await services.jobs.recent(50)
    const view = rows.map(r => ({ id: r.id, kind: r.kind, status: r.status, attempts: r.attempts, maxAttempts: r.max_attempts, createdAt: r.created_at, finishedAt: r.finished_at, progress: r.progress ? (JSON.parse(r.progress) as unknown) : null, lastError: r.last_error }))
    if (flags.json) out(JSON.stringify(view))
    else out(view.length ? view.map(v => `${v.id}  ${v.kind.padEnd(22)} ${v.status.padEnd(8)} attempt ${v.attempts}/${v.maxAttempts}  ${v.createdAt}${v.lastError ? `  last error: ${v.lastError}` : ''}`).join('\n') : 'No background jobs')
    return 0
  }
  if (sub === 'run') {
    const n = await services.jobs.runUntilIdle()
    out(`${n} job(s) run`)
    const dead = (await services.jobs.recent(50)).filter(j => j.status === 'dead')
    if (dead.length) err(`${dead.length} job(s) are dead (see vet jobs list); vet jobs retry ID queues one again`)
    return 0
  }
  if (sub === 'retry') {
    if (!args[0]) {
      err('vet jobs retry needs the job id (vet jobs list shows it)')
      return 2
    }
    if (!(await services.jobs.retry(args[0]))) {
      err(`vet: job ${args[0]} is not dead (only a dead job can be retried)`)
      return 1
    }
    out(`Job ${args[0]} queued again`)
    return 0
  }
  err('vet jobs needs a command: list, run or retry')
  return 2
}
