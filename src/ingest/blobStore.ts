import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

/**
 * Uploaded bytes, stored once under their SHA-256 in a folder outside public/. File names come from the
 * hash, never from the uploader. Writes go to a temporary name first and are renamed into place, so a
 * crash never leaves half a file under a real hash.
 */
export interface BlobStore {
  put(data: Buffer): Promise<string>
  get(sha256: string): Promise<Buffer>
  has(sha256: string): boolean
}

export const sha256Of = (data: Buffer | string) => crypto.createHash('sha256').update(data).digest('hex')

export function createBlobStore(dir: string): BlobStore {
  const pathOf = (sha: string) => {
    if (!/^[0-9a-f]{64}$/.test(sha)) throw new Error('not a SHA-256')
    return path.join(dir, sha.slice(0, 2), sha.slice(2, 4), sha)
  }
  return {
    async put(data) {
      const sha = sha256Of(data)
      const target = pathOf(sha)
      if (fs.existsSync(target)) return sha
      await fs.promises.mkdir(path.dirname(target), { recursive: true, mode: 0o700 })
      const tmp = `${target}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`
      await fs.promises.writeFile(tmp, data, { mode: 0o600 })
      await fs.promises.rename(tmp, target)
      return sha
    },
    get: sha => fs.promises.readFile(pathOf(sha)),
    has: sha => fs.existsSync(pathOf(sha)),
  }
}
