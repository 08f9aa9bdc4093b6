/**
 * How much each rule's flag contributes, 0–100. Scoring owns the weights, not the rules (nomenklatura's
 * split), so they can be tuned on measured data without touching a rule. Starting values follow each
 * indicator's strength in INDICATORS.md: strong 35–40, moderate 15–20, weak 5–8.
 */
export const WEIGHTS: Record<string, number> = {
  'logistics-shipping-not-home': 40,
  'payment-payee-name-mismatch': 40,
  'network-remote-access-tool': 35,
  'interview-camera-refused': 20,
  'payment-crypto-payout': 15,
  'contact-voip-phone': 6,
}

export const WEIGHTS_VERSION = 1
