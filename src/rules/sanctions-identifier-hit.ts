import { describeHit, screeningHits } from './sanctionsScreening'
import { notApplicable, type Rule } from './types'

export const rule: Rule = {
  meta: {
    id: 'sanctions-identifier-hit',
    version: 2,
    title: 'A wallet, email, phone or website is on the sanctions list',
    rationale:
      'Paying a designated party is unlawful whatever the intent. A payout wallet, an email address, a phone number or a website that is exactly (after normalising how it is written) an identifier of an OFAC-listed party is a fact, not a resemblance: in its own field or written in free text (a reference’s note, an employer’s description, interview notes). A phone number matches in international or national form, with or without its country code, never as a local number without its area code. It blocks sign-off until a security reviewer has looked at it.',
    category: 'sanctions',
    severity: 'critical',
    strength: 'strong',
    indicators: ['PY-SDN-WALLET', 'GH-KNOWN-PERSONA'],
    sources: ['G11: OFAC designations of DPRK IT-worker networks with their digital-currency addresses', 'D2: OFAC SDN list (sdn.csv)', 'G1: sanctions exposure of payers'],
    requires: ['payment.wallet_address, emails, phones or web addresses'],
    knownFalsePositives: ['a shared exchange deposit address listed for one customer (rare; confirm with the exchange)'],
    checklist: ['Stop any payment to the identifier; a security reviewer confirms or clears the hit', 'If confirmed: report to OFAC/IC3 (US) or OFSI (UK) and preserve the evidence'],
    refdata: ['sanctions'],
    blocking: true,
  },
  evaluate(facts, ctx) {
    const { hits, evidence, screened } = screeningHits(facts, ctx.ref)
    if (!screened) return notApplicable('payment.wallet_address, emails, phones or web addresses')
    const found = hits.filter(h => h.kind === 'wallet' || h.kind === 'email' || h.kind === 'phone' || h.kind === 'website')
    if (!found.length) return { status: 'clear', message: `No wallet, email, phone or website matches the sanctions list (${ctx.ref.version('sanctions')}).`, evidence: [] }
    return { status: 'flag', message: `${found.map(describeHit).join('; ')}.`, evidence: found.map(h => ({ ...(evidence.get(h.where) ?? { field: h.kind, value: h.value, source: 'application', where: h.where }), value: { given: h.value, listed: h.matched, entry: h.entry } })) }
  },
}
