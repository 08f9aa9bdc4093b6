import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { loadReferenceData } from './load'
import { files, writeJsonAtomic } from './store'
import type { SanctionsEntry } from '../sanctions/types'

describe('loading sanctions: an import adds to the built-in entries', () => {
  it('keeps the built-in alias of an entry the import also holds, and every built-in entry it lacks', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vd-load-'))
    // What sdn.csv holds for Chinyong: no aliases (they are in alt.csv); plus one entry of its own.
    const imported: SanctionsEntry[] = [
      { uid: 'OFAC-43379', name: 'CHINYONG INFORMATION TECHNOLOGY COOPERATION COMPANY', type: 'entity', programs: ['DPRK2'], aliases: [], wallets: [], emails: [], websites: [], phones: [], birthDates: [], list: 'OFAC SDN test' },
      { uid: 'OFAC-90201', name: 'NORLAND TRADING CO., LTD.', type: 'entity', programs: ['DPRK3'], aliases: [], wallets: [], emails: [], websites: ['norland-trading.example'], phones: [], birthDates: [], list: 'OFAC SDN test' },
    ]
    writeJsonAtomic(files(dir).sanctions, imported)
    const ref = loadReferenceData(dir)
    const uids = (name: string) => ref.sanctions.screen({ personNames: [], organisations: [{ name, where: 'x' }], emails: [], phones: [], websites: [], wallets: [] }).map(h => h.entry.uid)
    expect(uids('Jinyong IT Cooperation Company')).toEqual(['OFAC-43379'])
    expect(uids('Volasys Silver Star')).toEqual(['OFAC-24978'])
    expect(uids('Norland Trading Limited')).toEqual(['OFAC-90201'])
    expect(ref.sanctions.size).toBe(7)
    fs.rmSync(dir, { recursive: true, force: true })
  })
})
