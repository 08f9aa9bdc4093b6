import { parse } from 'csv-parse/sync'
import { APPLICATION_FORMAT, parseApplication, type Application } from './applicationFormat'

/**
 * ATS exports (Greenhouse, Lever, Workable, spreadsheets…): one application per row. Common column
 * names are recognised out of the box; other columns are kept, untouched, under `ats_extra`.
 */
export const ATS_FIELDS = [
  'first_name', 'last_name', 'full_name', 'email', 'phone', 'location', 'country', 'linkedin', 'github', 'website', 'source', 'job', 'applied_on', 'resume_file', 'external_id',
  // Payroll and vendor columns that HR exports carry: where the pay goes and which agency placed the person.
  'payee_name', 'iban', 'account_number', 'bank', 'bank_code', 'payout_email', 'wallet', 'agency',
] as const
export type AtsField = (typeof ATS_FIELDS)[number]
export type AtsMapping = Partial<Record<AtsField, string>>

const ALIASES: Record<AtsField, string[]> = {
  first_name: ['firstname', 'first', 'givenname', 'candidatefirstname', 'forename'],
  last_name: ['lastname', 'last', 'surname', 'familyname', 'candidatelastname'],
  full_name: ['name', 'fullname', 'candidatename', 'candidate', 'applicantname', 'applicant'],
  email: ['email', 'emailaddress', 'candidateemail', 'mail', 'emails'],
  phone: ['phone', 'phonenumber', 'mobile', 'mobilephone', 'telephone', 'cell', 'candidatephone', 'phones'],
  location: ['location', 'city', 'address', 'candidatelocation'],
  country: ['country', 'countrycode'],
  linkedin: ['linkedin', 'linkedinurl', 'linkedinprofile'],
  github: ['github', 'githuburl', 'githubprofile'],
  website: ['website', 'portfolio', 'personalwebsite', 'url', 'websiteurl'],
  source: ['source', 'candidatesource', 'origin', 'sourcename'],
  job: ['job', 'jobtitle', 'position', 'requisition', 'role', 'jobname', 'appliedfor', 'opening'],
  applied_on: ['appliedon', 'appliedat', 'applicationdate', 'dateapplied', 'applieddate', 'createdat', 'submittedat'],
  resume_file: ['resume', 'resumefile', 'resumefilename', 'cv', 'cvfile', 'attachment', 'resumeattachment'],
  external_id: ['id', 'candidateid', 'applicationid', 'externalid', 'applicantid'],
  payee_name: ['payee', 'payeename', 'accountholder', 'accountholdername', 'accountname', 'beneficiary', 'beneficiaryname', 'bankaccountname'],
  iban: ['iban', 'ibannumber', 'bankiban'],
  account_number: ['accountnumber', 'bankaccount', 'bankaccountnumber', 'accountno', 'acctnumber'],
  bank: ['bank', 'bankname'],
  bank_code: ['bankcode', 'swift', 'bic', 'swiftbic', 'swiftcode', 'routingnumber', 'sortcode', 'aba'],
  payout_email: ['payoutemail', 'paypalemail', 'payoneeremail', 'wiseemail', 'paymentemail'],
  wallet: ['wallet', 'walletaddress', 'cryptowallet', 'cryptoaddress', 'usdtaddress', 'payoutwallet'],
  agency: ['agency', 'agencyname', 'staffingagency', 'vendor', 'vendorname', 'employerofrecord', 'eor', 'supplier'],
}

const norm = (h: string) => h.toLowerCase().replace(/[^a-z0-9]/g, '')

/** Map the columns we recognise; the rest are reported so a person can map them. */
export function autoMapColumns(header: string[]): { mapping: AtsMapping; unmapped: string[] } {
  const mapping: AtsMapping = {}
  const used = new Set<string>()
  for (const field of ATS_FIELDS) {
    const hit = header.find(h => !used.has(h) && (norm(h) === norm(field) || ALIASES[field].includes(norm(h))))
    if (hit) {
      mapping[field] = hit
      used.add(hit)
    }
  }
  return { mapping, unmapped: header.filter(h => !used.has(h)) }
}

export interface AtsRow {
  row: number
  application: Application
  resumeFile: string | null
}

export type AtsResult = { ok: true; header: string[]; mapping: AtsMapping; unmapped: string[]; rows: AtsRow[]; rejected: Array<{ row: number; reason: string }> } | { ok: false; problem: string }

export const MAX_ATS_ROWS = 100_000

