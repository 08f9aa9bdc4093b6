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

  it('reads payroll and vendor columns as the payout account and the agency', () => {
    const csv = 'Candidate ID,Name,Email,Account Holder Name,IBAN,Bank Name,SWIFT,PayPal Email,Wallet Address,Staffing Agency\n' +
      '21,Lee Ana,ana@example.test,Ana Lee,DE89 3704 0044 0532 0130 00,Commerzbank,COBADEFFXXX,pay@example.test,TQn9Y2khEsLJW1ChVWFMSMeRDow5KcbLSE,Northwind Staffing\n' +
      '22,Bo Kim,bo@example.test,,,,,,,\n'
    const r = parseAtsCsv(csv)
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.unmapped).toEqual([])
    expect(r.rows[0]!.application).toMatchObject({
      payment: { account_holder: 'Ana Lee', iban: 'DE89 3704 0044 0532 0130 00', bank: 'Commerzbank', bank_code: 'COBADEFFXXX', account_email: 'pay@example.test', wallet_address: 'TQn9Y2khEsLJW1ChVWFMSMeRDow5KcbLSE', method: 'crypto' },
      intermediary: 'Northwind Staffing',
    })
    // An empty payroll row adds no payment and no agency: nothing to compare is not a mismatch.
    expect(r.rows[1]!.application.payment).toBeUndefined()
    expect(r.rows[1]!.application.intermediary).toBeUndefined()
  })
})
