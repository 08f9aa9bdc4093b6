import { COUNTRY_OPTIONS, didYouMean, editDistance, resolveCountry, resolveTimeZone, ZONE_OPTIONS } from './countriesAndZones'
import { isCountryCode, isTimeZone } from './places'

const value = (r: ReturnType<typeof resolveCountry>) => (r.ok ? r.value : `!${r.reason}:${r.suggestions.map(s => s.value).join(',')}`)

describe('countries as people write them', () => {
  it.each([
    ['USA', 'US'], ['usa', 'US'], ['U.S.', 'US'], ['U.S.A.', 'US'], ['us', 'US'], ['United States', 'US'], ['united states of america', 'US'], ['America', 'US'],
    ['South Korea', 'KR'], ['Republic of Korea', 'KR'], ['Korea, Rep.', 'KR'], ['KOR', 'KR'], ['North Korea', 'KP'], ['DPRK', 'KP'],
    ['Türkiye', 'TR'], ['Turkiye', 'TR'], ['Turkey', 'TR'], ['TUR', 'TR'],
    ['UK', 'GB'], ['Great Britain', 'GB'], ['United Kingdom', 'GB'], ['GBR', 'GB'],
    ['Côte d’Ivoire', 'CI'], ['Ivory Coast', 'CI'], ['St. Lucia', 'LC'], ['Saint Lucia', 'LC'], ['Bosnia & Herzegovina', 'BA'], ['Bosnia and Herzegovina', 'BA'],
    ['  germany ', 'DE'], ['Viet Nam', 'VN'], ['Kosovo', 'XK'],
  ])('%p is %s', (typed, code) => expect(value(resolveCountry(typed))).toBe(code))

  it('asks which Korea (or Congo) is meant instead of guessing', () => {
    expect(value(resolveCountry('Korea'))).toBe('!ambiguous:KR,KP')
    expect(value(resolveCountry('Congo'))).toBe('!ambiguous:CD,CG')
  })

  it('suggests the closest names for a misspelling', () => {
    const r = resolveCountry('Untied States')
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.suggestions[0]).toEqual({ value: 'US', label: 'United States' })
      expect(didYouMean('country', 'Untied States', r, 'x')).toBe('We do not know the country "Untied States". Did you mean United States (US)?')
    }
    expect(value(resolveCountry('Germny'))).toBe('!unknown:DE')
    expect(value(resolveCountry('united'))).toMatch(/^!unknown:.*US/)
  })

  it('refuses what is no country, with nothing to suggest for nonsense', () => {
    expect(value(resolveCountry('Atlantis Prime Sector'))).toBe('!unknown:')
    expect(resolveCountry('').ok).toBe(false)
  })

  it('only ever returns codes the rest of the app knows, and offers one option per country', () => {
    for (const o of COUNTRY_OPTIONS) {
      expect(isCountryCode(o.value)).toBe(true)
      expect(value(resolveCountry(o.label))).toBe(o.value)
      expect(value(resolveCountry(o.value))).toBe(o.value)
    }
    expect(COUNTRY_OPTIONS.length).toBe(250)
  })
})

describe('time zones as people write them', () => {
  const zone = (typed: string) => value(resolveTimeZone(typed))
  it.each([
    ['PST', 'America/Los_Angeles'], ['PDT', 'America/Los_Angeles'], ['Pacific', 'America/Los_Angeles'], ['pacific time', 'America/Los_Angeles'],
    ['EST', 'America/New_York'], ['Eastern', 'America/New_York'], ['CDT', 'America/Chicago'], ['MST', 'America/Denver'],
    ['CET', 'Europe/Berlin'], ['KST', 'Asia/Seoul'], ['JST', 'Asia/Tokyo'], ['AEST', 'Australia/Sydney'],
    ['UTC', 'UTC'], ['utc', 'UTC'], ['Z', 'UTC'], ['UTC+0', 'UTC'],
    ['UTC+9', 'Etc/GMT-9'], ['GMT-05:00', 'Etc/GMT+5'], ['+09', 'Etc/GMT-9'], ['utc -3', 'Etc/GMT+3'],
    ['America/Chicago', 'America/Chicago'], ['america/chicago', 'America/Chicago'], ['Chicago', 'America/Chicago'], ['Sao Paulo', 'America/Sao_Paulo'],
    ['US/Pacific', 'America/Los_Angeles'],
  ])('%p is %s', (typed, expected) => expect(zone(typed)).toBe(expected))

  it('takes the modern IANA names the runtime knows by older ones', () => {
    for (const typed of ['Asia/Kolkata', 'Europe/Kyiv', 'Asia/Ho_Chi_Minh']) {
      const r = resolveTimeZone(typed)
      expect(r.ok).toBe(true)
      if (r.ok) expect(new Intl.DateTimeFormat('en', { timeZone: r.value }).resolvedOptions().timeZone).toBe(r.value)
    }
  })

  it('asks which zone an ambiguous abbreviation means', () => {
    const ist = resolveTimeZone('IST')
    expect(ist.ok).toBe(false)
    if (!ist.ok) {
      expect(ist.reason).toBe('ambiguous')
      expect(ist.suggestions.map(s => s.value)).toEqual(expect.arrayContaining(['Europe/Dublin', 'Asia/Jerusalem']))
      expect(didYouMean('time zone', 'IST', ist, 'x')).toMatch(/^"IST" could mean more than one time zone: choose .*Europe\/Dublin/)
    }
    expect(zone('CST')).toMatch(/^!ambiguous:America\/Chicago,Asia\/Shanghai/)
    expect(zone('+05:30')).toMatch(/^!ambiguous:/)
  })

  it('suggests the closest zones for a misspelling and refuses nonsense', () => {
    expect(zone('America/Chicgo')).toMatch(/^!unknown:America\/Chicago/)
    expect(zone('Mars/Olympus')).toBe('!unknown:')
    expect(zone('UTC+15')).toBe('!unknown:')
  })

  it('every named zone it returns is one the app already accepts', () => {
    for (const typed of ['PST', 'EST', 'CET', 'EET', 'WET', 'MSK', 'KST', 'JST', 'HKT', 'SGT', 'PHT', 'ICT', 'WIB', 'AEST', 'ACST', 'AWST', 'NZST', 'BRT', 'ART', 'SAST', 'WAT', 'EAT', 'CAT', 'GST', 'PKT', 'AKST', 'HST', 'NST', 'ADT', 'India Standard Time', 'China Standard Time', 'Arizona']) {
      const r = resolveTimeZone(typed)
      expect([typed, r.ok]).toEqual([typed, true])
      if (r.ok) expect(isTimeZone(r.value)).toBe(true)
    }
    for (const o of ZONE_OPTIONS) expect(isTimeZone(o.value)).toBe(true)
  })
})

describe('editDistance', () => {
  it('counts a swap of neighbours as one edit', () => {
    expect(editDistance('untied', 'united')).toBe(1)
    expect(editDistance('kitten', 'sitting')).toBe(3)
    expect(editDistance('', 'abc')).toBe(3)
  })
})
