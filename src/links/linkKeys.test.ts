import { addressKey, handleFromUrl, identifierKeys, maskedResumeText, normaliseEmailForLinking } from './linkKeys'

const rec = (field: string, value: unknown) => ({ field, value, source: 'application', where: field })

describe('link keys', () => {
  it('writes emails, addresses and handles one way', () => {
    expect(normaliseEmailForLinking('Dana.Whit.Field+jobs@GoogleMail.com')).toBe('danawhitfield@gmail.com')
    expect(normaliseEmailForLinking('dana.w+x@example.org')).toBe('dana.w@example.org')
    expect(addressKey({ line1: '2210 W Commerce Street, Suite 4', postal_code: '75212', country: 'us' })).toBe(addressKey({ line1: '2210 w commerce st ste 4', postal_code: '75 212', country: 'US' }))
    expect(addressKey({ city: 'Dallas' })).toBeNull()
    expect(handleFromUrl('https://github.com/KBrandt-Dev/repo')).toBe('github:kbrandt-dev')
    expect(handleFromUrl('https://www.linkedin.com/in/dana-whitfield-204/')).toBe('linkedin:dana-whitfield-204')
  })

  it('keys what identifies a person, and never the applicant paying themselves or a VPN exit', () => {
    const keys = identifierKeys(
      [
        rec('person.full_name', 'Dana Whitfield'),
        rec('person.email', 'dana@example.org'),
        rec('person.phone', { e164: '+13124832212' }),
        rec('logistics.shipping_address', { line1: '85 Garden Pkwy PMB 301', postal_code: '03060', country: 'US' }),
        rec('payment', { account_holder: 'Dana Whitfield', wallet_address: '0xB6F5EC1A0A9CD1526536D3F0426C429529471F40' }),
        rec('reference', { email: 'sam@bluepeak.example', phone_e164: '+14156620192' }),
        rec('submission', { ip: '203.0.113.9' }),
        rec('profile', { network: 'github', username: 'dwhitfield', url: 'https://github.com/dwhitfield' }),
      ],
      { isHomeNetwork: ip => !ip.startsWith('203.') },
    )
    expect(keys.map(k => `${k.kind}:${k.role}`)).toEqual(['email:applicant email', 'phone:applicant phone', 'address:shipping address', 'wallet:payout wallet', 'handle:github profile', 'email:reference email', 'phone:reference phone'])
    const payee = identifierKeys([rec('person.full_name', 'Dana Whitfield'), rec('payment', { account_holder: 'Alan Price' })])
    expect(payee).toEqual([expect.objectContaining({ kind: 'payee', role: 'payout account holder' })])
  })

  it('masks the applicant’s name and contact details before resumes are compared', () => {
    expect(maskedResumeText('Dana Whitfield\ndana@example.org | +1 312 483 2212 | https://github.com/dw\nBuilt things at Bluepeak', ['Dana Whitfield']).replace(/\s+/g, ' ').trim()).toBe('| | Built things at Bluepeak')
  })
})

