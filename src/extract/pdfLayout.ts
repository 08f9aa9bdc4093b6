/**
 * A PDF page's text items (pdf.js: string, position, width, font height) → text in reading order.
 * PDF content order is drawing order: office software draws table cells one after another, design tools
 * draw text boxes in the order they were made. So order comes from geometry:
 *  1. items on one baseline become a line, split into fragments where a gap wider than a word space
 *     separates them (table cells, tab stops, a date pushed to the right margin);
 *  2. consecutive lines whose fragments leave a common vertical gutter form a group (a sidebar beside a
 *     main column, two columns, a table); a line that crosses every gutter (a full-width heading or
 *     paragraph) ends the group;
 *  3. inside a group, blocks (a fragment and the lines right below it in the same column) either line up
 *     in rows, as table cells do (each row is read across, its cells joined by " | "), or run
 *     independently, as columns do (each column is read top to bottom, left column first).
 * Sorting dominates: O(n log n) in the number of items.
 */
export interface PdfTextItem {
  str: string
  /** left edge, in points from the page's left */
  x: number
  /** baseline, in points from the page's top */
  y: number
  width: number
  /** font height in points */
  height: number
}

interface Fragment {
  text: string
  x0: number
  x1: number
  y: number
  h: number
  col: number
}

interface Band {
  y: number
  frags: Fragment[]
}

/** A gap wider than this many font heights between two items on a line separates fragments. */
const FRAGMENT_GAP = 0.45
/** Lines closer than this (in font heights, baseline to baseline) belong to one block (a wrapped paragraph or cell). */
const BLOCK_PITCH = 1.32
/** Block tops within this many points of each other are in one table row. */
const ROW_TOLERANCE = 2
/** A group is read as a table when at least this share of the blocks in its sparsest column line up with a block in another column. */
const TABLE_ALIGNMENT = 0.6
/** More columns than any resume has: the lines are read as they come (this also bounds the work per line). */
const MAX_COLUMNS = 8
/** Table rows are at least this many font heights apart (top to top); single-spaced lines are closer. */
const ROW_PITCH = 1.55
/** Bullet glyphs, including the private-use ones Symbol and Wingdings fonts draw bullets with. */
const BULLET_ONLY = /^[•·▪‣◦●■□➢►✓\uf000-\uf0ff]$/u
const BULLET_START = /^[•·▪‣◦●■□➢►✓*\-–—\uf000-\uf0ff]\s/u

function bandsOf(items: PdfTextItem[]): Band[] {
  const usable = items.filter(i => i.str.trim() && Number.isFinite(i.x) && Number.isFinite(i.y) && i.height > 0)
  usable.sort((a, b) => a.y - b.y || a.x - b.x)
  const lines: PdfTextItem[][] = []
  let current: PdfTextItem[] = []
  let lineY = -Infinity
  let lineH = 0
  for (const item of usable) {
    if (current.length && Math.abs(item.y - lineY) <= 0.35 * Math.min(lineH, item.height)) {
      current.push(item)
      lineH = Math.max(lineH, item.height)
      continue
    }
    if (current.length) lines.push(current)
    current = [item]
    lineY = item.y
    lineH = item.height
  }
  if (current.length) lines.push(current)
  return lines.map(line => {
    line.sort((a, b) => a.x - b.x)
    const frags: Fragment[] = []
    let f: Fragment | null = null
    for (const item of line) {
      const gap = f ? item.x - f.x1 : Infinity
      const h = Math.max(item.height, f?.h ?? 0)
      // A bullet glyph stands apart from its text by an indent; it belongs to it.
      if (f && (gap < FRAGMENT_GAP * h || (BULLET_ONLY.test(f.text.trim()) && gap < 4 * h))) {
        const space = gap > 0.12 * h && !f.text.endsWith(' ') && !item.str.startsWith(' ')
        f.text += (space ? ' ' : '') + item.str
        f.x1 = Math.max(f.x1, item.x + item.width)
        f.h = h
      } else {
        f = { text: item.str, x0: item.x, x1: item.x + item.width, y: item.y, h: item.height, col: 0 }
        frags.push(f)
      }
    }
    for (const fr of frags) fr.text = fr.text.replace(/\s+/g, ' ').trim().replace(/^[\uf000-\uf0ff](?=\s)/u, '•')
    return { y: line[0]!.y, frags: frags.filter(fr => fr.text) }
  })
}

