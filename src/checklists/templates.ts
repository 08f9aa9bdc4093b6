import type { CaseKind } from '../signoff/caseStatus'

/**
 * Baseline reviewer checklists per case kind, from the verification steps of the public guidance
 * (../shared/INDICATORS.md §5, which cites each source). Templates are data with a version: a checklist
 * keeps the version it was made from, and a new version changes only checklists made after it.
 */
export const TEMPLATE_VERSION = 'baseline-2026-11-24.1'

export interface TemplateStep {
  /** stable id, never reused */
  id: string
  text: string
  /** the guidance it carries out */
  source: string
  required: boolean
  /**
   * What a failed step tells the checks, as a reviewer-recorded fact: a failed liveness check is an
   * interview observation the identity rule reads.
   */
  onFail?: { field: string; value: string }
}

const SEC5 = 'INDICATORS §5'
const STEPS: Record<string, TemplateStep> = {
  consistency: { id: 'consistency', text: 'Compare name, location, contact details, education and work history across resume, application, profiles and payment details', source: `${SEC5} step 1; FBI PSA I-051624 (G1)`, required: true },
  otherNames: { id: 'other-names', text: "Search the applicant's email and handles for profiles under other names", source: `${SEC5} step 3`, required: false },
  liveVideo: { id: 'live-video', text: 'Hold the interview on live video with the camera on and the background visible; keep snapshots to compare with later calls', source: `${SEC5} step 5; FBI PSA I-012325 (G5)`, required: true, onFail: { field: 'interview.video', value: 'camera_off' } },
  liveness: { id: 'liveness', text: 'Run liveness prompts: a hand in front of the face, turn the head and hold, read a phrase shown for the first time', source: `${SEC5} step 6; FBI PSA I-012325 (G5)`, required: true, onFail: { field: 'interview.observation', value: 'liveness_failed' } },
  idBesideFace: { id: 'id-beside-face', text: 'See the government ID held beside the face on camera (not a scan alone)', source: `${SEC5} step 8`, required: true, onFail: { field: 'interview.observation', value: 'id_not_shown' } },
  location: { id: 'location-questions', text: 'Ask the same questions about the claimed city and previous employers as for every applicant', source: `${SEC5} step 7`, required: false },
  identity: { id: 'identity-verification', text: 'Verify identity in person, or by notarised or biometric verification where in person is impossible', source: `${SEC5} steps 10–11; G1; G5`, required: true },
  employers: { id: 'employers-direct', text: 'Verify employers and education directly, through contact details found independently (not those the applicant gave)', source: `${SEC5} step 12; G1; G5`, required: true },
  shipping: { id: 'ship-to-id-address', text: 'Ship equipment only to the address on the ID; no forwarders or mail drops', source: `${SEC5} step 14; G1`, required: true },
  payoutName: { id: 'payout-name', text: 'Confirm the payout account name matches the ID, and that pay is not in virtual currency', source: `${SEC5} step 18; G1`, required: true },
  payeeScreening: { id: 'payee-screening', text: 'Screen payees, wallets and staffing vendors against the sanctions lists (automated here; confirm the result is current)', source: `${SEC5} step 19; OFAC (G11)`, required: true },
  deviceSerial: { id: 'device-serial', text: 'Check the device serial at enrolment and alert on country or address changes', source: `${SEC5} step 15`, required: false },
  leastPrivilege: { id: 'least-privilege', text: 'Give least privilege; block or allow-list remote-desktop tools; watch for VPNs, IP-KVMs and mouse jigglers', source: `${SEC5} step 17; G1; G5`, required: true },
  reverify: { id: 'reverify', text: 'Re-verify identity before any privilege escalation, and periodically', source: `${SEC5} step 22`, required: false },
}

const BASELINES: Record<CaseKind, TemplateStep[]> = {
  candidate: [STEPS.consistency!, STEPS.otherNames!, STEPS.liveVideo!, STEPS.liveness!, STEPS.idBesideFace!, STEPS.location!, STEPS.identity!, STEPS.employers!, STEPS.shipping!, STEPS.payoutName!, STEPS.payeeScreening!],
  contractor: [STEPS.consistency!, STEPS.liveVideo!, STEPS.liveness!, STEPS.idBesideFace!, STEPS.identity!, STEPS.employers!, STEPS.shipping!, STEPS.deviceSerial!, STEPS.leastPrivilege!, STEPS.payoutName!, STEPS.payeeScreening!, STEPS.reverify!],
}

export function baselineSteps(kind: CaseKind): TemplateStep[] {
  return BASELINES[kind]
}

export function templateStep(id: string): TemplateStep | undefined {
  return Object.values(STEPS).find(s => s.id === id)
}
