import { detectKind } from './importRefdata'

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
