import type { Server } from 'node:http'
import type { ServerResponse } from 'node:http'
import type { Logger } from 'pino'
import { safeErrorMessage } from './logger'

/** Something to do while stopping, after the servers have drained (release claimed jobs, close the database). */
export interface ShutdownHook {
  name: string
  run: () => Promise<void> | void
}

export interface ShutdownOptions {
  servers: Server[]
  logger: Pick<Logger, 'info' | 'warn' | 'error'>
  /** the whole stop, drain and hooks together; past it the process exits 1 */
  timeoutMs: number
  exit?: (code: number) => void
}

export interface Shutdown {
  /** Run after the servers drained, in the order added (the job runner releases its claimed jobs here). */
  onShutdown: (hook: ShutdownHook) => void
  /** Then, after every onShutdown hook: resources the hooks may still use (sessions, the database). */
  finally: (hook: ShutdownHook) => void
  /** Stop: resolves with the exit code it passed to exit (0, or 1 when a hook failed or time ran out). */
  stop: (reason: string) => Promise<number>
  /** SIGTERM and SIGINT start stop(); a second signal while stopping is ignored (the timeout still holds). */
  installSignalHandlers: (target?: NodeJS.Process) => void
}

/**
 * A graceful stop: stop accepting connections, let requests already in flight finish (idle keep-alive
 * connections are closed at once; a busy one is told "Connection: close" and closes after its answer),
 * then run the hooks, then exit. A hard timeout bounds the whole stop.
 */
export function createShutdown(options: ShutdownOptions): Shutdown {
  const exit = options.exit ?? ((code: number) => process.exit(code))
  const hooks: ShutdownHook[] = []
  const lastHooks: ShutdownHook[] = []
  let stopping: Promise<number> | undefined
  let draining = false

  // Responses not yet finished, so that the ones still to write their headers can be told to close.
  const open = new Set<ServerResponse>()
  for (const server of options.servers) {
    server.on('request', (_req, res: ServerResponse) => {
      if (draining) {
        if (!res.headersSent) res.setHeader('Connection', 'close')
        return
      }
      open.add(res)
      res.once('close', () => open.delete(res))
    })
  }

  const closeServer = (server: Server) =>
    new Promise<void>(resolve => {
      if (!server.listening) return resolve()
      server.close(() => resolve())
      server.closeIdleConnections()
    })

  async function run(reason: string): Promise<number> {
    options.logger.info({ reason }, 'shutting down: no new connections; finishing requests in flight')
    draining = true
    for (const res of open) if (!res.headersSent) res.setHeader('Connection', 'close')
    await Promise.all(options.servers.map(closeServer))
    let code = 0
    for (const hook of [...hooks, ...lastHooks]) {
      try {
        await hook.run()
      } catch (error) {
        code = 1
        options.logger.error({ hook: hook.name, error: safeErrorMessage(error) }, 'shutdown hook failed')
      }
    }
    options.logger.info({ code }, 'stopped')
    return code
  }

  const stop = (reason: string): Promise<number> => {
    stopping ??= new Promise<number>(resolve => {
      const timer = setTimeout(() => {
        options.logger.error({ reason, timeoutMs: options.timeoutMs }, 'shutdown timed out: closing the remaining connections')
        for (const server of options.servers) server.closeAllConnections()
        resolve(1)
      }, options.timeoutMs)
      timer.unref()
      run(reason).then(
        code => {
          clearTimeout(timer)
          resolve(code)
        },
        error => {
          clearTimeout(timer)
          options.logger.error({ error: safeErrorMessage(error) }, 'shutdown failed')
          resolve(1)
        },
      )
    }).then(code => {
      exit(code)
      return code
    })
    return stopping
  }

  return {
    onShutdown: hook => void hooks.push(hook),
    finally: hook => void lastHooks.push(hook),
    stop,
    installSignalHandlers(target = process) {
      for (const signal of ['SIGTERM', 'SIGINT'] as const) target.on(signal, () => void stop(signal))
    },
  }
}
