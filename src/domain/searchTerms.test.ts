import { prefixUpperBound, queryWords, searchTermsFor } from './searchTerms'

describe('search terms', () => {
  it('indexes name words, email parts, ids', () => {
    expect(searchTermsFor({ fullName: "Dana O'Neil-Whitfield", email: 'Dana.W@Example.org', externalId: 'GH-88213', reference: 'VD-000001' }).sort()).toEqual(
      ["dana o'neil-whitfield", 'dana', 'o', 'neil', 'whitfield', 'dana.w@example.org', 'dana.w', 'example.org', 'gh-88213', 'vd-000001'].sort(),
    )
  })

  it('splits queries into at most 8 words', () => {
    expect(queryWords('  Dana   WHIT ')).toEqual(['dana', 'whit'])
    expect(queryWords('a b c d e f g h i j')).toHaveLength(8)
  })

  it('bounds a prefix range', () => {
    expect(prefixUpperBound('whit')).toBe('whiu')
    expect('whitfield' < prefixUpperBound('whit')).toBe(true)
    expect('whitfield' >= 'whit').toBe(true)
    expect('whiu' < prefixUpperBound('whit')).toBe(false)
  })
})
