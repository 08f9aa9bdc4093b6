import { notApplicable, type Rule } from './types'

export const rule: Rule = {
  meta: {
    id: 'presence-profile-country-mismatch',
    version: 1,
    title: 'A profile gives another country than the claimed home',
    rationale:
      'Freelancer platforms record the country a worker says they are in. A profile that places the applicant in another country than the home address on the application is a contradiction between the applicant’s own statements. Which country it is does not matter.',
    category: 'presence',
    severity: 'medium',
    strength: 'moderate',
    indicators: ['CV-CROSS-PROFILE', 'NW-GEO-MISMATCH'],
    sources: ['G1: inconsistencies in "claimed work location"', 'G2: online profiles "that do not match the hired individual’s provided resume"'],
    requires: ['person.address.country', 'profiles[].country'],
    knownFalsePositives: ['a profile not updated after a move', 'a platform that records the billing entity’s country'],
    checklist: ['Ask the applicant to explain the profile’s country; compare with the ID and the address for shipping'],
  },
  evaluate(facts) {
    const home = facts.person.address?.value.country?.toUpperCase()
    const withCountry = facts.profiles.filter(p => typeof p.value.country === 'string' && p.value.country.trim())
    if (!home || !withCountry.length) return notApplicable(...(!home ? ['person.address.country'] : []), ...(!withCountry.length ? ['profiles[].country'] : []))
    const off = withCountry.filter(p => String(p.value.country).trim().toUpperCase() !== home)
    const evidence = [facts.person.address!.evidence, ...withCountry.map(p => p.evidence)]
    if (!off.length) return { status: 'clear', message: `Every profile with a country says ${home}, as the home address does.`, evidence }
    return { status: 'flag', message: `The home address is in ${home}, but ${off.map(p => `the ${String(p.value.network)} profile says ${String(p.value.country).toUpperCase()}`).join(' and ')}.`, evidence }
  },
}
