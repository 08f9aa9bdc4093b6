/**
 * The sections of an application a reviewer can record by hand on the case page, as form definitions.
 * Each maps form fields to the part of vetting/application@1 it fills, so the same schema validates
 * a typed-in profile and an imported one.
 */
export type FieldType = 'text' | 'email' | 'tel' | 'url' | 'number' | 'date' | 'select' | 'textarea' | 'file' | 'checkboxes'

export interface SectionField {
  name: string
  label: string
  type: FieldType
  hint?: string
  options?: Array<{ value: string; label: string }>
  /** where the value goes in the section's object (dot path); defaults to name */
  path?: string
}

export interface SectionDef {
  id: 'person' | 'profile' | 'reference' | 'interview' | 'shipping' | 'payment'
  title: string
  intro: string
  /** add another entry (profiles, references) or replace what was recorded before */
  mode: 'add' | 'replace'
  fields: SectionField[]
}

const yesNo = [
  { value: '', label: 'Not known' },
  { value: 'true', label: 'Yes' },
  { value: 'false', label: 'No' },
]
const addressFields = (prefix: string): SectionField[] => [
  { name: 'line1', label: 'Address line 1', type: 'text', path: `${prefix}line1` },
  { name: 'line2', label: 'Address line 2', type: 'text', path: `${prefix}line2` },
  { name: 'city', label: 'Town or city', type: 'text', path: `${prefix}city` },
  { name: 'region', label: 'State, province or region', type: 'text', path: `${prefix}region` },
  { name: 'postal_code', label: 'Postal code', type: 'text', path: `${prefix}postal_code` },
  { name: 'country', label: 'Country', type: 'text', hint: 'Two-letter code, such as US or GB', path: `${prefix}country` },
]

export const SECTIONS: SectionDef[] = [
  {
    id: 'person',
    title: 'Person',
    intro: 'What the applicant says about themselves. Changes here replace the recorded claims; earlier ones stay in the history.',
    mode: 'replace',
    fields: [
      { name: 'full_name', label: 'Full name', type: 'text' },
      { name: 'email', label: 'Email address', type: 'email' },
      { name: 'phone', label: 'Phone', type: 'tel', hint: 'International form, such as +44 20 7946 0958' },
      { name: 'phone_line_type', label: 'Phone line type (from a carrier lookup)', type: 'select', options: [{ value: '', label: 'Not known' }, { value: 'mobile', label: 'Mobile' }, { value: 'landline', label: 'Landline' }, { value: 'voip', label: 'VoIP' }, { value: 'unknown', label: 'Lookup gave no answer' }] },
      ...addressFields('address.'),
      { name: 'timezone', label: 'Working time zone they claim', type: 'text', hint: 'An IANA zone, such as America/Chicago' },
    ],
  },
  {
    id: 'profile',
    title: 'Online or freelancer profile',
    intro: 'A profile as you saw it on the platform. Record what the page shows; leave out what it does not.',
    mode: 'add',
    fields: [
      { name: 'network', label: 'Platform', type: 'select', options: ['github', 'linkedin', 'upwork', 'freelancer', 'fiverr', 'toptal', 'gitlab', 'stackoverflow', 'other'].map(v => ({ value: v, label: v === 'stackoverflow' ? 'Stack Overflow' : v === 'github' ? 'GitHub' : v === 'gitlab' ? 'GitLab' : v === 'linkedin' ? 'LinkedIn' : v[0]!.toUpperCase() + v.slice(1) })) },
      { name: 'url', label: 'Profile address (URL)', type: 'url' },
      { name: 'username', label: 'Username', type: 'text' },
      { name: 'created_at', label: 'Member since', type: 'date', hint: 'YYYY-MM-DD' },
      { name: 'rating', label: 'Rating', type: 'number', hint: 'As shown, for example 4.9' },
      { name: 'reviews', label: 'Number of reviews', type: 'number' },
      { name: 'jobs_completed', label: 'Jobs completed', type: 'number' },
      { name: 'earnings_usd', label: 'Total earnings (USD)', type: 'number' },
      { name: 'hourly_rate_usd', label: 'Hourly rate (USD)', type: 'number' },
      { name: 'country', label: 'Country shown on the profile', type: 'text', hint: 'Two-letter code' },
      { name: 'identity_verified', label: 'Identity verified by the platform', type: 'select', options: yesNo },
      { name: 'photo', label: 'Profile photo (optional)', type: 'file', hint: 'PNG, JPEG, GIF or WebP, up to 20 MB' },
    ],
  },
  {
    id: 'reference',
    title: 'Reference',
    intro: 'A referee the applicant named. Contact details as the applicant gave them.',
    mode: 'add',
    fields: [
      { name: 'name', label: 'Name', type: 'text' },
      { name: 'company', label: 'Company', type: 'text' },
      { name: 'relationship', label: 'Relationship', type: 'text', hint: 'manager, colleague, client…' },
      { name: 'email', label: 'Email address', type: 'email' },
      { name: 'phone', label: 'Phone', type: 'tel' },
    ],
  },
  {
    id: 'interview',
    title: 'Interview',
    intro: 'What the interviewer saw. Replaces what was recorded before.',
    mode: 'replace',
    fields: [
      { name: 'video', label: 'Video', type: 'select', options: [{ value: '', label: 'Not recorded' }, { value: 'completed', label: 'Completed with camera on' }, { value: 'camera_off', label: 'Camera off' }, { value: 'declined', label: 'Declined video' }, { value: 'not_held', label: 'Not held' }] },
      {
        name: 'observed',
        label: 'What the interviewer saw (INDICATORS.md §2.5)',
        type: 'checkboxes',
        hint: 'Tick only what you saw or heard yourself. Never record accent, language, appearance or where someone seems to be from.',
        path: 'observations',
        options: [
          { value: 'appearance_drift', label: 'The person, their appearance or voice changed between or during calls' },
          { value: 'liveness_failed', label: 'Failed liveness prompts (hand in front of the face, turning the head) or showed face-swap artefacts' },
          { value: 'voice_changer', label: 'The voice sounded altered or changed after a reconnect' },
          { value: 'id_not_shown', label: 'Would not hold the ID beside their face on camera' },
          { value: 'id_mismatch', label: 'Did not match the ID photo' },
          { value: 'reading_answers', label: 'Long pauses, stalling or eye movements of reading answers' },
          { value: 'local_knowledge_gap', label: 'Could not answer the standard questions about the claimed home town' },
          { value: 'virtual_background', label: 'Hid the room behind a virtual background and would not turn it off' },
          { value: 'crowded_room', label: 'Sounds of a crowded room of other people on calls' },
        ],
      },
      { name: 'observations', label: 'Other observations', type: 'textarea', hint: 'One per line, factual: what happened, not who you suspect. For example "Camera on throughout; matched ID photo". These lines and the notes are read for the signs above too ("no sign of reading" counts as none); ticking the box is surer.' },
      { name: 'notes', label: 'Notes', type: 'textarea' },
    ],
  },
  {
    id: 'shipping',
    title: 'Equipment shipping',
    intro: 'Where the applicant asks for equipment to be sent. Replaces what was recorded before.',
    mode: 'replace',
    fields: [...addressFields('shipping_address.'), { name: 'note', label: 'Note from the applicant', type: 'textarea' }],
  },
  {
    id: 'payment',
    title: 'Payment',
    intro: 'How the applicant asks to be paid. Replaces what was recorded before.',
    mode: 'replace',
    fields: [
      { name: 'method', label: 'Method', type: 'select', options: [{ value: '', label: 'Not known' }, ...['bank', 'wise', 'paypal', 'payoneer', 'crypto', 'other'].map(v => ({ value: v, label: v === 'paypal' ? 'PayPal' : v[0]!.toUpperCase() + v.slice(1) }))] },
      { name: 'account_holder', label: 'Account holder name', type: 'text' },
      { name: 'bank_country', label: 'Country of the bank or service', type: 'text', hint: 'Two-letter code' },
      { name: 'currency', label: 'Currency', type: 'text', hint: 'USD, EUR, USDT…' },
      { name: 'wallet_address', label: 'Crypto wallet address', type: 'text' },
      { name: 'iban', label: 'IBAN', type: 'text' },
      { name: 'account_number', label: 'Account number', type: 'text', hint: 'As given; a masked number (****4821) is kept as its last 4 digits' },
      { name: 'account_last4', label: 'Last 4 digits of the account', type: 'text', hint: 'When only these are known' },
      { name: 'bank', label: 'Bank', type: 'text' },
      { name: 'bank_code', label: 'BIC, routing number or sort code', type: 'text' },
      { name: 'account_email', label: 'Payoneer, Wise or PayPal account email', type: 'text' },
    ],
  },
]

