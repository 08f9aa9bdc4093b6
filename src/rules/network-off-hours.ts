import { localHour } from '../domain/geo'
import { notApplicable, type Rule } from './types'

const MIN_EVENTS = 10
const MIN_SHARE = 0.6

export const rule: Rule = {
  meta: {
    id: 'network-off-hours',
    version: 1,
    title: 'Works the night in the claimed time zone',
    rationale:
      `Workers abroad keep their own working day, which falls in the night of the time zone they claim. When at least ${MIN_SHARE * 100}% of ${MIN_EVENTS}+ sign-ins fall between 22:00 and 06:00 in the claimed zone, the hours fit another zone. Easy to evade and common among night owls, so weak alone.`,
    category: 'network',
    severity: 'low',
    strength: 'weak',
    indicators: ['NW-TIMEZONE'],
    sources: ['G1: "Inability to conduct business during required business hours"; logged in continuously', 'V13: timezone'],
    requires: ['person.timezone', 'accessEvents'],
    knownFalsePositives: ['people who prefer to work at night', 'on-call or shift work', 'a time zone claimed wrongly by mistake'],
    checklist: ['Hold a short unscheduled call during the claimed business hours'],
  },
  evaluate(facts) {
    const zone = facts.person.timezone
    const events = facts.accessEvents ?? []
    if (!zone || events.length < MIN_EVENTS) return notApplicable(...(!zone ? ['person.timezone'] : []), ...(events.length < MIN_EVENTS ? [`at least ${MIN_EVENTS} sign-in events`] : []))
    const hours = events.map(e => localHour(e.occurredAt, zone.value)).filter((h): h is number => h !== null)
    if (!hours.length) return notApplicable('a known person.timezone')
    const night = hours.filter(h => h >= 22 || h < 6).length
    const share = night / hours.length
    const message = `${night} of ${hours.length} sign-ins (${Math.round(share * 100)}%) were between 22:00 and 06:00 in ${zone.value}.`
    return share >= MIN_SHARE ? { status: 'flag', message, evidence: [zone.evidence] } : { status: 'clear', message, evidence: [zone.evidence] }
  },
}
