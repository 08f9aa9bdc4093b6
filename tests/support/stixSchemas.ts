import fs from 'node:fs'
import path from 'node:path'
import { domainToASCII } from 'node:url'
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020'
import addFormats from 'ajv-formats'

/**
 * The OASIS STIX 2.1 JSON schemas (tests/fixtures/stix2-schemas, draft 2020-12), loaded offline: every
 * file is added under its own `$id` (a URL never fetched), so relative `$ref`s resolve among them.
 */
const ROOT = path.join(__dirname, '..', 'fixtures', 'stix2-schemas', 'schemas')
const BASE = 'http://raw.githubusercontent.com/oasis-open/cti-stix2-json-schemas/stix2.1/schemas/'

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(e => (e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith('.json') ? [path.join(dir, e.name)] : []))
}

let ajv: Ajv2020 | undefined
const compiled = new Map<string, ValidateFunction>()

function load(): Ajv2020 {
  if (ajv) return ajv
  // strict off: the schemas use `definitions` beside `$defs` and annotate `$ref`s, which strict mode refuses;
  // unicodeRegExp off: their patterns escape `-` outside classes (`\-?$`), valid in ECMA-262 only without the u flag.
  ajv = new Ajv2020({ strict: false, allErrors: true, unicodeRegExp: false })
  addFormats(ajv)
  // ajv-formats has no idn-hostname (domain-name:value uses it): a name with a valid ASCII (punycode) form.
  ajv.addFormat('idn-hostname', (v: string) => domainToASCII(v) !== '')
  for (const f of files(ROOT)) ajv.addSchema(JSON.parse(fs.readFileSync(f, 'utf8')) as object)
  return ajv
}

/** The schema for a STIX type (relative to schemas/), when OASIS publishes one. */
const SCHEMA_OF_TYPE: Record<string, string> = { bundle: 'common/bundle.json', 'marking-definition': 'common/marking-definition.json', 'language-content': 'common/language-content.json', relationship: 'sros/relationship.json', sighting: 'sros/sighting.json' }

export function schemaFor(type: string): string | null {
  if (SCHEMA_OF_TYPE[type]) return SCHEMA_OF_TYPE[type]!
  for (const folder of ['sdos', 'observables']) if (fs.existsSync(path.join(ROOT, folder, `${type}.json`))) return `${folder}/${type}.json`
  return null
}

function validator(rel: string): ValidateFunction {
  let v = compiled.get(rel)
  if (!v) {
    v = load().getSchema(BASE + rel)
    if (!v) throw new Error(`no schema ${rel}`)
    compiled.set(rel, v)
  }
  return v
}

const describe = (where: string, v: ValidateFunction) => (v.errors ?? []).slice(0, 10).map(e => `${where}${e.instancePath} ${e.message ?? ''}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`)

/** Errors of one object against its type's schema (custom `x-` types: against the bundle's rules only). */
export function validateStixObject(obj: unknown, where = 'object'): string[] {
  const type = typeof obj === 'object' && obj && 'type' in obj ? String((obj as { type: unknown }).type) : ''
  const rel = schemaFor(type)
  if (!rel) return type.startsWith('x-') ? [] : [`${where}: no schema for type ${JSON.stringify(type)}`]
  const v = validator(rel)
  return v(obj) ? [] : describe(`${where} (${type})`, v)
}

/**
 * Every error of a bundle against the OASIS schemas: the bundle schema itself, then each object against
 * its own type's schema (which names the failing property more precisely). Empty when valid.
 */
export function validateStixBundle(bundle: unknown): string[] {
  const v = validator('common/bundle.json')
  const errors = v(bundle) ? [] : describe('bundle', v)
  const objects = typeof bundle === 'object' && bundle && 'objects' in bundle ? (bundle as { objects: unknown }).objects : undefined
  if (!Array.isArray(objects)) return [...errors, 'bundle: objects is not a list']
  objects.forEach((o, i) => errors.push(...validateStixObject(o, `objects[${i}]`)))
  return errors
}
