import { countryPoint, distanceKm } from '../domain/geo'
import { notApplicable, type Rule } from './types'

/** Evidence field marking a single impossible journey: the rule's weaker reading (scoring variant "once"). */
export const ONE_JOURNEY = 'network.one-impossible-journey'

/** Faster than an airliner, over a distance no commute covers. */
const MAX_KMH = 900
const MIN_KM = 1000
const MIN_JUMPS = 2

export const rule: Rule = {
  meta: {
    id: 'network-impossible-travel',
    version: 3,
    title: 'Sign-ins from countries too far apart for the time between them',
    rationale:
      `Logins to one account from several countries within a short time mean several people, or a relay. Consecutive sign-ins from residential networks in countries more than ${MIN_KM} km apart, faster than ${MAX_KMH} km/h, at least ${MIN_JUMPS} times. A single such journey between residential networks is reported as the weaker reading it is (scoring variant "once"): an IP database error for one network or a carrier routing through another country explains one, and a single hop through a hosting server is a cloud proxy's exit (datacenter access reports it); a trip abroad that time allows is never a finding. A sign-in abroad between two at home counts both ways when the whole excursion took less time than the round trip at that speed (there and back cannot take less than twice the one-way flight). Commercial VPN exits are left out (they hop countries by design; another rule covers them); a hosting server abroad is a place the session came from, as G1's "various IP addresses … from different countries" says, so it counts.`,
    category: 'network',
    severity: 'medium',
    strength: 'moderate',
    indicators: ['NW-MULTI-COUNTRY'],
    sources: ['G1 (platforms, first indicator): "Multiple logins into one account from various IP addresses in a relatively short period of time, especially if … from different countries"'],
    requires: ['accessEvents with IP addresses'],
    knownFalsePositives: ['mobile carriers that route through another country', 'an IP database error for one network'],
    checklist: ['Ask IT which devices and sessions were active at those times; end the unknown ones and require re-enrolment'],
    refdata: ['ip-country', 'ip-asn', 'network-lists'],
  },
  evaluate(facts, ctx) {
    const events = (facts.accessEvents ?? []).filter(e => e.ip)
    if (events.length < 2) return notApplicable('accessEvents with IP addresses')
    const located = events
      .map(e => ({ e, info: ctx.ref.lookupIp(e.ip!) }))
      .filter(x => x.info?.country && x.info.network !== 'vpn')
      .sort((a, b) => a.e.occurredAt.localeCompare(b.e.occurredAt))
    const jumps: Array<{ from: string; to: string; km: number; hours: number; at: string; where: string; ip: string; hosted: boolean }> = []
    for (let i = 1; i < located.length; i++) {
      const a = located[i - 1]!
      const b = located[i]!
      if (a.info!.country === b.info!.country) continue
      const pa = countryPoint(a.info!.country!)
      const pb = countryPoint(b.info!.country!)
      if (!pa || !pb) continue
      const km = distanceKm(pa, pb)
      const hours = Math.max(1 / 60, (Date.parse(b.e.occurredAt) - Date.parse(a.e.occurredAt)) / 3_600_000)
      if (km >= MIN_KM && km / hours > MAX_KMH) {
        jumps.push({ from: a.info!.country!, to: b.info!.country!, km: Math.round(km), hours: Math.round(hours * 10) / 10, at: b.e.occurredAt, where: b.e.where, ip: b.e.ip!, hosted: a.info!.network === 'datacenter' || b.info!.network === 'datacenter' })
        // Out and back: home at a, abroad at b, home again at c. The return leg alone may look possible, but the
        // person cannot have left after a and be home by c unless c − a covers the round trip.
        const c = located[i + 1]
        if (c && c.info!.country === a.info!.country) {
          const round = Math.max(1 / 60, (Date.parse(c.e.occurredAt) - Date.parse(a.e.occurredAt)) / 3_600_000)
          const back = Math.max(1 / 60, (Date.parse(c.e.occurredAt) - Date.parse(b.e.occurredAt)) / 3_600_000)
          if ((2 * km) / round > MAX_KMH && km / back <= MAX_KMH) {
            jumps.push({ from: b.info!.country!, to: c.info!.country!, km: Math.round(km), hours: Math.round(back * 10) / 10, at: c.e.occurredAt, where: c.e.where, ip: c.e.ip!, hosted: b.info!.network === 'datacenter' || c.info!.network === 'datacenter' })
          }
        }
      }
    }
    const evidence = jumps.slice(0, 4).map(j => ({ field: 'access_event', value: { at: j.at, ip: j.ip, from: j.from, to: j.to }, source: 'document', where: j.where }))
    if (jumps.length >= MIN_JUMPS) return { status: 'flag', message: `${jumps.length} impossible journeys between sign-ins, e.g. ${jumps[0]!.from} → ${jumps[0]!.to}: ${jumps[0]!.km} km in ${jumps[0]!.hours} h.`, evidence }
    // One hop to or from a hosting server is a cloud proxy's exit (datacenter access reports it), not a journey.
    if (jumps.length === 1 && !jumps[0]!.hosted) {
      const j = jumps[0]!
      return { status: 'flag', message: `One impossible journey between sign-ins: ${j.from} → ${j.to}, ${j.km} km in ${j.hours} h. A single one may be an IP database error or a carrier's routing; ask IT about that session.`, evidence: [...evidence, { field: ONE_JOURNEY, value: 1, source: 'rule', where: 'sign-ins compared' }] }
    }
    return { status: 'clear', message: jumps.length ? 'One fast change of country, through a hosting server: a cloud proxy’s exit, which datacenter access reports.' : `No impossible journeys among ${located.length} located sign-ins.`, evidence }
  },
}
