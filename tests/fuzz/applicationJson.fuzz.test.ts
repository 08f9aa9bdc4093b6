import fc from 'fast-check'
import { APPLICATION_FORMAT, parseApplication } from '../../src/ingest/applicationFormat'
import { applicationFromJsonResume, isJsonResume, jsonResumeSchema } from '../../src/ingest/jsonResume'
import { parseJsonFile } from '../../src/ingest/readJson'
import { syntheticApplications } from '../support/population'
import { anyBytes, exampleFiles, expectClearMessage, mutatedBytes, mutatedJson, params, runs, withinBudget } from './fuzzSupport'

/**
 * Application JSON and JSON Resume readers, fed arbitrary bytes and edited copies of valid files: each
 * call returns (never throws) within its budget, and either an application in our format or problems
 * that say what is wrong.
 */
const BUDGET_MS = 2000

const builtIn = syntheticApplications(3).files.filter(f => f.path.endsWith('.json')).map(f => f.data)
const RESUME = {
  basics: { name: 'Ana Silva', email: 'ana@example.pt', phone: '+351 912 345 678', location: { address: 'Rua A 1', city: 'Porto', countryCode: 'pt' }, profiles: [{ network: 'GitHub', username: 'anas', url: 'https://github.com/anas' }] },
  work: [{ name: 'Firm', position: 'Engineer', startDate: '2019-01', endDate: '2021-02', summary: 'Built things.' }],
  education: [{ institution: 'U Porto', area: 'CS', studyType: 'BSc', startDate: '2013', endDate: '2017' }],
  skills: [{ name: 'Backend', keywords: ['Go', 'SQL'] }],
}
const seedBuffers = [...exampleFiles(n => n.endsWith('.json')).map(f => f.data), ...builtIn, Buffer.from(JSON.stringify(RESUME)), Buffer.from(JSON.stringify({ format: APPLICATION_FORMAT, resume: RESUME }))]
const seedValues = seedBuffers.map(b => JSON.parse(b.toString('utf8')) as unknown)

/** What parseJsonFile promises: ok with an application our own schema accepts, or non-empty problems. */
function checkJsonFile(data: Buffer): void {
  const result = withinBudget(BUDGET_MS, () => parseJsonFile(data))
  // "__proto__" keys in the file must neither pollute Object.prototype nor change the application's prototype.
  expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  if (result.ok) {
    expect(Object.getPrototypeOf(result.value.application)).toBe(Object.prototype)
    expect(result.value.application.format).toBe(APPLICATION_FORMAT)
    // A JSON Resume is wrapped as an application: the wrapper must itself be a valid one.
    const again = parseApplication(result.value.application)
    if (!again.ok) throw new Error(`accepted ${result.value.kind}, but the application it became is invalid: ${again.problems.join('; ')}`)
  } else {
    expect(result.problems.length).toBeGreaterThan(0)
    result.problems.forEach(expectClearMessage)
  }
}

