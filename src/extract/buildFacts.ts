import type { Application } from '../ingest/applicationFormat'
import { claimedYearsIn } from './claimedExperience'
import type { ReadDocument } from './readDocument'
import { findWebAddresses } from '../sanctions/identifiers'
import { normalisePhone } from './resumeFields'

/**
 * Claims and readings → facts, each saying where it came from. Rules read facts, never raw files.
 * Citizenship is deliberately not a fact: it is kept on the subject for HR and no check may read it.
 */
export type FactSource = 'application' | 'document' | 'ats' | 'reviewer'

export interface FactInput {
  field: string
  value: unknown
  source: FactSource
  /** which of the import's documents it was read from (their index in the import), if any */
  documentKey?: string
  locator: string
}

const present = (v: unknown) => v !== null && v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0)

/** Drop null/empty members so stored values say only what was given. */
function compact<T extends Record<string, unknown>>(obj: T): Partial<T> {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => present(v))) as Partial<T>
}

export function factsFromApplication(app: Application): FactInput[] {
  const facts: FactInput[] = []
  const add = (field: string, value: unknown, locator: string) => {
    if (present(value) && !(typeof value === 'object' && value !== null && Object.keys(compact(value as Record<string, unknown>)).length === 0)) {
      facts.push({ field, value: typeof value === 'object' && value !== null && !Array.isArray(value) ? compact(value as Record<string, unknown>) : value, source: 'application', locator })
    }
  }
  const p = app.person
  if (p) {
    add('person.full_name', p.full_name, 'person.full_name')
    add('person.email', p.email?.toLowerCase(), 'person.email')
    if (p.phone) add('person.phone', normalisePhone(p.phone, p.address?.country) ?? { raw: p.phone, e164: null, type: null, country: null }, 'person.phone')
    add('person.phone_line_type', p.phone_line_type, 'person.phone_line_type')
    add('person.address', p.address, 'person.address')
    add('person.timezone', p.timezone, 'person.timezone')
    // Only for corroborating a sanctions-list name lead (an exact date on the list), never as an age.
    add('person.date_of_birth', (p as Record<string, unknown>).date_of_birth, 'person.date_of_birth')
  }
  app.profiles?.forEach((profile, i) => {
    const { photo: _photo, ...rest } = profile
    add('profile', { ...rest, network: rest.network.toLowerCase() }, `profiles[${i}]`)
  })
  add('submission', app.submission, 'submission')
  app.references?.forEach((ref, i) => {
    const phone = ref.phone ? normalisePhone(ref.phone) : null
    add('reference', { ...ref, ...(phone ? { phone_e164: phone.e164 } : {}) }, `references[${i}]`)
  })
  if (app.interview) {
    add('interview.video', app.interview.video, 'interview.video')
    app.interview.observations?.forEach((o, i) => add('interview.observation', o, `interview.observations[${i}]`))
    add('interview.notes', app.interview.notes, 'interview.notes')
  }
  if (app.logistics) {
    add('logistics.shipping_address', app.logistics.shipping_address, 'logistics.shipping_address')
    add('logistics.note', app.logistics.note, 'logistics.note')
  }
  add('payment', app.payment, 'payment')
  // A declared staffing agency: its identifiers are its own, not the candidate's (link analysis sets them aside).
  const declared = app.intermediary ?? app.agency
  if (declared) {
    const agency = typeof declared === 'string' ? { name: declared } : declared
    const phone = agency.phone ? normalisePhone(agency.phone, agency.address?.country) : null
    add('intermediary', { ...agency, ...(phone ? { phone_e164: phone.e164 } : {}) }, app.intermediary ? 'intermediary' : 'agency')
  }

  // An embedded JSON Resume: what the resume claims, beside what the application form claims.
  const resume = app.resume as
    | {
        basics?: { name?: string; label?: string; summary?: string; email?: string; phone?: string; url?: string; profiles?: Array<{ network?: string; username?: string; url?: string }> }
        work?: Array<{ name?: string; position?: string; startDate?: string; endDate?: string; summary?: string; highlights?: string[] }>
        education?: Array<{ institution?: string; area?: string; studyType?: string; startDate?: string; endDate?: string }>
        skills?: Array<{ name?: string; keywords?: string[] }>
      }
    | null
    | undefined
  if (resume) {
    const b = resume.basics
    add('resume.name', b?.name, 'resume.basics.name')
    add('resume.email', b?.email?.toLowerCase(), 'resume.basics.email')
    if (b?.phone) add('resume.phone', normalisePhone(b.phone, p?.address?.country) ?? { raw: b.phone, e164: null, type: null, country: null }, 'resume.basics.phone')
    add('resume.url', b?.url, 'resume.basics.url')
    b?.profiles?.forEach((pr, i) => add('resume.url', pr.url, `resume.basics.profiles[${i}].url`))
    resume.work?.forEach((w, i) => add('resume.employer', { company: w.name, title: w.position, start: w.startDate, end: w.endDate, details: [w.summary, ...(w.highlights ?? [])].filter(Boolean).join(' ').slice(0, 1000) || undefined }, `resume.work[${i}]`))
    resume.education?.forEach((e, i) => add('resume.education', { institution: e.institution, degree: [e.studyType, e.area].filter(Boolean).join(' '), start: e.startDate, end: e.endDate }, `resume.education[${i}]`))
    resume.skills?.forEach((s, i) => add('resume.skill', s.name, `resume.skills[${i}]`))
    const claim = typeof b?.summary === 'string' ? claimedYearsIn(b.summary) : null
    if (claim) add('resume.claimed_years', claim, 'resume.basics.summary')
  }
  return facts
}

