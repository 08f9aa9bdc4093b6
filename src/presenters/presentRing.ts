import type { RingSummary } from '../services/linkService'
import { maskText } from './maskSensitive'

/**
 * What the ring pages show: one edge per pair of applications (the kinds they share as its label, more
 * kinds as a wider line), nodes coloured AND shaped by band with the band in the label, and the table
 * grouped by shared value (a phone fifteen applications give is one row naming them, not fifteen pairs).
 */

export type BandName = 'critical' | 'high' | 'elevated' | 'low' | 'unscored'

/** Colour (3:1 or more against white), shape (the same in the graph and the legend) and words per band. */
export const BAND_STYLE: Record<BandName, { colour: string; shape: 'octagon' | 'diamond' | 'round-rectangle' | 'ellipse' | 'triangle'; words: string }> = {
  critical: { colour: '#6f1d1b', shape: 'octagon', words: 'critical' },
  high: { colour: '#d4351c', shape: 'diamond', words: 'high' },
  elevated: { colour: '#8a5a00', shape: 'round-rectangle', words: 'elevated' },
  low: { colour: '#00703c', shape: 'ellipse', words: 'low' },
  unscored: { colour: '#505a5f', shape: 'triangle', words: 'unscored' },
}
const BAND_ORDER: BandName[] = ['critical', 'high', 'elevated', 'low', 'unscored']
const bandOf = (band: string | null | undefined): BandName => (band && band in BAND_STYLE ? (band as BandName) : 'unscored')

export interface RingNode {
  id: string
  reference: string
  name: string
  band: BandName
  /** short, so labels do not overlap: the reference and the band; the name shows on hover or tap */
  label: string
  colour: string
  shape: string
}

export interface RingEdge {
  id: string
  source: string
  target: string
  kinds: string[]
  /** the kinds shared, e.g. "phone, wallet" */
  label: string
  /** how many distinct values the pair shares */
  values: number
  /** false: the pair shares only supporting values (drawn dashed) */
  joined: boolean
  width: number
}

export interface SharedValue {
  kind: string
  /** the value as each application gave it, e.g. "home address: 400 Pine Ave Apt 3" (distinct) */
  shown: string[]
  members: Array<{ caseId: string; reference: string; name: string }>
  /** "A and B", "A, B and C" */
  membersText: string
  countsAs: string
}

export interface LegendEntry {
  band: BandName
  words: string
  colour: string
  /** an SVG shape built here from fixed numbers: safe to print unescaped */
  svg: string
  count: number
}

