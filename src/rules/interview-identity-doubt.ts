import { notApplicable, type Rule } from './types'

/** Structured observations (§2.5) as codes, or as reviewers write them. */
export const IDENTITY_OBSERVATIONS: Array<[RegExp, string]> = [
  [/\bappearance_drift\b|\b(looked|appeared|seemed) (like )?(a )?different (person|man|woman)\b|\bdifferent person\b|\bnot the same person\b/i, 'a different person appeared'],
  [/\bliveness_failed\b|\bfailed (the )?liveness\b|\bdeepfake\b|\bface[- ]?swap\b|\bartefacts? when\b|\bartifacts? when\b/i, 'failed liveness prompts or showed face-swap artefacts'],
  [/\bvoice_changer\b|\bvoice (changer|changed|was different)\b|\bdifferent voice\b/i, 'the voice changed'],
  [/\bid_not_shown\b|\b(would not|refused to|declined to|did not) (show|hold)( up)? (the |their |an? )?id\b/i, 'would not show ID on camera'],
  [/\bid_mismatch\b|\b(did not|does not|didn't) match (the )?id\b|\bid photo (did not|does not) match\b/i, 'did not match the ID photo'],
]

export const rule: Rule = {
  meta: {
    id: 'interview-identity-doubt',
    version: 1,
    title: 'Interviewer saw signs of a stand-in or a fake face',
    rationale:
      'The person on camera changing between or during calls, failing liveness prompts, a changed voice, or refusing to hold the ID beside the face: these are what interviewers see when the person applying is not the person on the documents. Recorded by the interviewer as structured observations.',
    category: 'interview',
    severity: 'high',
    strength: 'strong',
    indicators: ['IV-APPEARANCE-DRIFT', 'IV-DEEPFAKE', 'ID-FACE-MISMATCH'],
    sources: ['G2: inconsistencies in "time, location, or appearance"', 'G5: "wave their hand in front of their face"; someone else does the work after the interview', 'V11: 1 in 4 DPRK-linked applicants used a deepfake in a live interview', 'V13: hold the ID next to the face'],
    requires: ['interview.observations'],
    knownFalsePositives: ['a poor connection that distorts face and voice', 'a reviewer’s mistaken impression (record what was seen, not a conclusion)'],
    checklist: ['Hold a second live call with liveness prompts (hand in front of face, turn the head, read a random phrase) and ID beside the face', 'Compare snapshots from each call with the ID photo'],
  },
  evaluate(facts) {
    const obs = facts.interview.observations
    if (!obs.length) return notApplicable('interview.observations')
    const hits = obs.flatMap(o => IDENTITY_OBSERVATIONS.filter(([re]) => re.test(o.value)).map(([, label]) => ({ o, label })))
    if (!hits.length) return { status: 'clear', message: `${obs.length} observation(s), none about identity.`, evidence: obs.map(o => o.evidence).slice(0, 3) }
    return { status: 'flag', message: `The interviewer recorded that ${[...new Set(hits.map(h => h.label))].join('; ')}.`, evidence: [...new Set(hits.map(h => h.o))].map(o => o.evidence) }
  },
}
