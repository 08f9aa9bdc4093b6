import { compareAddresses, formatAddress } from '../domain/addresses'
import { intermediaryLabel, isIntermediaryAddress } from '../domain/intermediary'
import { declaredIntermediary, FORWARDED_TO_DECLARED_HOME, forwardedAbroad, mailDropHits } from './helpers'
import { notApplicable, type Rule } from './types'

export const rule: Rule = {
  meta: {
    id: 'logistics-shipping-not-home',
    version: 2,
    title: 'Equipment to be shipped somewhere other than the claimed home',
    rationale:
      'Laptop farms work by having company laptops sent to a facilitator who keeps them online for the worker. Asking for equipment to go to an address that is not the one the applicant claims as home is the request the advisories describe. Delivery to the office of the staffing agency the application declares it came through is that agency’s hand-over, not this request; the checklist still verifies the agency. A parcel service in another country than a declared foreign home is how parcels reach people who live there (scoring variant "to-declared-home", weaker).',
    category: 'logistics',
    severity: 'high',
    strength: 'strong',
    indicators: ['SH-NOT-ID-ADDRESS', 'LK-SHARED-ADDRESS'],
    sources: ['G1: "Be particularly suspicious if a developer claims they cannot receive items at the address on their identification documentation"', 'G10: laptop farms (Chapman, Knoot)', 'G3: facilitators receive devices'],
    requires: ['person.address', 'logistics.shippingAddress'],
    knownFalsePositives: ['a genuine move between offer and start date', 'shipping to an office or a co-working space the applicant names', 'a relative’s address during travel'],
    checklist: ['Ship equipment only to the address on the verified ID, or ask for an explanation in writing and verify it', 'Confirm the shipping address is not a freight forwarder or mail drop'],
    refdata: ['mail-drops'],
  },
  evaluate(facts, ctx) {
    const home = facts.person.address
    const ship = facts.logistics.shippingAddress
    if (!home || !ship) return notApplicable(...(!home ? ['person.address'] : []), ...(!ship ? ['logistics.shippingAddress'] : []))
    const cmp = compareAddresses(home.value, ship.value)
    const evidence = [home.evidence, ship.evidence, ...(facts.logistics.note ? [facts.logistics.note.evidence] : [])]
    if (cmp.same === null) return notApplicable('comparable address fields')
    if (cmp.same) return { status: 'clear', message: 'Equipment goes to the claimed home address.', evidence }
    const agency = declaredIntermediary(facts)
    if (agency && isIntermediaryAddress(agency, ship.value)) {
      return { status: 'clear', message: `Equipment goes to the office of the declared agency (${intermediaryLabel(agency)}) for hand-over, not to the claimed home: verify the agency and who collects the device there.`, evidence: [...evidence, facts.intermediary!.evidence] }
    }
    const abroad = forwardedAbroad(facts)
    if (abroad && mailDropHits(ship.value, facts.logistics.note?.value, ctx.ref.mailDrops).length) {
      return {
        status: 'flag',
        message: `Equipment is to be shipped to ${formatAddress(ship.value)}, a parcel service in ${abroad.via}, while the applicant declares a home in ${abroad.home}: a forwarder to the declared home, as people living there use.`,
        evidence: [...evidence, { field: FORWARDED_TO_DECLARED_HOME, value: abroad, source: 'rule', where: 'the home and shipping countries compared' }],
      }
    }
    return { status: 'flag', message: `Equipment is to be shipped to ${formatAddress(ship.value)}, not the claimed home (${cmp.differences.join('; ')}).`, evidence }
  },
}
