import { rule } from './identity-work-history-mismatch'
import { fact, factsOf, testContext } from './ruleTestKit'

const ctx = testContext()
const doc = (company: string) => ({ ...fact('resume.employer', { company }), source: 'document', where: 'cv.pdf, line 5' })
describe('identity-work-history-mismatch', () => {
  it('flags a resume and a profile that share no employer', () => {
    const r = rule.evaluate(factsOf([doc('Bluepeak Software'), doc('Orbital Freight'), fact('profile', { network: 'linkedin', employers: ['Quartz Analytics', 'Atlas Robotics'] })]), ctx)
    expect(r.status).toBe('flag')
  })
  it('clears when one employer appears in both, however its legal form is written', () => {
    expect(rule.evaluate(factsOf([doc('Bluepeak Software Ltd'), doc('Orbital Freight'), fact('profile', { network: 'linkedin', employers: [{ company: 'Bluepeak Software Limited' }, 'Atlas Robotics'] })]), ctx).status).toBe('clear')
  })
  it('is not applicable with one source', () => {
    expect(rule.evaluate(factsOf([doc('Bluepeak Software'), doc('Orbital Freight')]), ctx).status).toBe('not_applicable')
  })
})
