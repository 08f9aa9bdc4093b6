import type { SanctionsEntry } from './types'

/**
 * One listing known from two sources (the built-in set and an imported sdn.csv, or two imports): the
 * newer source's name, type and programmes, and the union of every alias and identifier either holds.
 * Screening only ever gains from a merge; a name or wallet one source has and the other lacks is kept.
 */
export function mergeEntries(older: SanctionsEntry | undefined, newer: SanctionsEntry): SanctionsEntry {
  if (!older) return newer
  const union = <T>(a: readonly T[], b: readonly T[], key: (x: T) => string = String) => {
    const seen = new Map<string, T>()
    for (const x of [...b, ...a]) if (!seen.has(key(x))) seen.set(key(x), x)
    return [...seen.values()]
  }
  const lower = (s: string) => s.toLowerCase()
  return {
    ...newer,
    // The older main name stays findable as an alias when the newer source renamed the entry.
    aliases: union(older.name.toLowerCase() === newer.name.toLowerCase() ? older.aliases : [older.name, ...older.aliases], newer.aliases, lower).filter(a => lower(a) !== lower(newer.name)),
    programs: union(older.programs, newer.programs),
    wallets: union(older.wallets, newer.wallets, w => `${w.asset}:${w.address.toLowerCase()}`),
    emails: union(older.emails, newer.emails, lower),
    websites: union(older.websites, newer.websites, lower),
    phones: union(older.phones, newer.phones),
    birthDates: union(older.birthDates, newer.birthDates, lower),
  }
}
