import { countryOfTimezone } from '../domain/geo'
import type { Evidence } from './caseFacts'
import { notApplicable, type Rule } from './types'

export const rule: Rule = {
  meta: {
    id: 'identity-location-inconsistent',
    version: 1,
    title: 'The applicant’s own location claims disagree',
    rationale:
      'Where someone lives is never a signal; contradicting oneself is. The claimed home, the country of the phone number and the claimed working time zone are all the applicant’s own statements. When two of them point to different countries, the claims do not fit together.',
    category: 'identity',
    severity: 'low',
    strength: 'weak',
    indicators: ['ID-SELF-INCONSISTENT', 'CV-CROSS-PROFILE'],
    sources: ['V13: ID documents from another continent than the claimed residence', 'G1: inconsistencies in "claimed work location, contact information"'],
    requires: ['person.address.country', 'person.phone.country or person.timezone'],
    knownFalsePositives: ['someone who moved recently and kept their old mobile number', 'a person who works to a client’s time zone by choice'],
    checklist: ['Ask where the applicant lives and works, and which number and hours they use; compare with the ID address'],
  },
  evaluate(facts) {
    const home = facts.person.address?.value.country?.toUpperCase()
    const phone = facts.person.phone?.value.country?.toUpperCase()
    const zone = facts.person.timezone?.value
    const zoneCountry = zone ? countryOfTimezone(zone) : null
    if (!home || (!phone && !zoneCountry)) return notApplicable(...(!home ? ['person.address.country'] : []), ...(!phone && !zoneCountry ? ['person.phone.country or a known person.timezone'] : []))
    const claims: Array<{ what: string; country: string; evidence: Evidence }> = [{ what: 'home address', country: home, evidence: facts.person.address!.evidence }]
    if (phone) claims.push({ what: 'phone number', country: phone, evidence: facts.person.phone!.evidence })
    if (zoneCountry) claims.push({ what: `time zone ${zone}`, country: zoneCountry, evidence: facts.person.timezone!.evidence })
    const off = claims.filter(c => c.country !== home)
    if (!off.length) return { status: 'clear', message: `Home address, ${claims.slice(1).map(c => c.what).join(' and ')} all point to ${home}.`, evidence: claims.map(c => c.evidence) }
    return { status: 'flag', message: `The home address is in ${home}, but the ${off.map(c => `${c.what} points to ${c.country}`).join(' and the ')}.`, evidence: claims.map(c => c.evidence) }
  },
}
