import { notApplicable, type Rule } from './types'

export const rule: Rule = {
  meta: {
    id: 'payment-crypto-payout',
    version: 1,
    title: 'Asks to be paid in cryptocurrency',
    rationale: 'Payment in virtual currency lets pay reach the regime without the identity checks of a bank. It is common among honest freelancers too, so it weighs only with other signals.',
    category: 'payment',
    severity: 'medium',
    strength: 'moderate',
    indicators: ['PY-CRYPTO'],
    sources: ['G1: "Seeking payment in virtual currency in an effort to evade KYC/AML"', 'V13: flat crypto rates'],
    requires: ['payment.method or payment.wallet_address'],
    knownFalsePositives: ['crypto-native employers and contractors paid in stablecoins by policy'],
    checklist: ['Pay through a bank account in the worker’s name, or screen the wallet against the OFAC SDN list and record the result'],
  },
  evaluate(facts) {
    const p = facts.payment
    if (!p || (!p.value.method && !p.value.wallet_address)) return notApplicable('payment.method')
    if (p.value.method === 'crypto' || p.value.wallet_address) {
      return { status: 'flag', message: `Pay is requested in cryptocurrency${p.value.currency ? ` (${p.value.currency})` : ''}${p.value.wallet_address ? ` to wallet ${p.value.wallet_address}` : ''}.`, evidence: [p.evidence] }
    }
    return { status: 'clear', message: `Pay is requested by ${p.value.method}.`, evidence: [p.evidence] }
  },
}
