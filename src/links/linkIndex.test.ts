import { portrait } from '../generate/png'
import { hamming, pHash, photoFingerprint, samePhoto, thumbnail, thumbnailSimilarity, THUMB } from './imageHash'
import { HUB_LIMIT, LinkIndex, REFEREE_SUPPORT, clusters, pairVerdicts } from './linkIndex'
import type { LinkKey } from './linkKeys'
import { estimateJaccard, exactJaccard, shingles, signature, words } from './minhash'

const key = (kind: LinkKey['kind'], k: string): LinkKey => ({ kind, key: k, label: k, role: kind })
const TEXT = 'Led the migration from a monolith to services and mentored junior engineers. Designed the event pipeline for analytics, cut infrastructure cost by a third through better autoscaling, and shipped the mobile checkout flow with a small team over two years.'

describe('MinHash', () => {
  it('estimates Jaccard similarity and is deterministic', () => {
    const a = shingles(words(TEXT))
    const b = shingles(words(TEXT.replace('mobile checkout flow', 'billing service')))
    const est = estimateJaccard(signature(a), signature(b))
    expect(Math.abs(est - exactJaccard(a, b))).toBeLessThan(0.15)
    expect(signature(a)).toEqual(signature(shingles(words(TEXT))))
  })

  it('keeps shingles sorted without repeats, and its Jaccard by merge agrees with counting over sets', () => {
    const a = shingles(words(`${TEXT} ${TEXT}`))
    expect([...a]).toEqual([...new Set(a)].sort((x, y) => x - y))
    expect(shingles(words(TEXT)).length).toBe(a.length - 3) // the repeat adds only the shingles across the seam
    const rnd = seeded(3)
    for (let t = 0; t < 50; t++) {
      const x = new Set(Array.from({ length: 40 }, () => Math.floor(rnd() * 80)))
      const y = new Set(Array.from({ length: 40 }, () => Math.floor(rnd() * 80)))
      const inter = [...x].filter(v => y.has(v)).length
      const sorted = (s: Set<number>) => Uint32Array.from([...s].sort((p, q) => p - q))
      expect(exactJaccard(sorted(x), sorted(y))).toBe(inter / (x.size + y.size - inter))
    }
    expect(exactJaccard(new Uint32Array(0), new Uint32Array(0))).toBe(0)
  })
})

function seeded(seed: number): () => number {
  let x = seed
  return () => ((x = (Math.imul(x, 1103515245) + 12345) >>> 0) / 4294967296)
}

/** Pearson correlation at the best shift of up to one cell, per plane, lowest plane: computed the plain way. */
function plainSimilarity(a: Uint8Array, b: Uint8Array): number {
  let worst = 1
  for (let c = 0; c < 3; c++) {
    let best = -1
    for (let dy = -1; dy <= 1; dy++) {
      for (let dx = -1; dx <= 1; dx++) {
        const pairs: Array<[number, number]> = []
        for (let y = 0; y < THUMB; y++) for (let x = 0; x < THUMB; x++) if (y - dy >= 0 && y - dy < THUMB && x - dx >= 0 && x - dx < THUMB) pairs.push([a[c * 256 + y * THUMB + x]!, b[c * 256 + (y - dy) * THUMB + (x - dx)]!])
        const n = pairs.length
        const [sa, sb, saa, sbb, sab] = pairs.reduce(([p, q, r, s, t], [u, v]) => [p + u, q + v, r + u * u, s + v * v, t + u * v], [0, 0, 0, 0, 0])
        const den = Math.sqrt((saa - (sa * sa) / n) * (sbb - (sb * sb) / n))
        if (den > 0) best = Math.max(best, (sab - (sa * sb) / n) / den)
      }
    }
    worst = Math.min(worst, best)
  }
  return worst
}

describe('photos', () => {
  it('finds a re-encoded, resized, cropped copy and tells different pictures apart', () => {
    const a = photoFingerprint(portrait(101, 0))!
    expect(samePhoto(a, photoFingerprint(portrait(101, 5))!).same).toBe(true)
    expect(samePhoto(a, photoFingerprint(portrait(202, 0))!).same).toBe(false)
    expect(photoFingerprint(Buffer.from('not an image'))).toBeNull()
  })

  it('compares thumbnails exactly as the plain correlation does (precomputed sums change nothing)', () => {
    const rnd = seeded(11)
    const thumbs = [portrait(5, 0), portrait(5, 3), portrait(6, 0)].map(p => thumbnail(p)!)
    // Random planes with the same colour means, so the comparison gets past its first test.
    thumbs.push(Uint8Array.from(thumbs[0]!, v => Math.max(0, Math.min(255, v + Math.round((rnd() - 0.5) * 40)))))
    for (const a of thumbs) for (const b of thumbs) {
      const plain = plainSimilarity(a, b)
      const fast = thumbnailSimilarity(a, b)
      if (fast !== 0) expect(fast).toBe(plain)
    }
    expect(thumbnailSimilarity(thumbs[0]!, thumbs[1]!)).toBeGreaterThan(0.88)
  })

  it('counts differing hash bits and keeps pHash and thumbnail in step with each other', () => {
    expect(hamming('0000000000000000', 'ffffffffffffffff')).toBe(64)
    expect(hamming('8000000000000001', '0000000000000000')).toBe(2)
    expect(hamming('0123456789abcdef', '0123456789abcdef')).toBe(0)
    const f = photoFingerprint(portrait(9, 0))!
    expect(f.hash).toMatch(/^[0-9a-f]{16}$/)
    expect(f.hash).toBe(pHash(portrait(9, 0)))
    expect(Buffer.from(f.thumb, 'base64')).toEqual(Buffer.from(thumbnail(portrait(9, 0))!))
  })
})

