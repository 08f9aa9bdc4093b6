import type TestAgent from 'supertest/lib/agent'
import { readDocument } from '../../../src/extract/readDocument'
import { parseApplication, type Application } from '../../../src/ingest/applicationFormat'
import { systemActor } from '../../../src/services/context'
import { addUser, createTestApp, signIn, type TestApp } from '../../support/appSetup'

type Session = { agent: TestAgent; csrf: string }

const application = (value: unknown): Application => {
  const r = parseApplication(value)
  if (!r.ok) throw new Error(r.problems.join('; '))
  return r.value
}

const WALLET = '0x52908400098527886E0F7030069857D2E4169EE7'
const IBAN = 'GB82WEST12345698765432'
/** Every way the full values could be written in a page: as typed, normalised, lower case, grouped. */
const FULL = [WALLET, WALLET.toLowerCase(), IBAN, 'GB82 WEST 1234 5698 7654 32', 'WEST12345698765432']

/** Two applications in different names paid to one wallet and one IBAN: one ring, a crypto-payout flag each. */
const app = (id: string, name: string) =>
  application({
    format: 'vetting/application@1', external_id: id, kind: 'contractor',
    person: { full_name: name, email: `${id.toLowerCase()}@example.org` },
    payment: { method: 'crypto', currency: 'USDT', wallet_address: WALLET, iban: IBAN, account_holder: name },
  })

