import type { RingSummary } from '../services/linkService'
import { jsonForScript, listWords, pairEdges, presentRing, presentRingRows, sharedValues } from './presentRing'

const member = (caseId: string, reference: string, name: string, band: string | null) => ({ caseId, reference, name, band, kind: '' })
const link = (a: string, b: string, kind: string, key: string, via: string, support: string | null = null) => ({ a, b, kind, key: `${kind}\u001f${key}`, via, support })

// Four applications: A, B, C and D all give one reference phone (as relinking stores it: every pair), A
// and B also share a wallet, C ships to D's home.
const ring: RingSummary = {
  id: 'VD-1',
  members: [member('a', 'VD-1', 'Ana Alves', 'critical'), member('b', 'VD-2', 'Ben Brook', 'high'), member('c', 'VD-3', 'Cy <Cole>', null), member('d', 'VD-4', 'Dee Dunn', 'low')],
  kinds: ['address', 'phone', 'wallet'],
  worstBand: 'critical',
  links: [
    link('b', 'a', 'phone', '+16465550123', 'reference phone: +1 646 555 0123'),
    link('c', 'a', 'phone', '+16465550123', 'reference phone: +1 646 555 0123'),
    link('c', 'b', 'phone', '+16465550123', 'reference phone: +1 646 555 0123'),
    link('d', 'a', 'phone', '+16465550123', 'reference phone: (646) 555-0123'),
    link('d', 'b', 'phone', '+16465550123', 'reference phone: +1 646 555 0123'),
    link('d', 'c', 'phone', '+16465550123', 'reference phone: +1 646 555 0123'),
    link('b', 'a', 'wallet', 'TMsF', 'wallet: TMsF'),
    link('a', 'b', 'wallet', 'TMsF', 'wallet: TMsF'),
    link('c', 'd', 'address', '400 pine', 'shipping address: 400 Pine Ave', 'a forwarder'),
  ],
  pairs: [
    { a: 'a', b: 'b', joined: true, reason: 'joined: phone' },
    { a: 'c', b: 'd', joined: false, reason: 'supporting only' },
  ],
  nearby: [],
}

describe('presentRing', () => {
  it('draws one edge per pair of applications, with the kinds they share as its label', () => {
    const edges = pairEdges(ring)
    expect(edges).toHaveLength(6)
    const ab = edges.find(e => e.source === 'a' && e.target === 'b')!
    expect(ab).toMatchObject({ kinds: ['phone', 'wallet'], label: 'phone, wallet', values: 2, joined: true, width: 4 })
    const cd = edges.find(e => e.source === 'c' && e.target === 'd')!
    expect(cd).toMatchObject({ kinds: ['address', 'phone'], joined: false })
    expect(new Set(edges.map(e => e.id)).size).toBe(6)
  })

  it('groups what they share by value: one row per phone, naming every application that gives it', () => {
    const shared = sharedValues(ring)
    expect(shared).toHaveLength(3)
    expect(shared[0]).toMatchObject({ kind: 'phone', shown: ['reference phone: (646) 555-0123', 'reference phone: +1 646 555 0123'], membersText: 'Ana Alves, Ben Brook, Cy <Cole> and Dee Dunn', countsAs: 'identifying' })
    expect(shared[0]!.members.map(m => m.reference)).toEqual(['VD-1', 'VD-2', 'VD-3', 'VD-4'])
    expect(shared.find(s => s.kind === 'wallet')).toMatchObject({ membersText: 'Ana Alves and Ben Brook' })
    expect(shared.find(s => s.kind === 'address')).toMatchObject({ countsAs: 'supporting: a forwarder' })
  })

  it('makes one row of the applications a chain of alike photos (or resumes) joins, not one per pair', () => {
    const photo = (a: string, b: string, bits: number) => link(a, b, 'photo', `${a}|${b}`, `the same photo (${bits} of 64 hash bits differ)`)
    const shared = sharedValues({ members: ring.members, links: [photo('a', 'b', 0), photo('b', 'c', 4), photo('a', 'c', 4), link('a', 'd', 'resume', 'a|d', 'resume text 70% alike')] })
    expect(shared.map(s => [s.kind, s.membersText, s.shown.length])).toEqual([['photo', 'Ana Alves, Ben Brook and Cy <Cole>', 2], ['resume', 'Ana Alves and Dee Dunn', 1]])
  })

  it('labels nodes briefly with the reference and the band, colour and shape by band, and a legend of the bands present', () => {
    const view = presentRing(ring)
    expect(view.nodes.map(n => n.label)).toEqual(['VD-1 (critical)', 'VD-2 (high)', 'VD-3 (unscored)', 'VD-4 (low)'])
    expect(new Set(view.nodes.map(n => n.colour)).size).toBe(4)
    expect(new Set(view.nodes.map(n => n.shape)).size).toBe(4)
    expect(view.legend.map(l => [l.words, l.count])).toEqual([['critical', 1], ['high', 1], ['low', 1], ['unscored', 1]])
    expect(view.legend[0]!.svg).toMatch(/^<svg [^>]*aria-hidden="true"/)
    expect(view.graphLabel).toContain('4 applications')
  })

  it('writes the graph data so nothing in it can close its script element', () => {
    const view = presentRing(ring)
    expect(view.graphJson).not.toContain('<')
    expect(view.graphJson).not.toContain('>')
    expect(JSON.parse(view.graphJson).nodes[2].name).toBe('Cy <Cole>')
    expect(jsonForScript({ s: '</script><!--' })).toBe('{"s":"\\u003c/script\\u003e\\u003c!--"}')
    expect(JSON.parse(view.graphJson).edges).toHaveLength(6)
  })

  it('rows for /rings: size, the highest band and what joins them, with a few names', () => {
    const many: RingSummary = { ...ring, members: Array.from({ length: 8 }, (_, i) => member(String(i), `VD-${i}`, `Person ${i}`, null)) }
    const [first, second] = presentRingRows([ring, many])
    expect(first).toEqual({ id: 'VD-1', size: 4, worstBand: 'critical', joinedBy: 'address, phone and wallet', membersText: 'Ana Alves, Ben Brook, Cy <Cole> and Dee Dunn' })
    expect(second!.membersText).toBe('Person 0, Person 1, Person 2, Person 3, Person 4 and 3 more')
    expect(listWords([])).toBe('')
    expect(listWords(['x'])).toBe('x')
  })
})
