import { Document, Packer, Paragraph, TextRun } from 'docx'
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max'
import PDFDocument from 'pdfkit'
import { compareNames } from '../domain/names'
import { portrait } from './png'

/**
 * A labelled synthetic population in our format, for measuring detection. Realistic, not convenient:
 * - every archetype, benign or pattern, draws names, claimed countries and universities from the same
 *   pools, so no rule can win on a generator artifact (and none may read those fields anyway);
 * - benign applicants include people abroad who say so, career changers, thin new freelancer profiles,
 *   privacy VPN users, travellers, crypto-paid freelancers, VoIP users and real camera failures;
 * - pattern applicants follow the public cases (INDICATORS.md): solo personas of mixed strength and rings
 *   that share resume templates (lightly edited), shipping addresses, payees, wallets, reference phones
 *   and photos (re-encoded, not byte-identical);
 * - phone numbers are valid for their country (checked with libphonenumber).
 * Counterfactual twins change only the name's origin, the citizenship and the university's country.
 */
export interface GeneratedFile {
  name: string
  data: Buffer
}
export interface GeneratedApplication {
  id: string
  label: 'benign' | 'pattern'
  archetype: string
  ring: string | null
  /** for fairness reporting only: never in the application the rules see */
  nameOrigin: string
  residence: string
  application: Record<string, unknown>
  files: GeneratedFile[]
}

function mulberry32(seed: number) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
type Rand = () => number
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!
const int = (r: Rand, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1))

/** Name pools by origin. Every archetype draws from all of them alike. */
const NAME_POOLS: Record<string, { first: string[]; last: string[] }> = {
  anglo: { first: ['James', 'Emily', 'Michael', 'Sarah', 'David', 'Laura', 'Daniel', 'Megan', 'Ryan', 'Hannah'], last: ['Whitfield', 'Carter', 'Brooks', 'Morgan', 'Hughes', 'Bennett', 'Foster', 'Price', 'Russell', 'Hayes'] },
  hispanic: { first: ['Mateo', 'Lucía', 'Diego', 'Valentina', 'Carlos', 'Sofía', 'Javier', 'Camila', 'Andrés', 'Isabela'], last: ['García', 'Martínez', 'Rodríguez', 'López', 'Hernández', 'Aguilar', 'Morales', 'Ortiz', 'Castillo', 'Navarro'] },
  eastAsian: { first: ['Min-jun', 'Ji-woo', 'Hiroshi', 'Yuki', 'Wei', 'Mei', 'Seo-yeon', 'Haruto', 'Jia', 'Hyun-woo'], last: ['Kim', 'Park', 'Lee', 'Choi', 'Tanaka', 'Sato', 'Chen', 'Wang', 'Nakamura', 'Jung'] },
  southAsian: { first: ['Priya', 'Arjun', 'Ananya', 'Rohan', 'Kavya', 'Vikram', 'Meera', 'Aditya', 'Neha', 'Sanjay'], last: ['Venkataraman', 'Sharma', 'Iyer', 'Patel', 'Reddy', 'Nair', 'Gupta', 'Rao', 'Menon', 'Joshi'] },
  african: { first: ['Chinedu', 'Amara', 'Kwame', 'Ngozi', 'Tunde', 'Zainab', 'Kofi', 'Ayodele', 'Sipho', 'Thandiwe'], last: ['Okafor', 'Mensah', 'Adeyemi', 'Nwosu', 'Boateng', 'Diallo', 'Okeke', 'Dlamini', 'Abubakar', 'Asante'] },
  eastEuropean: { first: ['Olga', 'Dmitri', 'Katarzyna', 'Piotr', 'Anna', 'Mykola', 'Irina', 'Tomasz', 'Elena', 'Andrei'], last: ['Petrova', 'Kowalski', 'Nowak', 'Ivanenko', 'Popescu', 'Horvat', 'Novak', 'Wiśniewski', 'Sokolov', 'Kuznetsova'] },
  arabic: { first: ['Omar', 'Fatima', 'Youssef', 'Layla', 'Karim', 'Noor', 'Hassan', 'Amira', 'Tariq', 'Rania'], last: ['Haddad', 'Khalil', 'Mansour', 'Saleh', 'Nasser', 'Farouk', 'Aziz', 'Hamdan', 'Rahman', 'Qasim'] },
  european: { first: ['Lukas', 'Sophie', 'Jonas', 'Emma', 'Matteo', 'Chiara', 'Lars', 'Ingrid', 'Pierre', 'Camille'], last: ['Weber', 'Schulz', 'Rossi', 'Bianchi', 'Larsen', 'Jensen', 'Moreau', 'Dubois', 'van Dijk', 'de Vries'] },
}
const ORIGINS = Object.keys(NAME_POOLS)

