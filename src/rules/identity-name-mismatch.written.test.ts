import { rule } from './identity-name-mismatch'
import { NAME_IN_COMMON } from '../domain/samePersonNames'
import path from 'node:path'
import { conventionFixture, loadConventionPairs } from '../generate/nameConventions'
import { fact, factsOf, testContext } from './ruleTestKit'

// A person writing their own name another way is not a signal (made-up names).
const ctx = testContext()

describe('identity-name-mismatch: names as people write them', () => {
  it.each([
    ['Minseo Kang', 'Kang Min-seo'],
    ['Park Hye-won', 'BAK HYE WON'],
    ['Park Hye-won', '박혜원'],
    ['Choi Su-il', "Ch'oe Su-il"],
    ['Lim Tae-ok', 'Rim Tae Ok'],
    ['Xiao Ming Wu', 'Wu Xiaoming'],
  ])('clears %s with a resume in the name %s', (name, written) => {
    expect(rule.evaluate(factsOf([fact('person.full_name', name), fact('resume.name', written)]), ctx).status).toBe('clear')
  })
  it('still flags another person one syllable apart', () => {
    expect(rule.evaluate(factsOf([fact('person.full_name', 'Choi Su-il'), fact('resume.name', 'Cho Su-il')]), ctx).status).toBe('flag')
    expect(rule.evaluate(factsOf([fact('person.full_name', '김동만'), fact('resume.name', '김동민')]), ctx).status).toBe('flag')
  })
  it('flags a resume name sharing only the family name as that weaker reading, and another name at full reading', () => {
    const weak = rule.evaluate(factsOf([fact('person.full_name', 'Sarah Kwon'), fact('resume.name', 'Jinsol Kwon')]), ctx)
    expect(weak.status).toBe('flag')
    if (weak.status === 'flag') expect(weak.evidence.some(e => e.field === NAME_IN_COMMON)).toBe(true)
    const full = rule.evaluate(factsOf([fact('person.full_name', 'Sarah Kwon'), fact('resume.name', 'Jinsol Kwon'), fact('resume.name', 'Daniel Lee')]), ctx)
    expect(full.status).toBe('flag')
    if (full.status === 'flag') expect(full.evidence.some(e => e.field === NAME_IN_COMMON)).toBe(false)
  })
})

describe('identity-name-mismatch on the own-name variants (tests/fixtures/names/own-name-variants.csv)', () => {
  const pairs = loadConventionPairs()
  const status = (name: string, written: string) => rule.evaluate(factsOf([fact('person.full_name', name), fact('resume.name', written)]), ctx).status
  it('raises no finding for at least 95 in 100 honest variants, in every convention', () => {
    const honest = pairs.filter(p => p.same)
    const flagged = honest.filter(p => status(p.a, p.b) !== 'clear')
    expect(flagged.map(p => `${p.a} | ${p.b}`)).toEqual([])
    expect(1 - flagged.length / honest.length).toBeGreaterThanOrEqual(0.95)
  })
  it('still flags most pairs of different people', () => {
    const different = pairs.filter(p => !p.same)
    const missed = different.filter(p => status(p.a, p.b) !== 'flag')
    expect(missed.length / different.length).toBeLessThanOrEqual(0.05)
  })
  it('more written forms: Yale, Wade–Giles, Cyrillic, Arabic script, fuller names, initials', () => {
    for (const [name, written] of [
      ['Jeong Min-gyu', 'Ceng Minkyu'],
      ['Zhang Xiaoming', 'Chang Hsiao-ming'],
      ['Yuri Smirnov', 'Юрий Смирнов'],
      ['Mohammed Hussein', 'محمد حسين'],
      ['María García López', 'María García'],
      ['Park Jihoon', 'JH Park'],
      ['Kim Min-jun (Kevin)', 'Kevin Kim'],
    ]) expect(status(name!, written!)).toBe('clear')
    for (const [name, written] of [
      ['Kim Sang-ho', 'Kim Song-ho'],
      ['Wu Xiaoming', 'Wu Xiaomin'],
      ['Kim Min-jun', 'Kim Jun-min'],
      ['Ahmed Mohamed', 'أحمد محمود'],
    ]) expect(status(name!, written!)).toBe('flag')
  })
})

describe('identity-name-mismatch: a Japanese name in kanji', () => {
  it('clears a resume in kanji whose family name reads as the applicant’s (the given name cannot be told)', () => {
    const r = rule.evaluate(factsOf([fact('person.full_name', 'Haruto Ito'), fact('resume.name', '伊藤陽翔')]), ctx)
    expect(r.status).toBe('clear')
    if (r.status === 'clear') expect(r.message).toMatch(/cannot be read to confirm/)
  })
  it('still flags a resume in kanji whose family name reads otherwise', () => {
    expect(rule.evaluate(factsOf([fact('person.full_name', 'Kim Minjun'), fact('resume.name', '佐藤 遥')]), ctx).status).toBe('flag')
  })
})

