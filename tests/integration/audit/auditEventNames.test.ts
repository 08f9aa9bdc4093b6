import fs from 'node:fs'
import path from 'node:path'
import { AUDIT_EVENT_NAMES } from '../../../src/presenters/presentAudit'

/** Every .ts file under src, tests excluded. */
function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(d => {
    const p = path.join(dir, d.name)
    if (d.isDirectory()) return sourceFiles(p)
    return d.name.endsWith('.ts') && !d.name.endsWith('.test.ts') ? [p] : []
  })
}

describe('audit event names', () => {
  it('names every event code the code base writes (a code written outside the catalogue would show as a code on /audit)', () => {
    const src = path.resolve(__dirname, '../../../src')
    const used = new Set<string>()
    for (const file of sourceFiles(src)) {
      const text = fs.readFileSync(file, 'utf8')
      // `type: 'CASE_WATCHED'` and `type: locked ? 'USER_LOCKED_OUT' : 'USER_SIGN_IN_FAILED'`
      for (const m of text.matchAll(/type: ([^,}\n]*)/g)) for (const code of m[1]!.matchAll(/'([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)'/g)) used.add(code[1]!)
    }
    expect(used.size).toBeGreaterThan(30)
    const named = new Set(Object.keys(AUDIT_EVENT_NAMES))
    expect([...used].filter(c => !named.has(c))).toEqual([])
  })
})

