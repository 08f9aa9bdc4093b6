import { notApplicable, type Rule } from './types'

/** The confidence reading the score uses (scoring/scoreCase variantOf): a shared indicator weighs what its sharer's confidence says. */
export const sharedConfidenceBand = (confidence: number): 'high' | 'medium' | 'low' => (confidence >= 80 ? 'high' : confidence >= 50 ? 'medium' : 'low')

export const rule: Rule = {
  meta: {
    id: 'links-shared-indicator',
    version: 1,
    title: 'An identifier another organisation shared as part of the scheme',
    rationale:
      'Personas apply to many companies with the same phones, wallets, payout accounts, resumes and photos. An indicator another organisation confirmed and shared (STIX, MISP or CSV feed) that matches this application is evidence, not a verdict: it weighs what the sharer’s confidence says, never blocks, and names its source so the reviewer can ask them.',
    category: 'links',
    severity: 'high',
    strength: 'strong',
    indicators: ['LK-SHARED-ARTIFACT', 'CT-SHARED-CONTACT'],
    sources: ['G1: share information with IVAN, Crypto-ISAC, SEAL (joint US–Japan–ROK statement, Jan 2025)', 'G5: cross-check other applicants with the same content'],
    requires: ['shared indicators (imported feeds)'],
    knownFalsePositives: ['a recycled phone number or a reused address after the scheme left it', 'an innocent person whose identifiers a scheme stole', 'a feed’s own mistakes: ask its source'],
    checklist: ['Ask the source organisation named in the finding what they confirmed and when; verify the matching identifier with the applicant directly'],
  },
  evaluate(facts) {
    if (!facts.sharedIndicators) return notApplicable('shared indicators (imported feeds)')
    const hits = [...facts.sharedIndicators].sort((a, b) => b.confidence - a.confidence || a.kind.localeCompare(b.kind))
    if (!hits.length) return { status: 'clear', message: 'No indicator shared by another organisation matches this application.', evidence: [] }
    const top = hits[0]!
    const sources = [...new Set(hits.map(h => h.source))]
    return {
      status: 'flag',
      message: `${hits.length} identifier(s) match indicators shared by ${sources.join(', ')}: ${hits
        .slice(0, 3)
        .map(h => `${h.matched} (${h.kind}, confidence ${h.confidence})`)
        .join('; ')}. Strongest confidence ${top.confidence} (${sharedConfidenceBand(top.confidence)}).`,
      evidence: hits.slice(0, 8).map(h => ({
        field: 'shared-indicator',
        value: { kind: h.kind, value: h.label, source: h.source, confidence: h.confidence, tlp: h.tlp, families: h.families, ...(h.comment ? { comment: h.comment } : {}) },
        source: `shared indicator feed: ${h.source}`,
        where: h.matched,
      })),
    }
  },
}
