import type { Evidence } from './caseFacts'
import { notApplicable, type Rule } from './types'

const MIN_EVENTS = 3
const MIN_SHARE = 0.3

export const rule: Rule = {
  meta: {
    id: 'network-datacenter-access',
    version: 1,
    title: 'Applies or signs in from datacenter or VPN networks',
    rationale:
      `Workers abroad reach employers through VPNs and rented servers so that they appear to be at home. An application sent from a hosting or VPN network, or at least ${MIN_EVENTS} sign-ins making up ${MIN_SHARE * 100}% or more of all sign-ins from such networks, hides where the person is. Many honest people use a VPN now and then: a single VPN sign-in is not a finding.`,
    category: 'network',
    severity: 'medium',
    strength: 'moderate',
    indicators: ['NW-VPN'],
    sources: ['G1: use of "VPNs, VPSs, third-country IP addresses"', 'V12: "unusual sign-ins from abnormal VPNs"', 'D5: X4BNet datacenter and VPN lists'],
    requires: ['submission.ip or accessEvents'],
    knownFalsePositives: ['a company or privacy VPN used by policy', 'corporate proxies hosted in the cloud'],
    checklist: ['Ask which VPN or proxy the applicant uses and why; ask them to join a call without it'],
    refdata: ['ip-asn', 'network-lists'],
  },
  evaluate(facts, ctx) {
    const ip = facts.submission?.value.ip
    const events = (facts.accessEvents ?? []).filter(e => e.ip)
    if (!ip && !events.length) return notApplicable('submission.ip or accessEvents')
    const evidence: Evidence[] = []
    const reasons: string[] = []
    if (ip) {
      const info = ctx.ref.lookupIp(ip)
      if (info && (info.network === 'datacenter' || info.network === 'vpn')) {
        reasons.push(`the application came from ${ip} (${info.org ?? 'unknown operator'}, a ${info.network} network: ${info.why})`)
        evidence.push(facts.submission!.evidence)
      }
    }
    const hidden = events.filter(e => {
      const n = ctx.ref.lookupIp(e.ip!)?.network
      return n === 'datacenter' || n === 'vpn'
    })
    if (hidden.length >= MIN_EVENTS && hidden.length / events.length >= MIN_SHARE) {
      const operators = [...new Set(hidden.map(e => ctx.ref.lookupIp(e.ip!)?.org ?? 'unknown'))].slice(0, 3)
      reasons.push(`${hidden.length} of ${events.length} sign-ins came from datacenter or VPN networks (${operators.join(', ')})`)
      evidence.push(...hidden.slice(0, 4).map(e => ({ field: 'access_event', value: { at: e.occurredAt, ip: e.ip }, source: 'document', where: e.where })))
    }
    if (reasons.length) return { status: 'flag', message: `${reasons.join('; ')}.`.replace(/^./, c => c.toUpperCase()), evidence }
    return { status: 'clear', message: `${ip ? 'The application came from an ordinary network' : 'No application address'}; ${hidden.length} of ${events.length} sign-ins from datacenter or VPN networks${hidden.length ? ', too few to count' : ''}.`, evidence: ip ? [facts.submission!.evidence] : [] }
  },
}
