import { compareNames, looksLikeCompany, scoreNames } from './names'

describe('names', () => {
  it.each([
    ['Dana Whitfield', 'Dana M. Whitfield'],
    ['Dana Whitfield', 'WHITFIELD DANA'],
    ['D. Whitfield', 'Dana Whitfield'],
    ['José Núñez', 'Jose Nunez'],
    ['Katherine Smith', 'Katharine Smith'],
    ['Ana María de la Cruz', 'Ana Maria de la Cruz'],
  ])('%s matches %s', (a, b) => expect(compareNames(a, b).match).toBe(true))

  it.each([
    ['Kevin Brandt', 'Li Wei'],
    ['Dana Whitfield', 'Dana Smith'],
    ['Kevin Brandt', 'Brandt Consulting LLC'],
    ['Kevin Brandt', 'Kevin'],
  ])('%s does not match %s', (a, b) => expect(compareNames(a, b).match).toBe(false))

  it('recognises company names', () => {
    expect(looksLikeCompany('Northgate Digital LLC')).toBe(true)
    expect(looksLikeCompany('Dana Whitfield')).toBe(false)
    expect(looksLikeCompany('Granitestack Labs L.L.C.')).toBe(true)
    expect(looksLikeCompany('Meridian B.V.')).toBe(true)
    expect(looksLikeCompany('J. R. Smith')).toBe(false)
  })
})

