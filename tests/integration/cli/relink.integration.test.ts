import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createKnex, sqliteFileIn } from '../../../src/db/knex'
import { vet } from '../../support/cli'
import { usingPostgres } from '../../support/testDb'

// The CLI works on DATA_DIR's SQLite database; its PostgreSQL path is the same code as the app's.
const describeSqlite = usingPostgres() ? describe.skip : describe

describeSqlite('vet relink', () => {
  let dir: string
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vd-relink-'))
  })
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

  it('rebuilds keys and links that an older version made differently, and scores the linked cases again', async () => {
    const env = { DATA_DIR: dir }
    const apps = path.join(dir, 'apps')
    fs.mkdirSync(apps)
    const app = (id: string, name: string, email: string) => ({ format: 'vetting/application@1', external_id: id, person: { full_name: name, email, phone: '+1 415 555 0142' } })
    fs.writeFileSync(path.join(apps, 'a.json'), JSON.stringify(app('A-1', 'Alex Moreno', 'alex@example.test')))
    fs.writeFileSync(path.join(apps, 'b.json'), JSON.stringify(app('B-1', 'Sam Okafor', 'sam@example.test')))
    expect((await vet(['import', apps], env)).code).toBe(0)

    const db = createKnex({ databaseUrl: undefined, sqliteFile: sqliteFileIn(dir) })
    try {
      expect(Number(((await db('links').count({ n: '*' }).first()) as { n: number }).n)).toBeGreaterThan(0)
      // What an older version left behind: keys in a form this one no longer makes, and no links.
      await db('links').delete()
      await db('link_keys').update({ key: db.raw("key || '-old'") })

      const res = await vet(['relink', '--json'], env)
      expect(res.code).toBe(0)
      const report = JSON.parse(res.out.trim()) as { cases: number; linksBefore: number; linksAfter: number; scoredAgain: number }
      expect(report).toMatchObject({ cases: 2, linksBefore: 0 })
      expect(report.linksAfter).toBeGreaterThan(0)
      expect(report.scoredAgain).toBe(2)
      expect(Number(((await db('link_keys').where('key', 'like', '%-old').count({ n: '*' }).first()) as { n: number }).n)).toBe(0)
    } finally {
      await db.destroy()
    }
  }, 60_000)
})
