import { type Chart, INK, WIDTH, clip, num, r1, svgDocument } from './chart'
import { escapeXml } from './escapeXml'

export interface WorkloadRow {
  /** the assignee's display name, or null for items nobody has taken */
  name: string | null
  /** open items, overdue ones included */
  open: number
  overdue: number
}

// The name sits above its bar, so names keep most of their length and the bar keeps the width for the count.
const COUNT_W = 180
const NAME_H = 16
const ROW_H = 42
const BAR_H = 18
const LEGEND_H = 30
const SHOWN = 12
const HATCH = 'chart-workload-overdue'
const OPEN_FILL = '#1d70b8'
const OVERDUE_FILL = '#d4351c'

/**
 * Open checklist items per assignee, busiest first. The overdue part of each bar is hatched and named
 * in the count beside it ("3 overdue"), so it does not depend on telling red from blue.
 */
export function workloadChart(input: WorkloadRow[]): Chart {
  const all = [...input].filter(r => r.open > 0).sort((a, b) => b.overdue - a.overdue || b.open - a.open || (a.name ?? '').localeCompare(b.name ?? ''))
  // Past a dozen people the bars get too thin to read; the rest share one bar and the table lists everyone.
  const rows = all.length > SHOWN ? [...all.slice(0, SHOWN - 1), merge(all.slice(SHOWN - 1))] : all
  const max = Math.max(1, ...rows.map(r => r.open))
  const span = WIDTH - COUNT_W
  const legend =
    `<defs><pattern id="${HATCH}" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">` +
    `<rect width="6" height="6" fill="#ffffff"/><rect width="3" height="6" fill="${OVERDUE_FILL}"/></pattern></defs>` +
    `<g><rect x="0" y="6" width="14" height="14" fill="url(#${HATCH})" stroke="${INK}"/><text x="20" y="18">Overdue</text>` +
    `<rect x="100" y="6" width="14" height="14" fill="${OPEN_FILL}" stroke="${INK}"/><text x="120" y="18">Not yet due or no due date</text></g>`
  const bars = rows
    .map((r, i) => {
      const top = LEGEND_H + i * ROW_H
      const y = top + NAME_H + 2
      const wOverdue = (r.overdue / max) * span
      const wRest = ((r.open - r.overdue) / max) * span
      const counts = escapeXml(r.overdue > 0 ? `${num(r.open)} open, ${num(r.overdue)} overdue` : `${num(r.open)} open`)
      return (
        `<g><text x="0" y="${top + 12}">${escapeXml(clip(label_(r), 48))}</text>` +
        (r.overdue > 0 ? `<rect x="0" y="${y}" width="${r1(wOverdue)}" height="${BAR_H}" fill="url(#${HATCH})" stroke="${INK}"/>` : '') +
        (r.open > r.overdue ? `<rect x="${r1(wOverdue)}" y="${y}" width="${r1(wRest)}" height="${BAR_H}" fill="${OPEN_FILL}" stroke="${INK}"/>` : '') +
        `<text x="${r1(wOverdue + wRest + 6)}" y="${y + 13}">${counts}</text></g>`
      )
    })
    .join('')
  const empty = rows.length === 0 ? `<text x="0" y="${LEGEND_H + 18}">No open checklist items.</text>` : ''
  const totalOpen = all.reduce((s, r) => s + r.open, 0)
  const totalOverdue = all.reduce((s, r) => s + r.overdue, 0)
  const desc =
    rows.length === 0
      ? 'No open checklist items on open cases.'
      : `${num(totalOpen)} open checklist items, ${num(totalOverdue)} overdue. ${rows.map(r => `${label_(r)}: ${num(r.open)} open, ${num(r.overdue)} overdue`).join('; ')}.`
  return {
    id: 'chart-workload',
    heading: 'Workload',
    hint: 'Open checklist items on cases not yet decided, per person they are assigned to; the hatched part is past its due date.',
    svg: svgDocument({ id: 'chart-workload', height: LEGEND_H + Math.max(1, rows.length) * ROW_H + 4, title: 'Bar chart: open checklist items per assignee, overdue part hatched', desc, body: legend + bars + empty }),
    table: {
      caption: 'Open checklist items per assignee',
      head: ['Assigned to', 'Open items', 'Of which overdue'],
      rows: all.map(r => [{ text: label_(r) }, { text: num(r.open), numeric: true }, { text: num(r.overdue), numeric: true }]),
    },
  }
}

const label_ = (r: WorkloadRow) => r.name ?? 'Not assigned'

function merge(rest: WorkloadRow[]): WorkloadRow {
  return { name: `${rest.length} others`, open: rest.reduce((s, r) => s + r.open, 0), overdue: rest.reduce((s, r) => s + r.overdue, 0) }
}
