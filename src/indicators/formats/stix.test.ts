import fc from 'fast-check'
import { schemaFor, validateStixBundle, validateStixObject } from '../../../tests/support/stixSchemas'
import { normaliseIndicator } from '../normalise'
import { INDICATOR_KINDS, TLP_LEVELS, type Indicator, type IndicatorKind, type Tlp } from '../types'
import { MAX_STIX_OBJECTS, StixExportError, TLP1_MARKING_IDS, TLP2_EXTENSION_ID, TLP2_MARKING_IDS, parseStix, readPattern, stixPattern, toStixBundle } from './stix'

type Bundle = { type: string; id: string; objects: Array<Record<string, unknown>> }
const bundleOf = (inds: Indicator[], opts: Partial<Parameters<typeof toStixBundle>[1]> = {}) =>
  toStixBundle(inds, { organisation: 'Acme Recruiting Ltd', tlp: 'clear', now: new Date('2026-12-04T12:00:00.000Z'), ...opts }) as Bundle

/** One normalised value of each kind, with quotes and backslashes where the kind keeps them. */
const PLAIN: Record<IndicatorKind, string> = {
  email: "o'brien.dev@example.org",
  phone: '+14155550123',
  'payout-account': 'GB82WEST12345698765432',
  wallet: '0x52908400098527886e0f7030069857d2e4169ee7',
  address: '1 o brien s rd\\x|10001|US',
  handle: 'github:jdoe-dev',
  url: "https://jobs.example.com/a'b/c",
  ip: '203.0.113.7',
  domain: 'remote-jobs.example',
  'resume-minhash': Array.from({ length: 128 }, (_, i) => (i * 2654435761 >>> 0).toString(16).padStart(8, '0')).join(''),
  'photo-phash': 'abcdef0123456789',
}
const FINGERPRINT = new Set<IndicatorKind>(['resume-minhash', 'photo-phash'])
const hmac = (i: number) => (i.toString(16).padStart(2, '0') + 'c3').repeat(16)

function indicator(kind: IndicatorKind, i: number, over: Partial<Indicator> = {}): Indicator {
  return {
    kind,
    value: PLAIN[kind],
    firstSeen: new Date(Date.UTC(2026, 0, 1 + i, 9, 30, 0, 120)).toISOString(),
    lastSeen: new Date(Date.UTC(2026, 5, 1 + i)).toISOString(),
    families: i % 3 === 0 ? [] : ['payment', 'shared-with-others'].slice(0, 1 + (i % 2)),
    confidence: [0, 35, 50, 85, 100][i % 5]!,
    tlp: TLP_LEVELS[i % TLP_LEVELS.length]!,
    ...(i % 2 ? { expires: new Date(Date.UTC(2027, 0, 1 + i)).toISOString() } : {}),
    ...over,
  }
}
const everyPlain = (tlp?: Tlp) => INDICATOR_KINDS.map((k, i) => indicator(k, i, tlp ? { tlp } : {})).concat([indicator('ip', 20, { value: '2001:db8::7' }), indicator('payout-account', 21, { value: 'chase|123456789' })])
const everyHashed = (tlp?: Tlp) => INDICATOR_KINDS.filter(k => !FINGERPRINT.has(k)).map((k, i) => indicator(k, i, { hashed: true, value: hmac(i), ...(tlp ? { tlp } : {}) }))

const comparable = (i: Indicator) => ({ kind: i.kind, value: i.value, hashed: !!i.hashed, confidence: i.confidence, tlp: i.tlp, firstSeen: i.firstSeen, expires: i.expires, families: i.families })

