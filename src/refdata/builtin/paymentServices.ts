/**
 * Payment services tied to one market: a payout through one of them contradicts a claimed home elsewhere
 * (INDICATORS.md PY-PRC-ROUTING: "Use of digital payment services, especially PRC-linked services", G1).
 * This is about where the money goes, never about who the person is: someone who says they live in
 * China and is paid through Alipay shows nothing.
 */
export const PAYMENT_SERVICES_VERSION = '2026-11-24'
export const PAYMENT_SERVICES_SOURCE = "G1 (PRC-linked digital payment services); each service's own statement of the market it serves"
export const MARKET_PAYMENT_SERVICES: ReadonlyArray<{ pattern: RegExp; name: string; countries: string[] }> = [
  { pattern: /\balipay\b/i, name: 'Alipay', countries: ['CN', 'HK', 'MO'] },
  { pattern: /\bwe ?chat ?pay\b|\bweixin ?pay\b/i, name: 'WeChat Pay', countries: ['CN', 'HK', 'MO'] },
  { pattern: /\bunion ?pay\b/i, name: 'UnionPay', countries: ['CN', 'HK', 'MO'] },
  { pattern: /\bqiwi\b/i, name: 'QIWI', countries: ['RU', 'KZ'] },
  { pattern: /\byoomoney\b|\byandex\.?money\b/i, name: 'YooMoney', countries: ['RU'] },
]
