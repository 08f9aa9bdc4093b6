import type { Address } from '../rules/caseFacts'

/**
 * Postal addresses, compared after normalisation: case, punctuation and the usual abbreviations
 * (St/Street, Ste/Suite, Apt/#…) do not make two addresses different.
 */
const ABBREVIATIONS: Record<string, string> = {
  street: 'st', str: 'st', avenue: 'ave', av: 'ave', road: 'rd', drive: 'dr', boulevard: 'blvd', lane: 'ln', court: 'ct', place: 'pl',
  suite: 'ste', apartment: 'apt', unit: 'unit', floor: 'fl', north: 'n', south: 's', east: 'e', west: 'w', highway: 'hwy', parkway: 'pkwy',
  square: 'sq', terrace: 'ter', circle: 'cir', number: '#', no: '#',
}

export function normaliseLine(line: string | undefined | null): string {
  if (!line) return ''
  return line
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/#\s*/g, '# ')
    .replace(/[.,;:'"()]/g, ' ')
    .split(/\s+/)
    .filter(Boolean)
    .map(w => ABBREVIATIONS[w] ?? w)
    .join(' ')
}

const postal = (p: string | undefined | null) => (p ?? '').toUpperCase().replace(/[\s-]/g, '')

export type AddressComparison = { same: true } | { same: false; differences: string[] } | { same: null; reason: string }

/** Same place, different place, or cannot tell (too little on one side). */
export function compareAddresses(a: Address, b: Address): AddressComparison {
  const differences: string[] = []
  const ca = a.country?.toUpperCase()
  const cb = b.country?.toUpperCase()
  if (ca && cb && ca !== cb) differences.push(`country ${ca} vs ${cb}`)
  const pa = postal(a.postal_code)
  const pb = postal(b.postal_code)
  if (pa && pb && pa !== pb) differences.push(`postal code ${a.postal_code} vs ${b.postal_code}`)
  const la = normaliseLine(a.line1)
  const lb = normaliseLine(b.line1)
  if (la && lb && la !== lb) differences.push(`street "${a.line1}" vs "${b.line1}"`)
  const cityA = normaliseLine(a.city)
  const cityB = normaliseLine(b.city)
  if (cityA && cityB && cityA !== cityB) differences.push(`city ${a.city} vs ${b.city}`)
  if (differences.length) return { same: false, differences }
  const comparable = (la && lb) || (pa && pb) || (cityA && cityB)
  return comparable ? { same: true } : { same: null, reason: 'the two addresses share no field to compare' }
}

export function formatAddress(a: Address): string {
  return [a.line1, a.line2, a.city, a.region, a.postal_code, a.country].filter(Boolean).join(', ')
}