describe('toStixBundle: every object valid against the OASIS STIX 2.1 schemas', () => {
  const cases: Array<[string, Indicator[], Tlp]> = TLP_LEVELS.flatMap(t => [
    [`plain, every kind, export ${t}`, everyPlain(), t] as [string, Indicator[], Tlp],
    [`hashed, every hashable kind, export ${t}`, everyHashed(), t] as [string, Indicator[], Tlp],
    [`plain, every kind, all marked ${t}`, everyPlain(t), 'clear'] as [string, Indicator[], Tlp],
  ])
  it.each(cases)('%s', (_name, inds, tlp) => {
    const b = bundleOf(inds, { tlp })
    expect(validateStixBundle(b)).toEqual([])
    const types = b.objects.map(o => o.type)
    for (const t of ['identity', 'intrusion-set', 'indicator', 'relationship', 'marking-definition']) expect(types).toContain(t)
    expect(types.filter(t => t === 'indicator')).toHaveLength(inds.length)
    expect(types.filter(t => t === 'relationship')).toHaveLength(inds.length)
  })

  it('checks each type against its own schema', () => {
    expect(['bundle', 'indicator', 'identity', 'intrusion-set', 'relationship', 'marking-definition'].map(schemaFor)).toEqual(['common/bundle.json', 'sdos/indicator.json', 'sdos/identity.json', 'sdos/intrusion-set.json', 'sros/relationship.json', 'common/marking-definition.json'])
  })

  it('the validator is not vacuous: broken objects fail', () => {
    const b = bundleOf([indicator('email', 1)])
    const ind = b.objects.find(o => o.type === 'indicator')!
    expect(validateStixObject({ ...ind, created: '2026-01-01T00:00:00Z' }).length).toBeGreaterThan(0) // no milliseconds
    expect(validateStixObject({ ...ind, confidence: 101 }).length).toBeGreaterThan(0)
    expect(validateStixObject({ ...ind, labels: [] }).length).toBeGreaterThan(0)
    const rel = b.objects.find(o => o.type === 'relationship')!
    expect(validateStixObject({ ...rel, target_ref: TLP2_MARKING_IDS.red }).length).toBeGreaterThan(0)
    const idt = b.objects.find(o => o.type === 'identity')!
    expect(validateStixObject({ ...idt, id: 'identity--not-a-uuid' }).length).toBeGreaterThan(0)
    expect(validateStixBundle({ ...b, objects: [...b.objects, { ...ind, spec_version: '3.0' }] }).length).toBeGreaterThan(0)
  })

  it('writes the identity, the scheme and the relationships as described', () => {
    const b = bundleOf([indicator('phone', 1, { tlp: 'amber' })], { tlp: 'green' })
    const identity = b.objects.find(o => o.type === 'identity')!
    expect(identity).toMatchObject({ name: 'Acme Recruiting Ltd', identity_class: 'organization', object_marking_refs: [TLP2_MARKING_IDS.green] })
    const scheme = b.objects.find(o => o.type === 'intrusion-set')!
    expect(scheme).toMatchObject({ name: 'DPRK remote IT worker scheme', created_by_ref: identity.id })
    expect(scheme.aliases).toEqual(expect.arrayContaining(['Famous Chollima', 'Jasper Sleet']))
    const ind = b.objects.find(o => o.type === 'indicator')!
    expect(ind).toMatchObject({ pattern_type: 'stix', pattern_version: '2.1', created_by_ref: identity.id, valid_from: '2026-01-02T09:30:00.120Z', valid_until: '2027-01-02T00:00:00.000Z', confidence: 35, labels: ['payment', 'shared-with-others'], object_marking_refs: [TLP2_MARKING_IDS.amber] })
    expect(b.objects.find(o => o.type === 'relationship')).toMatchObject({ relationship_type: 'indicates', source_ref: ind.id, target_ref: scheme.id, object_marking_refs: [TLP2_MARKING_IDS.amber] })
  })

  it('never writes a person: an indicator object has only these properties', () => {
    const b = bundleOf([...everyPlain(), ...everyHashed()].map(i => ({ ...i, comment: 'seen in two applications' })))
    const allowed = new Set(['type', 'spec_version', 'id', 'created_by_ref', 'created', 'modified', 'name', 'description', 'indicator_types', 'labels', 'pattern', 'pattern_type', 'pattern_version', 'valid_from', 'valid_until', 'confidence', 'object_marking_refs', 'x_vetting_last_seen'])
    for (const o of b.objects.filter(o => o.type === 'indicator')) for (const k of Object.keys(o)) expect(allowed).toContain(k)
    expect(JSON.stringify(b)).not.toMatch(/nationality|country_of_origin|"x_[a-z_]*name"/i)
  })
})

