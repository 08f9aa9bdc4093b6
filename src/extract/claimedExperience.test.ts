import { claimedYearsIn } from './claimedExperience'
import { extractResumeFields } from './resumeFields'

describe('claimedYearsIn', () => {
  it.each([
    ['Software engineer with 5 years running cloud infrastructure.', 5],
    ['Hands-on engineer, 3 years designing developer tooling', 3],
    ['10+ years of experience in backend systems', 10],
    ['Over ten years in fintech', 10],
    ['12 yrs experience with Go', 12],
    ['five years’ experience leading teams', 5],
    ['Engineer with 8 years shipping at scale; 2 years as a team lead.', 8],
  ])('reads a career length from %j', (text, years) => expect(claimedYearsIn(text)?.years).toBe(years))

  it.each(['I am 25 years old', 'aged 30 years', 'Graduated 3 years ago', 'Led a 3-year migration', 'Reduced build time by 2 years', 'Since 2015, 7 years.', 'with 99 years of experience'])(
    'reads no career from %j (never an age)',
    text => expect(claimedYearsIn(text)).toBeNull(),
  )

  it('reads the summary of a text resume, not the dated jobs', () => {
    const f = extractResumeFields(['Dana Whitfield\n\nSUMMARY\nBackend engineer with 9 years building payment systems.\n\nEXPERIENCE\nEngineer, Acme Corp (2022 – Present)\n- Cut costs over 2 years of work'])
    expect(f.claimedYears).toMatchObject({ value: { years: 9, quote: 'with 9 years building' }, line: 4 })
  })
})
