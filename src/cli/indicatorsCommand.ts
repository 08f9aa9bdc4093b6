import fs from 'node:fs'
import type { Services } from '../services'
import type { ActorContext } from '../services/context'
import { generateSharingKey, readSharingKey } from '../indicators/hashing'
import { parseTlp } from '../indicators/tlp'
import type { Tlp } from '../indicators/types'
import type { FeedFormat } from '../services/indicatorService'

export interface IndicatorFlags {
  format?: string
  tlp?: string
  since?: string
  hashed?: string
  out?: string
  source?: string
  expires?: string
  json: boolean
  relay: boolean
  wait: boolean
}

const day = (v: string | undefined, name: string): string | undefined => {
  if (v === undefined) return undefined
  const t = Date.parse(v)
  if (!/^\d{4}-\d{2}-\d{2}/.test(v) || Number.isNaN(t)) throw new Error(`--${name} takes a date (YYYY-MM-DD), not "${v}"`)
  return new Date(t).toISOString()
}

const tlpOf = (v: string | undefined): Tlp | undefined => {
  if (v === undefined) return undefined
  const t = parseTlp(v)
  if (!t) throw new Error(`--tlp takes clear, green, amber, amber+strict or red, not "${v}"`)
  return t
}

/**
 * `vet indicators export|import|key|list`: the command-line side of indicator exchange (issue 16). An
 * import runs the retro-hunt it queues before returning (unless --no-wait leaves it to the server), so
 * its answer includes the cases hit.
 */
export async function indicatorsCommand(services: Services, sub: string | undefined, args: string[], flags: IndicatorFlags, actor: ActorContext, out: (s: string) => void, err: (s: string) => void): Promise<number> {
  try {
    if (sub === 'key') {
      const key = generateSharingKey()
      if (flags.out) {
        fs.writeFileSync(flags.out, `${key}\n`, { mode: 0o600, flag: 'wx' })
        err(`A new sharing key is in ${flags.out}. Give it to the members of the sharing group only, over a channel you trust.`)
      } else out(key)
      return 0
    }
    if (sub === 'export') {
      const format = (flags.format ?? 'stix') as FeedFormat
      if (!['stix', 'misp', 'csv'].includes(format)) throw new Error(`--format takes stix, misp or csv, not "${flags.format}"`)
      const since = day(flags.since, 'since')
      const result = await services.indicators.exportIndicators({ format, tlp: tlpOf(flags.tlp) ?? 'amber', ...(since ? { since } : {}), ...(flags.hashed ? { key: readSharingKey(flags.hashed) } : {}), relay: flags.relay }, actor)
      if (flags.out) {
        fs.writeFileSync(flags.out, result.body, { mode: 0o600 })
        err(`${result.count} indicator(s) written to ${flags.out} (${format}${flags.hashed ? ', hashed' : ''}, TLP:${(tlpOf(flags.tlp) ?? 'amber').toUpperCase()})`)
      } else out(result.body)
      return 0
    }
    if (sub === 'import') {
      const file = args[0]
      if (!file) throw new Error('indicators import needs a file: a STIX 2.1 bundle, a MISP event (JSON) or a CSV')
      const data = fs.readFileSync(file)
      const expires = day(flags.expires, 'expires')
      const tlp = tlpOf(flags.tlp)
      const summary = await services.indicators.importFeed(data, { source: flags.source ?? file.replace(/^.*[\\/]/, ''), ...(tlp ? { tlp } : {}), ...(expires ? { expires } : {}), ...(flags.hashed ? { key: readSharingKey(flags.hashed) } : {}) }, actor)
      let casesHit: Array<Record<string, string>> = []
      if (summary.jobId && flags.wait) {
        await services.jobs.runUntilIdle()
        const job = await services.jobs.find(summary.jobId)
        if (job?.status === 'done' && job.result) casesHit = (JSON.parse(job.result) as { cases: Array<Record<string, string>> }).cases
      }
      if (flags.json) out(JSON.stringify({ ...summary, casesHit }))
      else {
        out(`${summary.source} (${summary.format}): ${summary.added} added, ${summary.updated} updated, ${summary.expired} already expired, ${summary.rejected.length} rejected`)
        for (const r of summary.rejected.slice(0, 50)) out(`  rejected ${r.at}: ${r.reason}`)
        if (summary.rejected.length > 50) out(`  … and ${summary.rejected.length - 50} more`)
        if (!flags.wait && summary.jobId) out(`Retro-hunt queued as job ${summary.jobId}: the server runs it`)
        else if (summary.jobId) out(casesHit.length ? `Retro-hunt: ${casesHit.length} match(es) on existing cases:\n${casesHit.map(c => `  ${c.reference}  ${c.kind} (${c.matched}) from ${c.source}`).join('\n')}` : 'Retro-hunt: no existing case matches')
      }
      return summary.rejected.length && !summary.added && !summary.updated ? 1 : 0
    }
    if (sub === 'list') {
      const sources = await services.indicators.sources()
      if (flags.json) out(JSON.stringify(sources))
      else out(sources.length ? sources.map(s => `${s.name}  ${s.format}  TLP:${s.tlp.toUpperCase()}  ${s.live}/${s.indicators} live${s.hashed ? '  hashed' : ''}  last ${s.lastImportedAt.slice(0, 10)}`).join('\n') : 'No shared indicators imported yet')
      return 0
    }
    err('vet indicators needs a command: export, import, key or list')
    return 2
  } catch (error) {
    err(`vet indicators: ${(error as Error).message}`)
    return 1
  }
}
