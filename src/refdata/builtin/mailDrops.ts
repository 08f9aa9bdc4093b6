/**
 * Address patterns of commercial mail-receiving agencies, reshippers and freight forwarders
 * (INDICATORS.md SH-FORWARDER). No public list of the addresses used in DPRK cases exists (court filings
 * redact them), so these are the designators such services must or do use, each with where it comes from.
 */
export const MAIL_DROPS_VERSION = '2026-12-05'
export const MAIL_DROPS_SOURCE = 'USPS Domestic Mail Manual 508 §1.8 (CMRA addresses carry "PMB" or "#"); USPS Publication 28 Appendix C2 (secondary unit designators); forwarding-service address formats; G2, G10 and V7 case accounts'

/** `addressOnly`: read in the address lines only, not in a shipping note ("box 12 of 20 is the monitor"). */
export const MAIL_DROP_PATTERNS: ReadonlyArray<{ pattern: RegExp; label: string; source: string; addressOnly?: boolean }> = [
  { pattern: /\bPMB\b|\bprivate mail ?box\b/i, label: 'a private mailbox (PMB)', source: 'USPS DMM 508 §1.8.3: mail to a commercial mail receiving agency is addressed with "PMB" or "#"' },
  { pattern: /\b(?:CMRA|mail ?drop|mail ?box(?:es)? etc|the ups store|postnet|po box|p\.\s?o\.\s?box|post office box)\b/i, label: 'a mail-receiving store or post-office box', source: 'USPS DMM 508 §1.8 (CMRAs) and §4 (post office boxes); V7: the laptop was collected at a UPS facility' },
  { pattern: /\b(?:freight|forward(?:er|ers|ing)|forward(?:s|ed)? (?:it|them|parcels?|packages?|the (?:laptop|device|equipment|package|parcel)|to me|on to)|re-?ship(?:per|ping)?|parcel ?forward|package ?forward|shipito|myus|stackry|planet express|ship7|borderlinx)\b/i, label: 'a freight forwarder or reshipper', source: 'G2 (laptops "freight forwarded overseas"); G10 (Chapman shipped 49 devices abroad); service names as they appear in their own address formats' },
  { pattern: /\b(?:c\/o|care of|attn:?)\s/i, label: '"care of" another person', source: 'G1: "claims they cannot receive items at the address on their identification documentation"' },
  {
    // Not a rural route, highway contract or military box (RR 2 Box 152, HC 68 Box 23, PSC 3 Box 1234, Unit 2050 Box 4190): those are the Postal Service's own.
    pattern: /(?<!\b(?:p\.?\s?o\.?|post office)\s?)(?<!\b(?:rr|r\.r\.|rural route|hc|h\.c\.|star route|psc|cmr|unit)\s?#?\s?\d{1,6}[A-Z]?,?\s?)\bbox\s?#?\s?\d{2,6}[A-Z]?\b/i,
    label: 'a box number at a street address',
    source: 'USPS Publication 28, Appendix C2: "Box" is not a secondary unit designator (apartments, suites and units are); on a street address, outside the rural-route, highway-contract and military formats (§§ 24–25), it is a mailbox at a mail-receiving store',
    addressOnly: true,
  },
  {
    // The customer number ends the line: "Suite 400 - 1055 West Georgia St" is a Canadian suite before a civic number.
    pattern: /\b(?:suite|ste|unit|apt)\s?#?\s?[A-Z]?\d{1,5}[A-Z]?\s?-\s?\d{5,6}\s*(?:$|,)|\b(?:suite|ste|unit|apt)\s?#?\s?[A-Z]?\d{5,}\b(?!\s*,?\s*box\b)/im,
    label: 'a suite with a customer number',
    source: 'forwarding-service address formats: the service\'s suite followed by the customer\'s account number ("Ste 110-48213"), or a five-digit customer number written as the unit; buildings number their units with four digits or fewer (USPS Publication 28, Appendix C2)',
    addressOnly: true,
  },
  { pattern: /(?:^|\s)#\s?[A-Z]?\d{2,6}[A-Z]?\b(?=.*\b(?:suite|ste|unit)\b)|\b(?:suite|ste|unit)\s?#?\s?[A-Z]?\d{1,5}[A-Z]?\s?#\s?\d{2,6}\b/i, label: 'a suite and a box number together', source: 'CMRA address format: street suite plus customer box (USPS DMM 508 §1.8.3)' },
]