type Interval = [number, number]

/** Merge x-extents into the columns they cover; intervals closer than minGap are one. */
function coverage(intervals: Interval[], minGap: number): Interval[] {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0])
  const out: Interval[] = []
  for (const [a, b] of sorted) {
    const last = out[out.length - 1]
    if (last && a - last[1] < minGap) last[1] = Math.max(last[1], b)
    else out.push([a, b])
  }
  return out
}

interface Block {
  col: number
  top: number
  x0: number
  lines: Fragment[]
}

function blocksOf(bands: Band[]): Block[] {
  const open = new Map<number, Block>()
  const blocks: Block[] = []
  for (const band of bands) {
    const perCol = new Map<number, number>()
    for (const f of band.frags) perCol.set(f.col, (perCol.get(f.col) ?? 0) + 1)
    for (const f of band.frags) {
      const prev = open.get(f.col)
      const last = prev?.lines[prev.lines.length - 1]
      // One fragment per line in a block: a second fragment on the same baseline in this column starts its own.
      if (prev && last && last.y !== f.y && f.y - last.y <= BLOCK_PITCH * Math.max(f.h, last.h) && Math.abs(f.x0 - prev.x0) < 3 * f.h) {
        prev.lines.push(f)
        if (perCol.get(f.col)! > 1) open.delete(f.col)
        continue
      }
      const block: Block = { col: f.col, top: f.y, x0: f.x0, lines: [f] }
      blocks.push(block)
      open.set(f.col, block)
    }
  }
  return blocks
}

/** Joins the lines of one table cell: a word wrapped at a hyphen is rejoined, others get a space. */
function joinCell(lines: string[]): string {
  const parts: string[] = []
  let tail = ''
  for (const line of lines) {
    // Only the end of the text so far is looked at: testing the whole growing text would be quadratic.
    // A full stop glues only what continues in lower case ("example." / "com"), not "S.A." / "Staff Engineer".
    if (parts.length) parts.push((/[-–—/@]$/.test(tail) || (tail.endsWith('.') && /^[a-z0-9]/.test(line))) && !/\s[-–—]$/.test(tail) ? '' : ' ')
    parts.push(line)
    tail = (tail + line).slice(-2)
  }
  return parts.join('')
}

const bottom = (b: Block) => b.lines[b.lines.length - 1]!.y
const centre = (b: Block) => (b.top + bottom(b)) / 2

