import { rule as contactDisposableEmail } from './contact-disposable-email'
import { rule as contactInvalidPhone } from './contact-invalid-phone'
import { rule as contactReferenceIsApplicant } from './contact-reference-is-applicant'
import { rule as contactReferenceWebmail } from './contact-reference-webmail'
import { rule as contactVoipPhone } from './contact-voip-phone'
import { rule as identityContactMismatch } from './identity-contact-mismatch'
import { rule as identityLocationInconsistent } from './identity-location-inconsistent'
import { rule as identityNameMismatch } from './identity-name-mismatch'
import { rule as identityWorkHistoryMismatch } from './identity-work-history-mismatch'
import { rule as interviewCameraRefused } from './interview-camera-refused'
import { rule as interviewEvasive } from './interview-evasive'
import { rule as interviewIdentityDoubt } from './interview-identity-doubt'
import { rule as linksLinkedToFlagged } from './links-linked-to-flagged'
import { rule as linksSharedArtifact } from './links-shared-artifact'
import { rule as linksSharedIndicator } from './links-shared-indicator'
import { rule as logisticsAddressChange } from './logistics-address-change'
import { rule as logisticsMailDrop } from './logistics-mail-drop'
import { rule as logisticsShippingNotHome } from './logistics-shipping-not-home'
import { rule as networkDatacenterAccess } from './network-datacenter-access'
import { rule as networkGeoMismatch } from './network-geo-mismatch'
import { rule as networkImpossibleTravel } from './network-impossible-travel'
import { rule as networkOffHours } from './network-off-hours'
import { rule as networkRemoteAccessTool } from './network-remote-access-tool'
import { rule as networkSharedIp } from './network-shared-ip'
import { rule as paymentCryptoPayout } from './payment-crypto-payout'
import { rule as paymentPayeeNameMismatch } from './payment-payee-name-mismatch'
import { rule as paymentPayoutCountryMismatch } from './payment-payout-country-mismatch'
import { rule as presenceAccountRecent } from './presence-account-recent'
import { rule as presenceProfileCountryMismatch } from './presence-profile-country-mismatch'
import { rule as presenceTechAnachronism } from './presence-tech-anachronism'
import { rule as presenceThinTopRated } from './presence-thin-top-rated'
import { rule as sanctionsIdentifierHit } from './sanctions-identifier-hit'
import { rule as sanctionsOrganisationHit } from './sanctions-organisation-hit'
import { rule as sanctionsPersonCorroborated } from './sanctions-person-corroborated'
import { rule as sanctionsPersonLead } from './sanctions-person-lead'
import type { Rule } from './types'

/** Every rule that runs. A rule file not listed here fails the registry test. */
export const RULES: readonly Rule[] = [
  contactDisposableEmail,
  contactInvalidPhone,
  contactReferenceIsApplicant,
  contactReferenceWebmail,
  contactVoipPhone,
  identityContactMismatch,
  identityLocationInconsistent,
  identityNameMismatch,
  identityWorkHistoryMismatch,
  interviewCameraRefused,
  interviewEvasive,
  interviewIdentityDoubt,
  linksLinkedToFlagged,
  linksSharedArtifact,
  linksSharedIndicator,
  logisticsAddressChange,
  logisticsMailDrop,
  logisticsShippingNotHome,
  networkDatacenterAccess,
  networkGeoMismatch,
  networkImpossibleTravel,
  networkOffHours,
  networkRemoteAccessTool,
  networkSharedIp,
  paymentCryptoPayout,
  paymentPayeeNameMismatch,
  paymentPayoutCountryMismatch,
  presenceAccountRecent,
  presenceProfileCountryMismatch,
  presenceTechAnachronism,
  presenceThinTopRated,
  sanctionsIdentifierHit,
  sanctionsOrganisationHit,
  sanctionsPersonCorroborated,
  sanctionsPersonLead,
]
