import type { Knex } from 'knex'

// Bulk imports run on the durable job queue (jobs): import_jobs stays the progress and report row the
// pages read, and names the job that does the work, so a dead job shows as a failed import.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('import_jobs', table => {
    table.string('job_id', 36)
  })
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('import_jobs', table => {
    table.dropColumn('job_id')
  })
}
