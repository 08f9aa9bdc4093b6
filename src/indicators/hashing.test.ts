import { createHmac } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { generateSharingKey, hashIndicator, hashIndicators, keyId, parseSharingKey, readSharingKey } from './hashing'
import { normaliseIndicator } from './normalise'
import type { Indicator } from './types'

const KEY = Buffer.from('9f1c2b3a4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8', 'hex')
const OTHER = Buffer.from('0123456789abcdef1032547698badcfe2143658709badcfe3254769810dcfeba', 'hex')

const base = { firstSeen: '2026-11-02T00:00:00.000Z', lastSeen: '2026-11-20T00:00:00.000Z', families: ['payment'], confidence: 85, tlp: 'amber' as const }

const dirs: string[] = []
afterAll(() => dirs.forEach(d => fs.rmSync(d, { recursive: true, force: true })))

function tmpFile(text: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vd-key-'))
  dirs.push(dir)
  const file = path.join(dir, 'group.key')
  fs.writeFileSync(file, text)
  return file
}

describe('sharing keys', () => {
  it('generates 32 random bytes as hex, different each time', () => {
    const a = generateSharingKey()
    expect(a).toMatch(/^[0-9a-f]{64}$/)
    expect(generateSharingKey()).not.toBe(a)
  })

  it('reads a hex key file with a trailing newline, and the same bytes as base64 or base64url', () => {
    const hex = KEY.toString('hex')
    expect(readSharingKey(tmpFile(`${hex}\n`)).equals(KEY)).toBe(true)
    expect(parseSharingKey(KEY.toString('base64')).equals(KEY)).toBe(true)
    expect(parseSharingKey(`${KEY.toString('base64url')}\r\n`).equals(KEY)).toBe(true)
    expect(parseSharingKey(generateSharingKey())).toHaveLength(32)
  })

  it('refuses short, empty, several-line, non-random and unreadable keys with a clear message', () => {
    expect(() => parseSharingKey('abcdef0123456789')).toThrow(/holds 8 bytes; at least 32 random bytes/)
    expect(() => parseSharingKey(Buffer.alloc(31, 7).toString('base64'))).toThrow(/holds 31 bytes/)
    expect(() => parseSharingKey('\n  \n')).toThrow(/empty/)
    expect(() => parseSharingKey(`${generateSharingKey()}\n${generateSharingKey()}`)).toThrow(/one line/)
    expect(() => parseSharingKey('not a key!')).toThrow(/neither hex nor base64/)
    expect(() => parseSharingKey('00'.repeat(32))).toThrow(/does not look random/)
    expect(() => readSharingKey(path.join(os.tmpdir(), 'vd-no-such-dir', 'missing.key'))).toThrow(/cannot be read \(ENOENT\)/)
  })

  it('never puts the key in an error message', () => {
    const short = 'ab'.repeat(20)
    try {
      parseSharingKey(short)
    } catch (err) {
      expect((err as Error).message).not.toContain(short)
    }
  })

  it('names a key by the first 16 hex characters of its SHA-256', () => {
    expect(keyId(KEY)).toMatch(/^[0-9a-f]{16}$/)
    expect(keyId(KEY)).toBe(keyId(Buffer.from(KEY)))
    expect(keyId(KEY)).not.toBe(keyId(OTHER))
    expect(keyId(KEY)).not.toContain(KEY.toString('hex').slice(0, 8))
  })
})

