import fs from 'node:fs'
import path from 'node:path'

/** Expand PATH arguments: files as given, folders walked (sorted, hidden entries skipped). */
export function expandPaths(paths: string[]): { files: string[]; missing: string[] } {
  const files: string[] = []
  const missing: string[] = []
  const walk = (p: string) => {
    const stat = fs.statSync(p, { throwIfNoEntry: false })
    if (!stat) return missing.push(p)
    if (stat.isDirectory()) {
      for (const entry of fs.readdirSync(p).sort()) if (!entry.startsWith('.')) walk(path.join(p, entry))
    } else if (stat.isFile()) files.push(p)
  }
  paths.forEach(walk)
  return { files, missing }
}
