import { coloursClose, compilePhoto, popcount32, PHOTO_HAMMING_THRESHOLD, sameCompiledPhoto, type CompiledPhoto, type PhotoFingerprint } from './imageHash'
import type { LinkKey, LinkKind } from './linkKeys'
import { BANDS, bandHashes, exactJaccard, type Shingles } from './minhash'
import { LINE_HUB_LIMIT, LINE_JACCARD_FLOOR, MIN_SHARED_LINES, resumeLinesVia, resumeVia } from './resumeLines'

/**
 * Incremental linking: each application added is compared only with the applications that share one of
 * its keys or one of its resume or photo bands, so adding one costs time proportional to its own
 * identifiers and candidates, never the population. The same index serves `vet score` (in memory) and
 * the app (the database holds the keys; see linkRepository).
 *
 * Hub damping: a value shared by more than HUB_LIMIT applications (a staffing agency's switchboard,
 * a co-working address) stops linking on its own; it is reported as a hub with its count instead.
 */
export const HUB_LIMIT = 12
/**
 * Masked-resume similarity (Jaccard of word 4-shingles, computed exactly on the candidates the MinHash
 * bands find) at which two resumes link. Chosen from measurement on seed 1: unrelated applicants' resumes
 * reach 0.46 (shared template phrases), lightly edited copies 0.6 and above.
 */
export const RESUME_THRESHOLD = 0.55
/** Identifier kinds too weak to link on their own (shared Wi-Fi, carrier-grade NAT): they only add to another link. */
export const SUPPORTING_KINDS: ReadonlySet<LinkKind> = new Set(['ip'])
/**
 * Two applicants naming the same referee is common and innocent (a well-known manager), so a contact both
 * give as a reference only supports another link; one applicant's referee being another applicant is not.
 */
export const bothReferences = (roleA: string, roleB: string) => roleA.startsWith('reference') && roleB.startsWith('reference')
export const REFEREE_SUPPORT = 'a referee both name: many people name the same well-known manager'
/**
 * A home two applicants both give as their own is a household (a couple, housemates): it only supports. A
 * home three or more applicants give as theirs, or an address one ships to while living elsewhere, is the
 * laptop-farm pattern (LK-SHARED-ADDRESS: distinct identities counted per address) and identifies.
 */
export const HOUSEHOLD_SUPPORT = 'a home both give as their own: couples and housemates share one'
export const FARM_HOMES = 3
export const bothHomes = (roleA: string, roleB: string) => roleA === 'home address' && roleB === 'home address'

/** Why a link between two values only supports (either side's reason, or a referee both name); undefined when it identifies. */
export function linkSupport(mine: { role: string; support?: string | undefined }, theirs: { role: string; support?: string | undefined | null }): string | undefined {
  return mine.support ?? theirs.support ?? (bothReferences(mine.role, theirs.role) ? REFEREE_SUPPORT : undefined)
}

/**
 * When two applications are joined (the pair rule; every path uses it: `vet score`, the app's links, rings):
 * - one IDENTIFYING link joins them (an account, wallet, phone, email, handle, residential address,
 *   near-duplicate resume, reused photo);
 * - SUPPORTING links join them only when there are at least two of different, independent classes
 *   (a commercial address and a payee name; a referee both name and a home network). A referee's email
 *   and phone are one class (the same referee), as are a payee name and the last digits of its account,
 *   and a home and a shipping address. One supporting class alone never joins: "supporting only".
 */
export const MIN_SUPPORTING_CLASSES = 2

