import { layoutPage, type PdfTextItem } from './pdfLayout'

/** A line of text at (x, y), 10 pt, about 5 pt a character. */
const t = (str: string, x: number, y: number, h = 10): PdfTextItem => ({ str, x, y, width: str.length * h * 0.5, height: h })

describe('PDF layout', () => {
  it('reads a sidebar column before the main column, whatever order the items were drawn in', () => {
    const items = [
      t('Experience', 220, 60),
      t('Jane Roe', 40, 60),
      t('Acme Corp — Backend Developer', 220, 74),
      t('jane@example.org', 40, 74),
      t('2018 – Present', 220, 88),
      t('github.com/janeroe', 40, 88),
    ].reverse()
    expect(layoutPage(items).split('\n')).toEqual(['Jane Roe', 'jane@example.org', 'github.com/janeroe', 'Experience', 'Acme Corp — Backend Developer', '2018 – Present'])
  })

  it('keeps a full-width heading above the columns', () => {
    const items = [t('JANE ROE — SOFTWARE ENGINEER AND TEAM LEAD', 40, 30, 14), t('Contact', 40, 60), t('Experience', 220, 60), t('jane@example.org', 40, 74), t('Acme Corp', 220, 74)]
    expect(layoutPage(items).split('\n')).toEqual(['JANE ROE — SOFTWARE ENGINEER AND TEAM LEAD', 'Contact', 'jane@example.org', 'Experience', 'Acme Corp'])
  })

  it('reads a table row across, its cells joined, so dates stay with their employer', () => {
    const items = [
      t('Period', 40, 100),
      t('Employer', 200, 100),
      t('Position', 380, 100),
      t('Jan 2019 - Present', 40, 116),
      t('Yanbian Silverstar Network', 200, 116),
      t('Technology Co., Ltd.', 200, 128),
      t('Developer', 380, 116),
      t('Mar 2015 - Dec 2018', 40, 146),
      t('Globex', 200, 146),
      t('Engineer', 380, 146),
    ]
    expect(layoutPage(items).split('\n')).toEqual(['Period | Employer | Position', 'Jan 2019 - Present | Yanbian Silverstar Network Technology Co., Ltd. | Developer', 'Mar 2015 - Dec 2018 | Globex | Engineer'])
  })

  it('keeps a date pushed to the right margin on its title line', () => {
    const items = [t('Senior Engineer', 40, 100), t('Mar 2018 – Jan 2020', 440, 100), t('Initech', 40, 114), t('• Built the billing service in Go and Postgres for all of the company', 50, 140)]
    expect(layoutPage(items).split('\n')).toEqual(['Senior Engineer | Mar 2018 – Jan 2020', 'Initech', '• Built the billing service in Go and Postgres for all of the company'])
  })

  it('joins a bullet glyph to its text, and a wrapped bullet or paragraph to its first line', () => {
    const items = [
      t('\uf0b7', 40, 100),
      t('Led the migration of the payments platform to event sourcing and', 52, 100),
      t('cut latency by half', 52, 112),
      t('Wrote the on-call handbook used by all of the teams of the company', 40, 140),
      t('and trained new staff.', 40, 152),
      t('Short line', 40, 180),
      t('another short line', 40, 192),
    ]
    expect(layoutPage(items).split('\n')).toEqual([
      '• Led the migration of the payments platform to event sourcing and cut latency by half',
      'Wrote the on-call handbook used by all of the teams of the company and trained new staff.',
      'Short line',
      'another short line',
    ])
  })

  it('lays out a page of many items in time linear in their number', () => {
    const items: PdfTextItem[] = []
    for (let i = 0; i < 20_000; i++) items.push(t(`word${i}`, 40 + (i % 10) * 50, 20 + Math.floor(i / 10) * 12))
    const t0 = performance.now()
    layoutPage(items)
    expect(performance.now() - t0).toBeLessThan(5000)
  })
})

describe('PDF layout on hostile pages', () => {
  it('reads one line of 50,000 scattered fragments, and 50,000 lines with a gutter each, quickly', () => {
    const wide: PdfTextItem[] = []
    for (let i = 0; i < 50_000; i++) wide.push(t('x', i * 20, 100))
    const tall: PdfTextItem[] = []
    for (let i = 0; i < 50_000; i++) tall.push(t('left', 40, i * 12), t('right', 300, i * 12))
    const t0 = performance.now()
    expect(layoutPage(wide).split('\n')).toHaveLength(1)
    expect(layoutPage(tall).length).toBeGreaterThan(500_000)
    // Quadratic work here would take minutes; linear work takes about a second (more on a loaded machine).
    expect(performance.now() - t0).toBeLessThan(15_000)
  })
})

describe('PDF layout: lines with a fragment at a tab stop (layouts-blind-3)', () => {
  // Right-aligned: each right fragment ends at x = 550.
  const r = (str: string, y: number) => t(str, 550 - str.length * 5, y)
  it('reads "Company … dates" over "Title … City" line by line, not as two columns', () => {
    const items = [t('Ipê Pagamentos S.A.', 45, 100), r('10.2021 – now', 100), t('Staff Software Engineer', 45, 112), r('São Paulo', 112)]
    expect(layoutPage(items).split('\n')).toEqual(['Ipê Pagamentos S.A. | 10.2021 – now', 'Staff Software Engineer | São Paulo'])
  })
})
