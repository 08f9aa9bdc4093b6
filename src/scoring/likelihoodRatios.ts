/**
 * What each rule's flag is worth as evidence: a likelihood ratio (LR), the number of times more often the
 * flag is raised on an applicant who follows the DPRK IT-worker pattern than on an honest remote applicant.
 * Scoring owns these, not the rules (nomenklatura's split), so they can be recalibrated without touching a
 * rule. Every value is a judgement written down with its reasoning: an estimated share of scheme cases
 * that raise the flag (`pattern`) over an estimated share of honest applicants who raise it (`benign`),
 * from the strength INDICATORS.md gives the indicator, the advisories' wording and the rule's own known
 * innocent explanations. None is a measurement of field data; the evaluation (`npm run eval`) reports how
 * they behave on populations, and README says on which.
 *
 * Families group rules whose flags share an innocent explanation (FAMILIES below): within a family only
 * the strongest flag counts fully, so one innocent cause (a move, a VPN, a broken webcam) cannot be counted
 * twice; across families the evidence multiplies.
 *
 * Source ids (G1, V13…) are INDICATORS.md §1. Version: bump LR_VERSION on any change to a value, a family
 * or the combination in scoreCase.ts; it is stored with every score (as weightsVersion).
 */
export const LR_VERSION = 10

export type FamilyId =
  | 'sanctions'
  | 'shared-with-others'
  | 'logistics'
  | 'payment'
  | 'contact'
  | 'references'
  | 'self-description'
  | 'resume-dates'
  | 'new-presence'
  | 'network'
  | 'working-hours'
  | 'remote-control'
  | 'interview'

export interface Family {
  id: FamilyId
  title: string
  /** the innocent explanation its members share: why two of them together are little more than one */
  sharedExplanation: string
}

export const FAMILIES: Record<FamilyId, Family> = {
  sanctions: { id: 'sanctions', title: 'Sanctions screening', sharedExplanation: 'Matches against the same list entry: a namesake or a mistyped identifier would explain all of them at once.' },
  'shared-with-others': { id: 'shared-with-others', title: 'Shared with other applications', sharedExplanation: 'People who live or work together, or come through the same agency, share a home, a connection, a referee or a phone; a link to a flagged application is that same link seen from the other side.' },
  logistics: { id: 'logistics', title: 'Where equipment goes', sharedExplanation: 'A move, a stay away from home, or delivery to an office, co-working space or parcel service explains shipping elsewhere, a changed address and a mailbox address together.' },
  payment: { id: 'payment', title: 'How they are paid', sharedExplanation: 'Working through one’s own company, an agency or an employer of record, a joint or spouse’s account, a bank kept in a former home country, or a crypto-paying client: one arrangement explains a payee in another name, a payout country and a payout method.' },
  contact: { id: 'contact', title: 'Phone and email', sharedExplanation: 'A privacy-minded or cost-minded person uses a virtual number and an alias mailbox, and mistypes a number, for the same reason.' },
  references: { id: 'references', title: 'Referees', sharedExplanation: 'Referees who have left the company, or who work at small firms, are reachable only privately; a form filled in carelessly repeats the applicant’s own details.' },
  'self-description': { id: 'self-description', title: 'Resume and profiles against the application', sharedExplanation: 'An old or recruiter-sent resume, or a profile not updated after a move or a change of name, differs from the application in name, contacts, employers and location at once.' },
  'resume-dates': { id: 'resume-dates', title: 'Resume dates', sharedExplanation: 'A job’s dates typed wrong.' },
  'new-presence': { id: 'new-presence', title: 'New online presence', sharedExplanation: 'Someone new to public platforms or to freelancing (career changer, returner, privacy-minded) has new accounts and a short, high-rated freelancer history.' },
  network: { id: 'network', title: 'Where they sign in from', sharedExplanation: 'A VPN or cloud proxy user or a traveller: a VPN exit in another country gives datacentre access, a foreign location and “impossible” hops together.' },
  'working-hours': { id: 'working-hours', title: 'When they sign in', sharedExplanation: 'Night owls, night-shift and on-call work, or a team in another time zone. None of these explains where a sign-in comes from, so the hours are their own family (travel, which explains both, is a shared explanation below).' },
  'remote-control': { id: 'remote-control', title: 'Remote-control software', sharedExplanation: 'IT support or pairing sessions run through remote-control tools.' },
  interview: { id: 'interview', title: 'Interview observations', sharedExplanation: 'A poor connection, broken equipment or nerves explain a camera left off, long pauses and a distorted face together.' },
}

