import { LinkIndex } from './linkIndex'
import { shingles, signature, words } from './minhash'
import { LINE_HUB_LIMIT, MIN_LINE_WORDS, resumeLineKeys } from './resumeLines'

const material = (id: string, text: string) => {
  const set = shingles(words(text))
  return { id, keys: [], resume: signature(set), resumeShingles: set, resumeLines: resumeLineKeys([text]) }
}
const TEAM = [
  '- Instrumented the loyalty-points ledger in Elixir, handling $10M in volume.',
  '- Introduced a fraud-scoring microservice in C#/.NET, with no customer-visible downtime.',
  '- Instrumented a GraphQL gateway in Rust, handling $155M in volume.',
  '- Cut a cross-chain bridge relayer in Solidity, cutting p95 latency by 28%.',
]
const own = (seed: string) =>
  Array.from({ length: 9 }, (_, i) => `${seed} ${['planned', 'shipped', 'measured', 'rewrote', 'taught', 'ran', 'owned', 'tested', 'mentored'][i]} the ${seed}-${i} project for ${i + 3} teams across the ${seed} office and its partners`).join('\n')

describe('resume lines written word for word', () => {
  it('keys bullets and sentences of at least MIN_LINE_WORDS words, case, bullets and spacing aside', () => {
    expect(resumeLineKeys(['- Instrumented the loyalty-points ledger in Elixir, handling $10M in volume.'])).toEqual(resumeLineKeys(['INSTRUMENTED   the loyalty-points ledger in Elixir, handling $10M in volume']))
    expect(resumeLineKeys(['Short line of five words'])).toEqual([])
    expect(MIN_LINE_WORDS).toBeGreaterThanOrEqual(8)
  })

  it('links resumes that share a work history word for word inside otherwise different texts, and not two that share two lines', () => {
    const index = new LinkIndex()
    index.add(material('A', `${own('north')}\n${TEAM.join('\n')}`))
    const made = index.add(material('B', `${own('south')}\n${TEAM.join('\n')}`))
    expect(made).toEqual([expect.objectContaining({ b: 'A', kind: 'resume', via: expect.stringMatching(/^4 lines of the resume word for word/) })])
    expect(index.add(material('C', `${own('east')}\n${TEAM.slice(0, 2).join('\n')}`))).toEqual([])
  })

  it('counts a line that more than LINE_HUB_LIMIT resumes share for no one (a template’s boilerplate)', () => {
    const index = new LinkIndex()
    for (let i = 0; i <= LINE_HUB_LIMIT; i++) index.add(material(`T${i}`, `${own(`town${i}`)}\n${TEAM.join('\n')}`))
    expect(index.add(material('Z', `${own('zeta')}\n${TEAM.join('\n')}`))).toEqual([])
  })
})
