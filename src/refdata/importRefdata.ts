import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { parseSdnCsv } from '../sanctions/sdnCsv'
import { normaliseWallet } from '../sanctions/identifiers'
import { mergeEntries } from '../sanctions/merge'
import type { SanctionsEntry } from '../sanctions/types'
import { parseCidr } from './ipRanges'
import { files, readJsonFile, writeJsonAtomic, type ImportedDataset, type Manifest, type StoredAsn, type StoredWallets } from './store'

/**
 * `vet refdata import FILE…`: recognise a reference list by its content, check it, and store it in
 * DATA_DIR/refdata with its version. Recognised: OFAC `sdn.csv`; OFAC digital-currency address lists
 * (one address per line, `sanctioned_addresses_<ASSET>.txt`); ASN lists ("AS123 # operator"); IPv4
 * CIDR lists. The kind of a network list (datacenter or VPN) comes from --kind or its file name.
 */
export type RefdataKind = 'sdn' | 'wallets' | 'asns' | 'cidrs'

export interface ImportResult {
  file: string
  kind: RefdataKind
  dataset: keyof Manifest
  entries: number
  skipped: number
  version: string
}

export class RefdataImportError extends Error {}

export function detectKind(name: string, text: string): RefdataKind | null {
  const lines = text.split(/\r?\n/).map(l => l.trim()).filter(l => l && !l.startsWith('#'))
  if (!lines.length) return null
  const sample = lines.slice(0, 50)
  if (sample.filter(l => /^\d+,"/.test(l)).length >= Math.ceil(sample.length * 0.8)) return 'sdn'
  // A stray line does not change what a list is; it is skipped and counted.
  const mostly = (test: (l: string) => boolean) => sample.filter(test).length >= Math.max(1, Math.ceil(sample.length * 0.6))
  if (mostly(l => /^AS\d+\b/i.test(l))) return 'asns'
  if (mostly(l => parseCidr(l) !== null)) return 'cidrs'
  if (/sanctioned_addresses_/i.test(name) || sample.every(l => normaliseWallet(l) !== null)) return 'wallets'
  return null
}

/** A version that says when the list was published (from the file name, if dated) and what it held. */
function versionOf(name: string, text: string): string {
  const date = /(\d{4}-\d{2}-\d{2})/.exec(name)?.[1]
  const hash = crypto.createHash('sha256').update(text).digest('hex').slice(0, 12)
  return date ? `${date} (sha256 ${hash})` : `sha256 ${hash}`
}

export function importRefdataFile(dataDir: string, file: string, options: { kind?: 'datacenter' | 'vpn'; now?: Date } = {}): ImportResult {
  const stat = fs.statSync(file)
  if (stat.size > 100 * 1024 * 1024) throw new RefdataImportError(`${file}: larger than 100 MB, not a reference list`)
  const text = fs.readFileSync(file, 'utf8')
  const name = path.basename(file)
  const kind = detectKind(name, text)
  if (!kind) throw new RefdataImportError(`${name}: not a recognised list (OFAC sdn.csv, sanctioned-address list, ASN list or IPv4 CIDR list)`)
  const f = files(dataDir)
  const manifest = readJsonFile<Manifest>(f.manifest, {})
  const stamp = (options.now ?? new Date()).toISOString()
  const version = versionOf(name, text)
  const record = (dataset: keyof Manifest, source: string, entries: number): ImportedDataset => ({ version, source, file: name, importedAt: stamp, entries })
  let result: ImportResult
  switch (kind) {
    case 'sdn': {
      const parsed = parseSdnCsv(text, `OFAC SDN ${version}`)
      // One entry per uid: a number repeated in the file is one listing, merged rather than shadowed.
      const byUid = new Map<string, SanctionsEntry>()
      for (const e of parsed.entries) byUid.set(e.uid, mergeEntries(byUid.get(e.uid), e))
      const entries = [...byUid.values()]
      const skipped = parsed.skipped
      if (entries.length < 10) throw new RefdataImportError(`${name}: only ${entries.length} SDN entries could be read; refusing to replace the list`)
      writeJsonAtomic(f.sanctions, entries)
      manifest.sanctions = record('sanctions', `OFAC SDN list (sdn.csv), file ${name}`, entries.length)
      result = { file: name, kind, dataset: 'sanctions', entries: entries.length, skipped, version }
      break
    }
    case 'wallets': {
      const asset = (/sanctioned_addresses_([A-Z0-9]+)/i.exec(name)?.[1] ?? 'UNKNOWN').toUpperCase()
      const lines = text.split(/\r?\n/).map(l => l.trim()).filter(Boolean)
      const good = lines.filter(l => normaliseWallet(l) !== null)
      const stored = readJsonFile<StoredWallets>(f.wallets, {})
      stored[asset] = good
      writeJsonAtomic(f.wallets, stored)
      const total = Object.values(stored).reduce((a, w) => a + w.length, 0)
      manifest.wallets = { ...record('wallets', `OFAC SDN digital-currency addresses (${Object.keys(stored).sort().join(', ')})`, total) }
      result = { file: name, kind, dataset: 'wallets', entries: good.length, skipped: lines.length - good.length, version }
      break
    }
    case 'asns': {
      const listKind = options.kind ?? (/vpn/i.test(name) ? 'vpn' : 'datacenter')
      const parsed: StoredAsn[] = []
      let skipped = 0
      for (const line of text.split(/\r?\n/)) {
        const m = /^\s*AS(\d+)\s*(?:#\s*(.*))?$/i.exec(line)
        if (m) parsed.push({ asn: Number(m[1]), kind: listKind, operator: (m[2] ?? '').trim() || `AS${m[1]}` })
        else if (line.trim() && !line.trim().startsWith('#')) skipped++
      }
      // Lists of the other kind stay; this kind is replaced.
      const kept = readJsonFile<StoredAsn[]>(f.asns, []).filter(a => a.kind !== listKind)
      writeJsonAtomic(f.asns, [...kept, ...parsed])
      manifest.asns = record('asns', `ASN lists (${listKind}: ${name})`, kept.length + parsed.length)
      result = { file: name, kind, dataset: 'asns', entries: parsed.length, skipped, version }
      break
    }
    case 'cidrs': {
      const listKind = options.kind ?? (/vpn/i.test(name) ? 'vpn' : 'datacenter')
      const lines = text.split(/\r?\n/).map(l => l.trim()).filter(l => l && !l.startsWith('#'))
      const good = lines.filter(l => parseCidr(l) !== null)
      writeJsonAtomic(f.cidrs(listKind), good)
      const dataset = listKind === 'vpn' ? 'cidrs-vpn' : 'cidrs-datacenter'
      manifest[dataset] = record(dataset, `IPv4 ${listKind} CIDR list ${name}`, good.length)
      result = { file: name, kind, dataset, entries: good.length, skipped: lines.length - good.length, version }
      break
    }
  }
  writeJsonAtomic(f.manifest, manifest)
  return result
}
