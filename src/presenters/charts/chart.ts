import { escapeXml } from './escapeXml'

/** One cell of a chart's table equivalent; `href` links a row to the list behind it. */
export interface ChartCell {
  text: string
  numeric?: boolean
  href?: string
}

/**
 * A picture and the same numbers as a table: the SVG for people who would rather look, the table
 * ("Show the numbers") for screen readers, keyboard users and anyone who wants the exact figures.
 */
export interface Chart {
  id: string
  heading: string
  /** one line under the picture saying what is counted */
  hint: string
  svg: string
  table: { caption: string; head: string[]; rows: ChartCell[][] }
}

export const INK = '#0b0c0c'
export const MUTED = '#505a5f'
export const WIDTH = 400

/**
 * The outer <svg>: scales to its column through viewBox + width 100% (height follows the ratio), is one
 * image to assistive technology (role="img", named by <title>, described by <desc>), takes the page font from .app-chart, and uses only
 * presentation attributes (no style attributes: the CSP forbids them).
 */
export function svgDocument(o: { id: string; height: number; title: string; desc: string; body: string; width?: number }): string {
  const width = o.width ?? WIDTH
  const id = escapeXml(o.id)
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="app-chart" viewBox="0 0 ${width} ${Math.ceil(o.height)}" width="100%" role="img" ` +
    `aria-labelledby="${id}-title ${id}-desc" focusable="false" font-size="13" fill="${INK}">` +
    `<title id="${id}-title">${escapeXml(o.title)}</title><desc id="${id}-desc">${escapeXml(o.desc)}</desc>` +
    o.body +
    '</svg>'
  )
}

/** Shorten a label that would run into its bar; the table keeps the whole text. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`
}

/** Round to one decimal place for SVG coordinates (shorter markup, same picture). */
export const r1 = (n: number) => Math.round(n * 10) / 10

export const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`
export const num = (n: number) => n.toLocaleString('en-GB')
