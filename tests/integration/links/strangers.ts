/**
 * A small labelled population made to fuse strangers, written by hand from the failures measured on
 * independent data (issue 14): distinct rings sharing one freight forwarder's address, a lone applicant
 * paying the same common payee name as a ring, a staffing agency's office, switchboard, network and payee
 * on its honest candidates' applications, and one address written several ways inside a ring. It is our
 * own data: it shows the design does what it says, not how it does in the field.
 */
export interface StrangerApp {
  id: string
  label: 'benign' | 'pattern'
  ring: string
  application: Record<string, unknown>
}

const FORWARDER = { line1: '1500 NW 89th Ct Ste 110', city: 'Doral', region: 'FL', postal_code: '33172', country: 'US' }
const MAIL_DROP = { line1: '85 Garden Pkwy PMB 301', city: 'Nashua', region: 'NH', postal_code: '03060', country: 'US' }
const AGENCY = {
  name: 'Brightpath Staffing',
  kind: 'staffing_agency',
  address: { line1: '200 Congress Ave Fl 12', city: 'Austin', region: 'TX', postal_code: '78701', country: 'US' },
  phone: '+1 512 555 0100',
  email: 'talent@brightpath.example',
  network: '198.51.100.0/24',
  payee: { account_holder: 'Brightpath Staffing LLC', account_number: '4400012345', bank: 'Frost Bank' },
}

let n = 0
function app(id: string, name: string, extra: Record<string, unknown>): Record<string, unknown> {
  n++
  const handle = name.toLowerCase().replace(/[^a-z]+/g, '.')
  return {
    format: 'vetting/application@1',
    external_id: id,
    kind: 'candidate',
    person: {
      full_name: name,
      email: `${handle}@example.org`,
      phone: `+1 312 555 ${String(1000 + n).slice(-4)}`,
      address: { line1: `${100 + n} Maple Ave`, city: 'Chicago', region: 'IL', postal_code: '60614', country: 'US' },
    },
    ...extra,
  }
}

