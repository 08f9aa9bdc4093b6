import { comparatorMatch, loadSyllables, runKoreanNameBench, syllableMatch } from './koreanNameBench'

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