export function parseAtsCsv(text: string, options: { mapping?: AtsMapping; defaultSource?: string } = {}): AtsResult {
  let records: string[][]
  try {
    // The header, the rows allowed, and one more to tell a longer export from one at the limit.
    records = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true, max_record_size: 256 * 1024, to: MAX_ATS_ROWS + 2 }) as string[][]
  } catch (error) {
    const e = error as { lines?: number; message: string }
    return { ok: false, problem: `the export is not valid CSV${e.lines ? ` near line ${e.lines}` : ''}` }
  }
  if (records.length < 2) return { ok: false, problem: 'the export has a header row but no applications' }
  if (records.length - 1 > MAX_ATS_ROWS) return { ok: false, problem: `the export has more than ${MAX_ATS_ROWS.toLocaleString('en')} applications; split it into smaller files` }
  const header = records[0]!.map(h => h.trim())
  const auto = autoMapColumns(header)
  const mapping = { ...auto.mapping, ...options.mapping }
  const mappedColumns = new Set(Object.values(mapping))
  const unmapped = header.filter(h => !mappedColumns.has(h))
  const index = Object.fromEntries(Object.entries(mapping).map(([field, column]) => [field, header.indexOf(column!)])) as Partial<Record<AtsField, number>>
  if (index.email === undefined && index.full_name === undefined && index.first_name === undefined) {
    return { ok: false, problem: 'no column holds a name or an email address; map the columns on the import page' }
  }
  const rows: AtsRow[] = []
  const rejected: Array<{ row: number; reason: string }> = []
  for (let r = 1; r < records.length; r++) {
    const rec = records[r]!
    const get = (f: AtsField) => {
      const i = index[f]
      const v = i === undefined || i < 0 ? '' : (rec[i] ?? '').trim()
      return v === '' ? null : v.slice(0, 1000)
    }
    const fullName = get('full_name') ?? ([get('first_name'), get('last_name')].filter(Boolean).join(' ') || null)
    const email = get('email')
    if (!fullName && !email) {
      rejected.push({ row: r + 1, reason: 'no name and no email address' })
      continue
    }
    const extra: Record<string, string> = {}
    header.forEach((h, i) => {
      if (!mappedColumns.has(h) && rec[i]?.trim()) extra[h.slice(0, 100)] = rec[i]!.trim().slice(0, 1000)
    })
    const profiles = (
      [
        ['linkedin', get('linkedin')],
        ['github', get('github')],
        ['website', get('website')],
      ] as const
    )
      .filter(([, url]) => url)
      .map(([network, url]) => ({ network, url }))
    const payment = {
      account_holder: get('payee_name')?.slice(0, 200) ?? null,
      iban: get('iban')?.slice(0, 42) ?? null,
      account_number: get('account_number')?.slice(0, 40) ?? null,
      bank: get('bank')?.slice(0, 120) ?? null,
      bank_code: get('bank_code')?.slice(0, 20) ?? null,
      account_email: get('payout_email')?.slice(0, 254) ?? null,
      wallet_address: get('wallet')?.slice(0, 120) ?? null,
    }
    const hasPayment = Object.values(payment).some(v => v !== null)
    const agency = get('agency')?.slice(0, 200) ?? null
    const applied = get('applied_on')
    const country = get('country')?.toUpperCase()
    const application: Application = {
      format: APPLICATION_FORMAT,
      external_id: get('external_id'),
      source: (get('source') ?? options.defaultSource ?? null)?.toLowerCase().slice(0, 60) ?? null,
      role: get('job')?.slice(0, 200) ?? null,
      submitted_at: applied && !Number.isNaN(Date.parse(applied)) ? new Date(applied).toISOString() : null,
      person: {
        full_name: fullName?.slice(0, 200) ?? null,
        email: email?.slice(0, 254) ?? null,
        phone: get('phone')?.slice(0, 40) ?? null,
        address: get('location') || (country && country.length === 2) ? { city: get('location')?.slice(0, 120) ?? null, country: country && country.length === 2 ? country : null } : null,
      },
      profiles,
      ...(hasPayment ? { payment: { ...payment, method: payment.wallet_address ? 'crypto' : null } } : {}),
      ...(agency ? { intermediary: agency } : {}),
      ...(Object.keys(extra).length ? { ats_extra: extra } : {}),
    }
    // Cells are cut to 1,000 characters, but some fields allow less (an id 120, a URL 500): such a row is
    // refused with the field named, as the same application in a JSON file would be.
    const checked = parseApplication(application)
    if (!checked.ok) {
      rejected.push({ row: r + 1, reason: checked.problems.join('; ') })
      continue
    }
    rows.push({ row: r + 1, application, resumeFile: get('resume_file') })
  }
  return { ok: true, header, mapping, unmapped, rows, rejected }
}
