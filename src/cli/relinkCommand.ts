import type { Knex } from 'knex'
import type { Services } from '../services'
import type { ActorContext } from '../services/context'
import { isChangeable, type CaseStatus } from '../signoff/caseStatus'

const BATCH = 100

/**
 * Rebuild every open case's link keys, prints and links, after an upgrade changed how they are made
 * (a new normalisation, a new kind of key): cases linked before keep working, and old keys stop hiding
 * new links. Batches of 100 cases, each in its own transaction, so a long run holds no lock for long and a
 * stop loses at most one batch. A link is made from whichever end is rebuilt second, so one pass finds
 * every pair. Cases whose links changed are scored again (decided ones are only re-assessed, and their
 * people told, as for any new evidence).
 */
export async function relinkCommand(db: Knex, services: Services, json: boolean, actor: ActorContext, out: (s: string) => void): Promise<number> {
  // Decided cases keep the links they were decided on (and the keys that made them): only cases that can
  // still change are rebuilt, as when their evidence changes.
  const rows = (await db('cases').where({ is_current: true }).orderBy('created_at').orderBy('id').select('id', 'status', 'is_current')) as Array<{ id: string; status: CaseStatus; is_current: boolean | number }>
  const ids = rows.filter(isChangeable).map(r => r.id)
  const before = Number(((await db('links').count({ n: '*' }).first()) as { n: number | string }).n)
  let rescored = 0
  for (let i = 0; i < ids.length; i += BATCH) {
    rescored += await db.transaction(trx => services.scoring.linkImported(trx, ids.slice(i, i + BATCH), actor))
    if (!json && ids.length > BATCH) out(`  ${Math.min(i + BATCH, ids.length).toLocaleString('en')} of ${ids.length.toLocaleString('en')} cases`)
  }
  const after = Number(((await db('links').count({ n: '*' }).first()) as { n: number | string }).n)
  if (json) out(JSON.stringify({ cases: ids.length, linksBefore: before, linksAfter: after, scoredAgain: rescored }))
  else out(`Relinked ${ids.length.toLocaleString('en')} cases: ${before.toLocaleString('en')} links before, ${after.toLocaleString('en')} after; ${rescored.toLocaleString('en')} linked cases scored again`)
  return 0
}
