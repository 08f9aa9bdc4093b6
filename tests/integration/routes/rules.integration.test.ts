import { RULES } from '../../../src/rules/registry'
import { addUser, createTestApp, signIn, type TestApp } from '../../support/appSetup'

describe('/rules', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp()
    await addUser(t.services, 'manager')
  })
  afterAll(() => t.close())

  it('documents every rule with its sources, inputs, innocent explanations and version', async () => {
    const { agent } = await signIn(t.app, 'manager@example.test')
    const index = await agent.get('/rules')
    expect(index.status).toBe(200)
    for (const r of RULES) {
      expect(index.text).toContain(`href="/rules/${r.meta.id}"`)
      const page = await agent.get(`/rules/${r.meta.id}`)
      expect(page.status).toBe(200)
      expect(page.text).toContain(`version ${r.meta.version}`)
      expect(page.text).toContain('Public sources')
      expect(page.text).toContain('Known innocent explanations')
      expect(page.text).toContain('Likelihood ratio')
      expect(page.text).toContain('Why this likelihood ratio')
    }
    // The scoring model: each rule's LR and family, the prior, the bands and the families' shared explanations.
    expect(index.text).toContain('data-qa="families"')
    expect(index.text).toContain('1 : 63')
    expect(index.text).toMatch(/<td class="govuk-table__cell govuk-table__cell--numeric">15<\/td><td class="govuk-table__cell govuk-table__cell--numeric">29\.4<\/td><td class="govuk-table__cell">Remote-control software<\/td>/)
    expect((await agent.get('/rules/no-such-rule')).status).toBe(404)
  })
})
