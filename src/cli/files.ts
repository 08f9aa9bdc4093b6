import fs from 'node:fs'
import path from 'node:path'

/** Expand PATH arguments: files as given, folders walked (sorted, hidden entries skipped). */
export function expandPaths(paths: string[]): { files: string[]; missing: string[] } {
  const files: string[] = []
  const missing: string[] = []
  const walk = (p: string) => {
    const stat = fs.statSync(p, { throwIfNoEntry: false })
    if (!stat) return missing.push(p)
    if (stat.isDirectory()) walkFolder(p)
    else if (stat.isFile()) files.push(p)
  }
  // Entry types come with the listing: a folder of 70,000 files needs no stat per file (links are followed).
  const walkFolder = (dir: string) => {
    const entries = fs.readdirSync(dir, { withFileTypes: true }).filter(e => !e.name.startsWith('.'))
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const p = path.join(dir, entry.name)
      if (entry.isDirectory()) walkFolder(p)
      else if (entry.isFile()) files.push(p)
      else if (entry.isSymbolicLink()) walk(p)
    }
  }
  paths.forEach(walk)
  return { files, missing }
}
