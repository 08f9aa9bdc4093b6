import { expectAccessibleChart, textsOf } from '../../../tests/support/svgChecks'
import { workloadChart } from './workload'

describe('workloadChart', () => {
  const rows = [
    { name: 'Ada Lovelace', open: 5, overdue: 0 },
    { name: 'Grace <Hopper>', open: 7, overdue: 3 },
    { name: null, open: 4, overdue: 1 },
    { name: 'Idle Person', open: 0, overdue: 0 },
  ]

  it('draws open items per person, most overdue first, the overdue part hatched and written out', () => {
    const chart = workloadChart(rows)
    expectAccessibleChart(chart)
    const texts = textsOf(chart.svg)
    expect(texts).toEqual(['Overdue', 'Not yet due or no due date', 'Grace &lt;Hopper&gt;', '7 open, 3 overdue', 'Not assigned', '4 open, 1 overdue', 'Ada Lovelace', '5 open'])
    // overdue is a pattern (not colour alone), used by the legend and the two bars with overdue items
    expect(chart.svg).toContain('<pattern id="chart-workload-overdue"')
    expect(chart.svg.match(/fill="url\(#chart-workload-overdue\)"/g)).toHaveLength(3)
  })

  it('lists everyone with open items in the table, including the unassigned', () => {
    expect(workloadChart(rows).table.rows).toEqual([
      [{ text: 'Grace <Hopper>' }, { text: '7', numeric: true }, { text: '3', numeric: true }],
      [{ text: 'Not assigned' }, { text: '4', numeric: true }, { text: '1', numeric: true }],
      [{ text: 'Ada Lovelace' }, { text: '5', numeric: true }, { text: '0', numeric: true }],
    ])
  })

  it('groups people past a dozen into one bar but keeps them all in the table', () => {
    const many = Array.from({ length: 20 }, (_, i) => ({ name: `Person ${String(i).padStart(2, '0')}`, open: 20 - i, overdue: 0 }))
    const chart = workloadChart(many)
    expectAccessibleChart(chart)
    expect(textsOf(chart.svg)).toContain('9 others')
    expect(textsOf(chart.svg)).toContain(`${[9, 8, 7, 6, 5, 4, 3, 2, 1].reduce((a, b) => a + b)} open`)
    expect(chart.table.rows).toHaveLength(20)
  })

  it('says so when nothing is open', () => {
    const chart = workloadChart([])
    expectAccessibleChart(chart)
    expect(textsOf(chart.svg)).toContain('No open checklist items.')
  })
})
