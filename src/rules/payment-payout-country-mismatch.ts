import { notApplicable, type Rule } from './types'

export const rule: Rule = {
  meta: {
    id: 'payment-payout-country-mismatch',
    version: 1,
    title: 'Pay to another country than the claimed home',
    rationale:
      'Money follows the worker. A payout account in another country than the claimed home, or through a payment service that serves only another market, contradicts the claim. This is about where the money goes, never about who the person is: someone who lives in that country and says so shows nothing.',
    category: 'payment',
    severity: 'medium',
    strength: 'moderate',
    indicators: ['PY-PRC-ROUTING', 'PY-BANK-CHURN'],
    sources: ['G1: "Frequent transfers of money through payment platforms, especially to PRC-based bank accounts"; "Use of digital payment services, especially PRC-linked services"', 'V10: paychecks routed through money transfer services'],
    requires: ['person.address.country', 'payment.bank_country or payment.method'],
    knownFalsePositives: ['an account kept in a former home country', 'an expatriate paid at home'],
    checklist: ['Ask why pay should go to that country; require an account in the worker’s name in the country of the ID address'],
    refdata: ['payment-services'],
  },
  evaluate(facts, ctx) {
    const home = facts.person.address?.value.country?.toUpperCase()
    const payment = facts.payment
    if (!home || !payment || (!payment.value.bank_country && !payment.value.method)) return notApplicable(...(!home ? ['person.address.country'] : []), ...(!payment || (!payment.value.bank_country && !payment.value.method) ? ['payment.bank_country or payment.method'] : []))
    const reasons: string[] = []
    const bank = payment.value.bank_country?.toUpperCase()
    if (bank && bank !== home) reasons.push(`the payout account is in ${bank}`)
    const service = ctx.ref.paymentServices.find(s => s.pattern.test(`${payment.value.method ?? ''}`))
    if (service && !service.countries.includes(home)) reasons.push(`pay is to go through ${service.name}, which serves ${service.countries.join('/')}`)
    const evidence = [facts.person.address!.evidence, payment.evidence]
    if (!reasons.length) return { status: 'clear', message: `Pay goes to ${bank ?? 'a service'} consistent with the home country ${home}.`, evidence }
    return { status: 'flag', message: `The home address is in ${home}, but ${reasons.join(' and ')}.`, evidence }
  },
}
