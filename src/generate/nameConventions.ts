import fs from 'node:fs'
import path from 'node:path'
import { parse } from 'csv-parse/sync'
import { samePersonName } from '../domain/samePersonNames'

/**
 * Fairness by name-writing convention: how often the same-person check (the one identity-name-mismatch
 * and payment-payee-name-mismatch use) takes one person's own name, written another way, for someone
 * else's (a false positive: the rule would raise a finding against an honest person), per convention
 * (joined/split given names, order, script, romanisation, initials, maternal/middle names, case,
 * legal/preferred name), and how often it takes two different people's names, one part apart, for one.
 *
 * The pairs (tests/fixtures/names/own-name-variants.csv) are written from public name lists and the
 * published romanisation standards, not by our generator; see tests/fixtures/names/README.md.
 */
export interface ConventionPair {
  convention: string
  /** true: one person's name written two ways; false: two different people */
  same: boolean
  a: string
  b: string
}

export interface ConventionRate {
  convention: string
  honest: number
  /** honest pairs the check takes for two people */
  flagged: number
  falsePositiveRate: number
  different: number
  /** pairs of different people the check takes for one */
  falseMatches: number
  falseMatchRate: number
  flaggedPairs: string[]
  matchedPairs: string[]
}

export type SamePersonCheck = (a: string, b: string) => boolean

export const samePersonCheck: SamePersonCheck = (a, b) => samePersonName(a, b).same

export function conventionFixture(): string {
  return path.join(__dirname, '..', '..', 'tests', 'fixtures', 'names', 'own-name-variants.csv')
}

/** A table under tests/fixtures/names, as rows of named columns. */
export function loadNameTable(file: string): Array<Record<string, string>> {
  return parse(fs.readFileSync(path.join(path.dirname(conventionFixture()), file)), { columns: true }) as Array<Record<string, string>>
}

export function loadConventionPairs(file = conventionFixture()): ConventionPair[] {
  const rows = parse(fs.readFileSync(file), { columns: true }) as Array<Record<string, string>>
  return rows.map(r => ({ convention: r.convention!, same: r.same === 'true', a: r.a!, b: r.b! }))
}

/** The false-positive rate of the check on honest pairs, and its false-match rate on different people, per convention (in first-seen order), plus "all". */
export function rateByConvention(pairs: ConventionPair[], check: SamePersonCheck = samePersonCheck): ConventionRate[] {
  const order = [...new Set(pairs.map(p => p.convention))]
  const rate = (convention: string, of: ConventionPair[]): ConventionRate => {
    const honest = of.filter(p => p.same)
    const different = of.filter(p => !p.same)
    const flaggedPairs = honest.filter(p => !check(p.a, p.b)).map(p => `${p.a} | ${p.b}`)
    const matchedPairs = different.filter(p => check(p.a, p.b)).map(p => `${p.a} | ${p.b}`)
    return {
      convention,
      honest: honest.length,
      flagged: flaggedPairs.length,
      falsePositiveRate: honest.length ? flaggedPairs.length / honest.length : 0,
      different: different.length,
      falseMatches: matchedPairs.length,
      falseMatchRate: different.length ? matchedPairs.length / different.length : 0,
      flaggedPairs,
      matchedPairs,
    }
  }
  const rows = order.map(c => rate(c, pairs.filter(p => p.convention === c)))
  return [...rows, rate('all', pairs)]
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`

export function formatConventions(rates: ConventionRate[], source?: { title: string; about: string }): string {
  const out = [
    source ? `## ${source.title}` : '## Fairness by name-writing convention',
    '',
    source?.about ??
      'The same-person check used by identity-name-mismatch and payment-payee-name-mismatch, on one person’s own name written another way (a flag there is a false positive against an honest person) and on two different people’s names one part apart (a match there is a missed mismatch). Pairs: tests/fixtures/names/own-name-variants.csv, written from public name lists and the published romanisation standards (not from our generator); few pairs per convention, so one pair moves a rate a lot.',
    '',
    '| convention | honest pairs | flagged (false-positive rate) | different people | taken for one |',
    '| --- | --: | --: | --: | --: |',
  ]
  for (const r of rates) out.push(`| ${r.convention} | ${r.honest} | ${r.flagged} (${pct(r.falsePositiveRate)}) | ${r.different} | ${r.falseMatches} (${pct(r.falseMatchRate)}) |`)
  const flagged = rates.filter(r => r.convention !== 'all').flatMap(r => r.flaggedPairs)
  const matched = rates.filter(r => r.convention !== 'all').flatMap(r => r.matchedPairs)
  if (flagged.length) out.push('', `Honest pairs still flagged: ${flagged.map(p => `"${p}"`).join('; ')}.`)
  if (matched.length) out.push('', `Different people taken for one: ${matched.map(p => `"${p}"`).join('; ')}.`)
  out.push('')
  return out.join('\n')
}
