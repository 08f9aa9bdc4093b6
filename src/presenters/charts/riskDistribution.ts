import { type Chart, INK, WIDTH, num, r1, svgDocument } from './chart'
import { escapeXml } from './escapeXml'

export interface BandCount {
  /** low | elevated | high | critical | unscored */
  key: string
  label: string
  count: number
  /** the case list filtered to this band, for readers who may see it */
  href?: string
}

// The band tag palette: each bar also carries its band's name and count in words, so colour is never the only cue.
const FILL: Record<string, string> = { low: '#00703c', elevated: '#ffdd00', high: '#f47738', critical: '#d4351c', unscored: '#b1b4b6' }

const LABEL_W = 92
const COUNT_W = 86
const ROW_H = 30
const BAR_H = 20

/** Current cases per risk band as horizontal bars, most serious band first. */
export function riskDistributionChart(bands: BandCount[]): Chart {
  const order = ['critical', 'high', 'elevated', 'low', 'unscored']
  const rows = [...bands].sort((a, b) => rank(order, a.key) - rank(order, b.key))
  const total = rows.reduce((sum, b) => sum + b.count, 0)
  const max = Math.max(1, ...rows.map(b => b.count))
  const span = WIDTH - LABEL_W - COUNT_W
  const body = rows
    .map((b, i) => {
      const y = i * ROW_H + 6
      const w = b.count === 0 ? 0 : Math.max(2, (b.count / max) * span)
      const share = total === 0 ? 0 : Math.round((b.count / total) * 100)
      return (
        `<g><text x="${LABEL_W - 8}" y="${y + 15}" text-anchor="end">${escapeXml(b.label)}</text>` +
        `<rect x="${LABEL_W}" y="${y}" width="${r1(w)}" height="${BAR_H}" fill="${FILL[b.key] ?? FILL.unscored}" stroke="${INK}" stroke-width="${w === 0 ? 0 : 1}"/>` +
        `<text x="${r1(LABEL_W + w + 6)}" y="${y + 15}">${escapeXml(`${num(b.count)} (${share}%)`)}</text></g>`
      )
    })
    .join('')
  const desc = `${rows.map(b => `${b.label}: ${num(b.count)}`).join('; ')}. ${num(total)} current cases in all.`
  return {
    id: 'chart-risk',
    heading: 'Cases by risk band',
    hint: 'Current cases in each risk band, with each band’s share of all current cases.',
    svg: svgDocument({ id: 'chart-risk', height: rows.length * ROW_H + 8, title: 'Bar chart: current cases by risk band', desc, body }),
    table: {
      caption: 'Number of current cases in each risk band',
      head: ['Band', 'Cases', 'Share'],
      rows: rows.map(b => [
        { text: b.label, ...(b.href ? { href: b.href } : {}) },
        { text: num(b.count), numeric: true },
        { text: `${total === 0 ? 0 : Math.round((b.count / total) * 100)}%`, numeric: true },
      ]),
    },
  }
}

function rank(order: string[], key: string): number {
  const i = order.indexOf(key)
  return i < 0 ? order.length : i
}
