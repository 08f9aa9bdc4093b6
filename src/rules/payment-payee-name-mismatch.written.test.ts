import { testContext } from './ruleTestKit'
import { buildCaseFacts } from './caseFacts'
import { rule } from './payment-payee-name-mismatch'
import { NAME_IN_COMMON } from '../domain/samePersonNames'
import { loadConventionPairs } from '../generate/nameConventions'

// The account holder's name as the bank writes it is not a signal (made-up names).
const ctx = testContext('2026-10-01T00:00:00Z')
const facts = (name: string, holder: string) =>
  buildCaseFacts('candidate', [
    { field: 'person.full_name', value: name, source: 'application', where: 'application: person.full_name' },
    { field: 'payment', value: { method: 'bank', account_holder: holder }, source: 'application', where: 'application: payment' },
  ])

describe('payment-payee-name-mismatch: names as people write them', () => {
  it.each([
    ['Park Hye-won', '박혜원'],
    ['Park Hye-won', 'BAK HYE WON'],
    ['Minseo Kang', 'KANG MIN SEO'],
    ['Jeon Hae-ok', 'CHON HAE OK'],
    ['Xiao Ming Wu', 'WU XIAOMING'],
  ])('clears %s paid to %s', (name, holder) => expect(rule.evaluate(facts(name, holder), ctx).status).toBe('clear'))
  it('still flags another person one syllable apart', () => {
    expect(rule.evaluate(facts('Jeon Hae-ok', 'Jeong Hae-ok'), ctx).status).toBe('flag')
    expect(rule.evaluate(facts('Park Hye-won', 'Baek Hye-won'), ctx).status).toBe('flag')
  })
  it.each([
    ['Kim Minjun', 'Kim Soyeon'],
    ['Peter Oh', 'OH JINDONG'],
    ['Dana Whitfield', 'Mark Whitfield'],
  ])('flags %s paid to %s, who share only one name, as that weaker reading', (name, holder) => {
    const r = rule.evaluate(facts(name, holder), ctx)
    expect(r.status).toBe('flag')
    if (r.status !== 'flag') return
    expect(r.message).toMatch(/shares only/)
    expect(r.evidence.some(e => e.field === NAME_IN_COMMON)).toBe(true)
  })
  it('flags another person sharing no name at full reading', () => {
    const r = rule.evaluate(facts('Kim Minjun', 'Lee Soyeon'), ctx)
    expect(r.status).toBe('flag')
    if (r.status === 'flag') expect(r.evidence.some(e => e.field === NAME_IN_COMMON)).toBe(false)
  })
  it('a company sharing the family name is a company, not the weaker reading', () => {
    const r = rule.evaluate(facts('Kevin Brandt', 'Brandt Consulting LLC'), ctx)
    expect(r.status === 'flag' && r.message).toContain('company account')
    if (r.status === 'flag') expect(r.evidence.some(e => e.field === NAME_IN_COMMON)).toBe(false)
  })
})

describe('payment-payee-name-mismatch on the own-name variants (tests/fixtures/names/own-name-variants.csv)', () => {
  const pairs = loadConventionPairs()
  const status = (name: string, holder: string) => rule.evaluate(facts(name, holder), ctx).status
  it('raises no finding for at least 95 in 100 honest variants, in every convention', () => {
    const honest = pairs.filter(p => p.same)
    const flagged = honest.filter(p => status(p.a, p.b) !== 'clear')
    expect(flagged.map(p => `${p.a} | ${p.b}`)).toEqual([])
    expect(1 - flagged.length / honest.length).toBeGreaterThanOrEqual(0.95)
  })
  it('still flags most pairs of different people', () => {
    const different = pairs.filter(p => !p.same)
    const missed = different.filter(p => status(p.a, p.b) !== 'flag')
    expect(missed.length / different.length).toBeLessThanOrEqual(0.05)
  })
  it('a bank holder name in Arabic script, Cyrillic or Wade–Giles is the applicant', () => {
    expect(status('Fatima Hassan', 'فاطمة حسن')).toBe('clear')
    expect(status('Natalia Kuznetsova', 'НАТАЛЬЯ КУЗНЕЦОВА')).toBe('clear')
    expect(status('Xi Jinping', 'HSI CHIN-PING')).toBe('clear')
    expect(status('Jeon Hae-ok', 'JEONG HAE OK')).toBe('flag')
  })
})

describe('payment-payee-name-mismatch: a Japanese name in kanji', () => {
  it('clears a holder in kanji whose family name reads as the applicant’s, saying the given name was not confirmed', () => {
    const r = rule.evaluate(facts('Kenta Takahashi', '高橋健太'), ctx)
    expect(r.status).toBe('clear')
    if (r.status === 'clear') expect(r.message).toMatch(/nothing contradicts it/)
  })
  it('clears a holder in kana read in full', () => {
    expect(rule.evaluate(facts('Satoh Haruto', 'さとう はると'), ctx).status).toBe('clear')
  })
  it.each([
    ['Kim Minjun', '佐藤 遥'],
    ['Haruka Tanaka', '佐藤遥'],
  ])('still flags %s paid to %s (the family name reads otherwise)', (name, holder) => expect(rule.evaluate(facts(name, holder), ctx).status).toBe('flag'))
})

describe('payment-payee-name-mismatch: a Chinese name in characters beside a Hong Kong romanisation', () => {
  it.each([
    ['Wong Siu Ming', '王小明'],
    ['Chan Tai Man', '陳大文'],
    ['Cheung Wai Keung', '張偉強'],
    ['Peter Wong Siu Ming', '王小明'],
  ])('clears %s paid to %s, saying the given name was not confirmed', (name, holder) => {
    const r = rule.evaluate(facts(name, holder), ctx)
    expect(r.status).toBe('clear')
    if (r.status === 'clear') expect(r.message).toMatch(/nothing contradicts it/)
  })
  it.each([
    ['Kim Minjun', '陳大文'],
    ['Chen Hao', '王小明'],
    ['Chan Ming', '陳大文'],
  ])('still flags %s paid to %s', (name, holder) => expect(rule.evaluate(facts(name, holder), ctx).status).toBe('flag'))
})
