import { testContext } from './ruleTestKit'
import { buildCaseFacts } from './caseFacts'
import { rule } from './interview-camera-refused'

const ctx = testContext('2026-10-01T00:00:00Z')
const facts = (video?: string) => buildCaseFacts('candidate', video ? [{ field: 'interview.video', value: video, source: 'reviewer', where: 'case page' }, { field: 'interview.observation', value: 'Said the webcam was broken', source: 'reviewer', where: 'case page' }] : [])

describe('interview-camera-refused', () => {
  it.each(['camera_off', 'declined'])('flags %s with the observations as evidence', v => {
    const r = rule.evaluate(facts(v), ctx)
    expect(r.status).toBe('flag')
    expect(r.status === 'flag' && r.evidence).toHaveLength(2)
  })
  it('clears a completed video interview', () => expect(rule.evaluate(facts('completed'), ctx).status).toBe('clear'))
  it('is not applicable before an interview', () => {
    expect(rule.evaluate(facts(), ctx).status).toBe('not_applicable')
    expect(rule.evaluate(facts('not_held'), ctx).status).toBe('not_applicable')
  })
})

describe('interview-camera-refused: reviewers\' own words', () => {
  const note = (value: string) => ({ field: 'interview.notes', value, source: 'reviewer', where: 'case page: interview notes' })
  it('flags a note saying the camera was kept off when no video was recorded, quoting it', () => {
    const r = rule.evaluate(buildCaseFacts('candidate', [note('Kept the camera off; said the webcam was broken')]), ctx)
    expect(r).toMatchObject({ status: 'flag', message: "The reviewer's note says the applicant kept the camera off at interview." })
    expect(r.status === 'flag' && r.evidence[0]!.value).toBe("from the reviewer's note: 'Kept the camera off'")
  })
  it('keeps the recorded video primary', () => {
    const r = rule.evaluate(buildCaseFacts('candidate', [{ ...note('camera off for the first minute'), field: 'interview.observation' }, { field: 'interview.video', value: 'completed', source: 'reviewer', where: 'case page' }]), ctx)
    expect(r.status).toBe('clear')
  })
  it('does not fire on "camera was on the whole time"', () => {
    expect(rule.evaluate(buildCaseFacts('candidate', [note('Camera was on the whole time')]), ctx).status).toBe('not_applicable')
  })
})
