import argon2 from 'argon2'

/**
 * argon2id with the library defaults (64 MiB, 3 passes, parallelism 4; OWASP's recommended floor is
 * 19 MiB / 2 passes): ~0.3 s per hash on our 2-core machines, cheap for a person, dear for a guesser.
 */
export const MIN_PASSWORD_LENGTH = 12

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id })
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password)
  } catch {
    return false
  }
}

/** A fixed hash to verify against when the account does not exist, so timing does not reveal accounts. */
let dummyHash: Promise<string> | undefined
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword('not-a-real-password-just-equal-timing')
  return dummyHash
}

export function passwordProblem(password: string): string | undefined {
  if (password.length < MIN_PASSWORD_LENGTH) return `Enter a password of at least ${MIN_PASSWORD_LENGTH} characters`
  if (password.length > 256) return 'Enter a password of at most 256 characters'
  return undefined
}
