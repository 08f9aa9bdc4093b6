import { transliterate } from 'transliteration'
import { chineseSyllables } from './chineseNames'

/**
 * Chinese names written in characters beside a Hong Kong or Macau romanisation ("王小明" / "Wong Siu Ming",
 * "陳大文" / "Chan Tai Man", "張偉強" / "Peter Cheung Wai Keung").
 *
 * The characters are otherwise read as Mandarin pinyin (names.ts, through `transliteration`), and Hong Kong
 * and Macau romanise Cantonese: 王 is Wang in pinyin and Wong on a Hong Kong identity card, 張 Zhang and
 * Cheung. A given name's characters have no one Cantonese spelling a table could hold, so, as for Japanese
 * kanji (japaneseNames.ts), only the family name is read, through a table of common ones:
 *
 * - `cannot tell`: the family name reads as a romanised word, and the given name, in characters, has as many
 *   syllables on the romanised side as it has characters (one character, one syllable), or stands beside an
 *   English given name ("Peter Wong"); never a mismatch, nor confirmed;
 * - `different`: the family name in characters reads as no romanised word ("陳大文" / "Kim Minjun"), or the
 *   syllables cannot be the given name's characters (one syllable for two characters);
 * - null: not a pair of this kind (no family name from the table, kana on the character side, or romanised
 *   words that are not Cantonese romanisation syllables beyond one English given name, as "John Smith"),
 *   or the pinyin reading already decided it (see `compareCantoneseWritten`).
 *
 * A spelling question only: nothing here reads a name as a sign of anyone's origin.
 */

/**
 * Common Chinese family names, traditional and simplified characters, with their Hong Kong government
 * romanisation (the spelling the Immigration Department prints on HKID cards and passports, after the
 * Government Cantonese Romanisation) and the Macau (Portuguese-based) spelling where it differs, plus the
 * common variants people keep (Lee/Li, Choi/Tsoi/Choy, Law/Lo, Yuen/Un) and, where the brief asked for it,
 * the pinyin (陳 Chen). Typed from knowledge of those spellings, not fetched from a published list: about
 * 100 of the most frequent family names in Hong Kong, and the compound ones (歐陽, 司徒, 上官, 諸葛, 司馬).
 * Readings lower-case, without spaces (歐陽 "au yeung" = "auyeung").
 */
const FAMILY_NAMES: Record<string, string[]> = {}
const add = (chars: string, ...readings: string[]) => {
  for (const c of chars.split('/')) FAMILY_NAMES[c] = readings
}
add('陳/陈', 'chan', 'chen')
add('黃/黄', 'wong', 'vong')
add('王', 'wong', 'vong')
add('李', 'lee', 'li', 'lei')
add('張/张', 'cheung', 'cheong')
add('梁', 'leung', 'leong')
add('劉/刘', 'lau', 'lao')
add('林', 'lam')
add('吳/吴', 'ng')
add('何', 'ho')
add('郭', 'kwok', 'kuok')
add('鄭/郑', 'cheng', 'cheang')
add('楊/杨', 'yeung', 'ieong')
add('蔡', 'choi', 'tsoi', 'choy')
add('曾', 'tsang', 'chang')
add('周', 'chow', 'chau', 'chao')
add('羅/罗', 'law', 'lo')
add('謝/谢', 'tse', 'che')
add('朱', 'chu', 'chue')
add('許/许', 'hui', 'hoi')
add('馮/冯', 'fung', 'fong')
add('麥/麦', 'mak', 'mac')
add('鄧/邓', 'tang')
add('葉/叶', 'yip', 'ip')
add('譚/谭', 'tam')
add('盧/卢', 'lo', 'lou', 'lu')
add('彭', 'pang')
add('鍾/钟', 'chung', 'chong')
add('余', 'yu', 'yue', 'u')
add('莫', 'mok')
add('蕭/萧', 'siu', 'sio')
add('潘', 'poon', 'pun')
add('馬/马', 'ma')
add('袁', 'yuen', 'un')
add('胡', 'wu', 'woo')
add('徐', 'tsui', 'chui', 'choi')
add('高', 'ko', 'kou')
add('趙/赵', 'chiu', 'chio')
add('孫/孙', 'suen', 'sun')
add('江', 'kong')
add('石', 'shek', 'seak')
add('關/关', 'kwan', 'kuan')
add('區/区', 'au', 'ao')
add('溫/温', 'wan', 'van')
add('黎', 'lai')
add('賴/赖', 'lai')
add('杜', 'to', 'tou')
add('雷', 'lui', 'loi')
add('方', 'fong')
add('廖', 'liu', 'lio')
add('施', 'sze', 'si')
add('侯', 'hau', 'hao')
add('孔', 'hung')
add('文', 'man')
add('崔', 'tsui', 'chui')
add('魏', 'ngai')
add('龍/龙', 'lung')
add('姚', 'yiu', 'io')
add('邱/丘', 'yau')
add('簡/简', 'kan')
add('甘', 'kam')
add('金', 'kam')
add('田', 'tin')
add('顏/颜', 'ngan')
add('鄒/邹', 'chau')
add('戴', 'tai')
add('湯/汤', 'tong')
add('唐', 'tong')
add('蘇/苏', 'so', 'sou')
add('伍', 'ng')
add('翁', 'yung')
add('容', 'yung')
add('龐/庞', 'pong')
add('韋/韦', 'wai')
add('范', 'fan')
add('沈', 'shum', 'sum', 'sam')
add('岑', 'shum', 'sum')
add('駱/骆', 'lok')
add('車/车', 'che')
add('植', 'chik')
add('洪', 'hung')
add('姜', 'keung')
add('游', 'yau')
add('嚴/严', 'yim')
add('傅', 'fu')
add('凌', 'ling')
add('殷', 'yan')
add('聶/聂', 'nip')
add('冼', 'sin')
add('陸/陆', 'luk')
add('尹', 'wan')
add('白', 'pak')
add('宋', 'sung')
add('薛', 'sit')
add('柯', 'or', 'o')
add('成', 'shing', 'sing')
add('勞/劳', 'lo', 'lou')
add('卓', 'cheuk')
add('賀/贺', 'ho')
add('古', 'ku', 'koo')
add('紀/纪', 'kei')
add('梅', 'mui')
add('向', 'heung')
add('萬/万', 'man')
add('鄺/邝', 'kwong')
add('甄', 'yan')
add('阮', 'yuen', 'un')
add('邵', 'shiu', 'siu')
add('任', 'yam')
add('錢/钱', 'chin')
add('霍', 'fok')
add('童', 'tung')
add('歐陽/欧阳', 'auyeung', 'aoieong', 'auieong')
add('司徒', 'szeto', 'seto', 'sitou')
add('上官', 'sheungkwun')
add('諸葛/诸葛', 'chukot')
add('司馬/司马', 'szema')

