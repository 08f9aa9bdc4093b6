/**
 * Near-duplicate text: MinHash signatures over word shingles, with LSH banding to find candidates in
 * time proportional to one document, not the population (Broder 1997; Leskovec, Rajaraman & Ullman,
 * "Mining of Massive Datasets", ch. 3). Pure and deterministic: the same text always gives the same
 * signature, so signatures can be stored and compared later.
 */
export const SHINGLE_WORDS = 4
export const NUM_HASHES = 128
export const BANDS = 32
export const ROWS = NUM_HASHES / BANDS

/** FNV-1a, 32-bit: a fast, stable string hash. */
export function fnv1a(text: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h >>> 0
}

// Fixed odd multipliers and offsets for the hash family h_i(x) = (a_i·x + b_i) mod 2^32 (multiply-add on
// 32-bit words: fast, and independent enough for MinHash over already-hashed shingles).
const COEFFS: Array<[number, number]> = Array.from({ length: NUM_HASHES }, (_, i) => [fnv1a(`a${i}`) | 1, fnv1a(`b${i}`)])

/** Words of the text after masking, lower-cased, accents and punctuation removed. */
export function words(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(w => w.length > 1)
}

export function shingles(tokens: string[], size = SHINGLE_WORDS): Set<number> {
  const out = new Set<number>()
  if (tokens.length < size) {
    if (tokens.length) out.add(fnv1a(tokens.join(' ')))
    return out
  }
  for (let i = 0; i + size <= tokens.length; i++) out.add(fnv1a(tokens.slice(i, i + size).join(' ')))
  return out
}

export function signature(shingleSet: Set<number>): Uint32Array {
  const sig = new Uint32Array(NUM_HASHES).fill(0xffffffff)
  for (const x of shingleSet) {
    // Mix the shingle hash once so that the linear family sees well-spread input.
    const y = Math.imul(x ^ (x >>> 16), 0x45d9f3b) >>> 0
    for (let i = 0; i < NUM_HASHES; i++) {
      const c = COEFFS[i]!
      const h = (Math.imul(c[0], y) + c[1]) >>> 0
      if (h < sig[i]!) sig[i] = h
    }
  }
  return sig
}

/** Estimated Jaccard similarity: the share of positions where two signatures agree. */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  let same = 0
  for (let i = 0; i < NUM_HASHES; i++) if (a[i] === b[i]) same++
  return same / NUM_HASHES
}

export function exactJaccard(a: Set<number>, b: Set<number>): number {
  if (!a.size && !b.size) return 0
  let inter = 0
  const [small, large] = a.size < b.size ? [a, b] : [b, a]
  for (const x of small) if (large.has(x)) inter++
  return inter / (a.size + b.size - inter)
}

/** One key per band: documents sharing any band key are candidates. */
export function bandKeys(sig: Uint32Array): string[] {
  const keys: string[] = []
  for (let b = 0; b < BANDS; b++) {
    let h = 0x811c9dc5
    for (let r = 0; r < ROWS; r++) {
      h ^= sig[b * ROWS + r]!
      h = Math.imul(h, 0x01000193) >>> 0
    }
    keys.push(`${b}:${(h >>> 0).toString(36)}`)
  }
  return keys
}

export const signatureToText = (sig: Uint32Array) => Buffer.from(sig.buffer, sig.byteOffset, sig.byteLength).toString('base64')
export const signatureFromText = (text: string) => {
  const buf = Buffer.from(text, 'base64')
  return new Uint32Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength))
}
