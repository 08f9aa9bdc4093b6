import { ExtractionPool } from '../../../src/extract/extractionPool'
import { makeDocx, makePdf } from '../../support/documents'
import { generateResume } from '../../support/resumeGenerator'

/**
 * Issue targets: name, email, phone and profile URLs ≥ 99%; employers ≥ 90%, on generated PDF and DOCX
 * resumes. The figures are printed so the issue note can quote them.
 */
describe('extraction accuracy on generated resumes', () => {
  const pool = new ExtractionPool({ size: 2 })
  afterAll(() => pool.close())

  it('meets the targets on 80 PDF and 80 DOCX resumes', async () => {
    const tally = { name: 0, email: 0, phone: 0, urls: 0, employersFound: 0, employersTotal: 0, docs: 0 }
    const misses: string[] = []
    for (let seed = 1; seed <= 80; seed++) {
      const { lines, truth } = generateResume(seed)
      const half = Math.ceil(lines.length / 2)
      for (const [format, data] of [
        ['pdf', await makePdf([lines.slice(0, half), lines.slice(half)])],
        ['docx', await makeDocx(lines)],
      ] as const) {
        const doc = await pool.read(data)
        const f = doc.fields
        tally.docs++
        if (f.name?.value === truth.name) tally.name++
        else misses.push(`${format} ${seed} name: ${f.name?.value}`)
        if (f.emails.some(e => e.value === truth.email)) tally.email++
        else misses.push(`${format} ${seed} email`)
        if (f.phones.some(p => p.value.e164 === truth.phoneE164)) tally.phone++
        else misses.push(`${format} ${seed} phone ${truth.phoneE164}: ${f.phones.map(p => p.value.e164)}`)
        const found = new Set(f.urls.map(u => u.value.url.toLowerCase()))
        if (truth.urls.every(u => found.has(u.toLowerCase()))) tally.urls++
        else misses.push(`${format} ${seed} urls ${truth.urls} vs ${[...found]}`)
        for (const e of truth.employers) {
          tally.employersTotal++
          if (f.employers.some(x => x.value.company === e.company && x.value.title === e.title)) tally.employersFound++
          else misses.push(`${format} ${seed} employer ${e.title} / ${e.company}: ${JSON.stringify(f.employers.map(x => x.value))}`)
        }
      }
    }
    const pct = (n: number, d: number) => (100 * n) / d
    const result = {
      documents: tally.docs,
      name: pct(tally.name, tally.docs),
      email: pct(tally.email, tally.docs),
      phone: pct(tally.phone, tally.docs),
      urls: pct(tally.urls, tally.docs),
      employers: pct(tally.employersFound, tally.employersTotal),
    }
    process.stdout.write(`extraction accuracy: ${JSON.stringify(result)}${misses.length ? `\nmisses: ${misses.slice(0, 10).join('\n')}` : ''}\n`)
    expect(result.name).toBeGreaterThanOrEqual(99)
    expect(result.email).toBeGreaterThanOrEqual(99)
    expect(result.phone).toBeGreaterThanOrEqual(99)
    expect(result.urls).toBeGreaterThanOrEqual(99)
    expect(result.employers).toBeGreaterThanOrEqual(90)
  }, 120_000)
})
