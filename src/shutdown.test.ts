import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { createShutdown } from './shutdown'

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined }

async function listening(handler: http.RequestListener): Promise<{ server: http.Server; port: number }> {
  const server = http.createServer(handler)
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  return { server, port: (server.address() as AddressInfo).port }
}

describe('createShutdown', () => {
  it('drains the servers, then runs onShutdown hooks, then the final ones, and exits 0', async () => {
    const order: string[] = []
    let answer!: () => void
    const { server, port } = await listening((_req, res) => {
      order.push('request')
      answer = () => {
        order.push('answered')
        res.end('ok')
      }
    })
    const exits: number[] = []
    const shutdown = createShutdown({ servers: [server], logger: quiet, timeoutMs: 5_000, exit: code => exits.push(code) })
    shutdown.finally({ name: 'database', run: () => void order.push('database closed') })
    shutdown.onShutdown({ name: 'jobs', run: async () => void order.push('jobs released') })
    const response = new Promise<{ status: number; connection: string | undefined }>((resolve, reject) => {
      http.get({ port, host: '127.0.0.1', agent: new http.Agent({ keepAlive: true }) }, res => {
        res.resume()
        res.on('end', () => resolve({ status: res.statusCode!, connection: res.headers.connection }))
      }).on('error', reject)
    })
    while (!order.includes('request')) await new Promise(resolve => setTimeout(resolve, 10))
    const stopped = shutdown.stop('test')
    expect(shutdown.stop('again')).toBe(stopped) // a second signal joins the first stop
    await new Promise(resolve => setTimeout(resolve, 50))
    expect(order).toEqual(['request']) // hooks wait for the request in flight
    answer()
    expect(await response).toEqual({ status: 200, connection: 'close' })
    expect(await stopped).toBe(0)
    expect(order).toEqual(['request', 'answered', 'jobs released', 'database closed'])
    expect(exits).toEqual([0])
    expect(server.listening).toBe(false)
  })

  it('exits 1 when a hook fails, still running the later hooks', async () => {
    const { server } = await listening((_req, res) => res.end())
    const ran: string[] = []
    const exits: number[] = []
    const shutdown = createShutdown({ servers: [server], logger: quiet, timeoutMs: 5_000, exit: code => exits.push(code) })
    shutdown.onShutdown({ name: 'jobs', run: () => Promise.reject(new Error('release failed')) })
    shutdown.finally({ name: 'database', run: () => void ran.push('database') })
    expect(await shutdown.stop('test')).toBe(1)
    expect(ran).toEqual(['database'])
    expect(exits).toEqual([1])
  })

  it('gives up after the timeout: closes the remaining connections and exits 1', async () => {
    const { server, port } = await listening(() => undefined) // never answers
    const exits: number[] = []
    const shutdown = createShutdown({ servers: [server], logger: quiet, timeoutMs: 300, exit: code => exits.push(code) })
    const reset = new Promise<string>(resolve => {
      http.get({ port, host: '127.0.0.1' }).on('error', error => resolve((error as NodeJS.ErrnoException).code ?? error.message))
    })
    await new Promise(resolve => setTimeout(resolve, 100))
    const started = Date.now()
    expect(await shutdown.stop('test')).toBe(1)
    expect(Date.now() - started).toBeLessThan(2_000)
    expect(await reset).toBe('ECONNRESET')
    expect(exits).toEqual([1])
  })
})
