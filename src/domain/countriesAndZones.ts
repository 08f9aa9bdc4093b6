/**
 * What a person types for a country or a time zone, normalised to an ISO 3166-1 alpha-2 code or an IANA
 * zone the runtime knows, with the closest matches when the input is unknown or ambiguous.
 *
 * Names come from the runtime's own ICU data (Intl.DisplayNames, Intl.supportedValuesOf): offline, nothing
 * to download. Only the alpha-3 codes and a short list of common aliases are written here.
 *
 * This is intake normalisation only: it turns "USA" into "US" so the form stops refusing people. It reads no
 * origin into anything and no check, weight or score may read what it returns for citizenship.
 */

const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' })

// ISO 3166-1 alpha-2 → alpha-3 for every assigned code, plus XK (Kosovo, user-assigned but in common use).
const ALPHA3 = `AD AND AE ARE AF AFG AG ATG AI AIA AL ALB AM ARM AO AGO AQ ATA AR ARG AS ASM AT AUT AU AUS AW ABW AX ALA AZ AZE
BA BIH BB BRB BD BGD BE BEL BF BFA BG BGR BH BHR BI BDI BJ BEN BL BLM BM BMU BN BRN BO BOL BQ BES BR BRA BS BHS BT BTN BV BVT BW BWA BY BLR BZ BLZ
CA CAN CC CCK CD COD CF CAF CG COG CH CHE CI CIV CK COK CL CHL CM CMR CN CHN CO COL CR CRI CU CUB CV CPV CW CUW CX CXR CY CYP CZ CZE
DE DEU DJ DJI DK DNK DM DMA DO DOM DZ DZA EC ECU EE EST EG EGY EH ESH ER ERI ES ESP ET ETH FI FIN FJ FJI FK FLK FM FSM FO FRO FR FRA
GA GAB GB GBR GD GRD GE GEO GF GUF GG GGY GH GHA GI GIB GL GRL GM GMB GN GIN GP GLP GQ GNQ GR GRC GS SGS GT GTM GU GUM GW GNB GY GUY
HK HKG HM HMD HN HND HR HRV HT HTI HU HUN ID IDN IE IRL IL ISR IM IMN IN IND IO IOT IQ IRQ IR IRN IS ISL IT ITA JE JEY JM JAM JO JOR JP JPN
KE KEN KG KGZ KH KHM KI KIR KM COM KN KNA KP PRK KR KOR KW KWT KY CYM KZ KAZ LA LAO LB LBN LC LCA LI LIE LK LKA LR LBR LS LSO LT LTU LU LUX LV LVA LY LBY
MA MAR MC MCO MD MDA ME MNE MF MAF MG MDG MH MHL MK MKD ML MLI MM MMR MN MNG MO MAC MP MNP MQ MTQ MR MRT MS MSR MT MLT MU MUS MV MDV MW MWI MX MEX MY MYS MZ MOZ
NA NAM NC NCL NE NER NF NFK NG NGA NI NIC NL NLD NO NOR NP NPL NR NRU NU NIU NZ NZL OM OMN
PA PAN PE PER PF PYF PG PNG PH PHL PK PAK PL POL PM SPM PN PCN PR PRI PS PSE PT PRT PW PLW PY PRY QA QAT RE REU RO ROU RS SRB RU RUS RW RWA
SA SAU SB SLB SC SYC SD SDN SE SWE SG SGP SH SHN SI SVN SJ SJM SK SVK SL SLE SM SMR SN SEN SO SOM SR SUR SS SSD ST STP SV SLV SX SXM SY SYR SZ SWZ
TC TCA TD TCD TF ATF TG TGO TH THA TJ TJK TK TKL TL TLS TM TKM TN TUN TO TON TR TUR TT TTO TV TUV TW TWN TZ TZA
UA UKR UG UGA UM UMI US USA UY URY UZ UZB VA VAT VC VCT VE VEN VG VGB VI VIR VN VNM VU VUT WF WLF WS WSM XK XKX YE YEM YT MYT ZA ZAF ZM ZMB ZW ZWE`
  .split(/\s+/)
  .reduce<Array<[string, string]>>((pairs, token, i, all) => (i % 2 === 0 ? [...pairs, [token, all[i + 1]!]] : pairs), [])

