import type { AccessEvent } from '../extract/accessLog'
import { testReferenceData } from '../rules/ruleTestKit'
import type { FactRecord } from '../rules/caseFacts'
import { eventsToScore, heldLogNote, judgeApplication, judgedAsOf, linkMaterial, logVerdict, photoToLink, type ResumeInput } from './judgeApplication'

const ref = testReferenceData()
const fact = (field: string, value: unknown): FactRecord => ({ field, value, source: 'application', where: `application: ${field}` })
const dana = [fact('person.full_name', 'Dana Whitfield'), fact('person.email', 'dana.w@example.org'), fact('profile', { network: 'github', username: 'danaw-dev' })]
/** Every sign-in through remote-control software: scored, it flags network-remote-access-tool. */
const remote = (...accounts: Array<string | null>): AccessEvent[] =>
  accounts.flatMap((account, i) => [
    { occurredAt: `2026-10-0${i + 1}T10:00:00.000Z`, account, ip: '198.51.100.7', userAgent: 'AnyDesk/8.0.14', event: 'remote_session' },
    { occurredAt: `2026-10-0${i + 1}T11:00:00.000Z`, account, ip: '198.51.100.7', userAgent: 'TeamViewer 15', event: 'remote_session' },
  ])
const asOf = new Date('2026-11-01T00:00:00Z')
const remoteFlag = (records: FactRecord[], logs: Parameters<typeof eventsToScore>[1]) => judgeApplication({ kind: 'contractor', records, logs, asOf }, ref, { links: [] }).evaluation.findings.find(f => f.rule === 'network-remote-access-tool')!.status

describe('evidence belongs to the subject (the pipeline both doors use)', () => {
  it("holds another person's log: nothing in it is scored, and says whose it is", () => {
    const judged = judgeApplication({ kind: 'contractor', records: dana, logs: [{ name: 'signins.csv', events: remote('kevin.oneill@contoso.example') }], asOf }, ref, { links: [] })
    expect(judged.events).toBeUndefined()
    expect(judged.logs).toEqual([{ name: 'signins.csv', accounts: ['kevin.oneill@contoso.example'], status: 'held' }])
    expect(judged.evaluation.findings.find(f => f.rule === 'network-remote-access-tool')!.status).toBe('not_applicable')
    expect(heldLogNote(judged.logs[0]!)).toBe("sign-in log signins.csv for kevin.oneill@contoso.example held: not this applicant's known accounts")
  })

  it('scores a log of the applicant’s own email (any case, a +tag) or profile handle', () => {
    expect(remoteFlag(dana, [{ name: 'a.csv', events: remote('Dana.W+jobs@example.org') }])).toBe('flag')
    expect(remoteFlag(dana, [{ name: 'b.csv', events: remote('danaw-dev') }])).toBe('flag')
    // An address must match whole: dana.w at another domain may be another Dana.
    expect(remoteFlag(dana, [{ name: 'c.csv', events: remote('dana.w@other.example') }])).toBe('not_applicable')
  })

  it('scores a log naming the applicant and others whole (a shared home connection is itself a finding), and a log naming no account', () => {
    const { events, logs } = eventsToScore(dana, [{ name: 'farm.csv', events: remote('ops1@farm.example', 'dana.w@example.org', 'ops2@farm.example') }])
    expect(logs[0]!.status).toBe('scored')
    expect(new Set(events!.map(e => e.account))).toEqual(new Set(['ops1@farm.example', 'dana.w@example.org', 'ops2@farm.example']))
    expect(eventsToScore(dana, [{ name: 'plain.csv', events: remote(null) }]).logs[0]!.status).toBe('scored')
  })

  it('asks nothing when the app already decided: held and discarded are not scored, confirmed, matched and unasked are', () => {
    const known = new Set<string>()
    const log = { name: 'x.csv', events: remote('kevin@contoso.example'), accounts: ['kevin@contoso.example'] }
    expect(logVerdict({ ...log, decision: 'held' }, known).status).toBe('held')
    expect(logVerdict({ ...log, decision: 'discarded' }, known).status).toBe('discarded')
    expect(logVerdict({ ...log, decision: 'confirmed' }, known).status).toBe('scored')
    expect(logVerdict({ ...log, decision: 'matched' }, known).status).toBe('scored')
    expect(logVerdict({ ...log, decision: null }, known).status).toBe('scored')
    expect(logVerdict(log, known).status).toBe('held')
  })

  it('hands the rules the same events whatever order a door read them in', () => {
    const events = [...remote('dana.w@example.org', 'dana.w@example.org'), { occurredAt: '2026-10-01T10:00:00.000Z', account: 'dana.w@example.org', ip: '198.51.100.9', userAgent: 'Mozilla/5.0', event: 'login' }]
    const a = eventsToScore(dana, [{ name: 'l.csv', events }]).events
    const b = eventsToScore(dana, [{ name: 'l.csv', events: [...events].reverse() }]).events
    expect(b).toEqual(a)
    expect(a!.map(e => e.occurredAt)).toEqual([...a!.map(e => e.occurredAt)].sort())
  })

  it('judges an undated application as of the start of the day, a dated one as of its date', () => {
    expect(judgedAsOf(null, new Date('2026-12-04T15:37:00Z')).toISOString()).toBe('2026-12-04T00:00:00.000Z')
    expect(judgedAsOf('2026-10-02T09:00:00Z', new Date('2026-12-04T15:37:00Z')).toISOString()).toBe('2026-10-02T09:00:00.000Z')
  })
})

