import fs from 'node:fs'
import path from 'node:path'
import { LIKELIHOOD_RATIOS } from '../scoring/likelihoodRatios'
import { RULES } from './registry'
import type { Rule } from './types'

const DIR = __dirname
const ruleFiles = fs.readdirSync(DIR).filter(f => /^[a-z]+(-[a-z0-9]+)+\.ts$/.test(f) && !f.endsWith('.test.ts'))

// ESLint's checkRuleFiles, for us: a rule cannot land without its metadata, sources, tests, registry entry and weight.
describe('rule registry', () => {
  it('lists every rule file, and only those', () => {
    expect(RULES.map(r => `${r.meta.id}.ts`).sort()).toEqual(ruleFiles.sort())
  })

  it.each(RULES.map(r => [r.meta.id, r] as [string, Rule]))('%s is complete', (id, rule) => {
    const m = rule.meta
    expect(id).toMatch(/^[a-z]+(-[a-z0-9]+)+$/)
    expect(id.split('-')[0]).toBe(m.category)
    expect(Number.isInteger(m.version) && m.version >= 1).toBe(true)
    for (const text of [m.title, m.rationale]) expect(text.length).toBeGreaterThan(10)
    expect(m.sources.length).toBeGreaterThan(0)
    for (const s of m.sources) expect(s).toMatch(/^[GVLD]\d+/)
    expect(m.indicators.length).toBeGreaterThan(0)
    expect(m.requires.length).toBeGreaterThan(0)
    expect(m.knownFalsePositives.length).toBeGreaterThan(0)
    expect(m.checklist.length).toBeGreaterThan(0)
    expect(fs.existsSync(path.join(DIR, `${id}.test.ts`))).toBe(true)
    expect(LIKELIHOOD_RATIOS[id]).toMatchObject({ lr: expect.any(Number), family: expect.any(String) })
    // What it declares it reads must not be a protected attribute either (INDICATORS.md §3).
    for (const input of m.requires) expect(input).not.toMatch(/citizenship|nationality|ethnicity|education|university|school|gender|birth|\bage\b|language|religion/i)
  })

  it('never reads a protected attribute (INDICATORS.md §3)', () => {
    // Every source file here, helpers included. One exception, stated: the sanctions screening passes a
    // date of birth to be compared for equality with a list entry's (corroboration), never as an age.
    const allowed: Record<string, RegExp> = { 'sanctionsScreening.ts': /\bdateOfBirth\b|\bbirthDate\b/g }
    const sources = fs.readdirSync(DIR).filter(f => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'caseFacts.ts' && f !== 'ruleTestKit.ts')
    expect(sources.length).toBeGreaterThan(ruleFiles.length)
    for (const f of sources) {
      // Code only: comments and string literals (titles, rationales) may name these things to say they are not used.
      const code = fs
        .readFileSync(path.join(DIR, f), 'utf8')
        .replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, '')
        .replace(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g, "''")
        .replace(allowed[f] ?? /$^/g, '')
      expect(code).not.toMatch(/\b(citizenship|nationality|ethnicity|education|university|school|gender|birth\w*|age|language|religion)\b/i)
    }
  })
})
