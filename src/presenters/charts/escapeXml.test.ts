import { escapeXml } from './escapeXml'

describe('escapeXml', () => {
  it('escapes the five characters that matter in SVG text and attributes', () => {
    expect(escapeXml(`<b a="1" c='2'>&amp;</b>`)).toBe('&lt;b a=&quot;1&quot; c=&#39;2&#39;&gt;&amp;amp;&lt;/b&gt;')
  })
  it('leaves other text, numbers and non-Latin scripts as they are', () => {
    expect(escapeXml('김민준 王伟 – 12')).toBe('김민준 王伟 – 12')
    expect(escapeXml(42)).toBe('42')
  })
})