interface Place {
  country: CountryCode
  city: string
  region: string
  postal: string
  tz: string
  streets: string[]
  phone: (r: Rand) => string
}
const digits = (r: Rand, n: number) => Array.from({ length: n }, () => int(r, 0, 9)).join('')
const PLACES: Place[] = [
  { country: 'US', city: 'Chicago', region: 'IL', postal: '60601', tz: 'America/Chicago', streets: ['Oak St', 'Lake Shore Dr', 'Wabash Ave', 'Clark St'], phone: r => `+1 312 ${int(r, 201, 989)} ${digits(r, 4)}` },
  { country: 'US', city: 'New York', region: 'NY', postal: '10013', tz: 'America/New_York', streets: ['Hudson St', 'Broadway', 'Canal St', 'Greene St'], phone: r => `+1 646 ${int(r, 201, 989)} ${digits(r, 4)}` },
  { country: 'US', city: 'Austin', region: 'TX', postal: '78701', tz: 'America/Chicago', streets: ['Congress Ave', 'Lamar Blvd', 'Red River St'], phone: r => `+1 512 ${int(r, 201, 989)} ${digits(r, 4)}` },
  { country: 'US', city: 'Seattle', region: 'WA', postal: '98101', tz: 'America/Los_Angeles', streets: ['Pine St', 'Pike St', 'Union St'], phone: r => `+1 206 ${int(r, 201, 989)} ${digits(r, 4)}` },
  { country: 'GB', city: 'London', region: 'London', postal: 'E1 6AN', tz: 'Europe/London', streets: ['Commercial St', 'Brick Ln', 'Fashion St'], phone: r => `+44 20 7${digits(r, 3)} ${digits(r, 4)}` },
  { country: 'CA', city: 'Toronto', region: 'ON', postal: 'M5V 2T6', tz: 'America/Toronto', streets: ['King St W', 'Spadina Ave', 'Queen St W'], phone: r => `+1 416 ${int(r, 201, 989)} ${digits(r, 4)}` },
  { country: 'DE', city: 'Berlin', region: 'Berlin', postal: '10115', tz: 'Europe/Berlin', streets: ['Invalidenstraße', 'Chausseestraße', 'Torstraße'], phone: r => `+49 30 ${digits(r, 8)}` },
  { country: 'NL', city: 'Amsterdam', region: 'NH', postal: '1011 AB', tz: 'Europe/Amsterdam', streets: ['Damrak', 'Prinsengracht', 'Kalverstraat'], phone: r => `+31 20 ${digits(r, 7)}` },
  { country: 'PL', city: 'Warsaw', region: 'MZ', postal: '00-001', tz: 'Europe/Warsaw', streets: ['Marszałkowska', 'Nowy Świat', 'Krucza'], phone: r => `+48 22 ${digits(r, 7)}` },
  { country: 'PT', city: 'Lisbon', region: 'Lisboa', postal: '1100-148', tz: 'Europe/Lisbon', streets: ['Rua Augusta', 'Rua do Ouro', 'Avenida da Liberdade'], phone: r => `+351 21 ${digits(r, 7)}` },
  { country: 'KR', city: 'Seoul', region: 'Seoul', postal: '04524', tz: 'Asia/Seoul', streets: ['Sejong-daero', 'Teheran-ro', 'Itaewon-ro'], phone: r => `+82 2 ${digits(r, 8)}` },
  { country: 'IN', city: 'Bengaluru', region: 'KA', postal: '560001', tz: 'Asia/Kolkata', streets: ['MG Road', 'Brigade Road', 'Residency Road'], phone: r => `+91 80 ${digits(r, 8)}` },
  { country: 'NG', city: 'Lagos', region: 'LA', postal: '100001', tz: 'Africa/Lagos', streets: ['Broad St', 'Marina', 'Awolowo Rd'], phone: r => `+234 80${int(r, 3, 9)} ${digits(r, 3)} ${digits(r, 4)}` },
  { country: 'AU', city: 'Sydney', region: 'NSW', postal: '2000', tz: 'Australia/Sydney', streets: ['George St', 'Pitt St', 'Kent St'], phone: r => `+61 2 ${digits(r, 8)}` },
]
/** Claimed homes: US-heavy like the market, identical for benign and pattern applicants. */
const HOME_WEIGHTS = [14, 14, 10, 10, 8, 6, 6, 5, 5, 5, 4, 5, 4, 4]
function pickHome(r: Rand): Place {
  const total = HOME_WEIGHTS.reduce((a, b) => a + b, 0)
  let x = r() * total
  for (let i = 0; i < PLACES.length; i++) if ((x -= HOME_WEIGHTS[i]!) < 0) return PLACES[i]!
  return PLACES[0]!
}
/** Numbers given out in the population being drafted: unrelated people never share one (reset per draft). */
const usedPhones = new Set<string>()
function validPhone(r: Rand, place: Place): string {
  for (let i = 0; i < 50; i++) {
    const n = place.phone(r)
    if (parsePhoneNumberFromString(n)?.isValid() && !usedPhones.has(n)) {
      usedPhones.add(n)
      return n
    }
  }
  return place.phone(r)
}
const UNIVERSITIES = ['University of Illinois', 'Rutgers University', 'University of Toronto', 'TU Berlin', 'University of Lisbon', 'Seoul National University', 'Kyoto University', 'University of Lagos', 'IIT Bombay', 'Warsaw University of Technology', 'University of Sydney', 'Universidad de Buenos Aires', 'University of Cairo', 'Delft University of Technology']
/** Referees' employers: many, as in life (two applicants rarely name the same referee). */
const REF_WORDS_A = ['Blue', 'North', 'Cedar', 'Silver', 'Granite', 'River', 'Summit', 'Harbor', 'Maple', 'Iron', 'Coral', 'Aspen', 'Falcon', 'Lumen', 'Orbit', 'Pioneer', 'Quarry', 'Sable', 'Tundra', 'Willow']
const REF_WORDS_B = ['Systems', 'Analytics', 'Works', 'Labs', 'Logistics', 'Health', 'Media', 'Capital', 'Robotics', 'Software', 'Foods', 'Energy', 'Retail', 'Studios', 'Networks', 'Partners', 'Mobility', 'Security', 'Cloud', 'Data']
const COMPANIES = ['Bluepeak Software', 'Orbital Freight', 'Northgate Digital', 'Harbor & Pine Labs', 'Lusa Data', 'Greenline Health', 'Quartz Analytics', 'Meridian Bank', 'Tidewater Logistics', 'Copperleaf Games', 'Atlas Robotics', 'Summit Retail', 'Beacon Insurance', 'Ironwood Media']
const TITLES = ['Software Engineer', 'Senior Backend Engineer', 'Frontend Developer', 'Data Engineer', 'DevOps Engineer', 'Full Stack Developer', 'Mobile Developer', 'Blockchain Developer', 'Platform Engineer']
const SKILLS = ['TypeScript', 'Go', 'Python', 'React', 'Node.js', 'PostgreSQL', 'Kubernetes', 'Terraform', 'Solidity', 'Rust', 'AWS', 'Kafka', 'Java', 'Swift']
const BULLETS = ['Built and ran production services used by thousands of customers.', 'Cut infrastructure cost by a third through better autoscaling.', 'Led the migration from a monolith to services.', 'Mentored junior engineers and ran code reviews.', 'Designed the event pipeline for analytics.', 'Shipped the mobile checkout flow.', 'Improved test coverage and release speed.']
const FORWARDERS = [
  { line1: '2210 W Commerce St Ste 4 #1187', city: 'Dallas', region: 'TX', postal_code: '75212', country: 'US' },
  { line1: '1401 S Cherry St Unit 12', city: 'Denver', region: 'CO', postal_code: '80222', country: 'US' },
  { line1: '85 Garden Pkwy PMB 301', city: 'Nashua', region: 'NH', postal_code: '03060', country: 'US' },
  { line1: '7 Gateway Blvd Ste 200', city: 'Phoenix', region: 'AZ', postal_code: '85034', country: 'US' },
]
const RESIDENTIAL_PREFIX: Partial<Record<string, string[]>> = { US: ['73.12', '24.5', '98.210', '67.180'], GB: ['86.150', '81.98'], CA: ['99.230', '70.50'], DE: ['91.64', '84.130'], NL: ['83.84', '77.160'], PL: ['83.24', '89.64'], PT: ['85.240', '94.60'], KR: ['121.130', '211.36'], IN: ['122.170', '49.36'], NG: ['102.89', '105.112'], AU: ['101.160', '124.170'] }
/** Digital-currency addresses of SDN entry 43377 (Kim Sang Man), as published by OFAC. */
const SDN_WALLETS = ['1D6gG9iKEhPitTcWRJiniuj1jYM2hNeAfJ', '1FCNgfZWpYMeYhy9t18AAkTBu8AsdoAc1Z', '0x97b1043abd9e6fc31681635166d430a458d14f9c', '0xb6f5ec1a0a9cd1526536d3f0426c429529471f40']
const DATACENTER_PREFIX = ['159.89', '45.77', '45.32', '167.99', '139.59', '95.216']
/** Residential networks far from every claimed home: where a remote operator works from. */
const OPERATOR_PREFIX = ['58.19', '123.112', '112.224']
const BROWSERS = ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36', 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15', 'Mozilla/5.0 (X11; Linux x86_64; rv:131.0) Gecko/20100101 Firefox/131.0']

