import { screeningHits } from './sanctionsScreening'
import { notApplicable, type Rule } from './types'

export const rule: Rule = {
  meta: {
    id: 'sanctions-person-lead',
    version: 1,
    title: 'A name resembles a listed person (a lead for security, not a finding)',
    rationale:
      'Names are shared by many people and identities are stolen, so a name that resembles a listed person’s proves nothing: counting it would raise the score of everyone with a common name. The lead goes to the security review queue with its similarity and what disagrees, and adds nothing to the score. It counts only when another identifier of the same listed person corroborates it (see sanctions-person-corroborated).',
    category: 'sanctions',
    severity: 'low',
    strength: 'weak',
    indicators: ['PY-SDN-WALLET'],
    sources: ['D2: "never fuzzy-match candidates’ personal names against it without human review"', 'L3: FCRA accuracy; mistaken matches on common names'],
    requires: ['person.fullName'],
    knownFalsePositives: ['anyone who shares a common name with a listed person: the usual case'],
    checklist: ['A security reviewer compares the listed person’s date of birth, identifiers and other listed details with the applicant’s ID document, and clears or confirms the lead'],
    refdata: ['sanctions'],
  },
  evaluate(facts, ctx) {
    if (!facts.person.fullName && !facts.resume.names.length) return notApplicable('person.fullName')
    const { hits, evidence } = screeningHits(facts, ctx.ref)
    const leads = hits.filter(h => h.kind === 'person' && !(h.corroboratedBy ?? []).length)
    if (!leads.length) return { status: 'clear', message: `No name resembles a listed person (${ctx.ref.version('sanctions')}).`, evidence: [] }
    return {
      status: 'flag',
      message: `For security review, adds nothing to the score: ${leads.map(h => `"${h.value}" resembles ${h.entry.name} [${h.entry.uid}] (similarity ${h.score?.toFixed(2)}; ${(h.why ?? []).join('; ')})`).join('. ')}.`,
      evidence: leads.map(h => ({ ...(evidence.get(h.where) ?? { field: 'name', value: h.value, source: 'application', where: h.where }), value: { given: h.value, listed: h.matched, entry: h.entry, score: h.score, why: h.why } })),
    }
  },
}
