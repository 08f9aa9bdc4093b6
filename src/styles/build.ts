/**
 * Compiles src/styles/app.scss (govuk-frontend plus our few `app-` pieces) into public/css/app.css.
 * The compiled file is committed so `npm start` needs no build step; styles.test.ts fails when it is stale.
 * Run: npm run build:css
 */
import fs from 'node:fs'
import path from 'node:path'
import * as sass from 'sass'

const ROOT = path.resolve(__dirname, '..', '..')
export const CSS_OUT = path.join(ROOT, 'public', 'css', 'app.css')

export function compileStyles(): string {
  const result = sass.compile(path.join(__dirname, 'app.scss'), {
    importers: [new sass.NodePackageImporter(ROOT)],
    style: 'compressed',
    // govuk-frontend's own deprecation notices are not ours to fix.
    quietDeps: true,
  })
  // Sass starts non-ASCII output with a byte-order mark; after our header it would break the first rule.
  return `/* Built from src/styles by npm run build:css; do not edit. */\n${result.css.replace(/^\uFEFF/, '')}\n`
}

if (require.main === module) {
  fs.writeFileSync(CSS_OUT, compileStyles())
  process.stdout.write(`wrote ${path.relative(ROOT, CSS_OUT)} (${fs.statSync(CSS_OUT).size.toLocaleString('en')} bytes)\n`)
}