interface Person {
  first: string
  last: string
  origin: string
  home: Place
  street: string
  phone: string
  email: string
  university: string
  citizenship: string
}

function makePerson(r: Rand, i: number, origin = pick(r, ORIGINS), home = pickHome(r)): Person {
  const pool = NAME_POOLS[origin]!
  const first = pick(r, pool.first)
  const last = pick(r, pool.last)
  const handle = `${first}.${last}`.normalize('NFKD').replace(/[^\w.]/g, '').toLowerCase()
  return {
    first, last, origin, home,
    // Unrelated people do not share a front door: house numbers and flats leave room for a city's applicants.
    street: `${int(r, 2, 9800)} ${pick(r, home.streets)} Apt ${int(r, 1, 480)}`,
    phone: validPhone(r, home),
    email: `${handle}${i}@${pick(r, ['example.com', 'example.net', 'mail.example.org'])}`,
    university: pick(r, UNIVERSITIES),
    citizenship: pick(r, ['US', 'GB', 'CA', 'DE', 'IN', 'KR', 'NG', 'PT', 'PL', 'BR', 'MX', 'EG']),
  }
}

/** Technologies by first public release (YYYY), for resumes that mention what each job used. */
const TECH_BY_YEAR: Array<[string, number]> = [['Node.js', 2009], ['Kafka', 2011], ['TypeScript', 2012], ['Docker', 2013], ['React', 2013], ['Kubernetes', 2014], ['Terraform', 2014], ['GraphQL', 2015], ['Solidity', 2015], ['Next.js', 2016], ['Flutter', 2017], ['SwiftUI', 2019], ['Vite', 2020], ['Bun', 2022], ['LangChain', 2022]]

