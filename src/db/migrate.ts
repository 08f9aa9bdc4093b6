import fs from 'node:fs'
import path from 'node:path'
import type { Knex } from 'knex'

export const MIGRATIONS_DIR = path.join(__dirname, '..', '..', 'migrations')

/**
 * Migrations are named without their extension in knex_migrations, so a database migrated from the
 * TypeScript sources stays valid if the files are ever compiled to .js (a knex trap: it stores the
 * extension by default and then calls the directory corrupt).
 */
class MigrationSource implements Knex.MigrationSource<string> {
  async getMigrations(): Promise<string[]> {
    return fs
      .readdirSync(MIGRATIONS_DIR)
      .filter(f => /^\d{14}_[a-z0-9_]+\.(ts|js)$/.test(f) && !f.endsWith('.d.ts'))
      .sort()
  }
  getMigrationName(file: string): string {
    return file.replace(/\.(ts|js)$/, '')
  }
  async getMigration(file: string): Promise<Knex.Migration> {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- migrations are loaded by path at run time
    return require(path.join(MIGRATIONS_DIR, file)) as Knex.Migration
  }
}

const migrationConfig = (): Knex.MigratorConfig => ({ migrationSource: new MigrationSource() })

export async function migrateLatest(knex: Knex): Promise<string[]> {
  const [, applied] = (await knex.migrate.latest(migrationConfig())) as [number, string[]]
  return applied
}

export async function rollbackAll(knex: Knex): Promise<string[]> {
  const [, undone] = (await knex.migrate.rollback(migrationConfig(), true)) as [number, string[]]
  return undone
}

export async function pendingMigrations(knex: Knex): Promise<string[]> {
  const [, pending] = (await knex.migrate.list(migrationConfig())) as [unknown[], Array<{ file: string }>]
  return pending.map(p => p.file)
}
