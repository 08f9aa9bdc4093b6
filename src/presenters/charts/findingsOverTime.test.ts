import { expectAccessibleChart, textsOf } from '../../../tests/support/svgChecks'
import { findingsOverTimeChart } from './findingsOverTime'

const weeks = ['2026-09-14', '2026-09-21', '2026-09-28', '2026-10-05']

describe('findingsOverTimeChart', () => {
  const series = [
    { key: 'contact', label: 'Contact details', counts: [1, 0, 2, 0] },
    { key: 'identity', label: 'Identity and claims consistency', counts: [0, 5, 3, 4] },
    { key: 'payment', label: 'Payment', counts: [0, 0, 0, 0] },
  ]

  it('draws one strip per family with flags, largest first, every column numbered', () => {
    const chart = findingsOverTimeChart(weeks, series)
    expectAccessibleChart(chart)
    const texts = textsOf(chart.svg)
    expect(texts.filter(t => t.includes(':'))).toEqual(['Identity and claims consistency: 12', 'Contact details: 3'])
    expect(texts).toEqual(expect.arrayContaining(['5', '3', '4', '1', '2', 'w/c 14 Sep', 'w/c 5 Oct']))
    expect(texts.join(' ')).not.toContain('Payment')
    expect(chart.svg).toMatch(/<desc[^>]*>[^<]*Identity and claims consistency 12 \(0, 5, 3, 4\); Contact details 3 \(1, 0, 2, 0\)\. None in: Payment\.<\/desc>/)
    // one column per non-zero week, all on the same scale: the 5 is the tallest
    const heights = [...chart.svg.matchAll(/<rect [^>]*height="([\d.]+)"/g)].map(m => Number(m[1]))
    expect(heights).toHaveLength(5)
    expect(Math.max(...heights)).toBe(30)
  })

  it('gives a week-by-family table with a total column', () => {
    const { table } = findingsOverTimeChart(weeks, series)
    expect(table.head).toEqual(['Week starting', 'Identity and claims consistency', 'Contact details', 'All families'])
    expect(table.rows.map(r => r.map(c => c.text))).toEqual([
      ['2026-09-14', '0', '1', '1'],
      ['2026-09-21', '5', '0', '5'],
      ['2026-09-28', '3', '2', '5'],
      ['2026-10-05', '4', '0', '4'],
    ])
  })

  it('says so when nothing was flagged', () => {
    const chart = findingsOverTimeChart(weeks, [{ key: 'payment', label: 'Payment', counts: [0, 0, 0, 0] }])
    expectAccessibleChart(chart)
    expect(textsOf(chart.svg)).toEqual(['No flags on cases opened in these weeks.'])
  })
})
