import path from 'node:path'
import { ExtractionPool } from '../extract/extractionPool'
import { collectApplications, displayLabel } from '../ingest/collectApplications'
import { ImportProblem, prepareApplication, type PreparedApplication } from '../ingest/prepareApplication'
import { accessEventsOfPrepared, recordsOfPrepared } from '../ingest/preparedFacts'
import { evaluateCase } from '../rules/evaluateCase'
import type { AccessEventFact, FactRecord, LinkFact } from '../rules/caseFacts'
import { RULES } from '../rules/registry'
import type { Finding } from '../rules/types'
import type { Score } from '../scoring/scoreCase'
import { compareNames } from '../domain/names'
import { photoFingerprint } from '../links/imageHash'
import { LinkIndex, type LinkableApplication } from '../links/linkIndex'
import { identifierKeys, maskedResumeText } from '../links/linkKeys'
import { shingles, signature, words } from '../links/minhash'
import type { Rule } from '../rules/types'
import { referenceDataFor } from '../refdata/load'
import { inputsFromPaths } from './importCommand'

export interface ScoreLine {
  id: string
  file: string
  score: number
  band: string
  findings: Array<{ rule: string; severity: string; message: string; evidence: Array<{ field: string; value: unknown; where: string }> }>
  links: Array<{ id: string; via: string }>
}

const display = displayLabel

/**
 * `vet score [--json] [--as-of DATE] PATH…`: score files with the app's own code, without the server
 * or its database. All inputs are one population (links between them will count once link analysis
 * lands). Output is sorted by file, so the same input always prints the same lines.
 */
export async function scorePaths(paths: string[], options: { asOf?: Date; dataDir?: string; rules?: readonly Rule[]; onLinkable?: (id: string, shingleSet: Set<number>, app: LinkableApplication) => void } = {}): Promise<{ lines: ScoreLine[]; errors: Array<{ file: string; error: string }> }> {
  const { files, rejected } = await inputsFromPaths(paths)
  const collected = collectApplications(files)
  const errors = [...rejected, ...collected.rejected].map(r => ({ file: display(r.file), error: r.reason }))
  const ref = referenceDataFor(options.dataDir ?? './data')
  const isHomeNetwork = (ip: string) => ref.lookupIp(ip)?.network === 'residential'
  const scored: Array<{ line: ScoreLine; kind: 'candidate' | 'contractor'; records: FactRecord[]; events: AccessEventFact[] | undefined; asOf: Date; name: string | null; linkable: LinkableApplication }> = []
  const pool = new ExtractionPool()
  try {
    const apps = collected.applications
    // 16 applications in flight at all times (not in lock-step batches), so the extraction workers never
    // wait for the slowest of a batch while this thread scores.
    let next = 0
    const runner = async () => {
      while (next < apps.length) {
        const a = apps[next++]!
        await (async () => {
          try {
            const prepared = await prepareApplication(pool, a.label, a.application, a.resolve, a.raw)
            const app = prepared.application
            const asOf = options.asOf ?? (app.submitted_at ? new Date(app.submitted_at) : new Date(new Date().toISOString().slice(0, 10)))
            const records = recordsOfPrepared(prepared)
            const events = accessEventsOfPrepared(prepared)
            const kind = app.kind ?? 'candidate'
            const { findings, score } = evaluateCase(kind, records, events, asOf, ref, options.rules)
            const id = app.external_id ?? path.posix.basename(display(a.label))
            scored.push({ line: lineOf(id, display(a.label), findings, score), kind, records, events, asOf, name: app.person?.full_name ?? null, linkable: linkableOf(id, prepared, records, isHomeNetwork, options.onLinkable) })
          } catch (error) {
            if (error instanceof ImportProblem) errors.push({ file: display(a.label), error: error.message })
            else throw error
          }
        })()
      }
    }
    await Promise.all(Array.from({ length: Math.min(16, apps.length) }, runner))
  } finally {
    await pool.close()
  }
  // Link analysis across everything scored together, then the rules again where links were found (the
  // other application's band before links, so no loops).
  scored.sort((a, b) => (a.line.id < b.line.id ? -1 : a.line.id > b.line.id ? 1 : 0))
  const index = new LinkIndex()
  for (const s of scored) index.add(s.linkable)
  const byId = new Map(scored.map(s => [s.line.id, s]))
  const linksOf = new Map<string, LinkFact[]>()
  for (const l of index.activeLinks()) {
    for (const [self, other] of [[l.a, l.b], [l.b, l.a]] as const) {
      const mine = byId.get(self)
      const theirs = byId.get(other)
      if (!mine || !theirs) continue
      // The same person applying twice shares everything: only links between different names count.
      if (mine.name && theirs.name && compareNames(mine.name, theirs.name).match) continue
      linksOf.set(self, [...(linksOf.get(self) ?? []), { otherId: other, otherName: theirs.name, kind: l.kind, via: l.via, otherBand: theirs.line.band }])
    }
  }
  const lines: ScoreLine[] = []
  for (const s of scored) {
    const links = linksOf.get(s.line.id) ?? []
    if (!links.length || options.rules) {
      lines.push({ ...s.line, links: summariseLinks(links) })
      continue
    }
    const { findings, score } = evaluateCase(s.kind, s.records, s.events, s.asOf, ref, RULES, links)
    lines.push({ ...lineOf(s.line.id, s.line.file, findings, score), links: summariseLinks(links) })
  }
  lines.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))
  errors.sort((a, b) => (a.file < b.file ? -1 : 1))
  return { lines, errors }
}