export const isSupporting = (l: Pick<Link, 'kind' | 'supporting' | 'why'>) => SUPPORTING_KINDS.has(l.kind) || l.supporting === true || Boolean(l.why)
// A home network and a shared home have one innocent explanation (one household): one class.
const supportClass = (l: Link) => (l.why === REFEREE_SUPPORT ? 'referee' : l.why === HOUSEHOLD_SUPPORT || l.kind === 'ip' ? 'household' : l.kind)
const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`)

export interface PairVerdict {
  a: string
  b: string
  joined: boolean
  /** in words, for the ring page */
  reason: string
  identifying: Link[]
  supporting: Link[]
}

/** Every pair of applications that share something, with whether the pair rule joins them and why. */
export function pairVerdicts(links: readonly Link[]): Map<string, PairVerdict> {
  const out = new Map<string, PairVerdict>()
  for (const l of links) {
    const k = pairKey(l.a, l.b)
    let v = out.get(k)
    if (!v) out.set(k, (v = { a: l.a < l.b ? l.a : l.b, b: l.a < l.b ? l.b : l.a, joined: false, reason: '', identifying: [], supporting: [] }))
    ;(isSupporting(l) ? v.supporting : v.identifying).push(l)
  }
  for (const v of out.values()) {
    const classes = [...new Set(v.supporting.map(supportClass))].sort()
    if (v.identifying.length) {
      v.joined = true
      v.reason = `joined: ${[...new Set(v.identifying.map(l => l.kind))].join(', ')} identif${v.identifying.length > 1 ? 'y' : 'ies'} one person or scheme`
    } else if (classes.length >= MIN_SUPPORTING_CLASSES) {
      v.joined = true
      v.reason = `joined: ${classes.length} independent supporting links (${classes.join(', ')})`
    } else {
      v.reason = `supporting only: not joined (${classes.join(', ')}: ${[...new Set(v.supporting.map(l => l.why ?? 'a home network'))].join('; ')})`
    }
  }
  return out
}

/** The links of joined pairs only (what rules read and rings are built from). */
export function joinedLinks<T extends Link>(links: readonly T[]): T[] {
  const verdicts = pairVerdicts(links)
  return links.filter(l => verdicts.get(pairKey(l.a, l.b))!.joined)
}

export interface LinkableApplication {
  id: string
  keys: LinkKey[]
  /** MinHash signature of the masked resume (for finding candidates) and its shingles (for confirming) */
  resume?: Uint32Array | null
  resumeShingles?: Shingles | null
  /** keys of the resume's distinctive lines (resumeLines.ts) */
  resumeLines?: readonly string[] | null
  photo?: PhotoFingerprint | null
}

export interface Link {
  a: string
  b: string
  kind: LinkKind
  /** the shared value as people read it, or the similarity for resumes and photos */
  via: string
  /** index key, for hub damping and judgements */
  key: string
  /** too weak to link on its own (a home IP; a referee two applicants both name): only adds to another link */
  supporting?: boolean
  /** why it only supports (a mail drop's address, a payee name without an account…); see pairVerdicts */
  why?: string
  /** a home both applications give as their own: a household while fewer than FARM_HOMES do (see HOUSEHOLD_SUPPORT) */
  homes?: boolean
}

export interface Hub {
  kind: LinkKind
  key: string
  label: string
  count: number
}

const indexKey = (kind: string, key: string) => `${kind}\u0000${key}`
// Bound once: imported functions are reached through module getters, which cost in the photo loop.
const bitCount = popcount32
const coloursAlike = coloursClose
const photoThreshold = PHOTO_HAMMING_THRESHOLD

export class LinkIndex {
  // Per identifier key: how many applications have it, and the first HUB_LIMIT of them with their wording
  // (beyond that the key is a hub and links nothing, so the rest need not be kept).
  private readonly members = new Map<string, { count: number; ids: string[]; words: Array<{ role: string; label: string; support?: string | undefined }> }>()
  // Keys a declared intermediary (staffing agency) owns, on any application: never linked on, for anyone.
  private readonly declared = new Set<string>()
  // Resumes by position; per band, the positions whose band hash is the key.
  private readonly resumeIds: string[] = []
  private readonly resumeShingles: Shingles[] = []
  private readonly resumeBands: Array<Map<number, number[]>> = Array.from({ length: BANDS }, () => new Map())
  // Per distinctive resume line, the resume positions that have it (the first LINE_HUB_LIMIT; then it is boilerplate).
  private readonly resumeLineIndex = new Map<string, { count: number; positions: number[] }>()
  // Photos by position; eight bands of 256 buckets each list the positions whose hash has that byte.
  private readonly photoIds: string[] = []
  private readonly photos: CompiledPhoto[] = []
  private readonly photoBands: number[][] = Array.from({ length: 8 * 256 }, () => [])
  // Per position, the hash's two words and the add that last looked at it (a photo in several of the new
  // one's buckets is compared once); typed arrays, because the scan over buckets is the hot loop.
  private photoHi = new Uint32Array(1024)
  private photoLo = new Uint32Array(1024)
  private photoSeen = new Int32Array(1024)
  readonly links: Link[] = []

  /** Add one application (once: its keys are unique); returns the links it makes now. */
  add(app: LinkableApplication): Link[] {
    const made: Link[] = []
    const link = (other: string, kind: LinkKind, via: string, key: string, why?: string, homes = false) => {
      if (other === app.id || made.some(l => l.b === other && l.kind === kind && l.key === key)) return
      made.push({ a: app.id, b: other, kind, via, key, ...(why ? { supporting: true, why } : {}), ...(homes ? { homes } : {}) })
    }
    for (const k of app.keys) {
      const ik = indexKey(k.kind, k.key)
      if (k.intermediary) {
        this.declared.add(ik)
        continue
      }
      let entry = this.members.get(ik)
      if (!entry) this.members.set(ik, (entry = { count: 0, ids: [], words: [] }))
      if (entry.count < HUB_LIMIT) {
        entry.ids.forEach((other, n) => {
          const theirs = entry.words[n]!
          // Worded as the application that sorts first gives it, so the order of arrival changes nothing.
          const words = other < app.id ? theirs : k
          link(other, k.kind, `${words.role}: ${words.label}`, ik, linkSupport(k, theirs), bothHomes(k.role, theirs.role))
        })
        entry.ids.push(app.id)
        entry.words.push({ role: k.role, label: k.label, ...(k.support ? { support: k.support } : {}) })
      }
      entry.count++
    }
    if (app.resume && app.resumeShingles?.length) {
      const seen = new Set<number>()
      const position = this.resumeIds.length
      const mine = app.resumeShingles
      const hashes = bandHashes(app.resume)
      for (let band = 0; band < BANDS; band++) {
        const bucket = this.resumeBands[band]!
        let list = bucket.get(hashes[band]!)
        if (!list) bucket.set(hashes[band]!, (list = []))
        for (const i of list) {
          const other = this.resumeIds[i]!
          if (seen.has(i) || other === app.id) continue
          seen.add(i)
          const sim = exactJaccard(mine, this.resumeShingles[i]!, RESUME_THRESHOLD)
          if (sim >= RESUME_THRESHOLD) link(other, 'resume', resumeVia(sim), indexKey('resume', [app.id, other].sort().join('|')))
        }
        list.push(position)
      }
      // The same work history written word for word inside resumes otherwise apart (resumeLines.ts).
      const shared = new Map<number, number>()
      for (const line of new Set(app.resumeLines ?? [])) {
        let entry = this.resumeLineIndex.get(line)
        if (!entry) this.resumeLineIndex.set(line, (entry = { count: 0, positions: [] }))
        if (entry.count++ >= LINE_HUB_LIMIT) continue
        for (const i of entry.positions) shared.set(i, (shared.get(i) ?? 0) + 1)
        entry.positions.push(position)
      }
      for (const [i, n] of shared) {
        const other = this.resumeIds[i]!
        if (n < MIN_SHARED_LINES || other === app.id || made.some(l => l.b === other && l.kind === 'resume')) continue
        const sim = exactJaccard(mine, this.resumeShingles[i]!)
        if (sim >= LINE_JACCARD_FLOOR) link(other, 'resume', sim >= RESUME_THRESHOLD ? resumeVia(sim) : resumeLinesVia(n, sim), indexKey('resume', [app.id, other].sort().join('|')))
      }
      this.resumeIds.push(app.id)
      this.resumeShingles.push(app.resumeShingles)
    }
    if (app.photo) {
      const mine = compilePhoto(app.photo)
      const position = this.photoIds.length
      if (position === this.photoHi.length) this.growPhotos()
      const { hi, lo } = mine
      const means = mine.thumb.means
      const his = this.photoHi
      const los = this.photoLo
      const seen = this.photoSeen
      for (let band = 0; band < 8; band++) {
        const bucket = this.photoBands[band * 256 + mine.bands[band]!]!
        for (let k = 0; k < bucket.length; k++) {
          // Portraits resemble each other: buckets are large, so the cheap tests come first, inline.
          const i = bucket[k]!
          if (seen[i] === position || bitCount((hi ^ his[i]!) >>> 0) + bitCount((lo ^ los[i]!) >>> 0) > photoThreshold) continue
          seen[i] = position
          const theirs = this.photos[i]!
          if (!coloursAlike(means, theirs.thumb.means)) continue
          const cmp = sameCompiledPhoto(mine, theirs)
          const other = this.photoIds[i]!
          if (cmp.same && other !== app.id) link(other, 'photo', `the same photo (${cmp.distance} of 64 hash bits differ, colours ${Math.round(cmp.similarity * 100)}% alike)`, indexKey('photo', [app.id, other].sort().join('|')))
        }
        bucket.push(position)
      }
      this.photoIds.push(app.id)
      his[position] = hi
      los[position] = lo
      seen[position] = -1
      this.photos.push(mine)
    }
    this.links.push(...made)
    return made
  }

  private growPhotos(): void {
    const grow = <T extends Uint32Array | Int32Array>(a: T, make: (n: number) => T): T => {
      const b = make(a.length * 2)
      b.set(a)
      return b
    }
    this.photoHi = grow(this.photoHi, n => new Uint32Array(n))
    this.photoLo = grow(this.photoLo, n => new Uint32Array(n))
    this.photoSeen = grow(this.photoSeen, n => new Int32Array(n))
  }

  /** How many applications share an identifier key. */
  count(kind: string, key: string): number {
    return this.members.get(indexKey(kind, key))?.count ?? 0
  }

  /** Identifier values shared by more than HUB_LIMIT applications: shown, never linked on. */
  hubs(): Hub[] {
    const out: Hub[] = []
    for (const [ik, entry] of this.members) {
      const [kind, key] = ik.split('\u0000') as [string, string]
      if (entry.count <= HUB_LIMIT || this.declared.has(ik)) continue
      out.push({ kind: kind as LinkKind, key, label: entry.words[0]?.label ?? key, count: entry.count })
    }
    return out
  }

  /** Links still counting: not through a hub (a value that became one after the link was made). */
  countingLinks(): Link[] {
    return this.links
      .filter(l => (l.kind === 'resume' || l.kind === 'photo' ? true : (this.members.get(l.key)?.count ?? 0) <= HUB_LIMIT && !this.declared.has(l.key)))
      .map(l => (l.homes && !l.why && this.homesOf(l.key) < FARM_HOMES ? { ...l, supporting: true, why: HOUSEHOLD_SUPPORT } : l))
  }

  /** How many applications give this address as their home (counted over the first HUB_LIMIT). */
  private homesOf(ik: string): number {
    return this.members.get(ik)?.words.filter(w => w.role === 'home address').length ?? 0
  }

  /** Links of joined pairs (see pairVerdicts): what rules read and rings are built from. */
  activeLinks(): Link[] {
    return joinedLinks(this.countingLinks())
  }

  /** Every pair sharing something that still counts, joined or not, with the reason. */
  pairs(): PairVerdict[] {
    return [...pairVerdicts(this.countingLinks()).values()]
  }
}

/** Connected components of the joined pairs' links (see pairVerdicts): rings of two or more applications. */
export function clusters(ids: string[], allLinks: Link[], verdicts?: ReadonlyMap<string, PairVerdict>): Map<string, string[]> {
  // A caller that has the links' pairVerdicts already (rings) passes them rather than have them worked out twice.
  const links = verdicts ? allLinks.filter(l => verdicts.get(pairKey(l.a, l.b))?.joined) : joinedLinks(allLinks)
  const parent = new Map(ids.map(id => [id, id]))
  const find = (x: string): string => {
    let r = x
    while (parent.get(r) !== r) r = parent.get(r)!
    let y = x
    while (parent.get(y) !== r) {
      const next = parent.get(y)!
      parent.set(y, r)
      y = next
    }
    return r
  }
  for (const l of links) {
    if (!parent.has(l.a)) parent.set(l.a, l.a)
    if (!parent.has(l.b)) parent.set(l.b, l.b)
    const ra = find(l.a)
    const rb = find(l.b)
    if (ra !== rb) parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb)
  }
  const groups = new Map<string, string[]>()
  for (const id of parent.keys()) {
    const r = find(id)
    const group = groups.get(r)
    if (group) group.push(id)
    else groups.set(r, [id])
  }
  for (const [r, members] of groups) if (members.length < 2) groups.delete(r)
  return groups
}