/**
 * Syllables of the Hong Kong government romanisation and the Macau one (initials × finals; a few
 * combinations that do not occur are harmless). Pinyin-only spellings are left out (x, q, zh, z; -ian,
 * -iao, -iang, -uo, -en, -ie), so "Xiao", "Zhang", "Chen" or "Wen" do not read as Cantonese here.
 */
const INITIALS = ['kw', 'gw', 'ch', 'ts', 'sz', 'sh', 'ng', 'p', 'b', 't', 'd', 'k', 'g', 's', 'h', 'f', 'm', 'n', 'l', 'y', 'w', 'v', '']
const FINALS = [
  'aai', 'aau', 'aam', 'aan', 'aang', 'aap', 'aat', 'aak', 'ai', 'au', 'am', 'an', 'ang', 'ap', 'at', 'ak', 'ao', 'a',
  'eung', 'euk', 'eun', 'eui', 'eong', 'eok', 'ei', 'eng', 'ek', 'ee', 'e',
  'ieong', 'iu', 'im', 'in', 'ing', 'ip', 'it', 'ik', 'io', 'i',
  'ooi', 'oon', 'oo', 'oi', 'oy', 'ou', 'ow', 'on', 'ong', 'ot', 'ok', 'oh', 'o',
  'uen', 'uet', 'ue', 'ui', 'un', 'ung', 'ut', 'uk', 'uan', 'uok', 'u',
]
const SYLLABLE = new RegExp(`^(?:${INITIALS.filter(Boolean).join('|')})?(?:${FINALS.join('|')})$|^(?:ng|m)$`)

export function isCantoneseSyllable(s: string): boolean {
  return SYLLABLE.test(s)
}

/** The numbers of syllables a written word may split into (a given name joined: "Siuming" = 2); empty when none. */
export function cantoneseSyllableCounts(word: string): Set<number> {
  const out = new Set<number>()
  if (!/^[a-z]+$/.test(word) || word.length > 18) return out
  const walk = (at: number, n: number) => {
    if (n > 3) return
    if (at === word.length) return void out.add(n)
    for (let end = Math.min(word.length, at + 6); end > at; end--) {
      const s = word.slice(at, end)
      // Inside a joined name a syllable starts with a consonant, and "ng"/"m" stand alone only as a whole
      // word (吳 Ng): otherwise "Tai" would also read ta-i and "Ming" mi-ng, one syllable counted as two.
      if (at > 0 && /^[aeiou]/.test(s)) continue
      if (/^(?:ng|m)$/.test(s) && s !== word) continue
      if (isCantoneseSyllable(s)) walk(end, n + 1)
    }
  }
  walk(0, 0)
  return out
}

