import fs from 'node:fs'
import path from 'node:path'
import { parse } from 'csv-parse/sync'
import { scoreNames } from '../domain/names'
import { runKoreanNameBench, type KoreanBenchResult } from './koreanNameBench'

/** Our name comparator beside OpenSanctions' logic-v2 on name_bench, on the pairs both files share. */
export interface Tally {
  f1: number
  tp: number
  fp: number
  fn: number
  tn: number
}
export interface NameBenchResult {
  pairs: number
  ours: Record<'all' | 'Person' | 'Company', Tally>
  theirs: Record<'all' | 'Person' | 'Company', Tally>
  strong: { ours: number; theirs: number; total: number }
  /** Korean names from the published romanisation tables (tests/fixtures/names), when the fixture is there */
  korean?: KoreanBenchResult
}

const tally = (rows: Array<{ truth: boolean; pred: boolean }>): Tally => {
  const tp = rows.filter(r => r.truth && r.pred).length
  const fp = rows.filter(r => !r.truth && r.pred).length
  const fn = rows.filter(r => r.truth && !r.pred).length
  return { f1: (2 * tp) / Math.max(1, 2 * tp + fp + fn), tp, fp, fn, tn: rows.length - tp - fp - fn }
}

export function nameBenchDir(): string {
  return path.join(__dirname, '..', '..', '..', 'shared', 'benchmarks', 'name_bench')
}

export function runNameBench(dir = nameBenchDir()): NameBenchResult | null {
  const file = path.join(dir, 'logicv2-frozen.csv')
  if (!fs.existsSync(file)) return null
  const rows = parse(fs.readFileSync(file), { columns: true }) as Array<Record<string, string>>
  const scored = rows.map(r => ({ r, truth: r.is_match === 'true', ours: scoreNames(r.name1 ?? '', r.name2 ?? '', r.schema ?? 'Person').match, theirs: r.predicted_match === 'true' }))
  const split = (pick: 'ours' | 'theirs') => {
    const of = (filter: (s: (typeof scored)[number]) => boolean) => tally(scored.filter(filter).map(s => ({ truth: s.truth, pred: s[pick] })))
    return { all: of(() => true), Person: of(s => s.r.schema === 'Person'), Company: of(s => s.r.schema === 'Company') }
  }
  const strong = scored.filter(s => s.r.quality === 'STRONG')
  let korean: KoreanBenchResult | undefined
  try {
    korean = runKoreanNameBench()
  } catch {
    korean = undefined
  }
  return { pairs: rows.length, ours: split('ours'), theirs: split('theirs'), strong: { ours: strong.filter(s => s.ours === s.truth).length, theirs: strong.filter(s => s.theirs === s.truth).length, total: strong.length }, ...(korean ? { korean } : {}) }
}

export function formatNameBench(r: NameBenchResult): string {
  const row = (k: 'all' | 'Person' | 'Company') => `| ${k} | ${r.ours[k].f1.toFixed(3)} (TP ${r.ours[k].tp}, FP ${r.ours[k].fp}, FN ${r.ours[k].fn}) | ${r.theirs[k].f1.toFixed(3)} (TP ${r.theirs[k].tp}, FP ${r.theirs[k].fp}, FN ${r.theirs[k].fn}) |`
  return [
    '## Names: our comparator beside OpenSanctions logic-v2 (name_bench)',
    '',
    `${r.pairs} pairs both files share. Our threshold (0.88) was set before measuring; the comparator's rules were revised after reading the kinds of pairs it missed (legal forms written out, number words, acronyms, nicknames, fuller forms of a name), never by adding the benchmark's names.`,
    '',
    '| schema | ours F1 | logic-v2 F1 |',
    '| --- | --: | --: |',
    row('all'),
    row('Person'),
    row('Company'),
    '',
    `STRONG pairs right: ours ${r.strong.ours}/${r.strong.total}, logic-v2 ${r.strong.theirs}/${r.strong.total}.`,
    '',
    ...(r.korean
      ? [
          '### Korean names from the RR, MR and Yale tables (tests/fixtures/names)',
          '',
          `Same name, two spellings (Hangul, RR, MR, MR typed without breves, Yale, common spellings): ${r.korean.same.right} of ${r.korean.same.pairs} right.`,
          `Different people one syllable apart: ${r.korean.different.falseMatches} false matches in ${r.korean.different.pairs} (${r.korean.different.withHangul.falseMatches} in ${r.korean.different.withHangul.pairs} with a Hangul side); pairs the tables' own spellings cannot tell apart: ${r.korean.ambiguous.falseMatches} of ${r.korean.ambiguous.pairs} matched.`,
          '',
        ]
      : []),
  ].join('\n')
}