interface ResumeSpec {
  employers: Array<{ company: string; title: string; start: string; end: string | null; tech?: string }>
  summary: string
  bullets: string[]
  skills: string[]
  layout: number
}
function makeResumeSpec(r: Rand, careerYears: number): ResumeSpec {
  const count = careerYears < 3 ? 1 : int(r, 2, 3)
  let year = 2025
  const employers = Array.from({ length: count }, (_, i) => {
    const len = Math.max(1, Math.floor(careerYears / count))
    const startYear = year - len
    // What the job used: something that existed when it started (people name what they worked with).
    const known = TECH_BY_YEAR.filter(([, y]) => y <= startYear - 1)
    const e = { company: pick(r, COMPANIES), title: pick(r, TITLES), start: `${startYear}-${String(int(r, 1, 12)).padStart(2, '0')}`, end: i === 0 ? null : `${year}-${String(int(r, 1, 12)).padStart(2, '0')}`, ...(known.length && r() < 0.7 ? { tech: pick(r, known)[0] } : {}) }
    year -= len
    return e
  })
  return { employers, summary: pick(r, ['Engineer who ships reliable systems.', 'Developer focused on clean, tested code.', 'Backend specialist with a product mindset.']), bullets: [pick(r, BULLETS), pick(r, BULLETS)], skills: Array.from(new Set(Array.from({ length: 5 }, () => pick(r, SKILLS)))), layout: int(r, 0, 2) }
}
function resumeLines(p: Person, spec: ResumeSpec, githubUser: string): string[] {
  const lines = [`${p.first} ${p.last}`, `${p.email} | ${p.phone} | ${p.home.city}, ${p.home.country} | https://github.com/${githubUser}`, '', 'Summary', spec.summary, '', 'Experience']
  for (const e of spec.employers) {
    const end = e.end ?? 'present'
    if (spec.layout === 0) lines.push(`${e.title}, ${e.company} (${e.start} to ${end})`)
    else if (spec.layout === 1) lines.push(`${e.title} at ${e.company}, ${e.start} - ${end}`)
    else lines.push(`${e.company} | ${e.title} | ${e.start} - ${end}`)
    for (const b of spec.bullets) lines.push(`- ${b}`)
    if (e.tech) lines.push(`- Worked day to day with ${e.tech}.`)
  }
  lines.push('', 'Education', `BS Computer Science, ${p.university}`, '', 'Skills', spec.skills.join(', '))
  return lines
}
function pdfOf(lines: string[], author: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ info: { Author: author, Creator: 'Resume Builder' }, compress: true })
    const chunks: Buffer[] = []
    doc.on('data', c => chunks.push(c as Buffer))
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
    lines.forEach((l, i) => doc.fontSize(i === 0 ? 16 : 10).text(l))
    doc.end()
  })
}
const docxOf = (lines: string[], author: string) => Packer.toBuffer(new Document({ creator: author, sections: [{ children: lines.map(l => new Paragraph({ children: [new TextRun(l)] })) }] }))

