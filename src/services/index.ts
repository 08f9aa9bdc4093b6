import type { Knex } from 'knex'
import type { Config } from '../config'
import { createAuditRepository } from '../db/repositories/auditRepository'
import { createCaseRepository } from '../db/repositories/caseRepository'
import { createSubjectRepository } from '../db/repositories/subjectRepository'
import { createUserRepository } from '../db/repositories/userRepository'
import { createCaseService } from './caseService'
import { createUserService } from './userService'

/** Composition root: repositories → services. No I/O happens here. */
export function createServices(db: Knex, config: Pick<Config, 'login'>, hooks: { endSessions?: (userId: number) => Promise<void> } = {}) {
  const audit = createAuditRepository()
  const users = createUserRepository()
  return {
    db,
    audit,
    users: createUserService({ db, users, audit, login: config.login, ...(hooks.endSessions ? { endSessions: hooks.endSessions } : {}) }),
    cases: createCaseService({ db, cases: createCaseRepository(), subjects: createSubjectRepository(), audit }),
  }
}

export type Services = ReturnType<typeof createServices>
