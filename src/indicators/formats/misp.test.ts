import fs from 'node:fs'
import path from 'node:path'
import Ajv from 'ajv'
import fc from 'fast-check'
import { hashIndicators } from '../hashing'
import type { Indicator } from '../types'
import { MAX_MISP_ATTRIBUTES, parseMisp, toMispEvent, type MispEvent } from './misp'

const FIXTURES = path.resolve(__dirname, '../../../tests/fixtures/misp')
const loadFixture = (name: string) => JSON.parse(fs.readFileSync(path.join(FIXTURES, name), 'utf8')) as Record<string, unknown>

/** Keywords whose meaning is the same in JSON Schema draft-04 and draft-07 (plus draft-04's `id` and this schema's `defs` container). */
const COMMON_KEYWORDS = new Set(['$schema', 'id', 'title', 'description', 'defs', 'type', 'properties', 'additionalProperties', 'required', 'items', 'uniqueItems', '$ref'])

function keywordsOf(schema: unknown, out = new Set<string>(), inProperties = false): Set<string> {
  if (Array.isArray(schema)) schema.forEach(s => keywordsOf(s, out))
  else if (schema && typeof schema === 'object') {
    for (const [k, v] of Object.entries(schema)) {
      if (!inProperties) out.add(k)
      // Under `properties`/`defs` keys are names, not keywords.
      keywordsOf(v, out, !inProperties && (k === 'properties' || k === 'defs'))
    }
  }
  return out
}

/** The PyMISP schema compiled by Ajv's default engine; see tests/fixtures/misp/README.md for why this is sound. */
function compile(name: string, extendAttribute = false) {
  const { $schema, id, ...rest } = loadFixture(name)
  expect($schema).toBe('http://json-schema.org/draft-04/schema#')
  const schema = JSON.parse(JSON.stringify({ ...rest, $id: id })) as { defs: { attribute: { properties: Record<string, unknown> } } }
  if (extendAttribute) Object.assign(schema.defs.attribute.properties, { first_seen: { type: 'string' }, last_seen: { type: 'string' } })
  return new Ajv({ strict: false, validateSchema: false, allErrors: true }).compile(schema)
}

const base = { firstSeen: '2026-10-01T00:00:00.000Z', lastSeen: '2026-11-15T12:30:00.000Z', families: ['payment'], confidence: 85, tlp: 'amber' as const }
const KEY = Buffer.from('9f1c2b3a4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8', 'hex')

const INDICATORS: Indicator[] = [
  { ...base, kind: 'email', value: 'johndoe@gmail.com', comment: 'used on 3 applications' },
  { ...base, kind: 'phone', value: '+14155550100', families: ['payment', 'links'] },
  { ...base, kind: 'wallet', value: 'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq', expires: '2027-06-01T00:00:00.000Z' },
  { ...base, kind: 'wallet', value: '0x52908400098527886e0f7030069857d2e4169ee7', confidence: 40 },
  { ...base, kind: 'payout-account', value: 'DE89370400440532013000' },
  { ...base, kind: 'payout-account', value: '123456789012' },
  { ...base, kind: 'payout-account', value: 'bic:chasus33|12345678' },
  { ...base, kind: 'ip', value: '203.0.113.7', tlp: 'red' },
  { ...base, kind: 'domain', value: 'example-payroll.com', tlp: 'green' },
  { ...base, kind: 'url', value: 'https://example-payroll.com/apply' },
  { ...base, kind: 'handle', value: 'github:kimdev' },
  { ...base, kind: 'handle', value: 'x:kimdev99' },
  { ...base, kind: 'handle', value: 'telegram:kimdev_jobs' },
  { ...base, kind: 'address', value: '12 main st|94105|US', families: ['logistics'] },
  { ...base, kind: 'resume-minhash', value: '0a1b2c3d'.repeat(128), confidence: 60 },
  { ...base, kind: 'photo-phash', value: 'c3d2e1f0a1b2c3d4' },
]

