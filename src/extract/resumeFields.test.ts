import { classifyUrl, extractResumeFields, normaliseDate } from './resumeFields'

const KEVIN = `Kevin Brandt
Smart Contract Developer | kevinbrandt7781@outlook.com | +1 646 555 0199 | New York, NY
https://github.com/kbrandt-dev

EXPERIENCE
Senior Blockchain Engineer, Northgate Digital (2019-02 to present)
- Wrote Solidity contracts for a lending protocol holding $40M.
Full Stack Developer, Harbor & Pine Labs (2015-06 to 2019-01)
- Built React dashboards and Node.js APIs for logistics clients.

EDUCATION
BS Computer Science, Rutgers University (2011-09 to 2015-05)

SKILLS
Solidity, Rust, TypeScript, React, Node.js, Hardhat, Ethers.js`

describe('resume fields', () => {
  const f = extractResumeFields([KEVIN])

  it('reads the name, email, phone and profile URL with where they were found', () => {
    expect(f.name).toEqual({ value: 'Kevin Brandt', page: 1, line: 1 })
    expect(f.emails).toEqual([{ value: 'kevinbrandt7781@outlook.com', page: 1, line: 2 }])
    expect(f.phones.map(p => p.value.e164)).toEqual(['+16465550199'])
    expect(f.urls.map(u => u.value)).toEqual([{ url: 'https://github.com/kbrandt-dev', network: 'github' }])
  })

  it('does not take Node.js or Ethers.js for web addresses', () => {
    expect(f.urls).toHaveLength(1)
  })

  it('reads employers with titles and dates', () => {
    expect(f.employers.map(e => e.value)).toEqual([
      { company: 'Northgate Digital', title: 'Senior Blockchain Engineer', start: '2019-02', end: null, current: true, details: 'Wrote Solidity contracts for a lending protocol holding $40M.' },
      { company: 'Harbor & Pine Labs', title: 'Full Stack Developer', start: '2015-06', end: '2019-01', current: false, details: 'Built React dashboards and Node.js APIs for logistics clients.' },
    ])
  })

  it('reads education and skills', () => {
    expect(f.education.map(e => e.value)).toEqual([{ institution: 'Rutgers University', degree: 'BS Computer Science', start: '2011-09', end: '2015-05' }])
    expect(f.skills.map(s => s.value)).toEqual(['Solidity', 'Rust', 'TypeScript', 'React', 'Node.js', 'Hardhat', 'Ethers.js'])
  })

  it.each([
    ['Software Engineer at Acme Corp, Jan 2018 – Mar 2020', { company: 'Acme Corp', title: 'Software Engineer', start: '2018-01', end: '2020-03' }],
    ['Acme Corp | Backend Developer | 03/2017 - 12/2019', { company: 'Acme Corp', title: 'Backend Developer', start: '2017-03', end: '2019-12' }],
    ['Globex — Lead Engineer — 2016 – 2018', { company: 'Globex', title: 'Lead Engineer', start: '2016', end: '2018' }],
  ])('reads the layout %p', (line, expected) => {
    const out = extractResumeFields([`Jane Roe\n\nWork Experience\n${line}`])
    expect(out.employers[0]?.value).toMatchObject(expected)
  })

  it('reads a job whose dates stand on their own line', () => {
    const out = extractResumeFields(['Jane Roe\nExperience\nInitech\nQA Engineer\nMay 2014 - Present\n• Tested things'])
    expect(out.employers.map(e => e.value)).toEqual([{ company: 'Initech', title: 'QA Engineer', start: '2014-05', end: null, current: true, details: 'Tested things' }])
  })

  it('reads national US numbers, types VoIP where the metadata knows it, and ignores date ranges', () => {
    const out = extractResumeFields(['Jane Roe\n(312) 483-2212 · +44 56 1234 5678\nExperience\nDev, X (2011 - 2015)'])
    expect(out.phones.map(p => [p.value.e164, p.value.type])).toEqual([
      ['+13124832212', 'FIXED_LINE_OR_MOBILE'],
      ['+445612345678', 'VOIP'],
    ])
  })

  it('finds a labelled or all-caps name and skips headings', () => {
    expect(extractResumeFields(['CURRICULUM VITAE\nName: Ana María de la Cruz']).name?.value).toBe('Ana María de la Cruz')
    expect(extractResumeFields(['RESUME\nDANA WHITFIELD\nEngineer']).name?.value).toBe('DANA WHITFIELD')
  })

  it('joins a URL that the PDF layout wrapped onto the next line', () => {
    const out = extractResumeFields(['Jane Roe\njane@example.test | https://www.linkedin.com/in\n/jane-roe-204 | Berlin\nExperience'])
    expect(out.urls.map(u => u.value.url)).toEqual(['https://www.linkedin.com/in/jane-roe-204'])
    const cut = extractResumeFields(['Jane Roe\nhttps://www.linkedin.com/in/\njane-roe-204\nhttps://jane.dev/\nExperience'])
    expect(cut.urls.map(u => u.value.url)).toEqual(['https://www.linkedin.com/in/jane-roe-204', 'https://jane.dev'])
  })

  it('normalises dates', () => {
    expect(normaliseDate('Sept 2019')).toBe('2019-09')
    expect(normaliseDate('3/2020')).toBe('2020-03')
    expect(normaliseDate('Spring 2020')).toBeNull()
  })

  it('classifies profile URLs', () => {
    expect(classifyUrl('https://www.linkedin.com/in/dana')).toBe('linkedin')
    expect(classifyUrl('https://www.upwork.com/freelancers/~01')).toBe('upwork')
    expect(classifyUrl('https://dana.dev')).toBe('website')
  })
})

describe('resume name', () => {
  it('never takes a line under a section heading for the name (a name the PDF font mangled stays unread)', () => {
    const out = extractResumeFields(['Olga Wi ¶æ–Pwski\nolga@example.org\nSummary\nEngineer.\nExperience\nMeridian Bank | Software Engineer | 2019-01 - present'])
    expect(out.name).toBeNull()
  })
})