function ipIn(r: Rand, prefixes: string[]) {
  return `${pick(r, prefixes)}.${int(r, 1, 254)}.${int(r, 1, 254)}`
}
/** Sign-in events over October: working hours in `tz`, from residential addresses unless told otherwise. */
function accessLog(r: Rand, account: string, homeCountry: string, tz: string, opts: NonNullable<Draft['log']>): string {
  const rows = ['timestamp,account,ip,user_agent,event']
  const ua = pick(r, BROWSERS)
  const home = ipIn(r, RESIDENTIAL_PREFIX[homeCountry] ?? ['73.12'])
  const offset = (zone: string) => {
    const d = new Date('2026-10-15T12:00:00Z')
    const local = new Date(d.toLocaleString('en-US', { timeZone: zone }))
    return Math.round((local.getTime() - new Date(d.toLocaleString('en-US', { timeZone: 'UTC' })).getTime()) / 3_600_000)
  }
  const off = offset(opts.workTz ?? tz)
  for (let day = 1; day <= 28; day++) {
    if ([4, 5, 11, 12, 18, 19, 25, 26].includes(day)) continue
    const hour = (9 + int(r, 0, 8) - off + 48) % 24
    const ts = `2026-10-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:${String(int(r, 0, 59)).padStart(2, '0')}:00Z`
    let ip = home
    let agent = ua
    let event = 'login'
    if (opts.vpn && r() < (opts.vpnShare ?? 0.15)) ip = ipIn(r, DATACENTER_PREFIX)
    // A remote operator's own connection shows through now and then, hours from the farm's.
    if (opts.hops && r() < 0.3) ip = ipIn(r, OPERATOR_PREFIX)
    if (opts.trip && day >= 20 && day <= 23) ip = ipIn(r, RESIDENTIAL_PREFIX.PT!)
    if (opts.remoteTool && r() < 0.35) {
      agent = pick(r, ['AnyDesk/8.0.14', 'TeamViewer/15.58', 'Chrome Remote Desktop/126.0'])
      event = 'remote_session'
    }
    rows.push(`${ts},${account},${ip},"${agent}",${event}`)
    // Other workers' accounts at the same farm connection.
    if (opts.sharedIp && r() < 0.3) rows.push(`${ts.replace(/:00Z$/, ':30Z')},${pick(r, opts.sharedIp.accounts)},${opts.sharedIp.ip},"${ua}",login`)
  }
  return `${rows.join('\n')}\n`
}

const BENIGN = [
  ['standard', 36], ['abroad_honest', 10], ['career_changer', 8], ['new_freelancer', 10], ['vpn_user', 8], ['traveler', 7], ['crypto_freelancer', 7], ['voip_user', 5], ['camera_failure', 5],
  ['ships_to_office', 2], ['own_company_payee', 2],
] as const
const PATTERN = [['solo_strong', 30], ['solo_moderate', 30], ['ring', 40]] as const
function weighted<T extends string>(r: Rand, table: ReadonlyArray<readonly [T, number]>): T {
  let x = r() * table.reduce((a, [, w]) => a + w, 0)
  for (const [k, w] of table) if ((x -= w) < 0) return k
  return table[0]![0]
}

interface Options {
  size: number
  seed: number
  /** share of pattern applicants */
  patternShare?: number
}

interface Draft {
  id: string
  label: 'benign' | 'pattern'
  archetype: string
  ring: string | null
  person: Person
  kind: 'candidate' | 'contractor'
  resume: ResumeSpec
  format: 'pdf' | 'docx' | 'txt'
  photo: { seed: number; variant: number }
  github: { user: string; created: string }
  upwork?: Record<string, unknown>
  shipping?: Record<string, unknown>
  shippingNote?: string
  payment?: Record<string, unknown>
  phoneLineType?: string
  interview?: { video: string; observations: string[] }
  references: Array<Record<string, unknown>>
  log?: { workTz?: string; remoteTool?: boolean; vpn?: boolean; vpnShare?: number; trip?: boolean; hops?: boolean; sharedIp?: { ip: string; accounts: string[] } }
  submissionIp: string
  resumeOwner?: Person
}

/**
 * Traits the advisories describe for personas, each drawn independently so that no pattern applicant
 * has all of them: new accounts against a long career, a boosted freelancer profile, webmail referees,
 * technology claimed before it existed, a disposable mailbox, a stand-in at the interview, and
 * submissions through rented servers.
 */
function personaTraits(r: Rand, d: Draft, person: Person, p: { dc: number }): void {
  if (r() < p.dc) d.submissionIp = ipIn(r, DATACENTER_PREFIX)
  if (r() < 0.5) d.github.created = `2026-0${int(r, 1, 8)}-1${int(r, 0, 9)}`
  if (d.kind === 'contractor' && r() < 0.6) {
    d.upwork = { network: 'upwork', username: d.github.user, created_at: `2026-0${int(r, 1, 8)}-0${int(r, 1, 9)}`, rating: 5, reviews: int(r, 1, 4), jobs_completed: int(r, 1, 4), hourly_rate_usd: int(r, 18, 35), country: r() < 0.4 ? pick(r, ['UA', 'RU', 'CN', 'VN', 'AE']) : person.home.country, identity_verified: r() < 0.3 }
  }
  if (r() < 0.5) d.references[0]!.email = `${String(d.references[0]!.name).normalize('NFKD').replace(/[^\w]/g, '').toLowerCase()}.dev@gmail.com`
  if (r() < 0.3) {
    const job = d.resume.employers[d.resume.employers.length - 1]!
    const endYear = Number((job.end ?? '2025').slice(0, 4))
    const later = TECH_BY_YEAR.filter(([, y]) => y >= endYear + 1)
    if (later.length) d.resume = { ...d.resume, employers: d.resume.employers.map(e => (e === job ? { ...e, tech: pick(r, later)[0] } : e)) }
  }
  if (r() < 0.08) person.email = person.email.replace(/@.*$/, `@${pick(r, ['mailinator.com', 'yopmail.com', 'guerrillamail.com'])}`)
  if (r() < 0.15) d.interview = { video: 'completed', observations: [pick(r, ['Looked like a different person in the second round', 'Would not hold the ID up to the camera', 'Face blurred when asked to wave a hand in front of it; failed liveness'])] }
}

