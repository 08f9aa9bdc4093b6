import { notApplicable, type Rule } from './types'

export const rule: Rule = {
  meta: {
    id: 'network-shared-ip',
    version: 1,
    title: 'One home connection used by several accounts',
    rationale:
      'A laptop farm runs many workers’ devices from one house: several accounts sign in from the same residential address. Shared VPN and hosting exits are ignored here, since unrelated people share them.',
    category: 'network',
    severity: 'high',
    strength: 'strong',
    indicators: ['LK-SHARED-ARTIFACT', 'LK-SHARED-ADDRESS'],
    sources: ['G1 (platforms): "Multiple developer accounts logging in from one IP address"', 'G10: Chapman laptop farm (many workers’ laptops at one residence)'],
    requires: ['accessEvents with accounts and IP addresses'],
    knownFalsePositives: ['two employees who live together', 'a shared office or co-working connection'],
    checklist: ['List every account seen at that address; ask each worker where they work from', 'Geolocate the company devices on those accounts'],
    refdata: ['ip-asn', 'network-lists'],
  },
  evaluate(facts, ctx) {
    const events = (facts.accessEvents ?? []).filter(e => e.ip && e.account)
    if (!events.length) return notApplicable('accessEvents with accounts and IP addresses')
    const byIp = new Map<string, Set<string>>()
    for (const e of events) {
      const n = ctx.ref.lookupIp(e.ip!)?.network
      if (n === 'datacenter' || n === 'vpn') continue
      const set = byIp.get(e.ip!) ?? new Set<string>()
      set.add(e.account!.toLowerCase())
      byIp.set(e.ip!, set)
    }
    const shared = [...byIp].filter(([, accounts]) => accounts.size >= 2)
    if (!shared.length) return { status: 'clear', message: `No home address in the log is shared by two accounts (${byIp.size} addresses).`, evidence: [] }
    const evidence = shared.slice(0, 4).map(([ip, accounts]) => {
      const e = events.find(x => x.ip === ip)!
      return { field: 'access_event', value: { ip, accounts: [...accounts].slice(0, 5) }, source: 'document', where: e.where }
    })
    return { status: 'flag', message: shared.map(([ip, accounts]) => `${ip} was used by ${accounts.size} accounts`).join('; '), evidence }
  },
}
