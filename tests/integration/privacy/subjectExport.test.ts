import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import JSZip from 'jszip'
import type TestAgent from 'supertest/lib/agent'
import { addUser, signIn } from '../../support/appSetup'
import { vet } from '../../support/cli'
import { readDocument } from '../../../src/extract/readDocument'
import { systemActor } from '../../../src/services/context'
import { as, createSharedDatabase, decide, importCase, ringMember, type Instance, type SharedDatabase } from '../signoff/support'
import { PERSON, personApplication, resolvePersonFile } from './support'

type Session = { agent: TestAgent; csrf: string }

interface SubjectJson {
  format: string
  reference: string
  person: { fullName: string; email: string }
  revisions: Array<{
    revision: number
    status: string
    facts: Array<{ field: string; source: string; document: string | null; locator: string | null; recordedAt: string; recordedBy: string | null }>
    documents: Array<{ file: string; originalName: string; sha256: string }>
    findings: Array<{ rule: string; status: string; sources: unknown[]; evidence: Array<{ field?: string; value?: unknown }> }>
    checklist: Array<{ status: string; completedBy: string | null; completedAt: string | null }>
    signoffs: Array<{ decision: string; by: string; at: string }>
    links: Array<{ otherCase: string; kind: string; shared: string }>
  }>
}