/** Decide every applicant (pure and seeded); rendering to files happens after. */
function draft(options: Options): Draft[] {
  usedPhones.clear()
  const r = mulberry32(options.seed)
  const drafts: Draft[] = []
  const patternTarget = Math.round(options.size * (options.patternShare ?? 0.1))
  let ringNo = 0
  while (drafts.length < options.size) {
    const i = drafts.length
    const isPattern = drafts.filter(d => d.label === 'pattern').length < patternTarget && r() < (patternTarget / options.size) * 1.6
    const archetype = isPattern ? weighted(r, PATTERN) : weighted(r, BENIGN)
    const members = archetype === 'ring' ? Math.min(int(r, 3, 6), options.size - i) : 1
    const ring = archetype === 'ring' ? `R${++ringNo}` : null
    // A ring shares one template, one laptop-farm address, one payee, one reference phone and one face.
    const shared = {
      resume: makeResumeSpec(r, int(r, 5, 12)),
      address: pick(r, FORWARDERS),
      // A facilitator's account: a real person's name, of any origin.
      payee: `${pick(r, NAME_POOLS[pick(r, ORIGINS)]!.first)} ${String.fromCharCode(65 + int(r, 0, 25))}. ${String.fromCharCode(65 + int(r, 0, 25))}. ${pick(r, NAME_POOLS[pick(r, ORIGINS)]!.last)}`,
      wallet: `T${Array.from({ length: 33 }, () => pick(r, [...'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz123456789'])).join('')}`,
      refPhone: validPhone(r, PLACES[1]!),
      // Distinct pictures for distinct people: seeds never repeat (a ring's is its own).
      photoSeed: 2_000_000 + ringNo,
      farmIp: ipIn(r, RESIDENTIAL_PREFIX.US!),
      owner: makePerson(r, 900_000 + ringNo),
    }
    for (let m = 0; m < members; m++) {
      const n = drafts.length
      const person = makePerson(r, n)
      const kind: Draft['kind'] = r() < 0.4 ? 'contractor' : 'candidate'
      const d: Draft = {
        id: `GEN-${options.seed}-${String(n).padStart(6, '0')}`,
        label: isPattern ? 'pattern' : 'benign',
        archetype,
        ring,
        person,
        kind,
        resume: archetype === 'ring' ? lightlyEdited(r, shared.resume) : makeResumeSpec(r, archetype === 'career_changer' ? int(r, 1, 2) : int(r, 3, 14)),
        format: pick(r, ['pdf', 'pdf', 'docx', 'txt'] as const),
        photo: { seed: archetype === 'ring' ? shared.photoSeed : 1 + n * 7 + (options.seed % 7), variant: archetype === 'ring' ? m : 0 },
        github: { user: `${person.first}${person.last}${n}`.normalize('NFKD').replace(/[^\w]/g, '').toLowerCase(), created: `${int(r, 2012, 2022)}-0${int(r, 1, 9)}-1${int(r, 0, 9)}` },
        references: [{ name: `${pick(r, NAME_POOLS[pick(r, ORIGINS)]!.first)} ${String.fromCharCode(65 + int(r, 0, 25))}. ${pick(r, NAME_POOLS[pick(r, ORIGINS)]!.last)}`, company: `${pick(r, REF_WORDS_A)} ${pick(r, REF_WORDS_B)}`, relationship: 'manager', phone: validPhone(r, person.home) }],
        submissionIp: ipIn(r, RESIDENTIAL_PREFIX[person.home.country] ?? ['73.12']),
      }
      // Most referees give a work address, some a private one.
      const ref = d.references[0]!
      const refHandle = String(ref.name).normalize('NFKD').replace(/[^\w ]/g, '').toLowerCase().replace(/ /g, '.')
      const x = r()
      if (x < 0.6) ref.email = `${refHandle}@${String(ref.company).toLowerCase().replace(/[^a-z]/g, '')}.example`
      else if (x < 0.7) ref.email = `${refHandle}@gmail.com`
      const own = `${person.first} ${person.last}`
      const homeAddress = { line1: person.street, city: person.home.city, region: person.home.region, postal_code: person.home.postal, country: person.home.country }
      if (r() < 0.5) d.shipping = homeAddress
      if (r() < 0.6) d.payment = { method: pick(r, ['bank', 'bank', 'wise', 'payoneer']), account_holder: own, bank_country: person.home.country, currency: 'USD' }
      if (r() < 0.7) d.interview = { video: 'completed', observations: ['Camera on throughout; matched ID photo'] }
      if (kind === 'contractor') d.log = {}
      switch (archetype) {
        case 'abroad_honest': break // lives abroad and says so: everything is consistent with the claimed home
        case 'new_freelancer':
          d.upwork = { network: 'upwork', username: d.github.user, created_at: '2026-06-01', rating: 5, reviews: int(r, 0, 3), jobs_completed: int(r, 0, 3), hourly_rate_usd: int(r, 15, 40), country: person.home.country, identity_verified: r() < 0.5 }
          d.github.created = '2026-05-20'
          break
        case 'vpn_user': d.kind = 'contractor'; d.log = { vpn: true }; if (r() < 0.5) d.submissionIp = ipIn(r, DATACENTER_PREFIX); break
        case 'traveler': d.kind = 'contractor'; d.log = { trip: true }; break
        case 'crypto_freelancer': d.payment = { method: 'crypto', currency: 'USDC', wallet_address: shared.wallet }; break
        case 'voip_user': d.phoneLineType = 'voip'; break
        // Honest reasons for what strong rules look for: these are the false positives reviewers must clear.
        case 'ships_to_office': d.shipping = { line1: `${int(r, 100, 900)} ${pick(r, person.home.streets)} Fl ${int(r, 2, 20)}`, city: person.home.city, region: person.home.region, postal_code: person.home.postal, country: person.home.country }; d.shippingNote = 'please ship to our co-working office'; break
        case 'own_company_payee': d.payment = { method: 'bank', account_holder: `${person.first[0]}${person.last[0]} ${person.last} ${pick(r, ['Software', 'Digital', 'Consulting', 'Labs', 'Engineering'])} LLC`, bank_country: person.home.country, currency: 'USD' }; break
        case 'camera_failure': d.interview = { video: 'camera_off', observations: ['Webcam failed; rescheduled and completed on camera the next day'] }; break
        case 'solo_strong':
          d.shipping = pick(r, FORWARDERS)
          d.shippingNote = pick(r, ['please ship to my cousin, I am moving', 'I am travelling, send it to my friend', 'temporary address'])
          d.payment = { method: pick(r, ['bank', 'payoneer']), account_holder: shared.payee, bank_country: 'US', currency: 'USD' }
          if (r() < 0.6) d.interview = { video: pick(r, ['camera_off', 'declined']), observations: ['Said the webcam was broken'] }
          if (r() < 0.5) d.phoneLineType = 'voip'
          if (d.kind === 'contractor') d.log = { workTz: 'Asia/Seoul', remoteTool: true, vpn: true, vpnShare: 0.5, hops: r() < 0.5 }
          personaTraits(r, d, person, { dc: 0.7 })
          break
        case 'solo_moderate':
          d.payment = { method: 'crypto', currency: 'USDT', wallet_address: shared.wallet }
          d.interview = { video: 'camera_off', observations: ['Long pauses before each answer'] }
          if (r() < 0.3) d.references[0]!.phone = person.phone
          personaTraits(r, d, person, { dc: 0.3 })
          break
        case 'ring':
          d.shipping = shared.address
          d.references[0]!.phone = shared.refPhone
          if (r() < 0.6) d.payment = { method: 'bank', account_holder: shared.payee, bank_country: 'US', currency: 'USD' }
          else d.payment = { method: 'crypto', currency: 'USDT', wallet_address: shared.wallet }
          // A few rings are paid to a wallet OFAC lists for a DPRK IT-worker facilitator (SDN entry 43377).
          if (ringNo % 25 === 3) d.payment = { method: 'crypto', currency: 'ETH', wallet_address: SDN_WALLETS[Math.floor(ringNo / 25) % SDN_WALLETS.length]! }
          if (r() < 0.5) d.interview = { video: 'camera_off', observations: ['Said the webcam was broken'] }
          if (d.kind === 'contractor') d.log = { workTz: 'Asia/Shanghai', remoteTool: r() < 0.5, sharedIp: { ip: shared.farmIp, accounts: [`${shared.owner.email}`, `ops${ringNo}@example.net`] } }
          // The template keeps the name and contact details of the persona it was first made for.
          if (m > 0 && r() < 0.3) d.resumeOwner = shared.owner
          personaTraits(r, d, person, { dc: 0.5 })
          break
        default: break
      }
      drafts.push(d)
      if (drafts.length >= options.size) break
    }
  }
  return drafts
}

