import { loadNameTable } from '../generate/nameConventions'
import { chineseReadings, chineseSyllables, differentChineseWords, pinyinOf, sameChineseName } from './chineseNames'

// The Wade–Giles ↔ pinyin table and public figures' names (tests/fixtures/names/wade-giles-pinyin.csv, see its README).
const rows = loadNameTable('wade-giles-pinyin.csv')
const plain = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/['’]/g, '').toLowerCase()
const same = (a: string, b: string) => sameChineseName(chineseReadings(a), chineseReadings(b))

describe('Wade–Giles syllables read as their pinyin (typed without apostrophes or umlauts)', () => {
  it.each(rows.filter(r => r.kind === 'syllable').map(r => [r.wade_giles!, r.pinyin!]))('%s → %s', (wg, py) => {
    expect([...pinyinOf(plain(wg))]).toContain(plain(py))
  })
})

describe('names in Wade–Giles and pinyin', () => {
  it.each(rows.filter(r => r.kind === 'person').map(r => [r.wade_giles!, r.pinyin!]))('%s = %s', (wg, py) => {
    expect(same(wg, py)).toBe(true)
    expect(same(wg.replace(/['’]/g, ''), py)).toBe(true)
  })
  it('joined, split and either order', () => {
    expect(same('Xiao Ming Wu', 'Wu Xiaoming')).toBe(true)
    expect(same('Wang Xiaoming', 'Xiaoming Wang')).toBe(true)
    expect(chineseSyllables('xiaoming')[0]!.length).toBe(2)
  })
  it('keeps different syllables apart', () => {
    expect(same('Li Wei', 'Liu Wei')).toBe(false)
    expect(same('Wang Xiaoming', 'Wang Xiaomin')).toBe(false)
    expect(differentChineseWords('xiaoming', 'xiaomin')).toBe(true)
    expect(same('Zhang Wei', 'Zhang Wen')).toBe(false)
  })
  it('reads nothing into names that are not syllables', () => {
    expect(chineseReadings('Dana Whitfield')).toEqual([])
    expect(chineseReadings('Kim Min-jun')).toEqual([])
  })
})
