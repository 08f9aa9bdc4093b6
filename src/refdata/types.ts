/**
 * Reference data: the lists rules compare evidence with. Each dataset says where it came from and which
 * version it is, so a finding can record exactly what it was judged against (INDICATORS.md §4: "log
 * screening results and list versions").
 */
export interface DatasetInfo {
  /** stable id, e.g. "ip-asn", "sanctions" */
  id: string
  title: string
  /** changes whenever the content changes: a date, a package version or a content hash */
  version: string
  source: string
  licence: string
  /** entries held, where countable */
  entries: number | null
  /** built-in (shipped with the code or its npm packages) or imported with `vet refdata import` */
  origin: 'built-in' | 'imported' | 'built-in + imported'
}

export type NetworkKind = 'datacenter' | 'vpn' | 'residential' | 'unknown'

export interface IpInfo {
  ip: string
  asn: number | null
  org: string | null
  /** ISO 3166 alpha-2 of the registered network, or null */
  country: string | null
  network: NetworkKind
  /** why the network was classed as it was: "AS14061 is on the datacenter ASN list" */
  why: string | null
}
