import { RULES } from '../rules/registry'
import type { FindingRow } from '../services/caseService'
import type { Evidence } from '../rules/caseFacts'
import { formatFactValue } from './presentEvidence'
import { maskText } from './maskSensitive'

const META = new Map(RULES.map(r => [r.meta.id, r.meta]))
/** Families' names as people read them (the case page's headings, the dashboard's strips). */
export const FAMILY_LABEL: Record<string, string> = {
  sanctions: 'Sanctions screening',
  links: 'Shared with other applications',
  identity: 'Identity and claims consistency',
  contact: 'Contact details',
  presence: 'Online presence',
  network: 'Network and access',
  logistics: 'Equipment shipping',
  payment: 'Payment',
  interview: 'Interview observations',
}
const SEVERITY_LABEL: Record<string, string> = { low: 'Low', medium: 'Medium', high: 'High', critical: 'Critical' }

function evidenceText(e: Evidence, masked: boolean): string {
  const text = evidenceWords(e, masked)
  return masked ? maskText(text) : text
}

function evidenceWords(e: Evidence, masked: boolean): string {
  if (e.field === 'access_event') {
    const v = e.value as { at?: string; ip?: string; userAgent?: string; event?: string }
    return [v.at?.replace('T', ' ').slice(0, 16), v.ip, v.userAgent, v.event].filter(Boolean).join(' · ')
  }
  if (e.field === 'link') {
    // A link's evidence names the other application (or its band) and what is shared; its id means nothing to a reader.
    const v = e.value as { name?: string; band?: string; via?: string }
    return `${v.name ?? (v.band ? `an application at ${v.band}` : 'another application')} · ${v.via ?? ''}`
  }
  return formatFactValue(e.field, JSON.stringify(e.value), masked)
}

export interface ScoreDetail {
  contributions: Array<{ rule: string; weight: number; points: number }>
  capped: string | null
  notChecked: Array<{ rule: string; missing: string[] }>
  incomplete: boolean
  weightsVersion: number
}

const SEVERITY_ORDER = ['Low', 'Medium', 'High', 'Critical']
const round1 = (n: number) => Math.round(n * 10) / 10
const worstSeverity = (severities: string[]) => severities.reduce((w, s) => (SEVERITY_ORDER.indexOf(s) > SEVERITY_ORDER.indexOf(w) ? s : w), 'Low')

/**
 * The case's strongest reasons for the summary chart: the flags adding the most points, a sign-off-blocking
 * flag first whatever its points (it is the reason that matters most), at most `n`.
 */
export function strongestReasons(flags: Array<{ title: string; points: number; severity: string; blocking: boolean }>, n = 3) {
  return [...flags]
    .sort((a, b) => Number(b.blocking) - Number(a.blocking) || b.points - a.points)
    .slice(0, n)
    .map(f => ({ label: f.title, points: f.points, note: f.blocking ? `${f.severity}, blocks sign-off` : f.severity }))
}

/**
 * Findings for the case page: flags first with their evidence and sources, then what was clear or could not be checked.
 * `options.masked`: payout accounts, wallets and ID numbers in messages and evidence masked (see maskSensitive).
 */
export function presentFindings(rows: FindingRow[], scoreDetail: string | null | undefined, options: { masked?: boolean } = {}) {
  const masked = options.masked ?? false
  const item = (r: FindingRow) => {
    const meta = META.get(r.rule_id)
    return {
      rule: r.rule_id,
      version: r.rule_version,
      title: meta?.title ?? r.rule_id,
      severity: SEVERITY_LABEL[r.severity] ?? r.severity,
      strength: r.strength,
      message: masked ? maskText(r.message) : r.message,
      points: r.points,
      evidence: (JSON.parse(r.evidence) as Evidence[]).map(e => ({ value: evidenceText(e, masked), where: e.field === 'link' ? 'link analysis: see Links' : e.where })),
      sources: meta?.sources ?? [],
      indicators: meta?.indicators ?? [],
      checklist: meta?.checklist ?? [],
      falsePositives: meta?.knownFalsePositives ?? [],
      refdata: Object.entries(JSON.parse(r.refdata || '{}') as Record<string, string>).map(([id, version]) => `${id} ${version}`),
      blocking: Boolean(r.blocking),
      category: r.category,
    }
  }
  const detail = scoreDetail ? (JSON.parse(scoreDetail) as ScoreDetail) : null
  // A flag that blocks sign-off leads, whatever its points (a decisive hit's points are what is left of the scale).
  const flags = rows.filter(r => r.status === 'flag').map(item).sort((a, b) => Number(b.blocking) - Number(a.blocking))
  // Findings grouped by family, families in the order of their strongest flag.
  // The first (strongest) family is shown open on the case page, the rest collapsed.
  const families = [...new Set(flags.map(f => f.category))].map((category, i) => {
    const own = flags.filter(f => f.category === category)
    return { category, label: FAMILY_LABEL[category] ?? category, flags: own, open: i === 0, points: round1(own.reduce((a, f) => a + f.points, 0)), worst: worstSeverity(own.map(f => f.severity)) }
  })
  return {
    flags,
    families,
    clear: rows.filter(r => r.status === 'clear').map(item),
    notChecked: rows.filter(r => r.status === 'not_applicable').map(r => ({ title: META.get(r.rule_id)?.title ?? r.rule_id, missing: (JSON.parse(r.missing) as string[]).join(', ') })),
    capped: detail?.capped ?? null,
    incomplete: detail?.incomplete ?? false,
    scored: rows.length > 0,
  }
}