describe('fuzz: application JSON (readJson, applicationFormat)', () => {
  it('reads or rejects arbitrary bytes', () => {
    fc.assert(fc.property(anyBytes(2048), checkJsonFile), params(runs(300)))
  })

  it('reads or rejects arbitrary JSON values', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), value => checkJsonFile(Buffer.from(JSON.stringify(value) ?? 'null'))),
      params(runs(300)),
    )
  })

  it('reads or rejects byte-level mutations of valid files', () => {
    fc.assert(fc.property(mutatedBytes(seedBuffers), checkJsonFile), params(runs(400)))
  })

  it('reads or rejects structure-aware edits of valid files, in UTF-8 and UTF-16', () => {
    fc.assert(
      fc.property(mutatedJson(seedValues), fc.constantFrom('utf-8', 'utf-16le', 'utf-16be'), (value, encoding) => {
        const text = JSON.stringify(value) ?? 'null'
        const data =
          encoding === 'utf-8'
            ? Buffer.from(text)
            : encoding === 'utf-16le'
              ? Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])
              : Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()])
        checkJsonFile(data)
      }),
      params(runs(500)),
    )
  })

  it('parseApplication never throws on any value and names the field', () => {
    fc.assert(
      fc.property(mutatedJson(seedValues), value => {
        const result = withinBudget(BUDGET_MS, () => parseApplication(value))
        if (!result.ok) result.problems.forEach(p => expect(p).toMatch(/^.+: .+/))
      }),
      params(runs(400)),
    )
  })

  it('"__proto__" in a file changes no prototype', () => {
    for (const text of ['{"format":"vetting/application@1","__proto__":{"polluted":1},"person":{"__proto__":{"polluted":1}}}', '{"basics":{"name":"A","__proto__":{"polluted":1}},"__proto__":{"polluted":1}}']) {
      checkJsonFile(Buffer.from(text))
      const result = parseJsonFile(Buffer.from(text))
      expect(result.ok && (result.value.application as Record<string, unknown>).polluted).toBeFalsy()
    }
  })

  it('refuses JSON nested deeper than the limit, quickly, however deep', () => {
    fc.assert(
      fc.property(fc.integer({ min: 65, max: 100_000 }), fc.constantFrom('[', '{"a":'), (depth, open) => {
        const close = open === '[' ? ']' : '}'
        const data = Buffer.from(`${open.repeat(depth)}1${close.repeat(depth)}`)
        const result = withinBudget(BUDGET_MS, () => parseJsonFile(data))
        expect(result.ok).toBe(false)
        expect(!result.ok && result.problems[0]).toMatch(/nested more than 64 levels|not valid JSON/)
      }),
      params(runs(20)),
    )
  })
})

describe('fuzz: JSON Resume (jsonResume)', () => {
  const resumeSeeds = seedValues.filter(isJsonResume)

  it('a standalone resume that passes its schema becomes an application our schema accepts', () => {
    fc.assert(
      fc.property(mutatedJson(resumeSeeds), value => {
        if (!isJsonResume(value)) return
        const parsed = withinBudget(BUDGET_MS, () => jsonResumeSchema.safeParse(value))
        if (!parsed.success) return
        const app = applicationFromJsonResume(parsed.data)
        const again = parseApplication(app)
        if (!again.ok) throw new Error(`the wrapped resume is not a valid application: ${again.problems.join('; ')}`)
      }),
      params(runs(500)),
    )
  })

  it('resume fields at their documented maximum lengths still make a valid application', () => {
    // Full Unicode: some letters change length when their case changes ("ß" → "SS", "İ" → "i̇").
    const atMax = (n: number) => fc.oneof(fc.string({ minLength: n, maxLength: n, unit: 'grapheme-ascii' }), fc.string({ minLength: n, maxLength: n, unit: fc.constantFrom('ß', 'İ', 'a', 'ﬃ') }))
    fc.assert(
      fc.property(atMax(60), atMax(300), fc.string({ maxLength: 2, unit: fc.constantFrom('ß', 'ŉ', 'p', 't') }), (network, address, countryCode) => {
        const parsed = jsonResumeSchema.parse({ basics: { name: 'A', location: { address, countryCode }, profiles: [{ network, url: 'https://example.org/a' }] } })
        const again = parseApplication(applicationFromJsonResume(parsed))
        if (!again.ok) throw new Error(again.problems.join('; '))
      }),
      params(runs(50)),
    )
  })

  // Counterexamples the fuzz found: the resume schema allowed longer text than the application it became.
  it.each([
    ['a 60-character network', { profiles: [{ network: 'n'.repeat(60), url: 'https://example.org/a' }] }],
    ['a 41-character network that lower-cases longer', { profiles: [{ network: 'İ'.repeat(40), url: 'https://example.org/a' }] }],
    ['a 300-character address', { location: { address: 'a'.repeat(300) } }],
    ['a country code that upper-cases to four letters', { location: { countryCode: 'ßß' } }],
  ])('regression: %s', (_, basics) => {
    const result = parseJsonFile(Buffer.from(JSON.stringify({ basics: { name: 'Ana Silva', ...basics } })))
    expect(result.ok).toBe(true)
    expect(result.ok && parseApplication(result.value.application).ok).toBe(true)
  })
})
