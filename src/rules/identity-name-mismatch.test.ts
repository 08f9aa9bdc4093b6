import { rule } from './identity-name-mismatch'
import { fact, factsOf, testContext } from './ruleTestKit'

const ctx = testContext()
const applicant = fact('person.full_name', 'Dana Whitfield')

describe('identity-name-mismatch', () => {
  it('flags a resume that carries another person’s name', () => {
    const r = rule.evaluate(factsOf([applicant, { ...fact('resume.name', 'Kevin Brandt'), source: 'document', where: 'cv.pdf, line 1' }]), ctx)
    expect(r.status).toBe('flag')
    expect(r.status === 'flag' && r.message).toContain('Kevin Brandt')
  })
  it('clears the same name written differently (order, case, accents, initial)', () => {
    expect(rule.evaluate(factsOf([applicant, fact('resume.name', 'WHITFIELD, Dana'), fact('profile', { network: 'linkedin', name: 'Dana J. Whitfield' })]), ctx).status).toBe('clear')
    expect(rule.evaluate(factsOf([fact('person.full_name', 'José García'), fact('resume.name', 'Jose Garcia')]), ctx).status).toBe('clear')
  })
  it('is not applicable with nothing to compare', () => {
    expect(rule.evaluate(factsOf([applicant]), ctx).status).toBe('not_applicable')
  })
})
