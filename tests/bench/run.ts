/**
 * `npm run bench`: speed figures, as ratios against a baseline measured in the same run (machines here
 * are shared and noisy, so absolute milliseconds mean little on their own). BENCH_ONLY=cases|ingest|score|rules|links|healthz|pages|rescreen
 * runs one part.
 */
import { caseListBench } from './caseListBench'
import { healthzBench } from './healthzBench'
import { ingestBench } from './ingestBench'
import { linkBench } from './linkBench'
import { pageBenchReport } from './pageBench'
import { rescreenBench } from './rescreenBench'
import { rulesBench } from './rulesBench'
import { scoreBench } from './scoreBench'

async function main() {
  const only = process.env.BENCH_ONLY
  if (!only || only === 'cases') await caseListBench()
  if (!only || only === 'ingest') await ingestBench()
  if (!only || only === 'score') await scoreBench()
  if (!only || only === 'rules') await rulesBench()
  if (!only || only === 'links') await linkBench()
  if (!only || only === 'healthz') await healthzBench()
  if (!only || only === 'pages') await pageBenchReport()
  if (!only || only === 'rescreen') await rescreenBench()
}

main().then(
  () => process.exit(0),
  error => {
    process.stderr.write(`${(error as Error).stack}\n`)
    process.exit(1)
  },
)
