import type { Page } from 'playwright-core'
import { systemActor } from '../../src/services/context'
import { PASSWORD } from '../support/appSetup'
import { RingPage } from './pages/appPages'
import { LoginPage } from './pages/authPages'
import { BasePage } from './pages/basePage'
import { describeInBrowser } from './support/browser'
import { importApplication, openJourney, type Journey } from './support/journey'
import type { RunningApp } from './support/server'

interface Box { x1: number; y1: number; x2: number; y2: number }
interface GraphState { nodes: number; edges: number; labels: Array<{ id: string; box: Box }>; edgeLabels: string[] }

/** What cytoscape drew, read from the global ringGraph.js exposes for tests. */
const graphState = (page: Page) =>
  page.evaluate((): GraphState => {
    const cy = (window as unknown as { __ringGraph: { nodes: () => any; edges: () => any } }).__ringGraph // eslint-disable-line @typescript-eslint/no-explicit-any
    return {
      nodes: cy.nodes().length,
      edges: cy.edges().length,
      labels: cy.nodes().map((n: any) => ({ id: n.id(), box: n.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true }) })), // eslint-disable-line @typescript-eslint/no-explicit-any
      edgeLabels: cy.edges().map((e: any) => String(e.data('label'))), // eslint-disable-line @typescript-eslint/no-explicit-any
    }
  })

const overlaps = (a: Box, b: Box) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2

