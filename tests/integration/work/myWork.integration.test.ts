import express from 'express'
import request from 'supertest'
import type TestAgent from 'supertest/lib/agent'
import { unreadNotifications } from '../../../src/middleware/unreadNotifications'
import { addUser, createTestApp, signIn, type TestApp } from '../../support/appSetup'

type Session = { agent: TestAgent; csrf: string }

describe('My work: each role lands on its queue; managers hear when a case enters review', () => {
  let t: TestApp
  const as: Record<string, Session> = {}
  const userId: Record<string, number> = {}
  let caseId: string

  beforeAll(async () => {
    t = await createTestApp()
    for (const role of ['recruiter', 'security', 'manager', 'admin'] as const) {
      userId[role] = (await addUser(t.services, role)).id
      as[role] = await signIn(t.app, `${role}@example.test`)
    }
    const created = await as.recruiter!.agent.post('/cases').type('form').send({ _csrf: as.recruiter!.csrf, kind: 'candidate', fullName: 'Queue Quentin', email: 'quentin@example.test' }).expect(303)
    caseId = String(created.headers.location).split('/').pop()!.split(/[?#]/)[0]!
    await as.recruiter!.agent.get(`/cases/${caseId}`).expect(200) // makes the checklist
  })
  afterAll(() => t.close())

  const sectionsOf = (html: string) => [...html.matchAll(/data-qa="queue-([a-zA-Z]+)"/g)].map(m => m[1])

  it('shows a recruiter the items assigned to them and their own open cases, with the next action', async () => {
    const page = await as.recruiter!.agent.get('/').expect(200)
    expect(page.text).toContain('<h1 class="govuk-heading-xl">My work</h1>')
    expect(sectionsOf(page.text).sort()).toEqual(['assigned', 'myCases']) // non-empty sections first
    expect(page.text).toMatch(/My open cases \(1\)/)
    expect(page.text).toContain('Queue Quentin')
    expect(page.text).toContain(`href="/cases/${caseId}?tab=checklist#checklist-heading"`)
    expect(page.text).toContain('Nothing is assigned to you')
  })

  it('shows security its assigned items and the sanctions sections, and a manager only the decisions', async () => {
    expect(sectionsOf((await as.security!.agent.get('/').expect(200)).text).sort()).toEqual(['assigned', 'hits', 'matches', 'rescreened'])
    const manager = await as.manager!.agent.get('/').expect(200)
    expect(sectionsOf(manager.text)).toEqual(['decisions'])
    expect(manager.text).toMatch(/Awaiting my decision \(0\)/)
    expect(manager.text).not.toContain('Queue Quentin')
  })

  it('gives an admin the administration links, not a queue', async () => {
    const page = await as.admin!.agent.get('/').expect(200)
    expect(page.text).toContain('Administration')
    expect(page.text).toContain('href="/users"')
    expect(page.text).toContain('href="/audit"')
    expect(sectionsOf(page.text)).toEqual([])
  })

  it('notifies every manager when a case is sent for review, linking to the decision page, and queues it', async () => {
    const manager2 = (await addUser(t.services, 'manager', 'manager2@example.test')).id
    await as.recruiter!.agent.post(`/cases/${caseId}/status`).type('form').send({ _csrf: as.recruiter!.csrf, action: 'submit_for_review', statement: 'Sent before the interview, as the manager asked' }).expect(303)
    expect((await t.services.db('cases').where({ id: caseId }).first('status')).status).toBe('in_review')
    const notes = (await t.services.db('notifications').where({ case_id: caseId }).select('user_id', 'link', 'message')) as Array<{ user_id: number; link: string; message: string }>
    expect(notes.map(n => n.user_id).sort()).toEqual([userId.manager, manager2].sort())
    expect(notes[0]!.link).toBe(`/cases/${caseId}/signoff`)
    expect(await t.services.checklists.unreadCount(userId.manager!)).toBe(1)
    // The header's count (the layout shows res.locals.unreadCount, set by unreadNotifications).
    expect((await as.manager!.agent.get('/').expect(200)).text).toMatch(/data-qa="unread-count">1</)
    const inbox = await as.manager!.agent.get('/notifications').expect(200)
    expect(inbox.text).toContain('Queue Quentin')
    expect(inbox.text).toContain(`href="/cases/${caseId}/signoff"`)
    expect(await t.services.checklists.unreadCount(userId.manager!)).toBe(0)
    const queue = await as.manager!.agent.get('/').expect(200)
    expect(queue.text).toMatch(/Awaiting my decision \(1\)/)
    expect(queue.text).toContain(`href="/cases/${caseId}/signoff"`)
    // The recruiter is told nothing, and their case has left their queue.
    expect(await t.services.checklists.unreadCount(userId.recruiter!)).toBe(0)
    expect((await as.recruiter!.agent.get('/').expect(200)).text).toMatch(/My open cases \(0\)/)
  })

  it('sets the unread count for the header with one query, only for a signed-in GET', async () => {
    const counted: number[] = []
    const app = express()
    app.use((req, _res, next) => {
      if (req.headers['x-user']) req.currentUser = { id: Number(req.headers['x-user']), email: 'x', displayName: 'x', role: 'manager' }
      next()
    })
    app.use(unreadNotifications({ unreadCount: async id => (counted.push(id), 4) }))
    app.all('/', (_req, res) => {
      res.json({ unread: res.locals.unreadCount })
    })
    expect((await request(app).get('/').set('x-user', '7')).body).toEqual({ unread: 4 })
    expect((await request(app).get('/')).body).toEqual({ unread: 0 })
    expect((await request(app).post('/').set('x-user', '7')).body).toEqual({ unread: 0 })
    expect(counted).toEqual([7])
  })
})
