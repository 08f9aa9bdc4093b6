import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { inputsFromPaths } from '../../../src/cli/importCommand'
import { scorePaths, type ScoreLine } from '../../../src/cli/scoreCommand'
import { generateTo } from '../../../src/generate/cli'
import { collectApplications } from '../../../src/ingest/collectApplications'
import { systemActor } from '../../../src/services/context'
import { createTestApp, type TestApp } from '../../support/appSetup'
import { syntheticApplications } from '../../support/population'

/**
 * One pipeline, two doors (issue 14 part 8): the same applications scored by `vet score` and imported into
 * the app must come out the same: score, band, flags, the applications each is linked with, and the sign-in
 * logs held as someone else's. The inputs: 30 small synthetic applications (tests/support/population.ts),
 * a few made here to link and to hold a log, 40 of the generated population (PDF, DOCX and text resumes,
 * photos, sign-in logs, rings) and the shared format examples when ../shared is present. All of it is data
 * we made: this proves the two doors agree, not that either is right.
 */
const SHARED_EXAMPLES = path.join(__dirname, '..', '..', '..', '..', 'shared', 'formats', 'examples')
const json = (o: unknown) => Buffer.from(JSON.stringify(o))
const remoteRows = (...accounts: string[]) =>
  ['timestamp,account,ip,user_agent,event', ...accounts.flatMap((a, i) => [`2026-10-0${i + 1}T10:00:00Z,${a},73.12.4.7,AnyDesk/8.0.14,remote_session`, `2026-10-0${i + 1}T11:00:00Z,${a},73.12.4.7,TeamViewer 15,remote_session`])].join('\n') + '\n'

/** Applications that link with each other (different people sharing a wallet and a phone) and logs that are and are not the applicant's. */
function madeHere(): Array<{ path: string; data: Buffer }> {
  const person = (id: string, name: string, email: string, extra: object = {}) => ({ format: 'vetting/application@1', external_id: id, source: 'twodoors', kind: 'contractor', submitted_at: '2026-10-20T09:00:00Z', person: { full_name: name, email, address: { country: 'US', city: 'Austin', region: 'TX' } }, ...extra })
  const wallet = { method: 'crypto', currency: 'USDT', wallet_address: 'TPw6NEgZRxEoX8s64zfCKfPjwRCHHPTjQN' }
  return [
    { path: 'made/ring-a.json', data: json(person('RING-A', 'Ravi Menon', 'ravi.menon@example.net', { payment: wallet, person: { full_name: 'Ravi Menon', email: 'ravi.menon@example.net', phone: '+1 512 555 0142', address: { country: 'US' } } })) },
    { path: 'made/ring-b.json', data: json(person('RING-B', 'Jonas Weber', 'jonas.weber@example.net', { payment: wallet, person: { full_name: 'Jonas Weber', email: 'jonas.weber@example.net', phone: '+1 512 555 0142', address: { country: 'US' } } })) },
    { path: 'made/held.json', data: json(person('HELD-1', 'Dana Whitfield', 'dana.whitfield@example.org', { access_log: 'held.csv' })) },
    { path: 'made/held.csv', data: Buffer.from(remoteRows('kevin.oneill@contoso.example')) },
    { path: 'made/held-many.json', data: json(person('HELD-2', 'Ana Pereira', 'ana.p@example.org', { access_log: 'held-many.csv' })) },
    { path: 'made/held-many.csv', data: Buffer.from(remoteRows('ops1@farm.example', 'ops2@farm.example')) },
    { path: 'made/mixed.json', data: json(person('MIX-1', 'Lee Kwon', 'lee.kwon@example.org', { access_log: 'mixed.csv' })) },
    { path: 'made/mixed.csv', data: Buffer.from(remoteRows('ops1@farm.example', 'Lee.Kwon@example.org')) },
  ]
}

interface Outcome {
  score: number
  band: string
  flags: string[]
  links: string[]
  held: string[]
}

