import { z } from 'zod'

/**
 * vetting/application@1 (../shared/formats/application-v1.md) as a zod schema. Every field but `format`
 * is optional, unknown fields are kept (loose objects), and sizes are bounded so that a hostile file is
 * refused with a message naming the field rather than stored.
 */
export const APPLICATION_FORMAT = 'vetting/application@1'

const text = (max: number) => z.string().max(max, `must be at most ${max.toLocaleString('en')} characters`)
const optText = (max: number) => text(max).nullish()
const count = z.number().int().min(0).max(1e9).nullish()
const dateLike = z
  .string()
  .max(40)
  .refine(v => !Number.isNaN(Date.parse(v)), 'must be a date such as 2026-09-14 or 2026-09-14T15:02:11Z')
  .nullish()

export const addressSchema = z.looseObject({
  line1: optText(200),
  line2: optText(200),
  city: optText(120),
  region: optText(120),
  postal_code: optText(20),
  country: optText(2).describe('ISO 3166-1 alpha-2'),
})

export const personSchema = z.looseObject({
  full_name: optText(200),
  email: optText(254),
  phone: optText(40),
  phone_line_type: z.enum(['mobile', 'landline', 'voip', 'unknown']).nullish(),
  address: addressSchema.nullish(),
  timezone: optText(64),
  citizenship: optText(2).describe('recorded for HR only: never an input to any check or score'),
})

export const profileSchema = z.looseObject({
  network: text(40).describe('github, linkedin, upwork, freelancer, fiverr, toptal, …'),
  username: optText(120),
  url: optText(500),
  created_at: dateLike,
  public_repos: count,
  followers: count,
  contributions_last_year: count,
  connections: count,
  rating: z.number().min(0).max(10).nullish(),
  reviews: count,
  jobs_completed: count,
  earnings_usd: z.number().min(0).max(1e10).nullish(),
  hourly_rate_usd: z.number().min(0).max(1e5).nullish(),
  country: optText(2),
  identity_verified: z.boolean().nullish(),
  photo: optText(500),
})

export const documentRefSchema = z.looseObject({ type: text(40).default('resume'), file: text(500) })

export const referenceSchema = z.looseObject({
  name: optText(200),
  company: optText(200),
  relationship: optText(60),
  email: optText(254),
  phone: optText(40),
})

/**
 * A payout account: where the money goes. Identifiers of an account (IBAN; account number with its bank;
 * the last 4 digits with the bank; the email of a Payoneer, Wise or PayPal account) let link analysis
 * find one account behind several applicants; a holder name alone cannot (names are shared).
 */
export const payoutAccountSchema = z.looseObject({
  account_holder: optText(200),
  iban: optText(42).describe('International Bank Account Number; spaces allowed'),
  account_number: optText(40).describe('domestic account number, or masked as ****1234'),
  account_last4: z.string().regex(/^\d{4}$/, 'must be the last 4 digits, e.g. 4821').nullish(),
  bank: optText(120).describe('bank name'),
  bank_name: optText(120).describe('read as bank when that is not given'),
  bank_code: optText(20).describe('BIC/SWIFT, routing number or sort code'),
  routing_number: optText(20).describe('read as bank_code when that is not given'),
  account_email: optText(254).describe('the email of a Payoneer, Wise or PayPal account'),
})

export const paymentSchema = payoutAccountSchema.extend({
  method: z.enum(['bank', 'wise', 'paypal', 'payoneer', 'crypto', 'other']).nullish(),
  bank_country: optText(2),
  currency: optText(10),
  wallet_address: optText(120),
})

/**
 * A declared intermediary: the staffing agency, vendor or employer of record the application came
 * through. Its office address, switchboard phone, email, office network and payee are the agency's:
 * they appear on many honest candidates' applications and link none of them.
 */