export function strangersPopulation(): StrangerApp[] {
  n = 0
  const out: StrangerApp[] = []
  const push = (id: string, label: StrangerApp['label'], ring: string, name: string, extra: Record<string, unknown>) => out.push({ id, label, ring, application: app(id, name, extra) })
  // R1: one IBAN written three ways; ships to the forwarder; pays "Michael Johnson" (a common name).
  for (const [i, [name, iban]] of ([['Kevin Brandt', 'DE89 3704 0044 0532 0130 00'], ['Maria Lindqvist', 'de89370400440532013000'], ['Tomasz Zielinski', 'DE89-3704-0044-0532-0130-00']] as const).entries()) {
    push(`R1-${i}`, 'pattern', 'R1', name, { logistics: { shipping_address: FORWARDER }, payment: { method: 'bank', account_holder: 'Michael Johnson', iban } })
  }
  // R2: one wallet; ships to the same forwarder as R1 (a forwarder's customers are strangers to each other).
  for (const [i, name] of ['Aaron Fischer', 'Bianca Rossi', 'Carlos Mendes'].entries()) {
    push(`R2-${i}`, 'pattern', 'R2', name, { logistics: { shipping_address: FORWARDER }, payment: { method: 'crypto', wallet_address: 'TQn9Y2khEsLJW1ChVWFMSMeRDow5KcbLSE' } })
  }
  // R3: a laptop farm's home, written three ways (Apt/#/Unit, ZIP+4, "c/o").
  const farm = [
    { line1: '48 Birch Lane Apt 2', city: 'Atlanta', postal_code: '30301-1234', country: 'US' },
    { line1: '48 Birch Ln #2', city: 'Atlanta', postal_code: '30301', country: 'US' },
    { line1: 'c/o K. Moss', line2: '48 Birch Lane, Unit 2', city: 'Atlanta', postal_code: '30301', country: 'US' },
  ]
  for (const [i, name] of ['Dmitri Volkov', 'Elena Petrova', 'Farid Haddad'].entries()) push(`R3-${i}`, 'pattern', 'R3', name, { logistics: { shipping_address: farm[i] } })
  // R4: two supporting values of different kinds together: one mail drop and one facilitator's name.
  for (const [i, name] of ['Grace Okafor', 'Hugo Lambert'].entries()) push(`R4-${i}`, 'pattern', 'R4', name, { logistics: { shipping_address: MAIL_DROP }, payment: { method: 'payoneer', account_holder: 'Olena Marchenko' } })
  // A lone pattern applicant using the same forwarder as R1 and R2.
  push('S-1', 'pattern', '', 'Ivan Sokolov', { logistics: { shipping_address: FORWARDER, note: 'I am travelling, send it to my friend' } })
  // An honest applicant paid to a common name, as R1 is: a spouse's account, no account details given.
  push('B-1', 'benign', '', 'Priya Nair', { payment: { method: 'bank', account_holder: 'Michael Johnson' } })
  // Two honest colleagues naming the same manager as their referee (email and phone: one referee).
  for (const [i, name] of ['Jonas Weber', 'Lucia Gomez'].entries()) push(`B-2${i}`, 'benign', '', name, { references: [{ name: 'Sam Ortiz', company: 'Bluepeak', email: 'sam.ortiz@bluepeak.example', phone: '+1 415 662 0192' }] })
  // A couple: one home, given as their own by both (written two ways).
  for (const [i, [name, line1]] of ([['Anna Kowalski', '77 Elm St Apt 3'], ['Marek Nowak', '77 Elm Street, #3']] as const).entries()) {
    const a = app(`H-${i}`, name, {})
    ;(a.person as Record<string, unknown>).address = { line1, city: 'Chicago', region: 'IL', postal_code: '60614', country: 'US' }
    out.push({ id: `H-${i}`, label: 'benign', ring: '', application: a })
  }
  // Four honest candidates through one staffing agency that declares itself: its office, switchboard,
  // network and payee are on every application. A fifth does not declare it but gives the same office and switchboard.
  for (const [i, name] of ['Noah Williams', 'Olivia Brown', 'Liam Garcia', 'Emma Martinez'].entries()) {
    const a = app(`AG-${i}`, name, {
      source: 'staffing-agency',
      // Declared as "intermediary", or as "agency" with "contact_email" (other names the format reads).
      ...(i < 2 ? { intermediary: AGENCY } : { agency: { name: AGENCY.name, address: AGENCY.address, phone: AGENCY.phone, contact_email: AGENCY.email, payee: AGENCY.payee } }),
      logistics: { shipping_address: AGENCY.address },
      payment: { method: 'bank', ...AGENCY.payee },
      submission: { ip: `198.51.100.${10 + i}` },
    })
    ;(a.person as Record<string, unknown>).phone = AGENCY.phone
    out.push({ id: `AG-${i}`, label: 'benign', ring: '', application: a })
  }
  // R5: a front company's team: one work history, its bullets word for word, inside resumes whose summaries,
  // schooling and skills are each member's own (the independent population's front-company teams).
  const team = [
    'Instrumented the loyalty-points ledger in Elixir, handling $10M in volume.',
    'Introduced a fraud-scoring microservice in C#/.NET, with no customer-visible downtime.',
    'Instrumented a GraphQL gateway in Rust, handling $155M in volume.',
    'Cut a cross-chain bridge relayer in Solidity, cutting p95 latency by 28%.',
  ]
  const own = [
    ['Led checkout rewrites for a grocery chain and mentored four junior developers across two offices.', 'Built a data warehouse for a regional hospital group, from ingestion to dashboards used every morning.', 'Ran the on-call rotation for a payments team and wrote its incident handbook from scratch.'],
    ['Maintained an open-source charting library with two hundred contributors and a monthly release train.', 'Designed the mobile onboarding flow for a fitness app that doubled its week-one retention.', 'Taught an evening course on web accessibility at the community college for three semesters.'],
    ['Migrated a logistics company from cron jobs to an event-driven pipeline with replayable topics.', 'Wrote the search ranking for a real-estate marketplace and measured it with interleaving tests.', 'Organised the city JavaScript meetup and its yearly conference for about four hundred people.'],
  ]
  for (const [i, name] of ['Oliver Grant', 'Yusuf Demir', 'Hannah Berg'].entries()) {
    push(`R5-${i}`, 'pattern', 'R5', name, {
      resume: {
        basics: { name, summary: own[i]![0] },
        work: [
          { name: 'Silverline Network Tech', position: 'Full Stack Developer', startDate: '2019-03', highlights: team.slice(0, 3) },
          { name: ['Grab', 'Shopify', 'Atlassian'][i], position: 'Engineer', startDate: '2016-01', endDate: '2019-02', highlights: [team[3]!, own[i]![1]!, own[i]![2]!] },
        ],
        education: [{ institution: ['Northeastern University', 'NC State University', 'University of Utah'][i], area: 'Computer Science', studyType: 'BS' }],
        skills: [{ name: 'Skills', keywords: [['Java', 'Redis'], ['Vue', 'Go'], ['Python', 'Spark']][i] }],
      },
    })
  }
  // Two honest applicants whose resumes share two stock lines and nothing else: not a ring.
  const stock = ['Collaborated with product managers and designers to deliver features on schedule.', 'Participated in code reviews and helped maintain high standards of quality.']
  for (const [i, name] of ['Rosa Delgado', 'Ken Watanabe'].entries()) {
    push(`B-3${i}`, 'benign', '', name, {
      resume: {
        basics: { name, summary: own[i]![2] },
        work: [{ name: ['Acme Health', 'Northwind Freight'][i], position: 'Software Engineer', startDate: '2018-05', highlights: [...stock, own[(i + 1) % 3]![1]!, own[(i + 2) % 3]![0]!] }],
      },
    })
  }
  const undeclared = app('AG-9', 'Sofia Rossi', { logistics: { shipping_address: { ...AGENCY.address, line1: '200 Congress Avenue, Floor 12' } } })
  ;(undeclared.person as Record<string, unknown>).phone = '(512) 555-0100'
  out.push({ id: 'AG-9', label: 'benign', ring: '', application: undeclared })
  return out
}

/** Pairwise precision and recall of predicted groups against the labelled rings, and benign applicants in any group. */
export function pairwise(labels: StrangerApp[], groups: string[][]): { precision: number; recall: number; f1: number; predicted: number; truePairs: number; benignLinked: number } {
  const ringOf = new Map(labels.map(l => [l.id, l.ring]))
  const pairs = (k: number) => (k * (k - 1)) / 2
  let predicted = 0
  let correct = 0
  for (const g of groups) {
    predicted += pairs(g.length)
    const byRing = new Map<string, number>()
    for (const id of g) if (ringOf.get(id)) byRing.set(ringOf.get(id)!, (byRing.get(ringOf.get(id)!) ?? 0) + 1)
    for (const k of byRing.values()) correct += pairs(k)
  }
  const sizes = new Map<string, number>()
  for (const l of labels) if (l.ring) sizes.set(l.ring, (sizes.get(l.ring) ?? 0) + 1)
  const truePairs = [...sizes.values()].reduce((a, k) => a + pairs(k), 0)
  const precision = predicted ? correct / predicted : 1
  const recall = truePairs ? correct / truePairs : 1
  const grouped = new Set(groups.flat())
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0, predicted, truePairs, benignLinked: labels.filter(l => l.label === 'benign' && grouped.has(l.id)).length }
}
