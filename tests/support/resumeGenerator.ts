/**
 * Varied synthetic resumes with known truth, for measuring extraction. Layouts, date styles, contact
 * lines and name shapes vary the way real resumes do; a seeded generator keeps every run identical.
 */
export interface ResumeTruth {
  name: string
  email: string
  phoneE164: string
  urls: string[]
  employers: Array<{ company: string; title: string }>
}

const FIRST = ['Dana', 'Priya', 'Tomás', 'Aiko', 'Chinedu', 'Olga', 'Mateo', 'Fatima', 'Liam', 'Mei', 'Jonas', 'Ana', 'Kwame', 'Sofia', 'Arjun', 'Noor', 'Lukas', 'Yuki', 'Amara', 'Diego']
const LAST = ['Whitfield', 'Venkataraman', 'Aguilar', 'Tanaka', 'Okafor', 'Petrova', 'Rossi', 'Haddad', 'Byrne', 'Chen', 'Weber', 'Silva', 'Mensah', 'García', "O'Neil", 'Kowalski', 'Nguyen', 'van Dijk', 'Larsen', 'Moreau']
const COMPANIES = ['Bluepeak Software', 'Orbital Freight', 'Northgate Digital', 'Harbor & Pine Labs', 'Lusa Data', 'Sakura Apps', 'Greenline Health', 'Quartz Analytics', 'Meridian Bank', 'Tidewater Logistics', 'Copperleaf Games', 'Atlas Robotics']
const TITLES = ['Software Engineer', 'Senior Backend Engineer', 'Frontend Developer', 'Data Engineer', 'DevOps Engineer', 'Staff Engineer', 'Full Stack Developer', 'Mobile Developer', 'QA Engineer', 'Engineering Manager']
const PHONES: Array<[string, string]> = [
  ['+1 312 483 2212', '+13124832212'],
  ['+44 20 7946 0958', '+442079460958'],
  ['+49 30 1234567', '+49301234567'],
  ['+81 3 1234 5678', '+81312345678'],
  ['+351 912 345 678', '+351912345678'],
  ['+34 612 345 678', '+34612345678'],
  ['+61 2 9876 5432', '+61298765432'],
  ['+91 98765 43210', '+919876543210'],
  ['+234 803 123 4567', '+2348031234567'],
  ['+1 (646) 555-0199', '+16465550199'],
]
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

function rng(seed: number) {
  let x = seed
  return () => (x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
}

export function generateResume(seed: number): { lines: string[]; truth: ResumeTruth } {
  const r = rng(seed * 7919 + 17)
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!
  const first = pick(FIRST)
  const last = pick(LAST)
  const name = `${first} ${last}`
  const handle = `${first}${last}`.toLowerCase().replace(/[^a-z]/g, '')
  const email = `${handle}${Math.floor(r() * 90) + 10}@${pick(['example.com', 'mail.example.org', 'example.net'])}`
  const [phoneShown, phoneE164] = pick(PHONES)
  const urls = [`https://github.com/${handle}`]
  if (r() < 0.7) urls.push(`https://www.linkedin.com/in/${handle}-${Math.floor(r() * 900) + 100}`)
  const count = 2 + Math.floor(r() * 2)
  const employers = Array.from({ length: count }, (_, i) => ({ company: COMPANIES[(seed + i * 5) % COMPANIES.length]!, title: TITLES[(seed * 3 + i) % TITLES.length]! }))
  const layout = seed % 4
  const dateStyle = seed % 3
  const date = (y: number, m: number) => (dateStyle === 0 ? `${y}-${String(m).padStart(2, '0')}` : dateStyle === 1 ? `${MONTHS[m - 1]} ${y}` : `${String(m).padStart(2, '0')}/${y}`)
  const lines: string[] = []
  lines.push(layout === 3 ? name.toUpperCase() : name)
  const contact = [email, phoneShown, ...urls.map(u => (r() < 0.5 ? u.replace('https://', '') : u))]
  if (layout === 1) lines.push(...contact)
  else lines.push(contact.join(layout === 2 ? ' · ' : ' | '))
  lines.push('', pick(['Summary', 'Profile']), 'Engineer who likes shipping reliable systems.', '', pick(['Experience', 'Work Experience', 'EXPERIENCE', 'Professional Experience']))
  let year = 2024
  employers.forEach((e, i) => {
    const end = i === 0 ? 'Present' : date(year, 6)
    const start = date(year - 3, 2)
    year -= 3
    if (layout === 0) lines.push(`${e.title}, ${e.company} (${start} to ${end})`)
    else if (layout === 1) lines.push(`${e.title} at ${e.company}, ${start} – ${end}`)
    else if (layout === 2) lines.push(`${e.company} | ${e.title} | ${start} - ${end}`)
    else lines.push(e.company, e.title, `${start} – ${end}`)
    lines.push('- Built and ran production services.')
  })
  lines.push('', 'Education', `BS Computer Science, ${pick(['University of Lisbon', 'Rutgers University', 'Kyoto University', 'University of Lagos', 'TU Berlin'])} (2008 - 2012)`, '', 'Skills', 'Go, TypeScript, PostgreSQL, Kubernetes')
  return { lines, truth: { name: layout === 3 ? name.toUpperCase() : name, email, phoneE164, urls, employers } }
}