export const intermediarySchema = z.looseObject({
  name: optText(200),
  kind: z.enum(['staffing_agency', 'vendor', 'employer_of_record', 'recruiter', 'other']).nullish(),
  address: addressSchema.nullish(),
  phone: optText(40),
  email: optText(254),
  contact_email: optText(254).describe('read as email when that is not given'),
  website: optText(500),
  network: optText(64).describe('office network: an IPv4 address or CIDR range such as 198.51.100.0/24'),
  networks: z.array(text(64)).max(20).nullish(),
  payee: z.union([text(200), payoutAccountSchema]).nullish().describe('the account the agency is paid to: a name, or an account object'),
})

export const applicationSchema = z.looseObject({
  format: z.literal(APPLICATION_FORMAT, { error: `must be "${APPLICATION_FORMAT}"` }),
  external_id: optText(120),
  source: optText(60),
  kind: z.enum(['candidate', 'contractor']).nullish(),
  role: optText(200),
  submitted_at: dateLike,
  person: personSchema.nullish(),
  resume: z.looseObject({}).nullish().describe('a JSON Resume 1.0.0 object'),
  documents: z.array(documentRefSchema).max(50).nullish(),
  profiles: z.array(profileSchema).max(50).nullish(),
  submission: z.looseObject({ ip: optText(45), user_agent: optText(1000) }).nullish(),
  references: z.array(referenceSchema).max(20).nullish(),
  interview: z
    .looseObject({
      video: z.enum(['completed', 'camera_off', 'declined', 'not_held']).nullish(),
      observations: z.array(text(1000)).max(50).nullish(),
      notes: optText(10_000),
    })
    .nullish(),
  logistics: z.looseObject({ shipping_address: addressSchema.nullish(), note: optText(1000) }).nullish(),
  payment: paymentSchema.nullish(),
  intermediary: z.union([text(200), intermediarySchema]).nullish().describe('the agency it came through: its name, or an object'),
  agency: z.union([text(200), intermediarySchema]).nullish().describe('read as intermediary when that is not given'),
  access_log: optText(500),
})

export type Application = z.infer<typeof applicationSchema>

/** The schema as JSON Schema (draft 2020-12), served at /schema/application.json. */
export function applicationJsonSchema(): Record<string, unknown> {
  return {
    $id: '/schema/application.json',
    title: 'vetting/application@1',
    description: 'One application to Vetting Desk. Unknown fields are kept. See formats/application-v1.md.',
    ...(z.toJSONSchema(applicationSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>),
  }
}

export const MAX_JSON_DEPTH = 64

/** Depth of a parsed JSON value, walked without recursion (a 200,000-level file must not overflow the stack). */
export function jsonDepth(value: unknown, limit = Infinity): number {
  let max = 0
  const stack: Array<[unknown, number]> = [[value, 1]]
  while (stack.length) {
    const [v, d] = stack.pop()!
    if (v === null || typeof v !== 'object') continue
    if (d > max) max = d
    if (max > limit) return max
    for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push([child, d + 1])
  }
  return max
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; problems: string[] }

/** Turn zod issues into sentences a recruiter can act on: "person.email: must be at most 254 characters". */
export function describeIssues(error: z.ZodError): string[] {
  return error.issues.slice(0, 10).map(issue => {
    const where = issue.path.length ? issue.path.map(p => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '') : 'the file'
    let message = issue.message
    if (issue.code === 'invalid_type') message = `should be ${issue.expected === 'object' ? 'an object' : issue.expected === 'array' ? 'a list' : `a ${issue.expected}`}`
    if (issue.code === 'invalid_value' && 'values' in issue) {
      const values = (issue.values as unknown[]).map(v => JSON.stringify(v))
      message = values.length === 1 ? `must be ${values[0]}` : `must be one of ${values.join(', ')}`
    }
    return `${where}: ${message}`
  })
}

export function parseApplication(value: unknown): ParseResult<Application> {
  const parsed = applicationSchema.safeParse(value)
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, problems: describeIssues(parsed.error) }
}
