import { cantoneseFamily, cantoneseSyllableCounts, compareCantoneseWritten, isCantoneseSyllable } from './cantoneseNames'
import { samePersonName } from './samePersonNames'

// Made-up people, put together from common Hong Kong family and given names ("Chan Tai Man" is the
// Hong Kong placeholder name, like "John Smith").
const verdict = (a: string, b: string) => compareCantoneseWritten(a, b)?.verdict ?? null

describe('Hong Kong and Macau romanisation syllables', () => {
  it.each(['wong', 'cheung', 'keung', 'siu', 'ming', 'chan', 'tsang', 'sze', 'ng', 'yip', 'ieong', 'kuok', 'poon', 'hoi', 'shing', 'chun', 'yuen'])('%s is one', s => expect(isCantoneseSyllable(s)).toBe(true))
  it.each(['xiao', 'zhang', 'qiang', 'chen', 'wen', 'smith', 'minjun', 'jun', 'peter'])('%s is not', s => expect(isCantoneseSyllable(s)).toBe(false))
  it('counts the syllables of a joined given name', () => {
    expect([...cantoneseSyllableCounts('siuming')]).toContain(2)
    expect([...cantoneseSyllableCounts('waikeung')]).toContain(2)
    expect(cantoneseSyllableCounts('peter').size).toBe(0)
  })
})

describe('the family name in characters', () => {
  it('reads a single family name, traditional or simplified, and a compound one', () => {
    expect(cantoneseFamily('陳大文')).toMatchObject({ family: '陳', given: 2 })
    expect(cantoneseFamily('陈大文')).toMatchObject({ family: '陈', given: 2 })
    expect(cantoneseFamily('歐陽志明')).toMatchObject({ family: '歐陽', readings: expect.arrayContaining(['auyeung']), given: 2 })
    expect(cantoneseFamily('梁 頌恩')).toMatchObject({ family: '梁', given: 2 })
  })
  it('has no reading for a family name not in the table', () => {
    expect(cantoneseFamily('佐藤遥')).toBeNull()
  })
})

describe('characters beside a Hong Kong or Macau romanisation', () => {
  it.each([
    ['王小明', 'Wong Siu Ming'],
    ['陳大文', 'Chan Tai Man'],
    ['張偉強', 'Cheung Wai Keung'],
    ['陈大文', 'CHAN TAI MAN'],
    ['黃家偉', 'Wong Ka-wai'],
    ['王小明', 'Wong Siuming'],
    ['陳大文', 'Tai Man Chan'],
    ['陳大文', 'CHAN, Tai Man'],
    ['歐陽志明', 'Au Yeung Chi Ming'],
    ['司徒偉文', 'Szeto Wai Man'],
    ['李嘉誠', 'Li Ka-shing'],
    ['何家偉', 'Ho Ka Wai'],
    ['楊偉', 'Ieong Wai'],
    ['梁 頌恩', 'Leung Chung Yan'],
  ])('%s / %s: cannot tell (the family name reads so, the given name is in characters)', (han, latin) => {
    expect(verdict(han, latin)).toBe('cannot tell')
    expect(verdict(latin, han)).toBe('cannot tell')
  })
  it.each([
    ['王小明', 'Peter Wong Siu Ming'],
    ['王小明', 'Wong Siu Ming Peter'],
    ['王小明', 'Peter Wong'],
  ])('%s / %s: an English given name beside the Cantonese one', (han, latin) => expect(verdict(han, latin)).toBe('cannot tell'))
  it.each([
    ['王小明', 'Lee Siu Ming', 'the family name reads otherwise'],
    ['陳大文', 'Chan Ming', 'one syllable for two characters'],
    ['陳大文', 'Chan Tai Man Keung', 'three syllables for two characters'],
  ])('%s / %s: different (%s)', (han, latin) => expect(verdict(han, latin)).toBe('different'))
  it.each([
    ['陳大文', 'Kim Minjun'],
    ['王小明', 'Chen Hao'],
  ])('%s / %s: never "cannot tell" (a word in pinyin leaves the pair to the pinyin reading, which parts them)', (han, latin) => {
    expect(verdict(han, latin)).not.toBe('cannot tell')
    expect(samePersonName(latin, han).same).toBe(false)
  })
  it.each([
    ['陳大文', 'John Smith', 'not Cantonese syllables'],
    ['陳大文', 'Chen Hao', 'spelt in pinyin: the pinyin reading decides'],
    ['陳大文', 'Chen Xiaoming', 'a pinyin given name is not an English one'],
    ['陳大文', 'Chan Xiaoming', 'a pinyin given name is not an English one'],
    ['李小明', 'Li Wei', 'spelt in pinyin: the pinyin reading decides'],
    ['佐藤遥', 'Sato Haruka', 'no family name from the table'],
    ['王小明', 'Wong', 'a single word'],
    ['Wong Siu Ming', 'Chan Tai Man', 'no characters'],
  ])('%s / %s: not this comparison (%s)', (a, b) => expect(verdict(a, b)).toBeNull())
})

describe('samePersonName with Hong Kong romanisations', () => {
  it('is no mismatch, and says the given name was not confirmed', () => {
    for (const [a, b] of [
      ['王小明', 'Wong Siu Ming'],
      ['陳大文', 'Chan Tai Man'],
      ['張偉強', 'Cheung Wai Keung'],
      ['王小明', 'Peter Wong Siu Ming'],
    ] as const) {
      const r = samePersonName(b, a)
      expect(r.same).toBe(true)
      expect(r.cannotTell).toMatch(/cannot tell/)
    }
  })
  it('keeps the pinyin reading first where it finds the same name', () => {
    const r = samePersonName('Wang Xiaoming', '王小明')
    expect(r.same).toBe(true)
    expect(r.cannotTell).toBeUndefined()
  })
  it('still finds a mismatch where the family name reads otherwise or pinyin parts them', () => {
    expect(samePersonName('Kim Minjun', '陳大文').same).toBe(false)
    expect(samePersonName('Chen Hao', '王小明').same).toBe(false)
    expect(samePersonName('Chen Hao', '陳大文').same).toBe(false)
    expect(samePersonName('Chan Ming', '陳大文').same).toBe(false)
  })
  it('leaves Japanese names to their own reading', () => {
    expect(samePersonName('Haruto Ito', '伊藤陽翔').cannotTell).toMatch(/kanji/)
    expect(samePersonName('Kenta Takahashi', '高橋健太').same).toBe(true)
  })
})

describe('one syllable is not counted as two', () => {
  it.each(['tai', 'ming', 'keung', 'chan'])('%s', w => expect([...cantoneseSyllableCounts(w)]).toEqual([1]))
})
