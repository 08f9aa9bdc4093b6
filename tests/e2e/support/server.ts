import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { createTestApp, type TestApp } from '../../support/appSetup'

export interface RunningApp extends TestApp {
  baseUrl: string
  stop: () => Promise<void>
}

/** The real app on a free loopback port, with its own fresh database. */
export async function startApp(): Promise<RunningApp> {
  const t = await createTestApp()
  const server = http.createServer(t.app)
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    ...t,
    baseUrl: `http://127.0.0.1:${port}`,
    stop: async () => {
      server.closeAllConnections()
      await new Promise<void>(resolve => server.close(() => resolve()))
      await t.close()
    },
  }
}