/** A finer reading of one rule's flag, from its own evidence (scoring decides which applies). */
export interface LikelihoodVariant {
  lr: number
  pattern: number
  benign: number
  reasoning: string
}

export interface RuleLikelihood {
  family: FamilyId
  /** finer LRs by what the flag's evidence shows (see variantOf in scoreCase.ts) */
  variants?: Record<string, LikelihoodVariant>
  /** likelihood ratio of a flag; `decisive` ones take the top of the scale whatever the rest */
  lr: number
  decisive?: boolean
  /** estimated share of scheme cases that raise the flag */
  pattern: number
  /** estimated share of honest applicants who raise it */
  benign: number
  source: string
  reasoning: string
}

/**
 * Scale used below: a strong indicator with common innocent explanations ≈ 8–9 (one such flag alone is
 * "elevated"); a moderate one ≈ 4–7.5 (three from independent families reach "high": 4³ = 64); a weak one ≈ 2–3.5
 * (never "elevated" alone); indicators with almost no innocent explanation 15–40.
 */
export const LIKELIHOOD_RATIOS: Record<string, RuleLikelihood> = {
  'sanctions-identifier-hit': { family: 'sanctions', lr: Infinity, decisive: true, pattern: 0.03, benign: 0, source: 'G11; D2; INDICATORS §4 (sanctions hits are the one blocking category)', reasoning: 'A wallet, email, phone or site that is itself on the SDN list is a fact, not a pattern: it blocks sign-off and takes the top of the scale.' },
  'sanctions-organisation-hit': { family: 'sanctions', lr: Infinity, decisive: true, pattern: 0.02, benign: 0, source: 'G11 (Yanbian Silverstar, Volasys Silver Star, Chinyong); G10', reasoning: 'A designated entity as employer, payee or referee’s company is a fact: it blocks sign-off and takes the top of the scale.' },
  'sanctions-person-corroborated': { family: 'sanctions', lr: 1000, pattern: 0.01, benign: 0.00001, source: 'G11; INDICATORS §4', reasoning: 'A listed person’s name together with a second matching identifier (date of birth, identifier): a namesake with the same second identifier is about one in 100,000. Blocking; alone it reaches critical.' },
  'sanctions-person-lead': { family: 'sanctions', lr: 1, pattern: 0.01, benign: 0.01, source: 'INDICATORS §4 and §6 D2/D3 (never match on names alone)', reasoning: 'A name that resembles a listed person is a lead for the security queue, not evidence: common names match innocent people as often as anyone. Adds nothing.' },

  'links-shared-artifact': { family: 'shared-with-others', lr: 50, pattern: 0.5, benign: 0.01, source: 'LK-SHARED-ARTIFACT, CT-SHARED-CONTACT, CV-DUP-RESUME (G1, G5: "strong")', reasoning: 'Rings reuse phones, addresses, payees, resumes and photos across personas (about half of scheme cases in the public cases are members of one); honest applicants share one with a stranger under another name rarely (family members, a shared referee).' },
  'links-linked-to-flagged': { family: 'shared-with-others', lr: 7, pattern: 0.5, benign: 0.07, source: 'LK-REFERRAL-CLUSTER (G1, V13)', reasoning: 'Linked to an application that is itself high risk. The same link as above seen from the other side, so it shares that family and adds little beside it.' },
  'links-shared-indicator': {
    family: 'shared-with-others', lr: 10, pattern: 0.3, benign: 0.03,
    source: 'LK-SHARED-ARTIFACT, CT-SHARED-CONTACT across organisations (G1: share with IVAN, Crypto-ISAC, SEAL; G5)',
    reasoning: 'An identifier another organisation confirmed in the scheme and shared. Evidence, not a verdict: its weight follows the sharer’s confidence (variants), it shares a family with our own links (a ring member here is usually the one they shared), and it never blocks.',
    variants: {
      high: { lr: 30, pattern: 0.3, benign: 0.01, reasoning: 'Confidence 80 or more: a confirmed case at the source. A recycled number or a stolen identity explains about 1 in 100.' },
      medium: { lr: 8, pattern: 0.3, benign: 0.04, reasoning: 'Confidence 50–79: suspected at the source, or an identifier strangers sometimes share.' },
      low: { lr: 2, pattern: 0.3, benign: 0.15, reasoning: 'Confidence under 50: a lead only.' },
    },
  },
  'network-shared-ip': { family: 'shared-with-others', lr: 20, pattern: 0.3, benign: 0.015, source: 'G1 (platforms: "several accounts logging in from one IP"); G10 (laptop farms)', reasoning: 'A home connection used by several workers’ accounts is the laptop-farm signature; housemates and co-working spaces explain it for about 1–2% of honest contractors, the same explanation as a shared address.' },

  'logistics-mail-drop': {
    family: 'logistics', lr: 25, pattern: 0.3, benign: 0.012, source: 'SH-FORWARDER (G2, G10 Chapman/Knoot, V7: "strong")', reasoning: 'Freight forwarders and mailbox services are how laptops leave the country; rural applicants and nomads use them too (about 1%).',
    variants: {
      'to-declared-home': { lr: 2, pattern: 0.03, benign: 0.015, reasoning: 'The service is in another country than the home the applicant declares (a US "casillero" for someone who says they live in Colombia): that is how people living there receive parcels, and the device goes where they say they live, so nothing is contradicted. Personas who claim a home abroad and forward to it are rarer than honest casillero users; shown for the checklist, weighs little.' },
    },
  },
  'logistics-shipping-not-home': {
    family: 'logistics', lr: 8, pattern: 0.6, benign: 0.075, source: 'SH-NOT-ID-ADDRESS (G1 verbatim: "cannot receive items at the address on their identification")', reasoning: 'Rated strong by the advisory, but a move, an office or co-working delivery or a relative’s address during travel explain it for several percent of honest hires (our measured look-alikes), so about 8.',
    variants: {
      'to-declared-home': { lr: 1.5, pattern: 0.03, benign: 0.02, reasoning: 'A parcel service abroad that forwards to the declared home (see logistics-mail-drop): the address differs because that is how parcels reach the applicant where they say they live.' },
      'to-paid-company': { lr: 4, pattern: 0.16, benign: 0.04, reasoning: 'Pay goes to a company (payment-payee-name-mismatch, company reading): an own LLC, agency or employer of record takes delivery at its office as often as it takes the pay, so the address weighs what the company payee weighs. Front companies do both too; the company is the thing to verify, once.' },
      'declared-move': { lr: 4, pattern: 0.12, benign: 0.03, reasoning: 'The applicant also says they are moving or staying at a temporary address (logistics-address-change on the same application): the shipping address is the one that story names, so it tells no more than the move itself, and takes the move’s weight. The 8 above is for shipping elsewhere with no such story; a persona’s “I am moving” is read by the address-change rule (KnowBe4, G8).' },
    },
  },
  'logistics-address-change': { family: 'logistics', lr: 4, pattern: 0.12, benign: 0.03, source: 'SH-ADDRESS-CHANGE (G8, V10, G3)', reasoning: 'An address described as temporary or changed near the start date: a genuine move explains most; it shares that explanation with shipping elsewhere.' },

  'payment-payee-name-mismatch': {
    family: 'payment', lr: 9, pattern: 0.45, benign: 0.05,
    source: 'PY-NAME-MISMATCH (G1: "requesting use of a different account, especially if registered to a different name")',
    reasoning: 'Facilitators’ and front companies’ accounts receive the pay in most public cases; honest contractors invoice through their own LLC, an agency or an employer of record, or a spouse’s account (about 5%). Used when the holder cannot be read from the evidence.',
    variants: {
      person: { lr: 15, pattern: 0.3, benign: 0.02, reasoning: 'The holder is another private person: the facilitator’s own account the advisory warns of (Chapman, Knoot, Didenko). Honest people rarely ask to be paid into someone else’s personal account (a spouse’s or parent’s, about 2%).' },
      company: { lr: 4, pattern: 0.16, benign: 0.04, reasoning: 'The holder is a company: front and shell companies receive pay in some cases (Yanbian Silverstar, the 2025 shell companies), but honest contractors are paid through their own LLC, an agency or an employer of record far more often. The company can be verified; it shares that explanation with delivery to an office and an agency’s switchboard (SHARED_EXPLANATIONS).' },
      'one-name-in-common': { lr: 1, pattern: 0.02, benign: 0.02, reasoning: 'The holder shares one whole name with the applicant and nothing else ("Peter Oh" / "OH JINDONG", "Kim Minjun" / "Kim Soyeon"). Honest explanations (a preferred name beside a legal one that does not contain it, a spouse’s or parent’s account) fall mostly on people whose everyday and legal names differ; a facilitator’s account shares the persona’s family name about as rarely. So it is shown, with its checklist step to verify the holder against the ID, and weighs nothing (LR 1): any weight would score counterfactual twins apart for how they write their names. The trade-off, a persona named after the account holder, is left to the other evidence.' },
    },
  },
  'payment-payout-country-mismatch': { family: 'payment', lr: 5, pattern: 0.25, benign: 0.05, source: 'PY-PRC-ROUTING (G1), PY-BANK-CHURN (V10)', reasoning: 'Pay routed to another country than the claimed home; expatriates paid at home explain it often.' },
  'payment-crypto-payout': { family: 'payment', lr: 6, pattern: 0.4, benign: 0.065, source: 'PY-CRYPTO (G1: "seeking payment in virtual currency"; V13)', reasoning: 'Asked for by many personas; crypto-native clients and freelancers paid in stablecoins by policy explain it (several percent in Web3 work).' },

  'contact-voip-phone': { family: 'contact', lr: 3, pattern: 0.3, benign: 0.1, source: 'CT-VOIP (G5; V3): "weak alone"', reasoning: 'Personas use VoIP numbers, but so do many honest remote workers (Google Voice, Skype, office VoIP): about one in ten. Weak: alone it adds 12 points and cannot reach "elevated".' },
  'contact-disposable-email': { family: 'contact', lr: 6, pattern: 0.06, benign: 0.01, source: 'CT-EMAIL-NEW (V1, V11)', reasoning: 'A disposable mailbox on a job application is rare among honest applicants (privacy aliases listed as disposable).' },
  'contact-invalid-phone': { family: 'contact', lr: 2, pattern: 0.02, benign: 0.01, source: 'CT-CHANGING (G1: "incorrect or changing contact information")', reasoning: 'A number that cannot exist; typing mistakes explain most.' },

  'contact-reference-webmail': { family: 'references', lr: 5, pattern: 0.5, benign: 0.1, source: 'CT-REF-WEBMAIL (V7; G1)', reasoning: 'Invented referees are reachable only on webmail (KnowBe4 case); about one honest applicant in ten gives a referee’s private address.' },
  'contact-reference-is-applicant': { family: 'references', lr: 20, pattern: 0.06, benign: 0.003, source: 'CT-SHARED-CONTACT (G5)', reasoning: 'The referee’s phone or email is the applicant’s own: a persona vouching for itself. A family business’s shared line explains a few.' },

  'identity-name-mismatch': {
    family: 'self-description', lr: 6, pattern: 0.2, benign: 0.033,
    source: 'CV-CROSS-PROFILE (G1: "inconsistencies in name spelling")',
    reasoning: 'Templates keep the first persona’s name; former, professional and transliterated names explain some honest cases (the comparator tolerates how people write their own names).',
    variants: {
      'marketplace-holder': { lr: 12, pattern: 0.1, benign: 0.008, reasoning: 'A freelance marketplace account the applicant works through is held, and was identity-verified, in another person’s name: the rented or bought account of the Didenko case (G1: an account owner asking to work through another’s account; platforms forbid it). Honest explanations are an agency’s or a business name on the account and a name change not yet made on the platform: rarer than a resume in an old name, so stronger than the rule’s plain reading.' },
      'one-name-in-common': { lr: 1, pattern: 0.02, benign: 0.02, reasoning: 'The other name shares one whole name with the applicant’s and nothing else ("Sarah Kwon" / "Jinsol Kwon"): a preferred name beside a legal one that does not contain it explains it for honest people, concentrated among those whose everyday and legal names differ; a reused persona resume shares the family name about as rarely. Shown for a person to check against the ID, and weighs nothing (LR 1), so counterfactual twins score alike.' },
    },
  },
  'identity-work-history-mismatch': { family: 'self-description', lr: 5, pattern: 0.1, benign: 0.02, source: 'CV-CROSS-PROFILE (G1; G2: profiles "that do not match the hired individual’s provided resume")', reasoning: 'Two accounts of the work history with no employer in common; tailored resumes explain some.' },
  'identity-contact-mismatch': { family: 'self-description', lr: 2, pattern: 0.2, benign: 0.1, source: 'CV-CROSS-PROFILE (G1)', reasoning: 'The resume gives other contacts than the application: templates do; so do old resumes and recruiter-sent ones.' },
  'identity-location-inconsistent': { family: 'self-description', lr: 2, pattern: 0.1, benign: 0.05, source: 'ID-SELF-INCONSISTENT (V1, V13): "weak alone"', reasoning: 'The applicant’s own location claims disagree; a recent move explains most.' },
  'presence-profile-country-mismatch': { family: 'self-description', lr: 5, pattern: 0.15, benign: 0.03, source: 'CV-CROSS-PROFILE (G1: "claimed work location")', reasoning: 'A freelancer profile in another country than the claimed home; a profile not updated after a move explains some.' },

  'presence-tech-anachronism': { family: 'resume-dates', lr: 6, pattern: 0.1, benign: 0.016, source: 'CV-ANACHRONISM (V9)', reasoning: 'Experience with a technology before it existed; a mistyped date explains a few honest resumes.' },

  'presence-account-recent': { family: 'new-presence', lr: 2.5, pattern: 0.5, benign: 0.2, source: 'GH-THIN-PRESENCE (V13): "weak"', reasoning: 'Personas are new; so are career changers, returners and privacy-minded people.' },
  'presence-thin-top-rated': { family: 'new-presence', lr: 2.5, pattern: 0.25, benign: 0.1, source: 'GH-THIN-PRESENCE, G1 (fake client accounts boosting ratings)', reasoning: 'A perfect rating on a handful of jobs; honest newcomers start the same way.' },

  'network-datacenter-access': { family: 'network', lr: 5, pattern: 0.5, benign: 0.1, source: 'NW-VPN (G1; V12): "moderate (high false-positive rate)"', reasoning: 'Personas work through VPNs and rented servers; privacy and company VPNs explain about one honest contractor in ten.' },
  'network-geo-mismatch': { family: 'network', lr: 6, pattern: 0.3, benign: 0.05, source: 'NW-GEO-MISMATCH (G1; G8)', reasoning: 'Signs in from another country than the claimed home; an undeclared stay abroad or a VPN exit explains some.' },
  'network-impossible-travel': {
    family: 'network', lr: 7.5, pattern: 0.2, benign: 0.027, source: 'NW-MULTI-COUNTRY (G1: first platform indicator; INDICATORS: moderate)',
    reasoning: 'Two or more journeys between sign-ins faster than an airliner, from residential or hosting networks (commercial VPN exits left out): an operator’s own connection showing through the farm’s. One IP-database error or a carrier’s routing explains a single journey, hardly two; under 3% of honest contractors. Raised from 6 once a single journey became its own weaker reading; kept at the top of "moderate", below the strong indicators, as INDICATORS rates it.',
    variants: {
      once: { lr: 3, pattern: 0.1, benign: 0.033, reasoning: 'A single impossible journey: an IP-database error for one network or a mobile carrier routing through another country explains it about as often as an operator’s slip, so weak.' },
    },
  },
  'network-off-hours': { family: 'working-hours', lr: 3.5, pattern: 0.4, benign: 0.115, source: 'NW-TIMEZONE (G1; V13): "weak–moderate (easy to evade)"', reasoning: 'A sustained night in the claimed time zone (60% of 10+ sign-ins between 22:00 and 06:00) or a UTC+8/+9 working day seen from the claimed zone: more than late evenings, so the top of "weak"; night owls, shift and on-call work explain about one honest contractor in nine.' },

  'network-remote-access-tool': { family: 'remote-control', lr: 15, pattern: 0.3, benign: 0.02, source: 'NW-REMOTE-ACCESS (G1 "port 3389"; G3; V3; V10; G10 KVM at laptop farms): "strong"', reasoning: 'Laptop farms are operated through remote-control software and IP-KVMs; IT support sessions explain about 2%.' },

  'interview-camera-refused': { family: 'interview', lr: 6, pattern: 0.5, benign: 0.08, source: 'IV-NO-CAMERA (G2 first indicator; V10; V14): "moderate–strong"', reasoning: 'Half of personas avoid the camera; real webcam failures and agreed accessibility needs explain several percent of honest interviews.' },
  'interview-evasive': { family: 'interview', lr: 5, pattern: 0.25, benign: 0.05, source: 'IV-READING, IV-BACKGROUND (G2; V10; V14)', reasoning: 'Reading answers, stalling, a hidden room; nerves and a second language explain some (the language itself is never judged).' },
  'interview-identity-doubt': { family: 'interview', lr: 25, pattern: 0.13, benign: 0.005, source: 'IV-APPEARANCE-DRIFT, IV-DEEPFAKE, ID-FACE-MISMATCH (G2; G5; V11): "strong when clear"', reasoning: 'A different person between rounds or a failed liveness prompt; a poor connection explains a few.' },
}

