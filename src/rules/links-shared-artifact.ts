import { notApplicable, type Rule } from './types'

export const rule: Rule = {
  meta: {
    id: 'links-shared-artifact',
    version: 2,
    title: 'Shares a phone, address, payee, resume or photo with another applicant under another name',
    rationale:
      'One artefact under several identities is the strongest automated signal in every advisory: the same phone or email on resumes of different people, one home or laptop-farm address for several hires, one payout account or wallet, the same resume template or photo. Only joined pairs count: an identifying link (account, IBAN, wallet, phone, email, handle, residential address, near-duplicate resume, reused photo) joins two applications; supporting links (a mail drop, forwarder or office address, a payee name without an account, the last 4 digits at a bank, a home network, a referee both name) join them only when two of different kinds agree, because strangers share each of them innocently. Links only count between applications in different names; a declared staffing agency’s office, switchboard, network and payee are the agency’s and never link; values shared by very many applications are set aside as hubs, and links a reviewer judged as different people stop counting.',
    category: 'links',
    severity: 'high',
    strength: 'strong',
    indicators: ['LK-SHARED-ARTIFACT', 'LK-SHARED-ADDRESS', 'CT-SHARED-CONTACT', 'CV-DUP-RESUME', 'GH-PHOTO-REUSE', 'PY-SHARED-ACCOUNT'],
    sources: ['G5: "Cross-check HR systems for other applicants with the same resume content and/or contact information"', 'G1 (platforms): "same or similar documentation … same digital payment service accounts"', 'G10: Chapman laptop farm (devices of many identities at one address)'],
    requires: ['links (link analysis across applications)'],
    knownFalsePositives: ['family members sharing a home or phone', 'two applicants who share a forwarder and a common payee name by chance', 'resume templates from the same bootcamp', 'an agency’s identifiers on an application that does not declare the agency'],
    checklist: ['Open each linked application and compare identities, documents and photos side by side', 'Judge each link: same person, different people, or unsure'],
  },
  evaluate(facts) {
    if (!facts.links) return notApplicable('links (link analysis across applications)')
    const counting = facts.links.filter(l => l.judgement !== 'different_people' && l.judgement !== 'same_person')
    const others = [...new Set(counting.map(l => l.otherId))]
    const evidence = counting.slice(0, 6).map(l => ({ field: 'link', value: { application: l.otherId, name: l.otherName, via: l.via }, source: 'link analysis', where: `linked application ${l.otherId}` }))
    if (!others.length) return { status: 'clear', message: facts.links.length ? 'Every link to another application was judged by a reviewer.' : 'Shares nothing with any other application under another name.', evidence: [] }
    const kinds = [...new Set(counting.map(l => l.kind))]
    // Identifying links first: they are what joined the pair; supporting ones are named as such.
    const shown = [...counting.filter(l => !l.support), ...counting.filter(l => l.support)].slice(0, 3)
    return { status: 'flag', message: `Shares ${kinds.join(', ')} with ${others.length} other application${others.length > 1 ? 's' : ''} in other names: ${shown.map(l => `${l.otherName ?? l.otherId} (${l.via}${l.support ? ', supporting' : ''})`).join('; ')}.`, evidence }
  },
}
