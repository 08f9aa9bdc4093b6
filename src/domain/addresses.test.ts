import { compareAddresses, normaliseLine } from './addresses'

describe('addresses', () => {
  it('normalises abbreviations and punctuation', () => {
    expect(normaliseLine('2210 W. Commerce Street, Suite 4')).toBe('2210 w commerce st ste 4')
    expect(normaliseLine('2210 West Commerce St Ste 4')).toBe('2210 w commerce st ste 4')
  })
  it('treats the same address written differently as the same', () => {
    expect(compareAddresses({ line1: '12 Oak Street', city: 'Chicago', postal_code: '60601', country: 'us' }, { line1: '12 oak st.', city: 'CHICAGO', postal_code: '60601', country: 'US' })).toEqual({ same: true })
  })
  it('names what differs', () => {
    const r = compareAddresses({ line1: '88 Hudson St', city: 'New York', postal_code: '10013', country: 'US' }, { line1: '2210 W Commerce St Ste 4', city: 'Dallas', postal_code: '75212', country: 'US' })
    expect(r.same).toBe(false)
    expect(r.same === false && r.differences).toEqual(['postal code 10013 vs 75212', 'street "88 Hudson St" vs "2210 W Commerce St Ste 4"', 'city New York vs Dallas'])
  })
  it('cannot tell when nothing overlaps', () => {
    expect(compareAddresses({ city: 'Chicago' }, { postal_code: '60601' }).same).toBeNull()
  })
})