/** Other names people write, as they write them (normalised before use). */
const COUNTRY_ALIASES: Record<string, string[]> = {
  US: ['United States of America', 'America', 'U.S.', 'U.S.A.', 'the States', 'United States (US)'],
  GB: ['UK', 'U.K.', 'Great Britain', 'Britain', 'England', 'Scotland', 'Wales', 'Northern Ireland', 'United Kingdom of Great Britain and Northern Ireland'],
  KR: ['Republic of Korea', 'Korea, Rep.', 'Korea, Republic of', 'Korea (South)', 'ROK'],
  KP: ["Democratic People's Republic of Korea", "Korea, Dem. People's Rep.", 'Korea (North)', 'Korea, DPR', 'DPRK'],
  TR: ['Turkey', 'Turkiye', 'Republic of Türkiye'],
  RU: ['Russian Federation'],
  IR: ['Iran, Islamic Republic of', 'Islamic Republic of Iran', 'Iran, Islamic Rep.'],
  VN: ['Viet Nam'],
  LA: ['Lao PDR', "Lao People's Democratic Republic"],
  SY: ['Syrian Arab Republic'],
  CZ: ['Czech Republic'],
  MK: ['Macedonia', 'Republic of North Macedonia'],
  SZ: ['Swaziland'],
  CI: ['Ivory Coast', "Cote d'Ivoire"],
  CD: ['Democratic Republic of the Congo', 'DR Congo', 'DRC', 'Congo, Dem. Rep.'],
  CG: ['Republic of the Congo', 'Congo, Rep.'],
  MM: ['Burma', 'Myanmar'],
  CV: ['Cabo Verde'],
  TL: ['East Timor'],
  VA: ['Holy See'],
  HK: ['Hong Kong'],
  MO: ['Macao', 'Macau'],
  PS: ['Palestine', 'State of Palestine'],
  AE: ['UAE', 'Emirates'],
  NL: ['Holland', 'The Netherlands'],
  DE: ['Deutschland'],
  CN: ["People's Republic of China", 'PRC', 'Mainland China'],
  EG: ['Egypt, Arab Rep.'],
  YE: ['Yemen, Rep.'],
  BS: ['Bahamas, The', 'The Bahamas'],
  GM: ['Gambia, The', 'The Gambia'],
  MD: ['Moldova, Republic of'],
  TZ: ['Tanzania, United Republic of'],
  BO: ['Bolivia (Plurinational State of)'],
  VE: ['Venezuela, RB', 'Venezuela (Bolivarian Republic of)'],
  FM: ['Micronesia, Federated States of'],
  PH: ['The Philippines'],
}

/** Inputs that name more than one country: the person is asked which they mean. */
const AMBIGUOUS_COUNTRIES: Record<string, string[]> = {
  korea: ['KR', 'KP'],
  congo: ['CD', 'CG'],
  'virgin islands': ['VG', 'VI'],
}

/** Lower case, no accents, "&" as "and", "St." as "saint", punctuation as space, a leading "the" dropped. */
export function normaliseKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/\bst\.\s*/g, 'saint ')
    .replace(/[.'’]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .replace(/^the /, '')
}

export interface Suggestion {
  value: string
  label: string
}

export type Resolution = { ok: true; value: string; label: string } | { ok: false; reason: 'unknown' | 'ambiguous'; suggestions: Suggestion[] }

const COUNTRY_CODES = ALPHA3.map(([a2]) => a2)
const countryLabel = (code: string) => regionNames.of(code) ?? code

const countryKeys = new Map<string, string>()
for (const [a2, a3] of ALPHA3) {
  countryKeys.set(a2.toLowerCase(), a2)
  countryKeys.set(a3.toLowerCase(), a2)
  countryKeys.set(normaliseKey(countryLabel(a2)), a2)
}
for (const [code, names] of Object.entries(COUNTRY_ALIASES)) for (const n of names) countryKeys.set(normaliseKey(n), code)
// "Korea" and friends must not resolve through a display name or alias of their own.
for (const k of Object.keys(AMBIGUOUS_COUNTRIES)) countryKeys.delete(k)

/** The countries a form offers in its datalist: English name, the value it normalises to. */
export const COUNTRY_OPTIONS: Suggestion[] = COUNTRY_CODES.map(code => ({ value: code, label: countryLabel(code) })).sort((a, b) => a.label.localeCompare(b.label, 'en'))

/** Optimal string alignment distance (Levenshtein with adjacent transpositions), capped for speed. */
export function editDistance(a: string, b: string, cap = 6): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)])
  for (let j = 1; j <= b.length; j++) d[0]![j] = j
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1)
      d[i]![j] = v
    }
  }
  return d[a.length]![b.length]!
}

