import { parseApplication } from '../ingest/applicationFormat'
import { factsFromApplication, factsFromDocument } from './buildFacts'
import { extractResumeFields } from './resumeFields'

describe('facts', () => {
  const parsed = parseApplication({
    format: 'vetting/application@1',
    person: { full_name: 'Dana Whitfield', email: 'Dana@Example.org', phone: '+1 312 483 2212', citizenship: 'US', address: { city: 'Chicago', country: 'US', line1: null } },
    profiles: [{ network: 'GitHub', username: 'dw', created_at: '2016-03-02', photo: 'dw.png' }],
    interview: { video: 'camera_off', observations: ['Said the webcam was broken'] },
    payment: { method: 'crypto', wallet_address: 'TQn9', account_holder: null },
  })
  const facts = parsed.ok ? factsFromApplication(parsed.value) : []

  it('keeps where each claim came from', () => {
    expect(facts.find(f => f.field === 'person.email')).toEqual({ field: 'person.email', value: 'dana@example.org', source: 'application', locator: 'person.email' })
    expect(facts.find(f => f.field === 'person.phone')?.value).toMatchObject({ e164: '+13124832212' })
    expect(facts.find(f => f.field === 'profile')).toMatchObject({ value: { network: 'github', username: 'dw' }, locator: 'profiles[0]' })
    expect(facts.find(f => f.field === 'interview.observation')?.locator).toBe('interview.observations[0]')
    expect(facts.find(f => f.field === 'payment')?.value).toEqual({ method: 'crypto', wallet_address: 'TQn9' })
    expect(facts.find(f => f.field === 'person.address')?.value).toEqual({ city: 'Chicago', country: 'US' })
  })

  it('never turns citizenship into a fact', () => {
    expect(JSON.stringify(facts)).not.toMatch(/citizenship/)
  })

  it('locates document facts by page and line', () => {
    const fields = extractResumeFields(['Jane Roe', 'Skills\nGo'])
    const doc = { kind: 'pdf' as const, pages: ['Jane Roe', 'Skills\nGo'], metadata: {} as never, fields, warnings: [] }
    expect(factsFromDocument(doc, 'd0')).toEqual([
      { field: 'resume.name', value: 'Jane Roe', source: 'document', documentKey: 'd0', locator: 'page 1, line 1' },
      { field: 'resume.skill', value: 'Go', source: 'document', documentKey: 'd0', locator: 'page 2, line 2' },
    ])
  })

  it('reads a labelled web address written without its scheme, never a technology name in a sentence', () => {
    const pages = ['Jane Roe\nPortfolio: norland-trading.site/about\nWebsite: https://janeroe.example\n\nBuilt services in Node.js and Next.js.']
    const doc = { kind: 'text' as const, pages, metadata: {} as never, fields: extractResumeFields(pages), warnings: [] }
    const urls = factsFromDocument(doc, 'd0').filter(f => f.field === 'resume.url').map(f => f.value)
    // Read by the resume's own fields now, with its scheme put in front (a form's "Website: | x.site" too).
    expect(urls).toContain('https://norland-trading.site/about')
    const form = ['Name: | Jane Roe\nWebsite: | norland-trading.site']
    expect(factsFromDocument({ kind: 'docx' as const, pages: form, metadata: {} as never, fields: extractResumeFields(form), warnings: [] }, 'd1').filter(f => f.field === 'resume.url').map(f => f.value)).toEqual(['https://norland-trading.site'])
    expect(urls.filter(u => String(u).includes('janeroe'))).toHaveLength(1)
    expect(urls.some(u => /node|next/i.test(String(u)))).toBe(false)
  })
})
