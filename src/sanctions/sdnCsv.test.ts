import { parseSdnCsv } from './sdnCsv'

// Lines in Treasury's format, with made-up parties.
const SAMPLE = [
  '90001,"NORLAND TRADING CO., LTD.",-0- ,"DPRK3] [DPRK4",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"Website www.norland-trading.example; Email Address sales@norland-trading.example; a.k.a. \'NORLAND TRADE\'."',
  '90002,"PARK, Min Ho","individual","DPRK4",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"DOB 02 Mar 1980; Digital Currency Address - ETH 0x1111111111111111111111111111111111111111; alt. Digital Currency Address - XBT 1BoatSLRHtKNngkdXEeobR76b53LETtpyT; Telephone No. 0085021234567."',
  'garbage line',
  String.fromCharCode(26),
].join('\n')

describe('sdn.csv', () => {
  it('reads entries with their identifiers, aliases and dates of birth, and counts what it skipped', () => {
    const { entries, skipped } = parseSdnCsv(SAMPLE, 'test list')
    expect(skipped).toBe(1)
    expect(entries).toHaveLength(2)
    const [org, person] = entries as [(typeof entries)[0], (typeof entries)[0]]
    expect(org).toMatchObject({ uid: 'OFAC-90001', type: 'entity', programs: ['DPRK3', 'DPRK4'], websites: ['www.norland-trading.example'], emails: ['sales@norland-trading.example'], aliases: ['NORLAND TRADE'] })
    expect(person).toMatchObject({ uid: 'OFAC-90002', name: 'Min Ho PARK', type: 'individual', birthDates: ['02 Mar 1980'], phones: ['0085021234567'] })
    expect(person.wallets).toEqual([{ asset: 'ETH', address: '0x1111111111111111111111111111111111111111' }, { asset: 'XBT', address: '1BoatSLRHtKNngkdXEeobR76b53LETtpyT' }])
  })
})
