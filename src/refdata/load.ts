import fs from 'node:fs'
import path from 'node:path'
import { Reader, type Response } from 'maxmind'
import { BUILTIN_SANCTIONS } from '../sanctions/builtin'
import { mergeEntries } from '../sanctions/merge'
import { SanctionsIndex } from '../sanctions/screen'
import type { SanctionsEntry } from '../sanctions/types'
import { BUILTIN_ASNS } from './builtin/datacenterAsns'
import { RangeTable, ipv4ToInt, parseCidr } from './ipRanges'
import { BUILTIN_EXTERNAL, buildReferenceData, type ReferenceData } from './referenceData'
import { files, readJsonFile, type Manifest, type StoredAsn, type StoredCidrs, type StoredSanctions, type StoredWallets } from './store'
import type { DatasetInfo, IpInfo, NetworkKind } from './types'

/**
 * Loads reference data from the npm packages that ship it and from DATA_DIR/refdata (imports). The big
 * tables (400,000 IP ranges) are read on first use, once per process.
 */
function packageFile(pkg: string, file: string): string {
  return path.join(path.dirname(require.resolve(`${pkg}/package.json`)), file)
}
function packageVersion(pkg: string): string {
  return (JSON.parse(fs.readFileSync(require.resolve(`${pkg}/package.json`), 'utf8')) as { version: string }).version
}

/** RouteViews/DB-IP ASN ranges: "start,end,asn,name" with integer addresses. */
function loadAsnTable(): { table: RangeTable; names: Map<number, string> } {
  const text = fs.readFileSync(packageFile('@ip-location-db/asn', 'asn-ipv4-num.csv'), 'utf8')
  const lines = text.split('\n')
  const starts = new Uint32Array(lines.length)
  const ends = new Uint32Array(lines.length)
  const values = new Uint32Array(lines.length)
  const names = new Map<number, string>()
  let n = 0
  for (const line of lines) {
    const c1 = line.indexOf(',')
    const c2 = line.indexOf(',', c1 + 1)
    const c3 = line.indexOf(',', c2 + 1)
    if (c3 < 0) continue
    const asn = Number(line.slice(c2 + 1, c3))
    starts[n] = Number(line.slice(0, c1))
    ends[n] = Number(line.slice(c1 + 1, c2))
    values[n] = asn
    if (!names.has(asn)) names.set(asn, line.slice(c3 + 1).replace(/^"|"$/g, '').replace(/""/g, '"'))
    n++
  }
  // The file is sorted by start address and its ranges do not overlap.
  return { table: RangeTable.fromColumns(starts.subarray(0, n), ends.subarray(0, n), values.subarray(0, n)), names }
}

const KIND_CODE: Record<'datacenter' | 'vpn', number> = { datacenter: 1, vpn: 2 }

