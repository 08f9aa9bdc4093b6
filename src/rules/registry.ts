import { rule as contactVoipPhone } from './contact-voip-phone'
import { rule as interviewCameraRefused } from './interview-camera-refused'
import { rule as logisticsShippingNotHome } from './logistics-shipping-not-home'
import { rule as networkRemoteAccessTool } from './network-remote-access-tool'
import { rule as paymentCryptoPayout } from './payment-crypto-payout'
import { rule as paymentPayeeNameMismatch } from './payment-payee-name-mismatch'
import type { Rule } from './types'

/** Every rule that runs. A rule file not listed here fails the registry test. */
export const RULES: readonly Rule[] = [
  contactVoipPhone,
  interviewCameraRefused,
  logisticsShippingNotHome,
  networkRemoteAccessTool,
  paymentCryptoPayout,
  paymentPayeeNameMismatch,
]
