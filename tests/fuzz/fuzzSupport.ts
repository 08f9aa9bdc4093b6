import fs from 'node:fs'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import fc from 'fast-check'

/**
 * Shared pieces of the reader fuzz tests: seeds (the format's own examples when ../shared is checked out
 * beside the project), byte and JSON mutations of those seeds, and a time budget per call. Run counts
 * stay small so the whole fuzz set costs well under a minute of `npm test`; FUZZ_RUNS multiplies them
 * for a longer hunt (FUZZ_RUNS=20 npx jest tests/fuzz) and FUZZ_SEED replays a reported failure.
 */
export const EXAMPLES_DIR = path.resolve(__dirname, '../../../shared/formats/examples')
export const haveExamples = fs.existsSync(EXAMPLES_DIR)

/** The example files, or [] when ../shared is absent (the fuzz then uses only the built-in seeds). */
export function exampleFiles(filter: (name: string) => boolean): Array<{ name: string; data: Buffer }> {
  if (!haveExamples) return []
  return fs
    .readdirSync(EXAMPLES_DIR)
    .filter(filter)
    .sort()
    .map(name => ({ name, data: fs.readFileSync(path.join(EXAMPLES_DIR, name)) }))
}

const scale = Math.max(1, Number(process.env.FUZZ_RUNS ?? 1) || 1)
export const runs = (n: number) => Math.round(n * scale)
// Longer hunts need longer than jest's 30 s per test; each property also stops itself at its time limit.
jest.setTimeout(60_000 * scale)

/** fc.assert parameters: a fixed or replayed seed, bounded runs, and a wall-clock cap on the whole property. */
export function params<T>(numRuns: number, timeLimitMs = 15_000): fc.Parameters<T> {
  const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined
  return { numRuns: runs(numRuns), interruptAfterTimeLimit: timeLimitMs * scale, markInterruptAsFailure: false, ...(seed === undefined ? {} : { seed }) }
}

/**
 * Run fn and fail when one call takes longer than budgetMs: a reader must not hang on any input. Budgets
 * are wall-clock and generous (a second or more) because the machines are shared; they catch the
 * quadratic patterns, which took 5 to 45 s on inputs this size, not small slow-downs.
 */
export function withinBudget<T>(budgetMs: number, fn: () => T): T {
  const start = performance.now()
  const result = fn()
  const took = performance.now() - start
  if (took > budgetMs) throw new Error(`one call took ${took.toFixed(0)} ms; the budget is ${budgetMs} ms`)
  return result
}

/** The async form: the call must settle within budgetMs (a timer rejects it otherwise); its error is returned. */
export async function withinBudgetAsync<T>(budgetMs: number, fn: () => Promise<T>): Promise<{ value?: T; error?: unknown }> {
  const start = performance.now()
  let timer: NodeJS.Timeout | undefined
  const late = Symbol('late')
  const timeout = new Promise<typeof late>(resolve => {
    timer = setTimeout(() => resolve(late), budgetMs)
  })
  const settled = await Promise.race([fn().then(value => ({ value }), (error: unknown) => ({ error })), timeout])
  clearTimeout(timer)
  // A synchronous loop inside fn blocks the timer too, so the clock is read as well.
  const took = performance.now() - start
  if (settled === late || took > budgetMs) throw new Error(`one call took ${settled === late ? `more than ${budgetMs}` : took.toFixed(0)} ms; the budget is ${budgetMs} ms`)
  return settled
}

/** A clear rejection: a sentence, not an empty string or a stack trace. */
export function expectClearMessage(message: unknown): void {
  expect(typeof message).toBe('string')
  const text = message as string
  expect(text.trim().length).toBeGreaterThan(3)
  expect(text).not.toMatch(/\n\s+at /)
  expect(text.length).toBeLessThan(2000)
}

type Mutation = (buf: Buffer) => Buffer

/**
 * Byte-level mutations of a seed, in the manner of AFL's havoc stage: flip, overwrite with an
 * interesting value, insert, delete, duplicate a slice many times (the shape that finds regular
 * expressions with quadratic backtracking), truncate, and splice two seeds.
 */