describe('identity-name-mismatch: a Chinese name in characters beside a Hong Kong romanisation', () => {
  it('clears a resume in characters whose family name reads as the applicant’s Hong Kong spelling (the given name cannot be told)', () => {
    for (const [name, resume] of [
      ['Wong Siu Ming', '王小明'],
      ['Peter Chan Tai Man', '陳大文'],
    ]) {
      const r = rule.evaluate(factsOf([fact('person.full_name', name!), fact('resume.name', resume!)]), ctx)
      expect(r.status).toBe('clear')
      if (r.status === 'clear') expect(r.message).toMatch(/characters cannot be read to confirm/)
    }
  })
  it('still flags a resume in characters whose family name reads otherwise', () => {
    expect(rule.evaluate(factsOf([fact('person.full_name', 'Kim Minjun'), fact('resume.name', '陳大文')]), ctx).status).toBe('flag')
    expect(rule.evaluate(factsOf([fact('person.full_name', 'Chen Hao'), fact('resume.name', '王小明')]), ctx).status).toBe('flag')
  })
})

describe('identity-name-mismatch on held-out-variants.csv (150 pairs written blind by another hand)', () => {
  // Measured once, untouched, at 2026-12-06 02:40 UTC: 6 of 105 honest pairs flagged (94.3% clear) and 16 of
  // 45 different people taken for one. Then its misses were fixed (a development set since): a joined
  // particle ("Ben Ali" / "Benali"), Persian ض as z ("Reza"), pinyin lü as "Lyu", a script we do not read
  // beside Latin (Thai) left to the eye, a diphthong for a plain vowel (Hassan / Hussain, Sato / Saito) and
  // the other gender's form (Ivan / Ivana, Daniel / Danielle) and given-name syllables swapped (Tan Wei Ling /
  // Tan Ling Wei) as different names: 2 of 105 flagged, 9 of 45 taken for one.
  const pairs = loadConventionPairs(path.join(path.dirname(conventionFixture()), 'held-out-variants.csv'))
  const status = (name: string, written: string) => rule.evaluate(factsOf([fact('person.full_name', name), fact('resume.name', written)]), ctx).status
  it('clears at least 95 in 100 honest variants; what is left is a preferred name that shares only the family name (the weaker reading)', () => {
    const honest = pairs.filter(p => p.same)
    const flagged = honest.filter(p => status(p.a, p.b) !== 'clear').map(p => `${p.a} | ${p.b}`)
    expect(flagged).toEqual(['Lim Wei Jie | Jason Lim', 'Siriporn Rattanakul | Ploy Rattanakul'])
    expect(1 - flagged.length / honest.length).toBeGreaterThanOrEqual(0.95)
  })
  it('flags most different people; names that only swap order are read as one person writing theirs both ways', () => {
    const different = pairs.filter(p => !p.same)
    const missed = different.filter(p => status(p.a, p.b) !== 'flag')
    expect(missed.length).toBeLessThanOrEqual(9)
  })
})

describe('identity-name-mismatch on held-out-variants-2.csv, -3.csv and -4.csv (written blind by other hands, measured once each)', () => {
  // -2 (140 pairs): measured once at 2026-12-06 03:55 UTC, 10 of 100 honest pairs flagged and 16 of 40 different
  // people taken for one. -3 (150 pairs): measured once at 2026-12-06 06:06 UTC, after -2's fixes, 6 of 105 and 14
  // of 45. Both are development sets since; what is left is written in each test.
  const load = (file: string) => loadConventionPairs(path.join(path.dirname(conventionFixture()), file))
  const status = (name: string, written: string) => rule.evaluate(factsOf([fact('person.full_name', name), fact('resume.name', written)]), ctx).status
  it.each([
    // Left: an Irish name and its English form, which share no letters to read.
    ['held-out-variants-2.csv', 1, 5],
    // Left: a preferred English name sharing only the family name (the weaker reading), an Irish and English form.
    ['held-out-variants-3.csv', 3, 9],
    // Measured once at 06:41 UTC: 10 of 105 flagged, 12 of 45 taken for one. Left: a Cantonese beside a Mandarin
    // spelling, a Belarusian beside a Russian surname, a Thai nickname, preferred English names.
    ['held-out-variants-4.csv', 5, 4],
  ])('%s: at least 95 in 100 honest variants clear (%i flagged); different people taken for one at most %i', (file, flaggedMax, missedMax) => {
    const pairs = load(file)
    const honest = pairs.filter(p => p.same)
    const flagged = honest.filter(p => status(p.a, p.b) !== 'clear')
    expect(flagged.length).toBeLessThanOrEqual(flaggedMax)
    expect(1 - flagged.length / honest.length).toBeGreaterThanOrEqual(0.95)
    expect(pairs.filter(p => !p.same && status(p.a, p.b) !== 'flag').length).toBeLessThanOrEqual(missedMax)
  })
})