function lineOf(id: string, file: string, findings: Finding[], score: Score): ScoreLine {
  return {
    id,
    file,
    score: score.score,
    band: score.band,
    findings: findings.filter(f => f.status === 'flag').map(f => ({ rule: f.rule, severity: f.severity, message: f.message, evidence: f.evidence.map(e => ({ field: e.field, value: e.value, where: e.where })) })),
    links: [],
  }
}

/** One entry per linked application: what they share, in words. */
function summariseLinks(links: LinkFact[]): Array<{ id: string; via: string }> {
  const byOther = new Map<string, string[]>()
  for (const l of links) byOther.set(l.otherId, [...new Set([...(byOther.get(l.otherId) ?? []), l.via])])
  return [...byOther].sort(([a], [b]) => (a < b ? -1 : 1)).map(([id, via]) => ({ id, via: via.join('; ') }))
}

/** What link analysis needs from one prepared application. */
function linkableOf(id: string, prepared: PreparedApplication, records: FactRecord[], isHomeNetwork: (ip: string) => boolean, onLinkable?: (id: string, shingleSet: Set<number>, app: LinkableApplication) => void): LinkableApplication {
  const resumes = prepared.files.filter(f => f.kind === 'resume' && f.read)
  const names = records.filter(r => r.field === 'person.full_name' || r.field === 'resume.name').map(r => String(r.value))
  const text = resumes.map(f => f.read!.pages.join('\n')).join('\n')
  const tokens = text ? words(maskedResumeText(text, names)) : []
  const photo = prepared.files.find(f => f.kind === 'photo')
  const shingleSet = tokens.length >= 20 ? shingles(tokens) : new Set<number>()
  const linkable: LinkableApplication = {
    id,
    keys: identifierKeys(records, { isHomeNetwork, documents: resumes.map(f => ({ author: f.read!.metadata.author ?? null, creator: f.read!.metadata.creatorTool ?? null, producer: f.read!.metadata.producer ?? null, created: f.read!.metadata.created ?? null })) }),
    resume: shingleSet.size ? signature(shingleSet) : null,
    resumeShingles: shingleSet.size ? shingleSet : null,
    photo: photo ? photoFingerprint(photo.data) : null,
  }
  onLinkable?.(id, shingleSet, linkable)
  return linkable
}

export async function scoreCommand(paths: string[], options: { json: boolean; asOf?: Date; dataDir?: string }, out: (s: string) => void): Promise<number> {
  const { lines, errors } = await scorePaths(paths, { ...(options.asOf ? { asOf: options.asOf } : {}), ...(options.dataDir ? { dataDir: options.dataDir } : {}) })
  if (options.json) {
    for (const l of lines) out(JSON.stringify(l))
    for (const e of errors) out(JSON.stringify(e))
  } else {
    const rows = lines.map(l => [l.id, String(l.score), l.band, l.findings.map(f => f.rule).join(', ') || '-', l.file])
    const header = ['id', 'score', 'band', 'flags', 'file']
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map(r => r[i]!.length)))
    for (const r of [header, ...rows]) out(r.map((c, i) => (i === 1 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd())
    for (const e of errors) out(`not scored: ${e.file}: ${e.error}`)
    out(`\n${lines.length} scored, ${errors.length} could not be read`)
  }
  return errors.length ? 1 : 0
}
