import { notApplicable, type Rule } from './types'

export const rule: Rule = {
  meta: {
    id: 'links-shared-artifact',
    version: 1,
    title: 'Shares a phone, address, payee, resume or photo with another applicant under another name',
    rationale:
      'One artefact under several identities is the strongest automated signal in every advisory: the same phone or email on resumes of different people, one shipping address for several hires (laptop farms), one payee or wallet, the same resume template or photo. Links only count between applications in different names; values shared by very many applications (an agency’s switchboard) are set aside as hubs, and links a reviewer judged as different people stop counting.',
    category: 'links',
    severity: 'high',
    strength: 'strong',
    indicators: ['LK-SHARED-ARTIFACT', 'LK-SHARED-ADDRESS', 'CT-SHARED-CONTACT', 'CV-DUP-RESUME', 'GH-PHOTO-REUSE', 'PY-SHARED-ACCOUNT'],
    sources: ['G5: "Cross-check HR systems for other applicants with the same resume content and/or contact information"', 'G1 (platforms): "same or similar documentation … same digital payment service accounts"', 'G10: Chapman laptop farm (devices of many identities at one address)'],
    requires: ['links (link analysis across applications)'],
    knownFalsePositives: ['family members sharing a home or phone', 'two applicants referred by the same genuine referee', 'resume templates from the same bootcamp'],
    checklist: ['Open each linked application and compare identities, documents and photos side by side', 'Judge each link: same person, different people, or unsure'],
  },
  evaluate(facts) {
    if (!facts.links) return notApplicable('links (link analysis across applications)')
    const counting = facts.links.filter(l => l.judgement !== 'different_people' && l.judgement !== 'same_person')
    const others = [...new Set(counting.map(l => l.otherId))]
    const evidence = counting.slice(0, 6).map(l => ({ field: 'link', value: { application: l.otherId, name: l.otherName, via: l.via }, source: 'link analysis', where: `linked application ${l.otherId}` }))
    if (!others.length) return { status: 'clear', message: facts.links.length ? 'Every link to another application was judged by a reviewer.' : 'Shares nothing with any other application under another name.', evidence: [] }
    const kinds = [...new Set(counting.map(l => l.kind))]
    return { status: 'flag', message: `Shares ${kinds.join(', ')} with ${others.length} other application${others.length > 1 ? 's' : ''} in other names: ${counting.slice(0, 3).map(l => `${l.otherName ?? l.otherId} (${l.via})`).join('; ')}.`, evidence }
  },
}
