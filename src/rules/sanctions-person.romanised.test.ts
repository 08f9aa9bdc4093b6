import fs from 'node:fs'
import path from 'node:path'
import { buildReferenceData } from '../refdata/referenceData'
import { BUILTIN_SANCTIONS } from '../sanctions/builtin'
import { mergeEntries } from '../sanctions/merge'
import { SanctionsIndex } from '../sanctions/screen'
import { parseSdnCsv } from '../sanctions/sdnCsv'
import type { SanctionsEntry } from '../sanctions/types'
import { rule as corroborated } from './sanctions-person-corroborated'
import { rule as lead } from './sanctions-person-lead'
import { fact, factsOf, testContext } from './ruleTestKit'

/**
 * Issue 14 part 2: listed persons' names written in another romanisation, in Hangul or family name last
 * are a lead (sanctions-person-lead); with the listed date of birth, written in any common form, a
 * corroborated hit that blocks sign-off (sanctions-person-corroborated). Measured against the real SDN
 * snapshot merged with the built-in entries, as after `vet refdata import sdn.csv`; skipped without
 * ../shared. The names themselves are compared by src/domain/names.ts; this only checks the wiring.
 */
const SDN = path.resolve(__dirname, '../../../shared/refdata/ofac/sdn-2024-05-03.csv')
const run = fs.existsSync(SDN) ? describe : describe.skip

const PEOPLE: Array<{ uid: string; dob: string[]; variants: string[]; others: string[] }> = [
  {
    uid: 'OFAC-43377', // KIM, Sang Man; DOB 25 Apr 1965
    dob: ['1965-04-25', '25/04/1965', '04/25/1965', 'April 25, 1965', '25.04.1965'],
    variants: ['Kim Sangman', 'Gim Sangman', '김상만', 'Kim Sang-man', 'Sangman Kim', 'KIM SANG MAN', 'Sang-Man Kim'],
    others: ['Kim Sang-min', 'Kim Song-man', 'Park Sang-man'],
  },
  {
    uid: 'OFAC-42498', // SIM, Hyon Sop; DOB 25 Nov 1983
    dob: ['1983-11-25', '25/11/1983', '11/25/1983', 'Nov 25, 1983'],
    variants: ['Sim Hyeon-seop', 'Shim Hyun-seop', '심현섭', 'Hyon Sop Sim', 'Sim Hyonsop'],
    others: ['Sim Hyeon-u', 'Sin Hyeon-seop', 'Shin Hyun-sook'],
  },
  {
    uid: 'OFAC-48262', // JON, Yun Gun; DOB 22 Apr 1973
    dob: ['1973-04-22', '22/04/1973', '04/22/1973'],
    variants: ['Chon Yun Gun', 'Jon Yun-gun', 'Yun Gun Jon', 'Jeon Yun-geun', '전윤근', '전윤군'],
    others: ['Jong Yun-gun', 'Cho Yun-gun'],
  },
]

run('listed persons as people write their names (OFAC sdn.csv 2024-05-03 + built-in)', () => {
  let ctx: ReturnType<typeof testContext>
  beforeAll(() => {
    const byUid = new Map<string, SanctionsEntry>(BUILTIN_SANCTIONS.map(e => [e.uid, e]))
    for (const e of parseSdnCsv(fs.readFileSync(SDN, 'latin1')).entries) byUid.set(e.uid, mergeEntries(byUid.get(e.uid), e))
    const ref = buildReferenceData({ lookupIp: () => null, disposableDomains: new Set(), external: [], sanctions: new SanctionsIndex([...byUid.values()]) })
    ctx = { ...testContext(), ref }
  }, 60_000)
  const names = (uid: string, r: ReturnType<typeof lead.evaluate>) => r.status === 'flag' && r.message.includes(`[${uid}]`)

  const cases = PEOPLE.flatMap(p => p.variants.map(v => [v, p.uid, p.dob] as const))
  it.each(cases)('"%s" is a lead for %s, and a corroborated hit with the listed date of birth', (name, uid, dobs) => {
    expect(names(uid, lead.evaluate(factsOf([fact('person.full_name', name)]), ctx))).toBe(true)
    expect(names(uid, corroborated.evaluate(factsOf([fact('person.full_name', name)]), ctx))).toBe(false)
    for (const dob of dobs) {
      const r = corroborated.evaluate(factsOf([fact('person.full_name', name), fact('person.date_of_birth', dob)]), ctx)
      expect([dob, names(uid, r)]).toEqual([dob, true])
      expect(corroborated.meta.blocking).toBe(true)
    }
    // Another date of birth: still a lead, never corroborated.
    const other = factsOf([fact('person.full_name', name), fact('person.date_of_birth', '1990-01-02')])
    expect(names(uid, corroborated.evaluate(other, ctx))).toBe(false)
    expect(names(uid, lead.evaluate(other, ctx))).toBe(true)
  })

  const near = PEOPLE.flatMap(p => p.others.map(o => [o, p.uid, p.dob[0]!] as const))
  it.each(near)('"%s" is not a lead for %s, not even with its date of birth', (name, uid, dob) => {
    const f = factsOf([fact('person.full_name', name), fact('person.date_of_birth', dob)])
    expect(names(uid, lead.evaluate(f, ctx))).toBe(false)
    expect(names(uid, corroborated.evaluate(f, ctx))).toBe(false)
  })
})
