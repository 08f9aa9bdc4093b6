import type { Role } from '../../auth/roles'

declare module 'express-session' {
  interface SessionData {
    userId?: number
    /** epoch ms of sign-in, for the absolute session lifetime */
    signedInAt?: number
    /** set after a failed form post so the next GET can show what was typed (never passwords) */
    flash?: { kind: 'success' | 'error'; message: string }
    /** a resume read on the new-case page, kept by its SHA-256 until the case is opened with it */
    pendingResume?: { sha256: string; name: string }
    /** case id → epoch ms until which its sensitive values show in full ("Show in full", audited) */
    revealed?: Record<string, number>
  }
}

declare global {
  namespace Express {
    interface Locals {
      cspNonce: string
      csrfToken: string
      requestId: string
      currentUser?: CurrentUser
    }
    interface Request {
      currentUser?: CurrentUser
    }
  }
}

export interface CurrentUser {
  id: number
  email: string
  displayName: string
  role: Role
}