/** The closest keys' values, best first, distinct, at most `limit`. */
function closest(key: string, keys: Map<string, string>, label: (v: string) => string, limit = 3): Suggestion[] {
  const scored: Array<{ value: string; score: number }> = []
  const allowed = Math.max(2, Math.floor(key.length / 3))
  for (const [k, value] of keys) {
    if (k.length < 3 && key.length > 3) continue
    let score = editDistance(key, k, allowed)
    if (score > allowed) {
      // A typed beginning ("united", "new zea") is a fair lead too.
      if (key.length >= 3 && k.startsWith(key)) score = allowed
      else if (key.length >= 4 && k.includes(key)) score = allowed + 0.5
      else continue
    }
    scored.push({ value, score })
  }
  scored.sort((a, b) => a.score - b.score || label(a.value).localeCompare(label(b.value), 'en'))
  const seen = new Set<string>()
  const out: Suggestion[] = []
  for (const s of scored) {
    if (seen.has(s.value)) continue
    seen.add(s.value)
    out.push({ value: s.value, label: label(s.value) })
    if (out.length >= limit) break
  }
  return out
}

/**
 * A country's code when the text names exactly one, 'ambiguous' when it names several ("Korea"), or null:
 * resolveCountry without the suggestions, which cost an edit distance to every name (text reading asks this
 * of many words that are no country).
 */
export function countryNamed(input: string): string | 'ambiguous' | null {
  const key = normaliseKey(input)
  if (AMBIGUOUS_COUNTRIES[key]) return 'ambiguous'
  return countryKeys.get(key) ?? null
}

/** "USA", "U.S.", "United States", "us" → US; "Korea" → ambiguous (KR or KP); "Untied States" → unknown, suggests US. */
export function resolveCountry(input: string): Resolution {
  const key = normaliseKey(input)
  const ambiguous = AMBIGUOUS_COUNTRIES[key]
  if (ambiguous) return { ok: false, reason: 'ambiguous', suggestions: ambiguous.map(value => ({ value, label: countryLabel(value) })) }
  const code = countryKeys.get(key)
  if (code) return { ok: true, value: code, label: countryLabel(code) }
  return { ok: false, reason: 'unknown', suggestions: key ? closest(key, countryKeys, countryLabel) : [] }
}

// ---- time zones ----------------------------------------------------------------------------------

const SUPPORTED_ZONES = new Set([...Intl.supportedValuesOf('timeZone'), 'UTC'])

/** The runtime's own name for a zone (it knows Asia/Kolkata as Asia/Calcutta), or null when it has none. */
function canonicalZone(zone: string): string | null {
  try {
    const resolved = new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone
    if (SUPPORTED_ZONES.has(resolved) || /^Etc\/GMT[+-]\d{1,2}$/.test(resolved)) return resolved
    return null
  } catch {
    return null
  }
}

