import { notApplicable, type Rule } from './types'

export const EVASIVE_OBSERVATIONS: Array<[RegExp, string]> = [
  [/\breading_answers\b|\blong pauses?\b|\bexcessive paus\w*\b|\bstall(ed|ing)\b|\beye[- ]scanning\b|\breading (from|off|answers)\b|\bfed answers\b/i, 'paused, stalled or read answers'],
  [/\blocal_knowledge_gap\b|\bcould ?n[o']t (answer|describe|name)\b.*\b(city|neighbou?rhood|area|town|school|office)\b|\bunfamiliar with (the )?(city|area)\b/i, 'could not answer simple questions about the claimed home'],
  [/\bcrowded_room\b|\bcrowded room\b|\bother (people|voices) (on|in) (other )?calls\b|\bcall[- ]cent(er|re) noise\b/i, 'sounds of a crowded room of other callers'],
  [/\bvirtual_background\b|\bvirtual background\b|\bstock background\b|\bblurred background\b.*\brefused\b/i, 'hid the room behind a virtual background'],
  [/\bwrong but plausible\b|\bconfident(ly)? (but )?wrong\b|\bincorrect yet plausible\b/i, 'gave confident but wrong answers'],
]

export const rule: Rule = {
  meta: {
    id: 'interview-evasive',
    version: 1,
    title: 'Interviewer saw reading, stalling or a hidden room',
    rationale:
      'Long pauses and eye movements of someone reading, confident but wrong answers, no idea of the claimed home town, a crowded room behind a virtual background: signs that someone is coached or not where they say. Each has innocent explanations, so it counts as moderate and only as recorded observations.',
    category: 'interview',
    severity: 'medium',
    strength: 'moderate',
    indicators: ['IV-READING', 'IV-LOCAL-KNOWLEDGE', 'IV-BACKGROUND'],
    sources: ['G2: "excessive pausing, stalling, and eye scanning movements indicating reading, and giving incorrect yet plausible-sounding answers"', 'G5: "soft questions" about location (sec.)', 'V14: Cinder, crowded room of people on separate calls', 'V9: suspicious virtual backgrounds'],
    requires: ['interview.observations'],
    knownFalsePositives: ['nervousness; interviewing in a second language (never judge the language itself)', 'a shared flat or office behind a privacy background'],
    checklist: ['Ask the same location and employer questions you ask every candidate, on a live call without a virtual background'],
  },
  evaluate(facts) {
    const obs = facts.interview.observations
    if (!obs.length) return notApplicable('interview.observations')
    const hits = obs.flatMap(o => EVASIVE_OBSERVATIONS.filter(([re]) => re.test(o.value)).map(([, label]) => ({ o, label })))
    if (!hits.length) return { status: 'clear', message: `${obs.length} observation(s), none of reading, stalling or a hidden room.`, evidence: obs.map(o => o.evidence).slice(0, 3) }
    return { status: 'flag', message: `The interviewer recorded that the applicant ${[...new Set(hits.map(h => h.label))].join('; ')}.`, evidence: [...new Set(hits.map(h => h.o))].map(o => o.evidence) }
  },
}
