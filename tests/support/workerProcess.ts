import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import { usingPostgres, type TestDb } from './testDb'

const ROOT = path.resolve(__dirname, '../..')

/**
 * A worker process on the test's database, for the kill -9 tests: `script` is tests/support/jobWorker.ts
 * (a counting job) or tests/support/appWorker.ts (the app's own services). It is node itself with tsx's
 * loader, not the tsx command: that runs node as a child, which a kill -9 of the parent would orphan.
 */
export function spawnWorker(script: string, t: TestDb, env: NodeJS.ProcessEnv = {}): ChildProcess {
  const where = usingPostgres() ? { DATABASE_URL: process.env.DATABASE_URL, JOB_DB_SCHEMA: t.pgSchema } : { JOB_DB_SQLITE: t.sqliteFile }
  return spawn(process.execPath, ['--import', 'tsx', script], { cwd: ROOT, env: { ...process.env, ...where, JOB_LEASE_MS: '1000', ...env }, stdio: ['ignore', 'ignore', 'pipe'] })
}

/** Its exit code (null when killed by a signal). */
export const exited = (p: ChildProcess) => new Promise<number | null>(resolve => (p.exitCode !== null || p.signalCode !== null ? resolve(p.exitCode) : p.on('exit', code => resolve(code))))

/** Poll until `check` holds, or fail after `ms`. */
export async function until(check: () => Promise<boolean>, ms = 60_000, every = 100): Promise<void> {
  const end = Date.now() + ms
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out')
    await new Promise(r => setTimeout(r, every))
  }
}
