import { expectAccessibleChart, textsOf } from '../../../tests/support/svgChecks'
import { timeToDecisionChart } from './timeToDecision'

describe('timeToDecisionChart', () => {
  const months = [
    { month: '2026-10', decisions: 0, medianDays: null, p90Days: null },
    { month: '2026-11', decisions: 12, medianDays: 4.25, p90Days: 10 },
    { month: '2026-12', decisions: 3, medianDays: 1, p90Days: 2.5 },
  ]

  it('draws the median as a bar and the 90th percentile as a whisker, both written out', () => {
    const chart = timeToDecisionChart(months)
    expectAccessibleChart(chart)
    expect(textsOf(chart.svg)).toEqual(['Median', '90th percentile (days)', 'Oct 2026', 'no decisions', 'Nov 2026', '4.3 / 10.0 (12)', 'Dec 2026', '1.0 / 2.5 (3)'])
    expect(chart.svg).toMatch(/<desc[^>]*>[^<]*Nov 2026: median 4\.3, 90th percentile 10\.0, 12 decisions; Dec 2026: median 1\.0[^<]*<\/desc>/)
    // the longest whisker is the largest 90th percentile and ends at the right of the plot
    const ends = [...chart.svg.matchAll(/<line x1="([\d.]+)" x2="\1" y1="\d+"/g)].map(m => Number(m[1]))
    expect(ends).toEqual([122, 272, 120.5]) // legend tick, November (10 days: the full span), December (2.5 days: a quarter)
  })

  it('gives a month table with dashes for months without decisions', () => {
    expect(timeToDecisionChart(months).table.rows.map(r => r.map(c => c.text))).toEqual([
      ['Oct 2026', '0', '–', '–'],
      ['Nov 2026', '12', '4.3', '10.0'],
      ['Dec 2026', '3', '1.0', '2.5'],
    ])
  })

  it('says so when nothing was decided', () => {
    const chart = timeToDecisionChart([months[0]!])
    expectAccessibleChart(chart)
    expect(chart.svg).toContain('No decisions in the 1 months shown.')
  })
})
