import { autoMapColumns, parseAtsCsv } from './atsCsv'

describe('ATS exports', () => {
  it('maps common column names', () => {
    expect(autoMapColumns(['First Name', 'Last Name', 'Email Address', 'Phone', 'LinkedIn URL', 'Job', 'Applied On', 'Resume', 'Candidate ID', 'Recruiter'])).toEqual({
      mapping: { first_name: 'First Name', last_name: 'Last Name', email: 'Email Address', phone: 'Phone', linkedin: 'LinkedIn URL', job: 'Job', applied_on: 'Applied On', resume_file: 'Resume', external_id: 'Candidate ID' },
      unmapped: ['Recruiter'],
    })
  })

  it('turns rows into applications, keeping unknown columns and formula text as text', () => {
    const csv = 'Candidate ID,Name,Email,Source,Job,Stage\n17,Ana Silva,ana@example.pt,LinkedIn,Data Engineer,Phone screen\n18,"=HYPERLINK(""http://evil"",""x"")",x@example.test,,,\n19,,,,,\n'
    const r = parseAtsCsv(csv, { defaultSource: 'greenhouse' })
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.rows[0]).toMatchObject({ row: 2, application: { external_id: '17', source: 'linkedin', role: 'Data Engineer', person: { full_name: 'Ana Silva', email: 'ana@example.pt' }, ats_extra: { Stage: 'Phone screen' } } })
    expect(r.rows[1]!.application.person?.full_name).toBe('=HYPERLINK("http://evil","x")')
    expect(r.rows[1]!.application.source).toBe('greenhouse')
    expect(r.rejected).toEqual([{ row: 4, reason: 'no name and no email address' }])
  })

  it('uses a mapping a person chose for columns it cannot place', () => {
    const r = parseAtsCsv('Kandidat,Posteingang\nJonas Weber,jonas@example.de\n', { mapping: { full_name: 'Kandidat', email: 'Posteingang' } })
    expect(r.ok && r.rows[0]!.application.person).toMatchObject({ full_name: 'Jonas Weber', email: 'jonas@example.de' })
  })

  it('says when nothing can be placed', () => {
    expect(parseAtsCsv('Kandidat,Posteingang\nJonas Weber,jonas@example.de\n')).toEqual({ ok: false, problem: 'no column holds a name or an email address; map the columns on the import page' })
  })
})
