import fs from 'node:fs'
import path from 'node:path'
import { applicationJsonSchema, jsonDepth, parseApplication } from './applicationFormat'
import { applicationFromJsonResume, isJsonResume, jsonResumeSchema } from './jsonResume'

const SHARED = path.join(__dirname, '..', '..', '..', 'shared')
const examples = fs.existsSync(path.join(SHARED, 'formats', 'examples')) ? fs.readdirSync(path.join(SHARED, 'formats', 'examples')).filter(f => f.endsWith('.json')) : []
const itWithShared = examples.length ? it.each(examples) : it.skip.each(['(../shared absent)'])

describe('application format', () => {
  itWithShared('accepts the shared example %s', file => {
    const json = JSON.parse(fs.readFileSync(path.join(SHARED, 'formats', 'examples', file), 'utf8'))
    const result = parseApplication(json)
    expect(result).toMatchObject({ ok: true })
  })

  it('keeps unknown fields at every level', () => {
    const result = parseApplication({ format: 'vetting/application@1', x_ats: { stage: 3 }, person: { full_name: 'A B', pronouns: 'they' } })
    expect(result.ok && result.value).toMatchObject({ x_ats: { stage: 3 }, person: { pronouns: 'they' } })
  })

  it.each([
    [{ format: 'something/else' }, 'format: must be "vetting/application@1"'],
    [{ format: 'vetting/application@1', kind: 'employee' }, 'kind: must be one of "candidate", "contractor"'],
    [{ format: 'vetting/application@1', person: { full_name: 'x'.repeat(3_000_000) } }, 'person.full_name: must be at most 200 characters'],
    [{ format: 'vetting/application@1', profiles: [{ network: 'github', followers: 'many' }] }, 'profiles[0].followers: should be a number'],
    [{ format: 'vetting/application@1', submitted_at: 'last tuesday' }, 'submitted_at: must be a date'],
    [[1, 2], 'the file: should be an object'],
  ])('names the field that is wrong (%#)', (input, message) => {
    const result = parseApplication(input)
    expect(result.ok).toBe(false)
    expect(!result.ok && result.problems.join('\n')).toContain(message)
  })

  it('measures depth without recursion', () => {
    let deep: unknown = 1
    for (let i = 0; i < 200_000; i++) deep = [deep]
    expect(jsonDepth(deep, 64)).toBe(65)
    expect(jsonDepth({ a: [{ b: 1 }] })).toBe(3)
  })

  it('publishes a JSON Schema', () => {
    const schema = applicationJsonSchema()
    expect(schema).toMatchObject({ title: 'vetting/application@1', type: 'object', required: ['format'] })
    expect(JSON.stringify(schema)).toContain('phone_line_type')
  })
})

describe('JSON Resume', () => {
  const samplePath = path.join(SHARED, 'benchmarks', 'jsonresume', 'sample.resume.json')
  const withSample = fs.existsSync(samplePath) ? it : it.skip

  withSample('reads the shared JSON Resume sample as an application', () => {
    const raw = JSON.parse(fs.readFileSync(samplePath, 'utf8'))
    expect(isJsonResume(raw)).toBe(true)
    const parsed = jsonResumeSchema.parse(raw)
    const app = applicationFromJsonResume(parsed)
    expect(app.person?.full_name).toBe(raw.basics.name)
    expect(parseApplication(app)).toMatchObject({ ok: true })
  })

  it('maps basics to the person and profiles', () => {
    const app = applicationFromJsonResume(
      jsonResumeSchema.parse({ basics: { name: 'Ana Silva', email: 'ana@example.pt', location: { city: 'Porto', countryCode: 'pt' }, profiles: [{ network: 'GitHub', username: 'anas', url: 'https://github.com/anas' }] } }),
    )
    expect(app.person).toMatchObject({ full_name: 'Ana Silva', email: 'ana@example.pt', address: { city: 'Porto', country: 'PT' } })
    expect(app.profiles).toEqual([{ network: 'github', username: 'anas', url: 'https://github.com/anas' }])
  })
})
