/**
 * Extraction from real layouts: public JSON Resume documents rendered by us (tests/fixtures/layouts/render.ts,
 * LibreOffice and Chromium) in common resume layouts, read as uploads are read. These documents were
 * used while building the reader, so the figures show the design works on these layouts; they are not a
 * measure of accuracy on resumes in general. `npx tsx tests/fixtures/layouts/report.ts` prints the table.
 */
import fs from 'node:fs'
import path from 'node:path'
import { byLayout, FIELDS, LAYOUT_DIR, manifest, scoreDocument, type DocScore } from '../../tests/fixtures/layouts/accuracy'
import { buildCaseFacts } from '../rules/caseFacts'
import { testContext } from '../rules/ruleTestKit'
import { rule as organisationHit } from '../rules/sanctions-organisation-hit'
import { factsFromDocument } from './buildFacts'
import { readDocument } from './readDocument'

const docs = manifest().documents
let scores: DocScore[] = []

beforeAll(async () => {
  scores = []
  for (const doc of docs) scores.push(await scoreDocument(doc))
}, 120_000)

describe('extraction from rendered resume layouts', () => {
  it('has at least 8 layouts, each in PDF, and DOCX where office software made it', () => {
    const layouts = manifest().layouts
    expect(layouts.length).toBeGreaterThanOrEqual(8)
    for (const l of layouts) {
      expect(docs.some(d => d.layout === l.id && d.format === 'pdf')).toBe(true)
      if (l.engine.startsWith('LibreOffice')) expect(docs.some(d => d.layout === l.id && d.format === 'docx')).toBe(true)
    }
    for (const d of docs) expect(fs.existsSync(path.join(LAYOUT_DIR, 'docs', d.file))).toBe(true)
  })

  it('reads every field at 0.95 or better on each layout', () => {
    const below = byLayout(scores).flatMap(r => FIELDS.filter(k => r.accuracy[k] !== null && r.accuracy[k]! < 0.95).map(k => `${r.layout} ${k} ${r.accuracy[k]!.toFixed(2)}`))
    const misses = scores.filter(s => s.misses.length).map(s => `${s.file}: ${s.misses.join('; ')}`)
    expect({ below, misses: below.length ? misses : [] }).toEqual({ below: [], misses: [] })
  })

  it('finds the listed front company as an employer in every layout, and sanctions-organisation-hit flags it', async () => {
    const layouts = manifest().layouts.map(l => l.id)
    const fronts = docs.filter(d => d.front)
    expect(new Set(fronts.map(d => d.layout))).toEqual(new Set(layouts))
    for (const doc of fronts) {
      const read = await readDocument(fs.readFileSync(path.join(LAYOUT_DIR, 'docs', doc.file)))
      const records = factsFromDocument(read, '0').map(f => ({ field: f.field, value: f.value, source: f.source, where: `${doc.file}, ${f.locator}` }))
      const result = organisationHit.evaluate(buildCaseFacts('contractor', records), testContext())
      expect([doc.file, result.status]).toEqual([doc.file, 'flag'])
    }
  })
})

/**
 * tests/fixtures/layouts-blind: 18 documents in 6 layouts designed and rendered on 2026-12-06 by a helper
 * session that had not read the reader (a Europass form, a sidebar, a timeline with a date column, a
 * Harvard page, a DOCX laid out as one table, a DOCX in paragraphs), for 3 fictional people. Measured once
 * before any change: every field at 0.95 or better on none of the 6 layouts (docx-table read employers and
 * dates; Europass read its label column whole before its values, 0.00 on jobs; the timeline 0.00 on
 * employers; names 0.00 on three layouts). Then its misses were fixed: a development set since.
 */
/*
 * tests/fixtures/layouts-blind-2 (6 layouts: right sidebar, header band, two pages with running headers,
 * numbered academic CV, DOCX skills matrix, DOCX bullet list with contacts in the page header), measured once
 * on 2026-12-06: names 1.00 on all 6, employers 0.00 on 5 of 6. layouts-blind-3 (functional/hybrid, compact
 * with a contacts footer and tab-stop dates, "Title | Company | City | dates", a LinkedIn export, a DOCX
 * borderless jobs table, a DOCX "Lebenslauf" form), measured once at 06:11 UTC after -2's first fixes: every
 * field 1.00 on 1 of 6 (employers 0.00 on 4, the form's name 0.00). Both were then fixed: development sets since.
 */
/*
 * tests/fixtures/layouts-blind-4 (a timeline bar with addresses broken mid-word in a narrow box, roles under
 * one company heading, jobs as cards in a two-column grid, DOCX text columns with Roman-numeral months, a
 * rirekisho-style history of dated events, a DOCX text-box sidebar), measured once at 06:43 UTC after -3's
 * fixes: every field 0.95 or better on none of the 6. Fixed since: Roman months, a company heading over its
 * roles, a place with "de", a rirekisho's "Joined … as …" / "Promoted to …" / "Left …", an address after
 * one that ends in "/". Left, and listed in the test: the card grid (cells read across, card by card is
 * needed), addresses broken mid-word, a title with a comma ("Engineering Manager, Mobile").
 */
const LEFT: Record<string, string[]> = {
  'layouts-blind-4': ['timeline-bar urls', 'promotion-history employer', 'promotion-history title', 'card-grid employer', 'card-grid title', 'card-grid start', 'card-grid end'],
}
describe.each(['layouts-blind', 'layouts-blind-2', 'layouts-blind-3', 'layouts-blind-4'])('extraction from layouts made by another hand (%s)', set => {
  const dir = path.join(LAYOUT_DIR, '..', set)
  it('reads every field at 0.95 or better on each of its 6 layouts, but for what is left', async () => {
    const blind: DocScore[] = []
    for (const doc of manifest(dir).documents) blind.push(await scoreDocument(doc, dir))
    expect(new Set(blind.map(s => s.layout)).size).toBeGreaterThanOrEqual(6)
    const below = byLayout(blind).flatMap(r => FIELDS.filter(k => r.accuracy[k] !== null && r.accuracy[k]! < 0.95).map(k => `${r.layout} ${k}`))
    expect(below).toEqual(LEFT[set] ?? [])
  }, 60_000)
})
