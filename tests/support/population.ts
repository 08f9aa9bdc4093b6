import JSZip from 'jszip'

/** Small deterministic synthetic applications for import tests and benchmarks (not the labelled population). */
const FIRST = ['Ana', 'Kim', 'Jonas', 'Priya', 'Tomás', 'Aiko', 'Chinedu', 'Olga', 'Mateo', 'Fatima', 'Liam', 'Mei']
const LAST = ['Silva', 'Lee', 'Weber', 'Venkat', 'Aguilar', 'Tanaka', 'Okafor', 'Petrova', 'Rossi', 'Haddad', 'Byrne', 'Chen']

export interface SyntheticFiles {
  files: Array<{ path: string; data: Buffer }>
  count: number
}

export function syntheticApplications(n: number, options: { withLogs?: boolean; logRows?: number; withResume?: boolean; prefix?: string } = {}): SyntheticFiles {
  const files: Array<{ path: string; data: Buffer }> = []
  for (let i = 0; i < n; i++) {
    const name = `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]}`
    const id = `${options.prefix ?? 'SYN'}-${i}`
    const email = `person${i}@example.test`
    const app: Record<string, unknown> = {
      format: 'vetting/application@1',
      external_id: id,
      source: 'synthetic',
      kind: options.withLogs ? 'contractor' : 'candidate',
      role: 'Software Engineer',
      person: { full_name: name, email, phone: `+1 312 555 ${String(1000 + (i % 9000)).padStart(4, '0')}`, address: { city: 'Chicago', region: 'IL', country: 'US' }, timezone: 'America/Chicago' },
      profiles: [{ network: 'github', username: `user${i}`, url: `https://github.com/user${i}`, created_at: '2016-03-02' }],
    }
    if (options.withResume !== false) {
      app.documents = [{ type: 'resume', file: `${id}.txt` }]
      files.push({ path: `${id}.txt`, data: Buffer.from(`${name}\n${email} | +1 312 555 ${String(1000 + (i % 9000)).padStart(4, '0')} | https://github.com/user${i}\n\nExperience\nBackend Engineer, Firm ${i % 50} (2019-01 to present)\nDeveloper, Shop ${i % 30} (2015-06 to 2018-12)\n\nSkills\nGo, SQL, Kubernetes\n`) })
    }
    if (options.withLogs) {
      app.access_log = `${id}.access.csv`
      const rows = ['timestamp,account,ip,user_agent,event']
      for (let r = 0; r < (options.logRows ?? 20); r++) rows.push(`2026-10-${String(1 + (r % 28)).padStart(2, '0')}T${String(13 + (r % 8)).padStart(2, '0')}:00:00Z,${email},73.12.${i % 250}.${r % 250},Mozilla/5.0,login`)
      files.push({ path: `${id}.access.csv`, data: Buffer.from(`${rows.join('\n')}\n`) })
    }
    files.push({ path: `${id}.json`, data: Buffer.from(JSON.stringify(app)) })
  }
  return { files, count: n }
}

export async function zipOf(files: Array<{ path: string; data: Buffer }>): Promise<Buffer> {
  const zip = new JSZip()
  for (const f of files) zip.file(f.path, f.data)
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 1 } })
}
