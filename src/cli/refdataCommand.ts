import { forgetReferenceData, loadReferenceData } from '../refdata/load'
import { RefdataImportError, importRefdataFile } from '../refdata/importRefdata'

/** `vet refdata import [--kind datacenter|vpn] FILE…` and `vet refdata list [--json]`. */
export function refdataCommand(sub: string | undefined, paths: string[], flags: { json: boolean; kind?: string }, dataDir: string, out: (s: string) => void, err: (s: string) => void): number {
  if (sub === 'list') {
    const ref = loadReferenceData(dataDir)
    for (const d of ref.datasets) out(flags.json ? JSON.stringify(d) : `${d.id.padEnd(20)} ${d.version.padEnd(36)} ${String(d.entries ?? '').padStart(7)}  ${d.source}`)
    return 0
  }
  if (sub !== 'import' || !paths.length) {
    err('vet: refdata needs "list", or "import" and at least one file')
    return 2
  }
  if (flags.kind !== undefined && flags.kind !== 'datacenter' && flags.kind !== 'vpn') {
    err('vet: --kind must be datacenter or vpn')
    return 2
  }
  let failed = 0
  for (const file of paths) {
    try {
      const r = importRefdataFile(dataDir, file, flags.kind ? { kind: flags.kind as 'datacenter' | 'vpn' } : {})
      out(flags.json ? JSON.stringify(r) : `${r.file}: ${r.entries} ${r.kind} entries imported as ${r.dataset}, version ${r.version}${r.skipped ? ` (${r.skipped} lines skipped)` : ''}`)
    } catch (error) {
      failed++
      const message = error instanceof RefdataImportError ? error.message : `${file}: ${(error as Error).message}`
      if (flags.json) out(JSON.stringify({ file, error: message }))
      else err(`vet: ${message}`)
    }
  }
  forgetReferenceData(dataDir)
  return failed ? 1 : 0
}