describe('identifier specificity', () => {
  const keysOf = (...records: Array<[string, unknown]>) => identifierKeys(records.map(([f, v]) => rec(f, v)))
  const one = (keys: ReturnType<typeof identifierKeys>, kind: string) => keys.filter(k => k.kind === kind)

  it('a mail drop, forwarder, office or co-working address only supports; a home identifies', () => {
    for (const line1 of ['85 Garden Pkwy PMB 301', '2210 W Commerce St Ste 4 #1187', '1500 NW 89th Ct, Acme Freight Forwarding', '1 Staffing Plaza Fl 9', 'c/o ShipItFast Logistics, 77 Dock Rd', 'PO Box 77']) {
      const [k] = one(keysOf(['logistics.shipping_address', { line1, postal_code: '75212', country: 'US' }]), 'address')
      expect([line1, k?.support]).toEqual([line1, expect.any(String)])
    }
    const [forwarded] = one(keysOf(['logistics.shipping_address', { line1: '400 Main St', postal_code: '75212', country: 'US' }], ['logistics.note', 'my forwarding service sends it on to me']), 'address')
    expect(forwarded!.support).toMatch(/forwarding or mailbox service/)
    // Calling a place one's own office or business is a claim about one's own place: the address decides.
    const [own] = one(keysOf(['logistics.shipping_address', { line1: '400 Main St', postal_code: '75212', country: 'US' }], ['logistics.note', 'ship to my business address']), 'address')
    expect(own!.support).toBeUndefined()
    for (const line1 of ['12 Oak St Apt 4', '1401 S Cherry St Unit 12', 'c/o Jane Doe, 12 Oak St']) expect(one(keysOf(['person.address', { line1, postal_code: '60601', country: 'US' }]), 'address')[0]!.support).toBeUndefined()
  })

  it('one address written two ways is one key (ZIP+4, Apt/Unit/#/Ste, c/o, punctuation, case, country name)', () => {
    const base = addressKey({ line1: '12 Oak Street Apt 4', city: 'Chicago', postal_code: '60601', country: 'US' })
    for (const other of [
      { line1: '12 oak st #4', postal_code: '60601-2231', country: 'us' },
      { line1: 'c/o Dana Whitfield', line2: '12 Oak St., Unit 4', postal_code: '60601', country: 'US' },
      { line1: '12 OAK ST', line2: 'Apt. 4', postal_code: '606012231', country: 'USA' },
      { line1: 'Apt 4, 12 Oak St', postal_code: '60601', country: 'United States' },
    ]) expect(addressKey(other)).toBe(base)
    expect(addressKey({ line1: '12 Oak St Apt 5', postal_code: '60601', country: 'US' })).not.toBe(base)
  })

  it('payout accounts: IBAN and account numbers identify; a payee name, or last 4 digits at a bank, only support', () => {
    const iban = one(keysOf(['payment', { iban: 'gb82 west 1234 5698 7654 32' }]), 'payee')
    expect(iban).toEqual([expect.objectContaining({ key: 'account:GB82WEST12345698765432', label: 'IBAN GB82WEST12345698765432' })])
    expect(iban[0]!.support).toBeUndefined()
    expect(one(keysOf(['payment', { account_number: 'GB82-WEST-1234-5698-7654-32' }]), 'payee')[0]!.key).toBe('account:GB82WEST12345698765432')
    expect(one(keysOf(['payment', { iban: 'GB00WEST12345698765432' }]), 'payee')[0]!.label).toMatch(/checksum fails/)
    expect(one(keysOf(['payment', { account_number: '000123456789', bank: 'Chase' }]), 'payee')).toEqual([expect.objectContaining({ key: 'account:000123456789' })])
    expect(one(keysOf(['payment', { account_number: '12345', bank: 'JPMorgan Chase Bank, N.A.' }]), 'payee')).toEqual([expect.objectContaining({ key: 'account:name:jpmorgan chase|12345' })])
    expect(one(keysOf(['payment', { account_number: '12345' }]), 'payee')[0]!.support).toMatch(/short account/)
    // last 4: nothing alone, supporting with the bank, identifying with the bank and a holder who is not the applicant
    expect(keysOf(['payment', { account_last4: '4821' }])).toEqual([])
    const withBank = keysOf(['person.full_name', 'Dana Whitfield'], ['payment', { account_last4: '4821', bank_code: '021000021', account_holder: 'Dana Whitfield' }])
    expect(withBank).toEqual([expect.objectContaining({ key: 'last4:code:021000021|4821', support: expect.stringMatching(/last 4/) })])
    const masked = keysOf(['person.full_name', 'Dana Whitfield'], ['payment', { account_number: '****4821', bank: 'Chase', account_holder: 'Alan Price' }])
    expect(masked.map(k => [k.key, Boolean(k.support)])).toEqual([['last4:name:chase|4821', true], ['holder-last4:name:chase|4821|alan price', false], ['holder:alan price', true]])
    // Payoneer / Wise account email: an account, so it identifies, and meets the same address given elsewhere
    const wise = keysOf(['payment', { method: 'wise', account_email: 'Pay.Ops+wise@gmail.com' }])
    expect(wise).toEqual([expect.objectContaining({ kind: 'email', key: 'payops@gmail.com', role: 'payout account email' })])
    expect(wise[0]!.support).toBeUndefined()
    expect(keysOf(['person.full_name', 'Dana Whitfield'], ['payment', { account_holder: 'Alan Price' }])[0]!.support).toMatch(/payee name/)
    // Other names for the same fields: bank_name, routing_number
    expect(keysOf(['payment', { account_last4: '4821', bank_name: 'Chase Bank' }])[0]!.key).toBe('last4:name:chase|4821')
    expect(keysOf(['payment', { account_last4: '4821', routing_number: '021000021' }])[0]!.key).toBe('last4:code:021000021|4821')
  })

  it('a declared intermediary’s office, switchboard, email, network and payee are the agency’s, never the candidate’s', () => {
    const agency = { name: 'Staffco', address: { line1: '1 Staffing Plaza Fl 9', postal_code: '78701', country: 'US' }, phone: '+1 512 555 0100', email: 'jobs@staffco.example', network: '198.51.100.0/24', payee: { account_holder: 'Staffco LLC', account_number: '9876543210' } }
    const keys = identifierKeys(
      [
        rec('person.full_name', 'Dana Whitfield'),
        rec('person.email', 'dana@example.org'),
        rec('person.phone', { e164: '+15125550100' }),
        rec('person.address', { line1: '12 Oak St', postal_code: '60601', country: 'US' }),
        rec('logistics.shipping_address', { line1: '1 Staffing Plaza, Floor 9', postal_code: '78701-1234', country: 'US' }),
        rec('payment', { account_holder: 'Staffco LLC', account_number: '9876 5432 10' }),
        rec('reference', { email: 'jobs@staffco.example' }),
        rec('submission', { ip: '198.51.100.7' }),
        rec('intermediary', agency),
      ],
      { isHomeNetwork: () => true },
    )
    const own = keys.filter(k => !k.intermediary)
    expect(own.map(k => `${k.kind}:${k.key}`)).toEqual(['email:dana@example.org', 'address:12 oak st|60601|US'])
    expect(keys.filter(k => k.intermediary === 'Staffco').map(k => k.kind).sort()).toEqual(['address', 'email', 'payee', 'payee', 'phone'])
    // "contact_email" is read as the agency's email
    const other = identifierKeys([rec('reference', { email: 'jobs@staffco.example' }), rec('intermediary', { name: 'Staffco', contact_email: 'Jobs@staffco.example' })])
    expect(other.filter(k => !k.intermediary)).toEqual([])
  })
})
