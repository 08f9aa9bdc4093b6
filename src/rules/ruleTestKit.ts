import { buildReferenceData, type ReferenceData } from '../refdata/referenceData'
import type { IpInfo } from '../refdata/types'
import { BUILTIN_SANCTIONS } from '../sanctions/builtin'
import { SanctionsIndex } from '../sanctions/screen'
import { buildCaseFacts, type AccessEventFact, type CaseFacts, type FactRecord } from './caseFacts'
import type { RuleContext } from './types'

/**
 * For rule tests: reference data with a small, fixed IP table (documentation ranges of RFC 5737 stand
 * for networks of each kind) and the built-in lists, so rule tests are fast and need no files.
 */
const IPS: Record<string, Omit<IpInfo, 'ip'>> = {
  '198.51.100': { asn: 64500, org: 'Home ISP US', country: 'US', network: 'residential', why: null },
  '198.51.101': { asn: 64501, org: 'Home ISP KR', country: 'KR', network: 'residential', why: null },
  '198.51.102': { asn: 64502, org: 'Home ISP PT', country: 'PT', network: 'residential', why: null },
  '198.51.103': { asn: 64503, org: 'Home ISP CN', country: 'CN', network: 'residential', why: null },
  '203.0.113': { asn: 64510, org: 'Cloud Host', country: 'NL', network: 'datacenter', why: 'AS64510 (Cloud Host) is on the datacenter network list' },
  '192.0.2': { asn: 64520, org: 'Some VPN', country: 'SE', network: 'vpn', why: 'AS64520 (Some VPN) is on the vpn network list' },
}

export function testReferenceData(extra: { disposable?: string[] } = {}): ReferenceData {
  return buildReferenceData({
    lookupIp: ip => {
      const info = IPS[ip.split('.').slice(0, 3).join('.')]
      return info ? { ip, ...info } : null
    },
    disposableDomains: new Set(['mailinator.com', 'guerrillamail.com', ...(extra.disposable ?? [])]),
    sanctions: new SanctionsIndex(BUILTIN_SANCTIONS),
    external: [],
  })
}

const REF = testReferenceData()
export const testContext = (now = '2026-10-01T00:00:00Z'): RuleContext => ({ now: new Date(now), ref: REF })

/** A fact as the application would give it. */
export const fact = (field: string, value: unknown, where = `application: ${field}`): FactRecord => ({ field, value, source: 'application', where })
export const factsOf = (records: FactRecord[], options: { kind?: CaseFacts['kind']; events?: AccessEventFact[] } = {}) => buildCaseFacts(options.kind ?? 'contractor', records, options.events)

/** Sign-in events: [iso time, ip, user agent?, account?]. */
export const events = (rows: Array<[string, string, string?, string?]>): AccessEventFact[] =>
  rows.map(([occurredAt, ip, userAgent, account]) => ({ occurredAt, ip, userAgent: userAgent ?? 'Mozilla/5.0', account: account ?? 'me@example.com', event: 'login', where: 'log.csv' }))
