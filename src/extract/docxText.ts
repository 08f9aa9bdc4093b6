/**
 * The text of a DOCX body (word/document.xml), paragraph by paragraph, as mammoth's raw-text mode
 * gives it but without building a DOM: a resume needs its words, and parsing every element into
 * objects cost about 7 ms a file, most of the time spent reading a batch. Runs (w:t), tabs and breaks
 * are kept; deleted text (w:delText), field codes (w:instrText) and the fallback copy of a drawing
 * (mc:Fallback, which repeats its text box) are not.
 */
const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }

function decodeXml(text: string): string {
  if (!text.includes('&')) return text
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (_, e: string) => {
    if (e[0] !== '#') return ENTITIES[e]!
    const code = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : ''
  })
}

// Inside a tag, [^<>]* rather than [^>]*: a tag cannot contain "<", and stopping there keeps each scan
// short; with [^>]*, 200 KB of "<w:t " without a ">" took 17 s (every start scanned to the end).
const TOKENS = /<w:t(?:\s[^<>]*)?>([^<]*)<\/w:t>|<w:t(?:\s[^<>]*)?\/>|<w:(tab|br|cr)\b[^<>]*\/>|<\/w:p>|<w:p(?:\s[^<>]*)?\/>|<(\/?)w:(tr|tc)(?:\s[^<>]*)?>/g

/**
 * Drop each mc:Fallback element in one pass with indexOf: a lazy pattern up to </mc:Fallback> rescans to
 * the end of the file for every one left unclosed. Unclosed ones are kept, as the pattern kept them.
 */
function withoutFallbacks(xml: string): string {
  const OPEN = '<mc:Fallback'
  const CLOSE = '</mc:Fallback>'
  let out = ''
  let from = 0
  let at = xml.indexOf(OPEN)
  while (at >= 0) {
    if (/\w/.test(xml[at + OPEN.length] ?? '')) {
      at = xml.indexOf(OPEN, at + 1)
      continue
    }
    const end = xml.indexOf(CLOSE, at)
    if (end < 0) break
    out += xml.slice(from, at)
    from = end + CLOSE.length
    at = xml.indexOf(OPEN, from)
  }
  return out + xml.slice(from)
}

/**
 * A table row of short cells (at most two paragraphs each, as in a row of dates | employer | title) is one
 * line, its cells joined by " | ", so a row's dates stay with its employer. A row of long cells (a sidebar
 * beside the main text) is read cell after cell, a line per paragraph.
 */
function rowText(cells: string[]): string {
  const paras = cells.map(c => c.split('\n').map(p => p.trim()).filter(Boolean))
  const filled = paras.filter(p => p.length)
  if (filled.length >= 2 && filled.every(p => p.length <= 2)) return `${filled.map(p => p.join(' ')).join(' | ')}\n`
  return cells.join('')
}

const MAX_TABLE_DEPTH = 8

/** Paragraphs end with a newline; an empty paragraph is an empty line; a row of short cells is one line. */
export function docxBodyText(xml: string): string {
  // Where text goes: the body, or the cell being read (cells nest in rows, rows in cells of outer tables).
  const sinks: string[][] = [[]]
  const rows: Array<{ cells: string[]; depth: number }> = []
  const out = () => sinks[sinks.length - 1]!
  for (const m of withoutFallbacks(xml).matchAll(TOKENS)) {
    const token = m[0]
    if (m[1] !== undefined) out().push(decodeXml(m[1]))
    else if (m[2] === 'tab') out().push('\t')
    else if (m[2] === 'br' || m[2] === 'cr') {
      // A page or column break is layout, not a line of text.
      if (!/w:type="(page|column)"/.test(token)) out().push('\n')
    } else if (m[4] === 'tr') {
      // Deeper nesting than any resume has is read as plain paragraphs: copying cells up stays linear.
      if (!m[3] && rows.length >= MAX_TABLE_DEPTH) continue
      if (!m[3]) rows.push({ cells: [], depth: sinks.length })
      else {
        const row = rows.pop()
        if (!row) continue
        // A cell left open inside the row is closed with it.
        while (sinks.length > row.depth) row.cells.push(sinks.pop()!.join(''))
        out().push(rowText(row.cells))
      }
    } else if (m[4] === 'tc') {
      const row = rows[rows.length - 1]
      if (!row) continue
      if (!m[3]) {
        while (sinks.length > row.depth) row.cells.push(sinks.pop()!.join(''))
        sinks.push([])
      } else if (sinks.length > row.depth) row.cells.push(sinks.pop()!.join(''))
    } else if (token.startsWith('</w:p') || token.startsWith('<w:p')) out().push('\n')
  }
  // Rows never closed (a damaged file) are read as they stand.
  while (rows.length) {
    const row = rows.pop()!
    while (sinks.length > row.depth) row.cells.push(sinks.pop()!.join(''))
    out().push(rowText(row.cells))
  }
  return sinks[0]!.join('')
}
