import { compareNames, looksLikeCompany } from './names'

describe('names', () => {
  it.each([
    ['Dana Whitfield', 'Dana M. Whitfield'],
    ['Dana Whitfield', 'WHITFIELD DANA'],
    ['D. Whitfield', 'Dana Whitfield'],
    ['José Núñez', 'Jose Nunez'],
    ['Katherine Smith', 'Katharine Smith'],
    ['Ana María de la Cruz', 'Ana Maria de la Cruz'],
  ])('%s matches %s', (a, b) => expect(compareNames(a, b).match).toBe(true))

  it.each([
    ['Kevin Brandt', 'Li Wei'],
    ['Dana Whitfield', 'Dana Smith'],
    ['Kevin Brandt', 'Brandt Consulting LLC'],
    ['Kevin Brandt', 'Kevin'],
  ])('%s does not match %s', (a, b) => expect(compareNames(a, b).match).toBe(false))

  it('recognises company names', () => {
    expect(looksLikeCompany('Northgate Digital LLC')).toBe(true)
    expect(looksLikeCompany('Dana Whitfield')).toBe(false)
  })
})
