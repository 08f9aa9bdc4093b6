import { SanctionsIndex } from './screen'
import { parseSdnCsv } from './sdnCsv'

// Made-up listed people: a name written in another romanisation, in Hangul or in another order is a lead.
const { entries } = parseSdnCsv(
  [
    '91001,"GIM, Dong Man","individual","DPRK3",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ',
    '91002,"SIM, Jae Sop","individual","DPRK3",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ',
    '91003,"JON, Hae Ok","individual","DPRK3",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ',
  ].join('\n'),
)
const index = new SanctionsIndex(entries)
const empty = { personNames: [], organisations: [], emails: [], phones: [], websites: [], wallets: [] }
const leads = (name: string) => index.screen({ ...empty, personNames: [{ name, where: 'application' }] }).map(h => h.entry.uid)

describe('screening names as people write them', () => {
  it.each([
    ['Kim Dongman', 'OFAC-91001'],
    ['김동만', 'OFAC-91001'],
    ['Dongman Kim', 'OFAC-91001'],
    ['Shim Jae-seop', 'OFAC-91002'],
    ['Chon Hae Ok', 'OFAC-91003'],
    ['Jeon Hae-ok', 'OFAC-91003'],
  ])('%s is a lead for %s', (name, uid) => expect(leads(name)).toContain(uid))
  it.each(['Kim Dong-min', 'Jeong Hae-ok', 'Cho Jae-seop'])('%s is not', name => expect(leads(name)).toEqual([]))
})
