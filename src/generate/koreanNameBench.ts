import fs from 'node:fs'
import path from 'node:path'
import { parse } from 'csv-parse/sync'
import { koreanReadings, sameKoreanName } from '../domain/koreanNames'
import { scoreNames } from '../domain/names'

/**
 * Korean names written in the published romanisation standards, compared. The syllable table
 * (tests/fixtures/names/korean-syllables.csv) gives each syllable as Hangul, in Revised Romanization (the
 * 2000 standard of South Korea's Ministry of Culture and Tourism / National Institute of Korean Language),
 * in McCune–Reischauer (1939; the initial forms of its table, with breves and apostrophes), in Yale (Martin
 * 1942: its jamo table applied letter for letter, ㅜ as "u" after labials) and in the
 * spellings people commonly choose (marked * when only a family name is spelt so, as "Park", "Ahn"). Made-up names are put together from those syllables, so each side of
 * a pair is a standard's own spelling of the same name, never our output; near-misses
 * (korean-near-misses.csv) swap one syllable for a look-alike one, so the two names are different people.
 */
export interface SyllableRow {
  hangul: string
  rr: string
  mr: string
  common: string[]
  yale: string
  /** a family name (the table's first rows) or a given-name syllable */
  family: boolean
}
export interface KoreanBenchResult {
  same: { pairs: number; right: number; missed: string[] }
  /** different people, one syllable apart, in RR on both sides or in Hangul on one */
  different: { pairs: number; falseMatches: number; matched: string[]; withHangul: { pairs: number; falseMatches: number } }
  /** near-misses the table's own spellings cannot tell apart (MR typed without breves writes 서 "so" as RR writes 소;
   * the common "sun" for 선 is RR's 순): reported apart, since no comparison can */
  ambiguous: { pairs: number; falseMatches: number }
}

export function fixtureDir(): string {
  return path.join(__dirname, '..', '..', 'tests', 'fixtures', 'names')
}

const cap = (s: string) => (s ? s[0]!.toUpperCase() + s.slice(1) : s)
const plain = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/'/g, '')

export function loadSyllables(dir = fixtureDir()): SyllableRow[] {
  const rows = parse(fs.readFileSync(path.join(dir, 'korean-syllables.csv')), { columns: true }) as Array<Record<string, string>>
  return rows.map(r => ({ hangul: r.hangul!, rr: r.rr!, mr: r.mr!, common: r.common!.split('/'), yale: r.yale ?? '', family: r.role !== 'given' }))
}

/** One made-up name (family, given, given) in every way the standards and people write it. */
function renderings(f: SyllableRow, g1: SyllableRow, g2: SyllableRow, variant: number) {
  // Spellings marked * are family names' own ("Park", "Ahn", "Lee"): a given syllable takes the first other one, or RR.
  const family = (r: SyllableRow) => r.common[variant % r.common.length]!.replace('*', '')
  const given = (r: SyllableRow) => r.common.find(c => !c.startsWith('*')) ?? r.rr
  return {
    hangul: f.hangul + g1.hangul + g2.hangul,
    rr: `${cap(f.rr)} ${cap(g1.rr)}${g2.rr}`,
    rrHyphen: `${cap(f.rr)} ${cap(g1.rr)}-${g2.rr}`,
    mr: `${cap(f.mr)} ${cap(g1.mr)}-${g2.mr}`,
    mrTyped: plain(`${cap(f.mr)} ${cap(g1.mr)}-${g2.mr}`),
    common: `${cap(given(g1))}${given(g2)} ${cap(family(f))}`,
    upper: plain(`${f.mr} ${g1.mr} ${g2.mr}`).toUpperCase(),
    yale: `${cap(f.yale)} ${cap(g1.yale)}${g2.yale}`,
    yaleLast: `${cap(g1.yale)}-${g2.yale} ${cap(f.yale)}`,
  }
}
const SAME_PAIRS: Array<[keyof ReturnType<typeof renderings>, keyof ReturnType<typeof renderings>]> = [
  ['hangul', 'rr'], ['hangul', 'mr'], ['hangul', 'common'], ['rr', 'mr'], ['rr', 'mrTyped'], ['rr', 'common'], ['mr', 'common'], ['mrTyped', 'common'], ['rrHyphen', 'upper'],
  ['hangul', 'yale'], ['rr', 'yale'], ['mrTyped', 'yaleLast'],
]

