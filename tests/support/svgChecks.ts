import type { Chart } from '../../src/presenters/charts/chart'

/**
 * What every dashboard chart promises: one image to assistive technology with a title and a
 * description, scaling through viewBox, no style attributes (CSP), well-formed markup, and a table
 * with a number wherever the picture has one.
 */
export function expectAccessibleChart(chart: Chart): void {
  const svg = chart.svg
  expect(svg).toMatch(/^<svg [^>]*role="img"/)
  expect(svg).toMatch(/^<svg [^>]*viewBox="0 0 \d+ \d+"/)
  expect(svg).toMatch(/^<svg [^>]*width="100%"/)
  expect(svg).toMatch(new RegExp(`aria-labelledby="${chart.id}-title ${chart.id}-desc"`))
  expect(svg).toMatch(new RegExp(`<title id="${chart.id}-title">[^<]+</title><desc id="${chart.id}-desc">[^<]+</desc>`))
  expect(svg).not.toMatch(/\sstyle=/i)
  expect(svg).not.toMatch(/<script|\son\w+=/i)
  expectWellFormed(svg)
  expect(chart.table.rows.every(r => r.length === chart.table.head.length)).toBe(true)
}

/** A small XML well-formedness check: balanced tags, quoted attributes, no bare `<` or `&` in text. */
export function expectWellFormed(xml: string): void {
  const stack: string[] = []
  const tag = /<(\/?)([a-zA-Z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>/y
  let i = 0
  while (i < xml.length) {
    const lt = xml.indexOf('<', i)
    const text = xml.slice(i, lt < 0 ? xml.length : lt)
    expect(text).not.toMatch(/&(?!(amp|lt|gt|quot|#39);)/)
    expect(text).not.toContain('>')
    if (lt < 0) break
    tag.lastIndex = lt
    const m = tag.exec(xml)
    if (!m) throw new Error(`malformed tag at ${lt}: ${xml.slice(lt, lt + 60)}`)
    const [, close, name, , selfClose] = m
    if (close) expect(stack.pop()).toBe(name)
    else if (!selfClose) stack.push(name!)
    i = tag.lastIndex
  }
  expect(stack).toEqual([])
}

export const textsOf = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map(m => m[1]!)
