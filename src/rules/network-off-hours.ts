import { localHour } from '../domain/geo'
import { notApplicable, type Rule } from './types'

const MIN_EVENTS = 10
const MIN_SHARE = 0.6
/**
 * The second reading of NW-TIMEZONE ("activity follows a UTC+8/+9 working day, not the claimed time zone"):
 * at most this share of sign-ins in the claimed business day (08:00–18:00)…
 */
const MAX_CLAIMED_DAY_SHARE = 0.3
/** …and at least this share inside a 08:00–20:00 working day at UTC+8 or UTC+9, the offsets the advisories name. */
const MIN_FOREIGN_DAY_SHARE = 0.7
const FOREIGN_OFFSETS = [8, 9]
/**
 * The third reading, for claimed zones whose business day overlaps a UTC+8/+9 one (the Pacific coast: 09:00 in
 * Seoul is 16:00 in Los Angeles): at least MIN_FOREIGN_DAY_SHARE inside that working day, at least this share
 * both inside it and outside the claimed business day…
 */
const MIN_FOREIGN_ONLY_SHARE = 0.5
/** …and some of the claimed night as well (Seoul's afternoon): an evening shift that stops by 22:00 is not enough. */
const MIN_NIGHT_FOR_FOREIGN_DAY = 0.1
const utcHour = (iso: string) => new Date(iso).getUTCHours()

export const rule: Rule = {
  meta: {
    id: 'network-off-hours',
    version: 3,
    title: 'Works the night in the claimed time zone',
    rationale:
      `Workers abroad keep their own working day, which falls in the night of the time zone they claim. When at least ${MIN_SHARE * 100}% of ${MIN_EVENTS}+ sign-ins fall between 22:00 and 06:00 in the claimed zone, the hours fit another zone. A UTC+8/+9 working day seen from the Americas also covers the evening (09:00 in Seoul is 20:00 in New York, 17:00 in Los Angeles), so the rule also flags when no more than ${MAX_CLAIMED_DAY_SHARE * 100}% of the sign-ins fall in the claimed 08:00–18:00 business day while ${MIN_FOREIGN_DAY_SHARE * 100}%+ fall in a 08:00–20:00 working day at UTC+8 or UTC+9, or when ${MIN_FOREIGN_DAY_SHARE * 100}%+ fall in that working day and ${MIN_FOREIGN_ONLY_SHARE * 100}%+ fall in it outside the claimed business day with ${MIN_NIGHT_FOR_FOREIGN_DAY * 100}%+ at night there (a Pacific-coast claim, whose afternoon is Seoul's morning; an evening shift that ends by 22:00 is not enough): the histogram compared with the claimed zone, as the indicator says. Easy to evade and common among night owls, so weak alone.`,
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
    if (share >= MIN_SHARE) return { status: 'flag', message, evidence: [zone.evidence] }
    const inDay = hours.filter(h => h >= 8 && h < 18).length
    const inForeignDay = (e: (typeof events)[number], o: number) => {
      const h = (utcHour(e.occurredAt) + o) % 24
      return h >= 8 && h < 20
    }
    const claimedDay = events.map(e => {
      const h = localHour(e.occurredAt, zone.value)
      return h !== null && h >= 8 && h < 18
    })
    const foreign = FOREIGN_OFFSETS.map(o => ({ o, n: events.filter(e => inForeignDay(e, o)).length, only: events.filter((e, i) => inForeignDay(e, o) && !claimedDay[i]).length })).reduce((a, b) => (b.n > a.n ? b : a))
    const n = events.length
    const pct = (k: number, of: number) => `${k} of ${of} (${Math.round((k / of) * 100)}%)`
    if (foreign.n / n >= MIN_FOREIGN_DAY_SHARE && inDay / hours.length <= MAX_CLAIMED_DAY_SHARE) {
      return { status: 'flag', message: `Only ${pct(inDay, hours.length)} sign-ins fell in the 08:00–18:00 business day in ${zone.value}, while ${pct(foreign.n, n)} fell in a 08:00–20:00 working day at UTC+${foreign.o}.`, evidence: [zone.evidence] }
    }
    if (foreign.n / n >= MIN_FOREIGN_DAY_SHARE && foreign.only / n >= MIN_FOREIGN_ONLY_SHARE && share >= MIN_NIGHT_FOR_FOREIGN_DAY) {
      return { status: 'flag', message: `${pct(foreign.n, n)} sign-ins fell in a 08:00–20:00 working day at UTC+${foreign.o}, ${pct(foreign.only, n)} of them after the business day in ${zone.value} and ${pct(night, hours.length)} at night there: the claimed evenings and nights are another zone's working day.`, evidence: [zone.evidence] }
    }
    return { status: 'clear', message: `${message} ${inDay} (${Math.round((inDay / hours.length) * 100)}%) were in the 08:00–18:00 business day.`, evidence: [zone.evidence] }
  },
}