function readGroup(bands: Band[], columns: Interval[], out: string[]): void {
  for (const band of bands) for (const f of band.frags) f.col = columnOf(columns, f.x0)
  const blocks = blocksOf(bands)
  const byCol: Block[][] = columns.map(() => [])
  for (const b of blocks) byCol[b.col]!.push(b)
  // A block is aligned when a block of another column starts on its row, or is centred on the same line
  // (cells centred vertically beside a cell that wraps): one sweep over blocks by top, one by centre.
  const alignedSet = new Set<Block>()
  const sweep = (key: (b: Block) => number) => {
    const sorted = [...blocks].sort((a, b) => key(a) - key(b))
    for (let i = 0, j = 0; i < sorted.length; i++) {
      const at = key(sorted[i]!)
      while (key(sorted[j]!) < at - ROW_TOLERANCE) j++
      for (let k = j; k < sorted.length && key(sorted[k]!) <= at + ROW_TOLERANCE; k++) {
        if (sorted[k]!.col !== sorted[i]!.col) {
          alignedSet.add(sorted[i]!)
          break
        }
      }
    }
  }
  sweep(b => b.top)
  sweep(centre)
  const aligned = (b: Block) => alignedSet.has(b)
  const sparsest = byCol.filter(c => c.length).sort((a, b) => a.length - b.length)[0] ?? []
  // Rows of a table stand apart (cell padding, rules); two columns of single-spaced lines line up too, but
  // line after line at the text's own line pitch.
  const rowTops = [...new Set(blocks.filter(aligned).map(b => Math.round(b.top)))].sort((a, b) => a - b)
  const pitches = rowTops.slice(1).map((y, i) => y - rowTops[i]!).sort((a, b) => a - b)
  const lineH = blocks.map(b => b.lines[0]!.h).sort((a, b) => a - b)[Math.floor(blocks.length / 2)] ?? 0
  const rowsApart = pitches.length === 0 || pitches[Math.floor(pitches.length / 2)]! >= ROW_PITCH * lineH
  const tableLike = rowsApart && sparsest.length > 0 && sparsest.filter(aligned).length / sparsest.length >= TABLE_ALIGNMENT
  const tabbed = tabRows(bands, columns)
  if (tableLike && !tabbed) {
    // Rows: blocks side by side whose lines overlap (tops lined up, or a short cell centred beside a
    // wrapped one); each row read across.
    const sorted = [...blocks].sort((a, b) => a.top - b.top || a.x0 - b.x0)
    let row: Block[] = []
    let rowBottom = -Infinity
    const flush = () => {
      if (!row.length) return
      row.sort((a, b) => a.x0 - b.x0)
      const solo = row.length === 1
      if (solo) for (const l of row[0]!.lines) out.push(l.text)
      else out.push(row.map(b => joinCell(b.lines.map(l => l.text))).join(' | '))
      row = []
    }
    for (const b of sorted) {
      // Cells on one baseline are one row even when a later short line merged their columns.
      const sameTop = row.length > 0 && Math.abs(b.top - row[0]!.top) <= ROW_TOLERANCE
      const joins = sameTop || (row.length > 0 && b.top <= rowBottom + ROW_TOLERANCE && alignedSet.has(b) && !row.some(r => r.col === b.col))
      if (!joins) {
        flush()
        rowBottom = -Infinity
      }
      row.push(b)
      rowBottom = Math.max(rowBottom, bottom(b))
    }
    flush()
    return
  }
  if (datedRows(bands, out)) return
  if (tabbed || formLike(bands)) {
    // A form (Europass and the like): each label read with the value on its baseline ("Dates | 05/2022 –
    // present"), the value's further lines after it.
    for (const band of bands) out.push(band.frags.map(f => f.text).join(' | '))
    return
  }
  // Columns: each read top to bottom, left column first; fragments sharing a baseline in a column are cells.
  const perColumn: PlacedLine[][] = columns.map(() => [])
  for (const band of bands) {
    const here = new Map<number, Fragment[]>()
    for (const f of band.frags) {
      const list = here.get(f.col)
      if (list) list.push(f)
      else here.set(f.col, [f])
    }
    for (const [c, frags] of here) perColumn[c]!.push(placedLine(frags))
  }
  for (const placed of perColumn) if (placed.length) out.push(...unwrap(placed, Math.max(...placed.map(l => l.x1))))
}

/** A date, a date range's start ("2022 –") or its end ("today"), as a timeline's date column prints them. */
const ONE_DATE = '(?:(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?\\s+)?(?:19|20)\\d{2}(?:[-./]\\d{1,2})?|\\d{1,2}[/.](?:19|20)\\d{2}|present|current|today|now)'
const DATE_PART = new RegExp(`^${ONE_DATE}(?:\\s*[-–—]\\s*${ONE_DATE}?)?$`, 'i')
/** Spaced capitals or short capitals: a section heading set in the date column. */
const HEADING_PART = /^(?:\p{Lu}{1,2} ?)+$/u

/**
 * A timeline: a narrow left column of dates (a range often broken over two lines, "2022 –" / "today") beside
 * the jobs. Each date is read at the head of the job line on its row ("2022 – today | Senior Backend
 * Engineer"), the job's other lines after it, a heading in the date column where it stands. False (nothing
 * written) when the left column is not mostly dates.
 */
