import path from 'node:path'
import { ExtractionPool } from '../extract/extractionPool'
import { collectApplications, displayLabel } from '../ingest/collectApplications'
import { ImportProblem, prepareApplication } from '../ingest/prepareApplication'
import { accessEventsOfPrepared, recordsOfPrepared } from '../ingest/preparedFacts'
import { evaluateCase } from '../rules/evaluateCase'
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
export async function scorePaths(paths: string[], options: { asOf?: Date; dataDir?: string; rules?: readonly Rule[] } = {}): Promise<{ lines: ScoreLine[]; errors: Array<{ file: string; error: string }> }> {
  const { files, rejected } = await inputsFromPaths(paths)
  const collected = collectApplications(files)
  const errors = [...rejected, ...collected.rejected].map(r => ({ file: display(r.file), error: r.reason }))
  const ref = referenceDataFor(options.dataDir ?? './data')
  const lines: ScoreLine[] = []
  const pool = new ExtractionPool()
  try {
    const apps = collected.applications
    for (let i = 0; i < apps.length; i += 16) {
      await Promise.all(
        apps.slice(i, i + 16).map(async a => {
          try {
            const prepared = await prepareApplication(pool, a.label, a.application, a.resolve, a.raw)
            const app = prepared.application
            const asOf = options.asOf ?? (app.submitted_at ? new Date(app.submitted_at) : new Date(new Date().toISOString().slice(0, 10)))
            const { findings, score } = evaluateCase(app.kind ?? 'candidate', recordsOfPrepared(prepared), accessEventsOfPrepared(prepared), asOf, ref, options.rules)
            lines.push({
              id: app.external_id ?? path.posix.basename(display(a.label)),
              file: display(a.label),
              score: score.score,
              band: score.band,
              findings: findings.filter(f => f.status === 'flag').map(f => ({ rule: f.rule, severity: f.severity, message: f.message, evidence: f.evidence.map(e => ({ field: e.field, value: e.value, where: e.where })) })),
              links: [],
            })
          } catch (error) {
            if (error instanceof ImportProblem) errors.push({ file: display(a.label), error: error.message })
            else throw error
          }
        }),
      )
    }
  } finally {
    await pool.close()
  }
  lines.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))
  errors.sort((a, b) => (a.file < b.file ? -1 : 1))
  return { lines, errors }
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
