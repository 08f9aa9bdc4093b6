import { canonicalJson, chainEvent, findChainBreak, GENESIS_HASH, type ChainedAuditEvent } from './auditEvents'

const now = new Date('2026-11-24T10:00:00.000Z')
const actor = { userId: 1, role: 'admin' }

function chain(n: number): Array<ChainedAuditEvent & { id: number }> {
  const rows: Array<ChainedAuditEvent & { id: number }> = []
  let prev = GENESIS_HASH
  for (let i = 1; i <= n; i++) {
    const row = chainEvent({ type: 'USER_CREATED', actor, target: `user:${i}`, data: { role: 'recruiter' } }, prev, now)
    rows.push({ ...row, id: i })
    prev = row.hash
  }
  return rows
}

describe('audit hash chain', () => {
  it('orders keys so equal data hashes equally', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { f: 2, e: 3 }], c: null } })).toBe('{"a":{"c":null,"d":[1,{"e":3,"f":2}]},"b":1}')
  })

  it('accepts an intact chain', () => {
    expect(findChainBreak(chain(5))).toBeNull()
  })

  it('names the first edited event', () => {
    const rows = chain(5)
    rows[2] = { ...rows[2]!, data: '{"role":"admin"}' }
    expect(findChainBreak(rows)).toEqual({ id: 3, reason: 'hash_mismatch' })
  })

  it('names the event after a deletion', () => {
    const rows = chain(5)
    rows.splice(1, 1)
    expect(findChainBreak(rows)).toEqual({ id: 3, reason: 'prev_hash_mismatch' })
  })

  it('names an inserted event', () => {
    const rows = chain(3)
    const forged = chainEvent({ type: 'USER_DISABLED', actor, target: 'user:9' }, rows[0]!.hash, now)
    rows.splice(1, 0, { ...forged, id: 99 })
    expect(findChainBreak(rows)).toEqual({ id: 2, reason: 'prev_hash_mismatch' })
  })
})
