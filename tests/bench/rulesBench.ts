import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { importRefdataFile } from '../../src/refdata/importRefdata'
import { loadReferenceData } from '../../src/refdata/load'
import { buildCaseFacts, type FactRecord } from '../../src/rules/caseFacts'
import { RULES } from '../../src/rules/registry'
import { runRules } from '../../src/rules/runRules'
import type { ScreeningSubject } from '../../src/sanctions/screen'
import { performance } from 'node:perf_hooks'
import { scorePaths } from '../../src/cli/scoreCommand'
import { generateTo } from '../../src/generate/cli'

/**
 * Two figures for issue 5, each against a baseline in the same run:
 * - the full rule pack vs the starter engine (its first six rules) on the same facts (target ≤ 1.5×);
 * - sanctions screening of one applicant against the full SDN list, median per applicant, reported
 *   beside Watchman's published ~0.85 ms per search (target ≤ 5 ms). Skipped without ../shared.
 */
const STARTER = ['contact-voip-phone', 'interview-camera-refused', 'logistics-shipping-not-home', 'network-remote-access-tool', 'payment-crypto-payout', 'payment-payee-name-mismatch']
const FIRST = ['James', 'Min-jun', 'Priya', 'Olga', 'Omar', 'Lucía', 'Chinedu', 'Sang Man', 'Wei', 'Hyun-woo', 'Mohammed', 'Ivan']
const LAST = ['Whitfield', 'Kim', 'Sharma', 'Petrova', 'Haddad', 'García', 'Okafor', 'Park', 'Chen', 'Lee', 'Ali', 'Petrov']

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]!
}

export function records(i: number): FactRecord[] {
  const f = (field: string, value: unknown): FactRecord => ({ field, value, source: 'application', where: field })
  return [
    f('person.full_name', `${FIRST[i % FIRST.length]} ${LAST[(i * 7) % LAST.length]}`),
    f('person.email', `p${i}@example.org`),
    f('person.phone', { e164: `+1312555${String(1000 + (i % 9000)).padStart(4, '0')}`, country: 'US', type: 'MOBILE' }),
    f('person.address', { line1: `${i} Oak St`, city: 'Chicago', postal_code: '60601', country: 'US' }),
    f('person.timezone', 'America/Chicago'),
    f('submission', { ip: `73.12.${i % 250}.${(i * 3) % 250}` }),
    f('resume.employer', { company: 'Bluepeak Software', title: 'Engineer', start: '2016-02', end: '2020-01', details: 'Built React and Kafka services.' }),
    f('resume.employer', { company: 'Orbital Freight', title: 'Senior Engineer', start: '2020-02', details: 'Kubernetes and Terraform.' }),
    f('profile', { network: 'github', created_at: '2015-03-01', url: `https://github.com/p${i}` }),
    f('reference', { name: 'Sam Ortiz', company: 'Bluepeak Software', email: 'sam@bluepeak.example', phone_e164: '+13125550100' }),
    f('logistics.shipping_address', { line1: `${i} Oak St`, city: 'Chicago', postal_code: '60601', country: 'US' }),
    f('payment', { method: 'bank', account_holder: `${FIRST[i % FIRST.length]} ${LAST[(i * 7) % LAST.length]}`, bank_country: 'US' }),
    f('interview.observation', 'Camera on throughout'),
  ]
}

