import { PassThrough, Readable } from 'node:stream'
import { run } from '../../src/cli/main'

/** Run the CLI in-process with its own streams and environment. */
export async function vet(args: string[], env: NodeJS.ProcessEnv, input = '') {
  const stdout = new PassThrough()
  const stderr = new PassThrough()
  let out = ''
  let err = ''
  stdout.on('data', d => (out += d))
  stderr.on('data', d => (err += d))
  const code = await run(args, { stdin: Readable.from([input]), stdout, stderr, env })
  return { code, out, err }
}
