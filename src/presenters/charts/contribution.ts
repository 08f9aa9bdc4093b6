/**
 * The case's strongest reasons as a small horizontal bar chart, drawn on the server as SVG: no script,
 * nothing to load, readable in the PDF-less page and by screen readers (a <title>, a <desc> listing every
 * bar in words, and text labels in the picture). Every string that enters the SVG goes through escapeXml.
 */
export interface ContributionBar {
  label: string
  points: number
  /** words shown after the points, e.g. the severity ("High") */
  note?: string
}

export interface ContributionChart {
  svg: string
  /** the same bars in words, for the visually-hidden list beside the picture */
  described: string[]
}

export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!)
}

const fmt = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1))
/** Labels longer than this are cut with an ellipsis so the picture keeps its width (the full text is in <desc>). */
const MAX_LABEL = 72

export function contributionChart(bars: ContributionBar[], opts: { title: string; width?: number } = { title: 'Strongest reasons' }): ContributionChart {
  const width = opts.width ?? 560
  const rowH = 31
  const barH = 12
  // room after the longest bar for its value ("42.5 pts · High, blocks sign-off")
  const valueW = 230
  const barMax = width - valueW
  const height = Math.max(1, bars.length) * rowH
  const max = Math.max(1, ...bars.map(b => b.points))
  const described = bars.map(b => `${b.label}: ${fmt(b.points)} points${b.note ? ` (${b.note})` : ''}`)
  const rows = bars.map((b, i) => {
    const y = i * rowH
    const w = Math.max(2, Math.round((Math.max(0, b.points) / max) * barMax))
    const label = b.label.length > MAX_LABEL ? `${b.label.slice(0, MAX_LABEL - 1)}…` : b.label
    return [
      `<text x="0" y="${y + 12}" class="app-chart__label">${escapeXml(label)}</text>`,
      `<rect x="0" y="${y + 16}" width="${w}" height="${barH}" class="app-chart__bar" fill="#1d70b8"/>`,
      `<text x="${Math.min(w + 6, barMax + 6)}" y="${y + 27}" class="app-chart__value">${escapeXml(`${fmt(b.points)} pts${b.note ? ` · ${b.note}` : ''}`)}</text>`,
    ].join('')
  })
  const id = `chart-${Math.abs(hash(opts.title + described.join('|'))).toString(36)}`
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="100%" preserveAspectRatio="xMinYMin meet" role="img" aria-labelledby="${id}-t ${id}-d" class="app-chart" font-family="inherit" font-size="13" fill="#0b0c0c">` +
    `<title id="${id}-t">${escapeXml(opts.title)}</title><desc id="${id}-d">${escapeXml(described.join('; '))}</desc>` +
    rows.join('') +
    `</svg>`
  return { svg, described }
}

function hash(s: string): number {
  let h = 0
  for (let i = 0; i < s.length; i++) h = (Math.imul(31, h) + s.charCodeAt(i)) | 0
  return h
}