/** Names and abbreviations people use for zones; each maps to one IANA zone. */
const ZONE_ALIASES: Record<string, string[]> = {
  'America/Los_Angeles': ['PST', 'PDT', 'PT', 'Pacific', 'Pacific Time', 'Pacific Standard Time', 'Pacific Daylight Time', 'US Pacific'],
  'America/Denver': ['MST', 'MDT', 'MT', 'Mountain', 'Mountain Time', 'Mountain Standard Time', 'US Mountain'],
  'America/Phoenix': ['Arizona'],
  'America/Chicago': ['CDT', 'Central', 'Central Time', 'Central Standard Time', 'US Central'],
  'America/New_York': ['EST', 'EDT', 'ET', 'Eastern', 'Eastern Time', 'Eastern Standard Time', 'US Eastern'],
  'America/Anchorage': ['AKST', 'AKDT', 'Alaska', 'Alaska Time'],
  'Pacific/Honolulu': ['HST', 'Hawaii', 'Hawaii Time'],
  'America/Halifax': ['ADT', 'Atlantic', 'Atlantic Time'],
  'America/St_Johns': ['NST', 'NDT', 'Newfoundland'],
  'Europe/London': ['British Summer Time', 'UK time'],
  'Europe/Dublin': ['Irish Standard Time'],
  'Europe/Berlin': ['CET', 'CEST', 'MEZ', 'Central European Time', 'Central European Summer Time'],
  'Europe/Athens': ['EET', 'EEST', 'Eastern European Time'],
  'Europe/Lisbon': ['WET', 'WEST', 'Western European Time'],
  'Europe/Moscow': ['MSK', 'Moscow Time'],
  'Asia/Kolkata': ['India Standard Time', 'Indian Standard Time'],
  'Asia/Karachi': ['PKT', 'Pakistan Standard Time'],
  'Asia/Dhaka': ['Bangladesh Standard Time'],
  'Asia/Dubai': ['GST', 'Gulf Standard Time'],
  'Asia/Bangkok': ['ICT', 'Indochina Time'],
  'Asia/Jakarta': ['WIB'],
  'Asia/Singapore': ['SGT', 'Singapore Time'],
  'Asia/Hong_Kong': ['HKT', 'Hong Kong Time'],
  'Asia/Manila': ['PHT', 'PHST', 'Philippine Time'],
  'Asia/Shanghai': ['China Standard Time', 'Beijing Time'],
  'Asia/Taipei': ['Taipei Time'],
  'Asia/Seoul': ['KST', 'Korea Standard Time'],
  'Asia/Tokyo': ['JST', 'Japan Standard Time'],
  'Australia/Sydney': ['AEST', 'AEDT', 'Australian Eastern Time'],
  'Australia/Adelaide': ['ACST', 'ACDT'],
  'Australia/Perth': ['AWST'],
  'Pacific/Auckland': ['NZST', 'NZDT', 'New Zealand Time'],
  'America/Sao_Paulo': ['BRT', 'Brasilia Time'],
  'America/Argentina/Buenos_Aires': ['ART'],
  'Africa/Johannesburg': ['SAST'],
  'Africa/Lagos': ['WAT'],
  'Africa/Nairobi': ['EAT'],
  'Africa/Maputo': ['CAT'],
  UTC: ['UTC', 'Z', 'Zulu', 'Coordinated Universal Time', 'Universal'],
}

/** Abbreviations that name several zones: the person is asked which they mean. */
const AMBIGUOUS_ZONES: Record<string, string[]> = {
  ist: ['Asia/Kolkata', 'Europe/Dublin', 'Asia/Jerusalem'],
  cst: ['America/Chicago', 'Asia/Shanghai', 'America/Havana'],
  ast: ['America/Halifax', 'Asia/Riyadh'],
  gmt: ['Europe/London', 'UTC'],
  bst: ['Europe/London', 'Asia/Dhaka'],
}

const zoneKey = (text: string) => normaliseKey(text.replace(/[/_]/g, ' '))

const zoneKeys = new Map<string, string>()
for (const z of SUPPORTED_ZONES) {
  zoneKeys.set(zoneKey(z), z)
  // The city alone ("Chicago", "Sao Paulo") is how most people name a zone.
  const city = z.split('/').at(-1)!
  if (z.includes('/') && !zoneKeys.has(zoneKey(city))) zoneKeys.set(zoneKey(city), z)
}
for (const [zone, names] of Object.entries(ZONE_ALIASES)) {
  const canonical = canonicalZone(zone)
  if (canonical) for (const n of names) if (n) zoneKeys.set(zoneKey(n), canonical)
}
for (const k of Object.keys(AMBIGUOUS_ZONES)) zoneKeys.delete(k)