export function mutatedBytes(seeds: Buffer[], options: { maxRepeat?: number } = {}): fc.Arbitrary<Buffer> {
  const maxRepeat = options.maxRepeat ?? 2000
  const interesting = [0x00, 0x01, 0x7f, 0x80, 0xff, 0x22, 0x2c, 0x0a, 0x0d, 0x3c, 0x3e, 0x7b, 0x7d, 0x5b, 0x5d, 0x5c]
  const position = fc.double({ min: 0, max: 1, noNaN: true })
  const mutation: fc.Arbitrary<Mutation> = fc.oneof(
    fc.tuple(position, fc.integer({ min: 0, max: 7 })).map(([p, bit]): Mutation => b => {
      if (!b.length) return b
      const c = Buffer.from(b)
      const i = Math.min(c.length - 1, Math.floor(p * c.length))
      c[i] = c[i]! ^ (1 << bit)
      return c
    }),
    fc.tuple(position, fc.constantFrom(...interesting)).map(([p, v]): Mutation => b => {
      if (!b.length) return Buffer.from([v])
      const c = Buffer.from(b)
      c[Math.min(c.length - 1, Math.floor(p * c.length))] = v
      return c
    }),
    fc.tuple(position, fc.uint8Array({ minLength: 1, maxLength: 32 })).map(([p, bytes]): Mutation => b => {
      const i = Math.floor(p * b.length)
      return Buffer.concat([b.subarray(0, i), Buffer.from(bytes), b.subarray(i)])
    }),
    fc.tuple(position, fc.integer({ min: 1, max: 64 })).map(([p, n]): Mutation => b => {
      const i = Math.floor(p * b.length)
      return Buffer.concat([b.subarray(0, i), b.subarray(i + n)])
    }),
    fc.tuple(position, fc.integer({ min: 1, max: 24 }), fc.integer({ min: 2, max: maxRepeat })).map(([p, n, times]): Mutation => b => {
      const i = Math.floor(p * b.length)
      const slice = b.subarray(i, i + n)
      return Buffer.concat([b.subarray(0, i), Buffer.alloc(slice.length * times, slice), b.subarray(i)])
    }),
    position.map((p): Mutation => b => b.subarray(0, Math.floor(p * b.length))),
    fc.tuple(fc.nat(), position, position).map(([s, p, q]): Mutation => b => {
      const other = seeds[s % seeds.length]!
      return Buffer.concat([b.subarray(0, Math.floor(p * b.length)), other.subarray(Math.floor(q * other.length))])
    }),
  )
  return fc.tuple(fc.constantFrom(...seeds), fc.array(mutation, { minLength: 1, maxLength: 6 })).map(([seed, ms]) => ms.reduce<Buffer>((b, m) => m(b), Buffer.from(seed)))
}

/** Arbitrary bytes, short and occasionally long. */
export const anyBytes = (maxLength = 4096) => fc.uint8Array({ maxLength }).map(a => Buffer.from(a))

/** A JSON value with every key path reachable, for structure-aware edits. */
type Json = null | boolean | number | string | Json[] | { [k: string]: Json }

function paths(value: Json, at: Array<string | number> = [], out: Array<Array<string | number>> = []): Array<Array<string | number>> {
  out.push(at)
  if (Array.isArray(value)) value.forEach((v, i) => paths(v, [...at, i], out))
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) paths(v, [...at, k], out)
  return out
}

function setAt(root: Json, at: Array<string | number>, replace: (old: Json) => Json | undefined): Json {
  if (!at.length) return replace(root) ?? null
  const [head, ...rest] = at
  if (Array.isArray(root)) {
    const copy = [...root]
    if (rest.length === 0) {
      const v = replace(copy[head as number]!)
      if (v === undefined) copy.splice(head as number, 1)
      else copy[head as number] = v
    } else copy[head as number] = setAt(copy[head as number]!, rest, replace)
    return copy
  }
  if (root && typeof root === 'object') {
    const copy = { ...root }
    if (rest.length === 0) {
      const v = replace(copy[head as string]!)
      if (v === undefined) delete copy[head as string]
      else copy[head as string] = v
    } else copy[head as string] = setAt(copy[head as string]!, rest, replace)
    return copy
  }
  return root
}

/**
 * Structure-aware edits of a JSON seed: at a random place, replace the value with another JSON value
 * (of any type), a long string, a big or odd number, or a deep nest; or delete it; or add a key.
 */
export function mutatedJson(seeds: unknown[]): fc.Arbitrary<unknown> {
  const replacement: fc.Arbitrary<(old: Json) => Json | undefined> = fc.oneof(
    fc.jsonValue({ maxDepth: 3 }).map(v => () => v as Json),
    fc.integer({ min: 0, max: 20_000 }).map(n => () => 'x'.repeat(n)),
    fc.constantFrom<Json>(-1, 0, 1.5, 1e308, -1e308, 2 ** 53, '', ' ', '2026-13-45', 'not a date', 'AB', 'xyz', true, null, [], {}).map(v => () => v),
    fc.integer({ min: 1, max: 200 }).map(depth => () => {
      let v: Json = 'deep'
      for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { d: v }
      return v
    }),
    fc.constant(() => undefined),
    fc.tuple(fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('__proto__', 'constructor', 'prototype')), fc.jsonValue({ maxDepth: 2 })).map(([k, v]) => (old: Json) => (old && typeof old === 'object' && !Array.isArray(old) ? { ...old, [k]: v as Json } : old)),
    fc.integer({ min: 2, max: 120 }).map(times => (old: Json) => (Array.isArray(old) ? Array.from({ length: times }, (_, i) => old[i % Math.max(1, old.length)] ?? null) : old)),
  )
  return fc
    .tuple(fc.constantFrom(...(seeds as Json[])), fc.array(fc.tuple(fc.nat(), replacement), { minLength: 1, maxLength: 4 }))
    .map(([seed, edits]) =>
      edits.reduce<Json>((doc, [pick, replace]) => {
        const all = paths(doc)
        return setAt(doc, all[pick % all.length]!, replace)
      }, seed),
    )
}
