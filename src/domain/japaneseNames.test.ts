import { compareJapaneseWritten, japaneseKey, japaneseWords, readsAsJapanese, romaniseKana } from './japaneseNames'
import { samePersonName } from './samePersonNames'

// Made-up people, put together from common family and given names.
const verdict = (a: string, b: string) => compareJapaneseWritten(a, b)?.verdict ?? null

describe('kana romanised (modified Hepburn)', () => {
  it.each([
    ['さとう', 'satou'],
    ['はると', 'haruto'],
    ['リュウ', 'ryuu'],
    ['しょうた', 'shouta'],
    ['ちゃん', 'chan'],
    ['きっかわ', 'kikkawa'],
    ['まっちゃん', 'matchan'],
    ['ユーキ', 'yuuki'],
    ['ファン', 'fan'],
    ['ウィ', 'wi'],
  ])('%s → %s', (kana, roman) => expect(romaniseKana(kana)).toBe(roman))
})

describe('one key for the spellings of a long vowel and of Kunrei/Hepburn', () => {
  it.each([
    ['Satō', 'Satou', 'Satoh', 'Sato', 'Satoo'],
    ['Yūki', 'Yuuki', 'Yuki'],
    ['Homma', 'Honma'],
    ['Tsutomu', 'Tutomu'],
    ['Shinji', 'Sinzi'],
    ['Ohno', 'Ono', 'Ōno'],
  ])('%s', (...spellings) => expect(new Set(spellings.map(japaneseKey)).size).toBe(1))
  it('keeps different sounds apart', () => {
    expect(japaneseKey('Sato')).not.toBe(japaneseKey('Saito'))
    expect(japaneseKey('Ono')).not.toBe(japaneseKey('Ogawa'))
  })
})

describe('words that spell Japanese sounds', () => {
  it.each(['Takahashi', 'Kenta', 'Yui', 'Itoh', 'Hattori', 'Honma', 'Matchan', 'Shin'])('%s does', w => expect(readsAsJapanese(w)).toBe(true))
  it.each(['Kim', 'Li', 'Smith', 'Brown', 'Wang', 'Zhang', 'Lee'])('%s does not', w => expect(readsAsJapanese(w)).toBe(false))
})

describe('the Japanese side read into words', () => {
  it('finds a table family name at the start of characters written together', () => {
    expect(japaneseWords('高橋健太').map(w => [w.written, w.keys ? [...w.keys] : null])).toEqual([
      ['高橋', ['takahashi', 'takabashi']],
      ['健太', null],
    ])
  })
  it('takes the first of words written apart as the whole family name', () => {
    expect(japaneseWords('森下 健').map(w => w.keys)).toEqual([null, null])
    expect(japaneseWords('佐々木 はると').map(w => (w.keys ? [...w.keys] : null))).toEqual([['sasaki'], ['haruto']])
  })
})

describe('kanji or kana beside a romanised name', () => {
  it.each([
    ['高橋健太', 'Kenta Takahashi'],
    ['渡辺結衣', 'Yui Watanabe'],
    ['小野健太', 'Ono Kenta'],
    ['伊藤陽翔', 'Haruto Ito'],
    ['伊藤 陽翔', 'ITOH HARUTO'],
    ['佐藤陽翔', 'Satō Haruto'],
    ['森下健', 'Morishita Ken'],
    ['江口健太', 'Eguchi Kenta'],
  ])('%s / %s: the given name in kanji cannot be told, so no mismatch', (a, b) => {
    expect(verdict(a, b)).toBe('cannot tell')
    const r = samePersonName(a, b)
    expect(r.same).toBe(true)
    expect(r.cannotTell).toBeTruthy()
    expect(samePersonName(b, a).same).toBe(true)
  })
  it.each([
    ['佐藤はると', 'Sato Haruto'],
    ['さとう はると', 'Satoh Haruto'],
    ['ホンマ タロウ', 'Homma Taro'],
    ['鈴木 ゆい', 'Yui Suzuki'],
  ])('%s / %s: every word read, the same', (a, b) => {
    expect(samePersonName(a, b).same).toBe(true)
    expect(samePersonName(a, b).cannotTell).toBeUndefined()
  })
  it.each([
    ['佐藤 遥', 'Kim Minjun'],
    ['佐藤遥', 'Kim Minjun'],
    ['佐藤 遥', 'Tanaka Haruka'],
    ['佐藤遥', 'Tanaka Haruka'],
    ['高橋健太', 'Kenta Watanabe'],
    ['佐藤はると', 'Sato Haruki'],
    ['王小明', 'Li Wei'],
    ['王小明', 'John Smith'],
    ['王小明', 'Chen Hao'],
  ])('%s / %s: still different people', (a, b) => {
    expect(samePersonName(a, b).same).toBe(false)
    expect(samePersonName(b, a).same).toBe(false)
  })
  it('leaves Chinese characters read as pinyin to the comparator', () => {
    expect(samePersonName('王小明', 'Wang Xiaoming').same).toBe(true)
    expect(samePersonName('王小明', 'Wang Xiaoming').cannotTell).toBeUndefined()
  })
  it('says nothing about pairs of other kinds', () => {
    expect(compareJapaneseWritten('Kenta Takahashi', 'Takahashi Kenta')).toBeNull()
    expect(compareJapaneseWritten('高橋健太', '高橋健太')).toBeNull()
    expect(compareJapaneseWritten('佐藤遥', 'Kim Minjun')).toBeNull()
  })
})
