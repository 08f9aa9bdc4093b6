import fs from 'node:fs'
import { parse } from 'csv-parse/sync'
import { scoreNames } from '../domain/names'

/**
 * `vet names [--json] [FILE]`: compare pairs of names from a CSV (header with name1, name2 and optionally
 * schema: Person, Company, Organization…) read from FILE or standard input; one line per pair, in order.
 */
export async function namesCommand(file: string | undefined, json: boolean, stdin: NodeJS.ReadableStream, out: (s: string) => void, err: (s: string) => void): Promise<number> {
  let text: string
  if (file) text = fs.readFileSync(file, 'utf8')
  else {
    const chunks: Buffer[] = []
    for await (const c of stdin) chunks.push(Buffer.from(c as Buffer))
    text = Buffer.concat(chunks).toString('utf8')
  }
  let rows: Array<Record<string, string>>
  try {
    rows = parse(text, { columns: true, bom: true, skip_empty_lines: true, relax_column_count: true }) as Array<Record<string, string>>
  } catch {
    err('vet: the input is not valid CSV')
    return 2
  }
  if (rows.length && (!('name1' in rows[0]!) || !('name2' in rows[0]!))) {
    err('vet: the CSV needs a header with name1 and name2 (and optionally schema)')
    return 2
  }
  for (const r of rows) {
    const schema = r.schema || 'Person'
    const s = scoreNames(r.name1 ?? '', r.name2 ?? '', schema)
    if (json) out(JSON.stringify({ name1: r.name1, name2: r.name2, schema, score: s.score, match: s.match }))
    else out(`${s.match ? 'match   ' : 'no match'}  ${s.score.toFixed(3)}  ${r.name1} | ${r.name2}  (${s.why.join('; ')})`)
  }
  return 0
}
