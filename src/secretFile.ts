import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

/**
 * Read a secret kept in DATA_DIR, or create it (mode 0600). The secret is written whole to a private
 * temporary file and then linked into place, which fails if the name exists: two processes starting at
 * once end up with the same, complete secret.
 */
export function readOrCreateSecretFile(file: string, make: () => string): string {
  try {
    return fs.readFileSync(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
  }
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 })
  const temporary = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`
  fs.writeFileSync(temporary, make(), { mode: 0o600, flag: 'wx' })
  try {
    fs.linkSync(temporary, file)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
  } finally {
    fs.unlinkSync(temporary)
  }
  return fs.readFileSync(file, 'utf8')
}
