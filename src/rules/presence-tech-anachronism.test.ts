import { rule } from './presence-tech-anachronism'
import { fact, factsOf, testContext } from './ruleTestKit'

const ctx = testContext('2026-10-01T00:00:00Z')
describe('presence-tech-anachronism', () => {
  it('flags Solidity at a job that ended in 2013', () => {
    const r = rule.evaluate(factsOf([fact('resume.employer', { company: 'Orbital', title: 'Developer', start: '2011-03', end: '2013-08', details: 'Wrote Solidity contracts for payments.' })]), ctx)
    expect(r.status).toBe('flag')
    expect(r.status === 'flag' && r.message).toContain('Solidity')
  })
  it('flags more years of a technology than it has existed', () => {
    expect(rule.evaluate(factsOf([fact('resume.skill', 'Kubernetes (15 years)')]), ctx).status).toBe('flag')
  })
  it('clears plausible claims and ordinary words', () => {
    expect(rule.evaluate(factsOf([fact('resume.employer', { company: 'Orbital', title: 'Developer', start: '2016-03', end: '2019-08', details: 'Built React and Kubernetes tooling; helped the team react quickly.' }), fact('resume.skill', 'Go (8 years)')]), ctx).status).toBe('clear')
    expect(rule.evaluate(factsOf([fact('resume.employer', { company: 'Orbital', title: 'Developer', start: '2008-03', end: '2010-08', details: 'Kept the team able to react to incidents; swift releases.' })]), ctx).status).toBe('clear')
  })
  it('flags a DeFi protocol or an LLM-based tool at a job that ended before either existed', () => {
    const job = (end: string, details: string) => rule.evaluate(factsOf([fact('resume.employer', { company: 'Orbital', title: 'Engineer', start: '2013-05', end, details })]), ctx).status
    expect(job('2015-08', 'Designed a DeFi lending protocol on GCP.')).toBe('flag')
    expect(job('2016-06', 'Research on DeFi exchanges.')).toBe('clear')
    expect(job('2017-10', 'Built an LLM-based support triage tool.')).toBe('flag')
    expect(job('2019-10', 'Built an LLM-based support triage tool.')).toBe('clear')
    // The law degree, and the phrase that predates the tools (language models for speech recognition).
    expect(job('2013-10', 'Law firm associate, LLM (Tax).')).toBe('clear')
    expect(job('2013-10', 'Advised on contracts; LL.M. in tax law.')).toBe('clear')
    expect(job('2015-10', 'Rescored ASR output with large language models.')).toBe('clear')
  })
  it('allows three months for a job end rounded on a resume, not more', () => {
    // React was open-sourced in May 2013.
    const ended = (end: string) => rule.evaluate(factsOf([fact('resume.employer', { company: 'Orbital', title: 'Developer', start: '2011-09', end, details: 'Built the storefront with React.' })]), ctx).status
    expect(ended('2012-12')).toBe('flag')
    expect(ended('2013-03')).toBe('clear')
  })
  it('reads a job that ends in a year with no month as ending in December of that year', () => {
    // SwiftUI was announced in June 2019; "2017 to 2019" may have run to December.
    const r = rule.evaluate(factsOf([fact('resume.employer', { company: 'Orbital', title: 'iOS Developer', start: '2017', end: '2019', details: 'Built the iOS app in SwiftUI.' })]), ctx)
    expect(r.status).toBe('clear')
    expect(rule.evaluate(factsOf([fact('resume.employer', { company: 'Orbital', title: 'iOS Developer', start: '2016', end: '2018', details: 'Built the iOS app in SwiftUI.' })]), ctx).status).toBe('flag')
  })
  it('is not applicable without dated jobs or skills with years', () => {
    expect(rule.evaluate(factsOf([fact('resume.skill', 'Rust')]), ctx).status).toBe('not_applicable')
  })
})
