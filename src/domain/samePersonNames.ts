import { differentChineseWords } from './chineseNames'
import { differentSyllableWords, sameKoreanName } from './koreanNames'
import { looksLikeCompany, normaliseName, scoreNames, scoreNormalised, tokenSimilarity, type NormalisedName } from './names'
import { boundedMemo } from './boundedMemo'

/**
 * Is this the same person, as one person writes their own name across a form, a resume and a bank
 * account? Screening asks whether a name could be a listed one; this asks whether two names on one
 * application belong to one person, and so tolerates what people do with their own name:
 *
 * - given names joined, split or hyphenated, family name first or last ("Minjun Kim" / "Kim Min-jun",
 *   "Xiao Ming Wu" / "Wu Xiaoming"), in any case ("BAK JI HUN" / "Park Ji-hoon");
 * - another script or romanisation (Hangul, RR/MR/Yale, pinyin/Wade–Giles, Cyrillic, Arabic script);
 * - a fuller form: a middle name, a second given name, a father's or maternal family name added or left
 *   out ("Ana María López García" / "Ana López"), up to three words;
 * - initials for given names, also for the syllables of a joined given name ("JH Park" / "Park Jihoon");
 * - a preferred name beside the legal one, in brackets or quotes ("Kim Min-jun (Kevin)" / "Kevin Kim").
 *
 * and keeps apart what tells two people apart: a word that differs rather than is missing ("Hans Joachim
 * Friedrich" / "Hans Otto Friedrich"), a romanised syllable changed into another (Choi/Cho, Jeon/Jeong,
 * Sang/Song), a different family name. It reads spellings only; nothing here looks at origin.
 */
export interface SamePerson {
  same: boolean
  score: number
  why: string[]
}

/** Words added on the longer side that still read as a fuller form of the same name. */
const MAX_ADDED = 3
/** A word-to-word similarity that counts as the same word here (the comparator's own threshold). */
const SAME_WORD = 0.88

const memo = boundedMemo(100_000, key => {
  const cut = key.indexOf('\u0000')
  return compute(key.slice(0, cut), key.slice(cut + 1))
})

export function samePersonName(a: string, b: string): SamePerson {
  return memo(`${a}\u0000${b}`)
}

