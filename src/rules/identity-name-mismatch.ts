import { NAME_IN_COMMON, samePersonName } from '../domain/samePersonNames'
import { str } from './helpers'
import { notApplicable, type Rule } from './types'

/**
 * Evidence field marking another name as the holder of a freelance marketplace account the applicant
 * works through: the rented or bought account of the Didenko case (scoring variant "marketplace-holder").
 */
export const MARKETPLACE_HOLDER = 'profile.marketplace-holder'
const MARKETPLACES = new Set(['upwork', 'freelancer', 'fiverr', 'toptal', 'guru', 'peopleperhour', 'contra'])

export const rule: Rule = {
  meta: {
    id: 'identity-name-mismatch',
    version: 5,
    title: 'The resume or a profile carries another name',
    rationale:
      'Personas are assembled from reused documents: a resume or profile prepared for one identity turns up under another. A name on the resume or on a profile that is not the applicant’s name (allowing for how one person writes their own name: accents, case, initials (also of a joined given name), word order, nicknames, given names joined or split, a middle, father’s or maternal name added or left out, a preferred name in brackets, another script (Hangul, Chinese, Cyrillic, Arabic) or romanisation (RR, MR, Yale, pinyin, Wade–Giles) — while one changed syllable, as Choi/Cho or Jeon/Jeong, is another name) is the inconsistency the advisories list first. A name that shares one whole name with the applicant’s and nothing else ("Sarah Kwon" / "Jinsol Kwon") is reported as that, a weaker reading: a preferred name beside a legal one that does not contain it looks so, and at full strength it would weigh on people for how they name themselves. The trade-off: a reused resume whose persona shares only the family name weighs little alone; the other evidence and the checklist (see the ID) carry it. A freelance marketplace account (Upwork, Freelancer, Toptal…) whose holder is another person is read more strongly (scoring variant "marketplace-holder"): the platform verified that holder’s identity, and workers rent or buy such aged, top-rated accounts (DOJ, Didenko; G1: an account owner asking to work through another’s account).',
    category: 'identity',
    severity: 'medium',
    strength: 'moderate',
    indicators: ['CV-CROSS-PROFILE'],
    sources: ['G1: "Inconsistencies in name spelling … contact information, educational history, work history"', 'G2: online profiles "that do not match the hired individual’s provided resume"', 'V10: 2025 tip 1 (consistency across documents)'],
    requires: ['person.fullName', 'resume.names or profiles[].name (or display_name)'],
    knownFalsePositives: ['a resume in a former (e.g. maiden) name', 'a stage or professional name on a profile', 'a resume the extraction read the wrong line from as the name'],
    checklist: ['Ask the applicant why the resume or profile shows another name, and see the ID with that in mind', 'For a freelance marketplace account in another name: ask the platform who holds it and who completed its identity verification', 'Compare the resume with others in the pool (same template, other names)'],
  },
  evaluate(facts) {
    const name = facts.person.fullName
    const others = [
      ...facts.resume.names.map(n => ({ value: n.value, evidence: n.evidence, marketplace: null as string | null })),
      ...facts.profiles.flatMap(p => {
        // Platform exports name the account holder as name, display_name or full_name.
        const shown = str(p.value.name) ?? str(p.value.display_name) ?? str(p.value.full_name)
        return shown ? [{ value: shown, evidence: p.evidence, marketplace: MARKETPLACES.has(String(p.value.network).toLowerCase()) ? String(p.value.network) : null }] : []
      }),
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
    const held = mismatches.find(m => m.marketplace && !m.s.sharesOneName)
    if (held) {
      return {
        status: 'flag',
        message: `The applicant is ${name.value}, but ${list} ${mismatches.length > 1 ? 'name someone else' : 'names someone else'}: the ${held.marketplace} account they work through is held in another person's name, as rented and bought freelancer accounts are.`,
        evidence: [name.evidence, ...mismatches.map(m => m.evidence)].slice(0, 5).concat({ field: MARKETPLACE_HOLDER, value: held.marketplace, source: 'rule', where: held.evidence.where }),
      }
    }
    return { status: 'flag', message: `The applicant is ${name.value}, but ${list} ${mismatches.length > 1 ? 'name someone else' : 'names someone else'}.`, evidence: [name.evidence, ...mismatches.map(m => m.evidence)].slice(0, 6) }
  },
}
