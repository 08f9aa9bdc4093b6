import type { ReferenceData } from '../refdata/referenceData'
import { findPhoneNumbers, findWebAddresses, walletCandidates } from '../sanctions/identifiers'
import type { ScreeningHit, ScreeningSubject } from '../sanctions/screen'
import type { CaseFacts, Evidence, Fact, Phone } from './caseFacts'
import { str } from './helpers'

/**
 * What the sanctions rules screen, gathered from the facts once per case (four rules read the result).
 * People: the applicant’s names and a person payee. Organisations: employers, a company payee,
 * references’ companies. Identifiers: every email, phone, web address and wallet given, and the web
 * addresses, emails and wallets written in free text (employers' descriptions, profiles, references, the
 * logistics note, interview observations and notes): a listed website or phone number is as telling in a
 * sentence as in its own field.
 */
export function screeningSubject(facts: CaseFacts): { subject: ScreeningSubject; evidence: Map<string, Evidence> } {
  const evidence = new Map<string, Evidence>()
  const note = <T extends { where: string }>(item: T, ev: Evidence): T => {
    evidence.set(item.where, ev)
    return item
  }
  const p = facts.person
  const personNames = [
    ...(p.fullName ? [note({ name: p.fullName.value, where: p.fullName.evidence.where }, p.fullName.evidence)] : []),
    ...facts.resume.names.map(n => note({ name: n.value, where: n.evidence.where }, n.evidence)),
  ]
  const organisations = [
    ...facts.resume.employers.flatMap(e => (str(e.value.company) ? [note({ name: str(e.value.company)!, where: e.evidence.where }, e.evidence)] : [])),
    ...facts.references.flatMap(r => (str(r.value.company) ? [note({ name: str(r.value.company)!, where: `${r.evidence.where} (company)` }, r.evidence)] : [])),
  ]
  const holder = str(facts.payment?.value.account_holder)
  if (holder && facts.payment) {
    // A payee is screened both ways: it may be a listed person or a listed company.
    // The holder's own date of birth, when the payout details give it, corroborates the holder, not the applicant.
    const pay = facts.payment.value as Record<string, unknown>
    const holderBirth = str(pay.account_holder_date_of_birth) ?? str(pay.holder_date_of_birth) ?? str(pay.date_of_birth) ?? null
    personNames.push(note({ name: holder, where: `${facts.payment.evidence.where} (account holder)`, birthDate: holderBirth }, facts.payment.evidence))
    organisations.push(note({ name: holder, where: `${facts.payment.evidence.where} (account holder)` }, facts.payment.evidence))
  }
  const emails = [
    ...(p.email ? [note({ value: p.email.value, where: p.email.evidence.where }, p.email.evidence)] : []),
    ...facts.resume.emails.map(e => note({ value: e.value, where: e.evidence.where }, e.evidence)),
    ...facts.references.flatMap(r => (str(r.value.email) ? [note({ value: str(r.value.email)!, where: `${r.evidence.where} (email)` }, r.evidence)] : [])),
    // The payout account's own email (Payoneer, Wise, PayPal): a listed mailbox as the payee is as telling as the applicant's.
    ...(str(facts.payment?.value.account_email) && facts.payment ? [note({ value: str(facts.payment.value.account_email)!, where: `${facts.payment.evidence.where} (account email)` }, facts.payment.evidence)] : []),
  ]
  // A number as parsed (E.164) and as written: a number the parser could not place (no country, an old
  // range) is still compared by its digits.
  const phoneForms = (ph: Fact<Phone> | undefined) => (ph ? [...new Set([ph.value.e164, ph.value.raw].filter((v): v is string => !!v))].map(value => note({ value, where: ph.evidence.where }, ph.evidence)) : [])
  const phones = [
    ...phoneForms(p.phone),
    ...facts.resume.phones.flatMap(phoneForms),
    ...facts.references.flatMap(r => [...new Set([str(r.value.phone_e164), str(r.value.phone)].filter((v): v is string => !!v))].map(value => note({ value, where: `${r.evidence.where} (phone)` }, r.evidence))),
  ]
  const websites = [
    ...facts.resume.urls.map(u => note({ value: u.value, where: u.evidence.where }, u.evidence)),
    ...facts.profiles.flatMap(pr => (str(pr.value.url) ? [note({ value: str(pr.value.url)!, where: `${pr.evidence.where} (url)` }, pr.evidence)] : [])),
  ]
  const wallet = str(facts.payment?.value.wallet_address)
  const wallets = wallet && facts.payment ? [note({ value: wallet, where: `${facts.payment.evidence.where} (wallet)` }, facts.payment.evidence)] : []
  // Free text: every string in these facts, searched for web addresses, emails and wallets.
  const texts: Array<Fact<unknown>> = [...facts.resume.employers, ...facts.profiles, ...facts.references, ...(facts.logistics.note ? [facts.logistics.note] : []), ...facts.interview.observations, ...(facts.interview.notes ? [facts.interview.notes] : [])]
  const givenPhones = new Set(phones.map(x => x.value))
  const given = new Set(websites.map(w => w.value))
  for (const t of texts) {
    const strings = typeof t.value === 'string' ? [t.value] : Object.values((t.value ?? {}) as Record<string, unknown>).filter((v): v is string => typeof v === 'string')
    for (const text of strings) {
      for (const address of findWebAddresses(text)) {
        if (given.has(address)) continue
        given.add(address)
        websites.push(note({ value: address, where: `${t.evidence.where} (text)` }, t.evidence))
      }
      for (const email of text.match(/[^\s@<>()"',;:]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}/gi) ?? []) {
        if (!emails.some(e => e.value === email)) emails.push(note({ value: email, where: `${t.evidence.where} (text)` }, t.evidence))
      }
      for (const number of findPhoneNumbers(text)) {
        if (givenPhones.has(number)) continue
        givenPhones.add(number)
        phones.push(note({ value: number, where: `${t.evidence.where} (text)` }, t.evidence))
      }
      if (walletCandidates(text).length && text !== wallet) wallets.push(note({ value: text, where: `${t.evidence.where} (text)` }, t.evidence))
    }
  }
  const subject: ScreeningSubject = { personNames, organisations, emails, phones, websites, wallets, birthDate: p.dateOfBirth?.value ?? null }
  return { subject, evidence }
}

const cache = new WeakMap<CaseFacts, { ref: ReferenceData; hits: ScreeningHit[]; evidence: Map<string, Evidence>; screened: number }>()

/** Screen once per facts object and reference data (four rules ask). */
export function screeningHits(facts: CaseFacts, ref: ReferenceData): { hits: ScreeningHit[]; evidence: Map<string, Evidence>; screened: number } {
  const cached = cache.get(facts)
  if (cached && cached.ref === ref) return cached
  const { subject, evidence } = screeningSubject(facts)
  const screened = subject.personNames.length + subject.organisations.length + subject.emails.length + subject.phones.length + subject.websites.length + subject.wallets.length
  const result = { ref, hits: ref.sanctions.screen(subject), evidence, screened }
  cache.set(facts, result)
  return result
}

export const describeHit = (h: ScreeningHit) => `${h.kind} "${h.value}" (${h.where}) matches ${h.entry.name} [${h.entry.uid}, ${h.entry.programs.join(', ') || 'SDN'}]`
