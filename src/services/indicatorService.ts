import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { Knex } from 'knex'
import type { AuditRepository } from '../db/repositories/auditRepository'
import { badRequest } from '../errors'
import { caseIdentifiers, resumeSignatureHex, signatureFromHex, type StoredLinkKey } from '../indicators/caseIdentifiers'
import { toCsv, parseCsv } from '../indicators/formats/csv'
import { parseMisp, toMispEvent } from '../indicators/formats/misp'
import { parseStix, toStixBundle } from '../indicators/formats/stix'
import { hashIndicator, hashIndicators, keyId as keyIdOf } from '../indicators/hashing'
import { exportedTlp, mayReexport, stricterTlp } from '../indicators/tlp'
import type { Indicator, IndicatorKind, ParsedFeed, Rejection, Tlp } from '../indicators/types'
import { estimateJaccard } from '../links/minhash'
import { hamming } from '../links/imageHash'
import { RULES } from '../rules/registry'
import type { SharedIndicatorHit } from '../rules/caseFacts'
import type { JobContext } from '../jobs/jobRunner'
import { isChangeable, type CaseStatus } from '../signoff/caseStatus'
import { auditActor, systemActor, type ActorContext } from './context'
import type { JobService } from './jobService'
import type { ScoringService } from './scoringService'

export type FeedFormat = 'stix' | 'misp' | 'csv'

/** Estimated resume similarity from which a shared resume fingerprint matches (near-duplicate text). */
export const SHARED_RESUME_THRESHOLD = 0.6
/** Photo hashes this close (of 64 bits) match: stricter than our own link index, which also compares thumbnails. */
export const SHARED_PHOTO_DISTANCE = 8

export const RETRO_HUNT = 'indicators.retro-hunt'

export interface ImportOptions {
  /** the feed's name: re-importing the same name updates its indicators */
  source: string
  /** the marking to read it at (the stricter of this and the feed's own wins) */
  tlp?: Tlp
  /** no indicator of this import matches after this date */
  expires?: string
  /** the sharing group's key, for hashed feeds */
  key?: Buffer
}

export interface ImportSummary {
  source: string
  format: FeedFormat
  added: number
  updated: number
  expired: number
  rejected: Rejection[]
  jobId: string | null
}

export interface ExportOptions {
  format: FeedFormat
  tlp: Tlp
  /** only cases confirmed (watched) since */
  since?: string
  /** only these cases (the case and ring pages) */
  caseIds?: string[]
  /** hash identifiers under this sharing-group key */
  key?: Buffer
  /** pass on received indicators their marking allows (never AMBER+STRICT or RED) */
  relay?: boolean
  organisation?: string
  now?: Date
}

const CATEGORY_OF = new Map(RULES.map(r => [r.meta.id, r.meta.category]))
const iso = (d: Date) => d.toISOString()

/** What kind of feed a file is, from its content. */
export function detectFormat(text: string): { format: FeedFormat; json?: unknown } {
  const t = text.replace(/^\uFEFF/, '').trimStart()
  if (t.startsWith('{') || t.startsWith('[')) {
    try {
      const json = JSON.parse(t) as unknown
      const o = (Array.isArray(json) ? json[0] : json) as Record<string, unknown> | undefined
      if (o && typeof o === 'object' && ('Event' in o || 'response' in o || 'Attribute' in o)) return { format: 'misp', json }
      return { format: 'stix', json }
    } catch {
      throw badRequest('The file starts like JSON but is not valid JSON: it cannot be read as a STIX bundle or a MISP event')
    }
  }
  return { format: 'csv' }
}

interface IndicatorRow {
  id: number
  source_id: number
  kind: string
  value: string
  hashed: boolean | number
  key_id: string | null
  confidence: number
  tlp: string
  families: string
  first_seen: string
  last_seen: string
  expires_at: string | null
  comment: string | null
  source_name: string
}

