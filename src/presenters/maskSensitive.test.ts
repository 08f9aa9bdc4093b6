import { maskAccount, maskEvidenceValue, maskIban, maskIdNumber, maskObject, maskText, maskWallet, seesSensitiveInFull, sensitiveKeysIn } from './maskSensitive'

describe('maskSensitive', () => {
  it('keeps an IBAN’s country code and check digits and its last 4', () => {
    expect(maskIban('GB82 WEST 1234 5698 7654 32')).toBe('GB82 •••• •••• 5432')
    expect(maskIban('de89370400440532013000')).toBe('DE89 •••• •••• 3000')
  })

  it('keeps an account number’s last 4, and nothing of a short one', () => {
    expect(maskAccount('12345678')).toBe('•••• 5678')
    expect(maskAccount('0012-3456-789')).toBe('•••• 6789')
    expect(maskAccount('4821')).toBe('••••')
  })

  it('keeps a wallet’s first 6 and last 4', () => {
    expect(maskWallet('0x52908400098527886E0F7030069857D2E4169EE7')).toBe('0x5290…9EE7')
    expect(maskWallet('TQn9Y2khEsLJW1ChVWFMSMeRDow5KcbLSE')).toBe('TQn9Y2…bLSE')
  })

  it('keeps an ID number’s last 3', () => {
    expect(maskIdNumber('X12345678')).toBe('••••••678')
    expect(maskIdNumber('123-45-6789')).toBe('••••••789')
    expect(maskIdNumber('12')).toBe('•••')
  })

  it('masks sensitive keys in objects, however deep, and leaves the rest', () => {
    const payment = { method: 'bank', account_holder: 'Kevin Brandt', iban: 'GB82WEST12345698765432', account_number: '12345678', wallet_address: '0x52908400098527886E0F7030069857D2E4169EE7', nested: [{ passport_number: 'X12345678' }] }
    expect(maskObject(payment)).toEqual({ method: 'bank', account_holder: 'Kevin Brandt', iban: 'GB82 •••• •••• 5432', account_number: '•••• 5678', wallet_address: '0x5290…9EE7', nested: [{ passport_number: '••••••678' }] })
    expect(payment.iban).toBe('GB82WEST12345698765432') // not changed in place
    expect(maskObject({ account_number: 'GB82 WEST 1234 5698 7654 32' })).toEqual({ account_number: 'GB82 •••• •••• 5432' })
  })

  it('finds IBANs, wallets, account and ID numbers in text', () => {
    expect(maskText('payout account: IBAN GB82WEST12345698765432')).toBe('payout account: IBAN GB82 •••• •••• 5432')
    expect(maskText('Pay is requested in cryptocurrency (USDT) to wallet TQn9Y2khEsLJW1ChVWFMSMeRDow5KcbLSE.')).toBe('Pay is requested in cryptocurrency (USDT) to wallet TQn9Y2…bLSE.')
    expect(maskText('payout account: account 12345678 at Chase')).toBe('payout account: account •••• 5678 at Chase')
    expect(maskText('passport number X12345678 seen on camera')).toBe('passport number ••••••678 seen on camera')
    expect(maskText('payout wallet: 0x52908400098527886E0F7030069857D2E4169EE7')).toBe('payout wallet: 0x5290…9EE7')
  })

  it('leaves text without identifiers as it is', () => {
    for (const s of ['account ending 4821 at Chase', 'Kevin Brandt, account ending 4821 at Chase', 'phone: +44 20 7946 0958', 'home address: 400 Pine Ave Apt 3', 'resume text 93% alike once names and contacts are masked', 'paid 12345 dollars']) {
      expect(maskText(s)).toBe(s)
    }
  })

  it('masks evidence values by field, by key or by shape', () => {
    expect(maskEvidenceValue('payment.wallet_address', '0x52908400098527886E0F7030069857D2E4169EE7')).toBe('0x5290…9EE7')
    expect(maskEvidenceValue('payment', { method: 'crypto', wallet_address: 'TQn9Y2khEsLJW1ChVWFMSMeRDow5KcbLSE' })).toEqual({ method: 'crypto', wallet_address: 'TQn9Y2…bLSE' })
    expect(maskEvidenceValue('interview.notes', 'Showed passport X12345678')).toBe('Showed passport ••••••678')
    expect(maskEvidenceValue('person.email', 'kb@example.org')).toBe('kb@example.org')
    expect(maskEvidenceValue('access_event', { ip: '203.0.113.7' })).toEqual({ ip: '203.0.113.7' })
  })

  it('names the sensitive keys a value holds (for the audit event), never their values', () => {
    expect([...sensitiveKeysIn({ payment: { iban: 'GB82WEST12345698765432', wallet_address: '', bank: 'Chase' } })]).toEqual(['iban'])
  })

  it('shows values in full to security only', () => {
    expect(['recruiter', 'security', 'manager', 'admin', null].map(seesSensitiveInFull)).toEqual([false, true, false, false, false])
  })
})