const HAN_WRITTEN = /^[\p{Script=Han}\s·・]+$/u
const LATIN_WRITTEN = /^[\p{Script=Latin}\s.'’\-,]+$/u

const plain = (w: string) => w.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/['’.]/g, '')

/** The character side as a family name from the table and the given name's characters; null when the table has no family name for it. */
export function cantoneseFamily(name: string): { family: string; readings: string[]; given: number } | null {
  const parts = name.normalize('NFKC').split(/[\s·・]+/u).filter(Boolean)
  if (!parts.length || parts.length > 2) return null
  const chars = [...parts.join('')]
  // Written apart, the first word is the whole family name; written together, a compound family name (歐陽) first.
  const heads = parts.length === 2 ? [parts[0]!] : [chars.slice(0, 2).join(''), chars[0]!]
  for (const head of heads) {
    const readings = FAMILY_NAMES[head]
    const given = chars.length - [...head].length
    if (readings && given >= 1 && given <= 3) return { family: head, readings, given }
  }
  return null
}

export type CantoneseComparison = { verdict: 'cannot tell' | 'different'; why: string }

/**
 * Compare a name in Chinese characters with one in Latin letters, in either order (see the top of this
 * file); null when the pair is not of that kind. Called once the pinyin reading has not found them the same.
 */
export function compareCantoneseWritten(a: string, b: string): CantoneseComparison | null {
  const [han, latin] = HAN_WRITTEN.test(a) && LATIN_WRITTEN.test(b) ? [a, b] : HAN_WRITTEN.test(b) && LATIN_WRITTEN.test(a) ? [b, a] : [null, null]
  if (!han || !latin) return null
  const fam = cantoneseFamily(han)
  if (!fam) return null
  const written = latin.split(/[\s,-]+/u).filter(w => plain(w))
  const raw = written.map(plain)
  if (raw.length < 2 || raw.length > 5) return null
  const readings = new Set(fam.readings)
  // At most one English given name, first or last ("Peter Wong Siu Ming", "Wong Siu Ming Peter"); every other word Cantonese syllables.
  const syllabic = (w: string, i: number, words: string[]) => cantoneseSyllableCounts(w).size > 0 || readings.has(w) || (i + 1 < words.length && readings.has(w + words[i + 1]!)) || (i > 0 && readings.has(words[i - 1]! + w))
  const foreign = raw.map((w, i) => !syllabic(w, i, raw))
  const foreignCount = foreign.filter(Boolean).length
  if (foreignCount > 1 || (foreignCount === 1 && !foreign[0] && !foreign[raw.length - 1])) return null
  // A word in pinyin ("Chen Xiaoming") is a Mandarin given name, not an English one: the pinyin reading decides that pair.
  if (raw.some((w, i) => foreign[i] && readsAsPinyin(w))) return null
  const english = foreign[0] ? written[0]! : foreign[raw.length - 1] ? written[raw.length - 1]! : null
  const words = raw.filter((_, i) => !foreign[i])
  // The family name first or last, one word or a compound written in two ("Au Yeung").
  const shown = written.filter((_, i) => !foreign[i])
  const placements: Array<{ family: string; given: string[]; as: string }> = []
  for (const n of [1, 2]) {
    if (words.length < n) continue
    placements.push({ family: words.slice(0, n).join(''), given: words.slice(n), as: shown.slice(0, n).join(' ') })
    placements.push({ family: words.slice(-n).join(''), given: words.slice(0, -n), as: shown.slice(-n).join(' ') })
  }
  const matched = placements.filter(p => readings.has(p.family))
  if (!matched.length) return { verdict: 'different', why: `"${fam.family}" reads ${fam.readings.join('/')} in Hong Kong and Macau spellings, which is not in "${latin}"` }
  const mandarin = plain(transliterate(fam.family)).replace(/\s+/g, '')
  for (const p of matched) {
    // Spelt as the pinyin of the characters (陳 Chen, 李 Li, 馬 Ma), with a given name that reads as pinyin or
    // Wade–Giles: the pinyin reading compared it already and found another name ("Chen Hao" / "陳大文").
    if (p.family === mandarin && p.given.length && p.given.every(w => chineseSyllables(w).length > 0)) return null
    const fits = p.given.length ? syllablesFit(p.given, fam.given) : english !== null
    if (fits) {
      const beside = english ? `, with the English name "${english}"` : ''
      return { verdict: 'cannot tell', why: `"${fam.family}" reads "${p.as}" (Hong Kong/Macau spelling)${beside}; the given name in characters has several possible spellings: cannot tell from the characters` }
    }
  }
  return { verdict: 'different', why: `"${han}" has ${fam.given} character(s) in its given name, which "${latin}" does not spell` }
}

/** A word that splits into pinyin or Wade–Giles syllables; "er" after an initial ("Pe-ter") is no syllable. */
function readsAsPinyin(word: string): boolean {
  return chineseSyllables(word).some(parse => parse.every(readings => [...readings].some(p => !/^[^aeiou]+er$/.test(p))))
}

/** Whether the romanised given-name words can spell exactly `chars` syllables (one per character). */
function syllablesFit(words: string[], chars: number): boolean {
  let totals = new Set<number>([0])
  for (const w of words) {
    const counts = cantoneseSyllableCounts(w)
    const next = new Set<number>()
    for (const t of totals) for (const c of counts) next.add(t + c)
    totals = next
  }
  return totals.has(chars)
}