/** Issue 17: payout accounts, wallets and ID numbers masked for roles that do not need them in full, shown on request with an audit event. */
describe('sensitive fields: masked by default, shown in full on request', () => {
  let t: TestApp
  const as: Record<string, Session> = {}
  const ids: string[] = []
  let reference = ''

  beforeAll(async () => {
    t = await createTestApp()
    for (const role of ['recruiter', 'security', 'manager'] as const) {
      await addUser(t.services, role)
      as[role] = await signIn(t.app, `${role}@example.test`)
    }
    const none = async () => ({ problem: 'none' })
    for (const [id, name] of [['SF-1', 'Kevin Brandt'], ['SF-2', 'Maria Lindqvist']] as const) {
      const out = await t.services.ingest.importApplication(`${id}.json`, app(id, name), none, systemActor())
      ids.push('caseId' in out ? out.caseId : '')
    }
    reference = (await t.services.cases.view(ids[0]!, systemActor())).case.reference
  })
  afterAll(() => t.close())

  const pages = async (who: string) => {
    const out: Record<string, string> = {}
    for (const tab of ['findings', 'evidence', 'links']) out[tab] = (await as[who]!.agent.get(`/cases/${ids[0]}?tab=${tab}`).expect(200)).text
    out.ring = (await as[who]!.agent.get(`/rings/${reference}`).expect(200)).text
    return out
  }
  const noFullValue = (html: string) => FULL.filter(v => html.includes(v))

  it('a recruiter sees them masked on the case page and the ring page, the full value nowhere in the HTML', async () => {
    const seen = await pages('recruiter')
    for (const [where, html] of Object.entries(seen)) expect({ where, found: noFullValue(html) }).toEqual({ where, found: [] })
    expect(seen.evidence).toContain('0x5290…9EE7')
    expect(seen.evidence).toContain('GB82 •••• •••• 5432')
    expect(seen.findings).toContain('0x5290…9EE7') // the crypto-payout flag's message and evidence
    expect(seen.ring).toContain('0x5290…9EE7') // "what they share"
    expect(seen.evidence).toContain('data-qa="sensitive-masked"')
    expect(seen.evidence).toContain(`action="/cases/${ids[0]}/reveal"`)
  })

  it('a manager sees them masked too', async () => {
    const seen = await pages('manager')
    for (const [where, html] of Object.entries(seen)) expect({ where, found: noFullValue(html) }).toEqual({ where, found: [] })
    expect(seen.evidence).toContain('0x5290…9EE7')
  })

  it('security sees them in full, with nothing to reveal', async () => {
    const seen = await pages('security')
    expect(seen.evidence).toContain(WALLET)
    expect(seen.evidence).toContain(IBAN)
    expect(seen.ring).toContain(WALLET)
    expect(seen.evidence).not.toContain('data-qa="sensitive-masked"')
  })

  it('the record form shows them masked, and a masked value sent back keeps what was recorded', async () => {
    const form = (await as.recruiter!.agent.get(`/cases/${ids[1]}/record/payment`).expect(200)).text
    expect(noFullValue(form)).toEqual([])
    expect(form).toContain('value="0x5290…9EE7"')
    await as.recruiter!.agent.post(`/cases/${ids[1]}/record/payment`).field('_csrf', as.recruiter!.csrf).field('method', 'crypto').field('currency', 'USDC').field('account_holder', 'Maria Lindqvist').field('wallet_address', '0x5290…9EE7').field('iban', 'GB82 •••• •••• 5432').expect(303)
    const payment = (await t.services.db('facts').where({ case_id: ids[1], field: 'payment' }).whereNull('superseded_at').first('value')) as { value: string }
    expect(JSON.parse(payment.value)).toMatchObject({ currency: 'USDC', wallet_address: WALLET, iban: IBAN })
  })

  it('the case report (PDF) is masked as the case page is: masked for a recruiter, in full for security', async () => {
    const pdfOf = async (who: string) => {
      const res = await as[who]!.agent.get(`/cases/${ids[0]}/report.pdf`).buffer(true).parse((r, cb) => {
        const chunks: Buffer[] = []
        r.on('data', (c: Buffer) => chunks.push(c))
        r.on('end', () => cb(null, Buffer.concat(chunks)))
      }).expect(200)
      // Long values may wrap: compared without whitespace.
      return (await readDocument(res.body as Buffer)).pages.join('\n').replace(/\s+/g, '')
    }
    const recruiter = await pdfOf('recruiter')
    expect(FULL.map(v => v.replace(/\s+/g, '')).filter(v => recruiter.includes(v))).toEqual([])
    expect(recruiter).toContain('0x5290')
    const security = await pdfOf('security')
    expect(security).toContain(WALLET)
  })

  it('“Show in full” shows one case’s values in full and records which fields, never the values', async () => {
    const res = await as.recruiter!.agent.post(`/cases/${ids[0]}/reveal`).type('form').send({ _csrf: as.recruiter!.csrf, reason: 'Checking the payee with the bank', tab: 'evidence' }).expect(303)
    expect(res.headers.location).toBe(`/cases/${ids[0]}?tab=evidence`)
    const page = (await as.recruiter!.agent.get(`/cases/${ids[0]}?tab=evidence`).expect(200)).text
    expect(page).toContain(WALLET)
    expect(page).toContain('data-qa="sensitive-revealed"')
    // Only that case: the other application's page stays masked.
    expect(noFullValue((await as.recruiter!.agent.get(`/cases/${ids[1]}?tab=evidence`).expect(200)).text)).toEqual([])
    // The ring page joins several cases: it stays masked.
    expect(noFullValue((await as.recruiter!.agent.get(`/rings/${reference}`).expect(200)).text)).toEqual([])

    const events = (await t.services.db('audit_events').where({ type: 'SENSITIVE_REVEALED' }).select('case_id', 'actor_role', 'data', 'hash')) as Array<{ case_id: string; actor_role: string; data: string; hash: string }>
    expect(events).toHaveLength(1)
    expect(events[0]).toMatchObject({ case_id: ids[0], actor_role: 'recruiter' })
    expect(JSON.parse(events[0]!.data)).toMatchObject({ fields: ['iban', 'wallet_address'] })
    const details = (await t.services.db('audit_event_details').where({ event_hash: events[0]!.hash }).select('data')) as Array<{ data: string }>
    for (const text of [events[0]!.data, ...details.map(d => d.data)]) expect(noFullValue(text)).toEqual([])
    // The trail names it in words.
    const trail = (await as.security!.agent.get('/audit').expect(200)).text
    expect(trail).toContain('Payout accounts, wallets or ID numbers shown in full')
  })

  it('security’s reveal records nothing (they see them in full already)', async () => {
    await as.security!.agent.post(`/cases/${ids[0]}/reveal`).type('form').send({ _csrf: as.security!.csrf }).expect(303)
    const n = Number(((await t.services.db('audit_events').where({ type: 'SENSITIVE_REVEALED' }).count({ n: '*' }).first()) as { n: number | string }).n)
    expect(n).toBe(1)
  })

  it('the reveal needs the CSRF token', async () => {
    await as.manager!.agent.post(`/cases/${ids[0]}/reveal`).type('form').send({}).expect(403)
  })
})
