/**
 * CSV that is safe to open in a spreadsheet (RFC 4180 quoting, UTF-8 with a byte-order mark so Excel
 * reads accents). A cell that a spreadsheet would run as a formula (starting with =, +, -, @, a tab or
 * a carriage return; OWASP "CSV injection") is neutralised with a leading apostrophe, which spreadsheets
 * show as text. Applicants write these values, so every cell is treated as hostile.
 */
const FORMULA_START = /^[=+\-@\t\r]/

export function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? '' : typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value)
  if (FORMULA_START.test(text)) text = `'${text}`
  return /[",\r\n']/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text
}

export function toCsv(header: string[], rows: unknown[][]): string {
  return `\ufeff${[header, ...rows].map(r => r.map(csvCell).join(',')).join('\r\n')}\r\n`
}
