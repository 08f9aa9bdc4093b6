import { docxBodyText } from './docxText'

const body = (inner: string) => `<?xml version="1.0"?><w:document xmlns:w="x"><w:body>${inner}</w:body></w:document>`

describe('DOCX body text', () => {
  it('keeps runs, tabs and line breaks, a line per paragraph', () => {
    const xml = body('<w:p><w:r><w:t>Jane</w:t></w:r><w:r><w:t xml:space="preserve"> Doe</w:t></w:r></w:p><w:p/><w:p><w:r><w:t>Go</w:t><w:tab/><w:t>Rust</w:t><w:br/><w:t>SQL</w:t></w:r></w:p>')
    expect(docxBodyText(xml)).toBe('Jane Doe\n\nGo\tRust\nSQL\n')
  })

  it('decodes entities, and reads links, table cells and inserted text', () => {
    const xml = body('<w:p><w:hyperlink r:id="r1"><w:r><w:t>R&amp;D &lt;lead&gt; &#233;t&#xE9;</w:t></w:r></w:hyperlink></w:p><w:tbl><w:tr><w:tc><w:p><w:r><w:t>cell 1</w:t></w:r></w:p></w:tc><w:tc><w:p><w:ins><w:r><w:t>cell 2</w:t></w:r></w:ins></w:p></w:tc></w:tr></w:tbl>')
    expect(docxBodyText(xml)).toBe('R&D <lead> été\ncell 1 | cell 2\n')
  })

  it('leaves out deleted text, field codes, page breaks and the fallback copy of a text box', () => {
    const xml = body('<w:p><w:del><w:r><w:delText>old</w:delText></w:r></w:del><w:r><w:instrText> HYPERLINK "x" </w:instrText></w:r><w:r><w:t>new</w:t><w:br w:type="page"/></w:r></w:p><w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent><w:p><w:r><w:t>boxed</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>boxed</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>')
    expect(docxBodyText(xml)).toBe('new\nboxed\n\n')
  })
})

describe('DOCX tables', () => {
  const p = (t: string) => `<w:p><w:r><w:t>${t}</w:t></w:r></w:p>`
  const row = (...cells: string[][]) => `<w:tr>${cells.map(c => `<w:tc>${c.map(p).join('')}</w:tc>`).join('')}</w:tr>`

  it('reads a row of short cells as one line, cells joined, in row order', () => {
    const xml = body(`<w:tbl>${row(['Period'], ['Employer'], ['Position'])}${row(['Jan 2019 - Present'], ['Volasys Silver Star'], ['Developer'])}${row(['2015 - 2018'], ['Globex', 'Seoul'], ['Engineer'])}</w:tbl>`)
    expect(docxBodyText(xml)).toBe('Period | Employer | Position\nJan 2019 - Present | Volasys Silver Star | Developer\n2015 - 2018 | Globex Seoul | Engineer\n')
  })

  it('reads a sidebar beside the main text cell after cell, a line per paragraph', () => {
    const xml = body(row(['Jane Roe', 'jane@example.org', 'Skills', 'Go'], ['Experience', 'Acme Corp — Developer', '2019 – Present']))
    expect(docxBodyText(xml)).toBe('Jane Roe\njane@example.org\nSkills\nGo\nExperience\nAcme Corp — Developer\n2019 – Present\n')
  })

  it('reads nested and unclosed tables without losing text', () => {
    const nested = body(`<w:tbl><w:tr><w:tc>${p('outer')}<w:tbl>${row(['a'], ['b'])}</w:tbl></w:tc></w:tr></w:tbl>`)
    expect(docxBodyText(nested)).toBe('outer\na | b\n')
    expect(docxBodyText(body(`<w:tbl><w:tr><w:tc>${p('x')}<w:tc>${p('y')}`))).toBe('x | y\n')
  })
})
