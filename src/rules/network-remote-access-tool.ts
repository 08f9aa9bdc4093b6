import { notApplicable, type Rule } from './types'

export const rule: Rule = {
  meta: {
    id: 'network-remote-access-tool',
    version: 2,
    title: 'Signs in through remote-access software',
    rationale:
      'A laptop-farm device is worked from abroad through remote-control tools. Sign-ins whose client is AnyDesk, TeamViewer, Chrome Remote Desktop or similar show someone else may be at the keyboard. One session can be IT support, so the rule needs repeated use.',
    category: 'network',
    severity: 'high',
    strength: 'strong',
    indicators: ['NW-REMOTE-ACCESS'],
    sources: ['G1: "Consider disabling remote collaboration applications" and port 3389 (RDP) findings', 'V12: RMM tools on laptop-farm devices', 'G10: Chapman laptop farm (remote access to company laptops)'],
    requires: ['accessEvents'],
    knownFalsePositives: ['IT support sessions', 'teams that pair through screen-sharing tools by policy'],
    refdata: ['remote-access-tools'],
    checklist: ['Ask IT for the device inventory: is remote-control software installed, and who approved it?', 'Hold a live call where the worker shares the screen of the company device and shows its location settings'],
  },
  evaluate(facts, ctx) {
    const events = facts.accessEvents
    if (!events) return notApplicable('accessEvents (a sign-in log)')
    if (events.length === 0) return notApplicable('sign-in events')
    const hits: Array<{ tool: string; event: (typeof events)[number] }> = []
    for (const e of events) {
      const text = `${e.userAgent ?? ''} ${e.event ?? ''}`.toLowerCase()
      const tool = ctx.ref.remoteAccessTools.find(([re]) => re.test(text))
      if (tool) hits.push({ tool: tool[1], event: e })
    }
    const tools = [...new Set(hits.map(h => h.tool))]
    const evidence = hits.slice(0, 5).map(h => ({ field: 'access_event', value: { at: h.event.occurredAt, ip: h.event.ip, userAgent: h.event.userAgent, event: h.event.event }, source: 'document', where: h.event.where }))
    if (hits.length >= 2) return { status: 'flag', message: `${hits.length} of ${events.length} sign-ins came through ${tools.join(', ')}.`, evidence }
    return { status: 'clear', message: hits.length ? `One sign-in came through ${tools[0]}; a single session is not a finding.` : `None of ${events.length} sign-ins came through remote-access software.`, evidence }
  },
}
