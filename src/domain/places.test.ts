import { countryName, isCountryCode, isTimeZone } from './places'

describe('places', () => {
  it.each(['US', 'GB', 'KR', 'JP', 'UA', 'NG'])('knows country %s', c => expect(isCountryCode(c)).toBe(true))
  it.each(['ZZ', 'QQ', 'us', 'USA', ''])('rejects %p', c => expect(isCountryCode(c)).toBe(false))
  it('names countries', () => expect(countryName('GB')).toBe('United Kingdom'))
  it('knows IANA zones', () => {
    expect(isTimeZone('America/Chicago')).toBe(true)
    expect(isTimeZone('UTC')).toBe(true)
    expect(isTimeZone('Mars/Olympus')).toBe(false)
  })
})
