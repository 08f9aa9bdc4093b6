import type { Role } from '../auth/roles'

/** Who is acting and under which request: every service call that changes anything takes one. */
export interface ActorContext {
  userId: number | null
  role: Role | null
  requestId: string | null
}

export const systemActor = (requestId: string | null = null): ActorContext => ({ userId: null, role: null, requestId })

export const auditActor = (ctx: ActorContext) => ({ userId: ctx.userId, role: ctx.role })
