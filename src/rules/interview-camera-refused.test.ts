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
