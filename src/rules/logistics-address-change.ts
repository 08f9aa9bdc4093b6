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
    version: 1,
    title: 'Shipping address changed or described as temporary',
    rationale:
      'Asking, around the offer, to have the laptop sent somewhere else "for now" (a friend’s, a relative’s, a temporary address) is how devices reach laptop farms. The rule reads the applicant’s own note about the address; the address itself is compared with home by another rule.',
    category: 'logistics',
    severity: 'medium',
    strength: 'moderate',
    indicators: ['SH-ADDRESS-CHANGE', 'SH-NOT-ID-ADDRESS'],
    sources: ['G8: "asking for devices to be shipped to different locations pre-employment" (sec.)', 'V10: "request address changes"', 'G1: "cannot receive items at the address on their identification documentation"'],
    requires: ['logistics.note'],
    knownFalsePositives: ['a genuine move around the start date', 'someone away when the device ships'],
    checklist: ['Wait and ship to the ID address once the applicant is back, or hand the device over in person', 'Ask for proof of the new address if the applicant has moved'],
  },
  evaluate(facts) {
    const note = facts.logistics.note
    if (!note) return notApplicable('logistics.note')
    const found = SIGNS.filter(([re]) => re.test(note.value)).map(([, label]) => label)
    if (!found.length) return { status: 'clear', message: `The shipping note ("${note.value.slice(0, 80)}") gives no temporary or other person’s address.`, evidence: [note.evidence] }
    return { status: 'flag', message: `The shipping note asks for ${found.join(' and ')}: "${note.value.slice(0, 120)}".`, evidence: [note.evidence, ...(facts.logistics.shippingAddress ? [facts.logistics.shippingAddress.evidence] : [])] }
  },
}
