import type { Knex } from 'knex'
import { z } from 'zod'
import type { AuditRepository } from '../db/repositories/auditRepository'
import type { EvidenceRepository } from '../db/repositories/evidenceRepository'
import { compareNames } from '../domain/names'
import { badRequest, notFound } from '../errors'
import type { BlobStore } from '../ingest/blobStore'
import { compilePhoto, hamming, PHOTO_HAMMING_THRESHOLD, photoBandKeys, sameCompiledPhoto, type PhotoFingerprint } from '../links/imageHash'
import { FARM_HOMES, HOUSEHOLD_SUPPORT, HUB_LIMIT, RESUME_THRESHOLD, bothHomes, clusters, joinedLinks, linkSupport, pairVerdicts, type Link } from '../links/linkIndex'
import type { LinkKey, LinkKind } from '../links/linkKeys'
import { bandKeys, exactJaccard, signature, type Shingles } from '../links/minhash'
import { LINE_JACCARD_FLOOR, LINE_HUB_LIMIT, MIN_SHARED_LINES, resumeLinesVia, resumeVia } from '../links/resumeLines'
import { homeNetworkOf, linkMaterial as pipelineLinkMaterial, photoToLink, type LinkMaterial, type ResumeInput } from '../pipeline/judgeApplication'
import type { ReferenceData } from '../refdata/referenceData'
import type { FactRecord, LinkFact } from '../rules/caseFacts'
import { auditActor, type ActorContext } from './context'
import { assertChangeable } from './revisionGuard'
import { isChangeable, type CaseStatus } from '../signoff/caseStatus'

/**
 * Link analysis in the app: incremental. When a case's evidence changes its keys and prints are
 * rewritten and its links rebuilt from index look-ups (cost proportional to its own identifiers and
 * candidates). The database holds the index (link_keys), so it works the same for one upload and for a
 * bulk import of 10,000.
 */
// Stored sorted, as shingles() makes them (rows written before were sorted too).
const encodeShingles = (s: Shingles) => Buffer.from(s.buffer, s.byteOffset, s.byteLength).toString('base64')
const decodeShingles = (t: string): Shingles => {
  const b = Buffer.from(t, 'base64')
  return new Uint32Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength))
}
const pairOf = (a: string, b: string): [string, string] => (a < b ? [a, b] : [b, a])

export const judgementSchema = z.object({
  caseId: z.string().uuid(),
  otherCaseId: z.string().uuid(),
  judgement: z.enum(['same_person', 'different_people', 'unsure']),
  note: z.string().trim().min(3, 'Say what you compared').max(2000),
})

export interface RingSummary {
  id: string
  members: Array<{ caseId: string; reference: string; name: string; band: string | null; kind: string }>
  kinds: string[]
  worstBand: string | null
  /** links between members; `support` says why one only supports (null: it identifies) */
  links: Array<{ a: string; b: string; kind: string; via: string; key: string; support: string | null }>
  /** every pair of members that shares something, joined or not, and why (see pairVerdicts) */
  pairs: Array<{ a: string; b: string; joined: boolean; reason: string }>
  /** applications outside the ring that share only supporting values with a member: not joined */
  nearby: Array<{ caseId: string; reference: string; name: string; with: string; reason: string }>
}

const BAND_RANK: Record<string, number> = { low: 0, elevated: 1, high: 2, critical: 3 }

/** Photo fingerprints kept by blob hash: a relink of an unchanged case must not decode its photo again. */
const PHOTO_CACHE_SIZE = 2000

