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
