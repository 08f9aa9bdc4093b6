/**
 * How much each rule's flag contributes, 0–100. Scoring owns the weights, not the rules (nomenklatura's
 * split), so they can be tuned on measured data without touching a rule. Starting values follow each
 * indicator's strength in INDICATORS.md: strong 35–40, moderate 12–20, weak 5–8. Sanctions hits on
 * identifiers or entities are facts and take the whole scale; a name-only sanctions lead is worth
 * nothing (it goes to the security review queue instead).
 */
export const WEIGHTS: Record<string, number> = {
  'sanctions-identifier-hit': 100,
  'sanctions-organisation-hit': 100,
  'sanctions-person-corroborated': 60,
  'sanctions-person-lead': 0,

  'links-shared-artifact': 40,
  'logistics-shipping-not-home': 40,
  'logistics-mail-drop': 40,
  'payment-payee-name-mismatch': 40,
  'interview-identity-doubt': 40,
  'network-remote-access-tool': 35,
  'network-shared-ip': 35,
  'contact-reference-is-applicant': 35,

  'interview-camera-refused': 20,
  'links-linked-to-flagged': 20,
  'identity-name-mismatch': 20,
  'identity-work-history-mismatch': 15,
  'presence-tech-anachronism': 18,
  'network-impossible-travel': 18,
  'network-geo-mismatch': 18,
  'payment-crypto-payout': 15,
  'payment-payout-country-mismatch': 15,
  'contact-disposable-email': 15,
  'presence-profile-country-mismatch': 15,
  'network-datacenter-access': 15,
  'logistics-address-change': 15,
  'contact-reference-webmail': 12,
  'interview-evasive': 12,

  'identity-location-inconsistent': 8,
  'presence-account-recent': 8,
  'presence-thin-top-rated': 8,
  'network-off-hours': 8,
  'contact-voip-phone': 6,
  'identity-contact-mismatch': 6,
  'contact-invalid-phone': 5,
}

export const WEIGHTS_VERSION = 3