/** A name and the forms it is written in: a preferred name in brackets or quotes is another form. */
export function writtenForms(name: string): string[] {
  const bracket = /\s*[("“'‘]([^)"”'’]+)[)"”'’]\s*/u
  const m = bracket.exec(name)
  if (!m) return [name]
  const without = name.replace(bracket, ' ').trim()
  const words = without.split(/\s+/)
  const forms = [without, `${m[1]!.trim()} ${words[words.length - 1]}`, `${words[0]} ${m[1]!.trim()}`, name.replace(/[()"“”'‘’]/gu, ' ')]
  return [...new Set(forms.filter(f => f.trim()))]
}

function compute(a: string, b: string): SamePerson {
  let best: SamePerson = { same: false, score: 0, why: [] }
  for (const x of writtenForms(a)) {
    for (const y of writtenForms(b)) {
      const r = comparePair(x, y)
      if (r.same && !best.same) best = r
      else if (r.same === best.same && r.score > best.score) best = r
      if (best.same && best.score >= 0.95) return best
    }
  }
  return best
}

function comparePair(a: string, b: string): SamePerson {
  const na = normaliseName(a, 'Person')
  const nb = normaliseName(b, 'Person')
  // Aliases written "A / B" are scoreNames' to split; otherwise each name is normalised once.
  const scored = /[/;|]/.test(a + b) ? scoreNames(a, b, 'Person') : scoreNormalised(na, nb)
  if (scored.match) {
    // Screening forgives a typo; one's own name does not change a syllable ("Xiaoming" / "Xiaomin" are two names).
    const changed = syllableChanged(na.tokens, nb.tokens, apartTest(na, nb))
    if (!changed) return { same: true, score: scored.score, why: scored.why }
    return { same: false, score: Math.min(scored.score, 0.85), why: [`read as syllables, "${changed[0]}" and "${changed[1]}" are different names`, ...scored.why] }
  }
  // A business name is not a fuller form of a person's ("Chinedu Nwosu" / "CN Nwosu Labs LLC"): only the comparator decides there.
  if (looksLikeCompany(a) || looksLikeCompany(b) || na.legalForms.length || nb.legalForms.length) return { same: false, score: scored.score, why: scored.why }
  // Two names that read as Korean syllables and differ there are two people, however else they look alike.
  const koreanApart = na.korean && nb.korean && !sameKoreanName(na.korean, nb.korean)
  if (koreanApart && scored.why.some(w => w.includes('syllable'))) return { same: false, score: scored.score, why: scored.why }
  const fuller = fullerForm(na.tokens, nb.tokens, apartTest(na, nb))
  if (fuller) return { same: true, score: Math.max(scored.score, 0.9), why: [fuller, ...scored.why] }
  return { same: false, score: scored.score, why: scored.why }
}

/** A word on each side, found nowhere on the other, that reads as different Korean or Chinese syllables though a letter or two apart. */
function syllableChanged(ta: string[], tb: string[], wordsApart: WordsApart): [string, string] | null {
  for (const w of ta) {
    if (tb.includes(w)) continue
    for (const v of tb) {
      if (ta.includes(v)) continue
      const s = tokenSimilarity(w, v)
      if (s.sim >= 0.8 && s.how !== 'same' && s.how !== 'doubled letters' && s.how !== 'initial' && wordsApart(w, v)) return [w, v]
    }
  }
  return null
}

type WordsApart = (w: string, v: string) => boolean

/** Words read as syllables only when both whole names read so (an English "Katherine" also splits into syllables). */
function apartTest(na: NormalisedName, nb: NormalisedName): WordsApart {
  const korean = Boolean(na.korean && nb.korean)
  const chinese = Boolean(na.chinese && nb.chinese)
  return (w, v) => (korean && differentSyllableWords(w, v)) || (chinese && differentChineseWords(w, v))
}

/** "jh" as the initials of "jihoon" (ji-hoon): each part starts with its letter and has a vowel. */
function initialsOf(cluster: string, word: string): boolean {
  if (cluster.length < 2 || cluster.length > 3 || /[aeiouy]/.test(cluster) || word.length < cluster.length * 2) return false
  const re = new RegExp(`^${[...cluster].map(c => `${c}[a-z]*?[aeiouy][a-z]*?`).join('')}$`)
  return re.test(word)
}

/**
 * The shorter name's every word is found in the longer, each to its own word (the same word, a spelling of
 * it, or its initial), with at most three words added and a whole word among those found: a fuller form of
 * one name. Why, or null.
 */
function fullerForm(ta: string[], tb: string[], wordsApart: WordsApart): string | null {
  const [short, long] = ta.length <= tb.length ? [ta, tb] : [tb, ta]
  if (short.length < 2 || long.length - short.length > MAX_ADDED) return null
  const used = new Set<number>()
  let whole = 0
  let initials = 0
  for (const w of short) {
    let at = -1
    let how = ''
    long.forEach((v, j) => {
      if (at >= 0 || used.has(j)) return
      if (initialsOf(w, v) || initialsOf(v, w)) {
        at = j
        how = 'initials'
        return
      }
      const s = tokenSimilarity(w, v)
      if (s.sim < SAME_WORD && !(s.how === 'initial' && s.sim > 0)) return
      // One romanised syllable changed into another is another name, not a spelling (Sang/Song).
      if (s.how !== 'same' && s.how !== 'doubled letters' && s.how !== 'initial' && wordsApart(w, v)) return
      at = j
      how = s.how
    })
    if (at < 0) return null
    used.add(at)
    if (how !== 'initial' && how !== 'initials' && w.length > 1) whole++
    else initials++
  }
  if (!whole) return null
  const added = long.filter((_, j) => !used.has(j))
  if (added.length) return `a fuller form of the same name: ${added.map(t => `"${t}"`).join(', ')} added`
  return initials ? 'the same name, some of it as initials' : 'the same words'
}