describeInBrowser('the ring graph: one edge per pair, coloured by band, readable at 1,366 and 390 px', () => {
  let journey: Journey
  let app: RunningApp
  let page: Page
  let ref = ''
  const ids: Record<string, string> = {}

  beforeAll(async () => {
    journey = await openJourney(['recruiter'])
    ;({ app, page } = journey)
    // Five applications: 1 and 2 share a phone and a wallet (two values, one pair), 3 uses the same wallet,
    // 4 ships to 3's home, 5 gives 4's phone. Five pairs share something; six values are shared.
    const wallet = 'TMsFSgGsFTRomF61YmHaGDGGECCjGwfpYC'
    const home = (n: number) => ({ line1: `${n} Birch Rd`, city: 'Austin', postal_code: '78701', country: 'US' })
    const people = [
      { ref: 'E2E-G-1', name: 'Anna Keller', phone: '+1 646 940 6483', wallet, address: home(11) },
      { ref: 'E2E-G-2', name: 'Bruno Lange', phone: '+1 (646) 940-6483', wallet, address: home(22) },
      { ref: 'E2E-G-3', name: 'Chiara Conti', phone: '+1 415 555 0101', wallet, address: { line1: '400 Pine Ave Apt 3', city: 'Denver', postal_code: '80202', country: 'US' } },
      { ref: 'E2E-G-4', name: 'Dmitri Volkov', phone: '+1 312 555 0142', address: home(44), ship: { line1: '400 Pine Avenue, Apt. 3', city: 'Denver', postal_code: '80202', country: 'US' } },
      { ref: 'E2E-G-5', name: 'Elif Yilmaz', phone: '+1 (312) 555-0142', address: home(55) },
    ]
    for (const p of people) {
      ids[p.name] = await importApplication(app, {
        external_id: p.ref, kind: 'candidate',
        person: { full_name: p.name, email: `${p.ref.toLowerCase()}@example.org`, phone: p.phone, address: p.address },
        ...(p.wallet ? { payment: { method: 'crypto', currency: 'USDT', wallet_address: p.wallet } } : {}),
        ...(p.ship ? { logistics: { shipping_address: p.ship } } : {}),
      })
    }
    ref = (await app.services.cases.view(ids['Anna Keller']!, systemActor())).case.reference
    await LoginPage.signInAs(page, 'recruiter@example.test', PASSWORD)
  }, 60_000)

  afterAll(() => journey?.stop())

  it('at 1,366 px draws one edge per pair with the kinds as its label, short labels that do not overlap, and a legend', async () => {
    await page.setViewportSize({ width: 1366, height: 900 })
    await page.goto(`/rings/${ref}`)
    await RingPage.verifyOnPage(page)
    await page.waitForFunction(() => Boolean((window as unknown as { __ringGraph?: unknown }).__ringGraph))
    const g = await graphState(page)
    expect(g.nodes).toBe(5)
    expect(g.edges).toBe(5)
    expect(g.edgeLabels.sort()).toEqual(['address', 'phone', 'phone, wallet', 'wallet', 'wallet'])
    for (let i = 0; i < g.labels.length; i++) for (let j = i + 1; j < g.labels.length; j++) expect([g.labels[i]!.id, g.labels[j]!.id, overlaps(g.labels[i]!.box, g.labels[j]!.box)]).toEqual([g.labels[i]!.id, g.labels[j]!.id, false])
    // The force layout is fcose when its scripts load from our origin.
    expect(await page.evaluate(() => typeof (window as unknown as { cytoscapeFcose?: unknown }).cytoscapeFcose)).toBe('function')

    const legend = page.getByTestId('ring-legend')
    expect(await legend.isVisible()).toBe(true)
    expect(await legend.textContent()).toMatch(/unscored|low|elevated|high|critical/)
    expect(await page.getByRole('img', { name: /Graph of the 5 applications in this ring and the 5 pairs/ }).count()).toBe(1)

    // Pointing at an application shows its full name beside the drawing.
    const at = await page.evaluate(id => {
      const cy = (window as unknown as { __ringGraph: { getElementById: (i: string) => { renderedPosition: () => { x: number; y: number } }; container: () => HTMLElement } }).__ringGraph
      const r = cy.container().getBoundingClientRect()
      const p = cy.getElementById(id).renderedPosition()
      return { x: r.left + p.x, y: r.top + p.y }
    }, ids['Chiara Conti']!)
    await page.mouse.move(at.x, at.y)
    await page.waitForFunction(() => document.getElementById('ring-graph-detail')?.textContent?.includes('Chiara Conti'))

    // "What they share": one row per value, not per pair.
    const shared = await page.getByTestId('ring-links').locator('tbody tr').allTextContents()
    expect(shared.filter(r => /wallet/.test(r))).toHaveLength(1)
    expect(shared.find(r => /wallet/.test(r))).toContain('Anna Keller, Bruno Lange and Chiara Conti')
    await page.screenshot({ path: '/tmp/ring-1366.png', fullPage: true })
    await page.locator('#ring-graph-section').screenshot({ path: '/tmp/ring-graph-1366.png' })
  }, 60_000)

  it('at 390 px the page does not scroll sideways and the graph fits the screen', async () => {
    await page.setViewportSize({ width: 390, height: 844 })
    await page.goto(`/rings/${ref}`)
    await RingPage.verifyOnPage(page)
    await page.waitForFunction(() => Boolean((window as unknown as { __ringGraph?: unknown }).__ringGraph))
    const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, graph: document.getElementById('ring-graph')!.getBoundingClientRect().right }))
    expect(widths.page).toBeLessThanOrEqual(390)
    expect(widths.graph).toBeLessThanOrEqual(390)
    expect((await graphState(page)).edges).toBe(5)
    await page.screenshot({ path: '/tmp/ring-390.png', fullPage: true })
    await page.locator('#ring-graph-section').screenshot({ path: '/tmp/ring-graph-390.png' })
  }, 60_000)

  it('without JavaScript the graph stays hidden and the tables say the same', async () => {
    const context = await journey.browser.newContext({ baseURL: app.baseUrl, javaScriptEnabled: false, storageState: await journey.context.storageState() })
    const plain = await context.newPage()
    await plain.goto(`/rings/${ref}`)
    expect(await plain.locator('#ring-graph-section').isHidden()).toBe(true)
    expect(await plain.getByTestId('ring-links').locator('tbody tr').count()).toBeGreaterThanOrEqual(4)
    expect(await plain.getByTestId('members').locator('tbody tr').count()).toBe(5)
    await context.close()
  }, 60_000)

  it('has no serious accessibility problems on the ring page', () => {
    expect(BasePage.problems).toEqual([])
  })
})
