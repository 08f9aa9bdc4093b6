import { expectAccessibleChart, textsOf } from '../../../tests/support/svgChecks'
import { riskDistributionChart } from './riskDistribution'

const bands = [
  { key: 'low', label: 'Low', count: 120, href: '/cases?band=low' },
  { key: 'elevated', label: 'Elevated', count: 30 },
  { key: 'high', label: 'High', count: 8 },
  { key: 'critical', label: 'Critical', count: 2 },
  { key: 'unscored', label: 'Not scored', count: 0 },
]

describe('riskDistributionChart', () => {
  it('draws one labelled bar per band, most serious first, with count and share in words', () => {
    const chart = riskDistributionChart(bands)
    expectAccessibleChart(chart)
    expect(textsOf(chart.svg)).toEqual(['Critical', '2 (1%)', 'High', '8 (5%)', 'Elevated', '30 (19%)', 'Low', '120 (75%)', 'Not scored', '0 (0%)'])
    // the longest bar is the largest band; an empty band draws no visible bar
    const widths = [...chart.svg.matchAll(/<rect [^>]*width="([\d.]+)"/g)].map(m => Number(m[1]))
    expect(Math.max(...widths)).toBe(widths[3])
    expect(widths[4]).toBe(0)
    expect(chart.svg).toContain('fill="#d4351c"') // critical red
    expect(chart.svg).toMatch(/<desc[^>]*>Critical: 2; High: 8; Elevated: 30; Low: 120; Not scored: 0\. 160 current cases in all\.<\/desc>/)
  })

  it('gives the same numbers as a table, linking a band to its list when allowed', () => {
    const { table } = riskDistributionChart(bands)
    expect(table.head).toEqual(['Band', 'Cases', 'Share'])
    expect(table.rows[3]).toEqual([{ text: 'Low', href: '/cases?band=low' }, { text: '120', numeric: true }, { text: '75%', numeric: true }])
    expect(table.rows[0]![0]).toEqual({ text: 'Critical' })
  })

  it('copes with no cases at all', () => {
    const chart = riskDistributionChart(bands.map(b => ({ ...b, count: 0 })))
    expectAccessibleChart(chart)
    expect(textsOf(chart.svg)).toContain('0 (0%)')
  })

  it('escapes labels', () => {
    const chart = riskDistributionChart([{ key: 'x', label: '<script>&', count: 1 }])
    expectAccessibleChart(chart)
    expect(chart.svg).toContain('&lt;script&gt;&amp;')
  })
})
