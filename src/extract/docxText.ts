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
const TOKENS = /<w:t(?:\s[^<>]*)?>([^<]*)<\/w:t>|<w:t(?:\s[^<>]*)?\/>|<w:(tab|br|cr)\b[^<>]*\/>|<\/w:p>|<w:p(?:\s[^<>]*)?\/>/g

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

/** Paragraphs end with a newline; an empty paragraph is an empty line. */
export function docxBodyText(xml: string): string {
  const out: string[] = []
  for (const m of withoutFallbacks(xml).matchAll(TOKENS)) {
    const token = m[0]
    if (m[1] !== undefined) out.push(decodeXml(m[1]))
    else if (m[2] === 'tab') out.push('\t')
    else if (m[2] === 'br' || m[2] === 'cr') {
      // A page or column break is layout, not a line of text.
      if (!/w:type="(page|column)"/.test(token)) out.push('\n')
    } else if (token.startsWith('</w:p') || token.startsWith('<w:p')) out.push('\n')
  }
  return out.join('')
}
