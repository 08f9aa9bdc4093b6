import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { ConfigError, loadConfig, resolveSessionSecret } from './config'

describe('config', () => {
  it('has safe defaults', () => {
    const c = loadConfig({})
    expect(c.port).toBe(3000)
    expect(c.dataDir).toBe(path.resolve('./data'))
    expect(c.databaseUrl).toBeUndefined()
    expect(c.trustProxy).toBe(false)
    expect(c.logLevel).toBe('info')
    expect(c.sessionIdleMinutes).toBe(30)
  })

  it('treats empty values as unset', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: '' }).port).toBe(3000)
  })

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ SESSION_SECRET: 'short' }, 'SESSION_SECRET'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ TRUST_PROXY: 'yes please!' }, 'TRUST_PROXY'],
    [{ SESSION_IDLE_MINUTES: '0' }, 'SESSION_IDLE_MINUTES'],
  ])('names the bad variable in %p', (env, name) => {
    expect(() => loadConfig(env)).toThrow(ConfigError)
    try {
      loadConfig(env)
    } catch (e) {
      expect((e as ConfigError).problems.join('\n')).toMatch(new RegExp(`^${name}:`, 'm'))
    }
  })

  it('reports every problem at once', () => {
    try {
      loadConfig({ PORT: 'x', LOG_LEVEL: 'y' })
      throw new Error('should have thrown')
    } catch (e) {
      expect((e as ConfigError).problems).toHaveLength(2)
    }
  })

  it.each([
    ['true', true],
    ['false', false],
    ['2', 2],
    ['loopback, 10.0.0.0/8', 'loopback, 10.0.0.0/8'],
  ])('reads TRUST_PROXY=%s', (value, expected) => {
    expect(loadConfig({ TRUST_PROXY: value }).trustProxy).toEqual(expected)
  })

  it('leaves metrics off by default and reads the metrics and shutdown variables', () => {
    const off = loadConfig({})
    expect(off.metrics).toEqual({ port: undefined, host: '127.0.0.1', token: undefined })
    expect(off.shutdownTimeoutSeconds).toBe(25)
    const on = loadConfig({ METRICS_PORT: '9464', METRICS_HOST: '0.0.0.0', METRICS_TOKEN: 't'.repeat(32), SHUTDOWN_TIMEOUT_SECONDS: '5' })
    expect(on.metrics).toEqual({ port: 9464, host: '0.0.0.0', token: 't'.repeat(32) })
    expect(on.shutdownTimeoutSeconds).toBe(5)
    for (const [env, name] of [[{ METRICS_TOKEN: 'short' }, 'METRICS_TOKEN'], [{ METRICS_PORT: 'x' }, 'METRICS_PORT'], [{ SHUTDOWN_TIMEOUT_SECONDS: '0' }, 'SHUTDOWN_TIMEOUT_SECONDS']] as const) {
      expect(() => loadConfig(env)).toThrow(new RegExp(`${name}:`))
    }
  })

  it('generates a session secret once and keeps it in DATA_DIR', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vd-config-'))
    try {
      const c = loadConfig({ DATA_DIR: dir })
      const first = resolveSessionSecret(c)
      expect(first.length).toBeGreaterThanOrEqual(32)
      expect(resolveSessionSecret(c)).toBe(first)
      expect(fs.statSync(path.join(dir, 'session-secret')).mode & 0o777).toBe(0o600)
      expect(resolveSessionSecret(loadConfig({ DATA_DIR: dir, SESSION_SECRET: 'x'.repeat(40) }))).toBe('x'.repeat(40))
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})
