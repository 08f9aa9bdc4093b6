import { medianAndP90, monthStarts, weekStarts } from './dashboardService'

describe('dashboard buckets', () => {
  it('lists the Mondays of the last weeks, this week last, in UTC', () => {
    // Friday 4 December 2026, late evening in UTC
    expect(weekStarts(new Date('2026-12-04T23:30:00Z'), 3)).toEqual(['2026-11-16', '2026-11-23', '2026-11-30'])
    // a Monday is the start of its own week, and a Sunday belongs to the week before
    expect(weekStarts(new Date('2026-11-30T00:00:00Z'), 1)).toEqual(['2026-11-30'])
    expect(weekStarts(new Date('2026-12-06T12:00:00Z'), 1)).toEqual(['2026-11-30'])
    expect(weekStarts(new Date('2026-12-04T12:00:00Z'), 12)[0]).toBe('2026-09-14')
  })

  it('lists the last months across a year end', () => {
    expect(monthStarts(new Date('2027-02-15T00:00:00Z'), 4)).toEqual(['2026-11', '2026-12', '2027-01', '2027-02'])
    expect(monthStarts(new Date('2026-12-31T23:59:59Z'), 12)).toHaveLength(12)
  })

  it('takes the median and the nearest-rank 90th percentile', () => {
    expect(medianAndP90([])).toEqual({ median: null, p90: null })
    expect(medianAndP90([7])).toEqual({ median: 7, p90: 7 })
    expect(medianAndP90([4, 2])).toEqual({ median: 3, p90: 4 })
    expect(medianAndP90([10, 1, 2, 3, 4, 5, 6, 7, 8, 9])).toEqual({ median: 5.5, p90: 9 })
    expect(medianAndP90([5, 1, 3])).toEqual({ median: 3, p90: 5 })
  })
})