describe('link index', () => {
  it('links applications sharing a key, a resume or a photo, incrementally', () => {
    const index = new LinkIndex()
    const sh = shingles(words(TEXT))
    expect(index.add({ id: 'A', keys: [key('phone', '+1')], resume: signature(sh), resumeShingles: sh, photo: photoFingerprint(portrait(7, 0)) })).toEqual([])
    const made = index.add({ id: 'B', keys: [key('phone', '+1')], resume: signature(sh), resumeShingles: sh, photo: photoFingerprint(portrait(7, 3)) })
    expect(made.map(l => l.kind).sort()).toEqual(['phone', 'photo', 'resume'])
    expect([...clusters(['A', 'B', 'C'], index.activeLinks()).values()]).toEqual([['A', 'B']])
  })

  it('words a link the same whichever application arrives first', () => {
    const apps = [
      { id: 'A', keys: [{ kind: 'phone' as const, key: '+16469406483', label: '+1 646 940 6483', role: 'phone' }], photo: photoFingerprint(portrait(7, 0)) },
      { id: 'B', keys: [{ kind: 'phone' as const, key: '+16469406483', label: '+1 (646) 940-6483', role: 'reference phone' }], photo: photoFingerprint(portrait(7, 4)) },
    ]
    const describe = (order: typeof apps) => {
      const index = new LinkIndex()
      for (const a of order) index.add(a)
      return index.activeLinks().map(l => `${[l.a, l.b].sort().join('-')} ${l.kind} ${l.via}`).sort()
    }
    expect(describe(apps)).toEqual(describe([...apps].reverse()))
    expect(describe(apps)).toContain('A-B phone phone: +1 646 940 6483')
  })

  it('stops linking on a value shared by very many applications (a hub), and reports it', () => {
    const index = new LinkIndex()
    for (let i = 0; i <= HUB_LIMIT + 1; i++) index.add({ id: `X${i}`, keys: [key('address', 'agency office')] })
    expect(index.activeLinks()).toEqual([])
    expect(index.hubs()).toEqual([expect.objectContaining({ kind: 'address', count: HUB_LIMIT + 2 })])
  })

  it('does not link two applicants for naming the same referee, but does when one’s referee is the other', () => {
    const index = new LinkIndex()
    const ref = (k: string): LinkKey => ({ kind: 'phone', key: k, label: k, role: 'reference phone' })
    index.add({ id: 'A', keys: [ref('+1646')] })
    index.add({ id: 'B', keys: [ref('+1646')] })
    expect(index.activeLinks()).toEqual([])
    index.add({ id: 'C', keys: [{ kind: 'phone', key: '+1646', label: '+1646', role: 'applicant phone' }] })
    expect(index.activeLinks().map(l => [l.a, l.b])).toEqual([['C', 'A'], ['C', 'B']])
  })

  it('never links on a home IP alone', () => {
    const index = new LinkIndex()
    index.add({ id: 'A', keys: [key('ip', '73.12.1.1')] })
    index.add({ id: 'B', keys: [key('ip', '73.12.1.1')] })
    expect(index.activeLinks()).toEqual([])
    index.add({ id: 'C', keys: [key('ip', '73.12.1.1'), key('email', 'x@y.z')] })
    index.add({ id: 'D', keys: [key('ip', '73.12.1.1'), key('email', 'x@y.z')] })
    expect(index.activeLinks().filter(l => l.kind === 'ip').map(l => [l.a, l.b])).toEqual([['D', 'C']])
  })

  it('never joins two applications through one kind of supporting link: a forwarder two rings use, a payee name', () => {
    const forwarder: LinkKey = { kind: 'address', key: 'fwd', label: '2210 W Commerce St Ste 4', role: 'shipping address', support: 'a commercial address' }
    const payeeName: LinkKey = { kind: 'payee', key: 'holder:john smith', label: 'John Smith', role: 'payout account holder', support: 'a payee name' }
    const index = new LinkIndex()
    // Ring 1 (A, B: one phone) and ring 2 (C, D: one wallet) both ship to the forwarder; E, alone, pays "John Smith" as ring 1 does.
    index.add({ id: 'A', keys: [forwarder, payeeName, key('phone', '+1')] })
    index.add({ id: 'B', keys: [forwarder, payeeName, key('phone', '+1')] })
    index.add({ id: 'C', keys: [forwarder, key('wallet', 'T1')] })
    index.add({ id: 'D', keys: [forwarder, key('wallet', 'T1')] })
    index.add({ id: 'E', keys: [payeeName] })
    expect([...clusters(['A', 'B', 'C', 'D', 'E'], index.links).values()]).toEqual([['A', 'B'], ['C', 'D']])
    expect(index.activeLinks().map(l => [l.a, l.b].sort().join(''))).toEqual(expect.arrayContaining(['AB', 'CD']))
    expect(index.activeLinks().some(l => [l.a, l.b].includes('E'))).toBe(false)
    const verdicts = index.pairs()
    expect(verdicts.find(v => v.a === 'A' && v.b === 'C')!.reason).toMatch(/^supporting only: not joined \(address: a commercial address\)/)
    expect(verdicts.find(v => v.a === 'A' && v.b === 'E')!.joined).toBe(false)
    expect(verdicts.find(v => v.a === 'A' && v.b === 'B')!.reason).toBe('joined: phone identifies one person or scheme')
  })

  it('joins on two supporting links of different classes, but not on one referee’s email and phone', () => {
    const sup = (kind: LinkKey['kind'], k: string, role = kind): LinkKey => ({ kind, key: k, label: k, role, support: 'weak' })
    const index = new LinkIndex()
    index.add({ id: 'A', keys: [sup('address', 'fwd'), sup('payee', 'holder:x')] })
    index.add({ id: 'B', keys: [sup('address', 'fwd'), sup('payee', 'holder:x')] })
    const ref = (kind: LinkKey['kind'], k: string): LinkKey => ({ kind, key: k, label: k, role: `reference ${kind}` })
    index.add({ id: 'C', keys: [ref('email', 'sam@x.example'), ref('phone', '+1646')] })
    index.add({ id: 'D', keys: [ref('email', 'sam@x.example'), ref('phone', '+1646')] })
    expect(index.pairs().find(v => v.a === 'A' && v.b === 'B')!.reason).toBe('joined: 2 independent supporting links (address, payee)')
    const cd = index.pairs().find(v => v.a === 'C' && v.b === 'D')!
    expect(cd.joined).toBe(false)
    expect(cd.supporting.every(l => l.why === REFEREE_SUPPORT)).toBe(true)
    expect([...clusters(['A', 'B', 'C', 'D'], index.links).values()]).toEqual([['A', 'B']])
  })

  it('sets aside a value any application declares as its intermediary’s, for every application', () => {
    const office = (intermediary?: string): LinkKey => ({ kind: 'address', key: 'agency office', label: '1 Staffing Plaza', role: 'shipping address', ...(intermediary ? { intermediary } : {}) })
    const index = new LinkIndex()
    index.add({ id: 'A', keys: [office()] })
    index.add({ id: 'B', keys: [office()] })
    expect(index.activeLinks()).toHaveLength(1)
    index.add({ id: 'C', keys: [office('Staffco')] })
    expect(index.activeLinks()).toEqual([])
    expect(index.hubs()).toEqual([])
  })

  it('says why each pair was or was not joined', () => {
    const v = pairVerdicts([{ a: 'B', b: 'A', kind: 'ip', via: 'home', key: 'ip' }])
    expect([...v.values()]).toEqual([expect.objectContaining({ a: 'A', b: 'B', joined: false, reason: 'supporting only: not joined (household: a home network)' })])
  })

  it('a home two applicants give as their own is a household (supporting); three or more, or shipping there from elsewhere, identifies', () => {
    const home = (id: string, role = 'home address'): { id: string; keys: LinkKey[] } => ({ id, keys: [{ kind: 'address', key: '12 oak st|60601|US', label: '12 Oak St', role }, { kind: 'ip', key: '73.1.1.1', label: '73.1.1.1', role: 'submission', support: 'a home network' }] })
    const couple = new LinkIndex()
    couple.add(home('A'))
    couple.add(home('B'))
    // The shared home and the home network have one explanation (one household): not joined.
    expect(couple.activeLinks()).toEqual([])
    expect(couple.pairs()[0]!.reason).toMatch(/^supporting only: not joined \(household: /)
    const farm = new LinkIndex()
    for (const id of ['A', 'B', 'C']) farm.add(home(id))
    expect([...clusters(['A', 'B', 'C'], farm.links.length ? farm.countingLinks() : []).values()]).toEqual([['A', 'B', 'C']])
    const shipped = new LinkIndex()
    shipped.add(home('A'))
    shipped.add(home('B', 'shipping address'))
    expect(shipped.pairs()[0]!.joined).toBe(true)
  })
})
