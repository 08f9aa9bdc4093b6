import fs from 'node:fs'
import path from 'node:path'

const VIEWS = path.join(__dirname, '..', '..', 'views')

function templates(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(e => (e.isDirectory() ? templates(path.join(dir, e.name)) : e.name.endsWith('.ejs') ? [path.join(dir, e.name)] : []))
}

describe('views', () => {
  const files = templates(VIEWS)

  it('exist', () => expect(files.length).toBeGreaterThan(5))

  // `<%-` writes unescaped HTML. It is allowed only to include another template, or to write an SVG chart
  // (an expression ending in `.svg`) built by src/presenters/charts, which escapes every text it writes.
  it.each(files.map(f => [path.relative(VIEWS, f), f]))('%s uses <%%- only for include() and charts', (_name, file) => {
    const text = fs.readFileSync(file, 'utf8')
    const raw = [...text.matchAll(/<%-(.*?)%>/gs)].map(m => m[1]!.trim()).filter(expr => !/^include\(/.test(expr) && !/^[\w.]+\.svg$/.test(expr))
    expect(raw).toEqual([])
  })

  it.each(files.map(f => [path.relative(VIEWS, f), f]))('%s has no inline script, style or event handler', (_name, file) => {
    const text = fs.readFileSync(file, 'utf8')
    expect(text).not.toMatch(/<script(?![^>]*\bsrc=)(?![^>]*nonce=)/i)
    expect(text).not.toMatch(/\sstyle=/i)
    expect(text).not.toMatch(/\son[a-z]+=/i)
  })

  it.each(files.filter(f => f.includes(`${path.sep}pages${path.sep}`)).map(f => [path.relative(VIEWS, f), f]))('%s has exactly one h1 and the shared layout', (_name, file) => {
    const text = fs.readFileSync(file, 'utf8')
    expect(text.match(/<h1[\s>]/g)?.length).toBe(1)
    expect(text).toContain("partials/layout/top')")
    expect(text).toContain("partials/layout/bottom')")
  })
})
