import type { SanctionsEntry } from './types'

/**
 * Treasury's `sdn.csv` (no header; ent_num, SDN_Name, SDN_Type, Program, Title, Call_Sign, Vess_type,
 * Tonnage, GRT, Vess_flag, Vess_owner, Remarks; "-0-" is empty). Identifiers sit in Remarks as
 * "Digital Currency Address - XBT …; Email Address …; Website …; DOB …; a.k.a. '…'". Pure: text in,
 * entries out; malformed lines are counted, not fatal.
 */
function splitCsvLine(line: string): string[] {
  const out: string[] = []
  let cur = ''
  let quoted = false
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"'
        i++
      } else if (ch === '"') quoted = false
      else cur += ch
    } else if (ch === '"') quoted = true
    else if (ch === ',') {
      out.push(cur)
      cur = ''
    } else cur += ch
  }
  out.push(cur)
  return out.map(s => s.trim()).map(s => (s === '-0-' ? '' : s))
}

/** "KIM, Sang Man" → "Sang Man KIM": the list puts the surname first, applicants rarely do. */
function personName(listName: string): string {
  const m = /^([^,]+),\s*(.+)$/.exec(listName)
  return m ? `${m[2]} ${m[1]}` : listName
}

export function parseSdnCsv(text: string, list = 'OFAC SDN'): { entries: SanctionsEntry[]; skipped: number } {
  const entries: SanctionsEntry[] = []
  let skipped = 0
  for (const raw of text.split(/\r?\n/)) {
    // Treasury's files end with an MS-DOS end-of-file byte (0x1A).
    const line = raw.split(String.fromCharCode(26)).join('').trim()
    if (!line) continue
    const cols = splitCsvLine(line)
    if (cols.length < 12 || !/^\d+$/.test(cols[0]!)) {
      skipped++
      continue
    }
    const [id, name, type, program, , , , , , , , remarks = ''] = cols as [string, string, string, string, ...string[]]
    const kind = type.toLowerCase() === 'individual' ? 'individual' : type.toLowerCase() === 'vessel' ? 'vessel' : type.toLowerCase() === 'aircraft' ? 'aircraft' : 'entity'
    const parts = remarks.split(/;\s*/).map(p => p.trim().replace(/\.$/, ''))
    const entry: SanctionsEntry = {
      uid: `OFAC-${id}`,
      name: kind === 'individual' ? personName(name) : name,
      type: kind,
      programs: program.split(/\]\s*\[/).map(p => p.replace(/[[\]]/g, '').trim()).filter(Boolean),
      aliases: [],
      wallets: [],
      emails: [],
      websites: [],
      phones: [],
      birthDates: [],
      list,
    }
    for (const p of parts) {
      let m: RegExpExecArray | null
      if ((m = /^(?:alt\. )?Digital Currency Address - ([A-Z0-9]+) (\S+)/.exec(p))) entry.wallets.push({ asset: m[1]!, address: m[2]! })
      // "Email Address x@y", and in older entries "EMAIL x@y." (the full stop ends the remarks).
      else if ((m = /^(?:alt\. )?(?:Email Address|E-?mail):? (\S+)/i.exec(p))) entry.emails.push(m[1]!.replace(/\.$/, ''))
      else if ((m = /^(?:alt\. )?(?:Website|Web site):? (\S+)/i.exec(p))) entry.websites.push(m[1]!)
      // "Telephone (98)(21)(66153220)", "Telephone No. (218) (0)214778301", "Phone Number 8613621583465", "Fax: …"
      // "PHONE 850 2 381 8208/4188" lists two numbers that differ in their last digits.
      else if ((m = /^(?:alt\. )?(?:Telephone|Phone|Fax)(?: No\.| Number)?:? ?([+(\d][\d\s()+-]{5,})((?:\/\d{1,6})*)/i.exec(p))) {
        const base = m[1]!.trim()
        entry.phones.push(base)
        for (const alt of (m[2] ?? '').split('/').filter(Boolean)) entry.phones.push(base.slice(0, base.length - alt.length) + alt)
      }
      else if ((m = /^(?:alt\. )?DOB (.+)/.exec(p))) entry.birthDates.push(m[1]!)
      else if ((m = /^(?:f\.k\.a\.|a\.k\.a\.|n\.k\.a\.) ['"](.+?)['"]?$/.exec(p))) entry.aliases.push(kind === 'individual' ? personName(m[1]!) : m[1]!)
    }
    entries.push(entry)
  }
  return { entries, skipped }
}