/**
 * Indicator exchange (issue 16): what our confirmed cases teach, exported as STIX 2.1, MISP or CSV
 * (optionally as HMACs under a sharing group's key); feeds others share, imported into a watch list that
 * every new application is screened against; and a retro-hunt over existing cases, on the durable queue,
 * after each import.
 */
export function createIndicatorService(deps: { db: Knex; audit: AuditRepository; jobs: JobService; scoring: () => ScoringService; dataDir: string; organisation?: string }) {
  const { db, audit } = deps
  const keyDir = path.join(deps.dataDir, 'sharing-keys')
  const keys = new Map<string, Buffer>()
  let anyCache: { at: number; any: boolean } | undefined

  function sharingKey(id: string): Buffer | undefined {
    if (!keys.has(id)) {
      try {
        keys.set(id, Buffer.from(fs.readFileSync(path.join(keyDir, `${id}.key`), 'utf8').trim(), 'hex'))
      } catch {
        return undefined
      }
    }
    return keys.get(id)
  }

  function keepKey(key: Buffer): string {
    const id = keyIdOf(key)
    fs.mkdirSync(keyDir, { recursive: true, mode: 0o700 })
    const file = path.join(keyDir, `${id}.key`)
    if (!fs.existsSync(file)) fs.writeFileSync(file, `${key.toString('hex')}\n`, { mode: 0o600 })
    keys.set(id, key)
    return id
  }

  /** Cheap guard for the intake path: no query per case while no feed was ever imported. */
  async function anyIndicators(trx: Knex): Promise<boolean> {
    if (anyCache && Date.now() - anyCache.at < 2000) return anyCache.any
    const any = Boolean(await trx('shared_indicators').first('id'))
    anyCache = { at: Date.now(), any }
    return any
  }

  const toHit = (r: IndicatorRow, matched: string, label: string): SharedIndicatorHit => ({
    indicatorId: r.id,
    kind: r.kind,
    matched,
    label,
    source: r.source_name,
    confidence: r.confidence,
    tlp: r.tlp,
    families: JSON.parse(r.families) as string[],
    ...(r.comment ? { comment: r.comment } : {}),
  })

  /** The shared indicators that match a case's identifiers, resume and photo now (expired ones do not). */
  async function hitsFor(trx: Knex, caseId: string, now = new Date()): Promise<SharedIndicatorHit[]> {
    if (!(await anyIndicators(trx))) return []
    const at = iso(now)
    const live = () =>
      trx('shared_indicators as s')
        .join('indicator_sources as src', 'src.id', 's.source_id')
        .where(q => void q.whereNull('s.expires_at').orWhere('s.expires_at', '>', at))
        .select('s.*', 'src.name as source_name')
    const stored = (await trx('link_keys').where({ case_id: caseId }).whereNotIn('kind', ['resume-band', 'resume-line', 'photo-band', 'intermediary', 'document']).select('kind', 'key', 'label', 'role', 'support')) as StoredLinkKey[]
    const ids = caseIdentifiers(stored)
    const hits: SharedIndicatorHit[] = []
    if (ids.length) {
      for (const r of (await live().where('s.hashed', false).whereIn('s.kind', [...new Set(ids.map(i => i.kind))]).whereIn('s.value', ids.map(i => i.value))) as IndicatorRow[]) {
        const id = ids.find(i => i.kind === r.kind && i.value === r.value)
        if (id) hits.push(toHit(r, id.matched, id.label))
      }
      const keyIds = ((await trx('indicator_sources').whereNotNull('key_id').distinct('key_id')) as Array<{ key_id: string }>).map(k => k.key_id)
      for (const kid of keyIds) {
        const key = sharingKey(kid)
        if (!key) continue
        const hashed = new Map(ids.map(i => [hashIndicator(i.kind, i.value, key), i]))
        for (const r of (await live().where({ 's.hashed': true, 's.key_id': kid }).whereIn('s.value', [...hashed.keys()])) as IndicatorRow[]) {
          const id = hashed.get(r.value)
          if (id && id.kind === r.kind) hits.push(toHit(r, id.matched, id.label))
        }
      }
    }
    const prints = (await trx('link_prints').where({ case_id: caseId }).first('resume_shingles', 'photo_hash')) as { resume_shingles: string | null; photo_hash: string | null } | undefined
    const resume = resumeSignatureHex(prints?.resume_shingles)
    if (resume) {
      const sig = signatureFromHex(resume)
      for (const r of (await live().where('s.kind', 'resume-minhash')) as IndicatorRow[]) {
        const sim = estimateJaccard(sig, signatureFromHex(r.value))
        if (sim >= SHARED_RESUME_THRESHOLD) hits.push(toHit(r, 'resume', `resume text ${Math.round(sim * 100)}% alike`))
      }
    }
    if (prints?.photo_hash) {
      for (const r of (await live().where('s.kind', 'photo-phash')) as IndicatorRow[]) {
        const d = hamming(prints.photo_hash, r.value)
        if (d <= SHARED_PHOTO_DISTANCE) hits.push(toHit(r, 'photo', `photo ${64 - d}/64 bits alike`))
      }
    }
    return hits
  }

  /** Record hits not yet recorded for the case; returns the new ones. */
  async function record(trx: Knex.Transaction, caseId: string, hits: SharedIndicatorHit[], jobId: string | null = null, now = new Date()): Promise<SharedIndicatorHit[]> {
    if (!hits.length) return []
    const known = new Set(((await trx('indicator_hits').where({ case_id: caseId }).select('indicator_id')) as Array<{ indicator_id: number }>).map(r => Number(r.indicator_id)))
    const fresh: SharedIndicatorHit[] = []
    for (const h of hits) {
      if (known.has(h.indicatorId)) continue
      known.add(h.indicatorId)
      // A retro-hunt and an intake may record one hit at once: the second insert is a no-op, not an error,
      // and only the transaction whose row went in counts it as new.
      const inserted = await trx('indicator_hits').insert({ case_id: caseId, indicator_id: h.indicatorId, kind: h.kind, matched: h.matched.slice(0, 300), job_id: jobId, found_at: iso(now) }).onConflict(['case_id', 'indicator_id']).ignore().returning('id')
      if (inserted.length) fresh.push(h)
    }
    const c = fresh.length ? ((await trx('cases').where({ id: caseId }).first('subject_id', 'status', 'is_current')) as { subject_id: string; status: CaseStatus; is_current: boolean | number } | undefined) : undefined
    // A decided case keeps its trail as decided: the hit is listed for security and its people are told
    // (scoring's re-assessment), not written into its history.
    if (c && isChangeable(c)) {
      await audit.append(trx, { type: 'SHARED_INDICATOR_HIT', actor: auditActor(systemActor()), caseId, subjectId: c?.subject_id ?? null, requestId: null, data: { count: fresh.length, kind: [...new Set(fresh.map(h => h.kind))].join(','), source: [...new Set(fresh.map(h => h.source))].join(', ').slice(0, 200) } })
    }
    return fresh
  }

  /** Retro-hunt: every current case screened against the watch list; new hits recorded and their cases scored again. */
  async function retroHunt(ctx: JobContext<{ sourceId?: number }>): Promise<unknown> {
    let state = (ctx.checkpoint as { after: string; scanned: number } | null) ?? { after: '', scanned: 0 }
    const total = Number(((await db('cases').where('is_current', true).count({ n: '*' })) as Array<{ n: number | string }>)[0]!.n)
    for (;;) {
      const batch = ((await db('cases').where('is_current', true).where('id', '>', state.after).orderBy('id').limit(25).select('id')) as Array<{ id: string }>).map(r => r.id)
      if (!batch.length) break
      const next = { after: batch[batch.length - 1]!, scanned: state.scanned + batch.length }
      await ctx.step(
        async trx => {
          for (const id of batch) {
            const fresh = await record(trx, id, await hitsFor(trx, id), ctx.job.id)
            if (fresh.length) await deps.scoring().rescoreIfChangeable(trx, id, systemActor(), `an indicator shared by ${[...new Set(fresh.map(h => h.source))].join(', ')} matches`)
          }
        },
        next,
        { done: next.scanned, total },
      )
      state = next
      await ctx.breathe()
    }
    const found = (await db('indicator_hits as h')
      .join('cases as c', 'c.id', 'h.case_id')
      .join('shared_indicators as s', 's.id', 'h.indicator_id')
      .join('indicator_sources as src', 'src.id', 's.source_id')
      .where('h.job_id', ctx.job.id)
      .orderBy('c.reference')
      .limit(1000)
      .select('c.id as caseId', 'c.reference', 'h.kind', 'h.matched', 'src.name as source')) as Array<Record<string, string>>
    return { scanned: state.scanned, hits: found.length, cases: found }
  }
  deps.jobs.register({ kind: RETRO_HUNT, run: retroHunt })

  async function importParsed(parsed: ParsedFeed & { keyId?: string }, format: FeedFormat, options: ImportOptions, fileSha: string, ctx: ActorContext): Promise<ImportSummary> {
    const now = new Date()
    const rejected = [...parsed.rejected]
    let kid: string | null = null
    if (parsed.indicators.some(i => i.hashed)) {
      if (!options.key) throw badRequest('This feed holds hashed identifiers: import it with the sharing group’s key (--hashed KEYFILE)')
      kid = keyIdOf(options.key)
      if (parsed.keyId && parsed.keyId !== kid) throw badRequest(`This feed was hashed under key ${parsed.keyId}, not the key given (${kid})`)
    }
    const summary: ImportSummary = { source: options.source, format, added: 0, updated: 0, expired: 0, rejected, jobId: null }
    await db.transaction(async trx => {
      let source = (await trx('indicator_sources').where({ name: options.source }).first()) as { id: number; tlp: Tlp } | undefined
      const sourceTlp = options.tlp ?? 'amber'
      if (!source) {
        await trx('indicator_sources').insert({ name: options.source, producer: parsed.producer?.slice(0, 200) ?? null, format, tlp: sourceTlp, key_id: kid, imported_by: ctx.userId, first_imported_at: iso(now), last_imported_at: iso(now), last_file_sha256: fileSha })
        source = (await trx('indicator_sources').where({ name: options.source }).first()) as { id: number; tlp: Tlp }
      } else {
        await trx('indicator_sources').where({ id: source.id }).update({ format, last_imported_at: iso(now), last_file_sha256: fileSha, ...(kid ? { key_id: kid } : {}), ...(options.tlp ? { tlp: stricterTlp(source.tlp, options.tlp) } : {}) })
      }
      for (const ind of parsed.indicators) {
        const tlp = options.tlp ? stricterTlp(ind.tlp, options.tlp) : ind.tlp
        const expires = [ind.expires, options.expires].filter((x): x is string => Boolean(x)).sort()[0] ?? null
        if (expires && expires <= iso(now)) summary.expired++
        const row = { kind: ind.kind, value: ind.value, hashed: Boolean(ind.hashed), key_id: ind.hashed ? kid : null, confidence: Math.max(0, Math.min(100, Math.round(ind.confidence))), tlp, families: JSON.stringify(ind.families.slice(0, 20)), first_seen: ind.firstSeen, last_seen: ind.lastSeen, expires_at: expires, comment: ind.comment?.slice(0, 1000) ?? null, updated_at: iso(now) }
        const existing = (await trx('shared_indicators').where({ source_id: source.id, kind: ind.kind, value: ind.value }).first('id')) as { id: number } | undefined
        if (existing) {
          await trx('shared_indicators').where({ id: existing.id }).update(row)
          summary.updated++
        } else {
          await trx('shared_indicators').insert({ ...row, source_id: source.id, created_at: iso(now) })
          summary.added++
        }
      }
      if (kid && options.key) keepKey(options.key)
      anyCache = undefined
      await audit.append(trx, { type: 'INDICATORS_IMPORTED', actor: auditActor(ctx), requestId: ctx.requestId, data: { source: options.source, format, created: summary.added, updated: summary.updated, count: summary.expired, rejected: rejected.length, sha256: fileSha } })
      // The retro-hunt over existing cases is the queue's: it survives a restart and other instances may run it.
      if (summary.added + summary.updated > 0) summary.jobId = (await deps.jobs.enqueue(RETRO_HUNT, { sourceId: source.id }, { trx, dedupeKey: RETRO_HUNT, createdBy: ctx.userId })).id
    })
    deps.jobs.wake()
    return summary
  }

  /** Indicators our confirmed (watched) cases teach, merged by value. */
  async function ownIndicators(options: ExportOptions): Promise<Indicator[]> {
    let q = db('watch_keys as w').join('cases as c', 'c.id', 'w.source_case_id').select('w.source_case_id as case_id', 'w.created_at as watched_at', 'c.created_at as case_created')
    if (options.since) q = q.where('w.created_at', '>=', options.since)
    if (options.caseIds) q = q.whereIn('w.source_case_id', options.caseIds)
    const watched = new Map<string, { watched: string; created: string }>()
    for (const r of (await q) as Array<{ case_id: string; watched_at: string; case_created: string }>) {
      const had = watched.get(r.case_id)
      if (!had || r.watched_at > had.watched) watched.set(r.case_id, { watched: r.watched_at, created: r.case_created })
    }
    const merged = new Map<string, Indicator>()
    const put = (ind: Indicator) => {
      const k = `${ind.kind}\u0000${ind.value}`
      const had = merged.get(k)
      if (!had) return void merged.set(k, ind)
      had.firstSeen = had.firstSeen < ind.firstSeen ? had.firstSeen : ind.firstSeen
      had.lastSeen = had.lastSeen > ind.lastSeen ? had.lastSeen : ind.lastSeen
      had.families = [...new Set([...had.families, ...ind.families])].sort()
      had.confidence = Math.max(had.confidence, ind.confidence)
    }
    const ids = [...watched.keys()]
    for (let i = 0; i < ids.length; i += 200) {
      const chunk = ids.slice(i, i + 200)
      const allKeys = (await db('link_keys').whereIn('case_id', chunk).whereNotIn('kind', ['resume-band', 'resume-line', 'photo-band', 'intermediary', 'document']).select('case_id', 'kind', 'key', 'label', 'role', 'support')) as Array<StoredLinkKey & { case_id: string }>
      const flags = (await db('findings').whereIn('case_id', chunk).whereNull('superseded_at').where('status', 'flag').select('case_id', 'rule_id')) as Array<{ case_id: string; rule_id: string }>
      const prints = (await db('link_prints').whereIn('case_id', chunk).select('case_id', 'resume_shingles', 'photo_hash')) as Array<{ case_id: string; resume_shingles: string | null; photo_hash: string | null }>
      for (const caseId of chunk) {
        const w = watched.get(caseId)!
        const families = [...new Set(flags.filter(f => f.case_id === caseId).map(f => CATEGORY_OF.get(f.rule_id)).filter((c): c is NonNullable<typeof c> => Boolean(c)))].sort()
        const base = { firstSeen: new Date(w.created).toISOString(), lastSeen: new Date(w.watched).toISOString(), families: families.length ? families : ['links'], tlp: options.tlp }
        for (const id of caseIdentifiers(allKeys.filter(k => k.case_id === caseId))) {
          // A home address identifies the person, not the scheme: only shipping elsewhere is shared.
          if (id.kind === 'address' && !/shipping/.test(id.matched)) continue
          // A domain of one's own is weaker than the mailbox: colleagues share it.
          put({ ...base, kind: id.kind, value: id.value, confidence: id.kind === 'domain' ? 40 : id.supporting ? 60 : 85 })
        }
        const p = prints.find(x => x.case_id === caseId)
        const resume = resumeSignatureHex(p?.resume_shingles)
        if (resume) put({ ...base, kind: 'resume-minhash', value: resume, confidence: 75 })
        if (p?.photo_hash && /^[0-9a-f]{16}$/.test(p.photo_hash)) put({ ...base, kind: 'photo-phash', value: p.photo_hash, confidence: 70 })
      }
    }
    return [...merged.values()]
  }

  /** The key our own retained (erased) identifiers are hashed under; made once, kept with the sharing keys. */
  function retentionKey(): Buffer {
    const pointer = path.join(keyDir, 'retention-key-id')
    try {
      const key = sharingKey(fs.readFileSync(pointer, 'utf8').trim())
      if (key) return key
    } catch {
      // none yet
    }
    const key = crypto.randomBytes(32)
    const id = keepKey(key)
    fs.writeFileSync(pointer, `${id}\n`, { mode: 0o600 })
    return key
  }

  return {
    hitsFor,
    record,

    /**
     * Before a case confirmed as fraud is erased at the end of its retention period, its identifiers are
     * kept as HMACs only (under a key of our own, kept outside the database), so a returning persona still
     * matches while nothing readable about the person remains. Fingerprints of the resume and photo are
     * not kept: they cannot be hashed and still compared. Returns how many were kept.
     */
    async retainHashed(caseIds: string[], options: { ctx: ActorContext }): Promise<number> {
      const own = (await ownIndicators({ format: 'csv', tlp: 'amber+strict', caseIds })).filter(i => i.kind !== 'resume-minhash' && i.kind !== 'photo-phash')
      if (!own.length) return 0
      const key = retentionKey()
      const hashed = hashIndicators(own, key).map(i => ({ ...i, comment: 'kept, hashed, after the case was erased at the end of its retention period' }))
      const summary = await importParsed({ indicators: hashed, rejected: [] }, 'csv', { source: 'Our erased confirmed cases (hashed)', tlp: 'amber+strict', key }, crypto.createHash('sha256').update(caseIds.join(',')).digest('hex'), options.ctx)
      return summary.added + summary.updated
    },

    /** Read a feed (STIX 2.1, MISP event JSON or CSV) into the shared watch list; the retro-hunt is queued. */
    async importFeed(data: Buffer, options: ImportOptions, ctx: ActorContext): Promise<ImportSummary> {
      if (!options.source.trim() || options.source.length > 200) throw badRequest('Name the feed’s source (up to 200 characters)')
      const text = data.toString('utf8')
      const { format, json } = detectFormat(text)
      const fileSha = crypto.createHash('sha256').update(data).digest('hex')
      const parsed = format === 'stix' ? parseStix(json) : format === 'misp' ? parseMisp(json) : parseCsv(text, options.tlp ? { tlp: options.tlp } : {})
      return importParsed(parsed, format, { ...options, source: options.source.trim() }, fileSha, ctx)
    },

    /** The export body, its media type and a file name; audited. */
    async exportIndicators(options: ExportOptions, ctx: ActorContext): Promise<{ body: string; contentType: string; fileName: string; count: number }> {
      const now = options.now ?? new Date()
      let indicators = await ownIndicators(options)
      if (options.relay) {
        const received = (await db('shared_indicators as s').join('indicator_sources as src', 'src.id', 's.source_id').where('s.hashed', false).where(q => void q.whereNull('s.expires_at').orWhere('s.expires_at', '>', iso(now))).select('s.*', 'src.name as source_name')) as IndicatorRow[]
        for (const r of received) {
          // TLP 2.0: AMBER+STRICT and RED stay with us; the rest keep the stricter marking.
          if (!mayReexport(r.tlp as Tlp)) continue
          if (indicators.some(i => i.kind === r.kind && i.value === r.value)) continue
          indicators.push({ kind: r.kind as IndicatorKind, value: r.value, firstSeen: r.first_seen, lastSeen: r.last_seen, families: JSON.parse(r.families) as string[], confidence: r.confidence, tlp: exportedTlp(options.tlp, r.tlp as Tlp), ...(r.expires_at ? { expires: r.expires_at } : {}) })
        }
      }
      const kid = options.key ? keyIdOf(options.key) : undefined
      if (options.key) indicators = hashIndicators(indicators, options.key)
      const organisation = options.organisation ?? deps.organisation ?? 'Vetting Desk'
      const stamp = iso(now).slice(0, 10)
      let out: { body: string; contentType: string; fileName: string }
      if (options.format === 'stix') out = { body: JSON.stringify(toStixBundle(indicators, { organisation, tlp: options.tlp, now }), null, 2), contentType: 'application/stix+json;version=2.1', fileName: `indicators-${stamp}.stix.json` }
      else if (options.format === 'misp') out = { body: JSON.stringify(toMispEvent(indicators, { organisation, tlp: options.tlp, now, ...(kid ? { keyId: kid } : {}) }), null, 2), contentType: 'application/json', fileName: `indicators-${stamp}.misp.json` }
      else out = { body: toCsv(indicators, { tlp: options.tlp }), contentType: 'text/csv; charset=utf-8', fileName: `indicators-${stamp}.csv` }
      await db.transaction(trx => audit.append(trx, { type: 'INDICATORS_EXPORTED', actor: auditActor(ctx), requestId: ctx.requestId, data: { format: options.format, count: indicators.length, scope: options.caseIds ? 'cases' : 'all', type: kid ? 'hashed' : 'plain', status: options.tlp, ...(options.caseIds?.length === 1 ? { caseId: options.caseIds[0] } : {}) } }))
      return { ...out, count: indicators.length }
    },

    /** Sources with their counts, newest first (the security page). */
    async sources(): Promise<Array<{ id: number; name: string; format: string; tlp: string; hashed: boolean; indicators: number; live: number; lastImportedAt: string }>> {
      const now = iso(new Date())
      const rows = (await db('indicator_sources as src').orderBy('src.last_imported_at', 'desc').select('src.id', 'src.name', 'src.format', 'src.tlp', 'src.key_id', 'src.last_imported_at')) as Array<{ id: number; name: string; format: string; tlp: string; key_id: string | null; last_imported_at: string }>
      const counts = (await db('shared_indicators').groupBy('source_id').select('source_id').count({ n: '*' })) as Array<{ source_id: number; n: number | string }>
      const live = (await db('shared_indicators').where(q => void q.whereNull('expires_at').orWhere('expires_at', '>', now)).groupBy('source_id').select('source_id').count({ n: '*' })) as Array<{ source_id: number; n: number | string }>
      return rows.map(r => ({ id: r.id, name: r.name, format: r.format, tlp: r.tlp, hashed: Boolean(r.key_id), indicators: Number(counts.find(c => Number(c.source_id) === Number(r.id))?.n ?? 0), live: Number(live.find(c => Number(c.source_id) === Number(r.id))?.n ?? 0), lastImportedAt: r.last_imported_at }))
    },

    /** Hits on current cases, newest first, with what matched and the source (the security page). */
    async hits(limit = 200): Promise<Array<{ caseId: string; reference: string; name: string; band: string | null; kind: string; matched: string; source: string; confidence: number; foundAt: string }>> {
      return (await db('indicator_hits as h')
        .join('cases as c', 'c.id', 'h.case_id')
        .join('subjects as s', 's.id', 'c.subject_id')
        .join('shared_indicators as i', 'i.id', 'h.indicator_id')
        .join('indicator_sources as src', 'src.id', 'i.source_id')
        .orderBy('h.found_at', 'desc')
        .orderBy('c.reference')
        .limit(limit)
        .select('c.id as caseId', 'c.reference', 's.full_name as name', 'c.risk_band as band', 'h.kind', 'h.matched', 'src.name as source', 'i.confidence', 'h.found_at as foundAt')) as Array<{ caseId: string; reference: string; name: string; band: string | null; kind: string; matched: string; source: string; confidence: number; foundAt: string }>
    },
  }
}

export type IndicatorService = ReturnType<typeof createIndicatorService>
