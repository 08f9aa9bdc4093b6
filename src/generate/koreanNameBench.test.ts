import { samePersonName } from '../domain/samePersonNames'
import { comparatorMatch, loadSyllables, runKoreanNameBench, syllableMatch } from './koreanNameBench'
import { loadNameTable } from './nameConventions'

describe('Korean names from the published romanisation tables', () => {
  it('has a table covering every vowel of RR and MR', () => {
    const rows = loadSyllables()
    expect(rows.length).toBeGreaterThanOrEqual(90)
    for (const v of ['eo', 'eu', 'ae', 'oe', 'wi', 'ui', 'yeo', 'ye', 'wa', 'wo', 'yu', 'yo']) expect(rows.some(r => r.rr.includes(v))).toBe(true)
    expect(rows.some(r => /ŏ/.test(r.mr)) && rows.some(r => /ŭ/.test(r.mr)) && rows.some(r => r.mr.includes("'"))).toBe(true)
  })

  it.each([
    ['the comparator', comparatorMatch],
    ['the syllable keys alone', syllableMatch],
  ])('%s: at least 95 in 100 of the same names agree across Hangul, RR, MR and common spellings', (_, match) => {
    const r = runKoreanNameBench(match)
    expect(r.same.pairs).toBeGreaterThan(800)
    expect(r.same.right / r.same.pairs).toBeGreaterThanOrEqual(0.95)
  })

  it('the syllable keys match at most 1 in 100 near-misses the standards keep apart', () => {
    const r = runKoreanNameBench(syllableMatch)
    expect(r.different.pairs).toBeGreaterThan(500)
    expect(r.different.falseMatches / r.different.pairs).toBeLessThanOrEqual(0.01)
  })

  it('the comparator matches at most 1 in 100 near-misses in all (RR, Hangul, hyphenated, Yale): a changed syllable is not a typo', () => {
    const r = runKoreanNameBench(comparatorMatch)
    expect(r.different.pairs).toBeGreaterThan(700)
    expect(r.different.falseMatches / r.different.pairs).toBeLessThanOrEqual(0.01)
  })

  it('has a Yale spelling for every syllable, read back to the same names', () => {
    const rows = loadSyllables()
    expect(rows.every(r => /^[a-z]+$/.test(r.yale))).toBe(true)
    expect(rows.find(r => r.hangul === '정')!.yale).toBe('ceng')
    expect(runKoreanNameBench(syllableMatch).same.missed.filter(m => /[A-Z][a-z]*(?:y|wu|c)/.test(m))).toEqual([])
  })

  it('the comparator matches at most 1 in 100 near-misses where one side is written in Hangul', () => {
    const r = runKoreanNameBench(comparatorMatch)
    expect(r.different.withHangul.falseMatches / r.different.withHangul.pairs).toBeLessThanOrEqual(0.01)
  })
})

describe('the popular spellings of the 21 commonest family names (tests/fixtures/names/korean-surname-spellings.csv)', () => {
  it('reads at least 94 in 100 of them as the Hangul name; the misses are another family name\'s own spelling', () => {
    const rows = loadNameTable('korean-surname-spellings.csv')
    const pairs = rows.flatMap(r => [r.rr!, r.mr!, ...r.popular!.split(';')].map(sp => [`${sp} Min-jun`, `${r.hangul}민준`] as const))
    const missed = pairs.filter(([a, b]) => !samePersonName(a, b).same).map(([a]) => a.split(' ')[0])
    expect(pairs.length).toBeGreaterThan(130)
    expect(1 - missed.length / pairs.length).toBeGreaterThanOrEqual(0.94)
    for (const m of missed) expect(['Gang', 'Chin', 'Sung', 'Kwang', 'Su', 'Hyong', 'Jeung']).toContain(m)
  })
})
