/**
 * Rough geography for comparing claims with evidence: which country a time zone belongs to, and an
 * approximate point per country (its capital) for travel-time checks. Approximate on purpose: the rules
 * that use it look for contradictions of thousands of kilometres, not for a position.
 */
const ZONES: Record<string, string> = {
  'America/New_York': 'US', 'America/Chicago': 'US', 'America/Denver': 'US', 'America/Phoenix': 'US', 'America/Los_Angeles': 'US', 'America/Anchorage': 'US', 'Pacific/Honolulu': 'US',
  'America/Detroit': 'US', 'America/Indiana/Indianapolis': 'US', 'America/Boise': 'US',
  'America/Toronto': 'CA', 'America/Vancouver': 'CA', 'America/Edmonton': 'CA', 'America/Winnipeg': 'CA', 'America/Halifax': 'CA', 'America/Montreal': 'CA',
  'America/Mexico_City': 'MX', 'America/Sao_Paulo': 'BR', 'America/Argentina/Buenos_Aires': 'AR', 'America/Bogota': 'CO', 'America/Lima': 'PE', 'America/Santiago': 'CL',
  'Europe/London': 'GB', 'Europe/Dublin': 'IE', 'Europe/Lisbon': 'PT', 'Europe/Madrid': 'ES', 'Europe/Paris': 'FR', 'Europe/Brussels': 'BE', 'Europe/Amsterdam': 'NL',
  'Europe/Berlin': 'DE', 'Europe/Zurich': 'CH', 'Europe/Vienna': 'AT', 'Europe/Rome': 'IT', 'Europe/Copenhagen': 'DK', 'Europe/Oslo': 'NO', 'Europe/Stockholm': 'SE',
  'Europe/Helsinki': 'FI', 'Europe/Warsaw': 'PL', 'Europe/Prague': 'CZ', 'Europe/Budapest': 'HU', 'Europe/Bucharest': 'RO', 'Europe/Sofia': 'BG', 'Europe/Athens': 'GR',
  'Europe/Kiev': 'UA', 'Europe/Kyiv': 'UA', 'Europe/Moscow': 'RU', 'Europe/Istanbul': 'TR', 'Europe/Belgrade': 'RS', 'Europe/Zagreb': 'HR', 'Europe/Vilnius': 'LT', 'Europe/Riga': 'LV', 'Europe/Tallinn': 'EE',
  'Africa/Lagos': 'NG', 'Africa/Cairo': 'EG', 'Africa/Nairobi': 'KE', 'Africa/Johannesburg': 'ZA', 'Africa/Accra': 'GH', 'Africa/Casablanca': 'MA',
  'Asia/Dubai': 'AE', 'Asia/Riyadh': 'SA', 'Asia/Jerusalem': 'IL', 'Asia/Karachi': 'PK', 'Asia/Kolkata': 'IN', 'Asia/Calcutta': 'IN', 'Asia/Dhaka': 'BD', 'Asia/Bangkok': 'TH',
  'Asia/Ho_Chi_Minh': 'VN', 'Asia/Jakarta': 'ID', 'Asia/Kuala_Lumpur': 'MY', 'Asia/Singapore': 'SG', 'Asia/Manila': 'PH', 'Asia/Shanghai': 'CN', 'Asia/Hong_Kong': 'HK',
  'Asia/Taipei': 'TW', 'Asia/Seoul': 'KR', 'Asia/Pyongyang': 'KP', 'Asia/Tokyo': 'JP', 'Asia/Vladivostok': 'RU', 'Asia/Almaty': 'KZ', 'Asia/Tashkent': 'UZ',
  'Australia/Sydney': 'AU', 'Australia/Melbourne': 'AU', 'Australia/Brisbane': 'AU', 'Australia/Perth': 'AU', 'Australia/Adelaide': 'AU', 'Pacific/Auckland': 'NZ',
}

export function countryOfTimezone(zone: string): string | null {
  return ZONES[zone] ?? null
}

/** Capital cities, [latitude, longitude]. */
const POINTS: Record<string, [number, number]> = {
  US: [38.9, -77.0], CA: [45.4, -75.7], MX: [19.4, -99.1], BR: [-15.8, -47.9], AR: [-34.6, -58.4], CO: [4.7, -74.1], PE: [-12.0, -77.0], CL: [-33.4, -70.7],
  GB: [51.5, -0.1], IE: [53.3, -6.3], PT: [38.7, -9.1], ES: [40.4, -3.7], FR: [48.9, 2.4], BE: [50.8, 4.4], NL: [52.4, 4.9], DE: [52.5, 13.4], CH: [46.9, 7.4],
  AT: [48.2, 16.4], IT: [41.9, 12.5], DK: [55.7, 12.6], NO: [59.9, 10.8], SE: [59.3, 18.1], FI: [60.2, 24.9], PL: [52.2, 21.0], CZ: [50.1, 14.4], HU: [47.5, 19.0],
  RO: [44.4, 26.1], BG: [42.7, 23.3], GR: [38.0, 23.7], UA: [50.5, 30.5], RU: [55.8, 37.6], TR: [39.9, 32.9], RS: [44.8, 20.5], HR: [45.8, 16.0], LT: [54.7, 25.3],
  LV: [56.9, 24.1], EE: [59.4, 24.8], NG: [9.1, 7.5], EG: [30.0, 31.2], KE: [-1.3, 36.8], ZA: [-25.7, 28.2], GH: [5.6, -0.2], MA: [34.0, -6.8], AE: [24.5, 54.4],
  SA: [24.7, 46.7], IL: [31.8, 35.2], PK: [33.7, 73.1], IN: [28.6, 77.2], BD: [23.8, 90.4], TH: [13.8, 100.5], VN: [21.0, 105.8], ID: [-6.2, 106.8], MY: [3.1, 101.7],
  SG: [1.3, 103.8], PH: [14.6, 121.0], CN: [39.9, 116.4], HK: [22.3, 114.2], TW: [25.0, 121.5], KR: [37.6, 127.0], KP: [39.0, 125.8], JP: [35.7, 139.7],
  KZ: [51.2, 71.4], UZ: [41.3, 69.3], AU: [-35.3, 149.1], NZ: [-41.3, 174.8],
}

export function countryPoint(country: string): [number, number] | null {
  return POINTS[country.toUpperCase()] ?? null
}

/** Great-circle distance in km. */
export function distanceKm(a: [number, number], b: [number, number]): number {
  const rad = (d: number) => (d * Math.PI) / 180
  const dLat = rad(b[0] - a[0])
  const dLon = rad(b[1] - a[1])
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a[0])) * Math.cos(rad(b[0])) * Math.sin(dLon / 2) ** 2
  return 2 * 6371 * Math.asin(Math.sqrt(h))
}

/** Local hour (0–23) of an instant in a time zone, or null for an unknown zone. */
const formats = new Map<string, Intl.DateTimeFormat | null>()
export function localHour(iso: string, zone: string): number | null {
  // Building a formatter costs far more than using one: one per zone.
  let f = formats.get(zone)
  if (f === undefined) {
    try {
      f = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', hourCycle: 'h23' })
    } catch {
      f = null
    }
    formats.set(zone, f)
  }
  if (!f) return null
  const h = Number(f.format(new Date(iso)))
  return Number.isNaN(h) ? null : h
}
