import type { SanctionsEntry } from './types'

/**
 * A small set of designations about DPRK IT-worker schemes, typed from Treasury's public record, so a
 * fresh install screens for the cases the advisories are about before anyone imports the full list.
 * Each entry keeps OFAC's entry number; `vet refdata import sdn.csv` adds the full list, merging an
 * entry with the same number into the one here (see merge.ts).
 */
export const BUILTIN_SANCTIONS_VERSION = '2024-05-03'
export const BUILTIN_SANCTIONS_SOURCE =
  'OFAC SDN entries 24977, 24978 (2018), 43377, 43379 (press release jy1498, 2023-05-23), 48260, 48261, as published in sdn.csv of 2024-05-03'

const entry = (e: Omit<SanctionsEntry, 'aliases' | 'wallets' | 'emails' | 'websites' | 'phones' | 'birthDates' | 'list'> & Partial<SanctionsEntry>): SanctionsEntry => ({
  aliases: [], wallets: [], emails: [], websites: [], phones: [], birthDates: [], list: 'built-in DPRK IT-worker designations', ...e,
})

export const BUILTIN_SANCTIONS: readonly SanctionsEntry[] = [
  entry({ uid: 'OFAC-24977', name: 'YANBIAN SILVERSTAR NETWORK TECHNOLOGY CO., LTD.', type: 'entity', programs: ['DPRK3', 'DPRK4'] }),
  entry({ uid: 'OFAC-24978', name: 'VOLASYS SILVER STAR', type: 'entity', programs: ['DPRK3', 'DPRK4'] }),
  entry({
    uid: 'OFAC-43377', name: 'Sang Man KIM', type: 'individual', programs: ['DPRK4'], birthDates: ['25 Apr 1965'],
    wallets: [
      { asset: 'XBT', address: '1D6gG9iKEhPitTcWRJiniuj1jYM2hNeAfJ' },
      { asset: 'XBT', address: '1FCNgfZWpYMeYhy9t18AAkTBu8AsdoAc1Z' },
      { asset: 'ETH', address: '0x97b1043abd9e6fc31681635166d430a458d14f9c' },
      { asset: 'ETH', address: '0xb6f5ec1a0a9cd1526536d3f0426c429529471f40' },
      { asset: 'USDT', address: '0xb6f5ec1a0a9cd1526536d3f0426c429529471f40' },
      { asset: 'USDC', address: '0xb6f5ec1a0a9cd1526536d3f0426c429529471f40' },
    ],
  }),
  entry({ uid: 'OFAC-43379', name: 'CHINYONG INFORMATION TECHNOLOGY COOPERATION COMPANY', type: 'entity', programs: ['DPRK2'], aliases: ['JINYONG IT COOPERATION COMPANY'] }),
  entry({ uid: 'OFAC-48260', name: 'LIMITED LIABILITY COMPANY ALIS', type: 'entity', programs: ['DPRK2'], aliases: ['ALIAS LLC', 'ALIS LLC'] }),
  entry({ uid: 'OFAC-48261', name: 'PIONEER BENCONT STAR REAL ESTATE', type: 'entity', programs: ['DPRK2'] }),
]
