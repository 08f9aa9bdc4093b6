import fs from 'node:fs'
import path from 'node:path'
import { generatePopulation } from './population'

/**
 * `npm run gen -- --out DIR --size N --seed S`: writes DIR/population (applications and their files),
 * DIR/twins (the same applications as counterfactual twins, same ids) and DIR/labels.csv.
 */
function flag(name: string, fallback?: string): string {
  const i = process.argv.indexOf(`--${name}`)
  const v = i >= 0 ? process.argv[i + 1] : undefined
  if (v === undefined && fallback === undefined) {
    process.stderr.write(`usage: npm run gen -- --out DIR --size N --seed S\n(--${name} is required)\n`)
    process.exit(2)
  }
  return v ?? fallback!
}

export async function generateTo(out: string, size: number, seed: number, log: (s: string) => void = () => undefined, options: { twins?: boolean } = {}): Promise<void> {
  const pop = path.join(out, 'population')
  const twins = path.join(out, 'twins')
  fs.mkdirSync(pop, { recursive: true })
  fs.mkdirSync(twins, { recursive: true })
  const labels = ['id,label,archetype,ring,name_origin,residence']
  let n = 0
  await generatePopulation({ size, seed }, async (app, twin) => {
    for (const [dir, a] of options.twins === false ? ([[pop, app]] as const) : ([[pop, app], [twins, twin]] as const)) {
      fs.writeFileSync(path.join(dir, `${a.id}.json`), `${JSON.stringify(a.application, null, 1)}\n`)
      for (const f of a.files) fs.writeFileSync(path.join(dir, f.name), f.data)
    }
    labels.push([app.id, app.label, app.archetype, app.ring ?? '', app.nameOrigin, app.residence].join(','))
    if (++n % 500 === 0) log(`  ${n} of ${size}`)
  })
  fs.writeFileSync(path.join(out, 'labels.csv'), `${labels.join('\n')}\n`)
}

if (require.main === module) {
  const out = flag('out')
  const size = Number(flag('size', '1000'))
  const seed = Number(flag('seed', '1'))
  if (!Number.isInteger(size) || size < 1 || !Number.isInteger(seed)) {
    process.stderr.write('--size and --seed must be whole numbers\n')
    process.exit(2)
  }
  const started = Date.now()
  generateTo(out, size, seed, s => process.stdout.write(`${s}\n`)).then(() => {
    process.stdout.write(`wrote ${size} applications (and their twins) to ${out} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`)
  })
}
