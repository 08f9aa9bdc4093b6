import { compareAddresses, formatAddress } from '../domain/addresses'
import { notApplicable, type Rule } from './types'

const SIGNS: Array<[RegExp, string]> = [
  [/\btemporar(y|ily)\b/i, 'a temporary address'],
  [/\bmoving\b|\bjust moved\b|\bnew address\b|\bchanged? (my )?address\b|\bchange of address\b/i, 'a change of address'],
  [/\b(cousin|friend|relative|brother|sister|uncle|aunt|roommate|neighbou?r)\b/i, 'someone else’s address'],
  [/\btravell?ing\b|\baway\b|\bnot at home\b|\bcan(no|')?t receive\b/i, 'the applicant cannot receive it at home'],
]

export const rule: Rule = {
  meta: {
    id: 'logistics-address-change',
    version: 2,
    title: 'Shipping address changed or described as temporary',
    rationale:
      'Asking, around the offer, to have the laptop sent somewhere else "for now" (a friend’s, a relative’s, a temporary address), or changing the delivery address after applying, is how devices reach laptop farms. The rule reads the applicant’s own note about the address and the history of the shipping address on the case; the address itself is compared with home by another rule.',
    category: 'logistics',
    severity: 'medium',
    strength: 'moderate',
    indicators: ['SH-ADDRESS-CHANGE', 'SH-NOT-ID-ADDRESS'],
    sources: ['G8: "asking for devices to be shipped to different locations pre-employment" (sec.)', 'V10: "request address changes"', 'G1: "cannot receive items at the address on their identification documentation"'],
    requires: ['logistics.note or an earlier shipping address'],
    knownFalsePositives: ['a genuine move around the start date', 'someone away when the device ships'],
    checklist: ['Wait and ship to the ID address once the applicant is back, or hand the device over in person', 'Ask for proof of the new address if the applicant has moved'],
  },
  evaluate(facts) {
    const note = facts.logistics.note
    const current = facts.logistics.shippingAddress
    // Earlier destinations that differ from the current one (a re-import of the same address is no change).
    const changed = current ? facts.logistics.previousShippingAddresses.filter(p => compareAddresses(p.value.address, current.value).same === false) : []
    if (!note && !changed.length) return notApplicable('logistics.note or an earlier shipping address')
    const reasons: string[] = []
    const evidence = [...(note ? [note.evidence] : []), ...(current ? [current.evidence] : []), ...changed.map(c => c.evidence)]
    const found = note ? SIGNS.filter(([re]) => re.test(note.value)).map(([, label]) => label) : []
    if (found.length) reasons.push(`the shipping note asks for ${found.join(' and ')}: "${note!.value.slice(0, 120)}"`)
    if (changed.length) reasons.push(`the shipping address was changed from ${formatAddress(changed[changed.length - 1]!.value.address)} to ${formatAddress(current!.value)} on ${String(changed[changed.length - 1]!.value.replaced_at ?? '').slice(0, 10)}`)
    if (!reasons.length) return { status: 'clear', message: `The shipping note ("${note!.value.slice(0, 80)}") gives no temporary or other person’s address, and the address has not changed.`, evidence }
    return { status: 'flag', message: `${reasons.join('; ')}.`.replace(/^./, c => c.toUpperCase()), evidence }
  },
}
