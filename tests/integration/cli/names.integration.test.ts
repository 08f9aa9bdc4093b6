import { PassThrough, Readable } from 'node:stream'
import { run } from '../../../src/cli/main'
import { runNameBench } from '../../../src/generate/nameBench'

async function vet(args: string[], input: string) {
  const stdout = new PassThrough()
  let out = ''
  stdout.on('data', d => (out += d))
  const code = await run(args, { stdin: Readable.from([input]), stdout, stderr: new PassThrough(), env: {} })
  return { code, lines: out.trim().split('\n').filter(Boolean) }
}

describe('vet names', () => {
  it('scores pairs from stdin in input order', async () => {
    const { code, lines } = await vet(['names', '--json'], 'name1,name2,schema\nPak Sung-min,Park Sung Min,Person\nQRV Aviation,QRX Aviation,Company\n')
    expect(code).toBe(0)
    expect(lines.map(l => JSON.parse(l))).toEqual([
      { name1: 'Pak Sung-min', name2: 'Park Sung Min', schema: 'Person', score: 1, match: true },
      { name1: 'QRV Aviation', name2: 'QRX Aviation', schema: 'Company', score: expect.any(Number), match: false },
    ])
  })
  it('refuses a CSV without the columns', async () => {
    expect((await vet(['names'], 'a,b\nx,y\n')).code).toBe(2)
  })
})

const bench = runNameBench()
const withBench = bench ? it : it.skip

describe('name_bench (OpenSanctions), when ../shared is present', () => {
  withBench('gets every STRONG pair right', () => {
    expect(bench!.strong.ours).toBe(bench!.strong.total)
  })
})
