import { isObservationCode } from '../extract/interviewNotes'
import { notApplicable, type Rule } from './types'

/** Observation codes (INDICATORS.md §2.5) this rule reads; reviewers' own words arrive as these codes too. */
export const IDENTITY_OBSERVATIONS: Array<[RegExp, string]> = [
  [/^appearance_drift$/, 'a different person appeared'],
  [/^liveness_failed$/, 'failed liveness prompts or showed face-swap artefacts'],
  [/^voice_changer$/, 'the voice changed'],
  [/^id_not_shown$/, 'would not show ID on camera'],
  [/^id_mismatch$/, 'did not match the ID photo'],
]

export const rule: Rule = {
  meta: {
    id: 'interview-identity-doubt',
    version: 2,
    title: 'Interviewer saw signs of a stand-in or a fake face',
    rationale:
      'The person on camera changing between or during calls, failing liveness prompts, a changed voice, or refusing to hold the ID beside the face: these are what interviewers see when the person applying is not the person on the documents. Recorded by the interviewer as structured observations, or in their own words (the words count only where the code was not ticked, and are quoted).',
    category: 'interview',
    severity: 'high',
    strength: 'strong',
    indicators: ['IV-APPEARANCE-DRIFT', 'IV-DEEPFAKE', 'ID-FACE-MISMATCH'],
    sources: ['G2: inconsistencies in "time, location, or appearance"', 'G5: "wave their hand in front of their face"; someone else does the work after the interview', 'V11: 1 in 4 DPRK-linked applicants used a deepfake in a live interview', 'V13: hold the ID next to the face'],
    requires: ['interview.observations', 'interview.notes'],
    knownFalsePositives: ['a poor connection that distorts face and voice', 'a reviewer’s mistaken impression (record what was seen, not a conclusion)'],
    checklist: ['Hold a second live call with liveness prompts (hand in front of face, turn the head, read a random phrase) and ID beside the face', 'Compare snapshots from each call with the ID photo'],
  },
  evaluate(facts) {
    const { observations: obs, notes, fromNotes } = facts.interview
    if (!obs.length && !notes) return notApplicable('interview.observations')
    // Recorded codes first; the reviewer's words only add codes that were not ticked.
    const coded = [...obs.filter(o => isObservationCode(String(o.value))), ...fromNotes]
    const hits = coded.flatMap(o => IDENTITY_OBSERVATIONS.filter(([re]) => re.test(String(o.value).trim())).map(([, label]) => ({ o, label })))
    const read = [...obs, ...(notes ? [notes] : [])]
    if (!hits.length) return { status: 'clear', message: `${obs.length} observation(s)${notes ? ' and the notes' : ''}, none about identity.`, evidence: read.map(o => o.evidence).slice(0, 3) }
    return { status: 'flag', message: `The interviewer recorded that ${[...new Set(hits.map(h => h.label))].join('; ')}.`, evidence: [...new Set(hits.map(h => h.o))].map(o => o.evidence) }
  },
}