const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`)

/** "A", "A and B", "A, B and C". */
export function listWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join('')
  return `${words.slice(0, -1).join(', ')} and ${words.at(-1)!}`
}

/** One edge per pair of members, whatever the number of values they share. */
export function pairEdges(ring: Pick<RingSummary, 'links' | 'pairs'>): RingEdge[] {
  const joined = new Map(ring.pairs.map(p => [pairKey(p.a, p.b), p.joined]))
  const byPair = new Map<string, { a: string; b: string; kinds: Set<string>; values: Set<string> }>()
  for (const l of ring.links) {
    const k = pairKey(l.a, l.b)
    let e = byPair.get(k)
    if (!e) byPair.set(k, (e = { a: l.a < l.b ? l.a : l.b, b: l.a < l.b ? l.b : l.a, kinds: new Set(), values: new Set() }))
    e.kinds.add(l.kind)
    e.values.add(`${l.kind}\u001f${l.key}`)
  }
  return [...byPair.entries()]
    .sort(([x], [y]) => x.localeCompare(y))
    .map(([k, e], i) => {
      const kinds = [...e.kinds].sort()
      // Width says how much a pair shares (kinds, not repeated values); capped so one pair cannot hide others.
      return { id: `e${i}`, source: e.a, target: e.b, kinds, label: kinds.join(', '), values: e.values.size, joined: joined.get(k) ?? true, width: Math.min(2 + 2 * (kinds.length - 1), 8) }
    })
}

/** Kinds whose links are a likeness between two applications (no value to share): their key names the pair. */
const LIKENESS_KINDS: ReadonlySet<string> = new Set(['resume', 'photo'])

/** For likeness kinds, each application's group: the applications joined by a chain of alike resumes (or photos). */
function likenessGroups(links: RingSummary['links']): Map<string, string> {
  const parent = new Map<string, string>()
  const find = (x: string): string => {
    let r = x
    while (parent.get(r) !== r) r = parent.get(r)!
    parent.set(x, r)
    return r
  }
  const groupOf = new Map<string, string>()
  for (const l of links) {
    if (!LIKENESS_KINDS.has(l.kind)) continue
    for (const id of [`${l.kind}|${l.a}`, `${l.kind}|${l.b}`]) if (!parent.has(id)) parent.set(id, id)
    const [ra, rb] = [find(`${l.kind}|${l.a}`), find(`${l.kind}|${l.b}`)]
    if (ra !== rb) parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb)
  }
  for (const id of parent.keys()) groupOf.set(id, find(id))
  return groupOf
}

/**
 * The links grouped by the value shared: one row per phone, address, payee..., naming every member that
 * gives it. Alike resumes or photos have no one value: the applications a chain of them joins make one row.
 */
export function sharedValues(ring: Pick<RingSummary, 'links' | 'members'>): SharedValue[] {
  const member = new Map(ring.members.map(m => [m.caseId, m]))
  const likeness = likenessGroups(ring.links)
  const groups = new Map<string, { kind: string; shown: Set<string>; ids: Set<string>; countsAs: Set<string> }>()
  for (const l of ring.links) {
    const k = LIKENESS_KINDS.has(l.kind) ? `${l.kind}\u001f~${likeness.get(`${l.kind}|${l.a}`)!}` : `${l.kind}\u001f${l.key}`
    let g = groups.get(k)
    if (!g) groups.set(k, (g = { kind: l.kind, shown: new Set(), ids: new Set(), countsAs: new Set() }))
    g.shown.add(l.via)
    g.ids.add(l.a).add(l.b)
    g.countsAs.add(l.support ? `supporting: ${l.support}` : 'identifying')
  }
  return [...groups.values()]
    .map(g => {
      const members = [...g.ids]
        .map(id => ({ caseId: id, reference: member.get(id)?.reference ?? '', name: member.get(id)?.name ?? id }))
        .sort((x, y) => x.reference.localeCompare(y.reference) || x.name.localeCompare(y.name))
      return { kind: g.kind, shown: [...g.shown].sort(), members, membersText: listWords(members.map(m => m.name)), countsAs: [...g.countsAs].sort().join('; ') }
    })
    .sort((x, y) => y.members.length - x.members.length || x.kind.localeCompare(y.kind) || x.shown[0]!.localeCompare(y.shown[0]!))
}

/** A small SVG of the band's shape in its colour, as the graph draws it (fill and stroke are attributes, not styles: CSP-safe). */
function legendSvg(band: BandName): string {
  const { colour, shape } = BAND_STYLE[band]
  const body =
    shape === 'ellipse' ? '<circle cx="10" cy="10" r="8"/>'
    : shape === 'round-rectangle' ? '<rect x="2" y="3" width="16" height="14" rx="4"/>'
    : shape === 'diamond' ? '<polygon points="10,1 19,10 10,19 1,10"/>'
    : shape === 'octagon' ? '<polygon points="6,1 14,1 19,6 19,14 14,19 6,19 1,14 1,6"/>'
    : '<polygon points="10,2 19,18 1,18"/>'
  return `<svg class="app-ring-legend__shape" width="20" height="20" viewBox="0 0 20 20" aria-hidden="true" focusable="false"><g fill="${colour}">${body}</g></svg>`
}

export function ringNodes(ring: Pick<RingSummary, 'members'>): RingNode[] {
  return ring.members.map(m => {
    const band = bandOf(m.band)
    return { id: m.caseId, reference: m.reference, name: m.name, band, label: `${m.reference} (${BAND_STYLE[band].words})`, colour: BAND_STYLE[band].colour, shape: BAND_STYLE[band].shape }
  })
}

/** JSON for a `<script type="application/json">` block: nothing in it can close the element or open a comment. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')
}

export interface RingView {
  nodes: RingNode[]
  edges: RingEdge[]
  shared: SharedValue[]
  legend: LegendEntry[]
  /** the graph's accessible name: what it shows, and where the same is in words */
  graphLabel: string
  /** escaped for a script data block (see jsonForScript) */
  graphJson: string
}

/**
 * The ring with payout accounts, wallets and ID numbers masked in what the page prints (shared values,
 * pairs' and nearby applications' reasons), for roles that do not need them in full (see maskSensitive).
 * Keys are left alone: they are never printed, and the CSV export stays complete.
 */
export function maskRing(ring: RingSummary): RingSummary {
  return {
    ...ring,
    links: ring.links.map(l => ({ ...l, via: maskText(l.via) })),
    pairs: ring.pairs.map(p => ({ ...p, reason: maskText(p.reason) })),
    nearby: ring.nearby.map(n => ({ ...n, reason: maskText(n.reason) })),
  }
}

export function presentRing(ring: RingSummary): RingView {
  const nodes = ringNodes(ring)
  const edges = pairEdges(ring)
  const counts = new Map<BandName, number>()
  for (const n of nodes) counts.set(n.band, (counts.get(n.band) ?? 0) + 1)
  const legend = BAND_ORDER.filter(b => counts.has(b)).map(b => ({ band: b, words: BAND_STYLE[b].words, colour: BAND_STYLE[b].colour, svg: legendSvg(b), count: counts.get(b)! }))
  const graphLabel = `Graph of the ${nodes.length} applications in this ring and the ${edges.length} pairs that share something. The table "What they share" says the same in words.`
  const graphJson = jsonForScript({
    nodes: nodes.map(n => ({ id: n.id, label: n.label, name: n.name, reference: n.reference, band: n.band, colour: n.colour, shape: n.shape })),
    edges: edges.map(e => ({ id: e.id, source: e.source, target: e.target, label: e.label, width: e.width, joined: e.joined })),
  })
  return { nodes, edges, shared: sharedValues(ring), legend, graphLabel, graphJson }
}

export interface RingRow {
  id: string
  size: number
  worstBand: BandName
  joinedBy: string
  /** the first few member names, then how many more */
  membersText: string
}

const PREVIEW = 5

/** The /rings table: size, the highest member's band and what joins them, without per-ring queries. */
export function presentRingRows(rings: readonly RingSummary[]): RingRow[] {
  return rings.map(r => {
    const names = r.members.map(m => m.name)
    const more = names.length - PREVIEW
    return {
      id: r.id,
      size: r.members.length,
      worstBand: bandOf(r.worstBand),
      joinedBy: listWords(r.kinds),
      membersText: more > 0 ? `${names.slice(0, PREVIEW).join(', ')} and ${more} more` : listWords(names),
    }
  })
}
