import { scriptOf, scriptRuns } from './scriptRuns'

describe('scriptRuns', () => {
  it('keeps Latin with accents, Greek and Cyrillic in one run', () => {
    expect(scriptRuns('Zoë Łukasiewicz-Brontë, Αλέξης, Алексей')).toEqual([{ text: 'Zoë Łukasiewicz-Brontë, Αλέξης, Алексей', font: 'other' }])
  })

  it('splits Hangul, Han and Latin into runs, with spaces staying in the run they follow', () => {
    expect(scriptRuns('Case report: 김상만 (吴晓明) VD-1')).toEqual([
      { text: 'Case report: ', font: 'other' },
      { text: '김상만 ', font: 'hangul' },
      { text: '(', font: 'other' },
      { text: '吴晓明', font: 'cjk' },
      { text: ') VD-1', font: 'other' },
    ])
  })

  it('draws kana, CJK punctuation and fullwidth forms with the CJK font, halfwidth Hangul with the Korean one', () => {
    expect(['あ', 'カ', '。', '「', 'Ａ', '𠀋'].map(scriptOf)).toEqual(Array(6).fill('cjk'))
    expect(['ᄀ', 'ㄱ', '힣', 'ﾡ'].map(scriptOf)).toEqual(Array(4).fill('hangul'))
  })

  it('never separates a combining mark from its letter and keeps leading spaces', () => {
    const decomposed = 'Zoe\u0308'
    expect(scriptRuns(decomposed)).toEqual([{ text: decomposed, font: 'other' }])
    expect(scriptRuns('  김')).toEqual([{ text: '  김', font: 'hangul' }])
    expect(scriptRuns('   ')).toEqual([{ text: '   ', font: 'other' }])
    expect(scriptRuns('')).toEqual([])
  })

  it('loses no character', () => {
    const text = 'Kim Sang-man 김상만 金相萬 · Wu Xiaoming 吴晓明 — ヤマダ タロウ'
    expect(scriptRuns(text).map(r => r.text).join('')).toBe(text)
  })
})
