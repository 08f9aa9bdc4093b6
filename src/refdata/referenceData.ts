import type { SanctionsIndex } from '../sanctions/screen'
import { BUILTIN_SANCTIONS_SOURCE, BUILTIN_SANCTIONS_VERSION } from '../sanctions/builtin'
import { DATACENTER_ASNS_SOURCE, DATACENTER_ASNS_VERSION } from './builtin/datacenterAsns'
import { MAIL_DROPS_SOURCE, MAIL_DROPS_VERSION, MAIL_DROP_PATTERNS } from './builtin/mailDrops'
import { MARKET_PAYMENT_SERVICES, PAYMENT_SERVICES_SOURCE, PAYMENT_SERVICES_VERSION } from './builtin/paymentServices'
import { REMOTE_ACCESS_TOOLS, REMOTE_ACCESS_TOOLS_SOURCE, REMOTE_ACCESS_TOOLS_VERSION } from './builtin/remoteAccessTools'
import { TECH_RELEASES, TECH_RELEASES_SOURCE, TECH_RELEASES_VERSION, type TechRelease } from './builtin/techReleases'
import { WEBMAIL_DOMAINS, WEBMAIL_SOURCE, WEBMAIL_VERSION } from './builtin/webmailDomains'
import type { DatasetInfo, IpInfo } from './types'

/**
 * What rules may consult besides the case's own facts. Built once per process (the app, `vet score`)
 * and passed to every rule in its context, so rules stay pure and every finding can name the version
 * of each list it used.
 */
export type DatasetId =
  | 'ip-asn'
  | 'ip-country'
  | 'network-lists'
  | 'disposable-email'
  | 'webmail'
  | 'remote-access-tools'
  | 'tech-releases'
  | 'mail-drops'
  | 'payment-services'
  | 'sanctions'

export interface ReferenceData {
  datasets: DatasetInfo[]
  version(id: DatasetId): string
  lookupIp(ip: string): IpInfo | null
  isDisposableDomain(domain: string): boolean
  isWebmailDomain(domain: string): boolean
  sanctions: SanctionsIndex
  techReleases: readonly TechRelease[]
  remoteAccessTools: typeof REMOTE_ACCESS_TOOLS
  mailDrops: typeof MAIL_DROP_PATTERNS
  paymentServices: typeof MARKET_PAYMENT_SERVICES
}

export interface ReferenceParts {
  lookupIp: (ip: string) => IpInfo | null
  disposableDomains: ReadonlySet<string>
  sanctions: SanctionsIndex
  /** datasets whose description comes from outside the code (npm packages, imports) */
  external: DatasetInfo[]
}

const builtinDatasets = (): DatasetInfo[] => [
  { id: 'webmail', title: 'Free mailbox providers', version: WEBMAIL_VERSION, source: WEBMAIL_SOURCE, licence: 'project', entries: WEBMAIL_DOMAINS.length, origin: 'built-in' },
  { id: 'remote-access-tools', title: 'Remote-access tool signatures', version: REMOTE_ACCESS_TOOLS_VERSION, source: REMOTE_ACCESS_TOOLS_SOURCE, licence: 'project', entries: REMOTE_ACCESS_TOOLS.length, origin: 'built-in' },
  { id: 'tech-releases', title: 'Technology release dates', version: TECH_RELEASES_VERSION, source: TECH_RELEASES_SOURCE, licence: 'project', entries: TECH_RELEASES.length, origin: 'built-in' },
  { id: 'mail-drops', title: 'Mail-drop and forwarder address patterns', version: MAIL_DROPS_VERSION, source: MAIL_DROPS_SOURCE, licence: 'project', entries: MAIL_DROP_PATTERNS.length, origin: 'built-in' },
  { id: 'payment-services', title: 'Single-market payment services', version: PAYMENT_SERVICES_VERSION, source: PAYMENT_SERVICES_SOURCE, licence: 'project', entries: MARKET_PAYMENT_SERVICES.length, origin: 'built-in' },
]

export function buildReferenceData(parts: ReferenceParts): ReferenceData {
  const datasets = [...parts.external, ...builtinDatasets()].sort((a, b) => a.id.localeCompare(b.id))
  const versions = new Map(datasets.map(d => [d.id, d.version]))
  const webmail = new Set(WEBMAIL_DOMAINS)
  return {
    datasets,
    version: id => versions.get(id) ?? 'unknown',
    lookupIp: parts.lookupIp,
    isDisposableDomain: d => parts.disposableDomains.has(d.toLowerCase()),
    isWebmailDomain: d => webmail.has(d.toLowerCase()),
    sanctions: parts.sanctions,
    techReleases: TECH_RELEASES,
    remoteAccessTools: REMOTE_ACCESS_TOOLS,
    mailDrops: MAIL_DROP_PATTERNS,
    paymentServices: MARKET_PAYMENT_SERVICES,
  }
}

/** The built-in sanctions and network datasets' descriptions, when nothing was imported over them. */
export const BUILTIN_EXTERNAL = {
  sanctions: (entries: number): DatasetInfo => ({ id: 'sanctions', title: 'Sanctions list', version: `built-in ${BUILTIN_SANCTIONS_VERSION}`, source: BUILTIN_SANCTIONS_SOURCE, licence: 'US government work (public domain)', entries, origin: 'built-in' }),
  networks: (entries: number): DatasetInfo => ({ id: 'network-lists', title: 'Datacenter and VPN networks', version: `built-in ${DATACENTER_ASNS_VERSION}`, source: DATACENTER_ASNS_SOURCE, licence: 'project', entries, origin: 'built-in' }),
}
