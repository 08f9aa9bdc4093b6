import { ImportProblem } from '../../../src/ingest/prepareApplication'
import { systemActor } from '../../../src/services/context'
import { addUser, createTestApp, signIn, type TestApp } from '../../support/appSetup'

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex')
/** Issue 13, probe item 5: these were accepted as profile photos. */
const TRUNCATED_PNG = PNG.subarray(0, 14)
const TINY_JPEG = Buffer.from('ffd8ffe000', 'hex')

describe('a photo must have a readable header', () => {
  let t: TestApp
  let caseId: string
  beforeAll(async () => {
    t = await createTestApp()
    await addUser(t.services, 'security')
    caseId = (await t.services.cases.create({ kind: 'contractor', fullName: 'Kevin Brandt', email: 'kb@example.com' }, systemActor())).id
  })
  afterAll(() => t.close())

  const documents = async () => Number(((await t.testDb.db('documents').where({ case_id: caseId }).count({ n: '*' }).first()) as { n: number | string }).n)

  it.each([
    ['a 14-byte truncated PNG', TRUNCATED_PNG, 'cut.png', 'image/png'],
    ['a 5-byte JPEG', TINY_JPEG, 'tiny.jpg', 'image/jpeg'],
  ])('refuses %s on the profile form, saying why, and keeps nothing', async (_what, bytes, filename, contentType) => {
    const { agent, csrf } = await signIn(t.app, 'security@example.test')
    const before = await documents()
    const res = await agent.post(`/cases/${caseId}/record/profile`).field('_csrf', csrf).field('network', 'upwork').field('url', 'https://www.upwork.com/freelancers/~01f00d').attach('photo', bytes, { filename, contentType })
    expect(res.status).toBe(400)
    expect(res.text).toContain('the picture cannot be read: its header is missing, damaged or cut short')
    expect(await documents()).toBe(before)
  })

  it.each([
    ['a 14-byte truncated PNG', TRUNCATED_PNG],
    ['a 5-byte JPEG', TINY_JPEG],
  ])('refuses %s as a photo upload', async (_what, bytes) => {
    await expect(t.services.ingest.addDocument(caseId, 'photo.img', 'photo', bytes, systemActor())).rejects.toThrow(ImportProblem)
    await expect(t.services.ingest.addDocument(caseId, 'photo.img', 'photo', bytes, systemActor())).rejects.toThrow(/header is missing, damaged or cut short/)
  })

  it('still takes a picture whose header can be read', async () => {
    const { agent, csrf } = await signIn(t.app, 'security@example.test')
    const res = await agent.post(`/cases/${caseId}/record/profile`).field('_csrf', csrf).field('network', 'upwork').field('url', 'https://www.upwork.com/freelancers/~01f00d').attach('photo', PNG, { filename: 'kevin.png', contentType: 'image/png' })
    expect(res.status).toBe(303)
  })
})
