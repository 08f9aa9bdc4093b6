#!/usr/bin/env node
'use strict'
/*
 * Checks a generated population against the rules written in ../shared/formats/application-v1.md
 * (not against the project's parser): `format`, enumerations, referenced files present and inside the
 * folder, access-log headers, unique external_id, labels matching applications.
 *   node tests/independent/check.js [/work/indep/population]
 */
const fs = require('node:fs')
const path = require('node:path')

const dir = path.resolve(process.argv[2] || '/work/indep/population')
const pop = fs.existsSync(path.join(dir, 'population')) ? path.join(dir, 'population') : dir
const ENUM = {
  kind: ['candidate', 'contractor'],
  'person.phone_line_type': ['mobile', 'landline', 'voip', 'unknown'],
  'interview.video': ['completed', 'camera_off', 'declined', 'not_held'],
  'payment.method': ['bank', 'wise', 'paypal', 'payoneer', 'crypto', 'other'],
}
const get = (o, p) => p.split('.').reduce((a, k) => (a === null || a === undefined ? undefined : a[k]), o)
const problems = []
const ids = new Set()
function fileRef(file, name, where) {
  if (typeof name !== 'string' || !name) return problems.push(`${file}: ${where} is not a file name`)
  const abs = path.resolve(pop, name)
  if (!abs.startsWith(pop + path.sep)) problems.push(`${file}: ${where} escapes the folder (${name})`)
  else if (!fs.existsSync(abs)) problems.push(`${file}: ${where} missing (${name})`)
  return abs
}
const files = fs.readdirSync(pop).filter(f => f.endsWith('.json'))
for (const f of files) {
  let a
  try { a = JSON.parse(fs.readFileSync(path.join(pop, f), 'utf8')) } catch (e) { problems.push(`${f}: not JSON (${e.message})`); continue }
  if (a.format !== 'vetting/application@1') problems.push(`${f}: format is ${a.format}`)
  if (!a.external_id) problems.push(`${f}: no external_id`)
  else if (ids.has(`${a.source}|${a.external_id}`)) problems.push(`${f}: (source, external_id) not unique`)
  ids.add(`${a.source}|${a.external_id}`)
  for (const [p, allowed] of Object.entries(ENUM)) { const v = get(a, p); if (v !== undefined && !allowed.includes(v)) problems.push(`${f}: ${p} = ${v}`) }
  if (a.submitted_at && Number.isNaN(Date.parse(a.submitted_at))) problems.push(`${f}: submitted_at not a date`)
  for (const [i, d] of (a.documents || []).entries()) fileRef(f, d.file, `documents[${i}].file`)
  for (const [i, p] of (a.profiles || []).entries()) if (p.photo) fileRef(f, p.photo, `profiles[${i}].photo`)
  if (a.access_log) {
    const abs = fileRef(f, a.access_log, 'access_log')
    if (abs && fs.existsSync(abs)) {
      const head = fs.readFileSync(abs, 'utf8').split('\n')[0]
      const plain = head === 'timestamp,account,ip,user_agent,event'
      const okta = ['published', 'actor.alternateId', 'client.ipAddress', 'client.userAgent.rawUserAgent', 'eventType'].every(c => head.split(',').includes(c))
      if (!plain && !okta) problems.push(`${f}: access log header not plain or Okta: ${head}`)
    }
  }
}
for (const lf of ['labels.json', 'labels.csv']) {
  const p = path.join(dir, lf)
  if (!fs.existsSync(p)) continue
  const labels = lf.endsWith('json') ? JSON.parse(fs.readFileSync(p, 'utf8')) : fs.readFileSync(p, 'utf8').trim().split('\n').slice(1).map(l => ({ id: l.split(',')[0], label: l.split(',')[1] }))
  const appIds = new Set(files.map(f => f.replace(/\.json$/, '')))
  for (const l of labels) {
    if (!appIds.has(l.id)) problems.push(`${lf}: ${l.id} has no application file`)
    if (!['benign', 'pattern'].includes(l.label)) problems.push(`${lf}: ${l.id} label ${l.label}`)
  }
  if (labels.length !== files.length) problems.push(`${lf}: ${labels.length} labels for ${files.length} applications`)
}
process.stdout.write(`${files.length} applications checked, ${problems.length} problems\n${problems.slice(0, 50).join('\n')}${problems.length ? '\n' : ''}`)
process.exit(problems.length ? 1 : 0)