/**
 * Innocent explanations that cross families: when the anchor flag is present (its variant, if given),
 * the listed rules share that one explanation and count once among them, like members of a family.
 */
export interface SharedExplanation {
  id: string
  title: string
  /** rule id, or rule id:variant, whose flag shows the explanation may apply */
  anchor: string
  rules: string[]
  explanation: string
}

export const SHARED_EXPLANATIONS: SharedExplanation[] = [
  {
    id: 'intermediary',
    title: 'Works through a company or an agency',
    anchor: 'payment-payee-name-mismatch:company',
    rules: ['payment-payee-name-mismatch', 'logistics-shipping-not-home', 'contact-reference-is-applicant', 'identity-contact-mismatch'],
    explanation: 'Paid to a company (one’s own LLC, a staffing agency, an employer of record): the same company’s office takes delivery of the equipment, its switchboard answers for the applicant and the referee, and its recruiter’s details are on the resume.',
  },
  {
    id: 'travel',
    title: 'Travelling',
    anchor: 'network-geo-mismatch',
    rules: ['network-geo-mismatch', 'network-off-hours'],
    explanation: 'Signing in from another country than the claimed home: someone travelling there also keeps that country’s hours, so the hours count once with the location.',
  },
  {
    id: 'moving',
    title: 'Moving house',
    anchor: 'logistics-address-change',
    rules: ['logistics-address-change', 'logistics-shipping-not-home', 'interview-camera-refused'],
    explanation: 'An address changed near the start: in a move the equipment goes to the new or a temporary address, and a laptop packed or broken in the move leaves the interview without a camera (“laptop camera broken after the move”, one of the honest look-alikes), so the camera counts once with the move.',
  },
]

/**
 * A flag read more finely because another flag on the same application explains it (see the variant's
 * reasoning); applied by scoreCase.ts when the rule has no variant from its own evidence.
 */
export const CONTEXT_VARIANTS: Array<{ rule: string; variant: string; when: string }> = [
  { rule: 'logistics-shipping-not-home', variant: 'declared-move', when: 'logistics-address-change' },
  { rule: 'logistics-shipping-not-home', variant: 'to-paid-company', when: 'payment-payee-name-mismatch:company' },
]

/** log10 of a rule's LR (0 for a rule without one; decisive rules are handled by the scorer). */
export const log10Lr = (rule: string): number => {
  const lr = LIKELIHOOD_RATIOS[rule]?.lr ?? 1
  return Number.isFinite(lr) ? Math.log10(lr) : 0
}