export const sectionById = (id: string) => SECTIONS.find(s => s.id === id)

/** Form strings → the section's object (numbers, booleans and lists converted; empty fields left out). */
export function sectionObject(def: SectionDef, body: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const f of def.fields) {
    if (f.type === 'file') continue
    if (f.type === 'checkboxes') {
      const picked = ([] as unknown[]).concat(body[f.name] ?? []).filter((v): v is string => typeof v === 'string' && (f.options ?? []).some(o => o.value === v))
      if (picked.length) out[f.path ?? f.name] = [...((out[f.path ?? f.name] as string[] | undefined) ?? []), ...picked]
      continue
    }
    const raw = typeof body[f.name] === 'string' ? (body[f.name] as string).trim() : ''
    if (raw === '') continue
    let value: unknown = raw
    if (f.type === 'number') value = Number.isFinite(Number(raw)) ? Number(raw) : raw
    if (f.name === 'identity_verified') value = raw === 'true'
    if (f.name === 'observations') value = [...((out.observations as string[] | undefined) ?? []), ...raw.split(/\r?\n/).map(s => s.trim()).filter(Boolean)]
    if (f.name === 'country' || f.name === 'bank_country') value = raw.toUpperCase()
    const path = (f.path ?? f.name).split('.')
    let target = out
    for (const key of path.slice(0, -1)) target = (target[key] ??= {}) as Record<string, unknown>
    target[path[path.length - 1]!] = value
  }
  return out
}

/** Where a schema issue path points back to a form field. */
export function fieldForIssuePath(def: SectionDef, path: Array<string | number>): string {
  const dotted = path.filter(p => typeof p === 'string').join('.')
  return def.fields.find(f => (f.path ?? f.name) === dotted)?.name ?? def.fields.find(f => dotted.startsWith(f.name))?.name ?? '_form'
}
