import fs from 'node:fs'
import path from 'node:path'

const VIEWS = path.join(__dirname, '..', '..', 'views')

function templates(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(e => (e.isDirectory() ? templates(path.join(dir, e.name)) : e.name.endsWith('.ejs') ? [path.join(dir, e.name)] : []))
}

describe('views', () => {
  const files = templates(VIEWS)

  it('exist', () => expect(files.length).toBeGreaterThan(5))

  // `<%-` writes unescaped HTML. It is allowed only to include another template, to write an SVG chart
  // (an expression ending in `.svg`) built by our presenters, which escape every text they write, or a JSON
  // data block (ending in `Json`) made by jsonForScript, which escapes <, > and &.
  it.each(files.map(f => [path.relative(VIEWS, f), f]))('%s uses <%%- only for include() and charts', (_name, file) => {
    const text = fs.readFileSync(file, 'utf8')
    const raw = [...text.matchAll(/<%-(.*?)%>/gs)].map(m => m[1]!.trim()).filter(expr => !/^include\(/.test(expr) && !/^[\w.]+\.(svg|\w*Json)$/.test(expr))
    expect(raw).toEqual([])
  })

  it.each(files.map(f => [path.relative(VIEWS, f), f]))('%s has no inline script, style or event handler', (_name, file) => {
    const text = fs.readFileSync(file, 'utf8')
    // A JSON data block (type="application/json") is data, never run.
    expect(text).not.toMatch(/<script(?![^>]*\bsrc=)(?![^>]*nonce=)(?![^>]*type="application\/json")/i)
    expect(text).not.toMatch(/\sstyle=/i)
    expect(text).not.toMatch(/\son[a-z]+=/i)
  })

  it.each(files.filter(f => f.includes(`${path.sep}pages${path.sep}`)).map(f => [path.relative(VIEWS, f), f]))('%s has exactly one h1 and the shared layout', (_name, file) => {
    const text = fs.readFileSync(file, 'utf8')
    // With the partials it includes (the case page's title is in its summary partial). A page whose branches
    // each have their own h1 says so in a comment ("one h1 per branch").
    const included = [...text.matchAll(/include\('([^']+)'/g)].map(m => path.resolve(path.dirname(file), `${m[1]}.ejs`)).filter(f => fs.existsSync(f) && !f.includes(`${path.sep}layout${path.sep}`))
    const h1s = [text, ...included.map(f => fs.readFileSync(f, 'utf8'))].join('\n').match(/<h1[\s>]/g)?.length ?? 0
    if (text.includes('one h1 per branch')) expect(h1s).toBeGreaterThanOrEqual(1)
    else expect(h1s).toBe(1)
    expect(text).toContain("partials/layout/top')")
    expect(text).toContain("partials/layout/bottom')")
  })
})
