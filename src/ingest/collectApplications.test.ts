import JSZip from 'jszip'
import { handMadeZip, honestEntry, lyingBomb } from '../../tests/support/hostileZip'
import { collectApplications, filesFromZip, resolveInside, ZipProblem } from './collectApplications'

const json = (o: unknown) => Buffer.from(JSON.stringify(o))

describe('collecting applications from a set of files', () => {
  it('keeps references inside the application folder', () => {
    expect(resolveInside('apps', 'cv.pdf')).toBe('apps/cv.pdf')
    expect(resolveInside('apps', 'sub/cv.pdf')).toBe('apps/sub/cv.pdf')
    expect(resolveInside('apps', '../secret.txt')).toBeNull()
    expect(resolveInside('apps', 'sub/../../x')).toBeNull()
    expect(resolveInside('.', '../x')).toBeNull()
    expect(resolveInside('apps', '/etc/passwd')).toBeNull()
    expect(resolveInside('apps', 'C:\\x')).toBeNull()
  })

  it('groups referenced files with their application and treats the rest by kind', async () => {
    const collected = collectApplications([
      { path: 'a/app.json', data: json({ format: 'vetting/application@1', external_id: 'A1', documents: [{ type: 'resume', file: 'cv.txt' }], access_log: 'log.csv' }) },
      { path: 'a/cv.txt', data: Buffer.from('Ana Silva\nana@example.pt') },
      { path: 'a/log.csv', data: Buffer.from('timestamp,account,ip,user_agent,event\n2026-10-01T00:00:00Z,a,1.2.3.4,x,login\n') },
      { path: 'loose.txt', data: Buffer.from('Jonas Weber\njonas@example.de') },
      { path: 'greenhouse.csv', data: Buffer.from('Name,Email\nKim Lee,kim@example.kr\n') },
      { path: 'orphan.csv', data: Buffer.from('timestamp,account,ip,user_agent,event\n') },
      { path: 'evil.json', data: json({ format: 'vetting/application@1', documents: [{ file: '../../etc/passwd' }] }) },
      { path: 'tool.exe', data: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(64)]) },
    ])
    expect(collected.applications.map(a => a.label).sort()).toEqual(['a/app.json', 'evil.json', 'greenhouse.csv row 2', 'loose.txt'])
    expect(collected.rejected.map(r => r.file).sort()).toEqual(['orphan.csv', 'tool.exe'])
    const app = collected.applications.find(a => a.label === 'a/app.json')!
    expect(Buffer.isBuffer(await app.resolve('cv.txt'))).toBe(true)
    const evil = collected.applications.find(a => a.label === 'evil.json')!
    expect(await evil.resolve('../../etc/passwd')).toEqual({ problem: '"../../etc/passwd" points outside the application\'s folder, so it was not read' })
    expect(collected.applications.find(a => a.label === 'greenhouse.csv row 2')?.application.source).toBe('greenhouse')
  })

  it('unpacks a ZIP and refuses one that climbs out of its folder', async () => {
    const zip = new JSZip()
    zip.file('x/app.json', '{"format":"vetting/application@1"}')
    zip.file('__MACOSX/._app.json', 'junk')
    const files = await filesFromZip(await zip.generateAsync({ type: 'nodebuffer' }))
    expect(files.map(f => f.path)).toEqual(['x/app.json'])
    const bad = new JSZip()
    bad.file('../../evil.txt', 'x')
    await expect(filesFromZip(await bad.generateAsync({ type: 'nodebuffer' }))).rejects.toThrow(/leaves its folder/)
  })
})

describe('unpacking an uploaded ZIP (issue 13, row 3)', () => {
  it('refuses an entry that declares 100 bytes and inflates to 64 MiB, naming the entry', async () => {
    const bomb = await lyingBomb(64 * 1024 ** 2, 100, 'apps/cv.txt')
    await expect(filesFromZip(bomb, 'upload')).rejects.toThrow(new ZipProblem('apps/cv.txt does not unpack to the 100 bytes its header declares: refused as a damaged or hostile archive'))
  })

  it('refuses 1,500 entries of 1 MiB in under 2 MB, which passed when only entries over 1 MiB had their ratio checked', async () => {
    const one = honestEntry('x', Buffer.alloc(1024 ** 2))
    const zip = handMadeZip(Array.from({ length: 1500 }, (_, i) => ({ ...one, name: `${i}.txt` })))
    await expect(filesFromZip(zip)).rejects.toThrow(/^0\.txt unpacks to more than \d+ times its packed size/)
  })
})
