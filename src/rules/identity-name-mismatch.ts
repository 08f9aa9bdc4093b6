import { NAME_IN_COMMON, samePersonName } from '../domain/samePersonNames'
import { str } from './helpers'
import { notApplicable, type Rule } from './types'

export const rule: Rule = {
  meta: {
    id: 'identity-name-mismatch',
    version: 4,
    title: 'The resume or a profile carries another name',
    rationale:
      'Personas are assembled from reused documents: a resume or profile prepared for one identity turns up under another. A name on the resume or on a profile that is not the applicant’s name (allowing for how one person writes their own name: accents, case, initials (also of a joined given name), word order, nicknames, given names joined or split, a middle, father’s or maternal name added or left out, a preferred name in brackets, another script (Hangul, Chinese, Cyrillic, Arabic) or romanisation (RR, MR, Yale, pinyin, Wade–Giles) — while one changed syllable, as Choi/Cho or Jeon/Jeong, is another name) is the inconsistency the advisories list first. A name that shares one whole name with the applicant’s and nothing else ("Sarah Kwon" / "Jinsol Kwon") is reported as that, a weaker reading: a preferred name beside a legal one that does not contain it looks so, and at full strength it would weigh on people for how they name themselves. The trade-off: a reused resume whose persona shares only the family name weighs little alone; the other evidence and the checklist (see the ID) carry it.',
    category: 'identity',
    severity: 'medium',
    strength: 'moderate',
    indicators: ['CV-CROSS-PROFILE'],
    sources: ['G1: "Inconsistencies in name spelling … contact information, educational history, work history"', 'G2: online profiles "that do not match the hired individual’s provided resume"', 'V10: 2025 tip 1 (consistency across documents)'],
    requires: ['person.fullName', 'resume.names or profiles[].name'],
    knownFalsePositives: ['a resume in a former (e.g. maiden) name', 'a stage or professional name on a profile', 'a resume the extraction read the wrong line from as the name'],
    checklist: ['Ask the applicant why the resume or profile shows another name, and see the ID with that in mind', 'Compare the resume with others in the pool (same template, other names)'],
  },
  evaluate(facts) {
    const name = facts.person.fullName
    const others = [
      ...facts.resume.names.map(n => ({ value: n.value, evidence: n.evidence })),
      ...facts.profiles.flatMap(p => (str(p.value.name) ? [{ value: str(p.value.name)!, evidence: p.evidence }] : [])),
    ]
    if (!name || !others.length) return notApplicable(...(!name ? ['person.fullName'] : []), ...(!others.length ? ['resume.names or profiles[].name'] : []))
    const mismatches = others.map(o => ({ ...o, s: samePersonName(name.value, o.value) })).filter(o => !o.s.same)
    if (!mismatches.length) {
      // Names only "cannot tell" (a given name in kanji or Chinese characters) are not contradictions; the message says which were not confirmed.
      const open = others.filter(o => samePersonName(name.value, o.value).cannotTell).map(o => `"${o.value}"`)
      const note = open.length ? ` (${open.join(', ')}: nothing contradicts it, but the characters cannot be read to confirm it)` : ''
      return { status: 'clear', message: `Every name on the resume and profiles is ${name.value}${note}.`, evidence: [name.evidence, ...others.map(o => o.evidence)].slice(0, 6) }
    }
    const inCommon = mismatches.every(m => m.s.sharesOneName)
    const list = mismatches.map(m => `"${m.value}" (${m.evidence.where}; similarity ${m.s.score.toFixed(2)})`).join(', ')
    if (inCommon) {
      const shared = [...new Set(mismatches.map(m => `"${m.s.sharesOneName}"`))].join(', ')
      return {
        status: 'flag',
        message: `The applicant is ${name.value}, but ${list} ${mismatches.length > 1 ? 'share' : 'shares'} only ${shared} with that name: a preferred name beside the legal one, or someone else.`,
        evidence: [name.evidence, ...mismatches.map(m => m.evidence)].slice(0, 5).concat({ field: NAME_IN_COMMON, value: mismatches[0]!.s.sharesOneName, source: 'rule', where: 'the applicant’s name and the other names compared' }),
      }
    }
    return { status: 'flag', message: `The applicant is ${name.value}, but ${list} ${mismatches.length > 1 ? 'name someone else' : 'names someone else'}.`, evidence: [name.evidence, ...mismatches.map(m => m.evidence)].slice(0, 6) }
  },
}
