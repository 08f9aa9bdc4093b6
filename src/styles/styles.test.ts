import fs from 'node:fs'
import { compileStyles, CSS_OUT } from './build'

describe('the committed stylesheet', () => {
  it('is what src/styles compiles to (run npm run build:css after changing a .scss file)', () => {
    expect(fs.readFileSync(CSS_OUT, 'utf8')).toBe(compileStyles())
  }, 60_000)

  it('carries no GOV.UK font and no crown', () => {
    const css = compileStyles()
    expect(css).not.toMatch(/GDS Transport/)
    expect(css).not.toMatch(/govuk-crest|crown/i)
  }, 60_000)
})
