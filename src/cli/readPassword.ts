import readline from 'node:readline'
import type { Io } from './main'

/**
 * Read a password: from a prompt with echo off when stdin is a terminal, otherwise the first line of
 * stdin (so scripts can pipe it in: `printf '%s\n' "$PW" | npx vet users add …`).
 */
export async function readPassword(io: Io, prompt: string): Promise<string> {
  if (io.stdin.isTTY) {
    const rl = readline.createInterface({ input: io.stdin, output: io.stdout, terminal: true })
    const muted = rl as unknown as { _writeToOutput: (s: string) => void }
    io.stdout.write(prompt)
    muted._writeToOutput = () => undefined // do not echo what is typed
    const answer = await new Promise<string>(resolve => rl.question('', resolve))
    rl.close()
    io.stdout.write('\n')
    return answer
  }
  let data = ''
  for await (const chunk of io.stdin) {
    data += chunk.toString()
    if (data.includes('\n')) break
  }
  return data.split(/\r?\n/)[0] ?? ''
}
