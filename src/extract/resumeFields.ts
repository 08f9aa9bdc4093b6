import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max'
import { claimedYearsIn, type ClaimedYears } from './claimedExperience'
import { countryNamed } from '../domain/countriesAndZones'

/**
 * Resume text → the fields a reviewer needs, each with where it was read (page and line). Pure and
 * heuristic: it reads the layouts resumes commonly use (a name on top, contact line, headed sections,
 * one line per job with a date range) and says nothing rather than guessing when a layout is unusual.
 */
export interface Located<T> {
  value: T
  page: number
  line: number
}
export interface ExtractedPhone {
  e164: string
  /** libphonenumber's type where its metadata knows it: MOBILE, FIXED_LINE, VOIP, TOLL_FREE… */
  type: string | null
  country: string | null
  raw: string
}
export interface ExtractedUrl {
  url: string
  network: string
}
export interface ExtractedEmployment {
  company: string | null
  title: string | null
  start: string | null
  end: string | null
  current: boolean
  /** the lines under the job (what was done with what), up to 1,000 characters */
  details?: string
}
export interface ExtractedEducation {
  institution: string
  degree: string | null
  start: string | null
  end: string | null
}
export interface ResumeFields {
  name: Located<string> | null
  emails: Array<Located<string>>
  phones: Array<Located<ExtractedPhone>>
  urls: Array<Located<ExtractedUrl>>
  employers: Array<Located<ExtractedEmployment>>
  education: Array<Located<ExtractedEducation>>
  skills: Array<Located<string>>
  /** the longest career a summary line claims in words ("with 8 years building…"), when one does */
  claimedYears?: Located<ClaimedYears>
}

interface Line {
  text: string
  page: number
  line: number
  section: Section | null
}
type Section = 'experience' | 'education' | 'skills' | 'other'

const SECTION_HEADINGS: Array<[RegExp, Section]> = [
  [/^(work |professional |employment |career )?(experience|history|employment)( history)?$/i, 'experience'],
  [/^(work history|employment|career|positions held|relevant experience)$/i, 'experience'],
  [/^(education|academic background|qualifications|education and training|education & training)$/i, 'education'],
  [/^(skills|technical skills|core skills|key skills|technologies|tech stack|expertise|competencies|tools)$/i, 'skills'],
  [/^(summary|profile|about me|about|objective|projects|certifications|certificates|languages|references|interests|awards|publications|contact|personal details|volunteering)$/i, 'other'],
]

function headingOf(text: string): Section | null {
  const t = text.replace(/[:：]$/, '').trim()
  if (t.length > 40) return null
  for (const [re, section] of SECTION_HEADINGS) if (re.test(t)) return section
  return null
}

const MONTH = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?'
const YEAR = '(?:19|20)\\d{2}'
/** "Mar 2018", "Mar. 2018", "March 2018", "2018-03", "2018.03", "2018/03", "03/2018", "03.2018", "2018". */
const DATE = `(?:${MONTH},?\\s+${YEAR}|(?:i|ii|iii|iv|v|vi|vii|viii|ix|x|xi|xii)\\.\\s?${YEAR}|${MONTH}\\s*[’'‘]\\s?\\d{2}(?!\\d)|[Qq][1-4]\\s+${YEAR}|${YEAR}[-./]\\d{1,2}(?!\\d)|\\d{1,2}[/.]${YEAR}|${YEAR})(?![\\d.]\\d)`
const OPEN_END = '(?:present|current|now|today|date|ongoing)'
const RANGE_SEP = '(?:-|–|—|‒|―|−|~|to|until|till)'
// Groups: 1 start, 2 end; 3 a start alone ("since 2022"); 4 and 5 a year and its end in two digits ("2019–22").
const RANGE = new RegExp(`\\(?\\s*(${DATE})\\s*${RANGE_SEP}\\s*(${DATE}|${OPEN_END})\\b\\s*\\)?|\\b(?:since|from|seit|desde)\\s+(${DATE})\\b(?!\\s*${RANGE_SEP})|\\b(${YEAR})\\s*[-–]\\s*(\\d{2})(?![\\d.]\\d|\\s*(?:%|k\\b|people|engineers|users))`, 'i')
const RANGE_ALL = new RegExp(RANGE.source, 'gi')
const SINGLE_YEAR_END = new RegExp(`\\b(?<year>${YEAR})\\.?\\s*$`)
const OPEN_ONLY = new RegExp(`^${OPEN_END}$`, 'i')
const ROMAN_MONTH = ['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x', 'xi', 'xii']
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']

