import type { Address } from '../rules/caseFacts'

/**
 * Postal addresses, compared after normalisation: case, punctuation and the usual abbreviations
 * (St/Street, W/West, 5th/Fifth) do not make two addresses different, and neither does how the unit is
 * written: Apt, Apartment, Unit, Suite, Ste, Room, Flat, No., PMB and "#" all mean "this unit of the
 * building", so "12 Oak St Apt 4", "12 Oak Street, #4" and "Unit 4, 12 Oak St" are one line
 * ("12 oak st # 4"). A "care of" or "Attn" line names who receives, not where: it is left out. A US
 * ZIP+4 is its ZIP (the +4 narrows delivery within the same address).
 */
const ABBREVIATIONS: Record<string, string> = {
  street: 'st', str: 'st', avenue: 'ave', av: 'ave', road: 'rd', drive: 'dr', boulevard: 'blvd', lane: 'ln', court: 'ct', place: 'pl',
  floor: 'fl', north: 'n', south: 's', east: 'e', west: 'w', highway: 'hwy', parkway: 'pkwy',
  northeast: 'ne', northwest: 'nw', southeast: 'se', southwest: 'sw',
  square: 'sq', terrace: 'ter', circle: 'cir', crescent: 'cres', expressway: 'expy', freeway: 'fwy', trail: 'trl', point: 'pt', mount: 'mt', fort: 'ft',
  first: '1st', second: '2nd', third: '3rd', fourth: '4th', fifth: '5th', sixth: '6th', seventh: '7th', eighth: '8th', ninth: '9th', tenth: '10th',
}
/** Words that introduce a unit number; each becomes "#". */
const UNIT_WORDS = new Set(['#', 'apt', 'apartment', 'unit', 'ste', 'suite', 'no', 'number', 'rm', 'room', 'flat', 'pmb', 'box'])
const UNIT_VALUE = /^(?:[a-z]?\d+[a-z]?|[a-z]|\d+-?[a-z]|[a-z]-?\d+)$/

/** A "care of" / "Attn" part names a recipient, not a place: dropped, up to the house number if one follows. */
const CARE_OF_START = /^\s*(?:c\s*\/\s*o|c\.o\.|care of|attn|attention|\u2105)\b[:.]?\s*[^\d]*/i
const CARE_OF_TAIL = /\s(?:c\s*\/\s*o|care of|attn|attention|\u2105)\b.*$/i

export function withoutCareOf(line: string): string {
  return line
    .split(/[,;\n]/)
    .map(part => (CARE_OF_START.test(part) ? part.replace(CARE_OF_START, '') : part.replace(CARE_OF_TAIL, '')))
    .filter(part => part.trim())
    .join(', ')
}

export function normaliseLine(line: string | undefined | null): string {
  if (!line) return ''
  const words = withoutCareOf(line)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/#/g, ' # ')
    .replace(/\b(?:p\s*\.?\s*o\s*\.?|post\s+office)\s*box\b/g, 'po box')
    .replace(/[.,;:'"()]/g, ' ')
    // "Apt4", "Ste200", "unit12b": the designator and its number apart
    .replace(/\b(apt|unit|ste|suite|rm|room|flat|pmb|no)(\d)/g, '$1 $2')
    .split(/\s+/)
    .filter(Boolean)
    .map(w => ABBREVIATIONS[w] ?? w)
  // N W → nw (a directional written with dots)
  const joined: string[] = []
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!
    const next = words[i + 1]
    if ((w === 'n' || w === 's') && (next === 'e' || next === 'w')) {
      joined.push(w + next)
      i++
    } else joined.push(w)
  }
  // Unit designators (one or several in a row: "Apt #4") become "# 4" and go to the end, wherever written.
  const street: string[] = []
  const units: string[] = []
  for (let i = 0; i < joined.length; i++) {
    const w = joined[i]!
    if (UNIT_WORDS.has(w)) {
      let j = i
      while (j + 1 < joined.length && UNIT_WORDS.has(joined[j + 1]!)) j++
      const value = joined[j + 1]
      // "No" and "Box" are units only before a number ("PO Box" stays as written: it is no street).
      if (value !== undefined && UNIT_VALUE.test(value) && !(w === 'box' && joined[i - 1] === 'po')) {
        units.push('#', value.replace('-', ''))
        i = j + 1
        continue
      }
    }
    street.push(w)
  }
  return [...street, ...units].join(' ')
}

/** Postal code written one way: no spaces or hyphens, upper case; a US ZIP+4 as its five-digit ZIP. */
export function postalKey(p: string | undefined | null, country?: string | null): string {
  const v = (p ?? '').toUpperCase().replace(/[\s-]/g, '')
  const us = !country || /^(US|USA|UNITED STATES)$/i.test(country.trim())
  return us && /^\d{9}$/.test(v) ? v.slice(0, 5) : v
}

/** The street part of an address: line 1, or line 2 when line 1 only says who receives ("c/o …"). */
function streetLine(a: Address): string {
  const l1 = normaliseLine(a.line1)
  return l1 || normaliseLine(a.line2)
}

export type AddressComparison = { same: true } | { same: false; differences: string[] } | { same: null; reason: string }

/** Same place, different place, or cannot tell (too little on one side). */
export function compareAddresses(a: Address, b: Address): AddressComparison {
  const differences: string[] = []
  const ca = a.country?.toUpperCase()
  const cb = b.country?.toUpperCase()
  if (ca && cb && ca !== cb) differences.push(`country ${ca} vs ${cb}`)
  const pa = postalKey(a.postal_code, ca)
  const pb = postalKey(b.postal_code, cb)
  if (pa && pb && pa !== pb) differences.push(`postal code ${a.postal_code} vs ${b.postal_code}`)
  const la = streetLine(a)
  const lb = streetLine(b)
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
