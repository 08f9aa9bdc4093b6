import { classifyUrl, extractResumeFields, normaliseDate, splitTitleCompany } from './resumeFields'

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

  it('keeps a comma before a closing legal form in the company, and splits before one that opens a quoted name', () => {
    expect(splitTitleCompany('Engineer, Silverstar Co., Ltd.')).toEqual({ title: 'Engineer', company: 'Silverstar Co., Ltd.' })
    expect(splitTitleCompany('Full Stack Developer, LLC "ALIS"')).toEqual({ title: 'Full Stack Developer', company: 'LLC "ALIS"' })
    expect(splitTitleCompany('Engineer, OOO «Vektor»')).toEqual({ title: 'Engineer', company: 'OOO «Vektor»' })
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

describe('resume fields from real layouts', () => {
  const job = (text: string) => extractResumeFields([`Jane Roe\nExperience\n${text}`]).employers.map(e => e.value)

  it.each([
    ['Mar. 2018 to Jan. 2020', '2018-03', '2020-01'],
    ['2018 – Present', '2018', null],
    ['03/2018 - 05/2020', '2018-03', '2020-05'],
    ['March 2018 — now', '2018-03', null],
    ['2018.03 – 2020.01', '2018-03', '2020-01'],
    ['Sept 2019 ~ 2021', '2019-09', '2021'],
  ])('reads the dates %p', (dates, start, end) => {
    expect(job(`Backend Developer, Acme Corp\n${dates}`)[0]).toMatchObject({ company: 'Acme Corp', title: 'Backend Developer', start, end })
  })

  it.each([
    ['Backend Developer at Acme Corp\nMar 2018 - Jan 2020'],
    ['Acme Corp — Backend Developer\nMar 2018 - Jan 2020'],
    ['Acme Corp / Backend Developer | Mar 2018 - Jan 2020'],
    ['Acme Corp\nBackend Developer | Mar 2018 - Jan 2020\n• Built things'],
    ['Acme Corp\nBackend Developer\nMar 2018 - Jan 2020'],
    ['Backend Developer, Acme Corp\nMar 2018 - Jan 2020'],
    ['Backend Developer | Mar 2018 - Jan 2020\nAcme Corp\n• Built things'],
    ['Mar 2018 - Jan 2020 | Acme Corp | Backend Developer'],
  ])('reads employer and title in either order: %p', text => {
    expect(job(text)).toEqual([expect.objectContaining({ company: 'Acme Corp', title: 'Backend Developer', start: '2018-03', end: '2020-01' })])
  })

  it('keeps a legal form with its company and does not take a description for one', () => {
    expect(job('Yanbian Silverstar Network Technology Co., Ltd. / Senior Engineer | May 2014 – Dec 2016')[0]).toMatchObject({ company: 'Yanbian Silverstar Network Technology Co., Ltd.', title: 'Senior Engineer' })
    expect(job('Senior Engineer at Volasys Silver Star Co., Ltd.\nMay 2014 to Dec. 2016')[0]).toMatchObject({ company: 'Volasys Silver Star Co., Ltd.', title: 'Senior Engineer' })
  })

  it('rejoins emails, URLs and date ranges cut at a line wrap', () => {
    const out = extractResumeFields(['Jane Roe\njohn.smith@exam-\nple.com\nrichard.hendriks@mail.\ncom\ngithub.com/\njaneroe\nhttps://soundcloud.\nexample.com/\ndandy\nExperience\nDeveloper | May 2014 — December\n2016\nAcme Corp'])
    expect(out.emails.map(e => e.value)).toEqual(['john.smith@example.com', 'richard.hendriks@mail.com'])
    expect(out.urls.map(u => u.value.url)).toEqual(['https://github.com/janeroe', 'https://soundcloud.example.com/dandy'])
    expect(out.employers[0]?.value).toMatchObject({ company: 'Acme Corp', title: 'Developer', start: '2014-05', end: '2016-12' })
  })

  it('reads a name a narrow box wrapped over two lines', () => {
    expect(extractResumeFields(['Pässi\nVillanen\nSoftware Engineer\nContact']).name?.value).toBe('Pässi Villanen')
  })

  it('does not read a phone number as a date range', () => {
    expect(job('Developer, Acme (555) 1234-5678')).toEqual([])
  })
})

describe('resume fields: what layouts-blind-2 and -3 taught (made-up people)', () => {
  const jobs = (text: string | string[]) => extractResumeFields(Array.isArray(text) ? text : [text]).employers.map(e => e.value)
  it('sets aside how long a job lasted, as LinkedIn prints it beside the dates', () => {
    expect(jobs('Mira Sol\nExperience\nNorthgate Digital JSC\nMobile Developer\nJuly 2019 - February 2022 (2 years 8 months)\nHanoi, Vietnam\nBuilt apps for logistics clients and their drivers.')).toEqual([
      { company: 'Northgate Digital JSC', title: 'Mobile Developer', start: '2019-07', end: '2022-02', current: false },
    ])
  })
  it('reads "Title | Company | City | dates" and "Company | dates" over "Title | City"', () => {
    expect(jobs('Mira Sol\nExperience\nMobile Developer | Northgate Digital JSC | Ho Chi Minh City | 2019 – 2022')[0]).toMatchObject({ company: 'Northgate Digital JSC', title: 'Mobile Developer' })
    expect(jobs('Mira Sol\nExperience\nNorthgate Digital JSC | 07.2019 – 02.2022\nMobile Developer | Hanoi')[0]).toMatchObject({ company: 'Northgate Digital JSC', title: 'Mobile Developer', start: '2019-07' })
  })
  it('reads a job below its dates when the first dates stand right under the heading', () => {
    expect(jobs('Mira Sol\nWork experience\n2022.03 – present\nLead Cloud Engineer\nKestrel Payments Ltd, Lagos\nRan the AWS platform behind a card-payments switch for five years.\n2019.07 – 2022.02\nSao Mai Digital JSC, Ho Chi Minh City\nPosition: Mobile Developer')).toEqual([
      { company: 'Kestrel Payments Ltd', title: 'Lead Cloud Engineer', start: '2022-03', end: null, current: true },
      { company: 'Sao Mai Digital JSC', title: 'Mobile Developer', start: '2019-07', end: '2022-02', current: false },
    ])
  })
  it('reads a numbered academic entry, a two-digit end year, a quarter, a single year', () => {
    const got = jobs('Mira Sol\nEmployment\n1. Senior Data Engineer. Kanvas Analytics Pvt. Ltd., Bengaluru. Apr. 2022 – present.\n2. Data Engineer. Tarang Software Sdn. Bhd., Chennai. 2019–22.\n3. Software Engineer II. Meridian Payments Inc., Bengaluru. Q3 2017 – Q2 2019.\n4. Intern. Ege Yazılım A.Ş., İzmir. 2014.')
    expect(got).toEqual([
      { company: 'Kanvas Analytics Pvt. Ltd.', title: 'Senior Data Engineer', start: '2022-04', end: null, current: true },
      { company: 'Tarang Software Sdn. Bhd.', title: 'Data Engineer', start: '2019', end: '2022', current: false },
      { company: 'Meridian Payments Inc.', title: 'Software Engineer II', start: '2017', end: '2019', current: false },
      { company: 'Ege Yazılım A.Ş.', title: 'Intern', start: '2014', end: '2014', current: false },
    ])
  })
  it('reads "Company (Jul ’19 – Mar ’22): Title"', () => {
    expect(jobs('Mira Sol\nExperience\nLumenstack Inc. (Sep ’17 – Jan ’19): Data Scientist')).toEqual([{ company: 'Lumenstack Inc.', title: 'Data Scientist', start: '2017-09', end: '2019-01', current: false }])
    expect(normaliseDate('Jul ’19')).toBe('2019-07')
    expect(normaliseDate('Q3 2017')).toBe('2017')
  })
  it('sets a running header aside past the first page, so a job broken over the page stays whole', () => {
    const pages = ['Selin Demir — Curriculum Vitae\nSelin Demir\nExperience\nLumenstack Inc., Remote\nPage 1 of 2', 'Selin Demir — Curriculum Vitae\nData Scientist (September 2017 – January 2019)\nPage 2 of 2']
    expect(jobs(pages)).toEqual([{ company: 'Lumenstack Inc.', title: 'Data Scientist', start: '2017-09', end: '2019-01', current: false }])
  })
  it('reads a form: the name after "Name: |", a national phone number in the country the header gives, a labelled site', () => {
    const f = extractResumeFields(['Curriculum Vitae\nPersonal details\nName: | Mira Sol\nAddress: | Hanoi, Vietnam\nMobile: | 0912 847 305\nWebsite: | mirasol.dev'])
    expect(f.name?.value).toBe('Mira Sol')
    expect(f.phones.map(p => p.value.e164)).toEqual(['+84912847305'])
    expect(f.urls.map(u => u.value.url)).toEqual(['https://mirasol.dev'])
  })
})

describe('resume fields: what layouts-blind-4 taught (made-up people)', () => {
  const jobs = (text: string) => extractResumeFields([text]).employers.map(e => e.value)
  it('reads a rirekisho history of dated events, a promotion ending the role before it', () => {
    expect(jobs('Mira Sol\nSummary\nBuilding data platforms since 2015.\nEmployment\n2017 | 6 | Joined Northgate Analytics LLC as Data Analyst\n2019 | 2 | Left Northgate Analytics LLC\n2019 | 3 | Joined Tequila Cloud S.A. de C.V. as Data Engineer\n2021 | 1 | Promoted to Senior Data Engineer\nCurrently employed')).toEqual([
      { company: 'Northgate Analytics LLC', title: 'Data Analyst', start: '2017-06', end: '2019-02', current: false },
      { company: 'Tequila Cloud S.A. de C.V.', title: 'Data Engineer', start: '2019-03', end: '2021-01', current: false },
      { company: 'Tequila Cloud S.A. de C.V.', title: 'Senior Data Engineer', start: '2021-01', end: null, current: true },
    ])
  })
  it('gives roles printed under a company heading that company', () => {
    expect(jobs('Mira Sol\nExperience\nHoshizora Cloud K.K. — Tokyo | 2020 – present\nStaff Engineer | Apr 2022 – Present\nSenior Engineer | Aug 2020 – Mar 2022')).toEqual([
      { company: 'Hoshizora Cloud K.K.', title: 'Staff Engineer', start: '2022-04', end: null, current: true },
      { company: 'Hoshizora Cloud K.K.', title: 'Senior Engineer', start: '2020-08', end: '2022-03', current: false },
    ])
  })
  it('reads months in Roman numerals and a place with "de" after the company', () => {
    expect(jobs('Mira Sol\nExperience\nVIII.2020 – II.2023\nSenior Engineer\nGrupo Altavista S.A.B. de C.V., Ciudad de México')).toEqual([
      { company: 'Grupo Altavista S.A.B. de C.V.', title: 'Senior Engineer', start: '2020-08', end: '2023-02', current: false },
    ])
  })
  it('keeps two addresses on two lines apart when the first ends in "/"', () => {
    expect(extractResumeFields(['Mira Sol\nhttps://mirasol.io/\nlinkedin.com/in/mira-sol']).urls.map(u => u.value.url)).toEqual(['https://mirasol.io', 'https://linkedin.com/in/mira-sol'])
  })
})