describe('hashIndicator', () => {
  it('is a deterministic lower-case hex HMAC-SHA256 of kind:value', () => {
    const h = hashIndicator('phone', '+14155550100', KEY)
    expect(h).toMatch(/^[0-9a-f]{64}$/)
    expect(hashIndicator('phone', '+14155550100', KEY)).toBe(h)
    // RFC 2104 HMAC as Node computes it, on the documented message.
    const expected = createHmac('sha256', KEY).update('phone:+14155550100').digest('hex')
    expect(h).toBe(expected)
  })

  it('differs between keys and between kinds with the same text', () => {
    expect(hashIndicator('phone', '+14155550100', KEY)).not.toBe(hashIndicator('phone', '+14155550100', OTHER))
    expect(hashIndicator('payout-account', '14155550100', KEY)).not.toBe(hashIndicator('phone', '14155550100', KEY))
  })

  it.each([
    ['phone', '+1 (415) 555-0100', '+14155550100'],
    ['email', 'John.Doe+x@gmail.com', 'johndoe@gmail.com'],
    ['email', 'JOHN.DOE@GoogleMail.com', 'johndoe@gmail.com'],
    ['payout-account', 'de89 3704 0044 0532 0130 00', 'DE89370400440532013000'],
    ['domain', 'Example-Payroll.COM.', 'example-payroll.com'],
  ] as const)('%s written as %s and %s hashes equal after normaliseIndicator', (kind, a, b) => {
    const na = normaliseIndicator(kind, a)
    const nb = normaliseIndicator(kind, b)
    expect(na).not.toBeNull()
    expect(na).toBe(nb)
    expect(hashIndicator(kind, na!, KEY)).toBe(hashIndicator(kind, nb!, KEY))
  })
})

describe('hashIndicators', () => {
  const indicators: Indicator[] = [
    { ...base, kind: 'phone', value: '+14155550100', comment: 'payout phone +14155550100 on 3 applications' },
    { ...base, kind: 'email', value: 'johndoe@gmail.com' },
    { ...base, kind: 'wallet', value: 'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq' },
    { ...base, kind: 'resume-minhash', value: 'ab'.repeat(512) },
    { ...base, kind: 'photo-phash', value: 'c3d2e1f0a1b2c3d4' },
  ]

  it('hashes identifiers, marks them hashed and leaves the input alone', () => {
    const out = hashIndicators(indicators, KEY)
    expect(out).toHaveLength(5)
    expect(out[0]).toMatchObject({ kind: 'phone', hashed: true, value: hashIndicator('phone', '+14155550100', KEY), families: ['payment'], confidence: 85, tlp: 'amber' })
    expect(out[1]!.value).toBe(hashIndicator('email', 'johndoe@gmail.com', KEY))
    expect(indicators[0]!.value).toBe('+14155550100')
    expect(indicators[0]!.hashed).toBeUndefined()
    out[0]!.families.push('links')
    expect(indicators[0]!.families).toEqual(['payment'])
  })

  it('normalises again, so a value written another way hashes like the link key', () => {
    const [h] = hashIndicators([{ ...base, kind: 'email', value: 'John.Doe+x@gmail.com' }], KEY)
    expect(h!.value).toBe(hashIndicator('email', 'johndoe@gmail.com', KEY))
  })

  it('passes fingerprints unhashed and only those given; never hashes twice', () => {
    const out = hashIndicators(indicators, KEY)
    expect(out[3]).toEqual(indicators[3])
    expect(out[4]).toEqual(indicators[4])
    expect(out[3]!.hashed).toBeUndefined()
    expect(hashIndicators([out[0]!], KEY)[0]!.value).toBe(out[0]!.value)
    expect(hashIndicators(indicators.slice(0, 2), KEY).map(i => i.kind)).toEqual(['phone', 'email'])
  })

  it('puts no plaintext identifier in the output, comments included', () => {
    const text = JSON.stringify(hashIndicators(indicators, KEY))
    for (const plain of ['+14155550100', '4155550100', 'johndoe', 'gmail.com', 'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq']) expect(text).not.toContain(plain)
    expect(hashIndicators(indicators, KEY)[0]!.comment).toBe('payout phone [identifier] on 3 applications')
  })

  it('gives different values under different keys', () => {
    const a = hashIndicators(indicators.slice(0, 3), KEY).map(i => i.value)
    const b = hashIndicators(indicators.slice(0, 3), OTHER).map(i => i.value)
    a.forEach((v, i) => expect(v).not.toBe(b[i]))
  })
})
