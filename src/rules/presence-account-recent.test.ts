import { rule } from './presence-account-recent'
import { fact, factsOf, testContext } from './ruleTestKit'

const ctx = testContext('2026-10-01T00:00:00Z')
const job = fact('resume.employer', { company: 'Bluepeak', start: '2016-02' })
describe('presence-account-recent', () => {
  it('flags only-new accounts against a ten-year career', () => {
    expect(rule.evaluate(factsOf([job, fact('profile', { network: 'github', created_at: '2026-04-18' }), fact('profile', { network: 'upwork', created_at: '2026-05-02' })]), ctx).status).toBe('flag')
  })
  it('clears when any account is old, and for short careers', () => {
    expect(rule.evaluate(factsOf([job, fact('profile', { network: 'github', created_at: '2026-04-18' }), fact('profile', { network: 'linkedin', created_at: '2013-05-01' })]), ctx).status).toBe('clear')
    expect(rule.evaluate(factsOf([fact('resume.employer', { start: '2024-01' }), fact('profile', { network: 'github', created_at: '2026-04-18' })]), ctx).status).toBe('clear')
  })
  it('sets an aged marketplace account aside when the personal accounts are all new', () => {
    const r = rule.evaluate(factsOf([job, fact('profile', { network: 'github', created_at: '2026-04-18' }), fact('profile', { network: 'upwork', created_at: '2017-05-02' })]), ctx)
    expect(r.status).toBe('flag')
    expect(r.status === 'flag' && r.message).toMatch(/marketplace/)
  })
  it('clears a new account that already has an established network (50+ connections)', () => {
    expect(rule.evaluate(factsOf([job, fact('profile', { network: 'linkedin', created_at: '2026-04-18', connections: 210 }), fact('profile', { network: 'upwork', created_at: '2017-05-02' })]), ctx).status).toBe('clear')
  })
  it('reads marketplace accounts when they are all there is', () => {
    expect(rule.evaluate(factsOf([job, fact('profile', { network: 'upwork', created_at: '2017-05-02' })]), ctx).status).toBe('clear')
  })
  it('is not applicable without account dates', () => {
    expect(rule.evaluate(factsOf([job, fact('profile', { network: 'github' })]), ctx).status).toBe('not_applicable')
  })
})

describe('presence-account-recent: careers claimed in words and by marketplace history', () => {
  const newGithub = fact('profile', { network: 'github', created_at: '2026-04-18' })
  it('holds new accounts to the years the summary claims when the dated jobs are recent', () => {
    const claim = fact('resume.claimed_years', { years: 8, quote: 'with 8 years building' })
    const r = rule.evaluate(factsOf([fact('resume.employer', { start: '2025-04' }), claim, newGithub]), ctx)
    expect(r.status).toBe('flag')
    expect(r.status === 'flag' && r.message).toMatch(/8 years of work \("with 8 years building"\)/)
    expect(rule.evaluate(factsOf([fact('resume.employer', { start: '2025-04' }), fact('resume.claimed_years', { years: 2, quote: '2 years building' }), newGithub]), ctx).status).toBe('clear')
  })
  it('reads a marketplace account with completed work as a claimed career, and sets it aside as footprint', () => {
    const worked = fact('profile', { network: 'upwork', created_at: '2016-02-09', jobs_completed: 39 })
    const r = rule.evaluate(factsOf([newGithub, worked]), ctx)
    expect(r.status).toBe('flag')
    expect(r.status === 'flag' && r.message).toMatch(/upwork account presents 39 jobs/)
    // A marketplace account with no work behind it claims no career.
    expect(rule.evaluate(factsOf([newGithub, fact('profile', { network: 'upwork', created_at: '2016-02-09', jobs_completed: 2 })]), ctx).status).toBe('not_applicable')
  })
})