export type PairComparator = (a: string, b: string) => boolean
export const comparatorMatch: PairComparator = (a, b) => scoreNames(a, b, 'Person').match
export const syllableMatch: PairComparator = (a, b) => sameKoreanName(koreanReadings(a), koreanReadings(b))

export function runKoreanNameBench(same: PairComparator = comparatorMatch, dir = fixtureDir()): KoreanBenchResult {
  const rows = loadSyllables(dir)
  const n = rows.length
  const result: KoreanBenchResult = { same: { pairs: 0, right: 0, missed: [] }, different: { pairs: 0, falseMatches: 0, matched: [], withHangul: { pairs: 0, falseMatches: 0 } }, ambiguous: { pairs: 0, falseMatches: 0 } }
  rows.forEach((f, i) => {
    const r = renderings(f, rows[(i * 7 + 3) % n]!, rows[(i * 13 + 5) % n]!, i)
    for (const [x, y] of SAME_PAIRS) {
      result.same.pairs++
      if (same(r[x], r[y])) result.same.right++
      else result.same.missed.push(`${r[x]} | ${r[y]}`)
    }
  })
  const byHangul = new Map(rows.map(r => [r.hangul, r]))
  const families = rows.filter(r => r.family)
  const misses = parse(fs.readFileSync(path.join(dir, 'korean-near-misses.csv')), { columns: true }) as Array<Record<string, string>>
  misses.forEach((m, k) => {
    const a = byHangul.get(m.a!)
    const b = byHangul.get(m.b!)
    if (!a || !b) throw new Error(`korean-near-misses.csv: ${m.a} or ${m.b} is not in korean-syllables.csv`)
    const spellings = (r: SyllableRow) => new Set([r.rr, plain(r.mr), ...r.common.map(c => c.replace('*', ''))])
    const sa = spellings(a)
    const ambiguous = [...spellings(b)].some(x => sa.has(x))
    // The look-alike syllable as family name (when both are family names: no one is called "Gwang" as a
    // family name), then as first given syllable after a family name, in five made-up contexts.
    for (let c = 0; c < 5; c++) {
      const f = families[(k * 11 + c * 17 + 1) % families.length]!
      const g1 = rows[(k * 11 + c * 17 + 1) % n]!
      const g2 = rows[(k * 5 + c * 23 + 2) % n]!
      const asFamily = [renderings(a, g1, g2, 0), renderings(b, g1, g2, 0)] as const
      const asGiven = [renderings(f, a, g2, 0), renderings(f, b, g2, 0)] as const
      for (const [x, y] of a.family && b.family ? [asFamily, asGiven] : [asGiven]) {
        for (const [p, q] of [[x.rr, y.rr], [x.hangul, y.rr], [x.rr, y.hangul], [x.rrHyphen, y.rrHyphen], [x.yale, y.yale]] as const) {
          const matched = same(p, q)
          if (ambiguous) {
            result.ambiguous.pairs++
            if (matched) result.ambiguous.falseMatches++
          } else {
            result.different.pairs++
            const hangul = /[\uac00-\ud7a3]/u.test(p + q)
            if (hangul) result.different.withHangul.pairs++
            if (matched && hangul) result.different.withHangul.falseMatches++
            if (matched) {
              result.different.falseMatches++
              result.different.matched.push(`${p} | ${q}`)
            }
          }
        }
      }
    }
  })
  return result
}
