import { z } from 'zod'
import { didYouMean, resolveCountry, resolveTimeZone } from '../domain/countriesAndZones'
import { CASE_KINDS } from '../signoff/caseStatus'

// Form fields arrive as strings; empty means "not given".
const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} must be ${max} characters or fewer`)
    .transform(v => (v === '' ? null : v))
    .nullable()
    .optional()
    .transform(v => v ?? null)

/**
 * A country as people write it ("USA", "United States", "Korea, Rep.", "TUR"), stored as its ISO alpha-2
 * code; unknown or ambiguous input is refused with the closest matches. Normalisation only: no check,
 * weight or score reads a country's origin, and none reads citizenship at all.
 */
const optionalCountry = (label: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v, ctx) => {
      if (!v) return null
      const r = resolveCountry(v)
      if (r.ok) return r.value
      ctx.addIssue({ code: 'custom', message: `${label}: ${didYouMean('country', v, r, 'a country name or code, such as United States, US or USA')}` })
      return z.NEVER
    })

/** A time zone as people write it ("PST", "Pacific", "CET", "UTC+9", "asia/kolkata"), stored as an IANA zone. */
const optionalTimeZone = (label: string) =>
  z
    .string()
    .trim()
    .max(64, `${label} must be 64 characters or fewer`)
    .optional()
    .transform((v, ctx) => {
      if (!v) return null
      const r = resolveTimeZone(v)
      if (r.ok) return r.value
      ctx.addIssue({ code: 'custom', message: `${label}: ${didYouMean('time zone', v, r, 'a zone such as America/Chicago, a city such as Chicago, or an abbreviation such as PST')}` })
      return z.NEVER
    })

/** The person fields of vetting/application@1, plus the case fields of the intake form. */
export const newCaseSchema = z.object({
  kind: z.enum(CASE_KINDS, { error: 'Choose whether this is a candidate or a contractor' }),
  roleTitle: optionalText(200, 'Role'),
  source: optionalText(60, 'Source').transform(v => v?.toLowerCase() ?? null),
  externalId: optionalText(120, 'External id'),
  submittedAt: z
    .string()
    .trim()
    .optional()
    .transform(v => (v ? v : null))
    .refine(v => v === null || (/^\d{4}-\d{2}-\d{2}/.test(v) && !Number.isNaN(Date.parse(v))), 'Enter the date as YYYY-MM-DD')
    .transform(v => (v === null ? null : new Date(Date.parse(v)).toISOString())),
  fullName: z.string().trim().min(1, 'Enter the full name').max(200, 'Full name must be 200 characters or fewer'),
  email: z
    .string()
    .trim()
    .optional()
    .transform(v => (v ? v : null))
    .pipe(z.email({ error: 'Enter an email address like name@example.com' }).max(254).nullable()),
  phone: optionalText(40, 'Phone').refine(
    v => v === null || /^\+?[0-9][0-9 ().-]{4,38}$/.test(v),
    'Enter a phone number in international form, such as +44 20 7946 0958',
  ),
  phoneLineType: z
    .enum(['', 'mobile', 'landline', 'voip', 'unknown'], { error: 'Choose a line type' })
    .optional()
    .transform(v => (v ? v : null)),
  addressLine1: optionalText(200, 'Address line 1'),
  addressLine2: optionalText(200, 'Address line 2'),
  city: optionalText(120, 'Town or city'),
  region: optionalText(120, 'Region'),
  postalCode: optionalText(20, 'Postal code'),
  country: optionalCountry('Country'),
  timezone: optionalTimeZone('Time zone'),
  citizenship: optionalCountry('Citizenship'),
})

export type NewCaseInput = z.input<typeof newCaseSchema>
export type NewCase = z.output<typeof newCaseSchema>
