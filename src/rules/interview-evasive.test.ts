import { rule } from './interview-evasive'
import { fact, factsOf, testContext } from './ruleTestKit'

const ctx = testContext()
describe('interview-evasive', () => {
  it('flags reading and a crowded room', () => {
    expect(rule.evaluate(factsOf([fact('interview.observation', 'Long pauses before each answer')]), ctx).status).toBe('flag')
    expect(rule.evaluate(factsOf([fact('interview.observation', 'crowded_room')]), ctx).status).toBe('flag')
  })
  it('clears ordinary notes', () => {
    expect(rule.evaluate(factsOf([fact('interview.observation', 'Camera on throughout; matched ID photo')]), ctx).status).toBe('clear')
  })
  it('is not applicable without observations', () => {
    expect(rule.evaluate(factsOf([]), ctx).status).toBe('not_applicable')
  })
})

describe('interview-evasive: reviewers\' own words', () => {
  const note = (value: string) => fact('interview.notes', value, 'reviewer: interview notes')
  it('flags reading described in the notes, with the phrase as evidence', () => {
    const r = rule.evaluate(factsOf([note('Good rapport.\nHe was reading his answers off a second screen.')]), ctx)
    expect(r.status).toBe('flag')
    expect(r.status === 'flag' && r.evidence[0]).toMatchObject({ value: "from the reviewer's note: 'reading his answers'", where: 'reviewer: interview notes, line 2' })
  })
  it('clears a negated note', () => {
    expect(rule.evaluate(factsOf([note('No sign of reading, answered promptly')]), ctx).status).toBe('clear')
  })
})
