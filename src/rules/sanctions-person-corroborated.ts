import { screeningHits } from './sanctionsScreening'
import { notApplicable, type Rule } from './types'

export const rule: Rule = {
  meta: {
    id: 'sanctions-person-corroborated',
    version: 1,
    title: 'A listed person’s name, corroborated by another identifier',
    rationale:
      'A name lead becomes evidence when something that is not a name agrees: the same date of birth as the listing, or a wallet, email or phone of the same listed person. Then it counts in the score and a security reviewer must judge it. The date of birth is compared for equality with the list entry only.',
    category: 'sanctions',
    severity: 'critical',
    strength: 'strong',
    indicators: ['PY-SDN-WALLET', 'GH-KNOWN-PERSONA'],
    sources: ['G11: OFAC designations with identifiers', 'D2: OFAC SDN list', 'L3: accuracy duties (corroborate before acting)'],
    requires: ['person.fullName'],
    knownFalsePositives: ['a stolen identity whose real owner shares the listed person’s details (the applicant is still not who they claim)'],
    checklist: ['A security reviewer confirms or clears the match against the SDN entry', 'Stop payments and onboarding until cleared'],
    refdata: ['sanctions'],
    blocking: true,
  },
  evaluate(facts, ctx) {
    if (!facts.person.fullName && !facts.resume.names.length) return notApplicable('person.fullName')
    const { hits, evidence } = screeningHits(facts, ctx.ref)
    const strong = hits.filter(h => h.kind === 'person' && (h.corroboratedBy ?? []).length)
    if (!strong.length) return { status: 'clear', message: 'No name match is corroborated by another identifier.', evidence: [] }
    return {
      status: 'flag',
      message: strong.map(h => `"${h.value}" matches ${h.entry.name} [${h.entry.uid}] (similarity ${h.score?.toFixed(2)}), corroborated by ${(h.corroboratedBy ?? []).join(', ')}`).join('. '),
      evidence: strong.map(h => ({ ...(evidence.get(h.where) ?? { field: 'name', value: h.value, source: 'application', where: h.where }), value: { given: h.value, listed: h.matched, entry: h.entry, corroboratedBy: h.corroboratedBy } })),
    }
  },
}
