import { notApplicable, type Rule } from './types'

const MIN_EVENTS = 5
const MIN_SHARE = 0.5

export const rule: Rule = {
  meta: {
    id: 'network-geo-mismatch',
    version: 1,
    title: 'Signs in from another country than the claimed home',
    rationale:
      `Where someone lives is not a signal; saying one place and being in another is. When most (${MIN_SHARE * 100}%+) of at least ${MIN_EVENTS} sign-ins from ordinary home networks come from a country other than the claimed home, the claim and the evidence disagree. A trip abroad stays below the share; VPN and hosting exits are left out.`,
    category: 'network',
    severity: 'medium',
    strength: 'moderate',
    indicators: ['NW-GEO-MISMATCH'],
    sources: ['G1: compare access with the "assessed location and hours"', 'G8: track laptop location, flag change-of-address events (sec.)'],
    requires: ['person.address.country', 'accessEvents'],
    knownFalsePositives: ['a long stay abroad not yet declared', 'an IP database that places a network in its owner’s country'],
    checklist: ['Ask the worker where they are working from, and check it against the ID address and the device’s location'],
    refdata: ['ip-country', 'ip-asn', 'network-lists'],
  },
  evaluate(facts, ctx) {
    const home = facts.person.address?.value.country?.toUpperCase()
    const events = (facts.accessEvents ?? []).filter(e => e.ip)
    if (!home || !events.length) return notApplicable(...(!home ? ['person.address.country'] : []), ...(!events.length ? ['accessEvents'] : []))
    const located = events.map(e => ({ e, info: ctx.ref.lookupIp(e.ip!) })).filter(x => x.info?.country && x.info.network !== 'datacenter' && x.info.network !== 'vpn')
    if (located.length < MIN_EVENTS) return notApplicable(`at least ${MIN_EVENTS} sign-ins from located home networks`)
    const away = located.filter(x => x.info!.country !== home)
    const countries = [...new Set(away.map(x => x.info!.country!))]
    const share = away.length / located.length
    const evidence = [facts.person.address!.evidence, ...away.slice(0, 3).map(x => ({ field: 'access_event', value: { at: x.e.occurredAt, ip: x.e.ip, country: x.info!.country }, source: 'document', where: x.e.where }))]
    const message = `${away.length} of ${located.length} sign-ins from home networks came from outside ${home}${countries.length ? ` (${countries.join(', ')})` : ''}.`
    return share >= MIN_SHARE ? { status: 'flag', message, evidence } : { status: 'clear', message, evidence: evidence.slice(0, 1) }
  },
}
