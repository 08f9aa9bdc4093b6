import { MARKETPLACE_HOLDER, rule } from './identity-name-mismatch'
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
  it('reads a freelance marketplace account held in another name as the rented-account variant (display_name as platforms export it)', () => {
    const upwork = fact('profile', { network: 'upwork', username: 'megan_ross', display_name: 'Megan Ross', created_at: '2017-03-14', rating: 4.9, identity_verified: true })
    const r = rule.evaluate(factsOf([applicant, upwork]), ctx)
    expect(r.status).toBe('flag')
    expect(r.status === 'flag' && r.evidence.find(e => e.field === MARKETPLACE_HOLDER)?.value).toBe('upwork')
    // The applicant's own name on the account, written another way, is not that.
    expect(rule.evaluate(factsOf([applicant, { ...upwork, value: { network: 'upwork', display_name: 'Dana W.' } }]), ctx).status).toBe('clear')
    // Another name on a personal profile keeps the plain reading.
    const github = rule.evaluate(factsOf([applicant, fact('profile', { network: 'github', name: 'Megan Ross' })]), ctx)
    expect(github.status === 'flag' && github.evidence.some(e => e.field === MARKETPLACE_HOLDER)).toBe(false)
  })
  it('is not applicable with nothing to compare', () => {
    expect(rule.evaluate(factsOf([applicant]), ctx).status).toBe('not_applicable')
  })
})
