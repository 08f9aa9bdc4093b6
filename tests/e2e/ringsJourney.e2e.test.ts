import type { Page } from 'playwright-core'
import { PASSWORD } from '../support/appSetup'
import { CasePage, LinkedApplications, RingPage, RingsPage, WatchListPage } from './pages/appPages'
import { LoginPage } from './pages/authPages'
import { BasePage } from './pages/basePage'
import { describeInBrowser } from './support/browser'
import { importApplication, openJourney, type Journey } from './support/journey'
import type { RunningApp } from './support/server'

describeInBrowser('rings, link judgements and the watch list, in a real browser', () => {
  let journey: Journey
  let app: RunningApp
  let page: Page
  const ids: Record<string, string> = {}

  beforeAll(async () => {
    journey = await openJourney(['recruiter', 'security'])
    ;({ app, page } = journey)
    // Three applications under three names: the first two give one phone and one wallet, the third
    // ships to the second's address. Imported one by one, as they would arrive.
    const people = [
      { ref: 'E2E-RING-1', name: 'Daniel Moreau', email: 'd.moreau@example.org', phone: '+1 646 940 6483', wallet: 'TMsFSgGsFTRomF61YmHaGDGGECCjGwfpYC', home: { line1: '12 Elm St', city: 'Austin', postal_code: '78701', country: 'US' } },
      { ref: 'E2E-RING-2', name: 'Lukas Brenner', email: 'lukas.brenner@example.net', phone: '+1 (646) 940-6483', wallet: 'TMsFSgGsFTRomF61YmHaGDGGECCjGwfpYC', home: { line1: '400 Pine Ave Apt 3', city: 'Denver', postal_code: '80202', country: 'US' } },
      { ref: 'E2E-RING-3', name: 'Tomasz Wilk', email: 'tomasz.wilk@example.com', phone: '+1 312 555 0199', wallet: null, home: { line1: '77 Lake Shore Dr', city: 'Chicago', postal_code: '60601', country: 'US' }, ship: { line1: '400 Pine Avenue, Apt. 3', city: 'Denver', postal_code: '80202', country: 'US' } },
    ]
    for (const p of people) {
      ids[p.name] = await importApplication(app, {
        external_id: p.ref, kind: 'candidate',
        person: { full_name: p.name, email: p.email, phone: p.phone, address: p.home },
        ...(p.wallet ? { payment: { method: 'crypto', currency: 'USDT', wallet_address: p.wallet } } : {}),
        ...('ship' in p ? { logistics: { shipping_address: p.ship } } : {}),
      })
    }
  }, 60_000)

  afterAll(() => journey?.stop())

  const signInAs = (email: string) => LoginPage.signInAs(page, email, PASSWORD)

  it('a recruiter finds the ring from a case, sees who shares what and the graph, and judges a link', async () => {
    await signInAs('recruiter@example.test')
    await page.goto(`/cases/${ids['Daniel Moreau']}?tab=links`)
    await CasePage.verifyOnPage(page, 'Daniel Moreau')
    const linked = new LinkedApplications(page)
    const other = await linked.item('Lukas Brenner').textContent()
    expect(other).toMatch(/phone/i)
    expect(other).toMatch(/wallet/i)

    await page.goto('/rings')
    const rings = await RingsPage.verifyOnPage(page)
    expect(await rings.ringRow('Daniel Moreau').textContent()).toContain('Tomasz Wilk')
    await rings.ringRow('Daniel Moreau').getByRole('link').first().click()
    const ring = await RingPage.verifyOnPage(page)
    expect((await ring.memberNames()).sort()).toEqual(['Daniel Moreau', 'Lukas Brenner', 'Tomasz Wilk'])
    const shared = (await ring.sharedRows()).join('\n')
    expect(shared).toMatch(/Daniel Moreau and Lukas Brenner|Lukas Brenner and Daniel Moreau/)
    expect(shared).toMatch(/address/i)
    expect(await ring.graphDrawn()).toBe(true)

    await page.goto(`/cases/${ids['Daniel Moreau']}?tab=links`)
    await CasePage.verifyOnPage(page, 'Daniel Moreau')
    await linked.judge('Lukas Brenner', 'Same person', 'Same voice and face on both interview recordings')
    await CasePage.verifyOnPage(page, 'Daniel Moreau')
    expect(await linked.item('Lukas Brenner').textContent()).toContain('judged: same person')
    await (await CasePage.verifyOnPage(page, 'Daniel Moreau')).signOut()
  }, 60_000)

  it('a security reviewer confirms a case as fraudulent and the watch list lists the others', async () => {
    await signInAs('security@example.test')
    await page.goto(`/cases/${ids['Lukas Brenner']}?tab=links`)
    await CasePage.verifyOnPage(page, 'Lukas Brenner')
    // Irreversible: the form asks for "I understand" first, and the message shows on the case's links.
    await page.getByLabel(/I understand/).check()
    await page.getByRole('button', { name: 'Confirm as fraudulent: watch its identifiers' }).click()
    await CasePage.verifyOnPage(page, 'Lukas Brenner')
    expect(new URL(page.url()).search).toBe('?tab=links')
    await expect(page.getByText(/added to the watch list/).first().isVisible()).resolves.toBe(true)
    await page.goto('/watchlist')
    const watch = await WatchListPage.verifyOnPage(page)
    const hits = (await watch.hitRows()).join('\n')
    expect(hits).toContain('Daniel Moreau')
    expect(hits).toContain('Tomasz Wilk')
  }, 60_000)

  it('has no serious accessibility problems on the pages visited', () => {
    expect(BasePage.problems).toEqual([])
  })
})
