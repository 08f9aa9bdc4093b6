import { fnv1a } from './minhash'

/**
 * Lines of a resume written word for word on another: persona teams reuse one work history (its bullets,
 * with their figures) inside resumes whose summaries, schooling and skills differ, so the whole texts stay
 * below the near-duplicate threshold (masked Jaccard 0.3–0.5 on the independent population's front-company
 * teams, where unrelated resumes reach 0.17). A line counts when it is long enough to be written, not
 * picked from a template: at least MIN_LINE_WORDS words. A line many resumes share is a template's and
 * counts for no one (hub damping, as for identifiers).
 */
export const MIN_LINE_WORDS = 8
/** Shared lines that make two resumes candidates… */
export const MIN_SHARED_LINES = 3
/** …and the masked Jaccard they must still reach: sharing a few lines of boilerplate alone is not enough. */
export const LINE_JACCARD_FLOOR = 0.25
/** A line more resumes than this share is boilerplate. */
export const LINE_HUB_LIMIT = 12
const MAX_LINES = 80

/** Keys of a masked resume text's distinctive lines: bullets and sentences, case and spacing aside. */
export function resumeLineKeys(maskedTexts: readonly string[]): string[] {
  const keys = new Set<string>()
  for (const text of maskedTexts) {
    for (const raw of text.split(/\r?\n|(?<=[.!?])\s+(?=[A-Z])/)) {
      const line = raw
        .toLowerCase()
        .replace(/^[\s\-–—•*·>]+/, '')
        .replace(/[^\p{L}\p{N}$%]+/gu, ' ')
        .trim()
      if (line.split(' ').length < MIN_LINE_WORDS) continue
      // Two 32-bit hashes: 20,000 resumes' lines are millions of keys, too many for one.
      keys.add(`${fnv1a(line).toString(36)}.${fnv1a(line, 0x9747b28c).toString(36)}`)
      if (keys.size >= MAX_LINES) return [...keys]
    }
  }
  return [...keys]
}

export const resumeLinesVia = (shared: number, similarity: number) => `${shared} lines of the resume word for word (whole text ${Math.round(similarity * 100)}% alike once names and contacts are masked)`
export const resumeVia = (similarity: number) => `resume text ${Math.round(similarity * 100)}% alike once names and contacts are masked`
