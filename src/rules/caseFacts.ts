import { isObservationCode, recogniseNote } from '../extract/interviewNotes'

/**
 * CaseFacts: everything the rules may read about one application, each value with the evidence it came
 * from. Built by a pure function from fact records, whether they come from the database (the app) or
 * straight from files (`vet score`). Fields kept for HR only are not here, so no rule can read them.
 */
export interface Evidence {
  field: string
  value: unknown
  source: string
  /** where it was read: "application: person.email", "cv.pdf, page 1, line 2" */
  where: string
}

export interface Fact<T> {
  value: T
  evidence: Evidence
}

export interface Address {
  line1?: string
  line2?: string
  city?: string
  region?: string
  postal_code?: string
  country?: string
}
export interface Phone {
  e164?: string | null
  type?: string | null
  country?: string | null
  raw?: string
}
export interface Profile {
  network: string
  username?: string
  url?: string
  created_at?: string
  rating?: number
  reviews?: number
  jobs_completed?: number
  hourly_rate_usd?: number
  country?: string
  identity_verified?: boolean
  [k: string]: unknown
}
export interface Payment {
  method?: string
  account_holder?: string
  bank_country?: string
  currency?: string
  wallet_address?: string
  /** a Payoneer, Wise or PayPal account's email (application format: payment.account_email) */
  account_email?: string
}
export interface AccessEventFact {
  occurredAt: string
  account: string | null
  ip: string | null
  userAgent: string | null
  event: string | null
  where: string
}

/** Another application this one shares something with (from link analysis). */
export interface LinkFact {
  otherId: string
  otherName: string | null
  kind: string
  via: string
  /** the other application's band before links were counted (no feedback loops) */
  otherBand: string | null
  /** a reviewer judged the two the same person or different people */
  judgement?: 'same_person' | 'different_people' | 'unsure' | null
  /** set when this link only supports (a mail drop's address, a payee name…): why; the pair is joined by others */
  support?: string
}

export interface CaseFacts {
  kind: 'candidate' | 'contractor'
  person: {
    fullName?: Fact<string>
    email?: Fact<string>
    phone?: Fact<Phone>
    phoneLineType?: Fact<string>
    address?: Fact<Address>
    timezone?: Fact<string>
    /** compared only for equality with a sanctions-list entry, never as an age */
    dateOfBirth?: Fact<string>
  }
  resume: {
    names: Array<Fact<string>>
    emails: Array<Fact<string>>
    phones: Array<Fact<Phone>>
    urls: Array<Fact<string>>
    employers: Array<Fact<Record<string, unknown>>>
    skills: Array<Fact<string>>
    /** the longest career the resume's summary claims in words ({ years, quote }) */
    claimedYears?: Fact<{ years: number; quote: string }>
  }
  profiles: Array<Fact<Profile>>
  references: Array<Fact<Record<string, unknown>>>
  submission?: Fact<{ ip?: string; user_agent?: string }>
  interview: {
    video?: Fact<string>
    /** as recorded: structured codes ("reading_answers") and reviewers' own lines */
    observations: Array<Fact<string>>
    notes?: Fact<string>
    /** codes read from the reviewer's own words (lines and notes), only where that code was not recorded */
    fromNotes: Array<Fact<string>>
  }
  logistics: { shippingAddress?: Fact<Address>; note?: Fact<string>; previousShippingAddresses: Array<Fact<{ address: Address; given_at?: string; replaced_at?: string }>> }
  payment?: Fact<Payment>
  /** the staffing agency or employer of record the application declares it came through (its own values) */
  intermediary?: Fact<Record<string, unknown>>
  /** sign-in events, when a log was provided (undefined: no log; []: an empty one) */
  accessEvents?: AccessEventFact[]
  /** other applications sharing identifiers, resume text or photos (undefined: link analysis not run) */
  links?: LinkFact[]
  /** indicators other organisations shared that match this application (undefined: no feed was consulted) */
  sharedIndicators?: SharedIndicatorHit[]
}

export interface FactRecord {
  field: string
  value: unknown
  source: string
  where: string
}

