import { contributionChart, escapeXml } from './contribution'

describe('contribution chart', () => {
  it('draws one bar per reason, longest for the most points, with labels and a description', () => {
    const { svg, described } = contributionChart(
      [
        { label: 'Sanctions match', points: 60, note: 'Critical' },
        { label: 'VoIP phone', points: 15, note: 'Medium' },
        { label: 'Shared wallet', points: 30 },
      ],
      { title: 'Strongest reasons' },
    )
    const widths = [...svg.matchAll(/<rect [^>]*width="(\d+)"/g)].map(m => Number(m[1]))
    expect(widths).toHaveLength(3)
    expect(widths[0]).toBeGreaterThan(widths[2]!)
    expect(widths[2]).toBeGreaterThan(widths[1]!)
    expect(svg).toContain('role="img"')
    expect(svg).toMatch(/<title id="[^"]+">Strongest reasons<\/title>/)
    expect(svg).toContain('<desc')
    expect(svg).toContain('>Sanctions match</text>')
    expect(described).toEqual(['Sanctions match: 60 points (Critical)', 'VoIP phone: 15 points (Medium)', 'Shared wallet: 30 points'])
  })

  it('escapes every string it puts in the SVG', () => {
    const { svg } = contributionChart([{ label: '<script>alert("x")</script> & co', points: 10, note: "<b>'" }], { title: 'A <b>title</b>' })
    expect(svg).not.toContain('<script>')
    expect(svg).not.toContain('<b>')
    expect(svg).toContain('&lt;script&gt;')
    expect(svg).toContain('&amp; co')
    expect(svg).toContain('A &lt;b&gt;title&lt;/b&gt;')
  })

  it('cuts long labels in the picture but keeps them whole in words', () => {
    const long = 'A'.repeat(100)
    const { svg, described } = contributionChart([{ label: long, points: 5 }], { title: 't' })
    expect(svg).not.toContain(`>${long}<`)
    expect(svg).toContain('…</text>')
    expect(described[0]).toContain(long)
  })

  it('draws nothing broken for no reasons or zero points', () => {
    expect(contributionChart([], { title: 't' }).svg).toContain('viewBox="0 0 560 31"')
    expect(contributionChart([{ label: 'x', points: 0 }], { title: 't' }).svg).toMatch(/width="2"/)
  })

  it('escapeXml covers the five XML specials', () => {
    expect(escapeXml(`&<>"'`)).toBe('&amp;&lt;&gt;&quot;&apos;')
  })
})
