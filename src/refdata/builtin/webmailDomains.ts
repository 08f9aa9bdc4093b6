/**
 * Free personal mailbox providers. A reference reachable only at one of these, and not at the employer's
 * domain, cannot be verified as speaking for the employer (INDICATORS.md CT-REF-WEBMAIL; KnowBe4's hire
 * gave Gmail references). Not a judgement of the applicant's own address: most people use webmail.
 */
export const WEBMAIL_VERSION = '2026-11-24'
export const WEBMAIL_SOURCE = 'Vetting Desk list of the largest free mailbox providers (their own sign-up domains)'
export const WEBMAIL_DOMAINS: readonly string[] = [
  'gmail.com', 'googlemail.com', 'outlook.com', 'hotmail.com', 'hotmail.co.uk', 'live.com', 'msn.com', 'yahoo.com', 'yahoo.co.uk', 'ymail.com',
  'aol.com', 'icloud.com', 'me.com', 'mac.com', 'proton.me', 'protonmail.com', 'pm.me', 'gmx.com', 'gmx.de', 'gmx.net', 'web.de', 'mail.com',
  'zoho.com', 'yandex.com', 'yandex.ru', 'mail.ru', 'qq.com', '163.com', '126.com', 'naver.com', 'daum.net', 'hanmail.net', 'tutanota.com',
  'fastmail.com', 'hey.com', 'rediffmail.com', 'inbox.com', 'wp.pl', 'o2.pl', 'libero.it', 'orange.fr', 'laposte.net', 'seznam.cz',
]
