import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { generateTo } from '../../../src/generate/cli'
import { collectApplications, type InputFile } from '../../../src/ingest/collectApplications'
import type { Services } from '../../../src/services'
import { systemActor } from '../../../src/services/context'

/**
 * A generated population (our generator: benign applicants, pattern applicants and rings, with resumes
 * and photos), written once to a folder outside the checkout and reused, so that a page timing or a
 * screenshot of one version of the app and of another see the very same applications.
 */
export function populationDir(size: number, seed: number): string {
  return process.env.PAGEBENCH_DATA ?? path.join(os.tmpdir(), `vd-pagebench-${size}-s${seed}`)
}

export async function ensurePopulation(size: number, seed: number, log: (s: string) => void = () => undefined): Promise<string> {
  const dir = populationDir(size, seed)
  const done = path.join(dir, 'DONE')
  if (fs.existsSync(done)) return path.join(dir, 'population')
  fs.rmSync(dir, { recursive: true, force: true })
  log(`  generating ${size} applications (seed ${seed}) into ${dir}`)
  await generateTo(dir, size, seed, log, { twins: false })
  fs.writeFileSync(done, `${new Date().toISOString()}\n`)
  return path.join(dir, 'population')
}

/** Import every application in the folder through the same batch import an upload uses. */
export async function importPopulation(services: Services, folder: string): Promise<{ created: number; rejected: number }> {
  const files: InputFile[] = fs
    .readdirSync(folder)
    .sort()
    .map(name => ({ path: name, data: fs.readFileSync(path.join(folder, name)) }))
  const outcomes = await services.ingest.importBatch(collectApplications(files), systemActor('bench'))
  return { created: outcomes.filter(o => o.outcome === 'created').length, rejected: outcomes.filter(o => o.outcome === 'rejected').length }
}

export interface BenchSubjects {
  /** a critical-band member of the largest ring that has one: the heaviest case page we have */
  member: { caseId: string; reference: string; name: string }
  ringReference: string
  ringSize: number
  rings: number
}

const BAND_RANK: Record<string, number> = { low: 0, elevated: 1, high: 2, critical: 3 }

export async function pickSubjects(services: Services): Promise<BenchSubjects> {
  const rings = await services.links.rings(services.db)
  const ranked = [...rings].sort((a, b) => b.members.length - a.members.length || a.id.localeCompare(b.id))
  for (const ring of ranked) {
    const member = [...ring.members].sort((a, b) => (BAND_RANK[b.band ?? ''] ?? -1) - (BAND_RANK[a.band ?? ''] ?? -1) || a.reference.localeCompare(b.reference))[0]
    if (member?.band === 'critical') return { member, ringReference: member.reference, ringSize: ring.members.length, rings: rings.length }
  }
  throw new Error(`no ring has a critical member (${rings.length} rings)`)
}