/** Issue 17, subject access: the person's own copy of everything held about them, readable, without anyone else's data. */
describe('subject access export', () => {
  let shared: SharedDatabase
  let i: Instance
  let recruiter: Session
  let admin: Session
  let ids: Record<'recruiter' | 'manager', number>
  let caseId: string
  let reference: string
  let neighbourRef: string
  const NEIGHBOUR = 'Maria Lindqvist'

  beforeAll(async () => {
    shared = await createSharedDatabase()
    i = shared.instance()
    ids = { recruiter: (await addUser(i.services, 'recruiter')).id, manager: (await addUser(i.services, 'manager')).id }
    await addUser(i.services, 'admin')
    recruiter = await signIn(i.app, 'recruiter@example.test')
    admin = await signIn(i.app, 'admin@example.test')
    // Another applicant with the same phone: linked, and theirs to keep private.
    const neighbour = await importCase(i.services, ringMember('SX-2', NEIGHBOUR, { person: { full_name: NEIGHBOUR, email: 'maria.lindqvist@example.org', phone: PERSON.phone, address: { line1: '9 Birch Rd', city: 'Tulsa', postal_code: '74103', country: 'US' } } }))
    neighbourRef = ((await i.db('cases').where({ id: neighbour }).first('reference')) as { reference: string }).reference
    const out = await i.services.ingest.importApplication('SX-1.json', personApplication('SX-1'), resolvePersonFile, systemActor())
    if (!('caseId' in out) || !out.caseId) throw new Error(JSON.stringify(out))
    caseId = out.caseId
    reference = ((await i.db('cases').where({ id: caseId }).first('reference')) as { reference: string }).reference
    await decide(i.services, caseId, 'approve', as(ids.recruiter, 'recruiter'), as(ids.manager, 'manager'))
  }, 60_000)
  afterAll(() => shared.close())

  async function read(zipBytes: Buffer) {
    const zip = await JSZip.loadAsync(zipBytes)
    const names = Object.keys(zip.files).filter(n => !zip.files[n]!.dir).sort()
    const text = async (n: string) => zip.file(n)!.async('string')
    return { zip, names, text, json: JSON.parse(await text('subject.json')) as SubjectJson }
  }

  it('`vet subject-export` writes subject.json, the documents, the PDF report and a README', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vd-sar-'))
    const file = path.join(dir, 'out.zip')
    try {
      const usage = await vet(['subject-export', reference], shared.env)
      expect(usage.code).toBe(2)
      const run = await vet(['subject-export', reference, '--out', file], shared.env)
      expect([run.code, run.err]).toEqual([0, ''])
      const { zip, names, text, json } = await read(fs.readFileSync(file))
      // The application as sent is a document of the case too.
      expect(names).toEqual(['README.txt', 'documents/r1-01-SX-1.json', 'documents/r1-02-access.csv', 'documents/r1-03-resume.txt', 'report.pdf', 'subject.json'].sort())
      expect(await text('README.txt')).toContain('subject.json')
      const pdf = await zip.file('report.pdf')!.async('nodebuffer')
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
      // The report names the person, and the other applicant by reference only (reading a PDF needs the
      // ESM worker: `npm test` sets --experimental-vm-modules; without it this check is skipped).
      if (String(process.env.NODE_OPTIONS).includes('experimental-vm-modules')) {
        const pdfText = (await readDocument(pdf)).pages.join('\n')
        expect(pdfText).toContain(PERSON.name)
        expect(pdfText).toContain(neighbourRef)
        expect(pdfText.toLowerCase()).not.toContain('lindqvist')
      }
      // The originals, byte for byte.
      const resume = await zip.file('documents/r1-03-resume.txt')!.async('nodebuffer')
      expect(resume.toString()).toContain(PERSON.street)
      // Pretty-printed, readable JSON.
      expect(await text('subject.json')).toContain('\n  "person": {')
      expect(json).toMatchObject({ format: 'vetting/subject-access@1', reference, person: { fullName: PERSON.name, email: PERSON.email } })
      const [r1] = json.revisions
      expect(r1!.status).toBe('signed_off')
      // Facts with provenance: where from, which document, when.
      const fromResume = r1!.facts.filter(f => f.source === 'document')
      expect(fromResume.length).toBeGreaterThan(0)
      expect(fromResume.every(f => f.document && f.recordedAt)).toBe(true)
      expect(r1!.facts.some(f => f.source === 'application' && f.field.startsWith('person.'))).toBe(true)
      expect(r1!.documents.map(d => d.file)).toEqual(['documents/r1-01-SX-1.json', 'documents/r1-02-access.csv', 'documents/r1-03-resume.txt'])
      // Findings with their sources, the checklist with who and when, the decision.
      expect(r1!.findings.length).toBeGreaterThan(0)
      expect(r1!.findings.some(f => f.status === 'flag' && f.sources.length > 0)).toBe(true)
      expect(r1!.checklist.some(c => c.status === 'done' && c.completedBy === 'recruiter@example.test' && c.completedAt)).toBe(true)
      expect(r1!.signoffs).toEqual([expect.objectContaining({ decision: 'approve', by: 'manager@example.test' })])
      // Links: the other applicant by reference only; nothing of theirs anywhere in the text files.
      expect(r1!.links.map(l => l.otherCase)).toContain(neighbourRef)
      for (const n of names.filter(x => !x.endsWith('.pdf'))) {
        const t = (await text(n)).toLowerCase()
        expect([n, t.includes('lindqvist'), t.includes('maria.lindqvist')]).toEqual([n, false, false])
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  }, 60_000)

  it('the case page offers it to roles that read cases; it is audited; administrators may not download it', async () => {
    const page = await recruiter.agent.get(`/cases/${caseId}?tab=activity`)
    expect(page.text).toContain(`/cases/${caseId}/subject-access.zip`)
    const res = await recruiter.agent.get(`/cases/${caseId}/subject-access.zip`).buffer(true).parse((r, cb) => {
      const chunks: Buffer[] = []
      r.on('data', (c: Buffer) => chunks.push(c))
      r.on('end', () => cb(null, Buffer.concat(chunks)))
    })
    expect(res.status).toBe(200)
    expect(res.headers['content-type']).toContain('application/zip')
    expect((await read(res.body as Buffer)).json.reference).toBe(reference)
    expect((await admin.agent.get(`/cases/${caseId}/subject-access.zip`)).status).toBe(403)
    const events = (await i.db('audit_events').where({ type: 'SUBJECT_EXPORTED', case_id: caseId }).orderBy('id')) as Array<{ actor_user_id: number | null; data: string }>
    expect(events).toHaveLength(2)
    expect(events[1]!.actor_user_id).toBe(ids.recruiter)
    expect(JSON.parse(events[1]!.data)).toMatchObject({ reference, format: 'vetting/subject-access@1' })
    // No personal value in the event (it holds a hash of the archive, not the archive).
    expect(events[1]!.data).not.toContain(PERSON.email)
  }, 60_000)
})
