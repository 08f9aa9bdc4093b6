/**
 * Shared indicators: what one company's confirmed case or ring teaches others (issue 16). An indicator is
 * one identifier, written the way our link index writes it (see normalise.ts), or its HMAC under a
 * sharing group's key when the feed is hashed. Names, origins, nationalities and anything a rule may
 * not read are never indicators.
 */
export const INDICATOR_KINDS = ['email', 'phone', 'payout-account', 'wallet', 'address', 'handle', 'url', 'ip', 'domain', 'resume-minhash', 'photo-phash'] as const
export type IndicatorKind = (typeof INDICATOR_KINDS)[number]

/** Traffic Light Protocol 2.0 (FIRST): who a received indicator may be passed to. */
export const TLP_LEVELS = ['clear', 'green', 'amber', 'amber+strict', 'red'] as const
export type Tlp = (typeof TLP_LEVELS)[number]

export interface Indicator {
  kind: IndicatorKind
  /**
   * Normalised value (normaliseIndicator), or for `hashed` the lower-case hex HMAC-SHA256 of
   * `${kind}:${normalised}` under the group key. A resume fingerprint is its MinHash signature (128
   * unsigned 32-bit values, lower-case hex, 8 characters each, concatenated); a photo is its 64-bit
   * perceptual hash as 16 hex characters. Fingerprints are never hashed: they are not identifiers.
   */
  value: string
  hashed?: boolean
  /** ISO 8601 timestamps */
  firstSeen: string
  lastSeen: string
  /** rule families that made it suspicious ("payment", "links", "logistics"…) */
  families: string[]
  /** 0–100, as STIX 2.1 `confidence` */
  confidence: number
  tlp: Tlp
  /** ISO 8601; after it the indicator no longer matches */
  expires?: string
  /** free text from the sharer: never a name, origin or nationality when we write it */
  comment?: string
}

/** An item of a received feed that could not be taken, and why, in words. */
export interface Rejection {
  /** where in the file: "objects[12]", "Attribute[3]", "line 7" */
  at: string
  reason: string
}

export interface ParsedFeed {
  indicators: Indicator[]
  rejected: Rejection[]
  /** the producer's name when the feed says it (STIX identity, MISP Orgc) */
  producer?: string
}
