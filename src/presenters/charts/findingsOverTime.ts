import { type Chart, INK, MUTED, WIDTH, num, r1, svgDocument } from './chart'
import { escapeXml } from './escapeXml'

export interface FamilySeries {
  key: string
  label: string
  /** flags per week, one number per entry of `weeks` */
  counts: number[]
}

const LEFT = 4
const PANEL_H = 66
const TITLE_H = 18
const PLOT_H = 30
const AXIS_H = 22
const FILL = '#4c2c92'

/**
 * Flags by family per week as small multiples: one strip per family on a shared scale, every column
 * labelled with its number. Separate strips need no colour legend and keep small families readable.
 * `weeks` are the Mondays (YYYY-MM-DD) the weeks start on, oldest first.
 */
export function findingsOverTimeChart(weeks: string[], series: FamilySeries[]): Chart {
  const shown = series.filter(s => total(s) > 0).sort((a, b) => total(b) - total(a) || a.label.localeCompare(b.label))
  const quiet = series.filter(s => total(s) === 0).map(s => s.label)
  const max = Math.max(1, ...shown.flatMap(s => s.counts))
  const step = (WIDTH - LEFT * 2) / Math.max(1, weeks.length)
  const barW = Math.max(2, step * 0.7)
  const panels = shown
    .map((s, p) => {
      const top = p * PANEL_H
      const base = top + TITLE_H + PLOT_H + 12
      const columns = s.counts
        .map((n, i) => {
          const x = LEFT + i * step + (step - barW) / 2
          const h = n === 0 ? 0 : Math.max(2, (n / max) * PLOT_H)
          return n === 0
            ? ''
            : `<rect x="${r1(x)}" y="${r1(base - h)}" width="${r1(barW)}" height="${r1(h)}" fill="${FILL}"/>` +
                `<text x="${r1(x + barW / 2)}" y="${r1(base - h - 3)}" text-anchor="middle" font-size="10">${num(n)}</text>`
        })
        .join('')
      return (
        `<g><text x="${LEFT}" y="${top + 14}" font-weight="bold">${escapeXml(`${s.label}: ${num(total(s))}`)}</text>` +
        columns +
        `<line x1="${LEFT}" x2="${WIDTH - LEFT}" y1="${base}" y2="${base}" stroke="${INK}" stroke-width="1"/></g>`
      )
    })
    .join('')
  const axisTop = shown.length * PANEL_H
  const ticks = weeks
    .map((w, i) => ({ w, i }))
    .filter(({ i }) => i === 0 || i === weeks.length - 1 || i === Math.floor((weeks.length - 1) / 2))
    .map(({ w, i }) => {
      const anchor = i === 0 ? 'start' : i === weeks.length - 1 ? 'end' : 'middle'
      const x = anchor === 'start' ? LEFT : anchor === 'end' ? WIDTH - LEFT : LEFT + i * step + step / 2
      return `<text x="${r1(x)}" y="${axisTop + 14}" text-anchor="${anchor}" font-size="11" fill="${MUTED}">${escapeXml(`w/c ${shortDate(w)}`)}</text>`
    })
    .join('')
  const empty = shown.length === 0 ? `<text x="${LEFT}" y="18">No flags on cases opened in these weeks.</text>` : ''
  const first = weeks[0] ?? ''
  const last = weeks[weeks.length - 1] ?? ''
  const desc =
    shown.length === 0
      ? `No flags on cases opened in the ${weeks.length} weeks from ${first}.`
      : `Flags on cases opened in the ${weeks.length} weeks from the week of ${first} to the week of ${last}, by family: ` +
        shown.map(s => `${s.label} ${num(total(s))} (${s.counts.join(', ')})`).join('; ') +
        (quiet.length ? `. None in: ${quiet.join(', ')}.` : '.')
  return {
    id: 'chart-families',
    heading: 'Findings by family over time',
    hint: `Flags raised on the cases opened each week, last ${weeks.length} weeks, one strip per family on the same scale.`,
    svg: svgDocument({ id: 'chart-families', height: (shown.length === 0 ? 26 : axisTop) + AXIS_H, title: 'Small multiple column charts: flags per week by family', desc, body: empty || panels + ticks }),
    table: {
      caption: 'Flags on cases opened each week, by family',
      head: ['Week starting', ...shown.map(s => s.label), 'All families'],
      rows: weeks.map((w, i) => [
        { text: w },
        ...shown.map(s => ({ text: num(s.counts[i] ?? 0), numeric: true })),
        { text: num(series.reduce((sum, s) => sum + (s.counts[i] ?? 0), 0)), numeric: true },
      ]),
    },
  }
}

const total = (s: FamilySeries) => s.counts.reduce((a, b) => a + b, 0)

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
function shortDate(day: string): string {
  const [, m, d] = day.split('-')
  return `${Number(d)} ${MONTHS[Number(m) - 1] ?? ''}`
}
