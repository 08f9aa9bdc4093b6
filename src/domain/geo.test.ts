import { countryOfTimezone, countryPoint, distanceKm, localHour } from './geo'

describe('geo', () => {
  it('knows which country a zone belongs to', () => {
    expect(countryOfTimezone('America/Chicago')).toBe('US')
    expect(countryOfTimezone('Asia/Seoul')).toBe('KR')
    expect(countryOfTimezone('Mars/Olympus')).toBeNull()
  })
  it('measures distances between countries roughly', () => {
    const d = distanceKm(countryPoint('US')!, countryPoint('CN')!)
    expect(d).toBeGreaterThan(10_000)
    expect(d).toBeLessThan(12_500)
    expect(countryPoint('XX')).toBeNull()
  })
  it('gives the local hour in a zone', () => {
    expect(localHour('2026-10-15T14:00:00Z', 'America/Chicago')).toBe(9)
    expect(localHour('2026-10-15T14:00:00Z', 'Asia/Seoul')).toBe(23)
    expect(localHour('2026-10-15T14:00:00Z', 'Not/AZone')).toBeNull()
  })
})