export async function rulesBench(): Promise<void> {
  const shared = path.resolve(__dirname, '../../../shared/refdata')
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vd-bench-ref-'))
  const hasShared = fs.existsSync(shared)
  if (hasShared) importRefdataFile(dir, path.join(shared, 'ofac/sdn-2024-05-03.csv'))
  const ref = loadReferenceData(dir)
  const now = new Date('2026-10-01T00:00:00Z')
  const facts = Array.from({ length: 5000 }, (_, i) => buildCaseFacts('contractor', records(i)))
  ref.lookupIp('73.12.0.1') // load the IP tables before timing
  const starter = RULES.filter(r => STARTER.includes(r.meta.id))
  const time = (rules: typeof RULES) => {
    const t0 = process.hrtime.bigint()
    for (const f of facts) runRules({ ...f }, { now, ref }, rules)
    return Number(process.hrtime.bigint() - t0) / 1e6
  }
  time(RULES)
  const runs = Array.from({ length: 3 }, () => ({ starter: time(starter), full: time(RULES) }))
  const s = median(runs.map(r => r.starter))
  const fl = median(runs.map(r => r.full))
  // End to end: `vet score` on a generated population of 5,000, starter engine vs full pack, alternated.
  const popDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vd-bench-pop-'))
  await generateTo(popDir, 5000, 11, () => undefined, { twins: false })
  const e2e = { starter: [] as number[], full: [] as number[] }
  for (let round = 0; round < 2; round++) {
    for (const [name, rules] of [['starter', starter], ['full', RULES]] as const) {
      const t0 = performance.now()
      const { lines } = await scorePaths([path.join(popDir, 'population')], { dataDir: dir, rules })
      if (lines.length !== 5000) throw new Error(`scored ${lines.length}`)
      e2e[name].push((performance.now() - t0) / 1000)
    }
  }
  fs.rmSync(popDir, { recursive: true, force: true })
  const es = Math.min(...e2e.starter)
  const ef = Math.min(...e2e.full)
  process.stdout.write(`\n## vet score on 5,000 generated applications (best of 2, alternated)\n\n| engine | rules | seconds | ratio |\n| --- | --: | --: | --: |\n| starter (baseline) | ${starter.length} | ${es.toFixed(1)} | 1.00 |\n| full pack | ${RULES.length} | ${ef.toFixed(1)} | ${(ef / es).toFixed(2)} (target ≤ 1.5) |\n`)
  process.stdout.write(`\n## Rules alone on 5,000 fact sets (median of 3)\n\n| engine | rules | time | ratio |\n| --- | --: | --: | --: |\n| starter (baseline) | ${starter.length} | ${s.toFixed(0)} ms | 1.00 |\n| full pack | ${RULES.length} | ${fl.toFixed(0)} ms | ${(fl / s).toFixed(2)} |\n`)

  const subjects: ScreeningSubject[] = Array.from({ length: 2000 }, (_, i) => ({
    personNames: [{ name: `${FIRST[i % FIRST.length]} ${LAST[(i * 5) % LAST.length]}`, where: 'a' }],
    organisations: [{ name: ['Bluepeak Software', 'Orbital Freight LLC', 'Volasys Silver Star', 'Meridian Bank'][i % 4]!, where: 'b' }],
    emails: [{ value: `p${i}@example.org`, where: 'c' }],
    phones: [{ value: `+1312555${String(1000 + i).padStart(4, '0')}`, where: 'd' }],
    websites: [{ value: `https://github.com/p${i}`, where: 'e' }],
    wallets: [{ value: `0x${String(i).padStart(40, '0')}`, where: 'f' }],
  }))
  const per: number[] = []
  for (const subject of subjects) {
    const t0 = process.hrtime.bigint()
    ref.sanctions.screen(subject)
    per.push(Number(process.hrtime.bigint() - t0) / 1e6)
  }
  const m = median(per)
  const p95 = [...per].sort((a, b) => a - b)[Math.floor(per.length * 0.95)]!
  process.stdout.write(`\n## Sanctions screening, one applicant (${ref.sanctions.size} list entries: ${hasShared ? 'full SDN 2024-05-03' : 'built-in only; ../shared absent'})\n\n| median | p95 | target | Watchman (Go, published) | ratio to Watchman |\n| --: | --: | --: | --: | --: |\n| ${m.toFixed(3)} ms | ${p95.toFixed(3)} ms | ≤ 5 ms | ~0.85 ms | ${(m / 0.85).toFixed(2)} |\n`)
  fs.rmSync(dir, { recursive: true, force: true })
}
