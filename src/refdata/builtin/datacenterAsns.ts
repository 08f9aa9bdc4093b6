/**
 * Autonomous systems of hosting, cloud and commercial VPN operators: sign-ins from them are not from a
 * home or office connection. Each number is the operator's own, as it announces it in public routing
 * (RouteViews data in @ip-location-db/asn names them). A starting set of the largest operators; the
 * full X4BNet lists (about 900 datacenter and 15 VPN ASNs, plus CIDR blocks) load with
 * `vet refdata import`.
 */
export const DATACENTER_ASNS_VERSION = '2026-11-24'
export const DATACENTER_ASNS_SOURCE = 'Vetting Desk curated list of cloud, hosting and VPN operators (ASN as announced in public routing data); extend with `vet refdata import` of X4BNet/lists_vpn'

export const BUILTIN_ASNS: Array<{ asn: number; operator: string; kind: 'datacenter' | 'vpn' }> = [
  { asn: 16509, operator: 'Amazon Web Services', kind: 'datacenter' },
  { asn: 14618, operator: 'Amazon Web Services', kind: 'datacenter' },
  { asn: 396982, operator: 'Google Cloud', kind: 'datacenter' },
  { asn: 8075, operator: 'Microsoft Azure', kind: 'datacenter' },
  { asn: 31898, operator: 'Oracle Cloud', kind: 'datacenter' },
  { asn: 14061, operator: 'DigitalOcean', kind: 'datacenter' },
  { asn: 20473, operator: 'Vultr (The Constant Company / Choopa)', kind: 'datacenter' },
  { asn: 63949, operator: 'Linode (Akamai)', kind: 'datacenter' },
  { asn: 16276, operator: 'OVH', kind: 'datacenter' },
  { asn: 24940, operator: 'Hetzner Online', kind: 'datacenter' },
  { asn: 51167, operator: 'Contabo', kind: 'datacenter' },
  { asn: 12876, operator: 'Scaleway', kind: 'datacenter' },
  { asn: 45102, operator: 'Alibaba Cloud', kind: 'datacenter' },
  { asn: 132203, operator: 'Tencent Cloud', kind: 'datacenter' },
  { asn: 45090, operator: 'Tencent Cloud', kind: 'datacenter' },
  { asn: 60781, operator: 'LeaseWeb Netherlands', kind: 'datacenter' },
  { asn: 28753, operator: 'LeaseWeb Deutschland', kind: 'datacenter' },
  { asn: 30633, operator: 'LeaseWeb USA', kind: 'datacenter' },
  { asn: 36352, operator: 'ColoCrossing', kind: 'datacenter' },
  { asn: 53667, operator: 'FranTech Solutions (BuyVM)', kind: 'datacenter' },
  { asn: 47583, operator: 'Hostinger', kind: 'datacenter' },
  { asn: 197540, operator: 'netcup', kind: 'datacenter' },
  { asn: 8560, operator: 'IONOS', kind: 'datacenter' },
  { asn: 60068, operator: 'Datacamp (CDN77)', kind: 'vpn' },
  { asn: 212238, operator: 'Datacamp (CDN77)', kind: 'vpn' },
  { asn: 9009, operator: 'M247 (used by many VPN services)', kind: 'vpn' },
  { asn: 136787, operator: 'NordVPN (TEFINCOM)', kind: 'vpn' },
  { asn: 209854, operator: 'Surfshark', kind: 'vpn' },
  { asn: 20448, operator: 'VPNtranet', kind: 'vpn' },
]