function datedRows(bands: Band[], out: string[]): boolean {
  const left = bands.flatMap(b => b.frags.filter(f => f.col === 0))
  const dates = left.filter(f => DATE_PART.test(f.text))
  if (dates.length < 3 || (dates.length + left.filter(f => HEADING_PART.test(f.text)).length) / left.length < 0.8) return false
  if (!bands.some(b => b.frags.some(f => f.col > 0))) return false
  // Date cells: a range broken over two lines ("2022 –" / "today") is one.
  const cells: Array<{ text: string; y: number; used: boolean }> = []
  for (const f of dates) {
    const last = cells[cells.length - 1]
    if (last && /[-–—]$/.test(last.text) && f.y - last.y <= 2.2 * f.h) last.text = `${last.text} ${f.text}`
    else cells.push({ text: f.text, y: f.y, used: false })
  }
  for (const band of bands) {
    for (const f of band.frags) if (f.col === 0 && !DATE_PART.test(f.text)) out.push(f.text)
    const right = band.frags.filter(fr => fr.col > 0)
    if (!right.length) continue
    const text = right.map(f => f.text).join(' | ')
    // The first job line on or just below a date's first line takes the date.
    const cell = cells.find(c => !c.used && c.y <= band.y + 0.5 * right[0]!.h)
    if (cell) {
      cell.used = true
      out.push(`${cell.text} | ${text}`)
    } else out.push(text)
  }
  // A date with no job line beside it still counts as text.
  for (const c of cells) if (!c.used) out.push(c.text)
  return true
}

/** A label column repeats its labels ("Dates", "Employer" for every job) and each sits on a value's baseline: a sidebar or a second column does neither. */
const FORM_ALIGNMENT = 0.7
function formLike(bands: Band[]): boolean {
  const left = bands.flatMap(b => b.frags.filter(f => f.col === 0))
  if (left.length < 6) return false
  const counts = new Map<string, number>()
  for (const f of left) counts.set(f.text.toLowerCase(), (counts.get(f.text.toLowerCase()) ?? 0) + 1)
  const repeated = [...counts.values()].filter(n => n >= 2).length
  const paired = bands.filter(b => b.frags.some(f => f.col === 0) && b.frags.some(f => f.col > 0)).length
  return repeated >= 2 && paired / left.length >= FORM_ALIGNMENT && left.every(f => f.text.split(' ').length <= 8)
}

/**
 * Lines with a short fragment pushed to the right margin (a tab stop, a flex row): "Kestrel Payments Ltd …
 * 02.2023 – now" over "Lead Cloud Engineer … Lagos". Every right fragment ends at one edge and shares its
 * baseline with text on the left: each line is read across, not as two columns.
 */
function tabRows(bands: Band[], columns: Interval[]): boolean {
  if (columns.length !== 2) return false
  const right = bands.flatMap(b => b.frags.filter(f => f.col === 1))
  if (right.length < 2) return false
  const edges = right.map(f => f.x1)
  if (Math.max(...edges) - Math.min(...edges) > 2 || right.some(f => f.text.split(' ').length > 5)) return false
  return bands.every(b => !b.frags.some(f => f.col === 1) || b.frags.some(f => f.col === 0))
}

/** The column whose extent holds x (columns are sorted and apart); a binary search. */
function columnOf(columns: Interval[], x: number): number {
  let lo = 0
  let hi = columns.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (columns[mid]![0] - 0.5 <= x) lo = mid
    else hi = mid - 1
  }
  return lo
}

const placedLine = (frags: Fragment[]): PlacedLine => ({ text: frags.map(f => f.text).join(' | '), x0: frags[0]!.x0, x1: frags[frags.length - 1]!.x1, y: frags[0]!.y, h: frags[0]!.h })

interface PlacedLine {
  text: string
  x0: number
  x1: number
  y: number
  h: number
}

/**
 * Lines of one column → text lines, a paragraph's wrapped lines joined: a line is a continuation when it
 * starts where the one above starts, right below it in the same size, and its first word would not have
 * fitted at the end of the line above (so the line above was full, up to the column's right edge).
 */