describe('name scores (screening)', () => {
  // Made-up names only: the tests never copy benchmark pairs into code.
  it.each([
    ['Dmitriy Volkov', 'Дмитрий Волков', 'Person'],
    ['Jae-hoon Rhee', 'Lee Jae Hoon', 'Person'],
    ['Pak Sung-min', 'Park Sung Min', 'Person'],
    ['Choe Min-ho', 'Choi Min Ho', 'Person'],
    ['Jeong Hae-won', 'Jong Hae Won', 'Person'],
    ['Dr. Maria Lindqvist', 'Maria Lindqvist', 'Person'],
    ['Ahmed Khan', 'Ahmad Khan', 'Person'],
    ['MariaLindqvist', 'Maria Lindqvist', 'Person'],
    ['Lindqvist, Maria', 'Maria Lindqvst', 'Person'],
    ['Borealis Trading Aktiengesellschaft', 'Borealis Trading AG', 'Company'],
    ['X.Y.Z. Holdings Ltd', 'XYZ Holdings Limited', 'Company'],
    ['Nordlicht Shipping', 'Nordlicht-Shipping Co.', 'Company'],
    ['Red Harbour / Harbour Rouge', 'Red Harbour', 'Organization'],
    ['Red Harbour/Harbour Rouge', 'Harbour Rouge', 'Organization'],
    ['Borealis Trading Joint Stock Company', 'JSC Borealis Trading', 'Company'],
    ['OOO Borealis Trading', 'Borealis Trading LLC', 'Company'],
    ['Borealis Handel Gesellschaft mit beschränkter Haftung', 'Borealis Handel GmbH', 'Company'],
    ['Borealis Trading Aktiengeselschaft', 'Borealis Trading AG', 'Company'],
    ['Second Borealis Bank', '2nd Borealis Bank', 'Company'],
    ['Harbour Forty-Two', 'Harbour 42', 'Organization'],
    ['Borealis Intl Bank', 'Borealis International Bank', 'Company'],
    ['NLF', 'Northern Liberation Front', 'Organization'],
    ['Tom Lindqvist', 'Thomas Lindqvist', 'Person'],
    ['Pavel Ivanovich Lindqvist', 'Pavel Lindqvist', 'Person'],
    ['Ana Lucia Maria Perez', 'Ana Maria Perez', 'Person'],
    ['M4ria L1ndqvist', 'Maria Lindqvist', 'Person'],
    ['Maria Lindqvisst', 'Maria Lindqvist', 'Person'],
    ['Maria Maria Lindqvist', 'Maria Lindqvist', 'Person'],
    ['Oskar Brenn', 'Oskar Bren', 'Person'],
  ])('%s ≈ %s (%s)', (a, b, schema) => expect(scoreNames(a, b, schema).match).toBe(true))

  it.each([
    ['Maria Lindqvist', 'Mario Lindgren', 'Person'],
    ['Hans P. Lindqvist', 'Hans Joakim Lindqvist', 'Person'],
    ['K.T.R. Logistics', 'R.T.K. Logistics', 'Company'],
    ['QRV Aviation', 'QRX Aviation', 'Company'],
    ['Borealis Trading 7', 'Borealis Trading', 'Company'],
    ['Council of Norland', 'Council of Nordland East', 'Organization'],
    ['Borealis Bank', 'Borealis Bank Norland', 'Company'],
    ['Karim bin Yusuf al-Tarazi', 'Yusuf bin Karim al-Tarazi', 'Person'],
    ['N.L.', 'Nora Lindqvist', 'Person'],
    ['Maria Lindqvist', 'Maria Lindqvist Ostberg Hallin Dahl', 'Person'],
    ['Ana Tomas Perez', 'Ana Ruiz Perez', 'Person'],
    ['Fund VII', 'Fund VIII', 'Company'],
  ])('%s ≠ %s (%s)', (a, b, schema) => expect(scoreNames(a, b, schema).match).toBe(false))

  it('says why', () => {
    const r = scoreNames('Lindqvist, Maria', 'Maria Lindqvst')
    expect(r.why).toEqual(expect.arrayContaining(['"maria" = "maria"', expect.stringMatching(/"lindqvist" ~ "lindqvst" \(typo/)]))
    expect(scoreNames('Hans P. Lindqvist', 'Hans Joakim Lindqvist').why).toContain('not matched: "p", "joakim"')
  })
})

describe('names as people write them (made-up names)', () => {
  it.each([
    ['Minseo Kang', 'Kang Min-seo', 'given name joined, family name last'],
    ['BAK HYE WON', 'Park Hye-won', 'Bak / Park, capitals, split'],
    ['박혜원', 'Park Hye-won', 'account holder in Hangul'],
    ['Gim Dongman', 'Kim Dong Man', 'Gim / Kim'],
    ['김동만', 'Kim Dongman', 'Hangul / RR'],
    ['Sim Jae-seop', 'Shim Jae-sub', 'Sim / Shim'],
    ['Chon Yun Gil', 'Jon Yun Gil', 'Chon / Jon'],
    ["Ch'oe Su-il", 'Choi Suil', 'MR apostrophe'],
    ['Rim Tae-ok', 'Lim Tae Ok', 'Rim / Lim'],
    ['Xiao Ming Wu', 'Wu Xiaoming', 'pinyin given name split, family name last'],
    ['Lan Fang Zhou', 'Zhou Lanfang', 'pinyin given name split'],
  ])('%s is the same person as %s (%s)', (a, b) => expect(compareNames(a, b).match).toBe(true))

  it.each([
    ['Cho Su-il', 'Choi Su-il'],
    ['Jeon Hae-ok', 'Jeong Hae-ok'],
    ['김종호', '김정호'],
    ['Kim Dong-man', '김동민'],
    ['Xiao Ming Wu', 'Wu Xiaoping'],
  ])('%s is not %s', (a, b) => expect(compareNames(a, b).match).toBe(false))

  it('says why', () => {
    expect(scoreNames('박혜원', 'Bak Hye Won').why.join('; ')).toMatch(/"bak|park/)
    expect(scoreNames('Xiao Ming Wu', 'Wu Xiaoming').why[0]).toMatch(/family and given name/)
    expect(scoreNames('Sim Jae-seop', 'Shim Jae-sub').why).toContain('the same Korean syllables in another romanisation')
  })
})

describe('joined given names one syllable apart (made-up names)', () => {
  it.each([
    ['Seo Jeonyun', 'Seo Jeongyun'],
    ['Eom Sangju', 'Eom Songju'],
    ['Sin Junhyeok', 'Sin Jinhyeok'],
  ])('%s is not %s', (a, b) => expect(compareNames(a, b).match).toBe(false))
  it('still forgives a typo that is not another syllable', () => expect(compareNames('Seo Jeongyun', 'Seo Jeongyuun').match).toBe(true))
})
