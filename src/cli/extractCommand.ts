import fs from 'node:fs'
import { ExtractionPool } from '../extract/extractionPool'
import { extractFile, type ExtractSummary } from '../ingest/extractFile'
import { expandPaths } from './files'

const MAX_FILE_BYTES = 50 * 1024 * 1024

/** `vet extract [--json] PATH…`: what Vetting Desk reads from each file, without touching any database. */
export async function extractCommand(paths: string[], json: boolean, out: (s: string) => void): Promise<number> {
  const { files, missing } = expandPaths(paths)
  const results: ExtractSummary[] = missing.map(file => ({ file, error: 'no such file or folder' }))
  const pool = new ExtractionPool()
  try {
    for (const file of files) {
      const size = fs.statSync(file).size
      if (size > MAX_FILE_BYTES) {
        results.push({ file, error: `the file is ${(size / 1024 ** 2).toFixed(1)} MiB; at most ${MAX_FILE_BYTES / 1024 ** 2} MiB are read` })
        continue
      }
      results.push(await extractFile(file, fs.readFileSync(file), pool))
    }
  } finally {
    await pool.close()
  }
  for (const r of results) {
    if (json) out(JSON.stringify(r))
    else if ('error' in r) out(`${r.file}: cannot be read: ${r.error}`)
    else {
      out(`${r.file}`)
      out(`  name       ${r.name ?? '(not found)'}`)
      out(`  emails     ${r.emails.join(', ') || '-'}`)
      out(`  phones     ${r.phones.map(p => `${p.e164}${p.type ? ` (${p.type.toLowerCase()})` : ''}`).join(', ') || '-'}`)
      out(`  urls       ${r.urls.map(u => u.url).join(', ') || '-'}`)
      out(`  employers  ${r.employers.map(e => [e.title, e.company].filter(Boolean).join(' at ')).join('; ') || '-'}`)
      out(`  education  ${r.education.map(e => e.institution).join('; ') || '-'}`)
      out(`  skills     ${r.skills.join(', ') || '-'}`)
      for (const w of r.warnings ?? []) out(`  warning    ${w}`)
    }
  }
  return results.some(r => 'error' in r) ? 1 : 0
}
