import { z } from 'zod'
import { APPLICATION_FORMAT, type Application } from './applicationFormat'

/** JSON Resume 1.0.0 (jsonresume.org), read leniently: the fields we use, the rest kept as given. */
const t = (max: number) => z.string().max(max).nullish()
export const jsonResumeSchema = z.looseObject({
  basics: z
    .looseObject({
      name: t(200),
      label: t(200),
      image: t(500),
      email: t(254),
      phone: t(40),
      url: t(500),
      summary: t(10_000),
      location: z.looseObject({ address: t(300), postalCode: t(20), city: t(120), countryCode: t(2), region: t(120) }).nullish(),
      profiles: z.array(z.looseObject({ network: t(60), username: t(120), url: t(500) })).max(50).nullish(),
    })
    .nullish(),
  work: z.array(z.looseObject({ name: t(200), position: t(200), url: t(500), startDate: t(20), endDate: t(20), summary: t(10_000) })).max(100).nullish(),
  education: z.array(z.looseObject({ institution: t(200), area: t(200), studyType: t(100), startDate: t(20), endDate: t(20) })).max(50).nullish(),
  skills: z.array(z.looseObject({ name: t(100), level: t(60), keywords: z.array(z.string().max(100)).max(100).nullish() })).max(200).nullish(),
})
export type JsonResume = z.infer<typeof jsonResumeSchema>

/** A standalone JSON Resume: an object with `basics` or `work` and no `format`. */
export function isJsonResume(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !('format' in value) && ('basics' in value || 'work' in value)
}

/**
 * Wrap a standalone JSON Resume as an application, taking the person's claims from `basics`. Where the
 * resume allows longer text than our format (network 60 vs 40, address 300 vs 200; "ß" upper-cases to
 * two letters), it is cut to fit: the wrapper must pass our own schema, and the full text stays in `resume`.
 */
export function applicationFromJsonResume(resume: JsonResume): Application {
  const b = resume.basics
  const loc = b?.location
  const profiles = (b?.profiles ?? [])
    .filter(p => p.network || p.url)
    .map(p => ({ network: (p.network ?? 'website').toLowerCase().slice(0, 40), username: p.username ?? null, url: p.url ?? null }))
  return {
    format: APPLICATION_FORMAT,
    person: {
      full_name: b?.name ?? null,
      email: b?.email ?? null,
      phone: b?.phone ?? null,
      address: loc ? { line1: loc.address?.slice(0, 200) ?? null, city: loc.city ?? null, region: loc.region ?? null, postal_code: loc.postalCode ?? null, country: loc.countryCode?.toUpperCase().slice(0, 2) ?? null } : null,
    },
    resume: resume as Record<string, unknown>,
    profiles,
  }
}
