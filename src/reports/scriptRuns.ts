/**
 * Splits text into runs that one font can draw: Hangul (Noto Sans KR), Han ideographs, kana and CJK
 * punctuation (Noto Sans SC, which has the simplified and traditional forms and the kana), and
 * everything else (DejaVu Sans, which has Latin, Greek, Cyrillic, Arabic, Hebrew and more). Spaces and
 * combining marks stay in the run they follow, so "김 상만" is one run and "é" is never split.
 * Pure: the report picks the font file for each run.
 */
export type ScriptFont = 'hangul' | 'cjk' | 'other'

export interface ScriptRun {
  text: string
  font: ScriptFont
}

const HANGUL: Array<[number, number]> = [
  [0x1100, 0x11ff], // Hangul Jamo
  [0x3130, 0x318f], // Hangul Compatibility Jamo
  [0xa960, 0xa97f], // Jamo Extended-A
  [0xac00, 0xd7af], // Hangul Syllables
  [0xd7b0, 0xd7ff], // Jamo Extended-B
  [0xffa0, 0xffdc], // halfwidth Hangul
]

const CJK: Array<[number, number]> = [
  [0x2e80, 0x2fdf], // CJK and Kangxi radicals
  [0x2ff0, 0x2fff], // ideographic description characters
  [0x3000, 0x303f], // CJK symbols and punctuation (、。「」)
  [0x3040, 0x30ff], // Hiragana, Katakana
  [0x3190, 0x31ff], // Kanbun, CJK strokes, Katakana phonetic extensions
  [0x3200, 0x33ff], // enclosed CJK letters, CJK compatibility
  [0x3400, 0x4dbf], // Extension A
  [0x4e00, 0x9fff], // Unified Ideographs
  [0xf900, 0xfaff], // Compatibility Ideographs
  [0xfe30, 0xfe4f], // CJK compatibility forms
  [0xff00, 0xff9f], // fullwidth forms and halfwidth katakana (halfwidth Hangul is above)
  [0xffe0, 0xffee], // fullwidth signs
  [0x20000, 0x3134f], // Extensions B to G
]

const inRanges = (cp: number, ranges: Array<[number, number]>) => ranges.some(([lo, hi]) => cp >= lo && cp <= hi)

/** The font a character needs, or null for one that goes with its neighbour (spaces, combining marks). */
export function scriptOf(ch: string): ScriptFont | null {
  const cp = ch.codePointAt(0)!
  if (/^[\s\p{M}\u200b-\u200d\u2060\ufeff]$/u.test(ch)) return null
  if (inRanges(cp, HANGUL)) return 'hangul'
  if (inRanges(cp, CJK)) return 'cjk'
  return 'other'
}

export function scriptRuns(text: string): ScriptRun[] {
  const runs: ScriptRun[] = []
  let pending = '' // neutral characters before the first run of known script
  for (const ch of text) {
    const font = scriptOf(ch)
    const last = runs[runs.length - 1]
    if (font === null) {
      if (last) last.text += ch
      else pending += ch
    } else if (last && last.font === font) {
      last.text += ch
    } else {
      runs.push({ text: pending + ch, font })
      pending = ''
    }
  }
  if (pending) runs.push({ text: pending, font: 'other' })
  return runs
}
