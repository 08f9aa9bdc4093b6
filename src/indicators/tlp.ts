import type { Tlp } from './types'

/** TLP 2.0 levels from the most open to the most restricted. */
const RANK: Record<Tlp, number> = { clear: 0, green: 1, amber: 2, 'amber+strict': 3, red: 4 }

export const tlpRank = (t: Tlp) => RANK[t]

/** The stricter of two markings: a feed marked AMBER keeps an indicator marked RED as RED. */
export const stricterTlp = (a: Tlp, b: Tlp): Tlp => (RANK[a] >= RANK[b] ? a : b)

/**
 * May an indicator received under `received` be passed on in an export? AMBER+STRICT and RED are for
 * the recipient's organisation only (FIRST TLP 2.0): never re-exported. Our own indicators (received
 * undefined) may be.
 */
export const mayReexport = (received: Tlp | undefined) => received === undefined || RANK[received] < RANK['amber+strict']

/** An export marked `exportTlp` carries each indicator at the stricter of the two. */
export const exportedTlp = (exportTlp: Tlp, received: Tlp | undefined): Tlp => (received ? stricterTlp(exportTlp, received) : exportTlp)

export function parseTlp(raw: string): Tlp | null {
  const v = raw.trim().toLowerCase().replace(/^tlp:/, '').replace(/\s+/g, '')
  if (v === 'white') return 'clear' // TLP 1.0's name for CLEAR
  return (Object.keys(RANK) as Tlp[]).find(t => t === v) ?? null
}