describe('one pipeline, two doors: vet score and an import judge alike', () => {
  let t: TestApp
  let dir: string
  beforeAll(async () => {
    t = await createTestApp()
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vd-twodoors-'))
    const write = (files: Array<{ path: string; data: Buffer }>, under: string) => {
      for (const f of files) {
        fs.mkdirSync(path.dirname(path.join(dir, under, f.path)), { recursive: true })
        fs.writeFileSync(path.join(dir, under, f.path), f.data)
      }
    }
    write(syntheticApplications(15, { prefix: 'CAND' }).files, 'synthetic')
    write(syntheticApplications(15, { prefix: 'CON', withLogs: true }).files, 'synthetic')
    write(madeHere(), 'synthetic')
    await generateTo(path.join(dir, 'generated'), 40, 7, () => undefined, { twins: false })
  }, 120_000)
  afterAll(async () => {
    await t?.close()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  it('gives the same score, band, flags, links and held logs through both doors', async () => {
    const paths = [path.join(dir, 'synthetic'), path.join(dir, 'generated', 'population'), ...(fs.existsSync(SHARED_EXAMPLES) ? [SHARED_EXAMPLES] : [])]

    // Door one: `vet score`, with the app's reference data.
    const { lines, errors } = await scorePaths(paths, { dataDir: t.dataDir })
    expect(errors).toEqual([])
    const byCli = new Map<string, Outcome>(lines.map((l: ScoreLine) => [l.id, { score: l.score, band: l.band, flags: l.findings.map(f => f.rule).sort(), links: l.links.map(x => x.id).sort(), held: (l.held ?? []).map(h => h.log).sort() }]))

    // Door two: an import into the app, as `vet import` and the import page run it.
    const { files, rejected } = await inputsFromPaths(paths)
    expect(rejected).toEqual([])
    const outcomes = await t.services.ingest.importBatch(collectApplications(files), systemActor('test'))
    expect(outcomes.filter(o => o.outcome === 'rejected')).toEqual([])
    const db = t.testDb.db
    const cases = (await db('cases').where('is_current', true).select('id', 'external_id', 'risk_score', 'risk_band')) as Array<{ id: string; external_id: string; risk_score: number; risk_band: string }>
    const idOf = new Map(cases.map(c => [c.id, c.external_id]))
    const flags = (await db('findings').whereNull('superseded_at').where('status', 'flag').select('case_id', 'rule_id')) as Array<{ case_id: string; rule_id: string }>
    const links = (await db('links').select('case_a', 'case_b')) as Array<{ case_a: string; case_b: string }>
    const held = (await db('documents').where({ kind: 'access_log', confirmation_state: 'held' }).select('case_id', 'original_name')) as Array<{ case_id: string; original_name: string }>
    const byApp = new Map<string, Outcome>(
      cases.map(c => [
        c.external_id,
        {
          score: c.risk_score,
          band: c.risk_band,
          flags: flags.filter(f => f.case_id === c.id).map(f => f.rule_id).sort(),
          links: [...new Set(links.flatMap(l => (l.case_a === c.id ? [idOf.get(l.case_b)!] : l.case_b === c.id ? [idOf.get(l.case_a)!] : [])))].sort(),
          held: held.filter(h => h.case_id === c.id).map(h => h.original_name).sort(),
        },
      ]),
    )

    expect(byCli.size).toBe(30 + 5 + 40 + (fs.existsSync(SHARED_EXAMPLES) ? 3 : 0))
    expect([...byApp.keys()].sort()).toEqual([...byCli.keys()].sort())
    const differences = [...byCli].filter(([id, cli]) => JSON.stringify(byApp.get(id)) !== JSON.stringify(cli)).map(([id, cli]) => ({ id, cli, app: byApp.get(id) }))
    expect(differences).toEqual([])

    // The inputs exercise what is compared: links, flags, held logs (of one and of several accounts).
    expect(byCli.get('RING-A')!.links).toEqual(['RING-B'])
    expect(byCli.get('HELD-1')!.held).toEqual(['held.csv'])
    expect(byCli.get('HELD-2')!.held).toEqual(['held-many.csv'])
    expect(byCli.get('HELD-1')!.flags).not.toContain('network-remote-access-tool')
    expect(byCli.get('MIX-1')!.flags).toContain('network-remote-access-tool')
    expect([...byCli.values()].filter(o => o.links.length).length).toBeGreaterThanOrEqual(2)
    expect(new Set([...byCli.values()].map(o => o.band)).size).toBeGreaterThanOrEqual(2)
  }, 600_000)
})
