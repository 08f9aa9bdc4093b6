import { rule } from './sanctions-organisation-hit'
import { fact, factsOf, testContext } from './ruleTestKit'

const ctx = testContext()
describe('sanctions-organisation-hit', () => {
  it('flags a designated front company as an employer, whatever its legal form', () => {
    const r = rule.evaluate(factsOf([fact('resume.employer', { company: 'Volasys Silver Star Ltd.', title: 'Developer' })]), ctx)
    expect(r.status).toBe('flag')
  })
  it('clears ordinary companies and near names (entities match exactly)', () => {
    expect(rule.evaluate(factsOf([fact('resume.employer', { company: 'Silver Star Consulting' }), fact('reference', { company: 'Bluepeak Software' })]), ctx).status).toBe('clear')
  })
})