const zoneLabels = new Map<string, string>()
const zoneLabel = (zone: string) => {
  const known = zoneLabels.get(zone)
  if (known) return known
  const offset = new Intl.DateTimeFormat('en', { timeZone: zone, timeZoneName: 'shortOffset' }).formatToParts(new Date(Date.UTC(2026, 0, 15))).find(p => p.type === 'timeZoneName')?.value
  const label = offset ? `${zone} (${offset} in January)` : zone
  zoneLabels.set(zone, label)
  return label
}

/** The zones a form offers in its datalist. */
export const ZONE_OPTIONS: Suggestion[] = [...SUPPORTED_ZONES].filter(z => z.includes('/') && !z.startsWith('Etc/')).sort().map(z => ({ value: z, label: z }))

/** "UTC+9", "GMT-05:00", "+0530": a fixed offset. Whole hours become Etc/GMT∓h (IANA's sign is inverted). */
function offsetZone(text: string): Resolution | null {
  const m = /^(?:utc|gmt)?\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?$/i.exec(text.trim())
  if (!m) return null
  const hours = Number(m[2])
  const minutes = Number(m[3] ?? 0)
  if (hours > 14 || minutes >= 60) return { ok: false, reason: 'unknown', suggestions: [] }
  if (hours === 0 && minutes === 0) return { ok: true, value: 'UTC', label: zoneLabel('UTC') }
  const sign = m[1]!
  if (minutes === 0) {
    const zone = canonicalZone(`Etc/GMT${sign === '+' ? '-' : '+'}${hours}`)
    if (zone) return { ok: true, value: zone, label: `${zone} (UTC${sign}${hours})` }
  }
  // Half-hour offsets have no Etc zone: offer the zones that keep that offset in January.
  const wanted = `GMT${sign}${hours}:${String(minutes).padStart(2, '0')}`
  const matches = ZONE_OPTIONS.filter(o => zoneLabel(o.value).includes(`(${wanted} `)).slice(0, 5)
  return { ok: false, reason: 'ambiguous', suggestions: matches.map(o => ({ value: o.value, label: zoneLabel(o.value) })) }
}

/** "PST" → America/Los_Angeles, "asia/kolkata" → the runtime's name for it, "IST" → ambiguous, "UTC+9" → Etc/GMT-9. */
export function resolveTimeZone(input: string): Resolution {
  const text = input.trim()
  const offset = offsetZone(text)
  if (offset) return offset
  const key = zoneKey(text)
  const ambiguous = AMBIGUOUS_ZONES[key]
  if (ambiguous) return { ok: false, reason: 'ambiguous', suggestions: ambiguous.map(z => canonicalZone(z) ?? z).map(value => ({ value, label: zoneLabel(value) })) }
  if (text.includes('/')) {
    const exact = canonicalZone(text)
    if (exact) return { ok: true, value: exact, label: zoneLabel(exact) }
  }
  const zone = zoneKeys.get(key)
  if (zone) return { ok: true, value: zone, label: zoneLabel(zone) }
  return { ok: false, reason: 'unknown', suggestions: key ? closest(key, zoneKeys, zoneLabel) : [] }
}

/** The form's message for an input that did not resolve. */
export function didYouMean(what: string, typed: string, r: Exclude<Resolution, { ok: true }>, example: string): string {
  const options = r.suggestions.map(s => (s.value === s.label ? s.value : `${s.label} (${s.value})`))
  if (r.reason === 'ambiguous' && options.length) return `"${typed}" could mean more than one ${what}: choose ${options.join(' or ')}`
  if (options.length) return `We do not know the ${what} "${typed}". Did you mean ${options.join(', or ')}?`
  return `We do not know the ${what} "${typed}". Enter ${example}`
}
