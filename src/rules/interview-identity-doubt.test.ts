import { rule } from './interview-identity-doubt'
import { fact, factsOf, testContext } from './ruleTestKit'

const ctx = testContext()
describe('interview-identity-doubt', () => {
  it('flags coded and written observations', () => {
    expect(rule.evaluate(factsOf([fact('interview.observation', 'liveness_failed')]), ctx).status).toBe('flag')
    expect(rule.evaluate(factsOf([fact('interview.observation', 'Looked like a different person in round two')]), ctx).status).toBe('flag')
    expect(rule.evaluate(factsOf([fact('interview.observation', 'Refused to show the ID on camera')]), ctx).status).toBe('flag')
  })
  it('clears ordinary notes, including a matched ID', () => {
    expect(rule.evaluate(factsOf([fact('interview.observation', 'Camera on throughout; matched ID photo')]), ctx).status).toBe('clear')
  })
  it('is not applicable without observations', () => {
    expect(rule.evaluate(factsOf([]), ctx).status).toBe('not_applicable')
  })
})

describe('interview-identity-doubt: reviewers\' own words', () => {
  const note = (value: string) => fact('interview.notes', value, 'reviewer: interview notes')
  it('flags what a note says, quoting it as evidence', () => {
    const r = rule.evaluate(factsOf([note('Voice sounded different after the reconnect. Face glitched when he waved.')]), ctx)
    expect(r.status).toBe('flag')
    expect(r.status === 'flag' && r.evidence.map(e => e.value)).toEqual(["from the reviewer's note: 'Voice sounded different'", "from the reviewer's note: 'Face glitched'"])
    expect(r.status === 'flag' && r.evidence[0]!.where).toBe('reviewer: interview notes')
  })
  it('keeps the recorded code primary: the same observation in words adds nothing', () => {
    const r = rule.evaluate(factsOf([fact('interview.observation', 'liveness_failed'), note('face glitched when he waved')]), ctx)
    expect(r.status === 'flag' && r.evidence.map(e => e.value)).toEqual(['liveness_failed'])
  })
  it('does not fire on negated notes or on accent and language', () => {
    for (const n of ["Didn't look like a different person to me", 'Strong accent; his English was limited', 'Her accent changed between calls']) {
      expect(rule.evaluate(factsOf([note(n)]), ctx).status).toBe('clear')
    }
  })
})
