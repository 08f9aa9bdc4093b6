import { compareAddresses, normaliseLine, postalKey, withoutCareOf } from './addresses'

describe('addresses', () => {
  it('normalises abbreviations and punctuation', () => {
    expect(normaliseLine('2210 W. Commerce Street, Suite 4')).toBe('2210 w commerce st # 4')
    expect(normaliseLine('2210 West Commerce St Ste 4')).toBe('2210 w commerce st # 4')
    expect(normaliseLine('400 N.W. Fifth Avenue')).toBe(normaliseLine('400 NW 5th Ave'))
  })
  it('writes the unit one way, wherever and however it is written (Apt, Unit, #, Ste, No., PMB)', () => {
    const one = normaliseLine('12 Oak St Apt 4B')
    for (const other of ['12 Oak Street, Apartment 4B', '12 oak st #4B', '12 Oak St Unit 4B', 'Apt 4B, 12 Oak St', '12 Oak St., Apt. #4B', '12 Oak St Apt4B', '12 Oak St Ste 4B']) expect(normaliseLine(other)).toBe(one)
    expect(normaliseLine('12 Oak St Apt 5')).not.toBe(one)
    expect(normaliseLine('2210 W Commerce St Ste 4 #1187')).toBe('2210 w commerce st # 4 # 1187')
    expect(normaliseLine('85 Garden Pkwy PMB 301')).toBe(normaliseLine('85 Garden Parkway #301'))
    expect(normaliseLine('P.O. Box 77')).toBe('po box 77')
    expect(normaliseLine('Post Office Box 77')).toBe('po box 77')
  })
  it('leaves out who receives ("c/o", "Attn"), keeping where', () => {
    expect(withoutCareOf('c/o Jane Doe, 12 Oak St')).toBe(' 12 Oak St')
    expect(normaliseLine('c/o Jane Doe, 12 Oak St')).toBe('12 oak st')
    expect(normaliseLine('C/O Jane Doe 12 Oak St')).toBe('12 oak st')
    expect(normaliseLine('12 Oak St c/o Jane Doe')).toBe('12 oak st')
    expect(normaliseLine('Attn: Receiving, 12 Oak St')).toBe('12 oak st')
    expect(normaliseLine('care of J. Doe')).toBe('')
  })
  it('reads a ZIP+4 as its ZIP, and other postal codes as written', () => {
    expect(postalKey('60601-2231', 'US')).toBe('60601')
    expect(postalKey('606012231')).toBe('60601')
    expect(postalKey('SW1A 1AA', 'GB')).toBe('SW1A1AA')
    expect(postalKey('01310-100', 'BR')).toBe('01310100')
  })
  it('treats the same address written differently as the same', () => {
    expect(compareAddresses({ line1: '12 Oak Street', city: 'Chicago', postal_code: '60601', country: 'us' }, { line1: '12 oak st.', city: 'CHICAGO', postal_code: '60601', country: 'US' })).toEqual({ same: true })
    expect(compareAddresses({ line1: '12 Oak Street Apt 4', city: 'Chicago', postal_code: '60601-2231', country: 'US' }, { line1: '12 Oak St #4', city: 'Chicago', postal_code: '60601', country: 'US' })).toEqual({ same: true })
    expect(compareAddresses({ line1: 'c/o Dana Whitfield', line2: '12 Oak St', postal_code: '60601', country: 'US' }, { line1: '12 Oak St', postal_code: '60601', country: 'US' })).toEqual({ same: true })
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
