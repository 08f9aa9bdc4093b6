import { type Chart, INK, MUTED, WIDTH, num, r1, svgDocument } from './chart'
import { escapeXml } from './escapeXml'

export interface MonthDecisions {
  /** YYYY-MM */
  month: string
  decisions: number
  /** days from the case (revision) being opened to its decision; null when no decision that month */
  medianDays: number | null
  p90Days: number | null
}

const LABEL_W = 70
const TEXT_W = 128
const ROW_H = 26
const BAR_H = 14
const LEGEND_H = 30
const FILL = '#1d70b8'

/**
 * Median and 90th-percentile days to a decision, one row per month: the bar is the median, the whisker
 * runs on to the 90th percentile, and both figures are written beside it.
 */
export function timeToDecisionChart(months: MonthDecisions[]): Chart {
  const max = Math.max(1, ...months.map(m => m.p90Days ?? 0))
  const span = WIDTH - LABEL_W - TEXT_W
  const x = (days: number) => LABEL_W + (days / max) * span
  const legend =
    `<g><rect x="0" y="8" width="22" height="${BAR_H}" fill="${FILL}"/><text x="28" y="20">Median</text>` +
    `<line x1="100" x2="122" y1="15" y2="15" stroke="${INK}" stroke-width="2"/><line x1="122" x2="122" y1="9" y2="21" stroke="${INK}" stroke-width="2"/>` +
    `<text x="128" y="20">90th percentile (days)</text></g>`
  const rows = months
    .map((m, i) => {
      const y = LEGEND_H + i * ROW_H + 4
      const label = `<text x="${LABEL_W - 8}" y="${y + 12}" text-anchor="end">${escapeXml(monthLabel(m.month))}</text>`
      if (m.medianDays === null || m.p90Days === null) return `<g>${label}<text x="${LABEL_W}" y="${y + 12}" fill="${MUTED}">no decisions</text></g>`
      const mid = y + BAR_H / 2
      const end = x(m.p90Days)
      return (
        `<g>${label}<rect x="${LABEL_W}" y="${y}" width="${r1(Math.max(2, x(m.medianDays) - LABEL_W))}" height="${BAR_H}" fill="${FILL}"/>` +
        `<line x1="${r1(x(m.medianDays))}" x2="${r1(end)}" y1="${mid}" y2="${mid}" stroke="${INK}" stroke-width="2"/>` +
        `<line x1="${r1(end)}" x2="${r1(end)}" y1="${y + 1}" y2="${y + BAR_H - 1}" stroke="${INK}" stroke-width="2"/>` +
        `<text x="${r1(Math.max(end, x(m.medianDays)) + 6)}" y="${y + 12}">${escapeXml(`${days(m.medianDays)} / ${days(m.p90Days)} (${num(m.decisions)})`)}</text></g>`
      )
    })
    .join('')
  const decided = months.filter(m => m.medianDays !== null)
  const desc =
    decided.length === 0
      ? `No decisions in the ${months.length} months shown.`
      : `Days from a case being opened to its decision, by month of the decision: ` +
        decided.map(m => `${monthLabel(m.month)}: median ${days(m.medianDays!)}, 90th percentile ${days(m.p90Days!)}, ${num(m.decisions)} decisions`).join('; ') +
        '. Months not listed had no decisions.'
  return {
    id: 'chart-decisions',
    heading: 'Time to decision',
    hint: `Days from a case (or its reopened revision) being opened to its sign-off or rejection, by month of the decision; in brackets, how many decisions.`,
    svg: svgDocument({ id: 'chart-decisions', height: LEGEND_H + months.length * ROW_H + 6, title: 'Bar chart: median and 90th percentile days to a decision, per month', desc, body: legend + rows }),
    table: {
      caption: 'Days from opening to decision, by month of the decision',
      head: ['Month', 'Decisions', 'Median days', '90th percentile days'],
      rows: months.map(m => [
        { text: monthLabel(m.month) },
        { text: num(m.decisions), numeric: true },
        { text: m.medianDays === null ? '–' : days(m.medianDays), numeric: true },
        { text: m.p90Days === null ? '–' : days(m.p90Days), numeric: true },
      ]),
    },
  }
}

const days = (d: number) => (Math.round(d * 10) / 10).toFixed(1)

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
function monthLabel(month: string): string {
  const [y, m] = month.split('-')
  return `${MONTHS[Number(m) - 1] ?? m} ${y}`
}

