import { isObservationCode } from '../extract/interviewNotes'
import { notApplicable, type Rule } from './types'

/** Observation codes (INDICATORS.md §2.5) this rule reads; reviewers' own words arrive as these codes too. */
export const EVASIVE_OBSERVATIONS: Array<[RegExp, string]> = [
  [/^reading_answers$/, 'paused, stalled or read answers'],
  [/^local_knowledge_gap$/, 'could not answer simple questions about the claimed home'],
  [/^crowded_room$/, 'sounds of a crowded room of other callers'],
  [/^virtual_background$/, 'hid the room behind a virtual background'],
  [/^plausible_wrong_answers$/, 'gave confident but wrong answers'],
]

export const rule: Rule = {
  meta: {
    id: 'interview-evasive',
    version: 2,
    title: 'Interviewer saw reading, stalling or a hidden room',
    rationale:
      'Long pauses and eye movements of someone reading, confident but wrong answers, no idea of the claimed home town, a crowded room behind a virtual background: signs that someone is coached or not where they say. Each has innocent explanations, so it counts as moderate and only as recorded observations.',
    category: 'interview',
    severity: 'medium',
    strength: 'moderate',
    indicators: ['IV-READING', 'IV-LOCAL-KNOWLEDGE', 'IV-BACKGROUND'],
    sources: ['G2: "excessive pausing, stalling, and eye scanning movements indicating reading, and giving incorrect yet plausible-sounding answers"', 'G5: "soft questions" about location (sec.)', 'V14: Cinder, crowded room of people on separate calls', 'V9: suspicious virtual backgrounds'],
    requires: ['interview.observations', 'interview.notes'],
    knownFalsePositives: ['nervousness; interviewing in a second language (never judge the language itself)', 'a shared flat or office behind a privacy background'],
    checklist: ['Ask the same location and employer questions you ask every candidate, on a live call without a virtual background'],
  },
  evaluate(facts) {
    const { observations: obs, notes, fromNotes } = facts.interview
    if (!obs.length && !notes) return notApplicable('interview.observations')
    // Recorded codes first; the reviewer's words only add codes that were not ticked.
    const coded = [...obs.filter(o => isObservationCode(String(o.value))), ...fromNotes]
    const hits = coded.flatMap(o => EVASIVE_OBSERVATIONS.filter(([re]) => re.test(String(o.value).trim())).map(([, label]) => ({ o, label })))
    const read = [...obs, ...(notes ? [notes] : [])]
    if (!hits.length) return { status: 'clear', message: `${obs.length} observation(s)${notes ? ' and the notes' : ''}, none of reading, stalling or a hidden room.`, evidence: read.map(o => o.evidence).slice(0, 3) }
    return { status: 'flag', message: `The interviewer recorded that the applicant ${[...new Set(hits.map(h => h.label))].join('; ')}.`, evidence: [...new Set(hits.map(h => h.o))].map(o => o.evidence) }
  },
}