const where = (page: number, line: number, pages: number) => (pages > 1 ? `page ${page}, line ${line}` : `line ${line}`)

export function factsFromDocument(doc: ReadDocument, documentKey: string): FactInput[] {
  const n = doc.pages.length
  const f = doc.fields
  const facts: FactInput[] = []
  const add = (field: string, value: unknown, page: number, line: number) => facts.push({ field, value, source: 'document', documentKey, locator: where(page, line, n) })
  if (f.name) add('resume.name', f.name.value, f.name.page, f.name.line)
  for (const e of f.emails) add('resume.email', e.value, e.page, e.line)
  for (const p of f.phones) add('resume.phone', p.value, p.page, p.line)
  for (const u of f.urls) add('resume.url', u.value.url, u.page, u.line)
  // A labelled web address written without its scheme ("Portfolio: example.site/about"): resumes give sites
  // this way, and a listed front site is as telling bare as with https://. Only after a label, so that
  // "Node.js" in a sentence is never taken for a site.
  const given = new Set(f.urls.map(u => u.value.url.toLowerCase()))
  doc.pages.forEach((text, p) =>
    text.split('\n').forEach((line, l) => {
      const m = /^\s*(?:portfolio|website|web ?site|personal site|homepage|home page|blog|site|web)\s*[:|–-]\s*(?:\|\s*)?(\S+)\s*$/i.exec(line)
      const address = m ? findWebAddresses(m[1]!)[0] : undefined
      if (address && !given.has(address.toLowerCase()) && ![...given].some(g => g.includes(address.toLowerCase()))) {
        given.add(address.toLowerCase())
        add('resume.url', address, p + 1, l + 1)
      }
    }),
  )
  for (const e of f.employers) add('resume.employer', compact(e.value as unknown as Record<string, unknown>), e.page, e.line)
  for (const e of f.education) add('resume.education', compact(e.value as unknown as Record<string, unknown>), e.page, e.line)
  for (const s of f.skills) add('resume.skill', s.value, s.page, s.line)
  if (f.claimedYears) add('resume.claimed_years', f.claimedYears.value, f.claimedYears.page, f.claimedYears.line)
  return facts
}