const OPTS = { organisation: 'Acme Hiring Ltd', tlp: 'amber' as const, now: new Date('2026-12-04T10:00:00Z'), uuidSeed: 'test' }
const attrs = (e: MispEvent) => e.Event.Attribute
const tagsOf = (a: { Tag: Array<{ name: string }> }) => a.Tag.map(t => t.name)

describe('toMispEvent', () => {
  const event = toMispEvent(INDICATORS, OPTS)

  it('uses only keywords that mean the same in draft-04 and draft-07 (so Ajv 8 may check the draft-04 schemas)', () => {
    for (const name of ['schema.json', 'schema-lax.json']) {
      const unknown = [...keywordsOf(loadFixture(name))].filter(k => !COMMON_KEYWORDS.has(k))
      expect(unknown).toEqual([])
    }
  })

  it('is valid under PyMISP schema-lax.json, and under schema.json with the core format’s first_seen/last_seen', () => {
    const lax = compile('schema-lax.json')
    expect(lax(event)).toBe(true)
    const strict = compile('schema.json', true)
    const ok = strict(event)
    expect(strict.errors ?? []).toEqual([])
    expect(ok).toBe(true)
    // The strict schema does check: an unknown field fails it.
    expect(compile('schema.json', true)({ Event: { ...event.Event, colour: 'red' } })).toBe(false)
  })

  it('is valid for a hashed feed and for an empty one', () => {
    const strict = compile('schema.json', true)
    expect(strict(toMispEvent(hashIndicators(INDICATORS, KEY), { ...OPTS, keyId: '0123456789abcdef' }))).toBe(true)
    expect(strict(toMispEvent([], OPTS))).toBe(true)
  })

  it('fills the event fields the core format requires', () => {
    expect(event.Event).toMatchObject({
      info: 'Vetting Desk: 16 shared indicators from Acme Hiring Ltd',
      date: '2026-12-04',
      timestamp: String(Date.parse('2026-12-04T10:00:00Z') / 1000),
      published: false,
      threat_level_id: '2',
      analysis: '2',
      distribution: '1',
      attribute_count: '16',
      Orgc: { name: 'Acme Hiring Ltd' },
      Tag: [{ name: 'tlp:amber' }, { name: 'misp:automation-level="reviewed"' }],
    })
    expect(event.Event.uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(event.Event.Orgc.uuid).toBe(toMispEvent([], { ...OPTS, uuidSeed: 'other' }).Event.Orgc.uuid)
    expect(toMispEvent([], { ...OPTS, tlp: 'clear' }).Event.distribution).toBe('3')
    expect(toMispEvent([], { ...OPTS, tlp: 'red' }).Event.distribution).toBe('0')
    expect(toMispEvent([], { ...OPTS, info: 'line one\nline two' }).Event.info).toBe('line one line two')
  })

  it('chooses MISP types and categories that exist for each kind', () => {
    expect(attrs(event).map(a => [a.type, a.category, a.value])).toEqual([
      ['email', 'Social network', 'johndoe@gmail.com'],
      ['phone-number', 'Financial fraud', '+14155550100'],
      ['btc', 'Financial fraud', 'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq'],
      ['text', 'Financial fraud', '0x52908400098527886e0f7030069857d2e4169ee7'],
      ['iban', 'Financial fraud', 'DE89370400440532013000'],
      ['bank-account-nr', 'Financial fraud', '123456789012'],
      ['text', 'Financial fraud', 'bic:chasus33|12345678'],
      ['ip-src', 'Network activity', '203.0.113.7'],
      ['domain', 'Network activity', 'example-payroll.com'],
      ['url', 'Network activity', 'https://example-payroll.com/apply'],
      ['github-username', 'Social network', 'kimdev'],
      ['twitter-id', 'Social network', 'kimdev99'],
      ['text', 'Social network', 'telegram:kimdev_jobs'],
      ['text', 'Other', '12 main st|94105|US'],
      ['text', 'Other', '0a1b2c3d'.repeat(128)],
      ['text', 'Other', 'c3d2e1f0a1b2c3d4'],
    ])
    // Every type/category pair is one PyMISP's describeTypes allows.
    const allowed: Record<string, string[]> = {
      'Social network': ['email', 'github-username', 'twitter-id', 'text', 'anonymised'],
      'Financial fraud': ['phone-number', 'btc', 'xmr', 'dash', 'iban', 'bank-account-nr', 'text', 'anonymised'],
      'Network activity': ['ip-src', 'domain', 'url', 'text', 'anonymised'],
      Other: ['text', 'anonymised'],
    }
    for (const a of [...attrs(event), ...attrs(toMispEvent(hashIndicators(INDICATORS, KEY), OPTS))]) expect(allowed[a.category]).toContain(a.type)
  })

  it('gives each attribute uuid, to_ids, first/last seen, a TLP tag, confidence, families, kind and expiry', () => {
    const [email, phone, btc, eth] = attrs(event)
    expect(email).toMatchObject({ to_ids: true, first_seen: base.firstSeen, last_seen: base.lastSeen, comment: 'used on 3 applications', distribution: '5', deleted: false })
    expect(tagsOf(email!)).toEqual(['tlp:amber', 'misp:confidence-level="usually-confident"', 'vetting-desk:confidence="85"', 'vetting-desk:family="payment"'])
    expect(tagsOf(phone!)).toContain('vetting-desk:family="links"')
    expect(tagsOf(btc!)).toContain('vetting-desk:expires="2027-06-01T00:00:00.000Z"')
    expect(tagsOf(eth!)).toEqual(expect.arrayContaining(['vetting-desk:kind="wallet"', 'misp:confidence-level="fairly-confident"', 'vetting-desk:confidence="40"']))
    expect(new Set(attrs(event).map(a => a.uuid)).size).toBe(16)
  })

  it('marks each attribute at the stricter of the event TLP and its own', () => {
    const tlps = attrs(event).map(a => tagsOf(a).find(t => t.startsWith('tlp:')))
    expect(tlps[7]).toBe('tlp:red')
    expect(tlps[8]).toBe('tlp:amber') // green indicator in an amber event stays amber
    expect(attrs(toMispEvent(INDICATORS, { ...OPTS, tlp: 'clear' })).map(a => tagsOf(a)[0])[8]).toBe('tlp:green')
  })

  it('writes fingerprints as text, not for IDS, with a comment saying how to compare them', () => {
    const phash = attrs(event)[15]!
    expect(phash.to_ids).toBe(false)
    expect(phash.comment).toMatch(/Hamming distance/)
    expect(tagsOf(phash)).toContain('vetting-desk:kind="photo-phash"')
  })

  it('writes hashed identifiers as anonymised with the kind in an hmac tag, and no plaintext', () => {
    const hashed = hashIndicators(INDICATORS, KEY)
    const e = toMispEvent(hashed, { ...OPTS, keyId: '0123456789abcdef' })
    const text = JSON.stringify(e)
    for (const plain of ['johndoe', '4155550100', 'bc1qar0s', 'DE8937', 'example-payroll', 'kimdev', '203.0.113.7', '12 main st']) expect(text).not.toContain(plain)
    expect(e.Event.Tag).toContainEqual({ name: 'vetting-desk:hmac-key="0123456789abcdef"' })
    const phone = attrs(e)[1]!
    expect(phone).toMatchObject({ type: 'anonymised', category: 'Financial fraud', value: hashed[1]!.value })
    expect(tagsOf(phone)).toContain('vetting-desk:hmac-sha256="phone"')
    // Fingerprints are never hashed.
    expect(attrs(e)[14]).toMatchObject({ type: 'text', value: '0a1b2c3d'.repeat(128) })
  })

  it('is reproducible with a uuid seed and random without one', () => {
    expect(toMispEvent(INDICATORS, OPTS)).toEqual(event)
    const { uuidSeed: _s, ...noSeed } = OPTS
    expect(toMispEvent(INDICATORS, noSeed).Event.uuid).not.toBe(toMispEvent(INDICATORS, noSeed).Event.uuid)
    const twice = toMispEvent([INDICATORS[0]!, INDICATORS[0]!], OPTS)
    expect(twice.Event.Attribute[0]!.uuid).not.toBe(twice.Event.Attribute[1]!.uuid)
  })
})

describe('parseMisp', () => {
  it('round-trips an export', () => {
    const back = parseMisp(JSON.stringify(toMispEvent(INDICATORS, OPTS)))
    expect(back.rejected).toEqual([])
    expect(back.producer).toBe('Acme Hiring Ltd')
    expect(back.indicators).toEqual(INDICATORS.map(i => ({ ...i, tlp: i.tlp === 'red' ? 'red' : 'amber' })))
    const multi = { ...INDICATORS[0]!, comment: 'first line\nsecond, "quoted" line' }
    expect(parseMisp(JSON.stringify(toMispEvent([multi], OPTS))).indicators).toEqual([multi])
  })

  it('round-trips a hashed export and says which key', () => {
    const hashed = hashIndicators(INDICATORS, KEY)
    const back = parseMisp(toMispEvent(hashed, { ...OPTS, keyId: '0123456789abcdef' }))
    expect(back.rejected).toEqual([])
    expect(back.keyId).toBe('0123456789abcdef')
    expect(back.indicators).toEqual(hashed.map(i => ({ ...i, tlp: i.tlp === 'red' ? 'red' : 'amber' })))
  })

  const foreign = {
    uuid: '5f0c5b4a-1111-4222-8333-444455556666',
    info: 'Fake recruiter ring',
    date: '2026-09-30',
    timestamp: '1790000000',
    Orgc: { name: 'Partner CERT', uuid: '5f0c5b4a-0000-4000-8000-000000000001' },
    Tag: [{ name: 'tlp:white' }, { name: 'estimative-language:likelihood-probability="very-likely"' }],
    Attribute: [
      { type: 'email-src', category: 'Payload delivery', value: 'Kim.Dev+Jobs@GMAIL.com', timestamp: '1790000000', to_ids: true },
      { type: 'whois-registrant-phone', category: 'Attribution', value: '+82 10-1234-5678', Tag: [{ name: 'tlp:amber' }] },
      { type: 'ip-dst|port', category: 'Network activity', value: '198.51.100.20|443' },
      { type: 'hostname', category: 'Network activity', value: 'Remote-Desk.example.net', Tag: [{ name: 'misp:confidence-level="completely-confident"' }] },
      { type: 'md5', category: 'Payload delivery', value: 'd41d8cd98f00b204e9800998ecf8427e' },
      { type: 'phone-number', category: 'Person', value: '12' },
      { type: 'text', category: 'Other', value: 'just a note' },
      { type: 'first-name', category: 'Person', value: 'Sang' },
      { type: 'domain', category: 'Network activity', value: 'gmail.com' },
      { type: 'url', value: 'https://evil.example/x', deleted: true },
      'not an object',
      { type: 'xmr', value: '' },
    ],
    Object: [
      {
        name: 'bank-account',
        Attribute: [
          { object_relation: 'iban', type: 'iban', value: 'GB82 WEST 1234 5698 7654 32', first_seen: '2026-08-01T09:00:00+02:00' },
          { object_relation: 'account-name', type: 'text', value: 'J Smith' },
        ],
      },
      { name: 'github-user', Attribute: [{ type: 'github-username', value: 'KimDev', AttributeTag: [{ Tag: { name: 'tlp:red' } }] }] },
    ],
  }

  it('reads a foreign event: synonyms, objects, TLP (tlp:white is CLEAR; the stricter wins), confidence and dates', () => {
    const feed = parseMisp({ Event: foreign })
    expect(feed.producer).toBe('Partner CERT')
    expect(feed.indicators.map(i => [i.kind, i.value, i.tlp, i.confidence])).toEqual([
      ['email', 'kimdev@gmail.com', 'clear', 88],
      ['phone', '+821012345678', 'amber', 88],
      ['ip', '198.51.100.20', 'clear', 88],
      ['domain', 'remote-desk.example.net', 'clear', 100],
      ['payout-account', 'GB82WEST12345698765432', 'clear', 88],
      ['handle', 'github:kimdev', 'red', 88],
    ])
    expect(feed.indicators[0]!.firstSeen).toBe(new Date(1790000000 * 1000).toISOString())
    expect(feed.indicators[2]!.firstSeen).toBe('2026-09-30T00:00:00.000Z')
    expect(feed.indicators[4]!.firstSeen).toBe('2026-08-01T07:00:00.000Z')
  })

  it('lists what it cannot take with a reason, never echoing values of types it does not read', () => {
    const { rejected } = parseMisp({ Event: foreign })
    expect(rejected).toEqual([
      { at: 'Attribute[4]', reason: "type 'md5' is not a kind of indicator Vetting Desk reads" },
      { at: 'Attribute[5]', reason: "phone '12' is not a phone number" },
      { at: 'Attribute[6]', reason: "type 'text' is not a kind of indicator Vetting Desk reads" },
      { at: 'Attribute[7]', reason: "type 'first-name' is not a kind of indicator Vetting Desk reads" },
      { at: 'Attribute[8]', reason: "domain 'gmail.com' is a webmail domain anyone can have an address at" },
      { at: 'Attribute[9]', reason: 'deleted (revoked) in the feed' },
      { at: 'Attribute[10]', reason: 'not an attribute object' },
      { at: 'Attribute[11]', reason: "'xmr' attribute has no value" },
      { at: 'Object[0].Attribute[1]', reason: "type 'text' is not a kind of indicator Vetting Desk reads" },
    ])
    expect(JSON.stringify(rejected)).not.toMatch(/Sang|J Smith|just a note/)
  })

  it('reads a bare event and a search answer with several events', () => {
    expect(parseMisp(foreign).indicators).toHaveLength(6)
    const two = parseMisp({ response: [{ Event: foreign }, { Event: { ...foreign, Attribute: [{ type: 'btc', value: '1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa' }] } }, 'junk'] })
    // 6 from the first event; the second has one attribute of its own and the same two objects.
    expect(two.indicators).toHaveLength(9)
    expect(two.indicators[6]).toMatchObject({ kind: 'wallet', value: '1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa', tlp: 'clear' })
    expect(two.rejected[0]!.at).toBe('response[0].Attribute[4]')
  })

  it('reads PyMISP’s example event (bare, unmarked, distribution 0: your organisation only) as AMBER+STRICT', () => {
    const example = loadFixture('pymisp-misp_event.json')
    // The example is a real MISP export: the schema set-up accepts it.
    expect(compile('schema.json')({ Event: example })).toBe(true)
    const feed = parseMisp(JSON.stringify(example))
    expect(feed.producer).toBe('ORGNAME')
    expect(feed.indicators).toEqual([
      { kind: 'url', value: 'http://fake.website.com/malware/is/here', firstSeen: '2016-06-11T21:41:44.000Z', lastSeen: '2016-06-11T21:41:44.000Z', families: [], confidence: 50, tlp: 'amber+strict' },
    ])
    expect(feed.rejected).toEqual([{ at: 'Attribute[1]', reason: "type 'text' is not a kind of indicator Vetting Desk reads" }])
  })

  it('reads a list of events as PyMISP search() returns it', () => {
    const feed = parseMisp([{ Event: foreign }, 7, { info: 'second', date: '2026-01-01', Attribute: [{ type: 'ip-src', value: '192.0.2.9', distribution: 0 }] }])
    expect(feed.indicators).toHaveLength(7)
    expect(feed.indicators[6]).toMatchObject({ value: '192.0.2.9', tlp: 'amber+strict' })
    expect(feed.rejected[0]!.at).toBe('[0].Attribute[4]')
  })

  it('defaults an unmarked event to AMBER and confidence 50, and ignores a hashed value that is not an HMAC', () => {
    const feed = parseMisp({
      Event: {
        date: '2026-01-01',
        Attribute: [
          { type: 'ip-src', value: '192.0.2.1' },
          { type: 'anonymised', value: 'abc', Tag: [{ name: 'vetting-desk:hmac-sha256="phone"' }] },
          { type: 'text', value: 'ab'.repeat(32), Tag: [{ name: 'vetting-desk:hmac-sha256="email"' }] },
        ],
      },
    })
    expect(feed.indicators).toEqual([
      { kind: 'ip', value: '192.0.2.1', firstSeen: '2026-01-01T00:00:00.000Z', lastSeen: '2026-01-01T00:00:00.000Z', families: [], confidence: 50, tlp: 'amber' },
      { kind: 'email', value: 'ab'.repeat(32), hashed: true, firstSeen: '2026-01-01T00:00:00.000Z', lastSeen: '2026-01-01T00:00:00.000Z', families: [], confidence: 50, tlp: 'amber' },
    ])
    expect(feed.rejected).toEqual([{ at: 'Attribute[1]', reason: "hashed phone 'abc' is not an HMAC-SHA256 (64 hex characters)" }])
  })

  it('says what is wrong with a file that is not a MISP event', () => {
    expect(parseMisp('{not json').rejected).toEqual([{ at: 'file', reason: 'the file is not JSON' }])
    expect(parseMisp({ hello: 1 }).rejected[0]!.reason).toMatch(/no MISP event found/)
    expect(parseMisp(null).indicators).toEqual([])
    expect(parseMisp({ Event: { Attribute: [{ type: 'ip-src', value: '192.0.2.1' }] } }).rejected).toEqual([{ at: 'Attribute[0]', reason: 'no first_seen, timestamp or event date' }])
  })

  it(`stops at ${MAX_MISP_ATTRIBUTES.toLocaleString('en-GB')} attributes and says so`, () => {
    const Attribute = Array.from({ length: MAX_MISP_ATTRIBUTES + 2 }, (_, i) => ({ type: 'ip-src', value: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}` }))
    const feed = parseMisp({ Event: { date: '2026-01-01', Attribute } })
    expect(feed.indicators).toHaveLength(MAX_MISP_ATTRIBUTES)
    expect(feed.rejected).toEqual([{ at: `Attribute[${MAX_MISP_ATTRIBUTES}]`, reason: 'more than 100,000 attributes: this one and the rest were not read' }])
  })

  it('never throws on hostile input (fast-check)', () => {
    const exported = toMispEvent(INDICATORS, OPTS)
    const attribute = fc.record(
      {
        type: fc.oneof(fc.constantFrom('email-src', 'phone-number', 'btc', 'iban', 'ip-src', 'ip-dst|port', 'text', 'anonymised', 'github-username', 'url'), fc.string()),
        value: fc.oneof(fc.string(), fc.constantFrom('+14155550100', 'a@b.co', '__proto__'), fc.anything()),
        Tag: fc.array(fc.record({ name: fc.oneof(fc.string(), fc.constantFrom('tlp:red', 'vetting-desk:hmac-sha256="phone"', 'vetting-desk:kind="constructor"', 'tlp:white')) })),
        first_seen: fc.oneof(fc.string(), fc.integer(), fc.constant(null)),
        deleted: fc.anything(),
      },
      { requiredKeys: [] },
    )
    const event = fc.record({ Event: fc.record({ date: fc.anything(), Tag: fc.anything(), Attribute: fc.oneof(fc.array(attribute), fc.anything()), Object: fc.anything(), Orgc: fc.anything() }, { requiredKeys: [] }) })
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.json(), event, event.map(e => JSON.stringify(e))), input => {
        const feed = parseMisp(input)
        expect(Array.isArray(feed.indicators)).toBe(true)
        for (const i of feed.indicators) expect(typeof i.value).toBe('string')
        // The catch-all in parseMisp is for objects with throwing getters; JSON reaching it is a bug.
        expect(feed.rejected.map(r => r.reason)).not.toContain('the event could not be read')
      }),
      { numRuns: 400 },
    )
    // Byte mutations of a real export: truncations and flipped characters.
    const text = JSON.stringify(exported)
    fc.assert(
      fc.property(fc.nat(text.length), fc.string({ maxLength: 3 }), (at, insert) => {
        expect(parseMisp(text.slice(0, at) + insert + text.slice(at + 1)).rejected.map(r => r.reason)).not.toContain('the event could not be read')
      }),
      { numRuns: 200 },
    )
  })
})
