import fs from 'node:fs'
import path from 'node:path'
import { application, importCase } from '../../support/applications'
import { importRefdataFile } from '../../../src/refdata/importRefdata'
import { systemActor } from '../../../src/services/context'
import { createTestApp, type TestApp } from '../../support/appSetup'

const W1 = '0x098B716B8Aaf21512996dC57EB0615e2383E2f96'
const W2 = '0x19Aa5Fe80D33a56D56c78e82eA5E50E5d80b4Dff'
const person = (id: string, name: string, wallet?: string) =>
  application({ format: 'vetting/application@1', external_id: id, kind: 'contractor', person: { full_name: name, email: `${id.toLowerCase()}@example.org` }, ...(wallet ? { payment: { method: 'crypto', wallet_address: wallet } } : {}) })

describe('re-screening after a new list', () => {
  let t: TestApp
  const ids: Record<string, string> = {}
  beforeAll(async () => {
    t = await createTestApp()
    for (const [id, name, wallet] of [['S-1', 'Kevin Brandt', W1], ['S-2', 'Maria Lindqvist', W2], ['S-3', 'Dana Whitfield', undefined]] as const) {
      ids[id] = await importCase(t.services, person(id, name, wallet))
    }
  })
  afterAll(() => t.close())

  const list = (wallets: string[]) => {
    const file = path.join(t.dataDir, 'sanctioned_addresses_ETH.txt')
    fs.writeFileSync(file, wallets.join('\n') + '\n')
    importRefdataFile(t.dataDir, file)
  }
  const rescreen = async () => {
    const { id } = await t.services.rescreen.enqueue(['sanctioned_addresses_ETH.txt'])
    await t.services.jobs.runUntilIdle()
    const job = (await t.services.jobs.find(id))!
    expect(job.status).toBe('done')
    return JSON.parse(job.result!) as { scanned: number; newHits: number; hits: Array<{ caseId: string; rule: string }> }
  }

  it('lists the new hits only: a diff against what each case already had, not a dump', async () => {
    list([W1])
    const first = await rescreen()
    expect(first.scanned).toBe(3)
    expect(first.hits.map(h => [h.caseId, h.rule])).toEqual([[ids['S-1'], 'sanctions-identifier-hit']])
    // the open case now carries the hit, and it blocks as any sanctions hit does
    const s1 = await t.services.cases.view(ids['S-1']!, systemActor())
    expect(s1.findings.find(f => f.rule_id === 'sanctions-identifier-hit')).toMatchObject({ status: 'flag' })
    expect((await rescreen()).newHits).toBe(0)
    list([W1, W2])
    const third = await rescreen()
    expect(third.hits.map(h => h.caseId)).toEqual([ids['S-2']])
  })

  it('shows the last re-screen on the sanctions page data', async () => {
    const latest = await t.services.rescreen.latest()
    expect(latest.last).toMatchObject({ scanned: 3, newHits: 1 })
    expect(latest.running).toBeNull()
  })

  it('a newer OFAC sdn.csv: a payee company designated since is listed as new, once', async () => {
    const holder = await importCase(t.services, application({ format: 'vetting/application@1', external_id: 'S-4', kind: 'contractor', person: { full_name: 'Lee Park', email: 's-4@example.org' }, payment: { method: 'bank', account_holder: 'Harbor Crest Trading Company Ltd', bank_country: 'US' } }))
    const sdn = (rows: string[]) => {
      const file = path.join(t.dataDir, 'sdn.csv')
      fs.writeFileSync(file, rows.join('\n') + '\n')
      importRefdataFile(t.dataDir, file)
    }
    const row = (uid: number, name: string) => `${uid},"${name}",-0- ,"DPRK3",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- `
    // a list shorter than 10 entries is refused as damaged: ten unrelated entries, then the same and one more
    const others = Array.from({ length: 10 }, (_, i) => row(95010 + i, `NORTHSTAR ORE EXPORT CORPORATION ${i + 1}`))
    sdn(others)
    expect((await rescreen()).hits.filter(h => h.caseId === holder)).toEqual([])
    sdn([...others, row(95002, 'HARBOR CREST TRADING COMPANY LIMITED')])
    const newer = await rescreen()
    expect(newer.hits.map(h => [h.caseId, h.rule])).toEqual([[holder, 'sanctions-organisation-hit']])
    expect((await rescreen()).newHits).toBe(0)
  })
})
