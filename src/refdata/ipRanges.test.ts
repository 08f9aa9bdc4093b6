import { RangeTable, ipv4ToInt, parseCidr } from './ipRanges'

describe('IPv4 ranges', () => {
  it('parses addresses and CIDR blocks, and rejects what is not one', () => {
    expect(ipv4ToInt('1.2.3.4')).toBe(0x01020304)
    expect(ipv4ToInt('255.255.255.255')).toBe(0xffffffff)
    expect(ipv4ToInt('256.1.1.1')).toBeNull()
    expect(ipv4ToInt('2001:db8::1')).toBeNull()
    expect(parseCidr('10.1.2.3/8')).toEqual([0x0a000000, 0x0affffff])
    expect(parseCidr('1.2.3.4/32')).toEqual([0x01020304, 0x01020304])
    expect(parseCidr('nonsense')).toBeNull()
  })

  it('finds the range holding an address, including nested blocks', () => {
    const t = new RangeTable([parseCidr('10.0.0.0/8')!.concat(1) as [number, number, number], parseCidr('10.5.0.0/16')!.concat(2) as [number, number, number], parseCidr('192.168.1.0/24')!.concat(3) as [number, number, number]])
    expect(t.find(ipv4ToInt('10.5.1.1')!)).toBe(2)
    expect(t.find(ipv4ToInt('10.200.1.1')!)).toBe(1)
    expect(t.find(ipv4ToInt('192.168.1.77')!)).toBe(3)
    expect(t.find(ipv4ToInt('8.8.8.8')!)).toBeNull()
  })
})
