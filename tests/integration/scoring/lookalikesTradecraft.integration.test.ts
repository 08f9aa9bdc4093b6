import fs from 'node:fs'
import path from 'node:path'
import { scorePaths } from '../../../src/cli/scoreCommand'
import { RULES } from '../../../src/rules/registry'

/**
 * Issue 14 part 3: honest look-alikes (two or three innocently explained signals) stay below "high";
 * tradecraft reconstructed from public indictments and advisories (tests/fixtures/tradecraft/README.md)
 * reaches "high" or above. Scored in-process with the same code as `vet score`, on the current rule set.
 */
const FIXTURES = path.join(__dirname, '..', '..', 'fixtures')
const score = async (dir: string) => {
  // The applications only (their access logs are referenced from them); the README is not a resume.
  const files = fs.readdirSync(path.join(FIXTURES, dir)).filter(f => f.endsWith('.json')).map(f => path.join(FIXTURES, dir, f))
  const { lines, errors } = await scorePaths(files, { asOf: new Date('2026-10-30T12:00:00Z'), rules: RULES })
  expect(errors).toEqual([])
  return lines
}

describe('the score weighs independent evidence', () => {
  it('keeps every honest look-alike below high', async () => {
    const lines = await score('lookalikes')
    expect(lines.length).toBe(12)
    const high = lines.filter(l => l.band === 'high' || l.band === 'critical').map(l => `${l.id} ${l.score}`)
    expect(high).toEqual([])
    // The three measured on independent data (issue 14): agency payee + Google Voice, own LLC + office, moving + camera failure.
    for (const id of ['LA-01-agency-voip', 'LA-02-own-llc-office', 'LA-03-moving-camera']) expect(lines.find(l => l.id === id)!.score).toBeLessThan(50)
  })

  it('lifts every tradecraft case to high or above', async () => {
    const lines = await score('tradecraft')
    expect(lines.length).toBe(12)
    const below = lines.filter(l => l.band === 'low' || l.band === 'elevated').map(l => `${l.id} ${l.score}`)
    expect(below).toEqual([])
  })
})
