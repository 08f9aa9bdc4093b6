import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { detectKind, importRefdataFile } from './importRefdata'

describe('recognising reference lists by content', () => {
  it.each([
    ['sdn.csv', '36,"AEROCARIBBEAN AIRLINES",-0- ,"CUBA",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \n173,"ANGLO-CARIBBEAN CO., LTD.",-0- ,"CUBA",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ', 'sdn'],
    ['asn.txt', 'AS14061 # DigitalOcean\nAS20473 # Vultr\n', 'asns'],
    ['vpn.txt', '# comment\n2.26.157.0/24\n2.27.224.0/22\n', 'cidrs'],
    ['sanctioned_addresses_ETH.txt', '0x098B716B8Aaf21512996dC57EB0615e2383E2f96\n', 'wallets'],
    ['notes.txt', 'hello\nworld\n', null],
    ['empty.txt', '\n\n', null],
  ])('%s is %s', (name, text, kind) => expect(detectKind(name, text)).toBe(kind))
})

describe('importing sdn.csv', () => {
  it('keeps one entry per uid, merging a repeated one', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vd-import-'))
    const line = (id: number, name: string, remarks = '-0- ') => `${id},"${name}",-0- ,"DPRK3",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,${remarks}`
    const rows = [...Array.from({ length: 10 }, (_, i) => line(91000 + i, `TEST ENTITY ${i}`)), line(91000, 'TEST ENTITY 0', '"a.k.a. \'TEST ZERO\'."')]
    fs.writeFileSync(path.join(dir, 'sdn.csv'), rows.join('\n'))
    const result = importRefdataFile(dir, path.join(dir, 'sdn.csv'))
    expect(result.entries).toBe(10)
    const stored = JSON.parse(fs.readFileSync(path.join(dir, 'refdata', 'sanctions.json'), 'utf8')) as Array<{ uid: string; aliases: string[] }>
    expect(stored.find(e => e.uid === 'OFAC-91000')!.aliases).toEqual(['TEST ZERO'])
    fs.rmSync(dir, { recursive: true, force: true })
  })
})