function lightlyEdited(r: Rand, spec: ResumeSpec): ResumeSpec {
  const bullets = [...spec.bullets]
  bullets[int(r, 0, bullets.length - 1)] = pick(r, BULLETS)
  return { ...spec, bullets, skills: [...spec.skills].reverse() }
}

async function render(d: Draft): Promise<GeneratedApplication> {
  const p = d.person
  const files: GeneratedFile[] = []
  const lines = resumeLines(d.resumeOwner ?? p, d.resume, d.github.user)
  const resumeName = `${d.id}.${d.format}`
  files.push({ name: resumeName, data: d.format === 'pdf' ? await pdfOf(lines, `${p.first} ${p.last}`) : d.format === 'docx' ? await docxOf(lines, `${p.first} ${p.last}`) : Buffer.from(`${lines.join('\n')}\n`) })
  const photoName = `${d.id}.png`
  files.push({ name: photoName, data: portrait(d.photo.seed, d.photo.variant) })
  const profiles: Array<Record<string, unknown>> = [{ network: 'github', username: d.github.user, url: `https://github.com/${d.github.user}`, created_at: d.github.created, public_repos: 12, followers: 9 }]
  if (d.upwork) profiles.push({ ...d.upwork, url: `https://www.upwork.com/freelancers/~${d.github.user}`, photo: photoName })
  else profiles[0]!.photo = photoName
  const application: Record<string, unknown> = {
    format: 'vetting/application@1',
    external_id: d.id,
    source: d.kind === 'contractor' ? 'upwork' : 'greenhouse',
    kind: d.kind,
    role: d.resume.employers[0]!.title,
    submitted_at: '2026-10-30T12:00:00Z',
    person: {
      full_name: `${p.first} ${p.last}`,
      email: p.email,
      phone: p.phone,
      ...(d.phoneLineType ? { phone_line_type: d.phoneLineType } : {}),
      address: { line1: p.street, city: p.home.city, region: p.home.region, postal_code: p.home.postal, country: p.home.country },
      timezone: p.home.tz,
      citizenship: p.citizenship,
    },
    documents: [{ type: 'resume', file: resumeName }],
    profiles,
    submission: { ip: d.submissionIp, user_agent: BROWSERS[0] },
    references: d.references,
    ...(d.interview ? { interview: d.interview } : {}),
    ...(d.shipping ? { logistics: { shipping_address: d.shipping, ...(d.shippingNote ? { note: d.shippingNote } : {}) } } : {}),
    ...(d.payment ? { payment: d.payment } : {}),
  }
  if (d.log) {
    const logName = `${d.id}.access.csv`
    files.push({ name: logName, data: Buffer.from(accessLog(mulberry32(d.photo.seed + d.id.length), p.email, p.home.country, p.home.tz, d.log)) })
    application.access_log = logName
  }
  return { id: d.id, label: d.label, archetype: d.archetype, ring: d.ring, nameOrigin: p.origin, residence: p.home.country, application, files }
}

