import { notApplicable, type Rule } from './types'

export const rule: Rule = {
  meta: {
    id: 'interview-camera-refused',
    version: 2,
    title: 'Would not appear on camera at interview',
    rationale: 'Workers using a borrowed or stolen identity avoid being seen: the camera is "broken" or video is declined. The interviewer records what happened; this rule reads that record.',
    category: 'interview',
    severity: 'medium',
    strength: 'moderate',
    indicators: ['IV-NO-CAMERA'],
    sources: ['G2: first listed indicator (reluctance to appear on camera)', 'V10: "reluctance to engage in video calls, frequently citing technical issues with webcams"', 'V14: "My camera is broken"'],
    requires: ['interview.video', 'interview.notes'],
    knownFalsePositives: ['a real equipment failure, resolved at a rescheduled call', 'accessibility needs agreed in advance'],
    checklist: ['Hold a live video call with the camera on, with liveness prompts (turn the head, hand in front of the face)', 'Compare the person on camera with the ID photo'],
  },
  evaluate(facts) {
    const video = facts.interview.video
    if (!video) return notApplicable('interview.video')
    const evidence = [video.evidence, ...facts.interview.observations.map(o => o.evidence)]
    if (video.value === 'camera_off' || video.value === 'declined') {
      // No video recorded, but the reviewer wrote it down: say so, so the reader knows to check the words.
      const said = video.evidence.field === 'interview.video' ? 'The applicant' : "The reviewer's note says the applicant"
      return { status: 'flag', message: video.value === 'declined' ? `${said} declined a video interview.` : `${said} kept the camera off at interview.`, evidence }
    }
    if (video.value === 'not_held') return notApplicable('a held interview')
    return { status: 'clear', message: 'The interview was held on camera.', evidence }
  },
}
