import { notApplicable, type Rule } from './types'

export const rule: Rule = {
  meta: {
    id: 'links-linked-to-flagged',
    version: 1,
    title: 'Linked to an application that is itself high risk',
    rationale:
      'A link to an application that its own evidence already puts at high risk raises this one too. Propagation is bounded: it uses the other application’s band before links were counted, so two applications cannot lift each other in a loop, and it adds a fixed amount however many there are.',
    category: 'links',
    severity: 'medium',
    strength: 'moderate',
    indicators: ['LK-SHARED-ARTIFACT', 'LK-REFERRAL-CLUSTER'],
    sources: ['G5: cross-check other applicants with the same content', 'G1: workers recommend further DPRK IT workers'],
    requires: ['links (link analysis across applications)'],
    knownFalsePositives: ['an innocent applicant whose identity a scheme copied (the link is real; the blame may not be)'],
    checklist: ['Review the linked high-risk application first; decide whether this one is part of the same scheme'],
  },
  evaluate(facts) {
    if (!facts.links) return notApplicable('links (link analysis across applications)')
    const risky = facts.links.filter(l => l.judgement !== 'different_people' && (l.otherBand === 'high' || l.otherBand === 'critical'))
    if (!risky.length) return { status: 'clear', message: 'No linked application is high risk on its own evidence.', evidence: [] }
    return {
      status: 'flag',
      message: `Linked to ${[...new Set(risky.map(l => l.otherId))].length} application(s) at high risk or above: ${risky.slice(0, 3).map(l => `${l.otherName ?? l.otherId} (${l.otherBand}, via ${l.kind})`).join('; ')}.`,
      evidence: risky.slice(0, 5).map(l => ({ field: 'link', value: { application: l.otherId, band: l.otherBand, via: l.via }, source: 'link analysis', where: `linked application ${l.otherId}` })),
    }
  },
}
