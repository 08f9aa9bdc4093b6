import type { Phone, Fact } from './caseFacts'
import { notApplicable, type Rule } from './types'

export const rule: Rule = {
  meta: {
    id: 'contact-invalid-phone',
    version: 1,
    title: 'Phone number that cannot exist',
    rationale:
      'A number that fails the numbering plan of every country (wrong length, unassigned range) cannot reach anyone: it was mistyped or made up. The advisories list incorrect contact information as a red flag.',
    category: 'contact',
    severity: 'low',
    strength: 'weak',
    indicators: ['CT-CHANGING'],
    sources: ['G1: "Incorrect or changing contact information, specifically phone numbers and emails"'],
    requires: ['person.phone'],
    knownFalsePositives: ['a typing mistake', 'a new number range the numbering metadata does not know yet'],
    checklist: ['Ask for a working number and call it'],
  },
  evaluate(facts) {
    const phones: Array<Fact<Phone>> = [...(facts.person.phone ? [facts.person.phone] : [])]
    if (!phones.length) return notApplicable('person.phone')
    const invalid = phones.filter(p => !p.value.e164)
    if (!invalid.length) return { status: 'clear', message: `${phones[0]!.value.e164} is a valid number.`, evidence: phones.map(p => p.evidence) }
    return { status: 'flag', message: `"${invalid.map(p => p.value.raw ?? '').join('", "')}" is not a valid phone number anywhere.`, evidence: invalid.map(p => p.evidence) }
  },
}