export function loadReferenceData(dataDir: string): ReferenceData {
  const f = files(dataDir)
  const manifest = readJsonFile<Manifest>(f.manifest, {})
  const external: DatasetInfo[] = []

  // Sanctions: the built-in designations plus an imported full list, plus imported wallet lists. An
  // imported entry with a built-in one's uid is merged with it, not swapped for it: sdn.csv leaves out
  // aliases that sit in Treasury's alt.csv (Chinyong's "Jinyong"), and an import must never lose them.
  const imported = readJsonFile<StoredSanctions>(f.sanctions, [])
  const byUid = new Map<string, SanctionsEntry>(BUILTIN_SANCTIONS.map(e => [e.uid, e]))
  for (const e of imported) byUid.set(e.uid, mergeEntries(byUid.get(e.uid), e))
  const wallets = readJsonFile<StoredWallets>(f.wallets, {})
  for (const [asset, addresses] of Object.entries(wallets)) {
    byUid.set(`OFAC-WALLETS-${asset}`, {
      uid: `OFAC-WALLETS-${asset}`, name: `OFAC SDN digital currency addresses (${asset})`, type: 'entity', programs: [], aliases: [], emails: [], websites: [], phones: [], birthDates: [],
      wallets: addresses.map(address => ({ asset, address })), list: `OFAC SDN wallet list ${manifest.wallets?.version ?? ''}`.trim(),
    })
  }
  const sanctions = new SanctionsIndex([...byUid.values()])
  const parts = [manifest.sanctions && `SDN ${manifest.sanctions.version}`, manifest.wallets && `wallets ${manifest.wallets.version}`].filter(Boolean)
  external.push(
    parts.length
      ? { id: 'sanctions', title: 'Sanctions list', version: parts.join(' + '), source: [manifest.sanctions?.source, manifest.wallets?.source].filter(Boolean).join('; '), licence: 'US government work (public domain)', entries: byUid.size, origin: 'built-in + imported' }
      : BUILTIN_EXTERNAL.sanctions(byUid.size),
  )

  // Networks: built-in and imported ASNs, and imported CIDR blocks.
  const asnKinds = new Map<number, { kind: 'datacenter' | 'vpn'; operator: string }>(BUILTIN_ASNS.map(a => [a.asn, { kind: a.kind, operator: a.operator }]))
  for (const a of readJsonFile<StoredAsn[]>(f.asns, [])) if (!asnKinds.has(a.asn)) asnKinds.set(a.asn, { kind: a.kind, operator: a.operator })
  const cidrRanges: Array<[number, number, number]> = []
  for (const kind of ['datacenter', 'vpn'] as const) {
    for (const c of readJsonFile<StoredCidrs>(f.cidrs(kind), [])) {
      const r = parseCidr(c)
      if (r) cidrRanges.push([r[0], r[1], KIND_CODE[kind]])
    }
  }
  const cidrs = new RangeTable(cidrRanges)
  const netImports = (['asns', 'cidrs-datacenter', 'cidrs-vpn'] as const).filter(k => manifest[k]).map(k => `${k} ${manifest[k]!.version}`)
  external.push(
    netImports.length
      ? { id: 'network-lists', title: 'Datacenter and VPN networks', version: `built-in + ${netImports.join(' + ')}`, source: ['built-in ASN list', ...(['asns', 'cidrs-datacenter', 'cidrs-vpn'] as const).map(k => manifest[k]?.source).filter(Boolean)].join('; '), licence: 'MIT (X4BNet/lists_vpn) and project', entries: asnKinds.size + cidrRanges.length, origin: 'built-in + imported' }
      : BUILTIN_EXTERNAL.networks(asnKinds.size),
  )

  const asnVersion = packageVersion('@ip-location-db/asn')
  const countryVersion = packageVersion('@ip-location-db/geo-whois-asn-country-mmdb')
  external.push({ id: 'ip-asn', title: 'IP address → network (ASN)', version: asnVersion, source: 'npm @ip-location-db/asn (RouteViews and DB-IP)', licence: 'CC BY 4.0', entries: null, origin: 'built-in' })
  external.push({ id: 'ip-country', title: 'IP address → country', version: countryVersion, source: 'npm @ip-location-db/geo-whois-asn-country-mmdb (registry whois and ASN data)', licence: 'CC0 1.0', entries: null, origin: 'built-in' })
  const disposableVersion = packageVersion('disposable-email-domains')
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const disposable = new Set<string>(require('disposable-email-domains') as string[])
  external.push({ id: 'disposable-email', title: 'Disposable email domains', version: disposableVersion, source: 'npm disposable-email-domains (ivolo/disposable-email-domains)', licence: 'MIT', entries: disposable.size, origin: 'built-in' })

  let asnTable: ReturnType<typeof loadAsnTable> | null = null
  // The package's records are { country_code }; mmdb-lib's types only know MaxMind's own layouts.
  let countryReader: Reader<Response> | null = null
  const cache = new Map<string, IpInfo | null>()

  const lookupIp = (ip: string): IpInfo | null => {
    const key = ip.trim()
    if (cache.has(key)) return cache.get(key)!
    let info: IpInfo | null = null
    const n = ipv4ToInt(key)
    countryReader ??= new Reader<Response>(fs.readFileSync(packageFile('@ip-location-db/geo-whois-asn-country-mmdb', 'geo-whois-asn-country.mmdb')))
    let country: string | null
    try {
      country = (countryReader.get(key) as { country_code?: string } | null)?.country_code ?? null
    } catch {
      country = null // not an IP address
    }
    if (n !== null) {
      asnTable ??= loadAsnTable()
      const asn = asnTable.table.find(n)
      const listed = asn !== null ? asnKinds.get(asn) : undefined
      const block = cidrs.find(n)
      let network: NetworkKind = 'residential'
      let why: string | null = null
      if (listed) {
        network = listed.kind
        why = `AS${asn} (${listed.operator}) is on the ${listed.kind} network list`
      } else if (block) {
        network = block === KIND_CODE.vpn ? 'vpn' : 'datacenter'
        why = `the address is in an imported ${network} CIDR block`
      } else if (asn === null) network = 'unknown'
      info = { ip: key, asn, org: asn !== null ? (asnTable.names.get(asn) ?? null) : null, country, network, why }
    } else if (country) info = { ip: key, asn: null, org: null, country, network: 'unknown', why: null }
    if (cache.size > 50_000) cache.clear()
    cache.set(key, info)
    return info
  }

  return buildReferenceData({ lookupIp, disposableDomains: disposable, sanctions, external })
}

/**
 * One per data folder and process: loading parses tens of megabytes. A `vet refdata import` in another
 * process (or another instance) rewrites the manifest: the next use after that, checked at most every
 * two seconds, loads the new lists, so a re-screen and new applications see them without a restart.
 */
const loaded = new Map<string, { ref: ReferenceData; manifestMtime: number; checkedAt: number }>()
const manifestMtime = (dataDir: string) => {
  try {
    return fs.statSync(files(dataDir).manifest).mtimeMs
  } catch {
    return 0
  }
}
export function referenceDataFor(dataDir: string): ReferenceData {
  const key = path.resolve(dataDir)
  let entry = loaded.get(key)
  const now = Date.now()
  if (entry && now - entry.checkedAt > 2000) {
    entry.checkedAt = now
    if (manifestMtime(dataDir) !== entry.manifestMtime) entry = undefined
  }
  if (!entry) {
    const mtime = manifestMtime(dataDir)
    entry = { ref: loadReferenceData(dataDir), manifestMtime: mtime, checkedAt: now }
    loaded.set(key, entry)
  }
  return entry.ref
}
/** After an import: the next use reloads. */
export function forgetReferenceData(dataDir: string): void {
  loaded.delete(path.resolve(dataDir))
}
