import fs from 'node:fs'
import path from 'node:path'
import type { SanctionsEntry } from '../sanctions/types'

/**
 * Imported reference data lives in DATA_DIR/refdata as JSON, with a manifest of versions: the app and
 * `vet score` read the same files. Writes go to a temporary file first, then rename, so a failed import
 * never leaves half a list behind.
 */
export interface ImportedDataset {
  version: string
  source: string
  file: string
  importedAt: string
  entries: number
}

export interface Manifest {
  sanctions?: ImportedDataset
  wallets?: ImportedDataset
  asns?: ImportedDataset
  'cidrs-datacenter'?: ImportedDataset
  'cidrs-vpn'?: ImportedDataset
}

export interface StoredAsn {
  asn: number
  kind: 'datacenter' | 'vpn'
  operator: string
}

export const refdataDir = (dataDir: string) => path.join(dataDir, 'refdata')

export function readJsonFile<T>(file: string, fallback: T): T {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as T
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return fallback
    throw new Error(`reference data file ${file} is unreadable: ${(error as Error).message}`, { cause: error })
  }
}

export function writeJsonAtomic(file: string, value: unknown): void {
  fs.mkdirSync(path.dirname(file), { recursive: true })
  const tmp = `${file}.${process.pid}.tmp`
  fs.writeFileSync(tmp, JSON.stringify(value))
  fs.renameSync(tmp, file)
}

export const files = (dataDir: string) => ({
  manifest: path.join(refdataDir(dataDir), 'manifest.json'),
  sanctions: path.join(refdataDir(dataDir), 'sanctions.json'),
  wallets: path.join(refdataDir(dataDir), 'wallets.json'),
  asns: path.join(refdataDir(dataDir), 'asns.json'),
  cidrs: (kind: 'datacenter' | 'vpn') => path.join(refdataDir(dataDir), `cidrs-${kind}.json`),
})

export type StoredSanctions = SanctionsEntry[]
export type StoredWallets = Record<string, string[]>
export type StoredCidrs = string[]