describe('TLP 2.0 marking definitions', () => {
  it('are the objects OASIS published (ids, created, name, extension)', () => {
    const b = bundleOf(TLP_LEVELS.map((t, i) => indicator('domain', i, { value: `d${i}.example.com`, tlp: t })))
    const markings = b.objects.filter(o => o.type === 'marking-definition')
    expect(markings).toEqual([
      ['clear', 'marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487'],
      ['green', 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb'],
      ['amber', 'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421'],
      ['amber+strict', 'marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003'],
      ['red', 'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1'],
    ].map(([t, id]) => ({ type: 'marking-definition', spec_version: '2.1', id, created: '2022-10-01T00:00:00.000Z', name: `TLP:${t!.toUpperCase()}`, extensions: { 'extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d': { extension_type: 'property-extension', tlp_2_0: t } } })))
    expect(TLP2_EXTENSION_ID).toBe('extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d')
  })

  it('an indicator carries the stricter of the export and its own marking; only used markings travel', () => {
    const b = bundleOf([indicator('email', 0, { tlp: 'clear' }), indicator('domain', 1, { tlp: 'red' })], { tlp: 'amber' })
    expect(b.objects.filter(o => o.type === 'indicator').map(o => o.object_marking_refs)).toEqual([[TLP2_MARKING_IDS.amber], [TLP2_MARKING_IDS.red]])
    expect(b.objects.filter(o => o.type === 'marking-definition').map(o => o.id)).toEqual([TLP2_MARKING_IDS.amber, TLP2_MARKING_IDS.red])
  })
})

describe('patterns', () => {
  it('escape quotes and backslashes as STIX string literals', () => {
    expect(stixPattern({ kind: 'email', value: "o'brien\\x@example.org" })).toBe("[email-addr:value = 'o\\'brien\\\\x@example.org']")
    expect(readPattern("[email-addr:value = 'o\\'brien\\\\x@example.org']")).toEqual([[{ path: 'email-addr:value', value: "o'brien\\x@example.org" }]])
  })
  it.each([
    ['email', "[email-addr:value = 'a@b.example']"],
    ['ip', "[ipv4-addr:value = '203.0.113.7']"],
    ['domain', "[domain-name:value = 'remote-jobs.example']"],
    ['url', "[url:value = 'https://x.example/p']"],
    ['phone', "[x-phone-number:value = '+14155550123']"],
    ['wallet', "[x-crypto-wallet:address = 'w']"],
    ['payout-account', "[x-bank-account:value = 'v']"],
    ['address', "[x-street-address:value = 'v']"],
    ['resume-minhash', "[x-resume-minhash:signature = 'v']"],
    ['photo-phash', "[x-photo-phash:value = 'v']"],
  ] as Array<[IndicatorKind, string]>)('%s uses %s', (kind, pattern) => {
    const value = /'(.*)'/.exec(pattern)![1]!
    expect(stixPattern({ kind, value })).toBe(pattern)
  })
  it('handles are user-accounts; IPv6 has its own type; hashes say their kind', () => {
    expect(stixPattern({ kind: 'handle', value: 'github:jdoe-dev' })).toBe("[user-account:account_type = 'github' AND user-account:account_login = 'jdoe-dev']")
    expect(stixPattern({ kind: 'ip', value: '2001:db8::1' })).toBe("[ipv6-addr:value = '2001:db8::1']")
    expect(stixPattern({ kind: 'payout-account', value: hmac(1), hashed: true })).toBe(`[x-vetting-hmac:payout_account = '${hmac(1)}']`)
  })
})

describe('ids', () => {
  const inds = [...everyPlain(), ...everyHashed()]
  it('are deterministic, and a re-export keeps them while modified moves on', () => {
    const a = bundleOf(inds, { idSeed: 'group-7' })
    expect(bundleOf(inds, { idSeed: 'group-7' })).toEqual(a)
    const later = bundleOf(inds, { idSeed: 'group-7', now: new Date('2027-02-01T00:00:00.000Z') })
    expect(later.objects.map(o => o.id)).toEqual(a.objects.map(o => o.id))
    expect(later.objects.filter(o => o.type === 'indicator').every(o => o.modified === '2027-02-01T00:00:00.000Z')).toBe(true)
    expect(later.objects.filter(o => o.type === 'indicator').map(o => o.created)).toEqual(a.objects.filter(o => o.type === 'indicator').map(o => o.created))
  })
  it('differ by seed and by indicator, and are UUIDv5', () => {
    const a = bundleOf(inds, { idSeed: 'group-7' })
    const b = bundleOf(inds, { idSeed: 'group-8' })
    const ids = (x: Bundle) => x.objects.filter(o => o.type !== 'marking-definition').map(o => String(o.id))
    expect(ids(a).filter(id => ids(b).includes(id))).toEqual([])
    expect(new Set(ids(a)).size).toBe(ids(a).length)
    for (const id of ids(a)) expect(id).toMatch(/--[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
  })
})

describe('round trip: our export reads back losslessly', () => {
  it.each(TLP_LEVELS.map(t => [t]))('every kind, plain and hashed, marked %s', t => {
    const inds = [...everyPlain(t), ...everyHashed(t)]
    const parsed = parseStix(JSON.parse(JSON.stringify(bundleOf(inds))))
    expect(parsed.rejected).toEqual([])
    expect(parsed.producer).toBe('Acme Recruiting Ltd')
    expect(parsed.indicators.map(comparable)).toEqual(inds.map(comparable))
    expect(parsed.indicators.map(i => i.lastSeen)).toEqual(inds.map(i => i.lastSeen))
  })
  it('mixed markings, comments, a JSON string', () => {
    const inds = [...everyPlain(), ...everyHashed()].map(i => ({ ...i, comment: 'seen in two applications' }))
    const parsed = parseStix(JSON.stringify(bundleOf(inds)))
    expect(parsed.rejected).toEqual([])
    expect(parsed.indicators).toEqual(inds)
  })
  it('every value read back passes normaliseIndicator unchanged', () => {
    for (const i of parseStix(bundleOf(everyPlain())).indicators) expect(normaliseIndicator(i.kind, i.value)).toBe(i.value)
  })
})

/** A feed as an ISAC or a threat-intelligence platform might send it (written by hand). */
const THIRD_PARTY = {
  type: 'bundle',
  id: 'bundle--5d0092c5-5f74-4287-9642-33f4c354e56d',
  objects: [
    { type: 'marking-definition', spec_version: '2.1', id: 'marking-definition--f88d31f6-486f-44da-b317-01333bde0b82', created: '2017-01-20T00:00:00.000Z', definition_type: 'tlp', name: 'TLP:AMBER', definition: { tlp: 'amber' } },
    { type: 'marking-definition', spec_version: '2.1', id: 'marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9', created: '2017-01-20T00:00:00.000Z', definition_type: 'tlp', name: 'TLP:WHITE', definition: { tlp: 'white' } },
    { type: 'identity', spec_version: '2.1', id: 'identity--8a1f4b2e-3c6d-4e5f-9a7b-1c2d3e4f5a6b', created: '2025-03-01T10:00:00.000Z', modified: '2025-03-01T10:00:00.000Z', name: 'Staffing Sector ISAC', identity_class: 'organization' },
    { type: 'threat-actor', spec_version: '2.1', id: 'threat-actor--0c7e6a9d-4f3b-4e1a-8d2c-5b6a7c8d9e0f', created: '2025-03-01T10:00:00.000Z', modified: '2025-03-01T10:00:00.000Z', name: 'Famous Chollima', threat_actor_types: ['nation-state'] },
    { type: 'malware', spec_version: '2.1', id: 'malware--3b2a1c0d-9e8f-4a7b-8c6d-5e4f3a2b1c0d', created: '2025-03-01T10:00:00.000Z', modified: '2025-03-01T10:00:00.000Z', name: 'BeaverTail', is_family: true, malware_types: ['infostealer'] },
    // 5: one address, amber (TLP 1.0), no confidence
    { type: 'indicator', spec_version: '2.1', id: 'indicator--1f0a5c7e-2b3d-4e6f-8a9b-0c1d2e3f4a5b', created_by_ref: 'identity--8a1f4b2e-3c6d-4e5f-9a7b-1c2d3e4f5a6b', created: '2025-03-02T08:00:00.000Z', modified: '2025-03-02T08:00:00.000Z', name: 'Applicant mailbox', indicator_types: ['malicious-activity'], pattern: "[email-addr:value = 'Dev.Ops.Pro2024@Example.net']", pattern_type: 'stix', valid_from: '2025-03-02T08:00:00Z', object_marking_refs: ['marking-definition--f88d31f6-486f-44da-b317-01333bde0b82'] },
    // 6: three addresses OR-joined in one observation, and a second observation; white (TLP 1.0)
    { type: 'indicator', spec_version: '2.1', id: 'indicator--2a1b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d', created_by_ref: 'identity--8a1f4b2e-3c6d-4e5f-9a7b-1c2d3e4f5a6b', created: '2025-03-02T08:00:00.000Z', modified: '2025-03-02T08:00:00.000Z', pattern: "[email-addr:value = 'a.kim.dev@example.org' OR email-addr:value = 'b.lee.codes@example.org'] OR [domain-name:value = 'fast-hire-portal.example']", pattern_type: 'stix', valid_from: '2025-03-02T08:00:00.000Z', valid_until: '2026-03-02T08:00:00.000Z', confidence: 85, labels: ['malicious-activity', 'payment'], object_marking_refs: ['marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9'] },
    // 7: an IP written as a single-host CIDR, TLP 2.0 GREEN
    { type: 'indicator', spec_version: '2.1', id: 'indicator--3b2c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e', created: '2025-03-03T08:00:00.000Z', modified: '2025-03-03T08:00:00.000Z', pattern: "[ipv4-addr:value = '198.51.100.23/32']", pattern_type: 'stix', pattern_version: '2.1', valid_from: '2025-03-03T08:00:00.000Z', confidence: 60, object_marking_refs: ['marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb'] },
    // 8: a URL, unmarked (falls back to the strictest marking the bundle defines: amber)
    { type: 'indicator', spec_version: '2.1', id: 'indicator--4c3d5e6f-7a8b-4c9d-8e1f-2a3b4c5d6e7f', created: '2025-03-03T08:00:00.000Z', modified: '2025-03-03T08:00:00.000Z', pattern: "[url:value = 'https://Fast-Hire-Portal.example/apply?ref=77']", pattern_type: 'stix', valid_from: '2025-03-03T08:00:00.000Z' },
    // 9: AND-joined observations: not one identifier
    { type: 'indicator', spec_version: '2.1', id: 'indicator--5d4e6f7a-8b9c-4d0e-9f2a-3b4c5d6e7f8a', created: '2025-03-03T08:00:00.000Z', modified: '2025-03-03T08:00:00.000Z', pattern: "[ipv4-addr:value = '198.51.100.24'] AND [domain-name:value = 'x.example']", pattern_type: 'stix', valid_from: '2025-03-03T08:00:00.000Z' },
    // 10: a file hash: not an identifier we read
    { type: 'indicator', spec_version: '2.1', id: 'indicator--6e5f7a8b-9c0d-4e1f-8a3b-4c5d6e7f8a9b', created: '2025-03-03T08:00:00.000Z', modified: '2025-03-03T08:00:00.000Z', pattern: "[file:hashes.'SHA-256' = 'aec070645fe53ee3b3763059376134f058cc337247c978add178b6ccdfb0019f']", pattern_type: 'stix', valid_from: '2025-03-03T08:00:00.000Z' },
    // 11: a YARA rule
    { type: 'indicator', spec_version: '2.1', id: 'indicator--7f6a8b9c-0d1e-4f2a-9b4c-5d6e7f8a9b0c', created: '2025-03-03T08:00:00.000Z', modified: '2025-03-03T08:00:00.000Z', pattern: 'rule beavertail { condition: true }', pattern_type: 'yara', valid_from: '2025-03-03T08:00:00.000Z' },
    // 12: a /24 network is not one address
    { type: 'indicator', spec_version: '2.1', id: 'indicator--8a7b9c0d-1e2f-4a3b-8c5d-6e7f8a9b0c1d', created: '2025-03-03T08:00:00.000Z', modified: '2025-03-03T08:00:00.000Z', pattern: "[ipv4-addr:value = '198.51.100.0/24']", pattern_type: 'stix', valid_from: '2025-03-03T08:00:00.000Z' },
    // 13–16: observables in the bundle (15 is deliberately malformed); 16 repeats indicator 7's address, unmarked
    { type: 'email-addr', spec_version: '2.1', id: 'email-addr--9b8c0d1e-2f3a-5b4c-9d6e-7f8a9b0c1d2e', value: 'recruit.helper@example.com' },
    { type: 'domain-name', spec_version: '2.1', id: 'domain-name--0c9d1e2f-3a4b-5c5d-8e7f-8a9b0c1d2e3f', value: 'laptop-farm-shipping.example', object_marking_refs: ['marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9'] },
    { type: 'ipv4-addr', spec_version: '2.1', id: 'ipv4-addr--1d0e2f3a-4b5c-5d6e-9f8a-9b0c1d2e3f4a', value: 'not-an-ip' },
    { type: 'ipv4-addr', spec_version: '2.1', id: 'ipv4-addr--2e1f3a4b-5c6d-5e7f-8a9b-0c1d2e3f4a5b', value: '198.51.100.23' },
    { type: 'relationship', spec_version: '2.1', id: 'relationship--3f2a4b5c-6d7e-4f8a-9b0c-1d2e3f4a5b6c', created: '2025-03-02T08:00:00.000Z', modified: '2025-03-02T08:00:00.000Z', relationship_type: 'indicates', source_ref: 'indicator--1f0a5c7e-2b3d-4e6f-8a9b-0c1d2e3f4a5b', target_ref: 'threat-actor--0c7e6a9d-4f3b-4e1a-8d2c-5b6a7c8d9e0f' },
    { type: 'report', spec_version: '2.1', id: 'report--4a3b5c6d-7e8f-4a9b-8c1d-2e3f4a5b6c7d', created: '2025-03-02T08:00:00.000Z', modified: '2025-03-02T08:00:00.000Z', name: 'Weekly staffing fraud digest', published: '2025-03-02T08:00:00.000Z', object_refs: ['indicator--1f0a5c7e-2b3d-4e6f-8a9b-0c1d2e3f4a5b'] },
  ],
}

describe('parseStix: a third-party bundle', () => {
  it('is itself valid STIX 2.1 but for the deliberately malformed observable (the fixture is realistic)', () => {
    expect(validateStixBundle({ ...THIRD_PARTY, objects: THIRD_PARTY.objects.filter((_, i) => i !== 15) })).toEqual([])
    expect(validateStixBundle(THIRD_PARTY).join('\n')).toMatch(/objects\[15\] \(ipv4-addr\)\/value must match pattern/)
  })

  const parsed = parseStix(THIRD_PARTY, { receivedAt: new Date('2026-12-04T00:00:00.000Z') })
  it('reads simple, OR-joined and observable forms, normalised', () => {
    expect(parsed.producer).toBe('Staffing Sector ISAC')
    expect(parsed.indicators.map(i => [i.kind, i.value, i.tlp, i.confidence])).toEqual([
      ['email', 'dev.ops.pro2024@example.net', 'amber', 50],
      ['email', 'a.kim.dev@example.org', 'clear', 85],
      ['email', 'b.lee.codes@example.org', 'clear', 85],
      ['domain', 'fast-hire-portal.example', 'clear', 85],
      // GREEN on the indicator, but the same address also came unmarked (bundle fallback: AMBER): the stricter stays
      ['ip', '198.51.100.23', 'amber', 60],
      ['url', 'https://fast-hire-portal.example/apply?ref=77', 'amber', 50],
      ['email', 'recruit.helper@example.com', 'amber', 50],
      ['domain', 'laptop-farm-shipping.example', 'clear', 50],
    ])
    const [first, second] = parsed.indicators
    expect(first).toMatchObject({ firstSeen: '2025-03-02T08:00:00.000Z', families: [] })
    expect(first!.expires).toBeUndefined()
    expect(second).toMatchObject({ expires: '2026-03-02T08:00:00.000Z', families: ['payment'] })
    expect(parsed.indicators[6]).toMatchObject({ firstSeen: '2026-12-04T00:00:00.000Z', lastSeen: '2026-12-04T00:00:00.000Z' })
  })
  it('rejects what looks like an indicator but cannot be read, with reasons; skips the rest silently', () => {
    expect(parsed.rejected).toEqual([
      { at: 'objects[9]', reason: 'observations joined by AND describe several things at once, not one identifier' },
      { at: 'objects[10]', reason: "the object path file:hashes.'SHA-256' is not one we read" },
      { at: 'objects[11]', reason: 'patterns of type yara are not read (only STIX patterns)' },
      { at: 'objects[12]', reason: 'ipv4-addr:value is not a single IP address' },
      { at: 'objects[15]', reason: 'ipv4-addr:value is not a single IP address' },
    ])
  })
})

describe('parseStix: markings', () => {
  const one = (extra: Record<string, unknown>, objects: unknown[] = []) =>
    parseStix({ type: 'bundle', id: 'bundle--5d0092c5-5f74-4287-9642-33f4c354e56d', objects: [...objects, { type: 'indicator', spec_version: '2.1', id: 'indicator--1f0a5c7e-2b3d-4e6f-8a9b-0c1d2e3f4a5b', pattern: "[domain-name:value = 'x-hire.example']", pattern_type: 'stix', valid_from: '2025-03-02T08:00:00Z', ...extra }] })
  it.each(Object.entries(TLP1_MARKING_IDS))('TLP 1.0 %s reads as %s', (id, tlp) => {
    expect(one({ object_marking_refs: [id] }).indicators[0]!.tlp).toBe(tlp)
  })
  it.each(Object.entries(TLP2_MARKING_IDS))('TLP 2.0 %s', (tlp, id) => {
    expect(one({ object_marking_refs: [id] }).indicators[0]!.tlp).toBe(tlp)
  })
  it('several markings: the strictest; unknown marking ids are not TLP', () => {
    expect(one({ object_marking_refs: [TLP2_MARKING_IDS.green, TLP2_MARKING_IDS.red, 'marking-definition--0f0e0d0c-0b0a-4908-8706-050403020100'] }).indicators[0]!.tlp).toBe('red')
  })
  it('a bundle cannot redefine a published id; its own TLP markings count', () => {
    const redefine = { type: 'marking-definition', spec_version: '2.1', id: TLP2_MARKING_IDS.red, created: '2022-10-01T00:00:00.000Z', name: 'TLP:CLEAR', extensions: { [TLP2_EXTENSION_ID]: { extension_type: 'property-extension', tlp_2_0: 'clear' } } }
    expect(one({ object_marking_refs: [TLP2_MARKING_IDS.red] }, [redefine]).indicators[0]!.tlp).toBe('red')
    const custom = { type: 'marking-definition', spec_version: '2.1', id: 'marking-definition--0f0e0d0c-0b0a-4908-8706-050403020100', created: '2020-01-01T00:00:00.000Z', definition_type: 'tlp', definition: { tlp: 'green' } }
    expect(one({ object_marking_refs: [custom.id] }, [custom]).indicators[0]!.tlp).toBe('green')
  })
  it('unmarked: the bundle’s marking, else AMBER+STRICT (no permission to pass on), else the caller’s default', () => {
    expect(one({}, [{ type: 'marking-definition', spec_version: '2.1', id: TLP2_MARKING_IDS.green, created: '2022-10-01T00:00:00.000Z', name: 'TLP:GREEN' }]).indicators[0]!.tlp).toBe('green')
    expect(one({}).indicators[0]!.tlp).toBe('amber+strict')
    const r = parseStix({ type: 'bundle', id: 'bundle--x', objects: [{ type: 'domain-name', value: 'x-hire.example' }] }, { defaultTlp: 'green' })
    expect(r.indicators[0]!.tlp).toBe('green')
  })
})

describe('parseStix: rejections with reasons', () => {
  const ind = (over: Record<string, unknown>) => ({ type: 'indicator', spec_version: '2.1', id: 'indicator--1f0a5c7e-2b3d-4e6f-8a9b-0c1d2e3f4a5b', pattern_type: 'stix', valid_from: '2025-03-02T08:00:00Z', pattern: "[domain-name:value = 'x-hire.example']", ...over })
  const reasonsOf = (over: Record<string, unknown>) => {
    const r = parseStix({ type: 'bundle', id: 'bundle--x', objects: [ind(over)] })
    expect(r.indicators).toEqual([])
    return r.rejected.map(x => x.reason).join(' | ')
  }
  it.each([
    ["[domain-name:value = 'a.example'] FOLLOWEDBY [domain-name:value = 'b.example']", /FOLLOWEDBY/],
    ["[domain-name:value = 'a.example'] WITHIN 300 SECONDS", /qualifiers \(WITHIN\)/],
    ["[domain-name:value = 'a.example' AND domain-name:value = 'b.example']", /AND describe several properties/],
    ["([domain-name:value = 'a.example'])", /parentheses/],
    ["[domain-name:value LIKE '%.example']", /only equality comparisons are read \(found LIKE\)/],
    ["[domain-name:value != 'a.example']", /only equality comparisons are read \(found !=\)/],
    ["[domain-name:value MATCHES '^a']", /found MATCHES/],
    ["[network-traffic:dst_port = 443]", /something other than a string/],
    ["[domain-name:value = 'a.example'", /malformed pattern/],
    ["[domain-name:value = 'a.example]", /string is not closed/],
    ["[domain-name:value = 'a\\x']", /escape/],
    ['domain-name:value = 1', /malformed pattern: expected '\['/],
    ["[user-account:account_login = 'jdoe']", /without its account_type/],
    ["[x-vetting-hmac:phone = 'abc']", /not an HMAC-SHA256/],
    [`[x-vetting-hmac:photo_phash = '${hmac(1)}']`, /not a kind of identifier we hash/],
    ["[x-phone-number:value = 'call me']", /not a phone number/],
    ["[email-addr:value = 'not an address']", /not an email address/],
    ['', /malformed pattern/],
  ])('%s', (pattern, reason) => {
    expect(reasonsOf({ pattern })).toMatch(reason)
  })
  it.each([
    [{ pattern: undefined }, /without a pattern/],
    [{ pattern: 42 }, /without a pattern/],
    [{ valid_from: 'yesterday' }, /valid_from/],
    [{ valid_from: undefined }, /valid_from/],
    [{ valid_until: '2020-01-01T00:00:00Z' }, /valid_until is not after valid_from/],
    [{ confidence: 'high' }, /confidence must be an integer/],
    [{ confidence: 101 }, /confidence/],
    [{ pattern_type: 'sigma' }, /sigma are not read/],
    [{ revoked: true }, /revoked/],
    [{ pattern: `[domain-name:value = '${'a'.repeat(200_000)}.example']` }, /longer than 100,000/],
  ])('%j', (over, reason) => {
    expect(reasonsOf(over)).toMatch(reason)
  })
  it('an OR pattern keeps the parts it can read', () => {
    const r = parseStix([ind({ pattern: "[email-addr:value = 'ok@example.org' OR email-addr:value = 'nope' OR file:name = 'x.exe']" })])
    expect(r.indicators.map(i => i.value)).toEqual(['ok@example.org'])
    expect(r.rejected).toEqual([
      { at: 'objects[0] pattern part 2', reason: 'email-addr:value is not an email address' },
      { at: 'objects[0] pattern part 3', reason: 'the object path file:name is not one we read' },
    ])
  })
  it('reads the sender of an email-message as an email address', () => {
    expect(parseStix([ind({ pattern: "[email-message:from_ref.value = 'Hiring.Team@Example.org']" })]).indicators.map(i => [i.kind, i.value])).toEqual([['email', 'hiring.team@example.org']])
  })
  it('the latest version of an indicator counts', () => {
    const r = parseStix([ind({ modified: '2025-01-01T00:00:00.000Z', confidence: 10 }), ind({ modified: '2025-06-01T00:00:00.000Z', confidence: 90 })])
    expect(r.indicators.map(i => i.confidence)).toEqual([90])
  })
  it.each([
    [null, 'not a STIX bundle'],
    [42, 'not a STIX bundle'],
    ['{not json', 'the file is not JSON'],
    [{ type: 'bundle', objects: 'x' }, 'a bundle’s objects must be a list'],
    [{ type: 'report' }, 'not a STIX bundle'],
  ])('%j → %s', (input, reason) => {
    expect(parseStix(input)).toEqual({ indicators: [], rejected: [{ at: expect.any(String), reason: expect.stringContaining(reason) }] })
  })
  it('non-objects and typeless objects in a bundle', () => {
    expect(parseStix({ type: 'bundle', objects: [1, null, 'x', { id: 'a' }] }).rejected.map(r => r.reason)).toEqual(['not a STIX object', 'not a STIX object', 'not a STIX object', 'a STIX object without a type'])
  })
  it(`caps a bundle at ${MAX_STIX_OBJECTS.toLocaleString('en')} objects with one clear rejection`, () => {
    const objects = Array.from({ length: MAX_STIX_OBJECTS + 1 }, () => ({ type: 'domain-name', value: 'x-hire.example' }))
    const r = parseStix({ type: 'bundle', id: 'bundle--x', objects })
    expect(r.indicators).toEqual([])
    expect(r.rejected).toEqual([{ at: 'objects', reason: expect.stringMatching(/100,001 objects, more than the 100,000 we read at once/) }])
    expect(parseStix({ type: 'bundle', id: 'bundle--x', objects: objects.slice(1) }).indicators).toHaveLength(1)
  })
})

describe('toStixBundle refuses what it cannot write', () => {
  it.each([
    [{ hashed: true, kind: 'photo-phash' as const, value: hmac(1) }, /never hashed/],
    [{ hashed: true, value: 'ABC' }, /64 lower-case hex/],
    [{ confidence: 50.5 }, /confidence/],
    [{ firstSeen: 'soon' }, /firstSeen/],
    [{ expires: '2020-01-01T00:00:00.000Z' }, /expires must be after firstSeen/],
    [{ kind: 'handle' as const, value: 'jdoe' }, /network:login/],
  ])('%j', (over, msg) => {
    expect(() => bundleOf([], { now: new Date('nope') })).toThrow(/^now is not a timestamp$/)
    expect(() => bundleOf([indicator('email', 0, over as Partial<Indicator>)])).toThrow(StixExportError)
    expect(() => bundleOf([indicator('email', 0, over as Partial<Indicator>)])).toThrow(msg)
  })
})

describe('parseStix never throws on hostile input (fast-check)', () => {
  const noThrow = (input: unknown) => {
    const r = parseStix(input)
    expect(Array.isArray(r.indicators)).toBe(true)
    expect(Array.isArray(r.rejected)).toBe(true)
    for (const i of r.indicators) {
      expect(INDICATOR_KINDS).toContain(i.kind)
      expect(TLP_LEVELS).toContain(i.tlp)
      if (i.hashed) expect(i.value).toMatch(/^[0-9a-f]{64}$/)
      else expect(normaliseIndicator(i.kind, i.value)).toBe(i.value)
    }
  }
  it('any value', () => {
    fc.assert(fc.property(fc.anything({ maxDepth: 4 }), noThrow), { numRuns: 500 })
  })
  it('bundles of arbitrary objects with STIX-looking keys', () => {
    const key = fc.constantFrom('type', 'id', 'pattern', 'pattern_type', 'valid_from', 'valid_until', 'confidence', 'labels', 'object_marking_refs', 'value', 'account_type', 'account_login', 'revoked', 'modified', 'name', 'definition', 'definition_type', 'extensions', '__proto__', 'constructor')
    const val = fc.oneof(fc.constantFrom('indicator', 'identity', 'marking-definition', 'email-addr', 'ipv4-addr', 'user-account', 'stix', TLP2_MARKING_IDS.red, '2025-03-02T08:00:00Z'), fc.anything({ maxDepth: 2 }))
    const obj = fc.dictionary(key, val, { maxKeys: 10 })
    fc.assert(fc.property(fc.array(obj, { maxLength: 20 }), objects => noThrow({ type: 'bundle', id: 'bundle--x', objects })), { numRuns: 500 })
  })
  it('indicators with patterns from STIX-like fragments', () => {
    const frag = fc.constantFrom('[', ']', '(', ')', "'", '\\', ' ', 'OR', 'AND', 'NOT', 'FOLLOWEDBY', 'WITHIN', '=', '!=', ':', '.', 'email-addr:value', 'ipv4-addr:value', 'user-account:account_type', 'user-account:account_login', 'x-vetting-hmac:phone', "'a@b.example'", "'203.0.113.9'", "'gh'", "'jdoe'", "t'2025-01-01T00:00:00Z'", '42', '/*', '*/', '//', '\n', 'é', '\u0000')
    const pattern = fc.array(frag, { maxLength: 40 }).map(a => a.join(''))
    fc.assert(fc.property(pattern, p => noThrow({ type: 'bundle', id: 'bundle--x', objects: [{ type: 'indicator', id: 'indicator--1', pattern: p, pattern_type: 'stix', valid_from: '2025-03-02T08:00:00Z' }] })), { numRuns: 2000 })
  })
  it('deep nesting and huge strings', () => {
    let deep: unknown = {}
    for (let i = 0; i < 100_000; i++) deep = { type: 'indicator', pattern: deep, objects: [deep] }
    noThrow(deep)
    noThrow({ type: 'bundle', objects: [deep] })
    const huge = 'x'.repeat(20_000_000)
    const t0 = Date.now()
    noThrow({ type: 'bundle', objects: [{ type: 'indicator', pattern: huge, valid_from: huge, confidence: huge, labels: [huge], object_marking_refs: [huge] }, { type: 'email-addr', value: huge }, { type: huge }] })
    noThrow(`{"type":"bundle","objects":[${'['.repeat(5000)}${']'.repeat(5000)}]}`)
    expect(Date.now() - t0).toBeLessThan(5000)
  })
})
