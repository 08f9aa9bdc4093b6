import path from 'node:path'
import type { ExtractionPool } from '../extract/extractionPool'
import { DocumentProblem, type DocumentMetadata } from '../extract/readDocument'
import { classifyUrl, normalisePhone, type ExtractedEducation, type ExtractedEmployment, type ExtractedPhone, type ExtractedUrl } from '../extract/resumeFields'
import { normaliseDate } from '../extract/resumeFields'
import { nameContradictsContent, sniffFileType } from '../extract/sniffFileType'
import { parseJsonFile } from './readJson'

/** What `vet extract --json` prints for one file. */
export type ExtractSummary =
  | {
      file: string
      name: string | null
      emails: string[]
      phones: ExtractedPhone[]
      urls: ExtractedUrl[]
      employers: ExtractedEmployment[]
      education: ExtractedEducation[]
      skills: string[]
      metadata: Partial<DocumentMetadata> & { kind?: string }
      warnings?: string[]
    }
  | { file: string; error: string }

/** Read one file (a resume document, an application JSON or a JSON Resume) into the summary. */
export async function extractFile(file: string, data: Buffer, pool: ExtractionPool): Promise<ExtractSummary> {
  const label = path.basename(file)
  const sniffed = sniffFileType(data)
  const mismatch = nameContradictsContent(file, sniffed)
  if (mismatch) return { file: label, error: mismatch }
  const head = sniffed.kind === 'text' ? data.subarray(0, 256).toString('utf8').replace(/^\uFEFF/, '').trimStart() : ''
  if (sniffed.kind === 'text' && (head.startsWith('{') || head.startsWith('['))) {
    const parsed = parseJsonFile(data)
    if (!parsed.ok) return { file: label, error: parsed.problems.join('; ') }
    const app = parsed.value.application
    const resume = (app.resume ?? {}) as Record<string, unknown> & {
      basics?: { url?: string; profiles?: Array<{ url?: string }> }
      work?: Array<{ name?: string; position?: string; startDate?: string; endDate?: string }>
      education?: Array<{ institution?: string; area?: string; studyType?: string; startDate?: string; endDate?: string }>
      skills?: Array<{ name?: string; keywords?: string[] }>
    }
    const urls = [...(app.profiles ?? []).map(p => p.url), resume.basics?.url, ...(resume.basics?.profiles ?? []).map(p => p.url)].filter((u): u is string => typeof u === 'string' && u.length > 0)
    const phone = app.person?.phone ? normalisePhone(app.person.phone, app.person.address?.country) : null
    return {
      file: label,
      name: app.person?.full_name ?? null,
      emails: app.person?.email ? [app.person.email.toLowerCase()] : [],
      phones: phone ? [phone] : [],
      urls: [...new Set(urls)].map(url => ({ url, network: classifyUrl(url) })),
      employers: (resume.work ?? []).map(w => ({
        company: w.name ?? null,
        title: w.position ?? null,
        start: w.startDate ? (normaliseDate(w.startDate.slice(0, 7)) ?? w.startDate) : null,
        end: w.endDate ? (normaliseDate(w.endDate.slice(0, 7)) ?? w.endDate) : null,
        current: !w.endDate,
      })),
      education: (resume.education ?? []).filter(e => e.institution).map(e => ({
        institution: e.institution!,
        degree: [e.studyType, e.area].filter(Boolean).join(' ') || null,
        start: e.startDate ?? null,
        end: e.endDate ?? null,
      })),
      skills: (resume.skills ?? []).flatMap(s => [s.name, ...(s.keywords ?? [])]).filter((s): s is string => Boolean(s)),
      metadata: { kind: parsed.value.kind },
    }
  }
  if (sniffed.kind === 'text' && /\.(csv|tsv)$/i.test(file)) {
    return { file: label, error: 'this is a CSV file (an ATS export or a sign-in log), not a resume: bring it in with vet import' }
  }
  try {
    const doc = await pool.read(data)
    return {
      file: label,
      name: doc.fields.name?.value ?? null,
      emails: doc.fields.emails.map(e => e.value),
      phones: doc.fields.phones.map(p => p.value),
      urls: doc.fields.urls.map(u => u.value),
      employers: doc.fields.employers.map(e => e.value),
      education: doc.fields.education.map(e => e.value),
      skills: doc.fields.skills.map(s => s.value),
      metadata: { kind: doc.kind, ...doc.metadata },
      ...(doc.warnings.length ? { warnings: doc.warnings } : {}),
    }
  } catch (error) {
    if (error instanceof DocumentProblem) return { file: label, error: error.message }
    throw error
  }
}
