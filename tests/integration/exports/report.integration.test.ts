import { execFileSync, spawnSync } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import JSZip from 'jszip'
import { PNG } from 'pngjs'
import { readDocument } from '../../../src/extract/readDocument'
import { parseApplication } from '../../../src/ingest/applicationFormat'
import { systemActor } from '../../../src/services/context'
import { addUser, createTestApp, signIn, type TestApp } from '../../support/appSetup'

// The rendered pages are looked at with poppler's pdftoppm (CI installs poppler-utils).
const hasPdftoppm = spawnSync('pdftoppm', ['-v']).error === undefined
if (!hasPdftoppm && process.env.CI) throw new Error('pdftoppm (poppler-utils) is required in CI')
const itRenders = hasPdftoppm ? it : it.skip

describe('case report and evidence pack', () => {
  let t: TestApp
  let caseId: string
  const resume = Buffer.from('Zoë Łukasiewicz-Brontë\nzoe.lb@example.org\n+1 646 940 6483\n\nExperience\nSenior Engineer, Bluepeak Software, 2019-03 to present\n')

  beforeAll(async () => {
    t = await createTestApp()
    await addUser(t.services, 'recruiter')
    const parsed = parseApplication({
      format: 'vetting/application@1', external_id: 'RPT-1', kind: 'candidate',
      person: { full_name: 'Zoë Łukasiewicz-Brontë', email: 'zoe.lb@example.org', address: { line1: '12 Elm St', city: 'Austin', postal_code: '78701', country: 'US' } },
      documents: [{ type: 'resume', file: 'cv.txt' }],
      logistics: { shipping_address: { line1: '85 Garden Pkwy PMB 301', city: 'Nashua', postal_code: '03060', country: 'US' } },
    })
    if (!parsed.ok) throw new Error(parsed.problems.join('; '))
    const outcome = await t.services.ingest.importApplication('rpt.json', parsed.value, async name => (name === 'cv.txt' ? resume : { problem: 'none' }), systemActor())
    caseId = 'caseId' in outcome ? outcome.caseId : ''
  })
  afterAll(() => t.close())

  itRenders('renders a report whose pages show the subject, findings, checklist and sources', async () => {
    const { agent } = await signIn(t.app, 'recruiter@example.test')
    await agent.get(`/cases/${caseId}`).expect(200) // makes the checklist
    const res = await agent.get(`/cases/${caseId}/report.pdf`).buffer(true).parse((r, cb) => {
      const chunks: Buffer[] = []
      r.on('data', (c: Buffer) => chunks.push(c))
      r.on('end', () => cb(null, Buffer.concat(chunks)))
    }).expect(200)
    const pdf = res.body as Buffer
    expect(res.type).toBe('application/pdf')

    const text = (await readDocument(pdf)).pages.join('\n')
    expect(text).toContain('Case report: Zoë Łukasiewicz-Brontë')
    expect(text).toContain('Equipment')
    expect(text).toMatch(/Rule logistics-[a-z-]+ v\d+\. Sources:/)
    expect(text).toContain('Run liveness prompts')
    expect(text).toMatch(/page 1 of \d+/)

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vd-report-'))
    try {
      fs.writeFileSync(path.join(dir, 'r.pdf'), pdf)
      execFileSync('pdftoppm', ['-r', '40', '-png', path.join(dir, 'r.pdf'), path.join(dir, 'page')])
      const pages = fs.readdirSync(dir).filter(f => f.endsWith('.png')).sort()
      expect(pages.length).toBeGreaterThanOrEqual(2)
      for (const page of pages) {
        const png = PNG.sync.read(fs.readFileSync(path.join(dir, page)))
        // A4 portrait at 40 dpi, with ink on it (text), not a blank or broken page.
        expect(png.height / png.width).toBeCloseTo(297 / 210, 1)
        let ink = 0
        for (let i = 0; i < png.data.length; i += 4) if (png.data[i]! < 128) ink++
        expect(ink / (png.width * png.height)).toBeGreaterThan(0.005)
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })

  it('packs the report, the JSON and the original documents with a manifest that checks out', async () => {
    const { agent } = await signIn(t.app, 'recruiter@example.test')
    const res = await agent.get(`/cases/${caseId}/evidence.zip`).buffer(true).parse((r, cb) => {
      const chunks: Buffer[] = []
      r.on('data', (c: Buffer) => chunks.push(c))
      r.on('end', () => cb(null, Buffer.concat(chunks)))
    }).expect(200)
    const zip = await JSZip.loadAsync(res.body as Buffer)
    const manifest = await zip.file('SHA256SUMS')!.async('string')
    const lines = manifest.trim().split('\n')
    expect(lines.map(l => l.split('  ')[1])).toEqual(expect.arrayContaining(['report.pdf', 'case.json', 'documents/cv.txt']))
    for (const line of lines) {
      const [sum, name] = line.split('  ') as [string, string]
      const bytes = await zip.file(name)!.async('nodebuffer')
      expect(crypto.createHash('sha256').update(bytes).digest('hex')).toBe(sum)
    }
    expect(await zip.file('documents/cv.txt')!.async('nodebuffer')).toEqual(resume)
    const json = JSON.parse(await zip.file('case.json')!.async('string')) as { format: string; application: { person: { full_name: string } } }
    expect(json).toMatchObject({ format: 'vetting/case-export@1', application: { person: { full_name: 'Zoë Łukasiewicz-Brontë' } } })
    const event = await t.services.db('audit_events').where({ type: 'DATA_EXPORTED' }).orderBy('id', 'desc').first('data')
    expect(JSON.parse(event.data)).toMatchObject({ what: 'evidence pack', files: lines.length })
  })
})
