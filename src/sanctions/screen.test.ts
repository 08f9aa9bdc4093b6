import { normaliseEmail, normalisePhoneDigits, normaliseWallet, normaliseWebsite } from './identifiers'
import { SanctionsIndex, normaliseDate, organisationKeys } from './screen'
import { BUILTIN_SANCTIONS } from './builtin'
import { parseSdnCsv } from './sdnCsv'

const { entries } = parseSdnCsv(
  [
    '90001,"NORLAND TRADING CO., LTD.",-0- ,"DPRK3",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"Website www.norland-trading.example; Email Address sales@norland-trading.example."',
    '90002,"PARK, Min Ho","individual","DPRK4",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"DOB 02 Mar 1980; Digital Currency Address - ETH 0x1111111111111111111111111111111111111111; Telephone No. 0085021234567."',
  ].join('\n'),
)
const index = new SanctionsIndex(entries)
const empty = { personNames: [], organisations: [], emails: [], phones: [], websites: [], wallets: [] }

describe('identifier normalisation', () => {
  it('writes each kind of identifier one way', () => {
    expect(normaliseWallet(' 0xABCDEFabcdef0123456789abcdef0123456789AB ')).toBe('0xabcdefabcdef0123456789abcdef0123456789ab')
    expect(normaliseWallet('1BoatSLRHtKNngkdXEeobR76b53LETtpyT')).toBe('1BoatSLRHtKNngkdXEeobR76b53LETtpyT')
    expect(normaliseWallet('hello')).toBeNull()
    expect(normaliseEmail('Sales@Norland-Trading.example.')).toBe('sales@norland-trading.example')
    expect(normaliseWebsite('https://WWW.norland-trading.example/about')).toBe('norland-trading.example')
    expect(normalisePhoneDigits('+850 2 123 4567')).toBe(normalisePhoneDigits('00850 2 1234567'))
    expect(normaliseDate('02 Mar 1980')).toBe('1980-03-02')
  })
})

describe('screening', () => {
  it('matches identifiers and entity names exactly after normalisation', () => {
    const hits = index.screen({ ...empty, wallets: [{ value: '0x1111111111111111111111111111111111111111', where: 'w' }], websites: [{ value: 'http://norland-trading.example', where: 's' }], phones: [{ value: '+850 2 123 4567', where: 'p' }], organisations: [{ name: 'Norland Trading Company Limited', where: 'o' }, { name: 'Norland Trading Partners', where: 'x' }] })
    expect(hits.map(h => `${h.kind}:${h.where}:${h.entry.uid}`).sort()).toEqual(['organisation:o:OFAC-90001', 'phone:p:OFAC-90002', 'wallet:w:OFAC-90002', 'website:s:OFAC-90001'])
  })
  it('reads a company’s own abbreviations (IT, Info Tech, Intl) as the words they stand for', () => {
    expect(organisationKeys('Chinyong IT Cooperation Co.')).toEqual(organisationKeys('CHINYONG INFORMATION TECHNOLOGY COOPERATION COMPANY'))
    expect(organisationKeys('Chinyong Info Tech Cooperation')).toEqual(organisationKeys('CHINYONG INFORMATION TECHNOLOGY COOPERATION COMPANY'))
    const builtin = new SanctionsIndex(BUILTIN_SANCTIONS)
    expect(builtin.screen({ ...empty, organisations: [{ name: 'Chinyong IT Cooperation Co.', where: 'employer' }] }).map(h => h.entry.uid)).toEqual(['OFAC-43379'])
    expect(builtin.screen({ ...empty, organisations: [{ name: 'Chinyong Trading', where: 'employer' }] })).toEqual([])
  })
  it('finds a Korean name romanised another way or written in Hangul, and a payee by the payee’s own date of birth', () => {
    const builtin = new SanctionsIndex(BUILTIN_SANCTIONS)
    for (const name of ['KIM SANGMAN', 'Gim Sang-man', '김상만', 'Sangman Kim']) expect([name, builtin.screen({ ...empty, personNames: [{ name, where: 'n' }] }).map(h => h.entry.uid)]).toEqual([name, ['OFAC-43377']])
    const payee = builtin.screen({ ...empty, birthDate: '1990-01-01', personNames: [{ name: 'Sang-man Kim', where: 'payee', birthDate: '25 Apr 1965' }] })
    expect(payee[0]!.corroboratedBy).toEqual(['date of birth 1965-04-25'])
    const noOwnDate = builtin.screen({ ...empty, birthDate: '1965-04-25', personNames: [{ name: 'Sang-man Kim', where: 'payee', birthDate: null }] })
    expect(noOwnDate[0]!.corroboratedBy).toEqual([])
  })
  it('treats a similar person name as a lead, corroborated only by a matching date of birth or identifier', () => {
    const lead = index.screen({ ...empty, personNames: [{ name: 'Pak Min-ho', where: 'n' }] })
    expect(lead).toHaveLength(1)
    expect(lead[0]).toMatchObject({ kind: 'person', corroboratedBy: [] })
    expect(lead[0]!.score).toBeGreaterThanOrEqual(0.88)
    const withDob = index.screen({ ...empty, personNames: [{ name: 'Pak Min-ho', where: 'n' }], birthDate: '1980-03-02' })
    expect(withDob[0]!.corroboratedBy).toEqual(['date of birth 1980-03-02'])
    const otherDob = index.screen({ ...empty, personNames: [{ name: 'Pak Min-ho', where: 'n' }], birthDate: '1991-01-01' })
    expect(otherDob[0]!.why).toEqual(expect.arrayContaining([expect.stringContaining('date of birth differs')]))
    expect(index.screen({ ...empty, personNames: [{ name: 'Park Ji-woo', where: 'n' }] })).toEqual([])
  })
})
