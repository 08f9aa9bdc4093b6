import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { PassThrough, Readable } from 'node:stream'
import { run } from '../../../src/cli/main'
import { parseApplication, type Application } from '../../../src/ingest/applicationFormat'
import { systemActor } from '../../../src/services/context'
import { addUser, createTestApp, signIn, type TestApp } from '../../support/appSetup'
import { pairwise, strangersPopulation } from './strangers'

/** Connected components of the links each line reports (as `npm run eval` computes rings). */
function components(lines: Array<{ id: string; links: Array<{ id: string }> }>): string[][] {
  const parent = new Map<string, string>()
  const find = (x: string): string => (parent.get(x) === x || !parent.has(x) ? x : find(parent.get(x)!))
  for (const l of lines) {
    for (const o of l.links) {
      for (const id of [l.id, o.id]) if (!parent.has(id)) parent.set(id, id)
      const a = find(l.id)
      const b = find(o.id)
      if (a !== b) parent.set(a, b)
    }
  }
  const groups = new Map<string, string[]>()
  for (const id of parent.keys()) groups.set(find(id), [...(groups.get(find(id)) ?? []), id])
  return [...groups.values()].map(g => g.sort()).sort((a, b) => a[0]!.localeCompare(b[0]!))
}

const EXPECTED = [['R1-0', 'R1-1', 'R1-2'], ['R2-0', 'R2-1', 'R2-2'], ['R3-0', 'R3-1', 'R3-2'], ['R4-0', 'R4-1'], ['R5-0', 'R5-1', 'R5-2']]

describe('rings that do not fuse strangers', () => {
  const population = strangersPopulation()

  it('vet score: rings sharing a forwarder stay apart, a common payee name joins nobody, an agency’s values link no one', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vd-strangers-'))
    try {
      for (const a of population) fs.writeFileSync(path.join(dir, `${a.id}.json`), JSON.stringify(a.application))
      const stdout = new PassThrough()
      let out = ''
      stdout.on('data', d => (out += d))
      const code = await run(['score', '--json', dir], { stdin: Readable.from(['']), stdout, stderr: new PassThrough(), env: {} })
      expect(code).toBe(0)
      const lines = out.trim().split('\n').map(l => JSON.parse(l) as { id: string; links: Array<{ id: string; via: string }>; findings: Array<{ rule: string }> })
      expect(components(lines)).toEqual(EXPECTED)
      expect(pairwise(population, components(lines))).toMatchObject({ precision: 1, recall: 1, benignLinked: 0 })
      for (const l of lines.filter(x => /^(AG|B|H)-/.test(x.id))) expect([l.id, l.findings.filter(f => f.rule.startsWith('links-'))]).toEqual([l.id, []])
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  }, 120_000)

  describe('in the app', () => {
    let t: TestApp
    const ids = new Map<string, string>()
    beforeAll(async () => {
      t = await createTestApp()
      await addUser(t.services, 'recruiter')
      const none = async () => ({ problem: 'none' })
      for (const a of population) {
        const parsed = parseApplication(a.application)
        if (!parsed.ok) throw new Error(parsed.problems.join('; '))
        const out = await t.services.ingest.importApplication(`${a.id}.json`, parsed.value as Application, none, systemActor())
        ids.set(a.id, 'caseId' in out ? out.caseId : '')
      }
    }, 120_000)
    afterAll(() => t.close())
    const idOf = (caseId: string) => [...ids].find(([, c]) => c === caseId)![0]

    it('builds the same rings as vet score, and raises no honest candidate', async () => {
      const rings = await t.services.links.rings(t.services.db)
      const groups = rings.map(r => r.members.map(m => idOf(m.caseId)).sort()).sort((a, b) => a[0]!.localeCompare(b[0]!))
      expect(groups).toEqual(EXPECTED)
      expect(pairwise(population, groups)).toMatchObject({ precision: 1, recall: 1, benignLinked: 0 })
      for (const a of population.filter(p => p.label === 'benign')) {
        expect(await t.services.links.linkFacts(t.services.db, ids.get(a.id)!)).toEqual([])
        const view = await t.services.cases.view(ids.get(a.id)!, systemActor())
        expect([a.id, view.findings.filter(f => f.rule_id.startsWith('links-') && f.status === 'flag').map(f => f.rule_id)]).toEqual([a.id, []])
      }
    })

    it('says on the ring page why applications were or were not joined', async () => {
      const { agent } = await signIn(t.app, 'recruiter@example.test')
      const ref = (await t.services.cases.view(ids.get('R1-0')!, systemActor())).case.reference
      const page = await agent.get(`/rings/${ref}`)
      expect(page.status).toBe(200)
      expect(page.text).toContain('Why they were or were not joined')
      expect(page.text).toContain('joined: payee identifies one person or scheme')
      // The forwarder R2 and S-1 also use, and the common payee name B-1 gives: shown, not joined.
      expect(page.text).toContain('Sharing only supporting values with this ring: not joined')
      expect(page.text).toMatch(/supporting only: not joined \(address: an office or co-working address/)
      expect(page.text).toContain('Priya Nair')
      const r4 = (await t.services.cases.view(ids.get('R4-0')!, systemActor())).case.reference
      expect((await agent.get(`/rings/${r4}`)).text).toContain('joined: 2 independent supporting links (address, payee)')
      // An applicant in no ring: what it shares, and why that joined nothing.
      const lone = (await t.services.cases.view(ids.get('B-1')!, systemActor())).case.reference
      const lonePage = await agent.get(`/rings/${lone}`)
      expect(lonePage.status).toBe(200)
      expect(lonePage.text).toMatch(/supporting only: not joined \(payee: a payee name without an account/)
    })
  })
})