describe('link material (the pipeline both doors use)', () => {
  const text = (who: string) =>
    `${who}\n${who.split(' ')[0]!.toLowerCase()}@example.org\nBackend engineer at Bluepeak Software from 2019 to the present, building payment services in Go and PostgreSQL, on call for the ledger team, and mentoring two junior engineers through code review and pairing sessions every week.`
  const resume = (name: string, body: string): ResumeInput => ({ name, sha256: name.padEnd(64, '0'), text: body, metadata: { author: 'dw', creator: 'Word', producer: null, created: '2026-01-01T00:00:00Z' } })
  const home = () => false

  it('masks the applicant’s own name and contacts: two people with the same resume text share its shingles', () => {
    const a = linkMaterial([fact('person.full_name', 'Dana Whitfield')], [resume('cv.txt', text('Dana Whitfield'))], null, home)
    const b = linkMaterial([fact('person.full_name', 'Kevin Brandt')], [resume('resume.txt', text('Kevin Brandt'))], null, home)
    expect(a.shingleSet.length).toBeGreaterThan(10)
    expect([...b.shingleSet]).toEqual([...a.shingleSet])
    expect(a.name).toBe('Dana Whitfield')
    expect(a.keys.some(k => k.kind === 'document')).toBe(true)
  })

  it('does not depend on the order a door lists the resumes in, and compares no resume shorter than 20 words', () => {
    const one = resume('a.txt', text('Dana Whitfield'))
    const two = resume('b.txt', 'Shipping manifests for the warehouse and the customs brokers in the harbour district, kept daily and filed weekly with the port authority.')
    const forward = linkMaterial(dana, [one, two], null, home)
    const backward = linkMaterial(dana, [two, one], null, home)
    expect([...backward.shingleSet]).toEqual([...forward.shingleSet])
    expect(backward.keys).toEqual(forward.keys)
    expect(linkMaterial(dana, [resume('short.txt', 'Go, SQL and Kubernetes.')], null, home).shingleSet.length).toBe(0)
  })

  it('links on the same photo whichever order the photos come in', () => {
    const photos = [{ name: 'b.png', sha256: '1' }, { name: 'a.png', sha256: '2' }, { name: 'a.png', sha256: '0' }]
    expect(photoToLink(photos)).toEqual({ name: 'a.png', sha256: '0' })
    expect(photoToLink([...photos].reverse())).toEqual({ name: 'a.png', sha256: '0' })
    expect(photoToLink([])).toBeUndefined()
  })
})
