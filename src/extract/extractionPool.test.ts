import { ExtractionPool } from './extractionPool'

const ECHO = require.resolve('../../tests/support/echoWorker.js')

describe('ExtractionPool: jobs sent ahead (depth)', () => {
  it('answers every job with its own answer when jobs wait in the workers', async () => {
    const pool = new ExtractionPool({ size: 2, depth: 2, workerFile: ECHO }).warm()
    try {
      const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => pool.run<{ value: number }>({ op: 'echo', value: i, wait: i % 3 })))
      expect(answers.map(a => a.value)).toEqual(Array.from({ length: 40 }, (_, i) => i))
    } finally {
      await pool.close()
    }
  })

  it('gives a job sent ahead to a fresh worker when the one before it times out', async () => {
    const pool = new ExtractionPool({ size: 1, depth: 2, timeoutMs: 300, workerFile: ECHO }).warm()
    try {
      const stuck = pool.run({ op: 'echo', hang: true })
      const next = pool.run<{ value: string }>({ op: 'echo', value: 'after' })
      await expect(stuck).rejects.toThrow(/took longer than/)
      await expect(next).resolves.toMatchObject({ value: 'after' })
    } finally {
      await pool.close()
    }
  })

  it('rejects jobs sent ahead when closed, without starting a worker', async () => {
    const pool = new ExtractionPool({ size: 1, depth: 2, workerFile: ECHO }).warm()
    const first = pool.run({ op: 'echo', hang: true })
    const second = pool.run({ op: 'echo', value: 2 })
    const third = pool.run({ op: 'echo', value: 3 })
    const settled = Promise.allSettled([first, second, third])
    await pool.close()
    expect((await settled).map(r => r.status)).toEqual(['rejected', 'rejected', 'rejected'])
  })
})
