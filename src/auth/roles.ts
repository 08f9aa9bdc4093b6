/**
 * The roles of our users and what each may do. This table is the permission matrix in README; the
 * middleware `requirePermission` enforces it on every route, server-side.
 */
export const ROLES = ['recruiter', 'security', 'manager', 'admin'] as const
export type Role = (typeof ROLES)[number]

export const ROLE_LABELS: Record<Role, string> = {
  recruiter: 'Recruiter',
  security: 'Security reviewer',
  manager: 'Manager',
  admin: 'Administrator',
}

export const PERMISSIONS = {
  /** open the case list, a case page and its evidence */
  'cases:read': ['recruiter', 'security', 'manager'],
  /** create a case by hand or through the API */
  'cases:create': ['recruiter', 'security'],
  /** edit a case's facts and move it from open to in review */
  'cases:edit': ['recruiter', 'security'],
  /** import applications, documents, profiles and sign-in logs in bulk */
  'cases:import': ['recruiter', 'security'],
  /** see sanctions-screening hits and their details */
  'sanctions:read': ['security', 'manager'],
  /** clear or confirm a sanctions hit or name lead */
  'sanctions:review': ['security'],
  /** judge a link between two applications: same person, different people, unsure */
  'links:judge': ['recruiter', 'security'],
  /** confirm a case as fraudulent, putting its identifiers on the watch list, and see the retro-hunt */
  'links:watch': ['security'],
  /** mark checklist items done or failed */
  'checklist:complete': ['recruiter', 'security'],
  /** assign checklist items to a reviewer with a due date */
  'checklist:assign': ['recruiter', 'security', 'manager'],
  /** waive a checklist item with a reason */
  'checklist:waive': ['security', 'manager'],
  /** approve, reject or escalate a case, and reopen a closed one as a new revision */
  'cases:signoff': ['manager'],
  /** add, disable and re-enable user accounts */
  'users:manage': ['admin'],
  /** ask for, or confirm, the erasure of a person's data (two people: one administrator, one security reviewer) */
  'cases:erase': ['security', 'admin'],
  /** read the audit trail and verify its hash chain */
  'audit:read': ['security', 'admin'],
} as const satisfies Record<string, readonly Role[]>

export type Permission = keyof typeof PERMISSIONS

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value)
}

export function can(role: Role | undefined, permission: Permission): boolean {
  return role !== undefined && (PERMISSIONS[permission] as readonly Role[]).includes(role)
}