/**
 * The counterfactual twin: the name replaced by one of another origin, citizenship changed, the
 * university moved to another country. Everything else (including the person's own payee account,
 * renamed with them) stays the same.
 */
function twinOf(d: Draft, r: Rand, ringNames: readonly string[] = []): Draft {
  const origin = pick(r, ORIGINS.filter(o => o !== d.person.origin))
  const pool = NAME_POOLS[origin]!
  const own = `${d.person.first} ${d.person.last}`
  // The new name must not collide with another person in the application (a payee, a referee), nor be
  // taken for the same name as another persona of its ring (two personas in one name read as one person
  // applying twice, whose links do not count): either would change the facts, not just the name's origin.
  const taken = new Set([String(d.payment?.account_holder ?? ''), ...d.references.map(x => String(x.name ?? ''))])
  const clashes = (name: string) => taken.has(name) || ringNames.some(other => compareNames(other, name).match)
  let first = pick(r, pool.first)
  let last = pick(r, pool.last)
  for (let tries = 0; clashes(`${first} ${last}`) && tries < 50; tries++) {
    first = pick(r, pool.first)
    last = pick(r, pool.last)
  }
  const person: Person = { ...d.person, first, last, origin, citizenship: pick(r, ['US', 'GB', 'CA', 'DE', 'IN', 'KR', 'NG', 'PT', 'PL', 'BR', 'MX', 'EG'].filter(c => c !== d.person.citizenship)), university: pick(r, UNIVERSITIES.filter(u => u !== d.person.university)) }
  // The person's own company ("CL López Digital LLC") is renamed with them too: it is still their own.
  const ownCompany = `${d.person.first[0]}${d.person.last[0]} ${d.person.last} `
  const holder = String(d.payment?.account_holder ?? '')
  const payment = d.payment && holder === own ? { ...d.payment, account_holder: `${first} ${last}` } : d.payment && holder.startsWith(ownCompany) ? { ...d.payment, account_holder: holder.replace(ownCompany, `${first[0]}${last[0]} ${last} `) } : d.payment
  // Handles made from the name follow the name, as they would for a real person of that name.
  const handle = `${first}.${last}`.normalize('NFKD').replace(/[^\w.]/g, '').toLowerCase()
  person.email = d.person.email.replace(/^[^@]*?(\d*)@/, `${handle}$1@`)
  const github = { ...d.github, user: d.github.user.replace(/^[a-z]+/, `${first}${last}`.normalize('NFKD').replace(/[^\w]/g, '').toLowerCase()) }
  return { ...d, person, github, ...(payment ? { payment } : {}) }
}

export async function generatePopulation(options: Options, onEach: (app: GeneratedApplication, twin: GeneratedApplication) => Promise<void>): Promise<void> {
  const drafts = draft(options)
  const r = mulberry32(options.seed ^ 0x5eed)
  const ringTwins = new Map<string, string[]>()
  for (const d of drafts) {
    const twin = twinOf(d, r, d.ring ? (ringTwins.get(d.ring) ?? []) : [])
    if (d.ring) ringTwins.set(d.ring, [...(ringTwins.get(d.ring) ?? []), `${twin.person.first} ${twin.person.last}`])
    await onEach(await render(d), await render(twin))
  }
}