/** "Feb 2019", "02/2019", "2019-02", "2019.02", "02.2019" → "2019-02"; "2019" → "2019". */
export function normaliseDate(text: string): string | null {
  const t = text.trim().toLowerCase()
  const month = (y: string, m: string) => (Number(m) >= 1 && Number(m) <= 12 ? `${y}-${m.padStart(2, '0')}` : null)
  let m = /^(\d{4})[-./](\d{1,2})$/.exec(t)
  if (m) return month(m[1]!, m[2]!)
  m = /^(\d{1,2})[/.](\d{4})$/.exec(t)
  if (m) return month(m[2]!, m[1]!)
  // "Jul ’19": a year in two digits after an apostrophe, in this century unless that is still to come.
  m = /^([a-z]+)\.?\s*[’'‘]\s?(\d{2})$/.exec(t)
  if (m) {
    const idx = MONTHS.indexOf(m[1]!.slice(0, 3))
    const yy = Number(m[2])
    const year = 2000 + yy <= new Date().getUTCFullYear() + 1 ? 2000 + yy : 1900 + yy
    return idx >= 0 ? `${year}-${String(idx + 1).padStart(2, '0')}` : null
  }
  // "VIII.2020": the month in Roman numerals.
  m = /^([ivx]{1,4})\.\s?(\d{4})$/.exec(t)
  const roman = m ? ROMAN_MONTH.indexOf(m[1]!) + 1 : 0
  if (roman) return `${m![2]}-${String(roman).padStart(2, '0')}`
  // "Q3 2017" names no month: the year.
  m = /^q[1-4]\s+(\d{4})$/.exec(t)
  if (m) return m[1]!
  m = /^([a-z]+)\.?,?\s+(\d{4})$/.exec(t)
  if (m) {
    const idx = MONTHS.indexOf(m[1]!.slice(0, 3))
    return idx >= 0 ? `${m[2]}-${String(idx + 1).padStart(2, '0')}` : null
  }
  if (/^\d{4}$/.test(t)) return t
  return null
}

const TITLE_WORDS =
  /\b(engineer|developer|programmer|architect|manager|lead|head|director|consultant|analyst|designer|intern|scientist|administrator|specialist|devops|sre|cto|ceo|vp|founder|co-founder|officer|contractor|freelancer|technician|tester|qa|researcher|owner|principal|staff|associate|coordinator|advisor|expert|instructor|teacher)\b/i
const INSTITUTION_WORDS = /\b(university|universit[äéà]t?|universidad|college|institute|institut|school|academy|polytechnic|hochschule|école|ecole|bootcamp)\b/i
const DEGREE_WORDS = /\b(b\.?s\.?c?|b\.?a\.?|m\.?s\.?c?|m\.?a\.?|mba|ph\.?d|bachelor|master|doctor|diploma|degree|associate|certificate|meng|beng|bsc|msc)\b/i

const LOCAL_CHAR = /[A-Za-z0-9._%+-]/
const DOMAIN_CHAR = /[A-Za-z0-9.-]/
const EMAIL_SHAPE = /^[A-Za-z0-9._%+-]{1,64}@(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,24}$/

/**
 * Emails by scanning out from each "@" (linear time). A regex such as /[\w.]+@…/ backtracks
 * quadratically on a long run of letters with no "@": a hostile resume could stall the reader.
 */
export function emailsIn(text: string): string[] {
  const found: string[] = []
  let at = text.indexOf('@')
  while (at >= 0) {
    let start = at
    while (start > 0 && at - start < 64 && LOCAL_CHAR.test(text[start - 1]!)) start--
    let end = at + 1
    while (end < text.length && end - at < 255 && DOMAIN_CHAR.test(text[end]!)) end++
    const candidate = text.slice(start, end).replace(/^[.]+|[.-]+$/g, '')
    if (EMAIL_SHAPE.test(candidate)) found.push(candidate)
    at = text.indexOf('@', at + 1)
  }
  return found
}
const NETWORK_HOSTS: Array<[RegExp, string]> = [
  [/(^|\.)github\.com$/, 'github'],
  [/(^|\.)linkedin\.com$/, 'linkedin'],
  [/(^|\.)gitlab\.com$/, 'gitlab'],
  [/(^|\.)bitbucket\.org$/, 'bitbucket'],
  [/(^|\.)upwork\.com$/, 'upwork'],
  [/(^|\.)freelancer\.com$/, 'freelancer'],
  [/(^|\.)fiverr\.com$/, 'fiverr'],
  [/(^|\.)toptal\.com$/, 'toptal'],
  [/(^|\.)guru\.com$/, 'guru'],
  [/(^|\.)peopleperhour\.com$/, 'peopleperhour'],
  [/(^|\.)stackoverflow\.com$/, 'stackoverflow'],
  [/(^|\.)kaggle\.com$/, 'kaggle'],
  [/(^|\.)behance\.net$/, 'behance'],
  [/(^|\.)dribbble\.com$/, 'dribbble'],
  [/(^|\.)(twitter|x)\.com$/, 'x'],
  [/(^|\.)medium\.com$/, 'medium'],
  [/(^|\.)t\.me$/, 'telegram'],
]
const KNOWN_HOSTS = 'github\\.com|linkedin\\.com|gitlab\\.com|bitbucket\\.org|upwork\\.com|freelancer\\.com|fiverr\\.com|toptal\\.com|guru\\.com|peopleperhour\\.com|stackoverflow\\.com|kaggle\\.com|behance\\.net|dribbble\\.com|twitter\\.com|x\\.com|medium\\.com|t\\.me'
// No open-ended subdomain group before the known hosts: it would backtrack on long hyphenated runs.
const URL_RE = new RegExp(`(?<![@\\w.-])(?:https?://[^\\s<>"'|,;)]+|www\\.[^\\s<>"'|,;)]+|(?:[a-z]{2,3}\\.)?(?:${KNOWN_HOSTS})/[^\\s<>"'|,;)]*)`, 'gi')

export function classifyUrl(url: string): string {
  try {
    const host = new URL(url).hostname.toLowerCase()
    for (const [re, network] of NETWORK_HOSTS) if (re.test(host)) return network
  } catch {
    /* not a URL after all */
  }
  return 'website'
}

const PHONE_CANDIDATE = /(?:(?:\+|00)\d{1,3}[\s.-]?)?(?:\(\d{1,4}\)[\s.-]?)?\d[\d\s.-]{5,18}\d/g
const NANP = /^\(?\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}$/

/** One phone number as typed → E.164 with its type, or null when it is not a valid number. */
export function normalisePhone(raw: string, defaultCountry?: string | null): ExtractedPhone | null {
  const trimmed = raw.trim().replace(/^00/, '+')
  const parsed = parsePhoneNumberFromString(trimmed, trimmed.startsWith('+') ? undefined : ((defaultCountry ?? undefined) as CountryCode | undefined))
  if (!parsed?.isValid()) return null
  return { e164: parsed.number, type: parsed.getType() ?? null, country: parsed.country ?? null, raw: raw.trim() }
}

function phonesIn(text: string, defaultCountry: CountryCode | undefined): ExtractedPhone[] {
  const found: ExtractedPhone[] = []
  for (const match of text.matchAll(PHONE_CANDIDATE)) {
    const raw = match[0].trim()
    const international = raw.startsWith('+') || raw.startsWith('00')
    // Without a country code we only read numbers in a country's own well-known layout.
    const country = international ? undefined : defaultCountry ?? (NANP.test(raw) ? 'US' : undefined)
    if (!international && !country) continue
    const parsed = parsePhoneNumberFromString(raw.replace(/^00/, '+'), country)
    if (!parsed?.isValid()) continue
    found.push({ e164: parsed.number, type: parsed.getType() ?? null, country: parsed.country ?? null, raw })
  }
  return found
}

const NAME_PARTICLES = new Set(['de', 'del', 'della', 'dela', 'delos', 'der', 'van', 'von', 'da', 'di', 'du', 'la', 'le', 'bin', 'binti', 'al', 'el', 'dos', 'das', 'ter', 'ten', 'y'])

function looksLikeName(text: string): boolean {
  const t = text.trim()
  if (t.length < 3 || t.length > 70 || /[\d@/\\|:;]/.test(t) || headingOf(t)) return false
  if (/^(resume|résumé|curriculum vitae|cv)$/i.test(t)) return false
  const words = t.split(/\s+/)
  if (words.length < 2 || words.length > 5) return false
  if (TITLE_WORDS.test(t)) return false
  return words.every(w => NAME_PARTICLES.has(w.toLowerCase()) || /^\p{Lu}[\p{L}'’.-]*$/u.test(w))
}

/**
 * A comma before a legal form is part of the company's name ("Silverstar Co., Ltd."), not a separator; unless
 * the legal form opens a quoted name, as Russian and Ukrainian firms write theirs (LLC "ALIS").
 */
const LEGAL_COMMA = /,(?=\s*(?:ltd|llc|inc|co|corp|gmbh|s\.?a|s\.?r\.?l|plc|pte|pty|limited|b\.?v|ag|oy|ab)\b\.?(?!\s*["“«„']))/gi
const PROTECTED_COMMA = '\u0000'

/**
 * One line naming a job, its dates taken out → title and company, in either order: "Title at Company",
 * "Title, Company", "Company — Title", "Company / Title", "Title | Company". The side with a job-title word
 * is the title; when neither or both have one, the first is the title.
 */
export function splitTitleCompany(text: string): { title: string | null; company: string | null } {
  const rest = text.replace(/^[\s,|/–—-]+|[\s,|/–—:-]+$/g, '').replace(/\s+/g, ' ').trim()
  if (!rest) return { title: null, company: null }
  const at = /^(.+?)\s+(?:at|@)\s+(.+)$/i.exec(rest)
  if (at && !/[|]/.test(at[2]!)) return { title: at[1]!.trim(), company: at[2]!.trim() }
  const guarded = rest.replace(LEGAL_COMMA, PROTECTED_COMMA)
  const restore = (t: string) => t.split(PROTECTED_COMMA).join(',').trim()
  for (const sep of [' | ', ' / ', ' — ', ' – ', ' - ', ', ', ' · ', ' • ', ' : ', ': ']) {
    const i = guarded.indexOf(sep)
    if (i <= 0) continue
    const a = restore(guarded.slice(0, i))
    const b = restore(guarded.slice(i + sep.length)).replace(/^[\s|/–—-]+/, '')
    if (!b) continue
    const aTitle = TITLE_WORDS.test(a)
    const bTitle = TITLE_WORDS.test(b)
    if (bTitle && !aTitle) return { title: b, company: a }
    return { title: a, company: b }
  }
  return TITLE_WORDS.test(rest) ? { title: rest, company: null } : { title: null, company: rest }
}

/** A form's labels (Europass and the like): a row's label, then " | " or ":" and its value. */
const DATES_LABEL = /^(?:dates?|period|duration|from\s*[-–]\s*to)\s*[|:]?$/i
const FORM_TITLE = /^(?:occupation or position held|position held|position|job title|title|role|occupation|designation)\s*(?:\||:)\s*(.+)$/i
const FORM_COMPANY = /^(?:name and address of (?:the )?employer|name of (?:the )?employer|employer|company|organi[sz]ation)\s*(?:\||:)\s*(.+)$/i

/** A title or company with the separators left around it by the dates taken out ("Senior Engineer ·"). */
function cleanJobPart(text: string | null): string | null {
  const t = text?.replace(/^[\s|/·•–—,:-]+|[\s|/·•–—,:-]+$/g, '').trim()
  return t ? t : null
}

/**
 * A title read together with what a layout put beside it: the place printed at the end of the company's
 * line ("Bogotá, Colombia Senior Backend Engineer"), or the description that follows in one cell
 * ("Full-Stack Developer Delivered Angular and Java EE applications…").
 */
function titleOnly(title: string | null): string | null {
  if (!title) return title
  // "Lead Cloud Engineer | Lagos": a place printed after the title, across a tab stop.
  const bar = title.split(/\s+\|\s+/)
  if (bar.length > 1 && bar.slice(1).every(part => /^\p{Lu}[\p{L}'’.-]*(?:[\s,]+\p{Lu}[\p{L}'’.-]*){0,3}$/u.test(part) && !TITLE_WORDS.test(part))) title = bar[0]!
  let words = title.split(' ')
  // "City, Country Title": a known country after the comma, a title after the country.
  const comma = words.findIndex(w => w.endsWith(','))
  if (comma >= 0 && comma < 3 && words.slice(0, comma + 1).every(w => /^\p{Lu}/u.test(w))) {
    for (const k of [3, 2, 1]) {
      const country = words.slice(comma + 1, comma + 1 + k).join(' ')
      const rest = words.slice(comma + 1 + k)
      if (rest.length && countryNamed(country) !== null && TITLE_WORDS.test(rest.join(' '))) {
        words = rest
        break
      }
    }
  }
  if (words.length > 6 && /[.!]$/.test(title)) {
    // The title ends at its last title word when a sentence starts right after it.
    const last = words.findIndex((w, i) => TITLE_WORDS.test(w) && /^\p{Lu}\p{Ll}[\p{Ll}-]*$/u.test(words[i + 1] ?? '') && !TITLE_WORDS.test(words[i + 1] ?? ''))
    if (last >= 0 && last < 6) words = words.slice(0, last + 1)
  }
  return words.join(' ')
}

/**
 * A place's name: up to four capitalised words, a little word between two of them ("Ciudad de México",
 * "Frankfurt am Main"), a region or country after a comma.
 */
const PLACE = String.raw`\p{Lu}[\p{L}'’.-]*(?:[ ,]+(?:(?:de|del|da|do|dos|la|el|am|an|der|sur|upon|on)\s+)?\p{Lu}[\p{L}'’.-]*){0,3}`
const PLACE_ALONE = new RegExp(`^${PLACE}$`, 'u')
const PLACE_AFTER_DASH = new RegExp(`\\s+[·•—–]\\s+${PLACE}$`, 'u')
const PLACE_AFTER_COMMA = new RegExp(String.raw`^(.*\S),\s+(\p{Lu}[\p{L}'’.-]*(?:\s+(?:(?:de|del|da|do|dos|la|el|am|an|der)\s+)?\p{Lu}[\p{L}'’.-]*){0,3})$`, 'u')

/** A place written after the company ("Kora Logistics · Lagos", "Tekton Labs LLC (Medellín)") is not part of its name. */
function withoutPlace(company: string | null): string | null {
  if (!company) return company
  // "Sao Mai Digital JSC | Hanoi": a line of "Title | Company | City | dates" leaves the place after a bar.
  const bar = company.split(/\s+\|\s+/)
  if (bar.length > 1 && bar.slice(1).every(part => PLACE_ALONE.test(part) && !part.split(/\s+/).some(w => LEGAL_FORM_WORD.test(w)))) company = bar[0]!
  const t = company.replace(PLACE_AFTER_DASH, '').replace(/\s*\((?:\p{Lu}[\p{L}'’.-]*)(?:[ ,]+\p{Lu}[\p{L}'’.-]*){0,3}\)$/u, '')
  // "Kanvas Analytics Pvt. Ltd., Bengaluru", "Lumenstack Inc., Remote": a place after a comma, never a legal form.
  const comma = PLACE_AFTER_COMMA.exec(t.trim())
  if (comma && comma[1]!.split(/\s+/).length >= 2 && !LEGAL_FORM_WORD.test(comma[2]!)) return comma[1]!
  return t.trim() || company
}
/**
 * "Savannah Pay Ltd — Nairobi |": a company (a legal form names it) and its place after a dash, no title.
 * The company, or null.
 */
function companyAtPlace(text: string): { title: null; company: string } | null {
  const m = /^(.+?)\s+[—–·•-]\s+([^|]+?)[\s|]*$/u.exec(text.trim())
  if (!m || !LEGAL_FORM_IN.test(m[1]!) || TITLE_WORDS.test(m[2]!) || LEGAL_FORM_IN.test(m[2]!)) return null
  return PLACE_ALONE.test(m[2]!.trim()) ? { title: null, company: m[1]!.trim() } : null
}

/**
 * An entry of a numbered list written as sentences ("1. Senior Data Engineer. Kanvas Analytics Pvt. Ltd.,
 * Bengaluru. Apr. 2022 – present."): its parts, joined by " | ", the list number and full stops set aside;
 * a legal form's or a single letter's full stop does not end a part. Other text as it was.
 */
function numberedParts(text: string): string {
  const m = /^\s*\d{1,2}[.)]\s+(.+)$/.exec(text)
  if (!m) return text
  const pieces = m[1]!.split(/(?<=\.)\s+/)
  const parts: string[] = []
  for (const piece of pieces) {
    const last = parts[parts.length - 1]
    if (last !== undefined && /(?:\b\p{L}|\b(?:pvt|ltd|inc|co|corp|sdn|bhd|pte|pty|ltda|jr|sr|st|dr|no|bros|mfg|intl))\.$/iu.test(last)) parts[parts.length - 1] = `${last} ${piece}`
    else parts.push(piece)
  }
  const cleaned = parts.map(p => p.replace(/\.$/, '').trim()).filter(p => p && p !== '.')
  return cleaned.length >= 2 ? cleaned.join(' | ') : text
}

/**
 * "Kora Logistics, Lagos, Nigeria |" with the dates taken out: the place after the company, ended by a
 * country, is not a title to split off. The text without it, or as it was.
 */
function withoutTrailingPlace(text: string): string {
  const m = /^(.+?),\s*(?:(\p{Lu}[\p{L}'’. -]{1,30}),\s*)?(\p{Lu}[\p{L}'’. -]{1,30}?)[\s|·•–—-]*$/u.exec(text.trim())
  if (!m || !m[1]!.trim() || TITLE_WORDS.test(`${m[2] ?? ''} ${m[3]}`)) return text
  const known = countryNamed(m[3]!.trim())
  return known && known !== 'ambiguous' ? m[1]! : text
}

/** A legal form anywhere in a line: it names a company, whatever title word it holds ("Lagoon Energy PLC"). */
const LEGAL_FORM_IN = /\b(?:inc|ltd|llc|llp|plc|gmbh|s\.a|s\.a\.b|sas|srl|s\.r\.l|bv|b\.v|n\.v|pte|pty|corp|corporation|limited|sdn|bhd|pvt|ltda|jsc|ooo|k\.k|kk|tbk|ag|oy|s\.p\.a|c\.v)\b\.?|\bco\.,? ltd\b|\bsp\. z o\.o\.|\ba\.ş\./iu
const LEGAL_FORM_WORD = /^(?:inc|ltd|llc|llp|lp|plc|gmbh|ag|sa|s\.a|s\.a\.s|sas|srl|s\.r\.l|bv|b\.v|nv|n\.v|oy|ab|as|a\/s|aps|kk|pte|pty|co|corp|corporation|company|limited|incorporated|sdn|bhd|pvt|spa|s\.p\.a|sp|kft|zrt|doo|d\.o\.o|ou|oü|jsc|pjsc|ooo)\b/i

/** A finished sentence (a description), not a legal form's abbreviation ("… Co."). */
const endsSentence = (text: string | undefined) => !!text && /[.!?]$/.test(text) && !/\b(?:ltd|ltda|inc|co|corp|llc|plc|s\.a|b\.v|o\.o|c\.v|s\.r\.l|s\.p\.a|pvt|bhd|sdn|jsc)\.$/i.test(text)

/** A bare domain under a common top-level domain, in contact lines: "adaeze.dev", "wasowicz.pl/en". */
const BARE_DOMAIN = /(?<![@\w./-])(?:[a-z0-9][a-z0-9-]*\.)+(?:com|net|org|io|dev|me|co|app|page|site|tech|info|pl|de|uk|fr|es|it|nl|pt|br|mx|ar|cl|ng|za|ke|in|pk|ru|ua|ro|cz|se|no|fi|dk|ca|au|nz|jp|kr|cn|sg)\b(?:\/[^\s<>"'|,;)]*)?(?![\w@-])/gi

/** The words before a job title written after a name on one line ("Adaeze Okonkwo-Balogun Staff Software Engineer"). */
function beforeTitle(text: string): string {
  const words = text.trim().split(/\s+/)
  const at = words.findIndex(w => TITLE_WORDS.test(w) || /^(senior|junior|lead|chief|head|full-stack|backend|frontend|software|data|platform)$/i.test(w))
  return at >= 2 ? words.slice(0, at).join(' ') : ''
}

const URL_AT_END = /(?:https?:\/\/|www\.|(?:github|linkedin|gitlab|upwork)\.com)\S*$/i
const URL_CONTINUES = /^[/?#=&_]\S*/

/**
 * PDF layout wraps long lines, and a URL at the end of a line is often cut ("…linkedin.com/in" then
 * "/dana-204"). Join such a line with the next when the next begins as a URL path continues. The
 * continuation line is left empty, so line numbers still point at the page as printed.
 */
export function joinWrappedUrls(lines: string[]): string[] {
  const out = [...lines]
  let i = 0
  for (let j = 1; j < out.length; j++) {
    const here = out[i]!.trimEnd()
    const next = out[j]!.trimStart()
    // Not a line that starts an address of its own ("https://mfrios.io/" over "linkedin.com/in/…").
    const cutAfterSeparator = /[/=_.-]$/.test(here) && /^[\w.~%/-]+$/.test(next) && !headingOf(next) && !(here.endsWith('/') && /^(?:[a-z0-9-]+\.)+[a-z]{2,}\//i.test(next))
    if (URL_AT_END.test(here) && (URL_CONTINUES.test(next) || cutAfterSeparator)) {
      const token = /^\S+/.exec(next)![0]
      out[i] = here + token
      out[j] = next.slice(token.length)
      // Wrapped twice: the line after the emptied one may continue the URL too.
      if (!out[j]!.trim()) continue
    }
    i = j
  }
  return out
}

const EMAIL_CUT = /[A-Za-z0-9._%+-]+@(?:[A-Za-z0-9-]+\.)*[A-Za-z0-9-]*[.@-]?$/
const DOMAIN_CONTINUES = /^(?:[A-Za-z0-9-]+\.)*[A-Za-z0-9-]+\.[A-Za-z]{2,24}\b/
const LOCAL_CUT = /(?:^|\s)[A-Za-z0-9%+-]+(?:[._][A-Za-z0-9%+-]+)*[._-]$/
const WRAP_WINDOW = 320
const DATE_OPEN = new RegExp(`${DATE}\\s*${RANGE_SEP}$`, 'i')
const DATE_START = new RegExp(`^(?:${DATE}|${OPEN_END})\\b`, 'i')
const DATE_CUT = new RegExp(`${DATE}\\s*${RANGE_SEP}\\s*${MONTH}$`, 'i')

/**
 * Narrow columns wrap an email after "@", a dot or a hyphen ("john.smith@exam-" / "ple.com"), or a date
 * range before its year ("May 2014 — December" / "2016"). Such a line is joined with the start of the next;
 * a hyphen at the cut is taken for a hyphenation and dropped. What is left of the next line stays on it.
 */
export function joinWrappedContacts(lines: string[]): string[] {
  const out = [...lines]
  for (let i = 0; i < out.length - 1; i++) {
    // Only a line's end and the next line's start are looked at: patterns anchored at the end of a
    // long line would otherwise be tried from every position in it.
    const here = out[i]!.trimEnd()
    const tail = here.slice(-WRAP_WINDOW)
    const next = out[i + 1]!.trimStart().slice(0, WRAP_WINDOW)
    const rest = out[i + 1]!.trimStart().slice(WRAP_WINDOW)
    const email = EMAIL_CUT.exec(tail)
    const cutEmail = email && !EMAIL_SHAPE.test(email[0]) ? (email[0].endsWith('.') ? /^(?:[A-Za-z0-9-]+\.)*[A-Za-z]{2,24}\b/ : DOMAIN_CONTINUES).exec(next) : null
    if (cutEmail) {
      out[i] = here.replace(/-$/, '') + cutEmail[0]
      out[i + 1] = next.slice(cutEmail[0].length) + rest
      continue
    }
    const local = LOCAL_CUT.test(tail) ? /^[A-Za-z0-9._%+-]*@(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,24}\b/.exec(next) : null
    if (local) {
      out[i] = here + local[0]
      out[i + 1] = next.slice(local[0].length) + rest
      continue
    }
    const year = DATE_CUT.test(tail) ? /^(?:19|20)\d{2}\b/.exec(next) : DATE_OPEN.test(tail) ? DATE_START.exec(next) : null
    if (year) {
      out[i] = `${here} ${year[0]}`
      out[i + 1] = next.slice(year[0].length).replace(/^\s*\|\s*/, '') + rest
    }
  }
  return out
}

const BULLET = /^[•·▪‣◦*●■➢►✓\uf000-\uf0ff-]\s*/u
/** A job's length as printed beside its dates: "(4 years 10 months)", "2 yrs 3 mos", "(9 months)". */
const DURATION = /[·•]?\s*\(?\b\d{1,2}\s*(?:years?|yrs?)(?:\s*,?\s*\d{1,2}\s*(?:months?|mos?))?\b\)?|[·•]?\s*\(?\b\d{1,2}\s*(?:months?|mos?)\b\)?/gi
const MAX_LINE = 2000

/** The country of a "City, Country" or "Address: …, Country" line above the first section: or undefined. */
function headerCountry(lines: Line[]): CountryCode | undefined {
  for (const l of lines.slice(0, 20)) {
    if (l.section === 'experience' || l.section === 'education' || l.section === 'skills') break
    for (const part of l.text.replace(/^(?:address|location|based in|residence)\s*[:：]\s*\|?\s*/i, '').split(/\s+[|•·]\s+/)) {
      const m = /^\p{Lu}[\p{L}'’. -]{1,40},\s*(\p{Lu}[\p{L}'’. -]{1,40})$/u.exec(part.trim())
      const known = m ? countryNamed(m[1]!.trim()) : null
      if (known && known !== 'ambiguous') return known as CountryCode
    }
  }
  return undefined
}

const runningKey = (line: string) => line.replace(/\d+/g, '#').replace(/\s+/g, ' ').trim().toLowerCase()
/** Lines among the first and last two of a page that stand there on two pages or more. */
function runningLines(pages: string[]): Set<string> {
  if (pages.length < 2) return new Set()
  const counts = new Map<string, number>()
  for (const page of pages) {
    const lines = page.split(/\r?\n/).filter(l => l.trim())
    for (const key of new Set([...lines.slice(0, 2), ...lines.slice(-2)].map(runningKey))) if (key.length > 3) counts.set(key, (counts.get(key) ?? 0) + 1)
  }
  return new Set([...counts].filter(([, n]) => n >= 2).map(([k]) => k))
}

export function extractResumeFields(pages: string[], options: { defaultCountry?: CountryCode } = {}): ResumeFields {
  const lines: Line[] = []
  let section: Section | null = null
  // A running header or footer ("Selin Aydoğan — Curriculum Vitae", "Page 1 of 2") repeats on every page: past
  // the first page it is not part of what it interrupts (a job broken over the page).
  const running = runningLines(pages)
  pages.forEach((pageText, p) => {
    joinWrappedUrls(joinWrappedContacts(pageText.split(/\r?\n/))).forEach((raw, i) => {
      if ((p > 0 && running.has(runningKey(raw))) || /^\s*page \d+ (?:of|\/) \d+\s*$/i.test(raw)) return
      // No resume line is this long; cutting it bounds the work any pattern can do on hostile text.
      // Headings set in spaced capitals ("E X P E R I E N C E") are words.
      const text = raw
        .slice(0, MAX_LINE)
        .replace(/\s+/g, ' ')
        .trim()
        .replace(/(?<![\p{L}\p{N}])\p{Lu}{1,2}(?: \p{Lu}{1,2}){3,}(?![\p{L}\p{N}])/gu, m => (m.split(' ').filter(w => w.length === 1).length >= 3 ? m.replace(/ /g, '') : m))
      if (!text || /^-- \d+ of \d+ --$/.test(text)) return
      const heading = headingOf(text)
      if (heading) section = heading
      lines.push({ text, page: p + 1, line: i + 1, section: heading ? null : section })
    })
  })
  const at = (l: Line) => ({ page: l.page, line: l.line })

  const fields: ResumeFields = { name: null, emails: [], phones: [], urls: [], employers: [], education: [], skills: [] }
  const seen = { emails: new Set<string>(), phones: new Set<string>(), urls: new Set<string>() }

  // Name: a "Name:" label, or the first name-shaped line (or its first segment) near the top.
  for (const [n, l] of lines.slice(0, 8).entries()) {
    // The name sits above the first section: a line under "Experience" is a job, even if name-shaped. A
    // summary's heading read first (a heading drawn above the name) does not end the search.
    const heading = headingOf(l.text)
    // A form's "Personal details" table holds the name ("Name: | …"): it does not end the search.
    const personal = /^personal (?:details|information|data)$/i.test(l.text.replace(/[:：]$/, '').trim())
    if (!personal && ((heading && !(heading === 'other' && n === 0)) || (l.section && l.section !== 'other') || (l.section === 'other' && n > 1 && !/^(?:full )?name\s*[:：]/i.test(l.text)))) break
    if (heading) continue
    const labelled = /^(?:full )?name\s*[:：]\s*(?:\|\s*)?(.+)$/i.exec(l.text)
    // Each part of a header line ("CURRICULUM VITAE | Adaeze Okonkwo-Balogun Staff Software Engineer"), and
    // a part without the job title written after the name.
    // (Only a later part: a line that begins "Smart Contract Developer | …" is a title, and no name.)
    const parts = labelled ? [labelled[1]!] : l.text.split(/\s+[|•·–—]\s+/).flatMap((part, k) => (k === 0 ? [part] : [part, beforeTitle(part)]))
    const candidate = parts.find(part => part && looksLikeName(part))
    if (candidate) {
      fields.name = { value: candidate.trim(), ...at(l) }
      break
    }
  }

  if (!fields.name) {
    // A sidebar read first puts the main column's header further down: a name-shaped line with a job title
    // right below it ("Camila Andrea Restrepo Gaviria" / "Senior Backend Engineer"), outside the jobs.
    for (let i = 0; i + 1 < Math.min(lines.length, 60); i++) {
      const [l, next] = [lines[i]!, lines[i + 1]!]
      if (l.section === 'experience' || headingOf(l.text) || INSTITUTION_WORDS.test(l.text)) continue
      if (looksLikeName(l.text) && TITLE_WORDS.test(next.text) && next.text.split(' ').length <= 6 && !RANGE.test(next.text)) {
        fields.name = { value: l.text, ...at(l) }
        break
      }
    }
  }
  if (!fields.name) {
    // A narrow box wraps a name over two lines ("Pässi" / "Villanen").
    const top = lines.slice(0, 8)
    for (let i = 0; i + 1 < top.length && !top[i]!.section && !top[i + 1]!.section; i++) {
      const joined = `${top[i]!.text} ${top[i + 1]!.text}`
      if (!/\s/.test(top[i]!.text) && looksLikeName(joined) && !headingOf(top[i + 1]!.text)) {
        fields.name = { value: joined, ...at(top[i]!) }
        break
      }
    }
  }

  // A number written in national form ("0912 847 305") is read in the country the header gives ("Hanoi,
  // Vietnam", "Address: | Lagos, Nigeria"), when the caller gave none.
  const homeCountry = options.defaultCountry ?? headerCountry(lines)
  for (const l of lines) {
    const lineEmails = emailsIn(l.text)
    for (const found of lineEmails) {
      const email = found.toLowerCase()
      if (!seen.emails.has(email)) {
        seen.emails.add(email)
        fields.emails.push({ value: email, ...at(l) })
      }
    }
    const withoutEmails = lineEmails.reduce((t, e) => t.split(e).join(' '), l.text)
    // A personal site written as a bare domain ("adaeze.dev") is read in the contact lines only, where
    // "Node.js" or "ASP.NET" do not stand.
    // A labelled one ("Website: x.site") is the facts' own to read (buildFacts.ts), as written.
    // A line with an address on it is a contact line, labels and all ("Email: … · Web: ananya.dev").
    const contactLine = lineEmails.length > 0 || ((l.section === null || l.section === 'other') && !/\b(?:website|web|site|portfolio|url|homepage|blog)\s*[:：]/i.test(l.text))
    // A form's "Website: | thuha.dev" row: the value after the label, in the details at the top.
    const labelledSite = l.section === null || l.section === 'other' ? /^(?:website|web ?site|personal site|homepage|portfolio|blog)\s*[:：]\s*\|?\s*(\S+)$/i.exec(l.text)?.[1] : undefined
    // A line that is a bare domain and nothing else, outside the skills ("ONLINE" / "selinaydogan.com" in a sidebar).
    const domainAlone = l.section !== 'skills' && /^(?:[a-z0-9][a-z0-9-]*\.)+[a-z]{2,}(?:\/\S*)?$/.test(l.text) ? l.text : undefined
    const bareSource = contactLine ? withoutEmails : (labelledSite ?? domainAlone)
    const bare = bareSource ? [...bareSource.matchAll(BARE_DOMAIN)].map(m => m[0]) : []
    for (const m of [...withoutEmails.matchAll(URL_RE), ...bare.map(b => [b] as unknown as RegExpMatchArray)]) {
      let url = m[0].replace(/[.)\]]+$/, '')
      if (!/^https?:\/\//i.test(url)) url = `https://${url}`
      try {
        url = new URL(url).toString().replace(/\/$/, '')
      } catch {
        continue
      }
      if (!seen.urls.has(url.toLowerCase())) {
        seen.urls.add(url.toLowerCase())
        fields.urls.push({ value: { url, network: classifyUrl(url) }, ...at(l) })
      }
    }
    // Dates and ranges look like digit runs; take phones from what is left.
    // "(+57) 310 555 0142": the country code in brackets is still the country code.
    const phoneText = withoutEmails.replace(URL_RE, ' ').replace(RANGE_ALL, ' ').replace(/\(\s*(\+\d{1,4})\s*\)/g, '$1')
    for (const phone of phonesIn(phoneText, homeCountry)) {
      if (!seen.phones.has(phone.e164)) {
        seen.phones.add(phone.e164)
        fields.phones.push({ value: phone, ...at(l) })
      }
    }
  }

  const hasSections = lines.some(l => l.section !== null)
  let lastJob: ExtractedEmployment | null = null
  /** whether each job's dates stand above it (decided at the first dates standing alone) */
  let datesFirst: boolean | null = null
  /** lines already read as part of a job */
  const used = new Set<number>()
  /** Can line k hold a job's title or company, for the dates on line l? */
  const jobPart = (k: number, l: Line) => {
    const p = lines[k]
    if (!p || used.has(k) || p.section !== l.section || BULLET.test(p.text) || RANGE.test(p.text) || p.text.length > 90) return false
    if (/@|https?:|www\./i.test(p.text)) return false
    // A sentence is a description, not a company (a legal form's abbreviation does not end a sentence).
    return !((endsSentence(p.text) || p.text.endsWith(':')) && p.text.split(' ').length > 6)
  }
  lines.forEach((l, index) => {
    if (lastJob && (l.section !== 'experience' && hasSections)) lastJob = null
    if (lastJob && BULLET.test(l.text)) {
      const text = l.text.replace(BULLET, '').trim()
      lastJob.details = `${lastJob.details ? `${lastJob.details} ` : ''}${text}`.slice(0, 1000)
    }
    const inExperience = l.section === 'experience' || (!hasSections && !INSTITUTION_WORDS.test(l.text))
    // A numbered entry ending in one year ("5. Intern. Ege Yazılım A.Ş., İzmir. 2014."): a job within that year.
    const range = RANGE.exec(l.text) ?? (inExperience && /^\d{1,2}[.)]\s/.test(l.text) ? SINGLE_YEAR_END.exec(l.text) : null)
    if (range && inExperience && !BULLET.test(l.text)) {
      // "since 05/2022" has a start and no end: a job still held.
      const start = normaliseDate(range[1] ?? range[3] ?? range[4] ?? range.groups!.year!)
      const endRaw = range[2] ?? (range[5] ? `${range[4]!.slice(0, 2)}${range[5]}` : range.groups?.year ?? 'present')
      const current = OPEN_ONLY.test(endRaw)
      const end = current ? null : normaliseDate(endRaw)
      // "March 2022 - Present (4 years 10 months)": how long, as LinkedIn prints it, is neither title nor company.
      const rest = l.text.replace(range[0], ' ').replace(DURATION, ' ').replace(/\(\s*\)/g, '')
      const labelledForm = DATES_LABEL.test(rest.trim())
      let { title, company } = labelledForm ? { title: null, company: null } : (companyAtPlace(rest) ?? splitTitleCompany(withoutTrailingPlace(numberedParts(rest))))
      used.add(index)
      const take = (k: number) => {
        used.add(k)
        return lines[k]!.text
      }
      if (labelledForm) {
        // A form's rows ("Dates | …", then "Occupation or position held | …", "Name and address of employer | …"):
        // the job's labelled parts follow its dates, up to the next dates.
        for (let k = index + 1; k < Math.min(lines.length, index + 8) && !RANGE.test(lines[k]!.text) && lines[k]!.section === l.section; k++) {
          const t = FORM_TITLE.exec(lines[k]!.text)
          const c = FORM_COMPANY.exec(lines[k]!.text)
          if (t && !title) {
            take(k)
            title = t[1]!.trim()
          }
          if (c && !company) {
            take(k)
            company = c[1]!.trim()
          }
        }
      }
      // Dates that head their job ("2023.02 – present" / "Lead Cloud Engineer" / "Kestrel Payments Ltd, Lagos"): a
      // layout whose first dates stand right under the section's heading puts each job below its dates.
      if (!title && !company && datesFirst === null && l.section === 'experience' && !rest.trim()) datesFirst = !jobPart(index - 1, l) && jobPart(index + 1, l)
      if (!title && !company && datesFirst && !rest.trim() && jobPart(index + 1, l)) {
        const below = [index + 1, index + 2].filter((k, n) => jobPart(k, l) && (n === 0 || jobPart(index + 1, l)))
        for (const k of below) {
          const text = take(k)
          const labelledTitle = FORM_TITLE.exec(text)
          const labelledCompany = FORM_COMPANY.exec(text)
          if (labelledTitle && !title) title = labelledTitle[1]!.trim()
          else if (labelledCompany && !company) company = labelledCompany[1]!.trim()
          else if (!title && TITLE_WORDS.test(text) && !LEGAL_FORM_IN.test(text)) title = text
          else if (!company) company = text
          else if (!title) title = text
        }
      }
      if (!title && !company && jobPart(index - 1, l)) {
        // The dates stand on their own line: the job is on the line above ("Title — Company") or the two above.
        const one = splitTitleCompany(lines[index - 1]!.text)
        // "Company · City" below its title: the line splits, but neither half is a title and the title is above it.
        const titleAbove = one.title && one.company && !TITLE_WORDS.test(lines[index - 1]!.text) && jobPart(index - 2, l) && TITLE_WORDS.test(lines[index - 2]!.text)
        if (one.title && one.company && !titleAbove) {
          take(index - 1)
          ;({ title, company } = one)
        } else if (jobPart(index - 2, l) && !(endsSentence(lines[index - 2]?.text) && jobPart(index + 1, l))) {
          const b = take(index - 1)
          const a = take(index - 2)
          ;({ title, company } = TITLE_WORDS.test(a) && !TITLE_WORDS.test(b) ? { title: a, company: b } : { title: b, company: a })
        } else ({ title, company } = splitTitleCompany(take(index - 1)))
      }
      if (!title !== !company) {
        // Half the job is on this line ("Title | dates"); the other half is the line above or below it.
        // A sentence above is the last job's description; the half below it is this job's.
        const k = jobPart(index - 1, l) && !(endsSentence(lines[index - 1]?.text) && jobPart(index + 1, l)) ? index - 1 : jobPart(index + 1, l) ? index + 1 : -1
        if (k >= 0) {
          const other = lines[k]!.text
          if (!company && !(TITLE_WORDS.test(other) && !TITLE_WORDS.test(title!))) company = take(k)
          else if (!title && TITLE_WORDS.test(other)) title = take(k)
        }
      }
      title = titleOnly(cleanJobPart(title))
      company = withoutPlace(cleanJobPart(company))
      if (company || title) {
        lastJob = { company, title, start, end, current }
        fields.employers.push({ value: lastJob, ...at(l) })
      }
    }
    if (l.section === 'education' && INSTITUTION_WORDS.test(l.text)) {
      const eduRange = RANGE.exec(l.text)
      const single = eduRange ? null : /\b(19|20)\d{2}\b/.exec(l.text)
      const rest = l.text.replace(eduRange?.[0] ?? single?.[0] ?? '', ' ').replace(/\(\s*\)/g, '')
      const parts = rest.split(/\s*(?:,|\||—|–| - | at )\s*/).map(s => s.trim()).filter(Boolean)
      const institution = parts.find(p => INSTITUTION_WORDS.test(p)) ?? rest.trim()
      const degree = parts.find(p => p !== institution && DEGREE_WORDS.test(p)) ?? parts.find(p => p !== institution) ?? null
      fields.education.push({
        value: {
          institution,
          degree,
          start: eduRange ? normaliseDate(eduRange[1] ?? eduRange[3] ?? eduRange[4]!) : null,
          end: eduRange?.[2] ? normaliseDate(eduRange[2]) : eduRange?.[5] ? `${eduRange[4]!.slice(0, 2)}${eduRange[5]}` : single ? single[0] : null,
        },
        ...at(l),
      })
    }
    // A career length claimed in words, read outside the dated sections (the summary, or above any heading).
    if (l.section === null || l.section === 'other') {
      const claim = claimedYearsIn(l.text)
      if (claim && (!fields.claimedYears || claim.years > fields.claimedYears.value.years)) fields.claimedYears = { value: claim, ...at(l) }
    }
    if (l.section === 'skills') {
      const body = l.text.replace(BULLET, '').replace(/^[^,:]{1,30}:\s*/, '')
      for (const skill of body.split(/\s*[,;|•·]\s*/)) {
        const s = skill.trim().replace(/\.$/, '')
        if (s && s.length <= 40 && !fields.skills.some(k => k.value.toLowerCase() === s.toLowerCase())) fields.skills.push({ value: s, ...at(l) })
      }
    }
  })
  // A history kept as dated events is the jobs, whatever dates the summary above it holds.
  const history = historyRows(lines)
  fields.employers = history.length ? history : withRolesUnderCompany(fields.employers)
  return fields
}

/**
 * An employer printed once as a heading with the whole tenure ("Savannah Pay Ltd — Nairobi | 2020 – present"),
 * its roles under it each with a title and dates: the roles take its name, and the heading is no job of its own.
 */
function withRolesUnderCompany(jobs: Array<Located<ExtractedEmployment>>): Array<Located<ExtractedEmployment>> {
  const headings = new Set<Located<ExtractedEmployment>>()
  let heading: Located<ExtractedEmployment> | null = null
  for (const job of jobs) {
    const v = job.value
    if (v.company && !v.title) heading = job
    else if (heading && v.title && !v.company && (v.start ?? '') >= (heading.value.start ?? '').slice(0, 4)) {
      v.company = heading.value.company
      headings.add(heading)
    } else heading = null
  }
  return jobs.filter(j => !headings.has(j))
}

/**
 * A history kept as dated events, as a Japanese rirekisho keeps it ("2019 | 3 | Joined Tequila Cloud Systems
 * S.A. de C.V. as Data Engineer", "2021 | 1 | Promoted to Senior Data Engineer", "2022 | 8 | Left …",
 * "Currently employed"): one job per role, a promotion ending the role before it.
 */
function historyRows(lines: Line[]): Array<Located<ExtractedEmployment>> {
  const out: Array<Located<ExtractedEmployment>> = []
  let open: Located<ExtractedEmployment> | null = null
  const close = (end: string | null) => {
    if (open) {
      open.value.end = end
      open.value.current = end === null
    }
    open = null
  }
  for (const l of lines) {
    const m = /^((?:19|20)\d{2})\s*[|./-]\s*(\d{1,2})\s*[|]\s*(joined|entered|promoted to|appointed|transferred to|left|resigned from|retired from)\s+(.+)$/i.exec(l.text)
    // A role left open ("Currently employed" or nothing) stays current.
    if (!m) continue
    const when = `${m[1]}-${m[2]!.padStart(2, '0')}`
    const verb = m[3]!.toLowerCase()
    const what = m[4]!.replace(/\.$/, '').trim()
    if (verb === 'entered' && INSTITUTION_WORDS.test(what)) continue
    if (verb === 'joined' || verb === 'entered') {
      close(when)
      const as = /^(.+?)\s+as\s+(?:an?\s+)?(.+)$/i.exec(what)
      open = { value: { company: as ? as[1]!.trim() : what, title: as ? as[2]!.trim() : null, start: when, end: null, current: true }, page: l.page, line: l.line }
      out.push(open)
    } else if (verb === 'promoted to' || verb === 'appointed' || verb === 'transferred to') {
      const company: string | null = open ? (open as Located<ExtractedEmployment>).value.company : null
      close(when)
      open = { value: { company, title: what.replace(/^(?:an?\s+)/i, ''), start: when, end: null, current: true }, page: l.page, line: l.line }
      out.push(open)
    } else close(when)
  }
  return out
}
