import { notApplicable, type Rule } from './types'

export const rule: Rule = {
  meta: {
    id: 'contact-voip-phone',
    version: 1,
    title: 'Phone number is VoIP',
    rationale: 'Personas are run on virtual numbers, reused across applications. A VoIP number alone is weak: many honest people use one. It counts only beside other signals.',
    category: 'contact',
    severity: 'low',
    strength: 'weak',
    indicators: ['CT-VOIP'],
    sources: ['G5: workers "have reused phone numbers (particularly voice-over-IP numbers)"', 'V3: facilitators buy phone numbers and SIM cards'],
    requires: ['person.phoneLineType or person.phone type'],
    knownFalsePositives: ['honest remote workers with Google Voice, Skype or office VoIP numbers', 'countries where many numbers are VoIP'],
    checklist: ['Call the number at an agreed time and speak to the applicant; ask for a second, mobile number'],
  },
  evaluate(facts) {
    const lineType = facts.person.phoneLineType
    const phone = facts.person.phone
    const resumePhones = facts.resume.phones
    const typed = [...(phone ? [phone] : []), ...resumePhones].filter(p => p.value.type)
    if (!lineType && !typed.length) return notApplicable('person.phoneLineType')
    const evidence = [...(lineType ? [lineType.evidence] : []), ...typed.map(p => p.evidence)]
    if (lineType?.value === 'voip') return { status: 'flag', message: 'A carrier lookup says the phone number is VoIP.', evidence }
    const voip = typed.find(p => p.value.type === 'VOIP')
    if (voip) return { status: 'flag', message: `${voip.value.e164} is in a VoIP number range.`, evidence }
    return { status: 'clear', message: 'The phone number is not a VoIP number as far as the line type shows.', evidence }
  },
}
