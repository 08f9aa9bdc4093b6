import { portrait } from '../generate/png'
import { hamming, pHash, photoFingerprint, samePhoto, thumbnail } from './imageHash'
import { HUB_LIMIT, LinkIndex, clusters } from './linkIndex'
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
})

describe('photos', () => {
  it('finds a re-encoded, resized, cropped copy and tells different pictures apart', () => {
    const a = photoFingerprint(portrait(101, 0))!
    expect(samePhoto(a, photoFingerprint(portrait(101, 5))!).same).toBe(true)
    expect(samePhoto(a, photoFingerprint(portrait(202, 0))!).same).toBe(false)
    expect(photoFingerprint(Buffer.from('not an image'))).toBeNull()
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
})
