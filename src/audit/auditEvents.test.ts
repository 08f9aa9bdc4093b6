import { canonicalJson, chainEvent, findChainBreak, GENESIS_HASH, hashEvent, type ChainedAuditEvent } from './auditEvents'

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

describe('the keyed chain', () => {
  const key = Buffer.from('a unit-test audit key, thirty-two characters or more')
  const keyed = (n: number) => {
    const rows: Array<ChainedAuditEvent & { id: number }> = []
    let prev = GENESIS_HASH
    for (let i = 1; i <= n; i++) {
      const row = chainEvent({ type: 'USER_CREATED', actor, target: `user:${i}` }, prev, now, key)
      rows.push({ ...row, id: i })
      prev = row.hash
    }
    return rows
  }

  it('verifies with the key and refuses another key', () => {
    expect(keyed(3)[0]!.chain_version).toBe(1)
    expect(findChainBreak(keyed(3), { key })).toBeNull()
    expect(findChainBreak(keyed(3), { key: Buffer.from('not the key, but also long enough to be one') })).toEqual({ id: 1, reason: 'hash_mismatch' })
  })

  it('refuses an edit re-hashed with the old algorithm, with or without the version', () => {
    const rows = keyed(3)
    const { hash: _h, id: _id, chain_version: _v, ...rest } = { ...rows[1]!, target: 'user:9' }
    rows[1] = { ...rows[1]!, target: 'user:9', hash: hashEvent(rest) }
    expect(findChainBreak(rows, { key })).toEqual({ id: 2, reason: 'hash_mismatch' })
    rows[1] = { ...rows[1]!, chain_version: 0 }
    expect(findChainBreak(rows, { key })).toEqual({ id: 2, reason: 'unkeyed' })
  })

  it('accepts legacy events before keyed ones, and only then', () => {
    const legacy = chain(2)
    const seal = { ...chainEvent({ type: 'AUDIT_CHAIN_KEYED', actor }, legacy[1]!.hash, now, key), id: 3 }
    expect(findChainBreak([...legacy, seal], { key })).toBeNull()
    expect(findChainBreak(legacy, { key })).toEqual({ id: 1, reason: 'unkeyed' })
  })
})
