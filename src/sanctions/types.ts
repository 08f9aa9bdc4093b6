export interface SanctionsEntry {
  /** "OFAC-43377" for SDN entries, "VD-…" for built-in ones */
  uid: string
  name: string
  type: 'individual' | 'entity' | 'vessel' | 'aircraft'
  programs: string[]
  aliases: string[]
  wallets: Array<{ asset: string; address: string }>
  emails: string[]
  websites: string[]
  phones: string[]
  /** as written on the list: "25 Apr 1965", "1946" */
  birthDates: string[]
  /** the list this entry came from, with its version */
  list: string
}
