/**
 * A worker process for the kill -9 tests of imports and retro-hunts: the app's own services (and so the
 * real job handlers, scoring and audit) on the test database, running the durable queue. Environment: JOB_DB_SQLITE (a file) or
 * DATABASE_URL + JOB_DB_SCHEMA; DATA_DIR (shared with the test, where the uploads wait); JOB_LEASE_MS;
 * JOB_EXIT_WHEN_IDLE=1 to exit when no job is due.
 */
import { createKnex } from '../../src/db/knex'
import { createServices } from '../../src/services'

const db = process.env.JOB_DB_SQLITE ? createKnex({ sqliteFile: process.env.JOB_DB_SQLITE }) : createKnex({ databaseUrl: process.env.DATABASE_URL!, pgSchema: process.env.JOB_DB_SCHEMA! })
const services = createServices(db, { login: { maxFailures: 5, lockMinutes: 15 }, dataDir: process.env.DATA_DIR! })

async function main() {
  const leaseMs = Number(process.env.JOB_LEASE_MS ?? 1000)
  if (process.env.JOB_EXIT_WHEN_IDLE) {
    // Keep looking until nothing has been due for a while (a job the killed worker held comes back when its lease runs out).
    let idle = 0
    while (idle < 15) {
      const n = await services.jobs.runUntilIdle()
      idle = n ? 0 : idle + 1
      if (!n) await new Promise(r => setTimeout(r, 200))
    }
    await services.close()
    await db.destroy()
  } else {
    services.jobs.start({ leaseMs, pollMs: 100 })
    await new Promise(() => undefined)
  }
}

main().catch(error => {
  process.stderr.write(String(error))
  process.exit(1)
})
