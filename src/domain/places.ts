/** ISO 3166-1 alpha-2 codes and IANA time zones, from the runtime's own ICU data (no network, no list to keep). */
const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' })

export function isCountryCode(code: string): boolean {
  if (!/^[A-Z]{2}$/.test(code)) return false
  const name = regionNames.of(code)
  return name !== undefined && name !== code && name !== 'Unknown Region'
}

export function countryName(code: string | null | undefined): string | undefined {
  return code && isCountryCode(code) ? regionNames.of(code) : undefined
}

const zones = new Set([...Intl.supportedValuesOf('timeZone'), 'UTC', 'Etc/UTC'])
export function isTimeZone(zone: string): boolean {
  return zones.has(zone)
}
