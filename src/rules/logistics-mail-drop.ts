import { FORWARDED_TO_DECLARED_HOME, forwardedAbroad, mailDropHits } from './helpers'
import { notApplicable, type Rule } from './types'

export const rule: Rule = {
  meta: {
    id: 'logistics-mail-drop',
    version: 2,
    title: 'Equipment to go to a mailbox service or forwarder',
    rationale:
      'Company laptops for workers abroad travel through reshippers, mail-drop stores and freight forwarders, or to someone "care of". A shipping address written the way such services write theirs (a private mailbox number, a forwarder’s name) means the device will not stay where it is delivered. When the applicant declares a home in another country than the service’s, the service is how parcels reach that declared home (a US “casillero” for Latin America): living abroad and saying so is not a signal, so that reading weighs less (scoring variant "to-declared-home"), and the checklist still asks where the device will be used.',
    category: 'logistics',
    severity: 'high',
    strength: 'strong',
    indicators: ['SH-FORWARDER', 'SH-NOT-ID-ADDRESS'],
    sources: ['G2: laptops "freight forwarded overseas" (sec.)', 'G10: Chapman shipped 49 devices abroad', 'V7: laptop collected at a UPS facility (sec.)', 'G1: "cannot receive items at the address on their identification documentation"'],
    requires: ['logistics.shippingAddress'],
    knownFalsePositives: ['a rural applicant who receives parcels at a mailbox store', 'a digital nomad using a mail service as a legal address'],
    checklist: ['Ship only to the address on the ID, or hand the device over in person', 'Ask why the device cannot be delivered to the home address'],
    refdata: ['mail-drops'],
  },
  evaluate(facts, ctx) {
    const shipping = facts.logistics.shippingAddress
    if (!shipping) return notApplicable('logistics.shippingAddress')
    const text = [shipping.value.line1, shipping.value.line2, facts.logistics.note?.value].filter(Boolean).join(' ')
    const hits = mailDropHits(shipping.value, facts.logistics.note?.value, ctx.ref.mailDrops)
    const evidence = [shipping.evidence, ...(facts.logistics.note ? [facts.logistics.note.evidence] : [])]
    if (!hits.length) return { status: 'clear', message: 'The shipping address is not written as a mailbox service, forwarder or "care of" address.', evidence: [shipping.evidence] }
    const abroad = forwardedAbroad(facts)
    if (abroad) {
      return {
        status: 'flag',
        message: `The shipping address looks like ${hits.map(h => h.label).join(' and ')} ("${text.slice(0, 120)}") in ${abroad.via}, and the applicant declares a home in ${abroad.home}: a forwarding service to the declared home, as people living there use. Confirm where the device will be used.`,
        evidence: [...evidence, { field: FORWARDED_TO_DECLARED_HOME, value: abroad, source: 'rule', where: 'the home and shipping countries compared' }],
      }
    }
    return { status: 'flag', message: `The shipping address looks like ${hits.map(h => h.label).join(' and ')} ("${text.slice(0, 120)}").`, evidence }
  },
}
