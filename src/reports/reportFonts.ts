import fs from 'node:fs'
import type { ScriptFont } from './scriptRuns'

/**
 * The font files the case report embeds, all from npm packages (nothing is fetched at run time):
 * DejaVu Sans for Latin, Greek, Cyrillic and the rest; Noto Sans KR for Hangul; Noto Sans SC for Han
 * ideographs, kana and CJK punctuation. The Noto files are whole static TTFs (6 and 10 MB); pdfkit
 * embeds only the glyphs a report uses, so a report with one Korean name grows by a few kilobytes.
 * The CJK files are read once per process and only when a report first needs them.
 */
export type Weight = 'body' | 'bold'

const FILES: Record<Weight, Record<ScriptFont, string>> = {
  body: {
    other: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
    hangul: require.resolve('@expo-google-fonts/noto-sans-kr/400Regular/NotoSansKR_400Regular.ttf'),
    cjk: require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf'),
  },
  bold: {
    other: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
    hangul: require.resolve('@expo-google-fonts/noto-sans-kr/700Bold/NotoSansKR_700Bold.ttf'),
    cjk: require.resolve('@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf'),
  },
}

const cache = new Map<string, Buffer>()

/** The name a report registers the font under, and its bytes (read once, then kept). */
export function reportFont(weight: Weight, script: ScriptFont): { name: string; bytes: Buffer } {
  const name = `${weight}-${script}`
  let bytes = cache.get(name)
  if (!bytes) {
    bytes = fs.readFileSync(FILES[weight][script])
    cache.set(name, bytes)
  }
  return { name, bytes }
}