/** A shared indicator that matches one of the application's identifiers (src/indicators). */
export interface SharedIndicatorHit {
  indicatorId: number
  kind: string
  /** where on the application: "applicant phone", "resume" */
  matched: string
  /** the applicant's own value, as they gave it */
  label: string
  source: string
  confidence: number
  tlp: string
  families: string[]
  comment?: string
}

export function buildCaseFacts(kind: CaseFacts['kind'], records: FactRecord[], accessEvents?: AccessEventFact[], links?: LinkFact[], sharedIndicators?: SharedIndicatorHit[]): CaseFacts {
  const facts: CaseFacts = {
    kind,
    person: {},
    resume: { names: [], emails: [], phones: [], urls: [], employers: [], skills: [] },
    profiles: [],
    references: [],
    interview: { observations: [], fromNotes: [] },
    logistics: { previousShippingAddresses: [] },
    ...(accessEvents ? { accessEvents } : {}),
    ...(links ? { links } : {}),
    ...(sharedIndicators ? { sharedIndicators } : {}),
  }
  for (const r of records) {
    const fact = <T>(): Fact<T> => ({ value: r.value as T, evidence: { field: r.field, value: r.value, source: r.source, where: r.where } })
    switch (r.field) {
      case 'person.full_name': facts.person.fullName = fact(); break
      case 'person.email': facts.person.email = fact(); break
      case 'person.phone': facts.person.phone = fact(); break
      case 'person.phone_line_type': facts.person.phoneLineType = fact(); break
      case 'person.address': facts.person.address = fact(); break
      case 'person.timezone': facts.person.timezone = fact(); break
      case 'person.date_of_birth': facts.person.dateOfBirth = fact(); break
      case 'resume.name': facts.resume.names.push(fact()); break
      case 'resume.email': facts.resume.emails.push(fact()); break
      case 'resume.phone': facts.resume.phones.push(fact()); break
      case 'resume.url': facts.resume.urls.push(fact()); break
      case 'resume.employer': facts.resume.employers.push(fact()); break
      case 'resume.skill': facts.resume.skills.push(fact()); break
      case 'resume.claimed_years': {
        const years = (r.value as { years?: unknown } | null)?.years
        if (typeof years === 'number' && (!facts.resume.claimedYears || years > facts.resume.claimedYears.value.years)) facts.resume.claimedYears = fact()
        break
      }
      case 'profile': facts.profiles.push(fact()); break
      case 'reference': facts.references.push(fact()); break
      case 'submission': facts.submission = fact(); break
      case 'interview.video': facts.interview.video = fact(); break
      case 'interview.observation': facts.interview.observations.push(fact()); break
      case 'interview.notes': facts.interview.notes = fact(); break
      case 'logistics.shipping_address': facts.logistics.shippingAddress = fact(); break
      case 'logistics.note': facts.logistics.note = fact(); break
      case 'logistics.previous_shipping_address': facts.logistics.previousShippingAddresses.push(fact()); break
      case 'payment': facts.payment = fact(); break
      case 'intermediary': facts.intermediary = fact(); break
      default: break // facts no rule reads yet
    }
  }
  readInterviewNotes(facts.interview)
  return facts
}

/**
 * Codes stay primary: the reviewer's words add an observation only where its code is absent, and the video
 * only when none was recorded. The evidence quotes the words matched and says where they are.
 */
function readInterviewNotes(interview: CaseFacts['interview']): void {
  const present = new Set(interview.observations.map(o => String(o.value).trim()).filter(isObservationCode))
  const written = [...interview.observations.filter(o => typeof o.value === 'string' && !isObservationCode(o.value)), ...(interview.notes && typeof interview.notes.value === 'string' ? [interview.notes] : [])]
  for (const note of written) {
    for (const m of recogniseNote(note.value)) {
      const derived: Fact<string> = {
        value: m.code,
        evidence: { field: note.evidence.field, value: `from the reviewer's note: '${m.quote}'`, source: note.evidence.source, where: `${note.evidence.where}${m.line > 1 ? `, line ${m.line}` : ''}` },
      }
      if (m.code === 'camera_off' || m.code === 'declined') {
        if (!interview.video) interview.video = derived
      } else if (!present.has(m.code)) {
        present.add(m.code)
        interview.fromNotes.push(derived)
      }
    }
  }
}
