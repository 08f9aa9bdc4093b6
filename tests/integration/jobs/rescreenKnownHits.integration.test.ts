import fs from 'node:fs'
import path from 'node:path'
import { parseApplication, type Application } from '../../../src/ingest/applicationFormat'
import { importRefdataFile } from '../../../src/refdata/importRefdata'
import { systemActor } from '../../../src/services/context'
import { createTestApp, type TestApp } from '../../support/appSetup'

/**
 * Issue 16 (found by the re-screen bench): a hit a case already had when it was imported (the list was
 * loaded before the application came in) is not new when a newer list still names it. The re-screen's
 * flag must be worded as the stored finding is ("application: payment (wallet)"), or it is listed again.
 */
const application = (value: unknown): Application => {
  const r = parseApplication(value)
  if (!r.ok) throw new Error(r.problems.join('; '))
  return r.value
}
const none = async () => ({ problem: 'none' })
const W1 = '0x098B716B8Aaf21512996dC57EB0615e2383E2f96'
const W2 = '0x19Aa5Fe80D33a56D56c78e82eA5E50E5d80b4Dff'
const person = (id: string, name: string, wallet: string) => application({ format: 'vetting/application@1', external_id: id, kind: 'candidate', person: { full_name: name, email: `${id.toLowerCase()}@example.org` }, payment: { method: 'crypto', wallet_address: wallet } })

describe('re-screening lists only hits the cases did not have at intake', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp()
  })
  afterAll(() => t.close())

  const list = (wallets: string[]) => {
    const file = path.join(t.dataDir, 'sanctioned_addresses_ETH.txt')
    fs.writeFileSync(file, wallets.join('\n') + '\n')
    importRefdataFile(t.dataDir, file)
  }

  it('a case flagged at intake is not a new hit; the one the newer list adds is', async () => {
    list([W1])
    // the first re-screen makes this process read the list (as the server does after `vet refdata import`)
    await t.services.rescreen.enqueue(['sanctioned_addresses_ETH.txt'])
    await t.services.jobs.runUntilIdle()
    const ids: string[] = []
    for (const [id, name, wallet] of [['K-1', 'Kevin Brandt', W1], ['K-2', 'Maria Lindqvist', W2]] as const) {
      const out = await t.services.ingest.importApplication(`${id}.json`, person(id, name, wallet), none, systemActor())
      ids.push('caseId' in out ? out.caseId : '')
    }
    const k1 = await t.services.cases.view(ids[0]!, systemActor())
    expect(k1.findings.find(f => f.rule_id === 'sanctions-identifier-hit')).toMatchObject({ status: 'flag' }) // flagged at intake

    list([W1, W2])
    const { id } = await t.services.rescreen.enqueue(['sanctioned_addresses_ETH.txt'])
    await t.services.jobs.runUntilIdle()
    const job = (await t.services.jobs.find(id))!
    expect(job.status).toBe('done')
    const result = JSON.parse(job.result!) as { scanned: number; newHits: number; hits: Array<{ caseId: string; rule: string }> }
    expect(result.hits.map(h => [h.caseId, h.rule])).toEqual([[ids[1], 'sanctions-identifier-hit']])
    expect(result.newHits).toBe(1)
  })
})