export function createLinkService(deps: {
  evidence: EvidenceRepository
  audit: AuditRepository
  blobs: BlobStore
  referenceData: () => ReferenceData
  /** decodes a photo off the request thread (ExtractionPool.photo): a 25-megapixel PNG took 2–3 s */
  photos: (data: Buffer) => Promise<PhotoFingerprint | null>
}) {
  const { evidence, audit, blobs } = deps
  const photoCache = new Map<string, PhotoFingerprint | null>()
  async function photoOf(sha256: string): Promise<PhotoFingerprint | null> {
    if (photoCache.has(sha256)) return photoCache.get(sha256)!
    const fingerprint = await deps.photos(await blobs.get(sha256)).catch(() => undefined)
    // A worker that failed (timeout, pool closing) may do better next time: only answers are kept.
    if (fingerprint === undefined) return null
    if (photoCache.size >= PHOTO_CACHE_SIZE) photoCache.delete(photoCache.keys().next().value!)
    photoCache.set(sha256, fingerprint)
    return fingerprint
  }

  /** What link analysis needs from a case's stored evidence: the pipeline's link material, as `vet score` computes it. */
  async function linkMaterial(trx: Knex, caseId: string): Promise<LinkMaterial> {
    const [facts, docs] = await Promise.all([evidence.currentFacts(trx, caseId), evidence.linkDocumentsOf(trx, caseId)])
    const records: FactRecord[] = facts.map(f => ({ field: f.field, value: JSON.parse(f.value) as unknown, source: f.source, where: f.field }))
    const resumes: ResumeInput[] = docs
      .filter(d => d.kind === 'resume' && d.extracted_text)
      .map(d => {
        const m = JSON.parse(d.metadata) as { author?: string | null; creatorTool?: string | null; producer?: string | null; created?: string | null }
        return { name: d.original_name, sha256: d.sha256, text: d.extracted_text!, metadata: { author: m.author ?? null, creator: m.creatorTool ?? null, producer: m.producer ?? null, created: m.created ?? null } }
      })
    const photoDoc = photoToLink(docs.filter(d => d.kind === 'photo').map(d => ({ name: d.original_name, sha256: d.sha256 })))
    const photo = photoDoc && blobs.has(photoDoc.sha256) ? await photoOf(photoDoc.sha256) : null
    return pipelineLinkMaterial(records, resumes, photo, homeNetworkOf(deps.referenceData()))
  }

  /** Of these cases, those that can no longer change: decided (signed off or rejected) or an earlier revision. */
  async function frozenAmong(trx: Knex, ids: string[]): Promise<Set<string>> {
    const out = new Set<string>()
    const unique = [...new Set(ids)]
    for (let i = 0; i < unique.length; i += 400) {
      for (const r of (await trx('cases').whereIn('id', unique.slice(i, i + 400)).select('id', 'status', 'is_current')) as Array<{ id: string; status: CaseStatus; is_current: boolean | number }>) if (!isChangeable(r)) out.add(r.id)
    }
    return out
  }

  /**
   * When each frozen case was decided: a judgement made after that is someone else's (the other side's)
   * and does not change what the decided revision shows. Cases that can still change have no entry.
   */
  async function decidedAt(trx: Knex, ids: string[]): Promise<Map<string, string>> {
    const frozen = [...(await frozenAmong(trx, ids))]
    const out = new Map<string, string>()
    for (let i = 0; i < frozen.length; i += 400) {
      for (const r of (await trx('signoffs').whereIn('case_id', frozen.slice(i, i + 400)).whereIn('decision', ['approve', 'reject']).select('case_id', 'signed_at')) as Array<{ case_id: string; signed_at: string }>) {
        const was = out.get(r.case_id)
        if (!was || r.signed_at > was) out.set(r.case_id, r.signed_at)
      }
    }
    // An earlier revision without a decision of its own (none today) sees none made later than now.
    for (const id of frozen) if (!out.has(id)) out.set(id, new Date().toISOString())
    return out
  }

  /** Rebuild one case's keys, prints and links. Returns the other cases it is now linked with. */
  async function relink(trx: Knex, caseId: string): Promise<string[]> {
    const m = await linkMaterial(trx, caseId)
    await trx('link_keys').where({ case_id: caseId }).delete()
    // A link to a decided or earlier revision is part of what that revision was decided on (its score rests
    // on it): it stays as it is. Only links between cases that can still change are rebuilt here.
    const existing = ((await trx('links').where(q => q.where({ case_a: caseId }).orWhere({ case_b: caseId })).select('id', 'case_a', 'case_b', 'kind', 'key')) as Array<{ id: number; case_a: string; case_b: string; kind: string; key: string }>).map(r => ({ ...r, other: r.case_a === caseId ? r.case_b : r.case_a }))
    const frozen = await frozenAmong(trx, existing.map(r => r.other))
    const kept = new Set(existing.filter(r => frozen.has(r.other)).map(r => `${r.other}|${r.kind}|${r.key}`))
    const stale = existing.filter(r => !frozen.has(r.other)).map(r => r.id)
    for (let i = 0; i < stale.length; i += 400) await trx('links').whereIn('id', stale.slice(i, i + 400)).delete()
    await trx('link_prints').where({ case_id: caseId }).delete()
    await trx('link_prints').insert({ case_id: caseId, resume_shingles: m.shingleSet.length ? encodeShingles(m.shingleSet) : null, photo_hash: m.photo?.hash ?? null, photo_thumb: m.photo?.thumb ?? null })
    const made: Link[] = []
    const current = (q: Knex.QueryBuilder) => q.join('cases as c', 'c.id', 'k.case_id').where('c.is_current', true).whereNot('k.case_id', caseId)
    // A declared intermediary's values (this case's or any current case's declaration) are the agency's: never linked on.
    const own = m.keys.filter(k => !k.intermediary)
    const declared = await declaredKeys(trx, [...own.map(k => `${k.kind}\u001f${k.key}`.slice(0, 300))])
    for (const k of own) {
      if (declared.has(`${k.kind}\u001f${k.key}`.slice(0, 300))) continue
      const others = (await current(trx('link_keys as k').where({ 'k.kind': k.kind, 'k.key': k.key })).select('k.case_id', 'k.role', 'k.support').limit(HUB_LIMIT + 1)) as Array<{ case_id: string; role: string; support: string | null }>
      // A value that very many applications share is a hub: shown on the case page, never linked on.
      if (new Set(others.map(o => o.case_id)).size + 1 > HUB_LIMIT) continue
      // A home given as their own by two applicants is a household; by three or more, a farm (see HOUSEHOLD_SUPPORT).
      const homes = k.role === 'home address' ? new Set(others.filter(o => o.role === 'home address').map(o => o.case_id)).size + 1 : 0
      for (const o of others) {
        const why = linkSupport(k, o) ?? (bothHomes(k.role, o.role) && homes < FARM_HOMES ? HOUSEHOLD_SUPPORT : undefined)
        made.push({ a: caseId, b: o.case_id, kind: k.kind, via: `${k.role}: ${k.label}`, key: `${k.kind}\u001f${k.key}`, ...(why ? { supporting: true, why } : {}) })
      }
    }
    const bands: Array<{ kind: string; key: string }> = []
    if (m.shingleSet.length) {
      const sig = signature(m.shingleSet)
      const keys = bandKeys(sig)
      bands.push(...keys.map(key => ({ kind: 'resume-band', key })))
      const cands = (await current(trx('link_keys as k').where('k.kind', 'resume-band').whereIn('k.key', keys)).distinct('k.case_id').limit(2000)) as Array<{ case_id: string }>
      if (cands.length) {
        const prints = (await trx('link_prints').whereIn('case_id', cands.map(c => c.case_id)).whereNotNull('resume_shingles').select('case_id', 'resume_shingles')) as Array<{ case_id: string; resume_shingles: string }>
        for (const p of prints) {
          const sim = exactJaccard(m.shingleSet, decodeShingles(p.resume_shingles))
          if (sim >= RESUME_THRESHOLD) made.push({ a: caseId, b: p.case_id, kind: 'resume', via: resumeVia(sim), key: `resume\u001f${pairOf(caseId, p.case_id).join('|')}` })
        }
      }
      // The same work history written word for word inside resumes otherwise apart (resumeLines.ts), as LinkIndex does.
      if (m.resumeLines.length) {
        bands.push(...m.resumeLines.map(key => ({ kind: 'resume-line', key })))
        const rows = (await current(trx('link_keys as k').where('k.kind', 'resume-line').whereIn('k.key', m.resumeLines)).select('k.case_id', 'k.key')) as Array<{ case_id: string; key: string }>
        const perLine = new Map<string, string[]>()
        for (const r of rows) perLine.set(r.key, [...(perLine.get(r.key) ?? []), r.case_id])
        const shared = new Map<string, number>()
        // A line more resumes share than LINE_HUB_LIMIT is boilerplate: it counts for no one.
        for (const ids of perLine.values()) if (new Set(ids).size < LINE_HUB_LIMIT) for (const id of new Set(ids)) shared.set(id, (shared.get(id) ?? 0) + 1)
        const linked = new Set(made.filter(l => l.kind === 'resume').map(l => l.b))
        const cands = [...shared].filter(([id, n]) => n >= MIN_SHARED_LINES && !linked.has(id))
        if (cands.length) {
          const count = new Map(cands)
          const prints = (await trx('link_prints').whereIn('case_id', cands.map(([id]) => id)).whereNotNull('resume_shingles').select('case_id', 'resume_shingles')) as Array<{ case_id: string; resume_shingles: string }>
          for (const p of prints) {
            const sim = exactJaccard(m.shingleSet, decodeShingles(p.resume_shingles))
            if (sim >= LINE_JACCARD_FLOOR) made.push({ a: caseId, b: p.case_id, kind: 'resume', via: sim >= RESUME_THRESHOLD ? resumeVia(sim) : resumeLinesVia(count.get(p.case_id)!, sim), key: `resume\u001f${pairOf(caseId, p.case_id).join('|')}` })
          }
        }
      }
    }
    if (m.photo) {
      const keys = photoBandKeys(m.photo.hash)
      bands.push(...keys.map(key => ({ kind: 'photo-band', key })))
      const cands = (await current(trx('link_keys as k').where('k.kind', 'photo-band').whereIn('k.key', keys)).distinct('k.case_id').limit(5000)) as Array<{ case_id: string }>
      if (cands.length) {
        const prints = (await trx('link_prints').whereIn('case_id', cands.map(c => c.case_id)).whereNotNull('photo_hash').select('case_id', 'photo_hash', 'photo_thumb')) as Array<{ case_id: string; photo_hash: string; photo_thumb: string }>
        // Compiled once; a candidate's thumbnail is decoded only when its hash is close enough.
        const mine = compilePhoto(m.photo)
        for (const p of prints) {
          if (hamming(m.photo.hash, p.photo_hash) > PHOTO_HAMMING_THRESHOLD) continue
          const cmp = sameCompiledPhoto(mine, compilePhoto({ hash: p.photo_hash, thumb: p.photo_thumb }))
          if (cmp.same) made.push({ a: caseId, b: p.case_id, kind: 'photo', via: `the same photo (${cmp.distance} of 64 hash bits differ, colours ${Math.round(cmp.similarity * 100)}% alike)`, key: `photo\u001f${pairOf(caseId, p.case_id).join('|')}` })
        }
      }
    }
    const keyRows = [
      ...m.keys.map(k =>
        k.intermediary
          ? { case_id: caseId, kind: 'intermediary', key: `${k.kind}\u001f${k.key}`.slice(0, 300), label: k.label.slice(0, 300), role: k.role.slice(0, 80), support: null }
          : { case_id: caseId, kind: k.kind, key: k.key.slice(0, 300), label: k.label.slice(0, 300), role: k.role.slice(0, 80), support: k.support?.slice(0, 200) ?? null },
      ),
      ...bands.map(b => ({ case_id: caseId, kind: b.kind, key: b.key, label: '', role: '', support: null })),
    ]
    for (let i = 0; i < keyRows.length; i += 100) await trx('link_keys').insert(keyRows.slice(i, i + 100))
    // The same person applying twice shares everything: only links between different names count.
    const otherIds = [...new Set(made.map(l => l.b))]
    const names = otherIds.length ? new Map(((await trx('cases as c').join('subjects as s', 's.id', 'c.subject_id').whereIn('c.id', otherIds).select('c.id', 's.full_name')) as Array<{ id: string; full_name: string }>).map(r => [r.id, r.full_name])) : new Map<string, string>()
    const differentPeople = made.filter(l => !(m.name && names.get(l.b) && compareNames(m.name, names.get(l.b)!).match))
    // Every link is kept, with why it only supports when it does: the pair rule (one supporting class never
    // joins) is applied where links are read, after hubs and judgements, and the ring page shows pairs not joined.
    const linked = joinedLinks(differentPeople)
    const now = new Date().toISOString()
    const rows = differentPeople.filter(l => !kept.has(`${l.b}|${l.kind}|${l.key.slice(0, 300)}`)).map(l => ({ case_a: l.a, case_b: l.b, kind: l.kind, key: l.key.slice(0, 300), via: l.via, support: l.why?.slice(0, 200) ?? null, created_at: now }))
    for (let i = 0; i < rows.length; i += 100) await trx('links').insert(rows.slice(i, i + 100))
    return [...new Set(linked.map(l => l.b))]
  }

  /** Of these link keys ("kind\u001fvalue"), those a current case declares as its intermediary's (a staffing agency's). */
  async function declaredKeys(trx: Knex, keys: string[]): Promise<Set<string>> {
    const out = new Set<string>()
    const unique = [...new Set(keys)]
    for (let i = 0; i < unique.length; i += 400) {
      for (const r of (await trx('link_keys as k').join('cases as c', 'c.id', 'k.case_id').where('c.is_current', true).where('k.kind', 'intermediary').whereIn('k.key', unique.slice(i, i + 400)).distinct('k.key')) as Array<{ key: string }>) out.add(r.key)
    }
    return out
  }

  /**
   * (Keys join kind and value with U+001F: PostgreSQL text cannot hold U+0000.) Keys of this case's links set
   * aside since: hubs (shared by more than HUB_LIMIT applications) and values a current case declares as its
   * intermediary's.
   */
  async function hubKeys(trx: Knex, keys: string[]): Promise<Set<string>> {
    // The values current cases declare as an intermediary's are few: all of them in one read on the (kind, key)
    // index, where asking for every link's key in batches (/rings) took several slow reads.
    const asked = new Set(keys)
    const hubs = new Set<string>()
    for (const r of (await trx('link_keys as k').join('cases as c', 'c.id', 'k.case_id').where('c.is_current', true).where('k.kind', 'intermediary').distinct('k.key')) as Array<{ key: string }>) if (asked.has(r.key)) hubs.add(r.key)
    // Counted per kind in batches, one grouped read each: a read per key made /rings cost a hundred reads.
    const byKind = new Map<string, Map<string, string[]>>()
    for (const k of asked) {
      const [kind, key] = k.split('\u001f') as [string, string]
      if (kind === 'resume' || kind === 'photo') continue
      const m = byKind.get(kind) ?? new Map<string, string[]>()
      m.set(key, [...(m.get(key) ?? []), k])
      byKind.set(kind, m)
    }
    for (const [kind, m] of byKind) {
      const values = [...m.keys()]
      for (let i = 0; i < values.length; i += 400) {
        const counted = (await trx('link_keys as k')
          .join('cases as c', 'c.id', 'k.case_id')
          .where('c.is_current', true)
          .where('k.kind', kind)
          .whereIn('k.key', values.slice(i, i + 400))
          .groupBy('k.key')
          .havingRaw('count(distinct k.case_id) > ?', [HUB_LIMIT])
          .select('k.key')) as Array<{ key: string }>
        for (const r of counted) for (const k of m.get(r.key) ?? []) hubs.add(k)
      }
    }
    return hubs
  }

  /**
   * What the links rules read: each linked current case, its name, its band before links, and judgements.
   * A decided or earlier revision shows the judgements made up to its decision; `reassess` asks for
   * today's instead (to tell its people when re-assessing it would change something).
   */
  async function linkFacts(trx: Knex, caseId: string, options: { reassess?: boolean } = {}): Promise<LinkFact[]> {
    let rows = (await trx('links as l')
      .where('l.case_a', caseId)
      .orWhere('l.case_b', caseId)
      .select('l.case_a', 'l.case_b', 'l.kind', 'l.key', 'l.via', 'l.support')) as Array<{ case_a: string; case_b: string; kind: string; key: string; via: string; support: string | null }>
    if (!rows.length) return []
    const cutoffs = await decidedAt(trx, [caseId, ...rows.map(r => (r.case_a === caseId ? r.case_b : r.case_a))])
    const selfCutoff = options.reassess ? undefined : cutoffs.get(caseId)
    if (!cutoffs.has(caseId)) {
      // A case that can change counts a link kept for a decided neighbour only while it still shares the value.
      const own = new Set(((await trx('link_keys').where({ case_id: caseId }).select('kind', 'key')) as Array<{ kind: string; key: string }>).map(k => `${k.kind}\u001f${k.key}`.slice(0, 300)))
      rows = rows.filter(r => !cutoffs.has(r.case_a === caseId ? r.case_b : r.case_a) || r.kind === 'resume' || r.kind === 'photo' || own.has(r.key))
      if (!rows.length) return []
    }
    const hubs = await hubKeys(trx, rows.map(r => r.key))
    // Only joined pairs count (see pairVerdicts): a pair sharing one kind of supporting value is no link.
    rows = joinedLinks(rows.filter(r => !hubs.has(r.key)).map(r => ({ ...r, a: r.case_a, b: r.case_b, kind: r.kind as LinkKind, ...(r.support ? { supporting: true, why: r.support } : {}) })))
    if (!rows.length) return []
    const otherIds = [...new Set(rows.map(r => (r.case_a === caseId ? r.case_b : r.case_a)))]
    const others = new Map(
      ((await trx('cases as c').join('subjects as s', 's.id', 'c.subject_id').whereIn('c.id', otherIds).where('c.is_current', true).select('c.id', 'c.subject_id', 'c.base_band', 'c.risk_band', 's.full_name')) as Array<{ id: string; subject_id: string; base_band: string | null; risk_band: string | null; full_name: string }>).map(r => [r.id, r]),
    )
    const self = (await trx('cases').where({ id: caseId }).first('subject_id')) as { subject_id: string } | undefined
    const judgements = new Map<string, LinkFact['judgement']>()
    if (self && others.size) {
      // One read for all the pairs (a read per linked application was most of the case page's reads); pairs
      // are stored in order, so this side is either end. Read oldest first: the newest judgement is kept.
      const me = self.subject_id
      const subjects = [...new Set([...others.values()].map(o => o.subject_id))]
      const newest = new Map<string, LinkFact['judgement']>()
      for (let i = 0; i < subjects.length; i += 400) {
        const batch = subjects.slice(i, i + 400)
        const q = trx('link_judgements').where(w => w.where(x => x.where('subject_a', me).whereIn('subject_b', batch)).orWhere(x => x.whereIn('subject_a', batch).where('subject_b', me)))
        // A decided revision sees the judgements made up to its decision, not those made since.
        const found = (await (selfCutoff ? q.where('created_at', '<=', selfCutoff) : q).orderBy('id', 'asc').select('subject_a', 'subject_b', 'judgement')) as Array<{ subject_a: string; subject_b: string; judgement: LinkFact['judgement'] }>
        for (const j of found) newest.set(j.subject_a === me ? j.subject_b : j.subject_a, j.judgement)
      }
      for (const o of others.values()) {
        const j = newest.get(o.subject_id)
        if (j) judgements.set(o.id, j)
      }
    }
    const watched = new Set(((await trx('watch_keys').distinct('source_case_id')) as Array<{ source_case_id: string }>).map(r => r.source_case_id))
    return rows
      .filter(r => !hubs.has(r.key))
      .flatMap(r => {
        const otherId = r.case_a === caseId ? r.case_b : r.case_a
        const o = others.get(otherId)
        if (!o) return []
        // A case security confirmed as fraudulent counts as critical for everything linked to it.
        const otherBand = watched.has(otherId) ? 'critical' : (o.base_band ?? o.risk_band)
        return [{ otherId, otherName: o.full_name, kind: r.kind, via: r.via, otherBand, judgement: judgements.get(otherId) ?? null, ...(r.support ? { support: r.support } : {}) }]
      })
  }

  /** Everything linked together among current cases, largest and riskiest first. */
  async function rings(trx: Knex, options: { caseId?: string } = {}): Promise<RingSummary[]> {
    const rows = (await trx('links as l')
      .join('cases as a', 'a.id', 'l.case_a')
      .join('cases as b', 'b.id', 'l.case_b')
      .where('a.is_current', true)
      .where('b.is_current', true)
      .select('l.case_a', 'l.case_b', 'l.kind', 'l.key', 'l.via', 'l.support', 'a.subject_id as sa', 'b.subject_id as sb')) as Array<{ case_a: string; case_b: string; kind: string; key: string; via: string; support: string | null; sa: string; sb: string }>
    const hubs = await hubKeys(trx, rows.map(r => r.key))
    // The newest judgement on each pair decides; "different people" and "same person" take a link out of
    // ring-building (the second means the same human applied twice, not a ring).
    // A link touching a decided case counts only the judgements made up to its decision.
    const judgementsOf = new Map<string, Array<{ judgement: string; created_at: string }>>()
    for (const j of (await trx('link_judgements').select('subject_a', 'subject_b', 'judgement', 'created_at').orderBy('id')) as Array<{ subject_a: string; subject_b: string; judgement: string; created_at: string }>) {
      const k = `${j.subject_a}|${j.subject_b}`
      const list = judgementsOf.get(k)
      if (list) list.push(j)
      else judgementsOf.set(k, [j])
    }
    const cutoffs = judgementsOf.size ? await decidedAt(trx, rows.flatMap(r => [r.case_a, r.case_b])) : new Map<string, string>()
    const judged = (r: (typeof rows)[number]) => {
      const list = judgementsOf.get(pairOf(r.sa, r.sb).join('|'))
      if (!list) return false
      const ends = [cutoffs.get(r.case_a), cutoffs.get(r.case_b)].filter((c): c is string => c !== undefined).sort()
      const last = (ends.length ? list.filter(j => j.created_at <= ends[0]!) : list).at(-1)
      return last?.judgement === 'different_people' || last?.judgement === 'same_person'
    }
    const active = rows.filter(r => !hubs.has(r.key) && !judged(r))
    const ids = [...new Set(active.flatMap(r => [r.case_a, r.case_b]))]
    const asLinks = active.map(r => ({ a: r.case_a, b: r.case_b, kind: r.kind as LinkKind, via: r.via, key: r.key, ...(r.support ? { supporting: true, why: r.support } : {}) }))
    // clusters() joins pairs by the pair rule: one kind of supporting value never makes a ring.
    const verdictOf = pairVerdicts(asLinks)
    const comps = [...clusters(ids, asLinks, verdictOf).values()]
    const verdicts = [...verdictOf.values()]
    const wanted = options.caseId ? comps.filter(c => c.includes(options.caseId!)) : comps
    const inWanted = new Set(wanted.flat())
    const outsiders = options.caseId ? verdicts.filter(v => !v.joined && inWanted.has(v.a) !== inWanted.has(v.b)).map(v => (inWanted.has(v.a) ? v.b : v.a)) : []
    const memberIds = [...inWanted, ...outsiders]
    const info = new Map<string, { reference: string; full_name: string; risk_band: string | null }>()
    for (let i = 0; i < memberIds.length; i += 400) {
      for (const r of (await trx('cases as c').join('subjects as s', 's.id', 'c.subject_id').whereIn('c.id', memberIds.slice(i, i + 400)).select('c.id', 'c.reference', 's.full_name', 'c.risk_band')) as Array<{ id: string; reference: string; full_name: string; risk_band: string | null }>) info.set(r.id, r)
    }
    // Links and pairs bucketed by ring in one pass each: filtering every link for every ring made /rings
    // cost rings x links.
    const ringOf = new Map<string, number>()
    wanted.forEach((members, i) => members.forEach(id => ringOf.set(id, i)))
    const linksByRing = wanted.map((): RingSummary['links'] => [])
    for (const r of active) {
      const i = ringOf.get(r.case_a)
      if (i !== undefined && ringOf.get(r.case_b) === i) linksByRing[i]!.push({ a: r.case_a, b: r.case_b, kind: r.kind, via: r.via, key: r.key, support: r.support ?? null })
    }
    const pairsByRing = wanted.map((): RingSummary['pairs'] => [])
    for (const v of verdicts) {
      const i = ringOf.get(v.a)
      if (i !== undefined && ringOf.get(v.b) === i) pairsByRing[i]!.push({ a: v.a, b: v.b, joined: v.joined, reason: v.reason })
    }
    return wanted
      .map((members, i) => {
        const set = new Set(members)
        const links = linksByRing[i]!
        const pairs = pairsByRing[i]!
        const nearby = options.caseId
          ? verdicts
              .filter(p => !p.joined && set.has(p.a) !== set.has(p.b))
              .map(p => {
                const out = set.has(p.a) ? p.b : p.a
                return { caseId: out, reference: info.get(out)?.reference ?? '', name: info.get(out)?.full_name ?? '', with: set.has(p.a) ? p.a : p.b, reason: p.reason }
              })
              .sort((x, y) => x.reference.localeCompare(y.reference))
          : []
        const ms = members.map(id => ({ caseId: id, reference: info.get(id)?.reference ?? '', name: info.get(id)?.full_name ?? '', band: info.get(id)?.risk_band ?? null, kind: '' })).sort((a, b) => a.reference.localeCompare(b.reference))
        const worst = ms.reduce<string | null>((w, m) => (m.band && (w === null || BAND_RANK[m.band]! > BAND_RANK[w]!) ? m.band : w), null)
        return { id: ms[0]!.reference, members: ms, kinds: [...new Set(links.map(l => l.kind))].sort(), worstBand: worst, links, pairs, nearby }
      })
      .sort((a, b) => (BAND_RANK[b.worstBand ?? 'low']! - BAND_RANK[a.worstBand ?? 'low']!) || b.members.length - a.members.length || a.id.localeCompare(b.id))
  }

  /**
   * Every current application this one shares something with, joined or not, and why (the pair rule):
   * what a ring page says of an application that is in no ring.
   */
  async function pairsOf(trx: Knex, caseId: string): Promise<Array<{ caseId: string; reference: string; name: string; joined: boolean; reason: string }>> {
    const rows = (await trx('links as l')
      .join('cases as a', 'a.id', 'l.case_a')
      .join('cases as b', 'b.id', 'l.case_b')
      .where('a.is_current', true)
      .where('b.is_current', true)
      .where(q => q.where('l.case_a', caseId).orWhere('l.case_b', caseId))
      .select('l.case_a', 'l.case_b', 'l.kind', 'l.key', 'l.via', 'l.support')) as Array<{ case_a: string; case_b: string; kind: string; key: string; via: string; support: string | null }>
    const hubs = await hubKeys(trx, rows.map(r => r.key))
    const verdicts = [...pairVerdicts(rows.filter(r => !hubs.has(r.key)).map(r => ({ a: r.case_a, b: r.case_b, kind: r.kind as LinkKind, via: r.via, key: r.key, ...(r.support ? { supporting: true, why: r.support } : {}) }))).values()]
    const others = verdicts.map(v => (v.a === caseId ? v.b : v.a))
    const info = new Map(((others.length ? await trx('cases as c').join('subjects as s', 's.id', 'c.subject_id').whereIn('c.id', others).select('c.id', 'c.reference', 's.full_name') : []) as Array<{ id: string; reference: string; full_name: string }>).map(r => [r.id, r]))
    return verdicts.map(v => {
      const other = v.a === caseId ? v.b : v.a
      return { caseId: other, reference: info.get(other)?.reference ?? '', name: info.get(other)?.full_name ?? '', joined: v.joined, reason: v.reason }
    })
  }

  return {
    relink,
    linkFacts,
    rings,
    pairsOf,

    /** Identifier values of a case shared by more than HUB_LIMIT applications: shown, with why they were not used. */
    async hubsOf(trx: Knex, caseId: string): Promise<Array<{ kind: string; label: string; role: string; count: number }>> {
      const keys = (await trx('link_keys').where({ case_id: caseId }).whereNotIn('kind', ['resume-band', 'resume-line', 'photo-band', 'intermediary']).select('kind', 'key', 'label', 'role')) as Array<LinkKey & { kind: string }>
      const out: Array<{ kind: string; label: string; role: string; count: number }> = []
      for (const k of keys) {
        const n = (await trx('link_keys as k').join('cases as c', 'c.id', 'k.case_id').where('c.is_current', true).where({ 'k.kind': k.kind, 'k.key': k.key }).countDistinct({ n: 'k.case_id' }).first()) as { n: number | string } | undefined
        if (Number(n?.n ?? 0) > HUB_LIMIT) out.push({ kind: k.kind, label: k.label, role: k.role, count: Number(n!.n) })
      }
      return out
    },

    /** A reviewer's judgement on a link, kept with who and when, never overwritten (the newest counts). */
    async judge(trx: Knex.Transaction, input: unknown, ctx: ActorContext): Promise<{ caseId: string; otherCaseId: string }> {
      const parsed = judgementSchema.safeParse(input)
      if (!parsed.success) throw badRequest(parsed.error.issues.map(i => i.message).join('; '))
      const { caseId, otherCaseId, judgement, note } = parsed.data
      await assertChangeable(trx, caseId)
      const link = await trx('links').where({ case_a: caseId, case_b: otherCaseId }).orWhere({ case_a: otherCaseId, case_b: caseId }).first('id')
      if (!link) throw notFound('These two applications are not linked')
      const subjects = (await trx('cases').whereIn('id', [caseId, otherCaseId]).select('id', 'subject_id')) as Array<{ id: string; subject_id: string }>
      const sa = subjects.find(s => s.id === caseId)!.subject_id
      const sb = subjects.find(s => s.id === otherCaseId)!.subject_id
      const [a, b] = pairOf(sa, sb)
      await trx('link_judgements').insert({ subject_a: a, subject_b: b, judgement, note, user_id: ctx.userId, created_at: new Date().toISOString() })
      await audit.append(trx, { type: 'LINK_JUDGED', actor: auditActor(ctx), caseId, subjectId: sa, requestId: ctx.requestId, data: { otherCase: otherCaseId, judgement, note } })
      return { caseId, otherCaseId }
    },

    /**
     * A security reviewer confirms a case as fraudulent: its identifiers join the watch list, and every
     * current application sharing one is listed (the retro-hunt). Future applications sharing one link to
     * it and count it as critical.
     */
    async watch(trx: Knex.Transaction, caseId: string, ctx: ActorContext): Promise<number> {
      await assertChangeable(trx, caseId)
      // A declared intermediary's values are the agency's, not this person's: never watched.
      const keys = (await trx('link_keys').where({ case_id: caseId }).whereNotIn('kind', ['resume-band', 'resume-line', 'photo-band', 'intermediary']).select('kind', 'key', 'label')) as Array<{ kind: string; key: string; label: string }>
      if (!keys.length) throw badRequest('This case has no identifiers to watch for')
      const now = new Date().toISOString()
      const existing = new Set(((await trx('watch_keys').where({ source_case_id: caseId }).select('kind', 'key')) as Array<{ kind: string; key: string }>).map(k => `${k.kind}\u001f${k.key}`))
      const fresh = keys.filter(k => !existing.has(`${k.kind}\u001f${k.key}`))
      for (const k of fresh) await trx('watch_keys').insert({ kind: k.kind, key: k.key, label: k.label, source_case_id: caseId, added_by: ctx.userId, created_at: now })
      const c = await trx('cases').where({ id: caseId }).first('subject_id')
      await audit.append(trx, { type: 'CASE_WATCHED', actor: auditActor(ctx), caseId, subjectId: c?.subject_id ?? null, requestId: ctx.requestId, data: { identifiers: fresh.length } })
      return fresh.length
    },

    /** Current applications sharing a watched identifier (hubs included: a watched value is always worth a look). */
    async retroHunt(trx: Knex): Promise<Array<{ caseId: string; reference: string; name: string; band: string | null; kind: string; label: string; sourceCaseId: string; sourceReference: string }>> {
      return (await trx('watch_keys as w')
        .join('link_keys as k', function () {
          this.on('k.kind', '=', 'w.kind').andOn('k.key', '=', 'w.key')
        })
        .join('cases as c', 'c.id', 'k.case_id')
        .join('subjects as s', 's.id', 'c.subject_id')
        .join('cases as src', 'src.id', 'w.source_case_id')
        .where('c.is_current', true)
        .whereRaw('k.case_id <> w.source_case_id')
        .orderBy('c.reference')
        .select('c.id as caseId', 'c.reference', 's.full_name as name', 'c.risk_band as band', 'w.kind', 'w.label', 'w.source_case_id as sourceCaseId', 'src.reference as sourceReference')
        .limit(1000)) as Array<{ caseId: string; reference: string; name: string; band: string | null; kind: string; label: string; sourceCaseId: string; sourceReference: string }>
    },
  }
}

export type LinkService = ReturnType<typeof createLinkService>