function unwrap(lines: PlacedLine[], right: number): string[] {
  const out: string[] = []
  let prev: PlacedLine | null = null
  // The right edge is a margin only when several lines reach it; one long line on a sparse page is not a
  // full line, and the short line after it is no continuation (a heading, a contact line, a job line).
  const left = Math.min(...lines.map(l => l.x0))
  const reaching = lines.filter(l => l.x1 >= right - 1.5 * l.h).length
  for (const line of lines) {
    const firstWord = /^\S*/.exec(line.text)![0].length
    const continues =
      prev !== null &&
      !line.text.includes(' | ') &&
      !prev.text.includes(' | ') &&
      !BULLET_START.test(line.text) &&
      Math.abs(line.h - prev.h) < 0.5 &&
      Math.abs(line.x0 - prev.x0) <= 1.5 &&
      line.y - prev.y > 0 &&
      line.y - prev.y <= BLOCK_PITCH * line.h &&
      prev.x1 + 0.5 * line.h * (firstWord + 1) >= right - 1 &&
      reaching >= 2 &&
      prev.x1 - left >= 0.6 * (right - left) &&
      // a finished sentence followed by a capital starts something new
      !(/[.!?]$/.test(prev.text) && /^\p{Lu}/u.test(line.text))
    if (continues) {
      out[out.length - 1] = joinCell([out[out.length - 1]!, line.text])
      prev = { ...line, x0: prev!.x0 }
    } else {
      out.push(line.text)
      prev = line
    }
  }
  return out
}

/** A bulleted paragraph's wrapped lines are one line of text: "• Built … in" + "Go" → "• Built … in Go". */
function joinBullets(lines: string[]): string[] {
  const out: string[] = []
  let inBullet = false
  let lastLen = 0
  for (const line of lines) {
    const bullet = BULLET_START.test(line)
    if (inBullet && !bullet && !line.includes(' | ') && /^[\p{Ll}\d(]/u.test(line) && lastLen > 25) {
      out[out.length - 1] = joinCell([out[out.length - 1]!, line])
      lastLen = line.length
      continue
    }
    inBullet = bullet
    lastLen = line.length
    out.push(line)
  }
  return out
}

/** The text of one page in reading order, a line per line of text. */
export function layoutPage(items: PdfTextItem[]): string {
  const groups: Array<{ bands: Band[]; cover: Interval[] }> = []
  let group: Band[] = []
  let cover: Interval[] = []
  let groupH = Infinity
  const bandH = (b: Band) => Math.min(...b.frags.map(f => f.h))
  const close = () => {
    if (!group.length) return
    const gutters = cover.slice(1).map((c, i) => [cover[i]![1], c[0]] as Interval)
    const fits = (b: Band) => b.frags.every(f => gutters.every(([a, z]) => f.x1 <= a + 0.5 || f.x0 >= z - 0.5))
    if (cover.length > 1) {
      // Lines just above that sit inside one of these columns belong to them (a sidebar that starts
      // lower than the main column, a main column that starts with a paragraph).
      let prev = groups[groups.length - 1]
      while (prev && prev.cover.length === 1 && prev.bands.every(fits)) {
        group.unshift(...prev.bands)
        cover = coverage([...cover, ...prev.cover], 0)
        groups.pop()
        prev = groups[groups.length - 1]
      }
    }
    groups.push({ bands: group, cover })
    group = []
    cover = []
    groupH = Infinity
  }
  for (const band of bandsOf(items)) {
    if (!band.frags.length) continue
    const extents = band.frags.map(f => [f.x0, f.x1] as Interval)
    if (group.length) {
      const merged = coverage([...cover, ...extents], FRAGMENT_GAP * Math.min(groupH, bandH(band)))
      // Stay in the group while a gutter survives.
      if (merged.length > 1 && merged.length <= MAX_COLUMNS) {
        group.push(band)
        cover = merged
        groupH = Math.min(groupH, bandH(band))
        continue
      }
      close()
    }
    group = [band]
    groupH = bandH(band)
    cover = coverage(extents, FRAGMENT_GAP * groupH)
    if (cover.length > MAX_COLUMNS) cover = [[cover[0]![0], Math.max(...cover.map(c => c[1]))]]
  }
  close()
  const out: string[] = []
  const right = Math.max(...groups.flatMap(g => g.cover.map(c => c[1])))
  let single: PlacedLine[] = []
  for (const g of groups) {
    if (g.cover.length > 1) {
      out.push(...unwrap(single, right))
      single = []
      readGroup(g.bands, g.cover, out)
    } else single.push(...g.bands.map(b => placedLine(b.frags)))
  }
  out.push(...unwrap(single, right))
  return joinBullets(out).join('\n')
}
