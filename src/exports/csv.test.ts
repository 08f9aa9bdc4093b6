import { csvCell, toCsv } from './csv'

describe('CSV export', () => {
  it.each([
    ['=HYPERLINK("http://x.test","click")', `"'=HYPERLINK(""http://x.test"",""click"")"`],
    ['+1 646 940 6483', `"'+1 646 940 6483"`],
    ['-2+3', `"'-2+3"`],
    ['@SUM(A1:A2)', `"'@SUM(A1:A2)"`],
    ['\t=1+1', `"'\t=1+1"`],
    ['\r=1+1', `"'\r=1+1"`],
  ])('neutralises a formula: %j', (input, expected) => {
    expect(csvCell(input)).toBe(expected)
  })

  it('quotes commas, quotes and new lines, and leaves plain text alone', () => {
    expect(csvCell('Kim, Sang Man')).toBe('"Kim, Sang Man"')
    expect(csvCell('say "hi"')).toBe('"say ""hi"""')
    expect(csvCell('two\nlines')).toBe('"two\nlines"')
    expect(csvCell('Zoë Brontë')).toBe('Zoë Brontë')
    expect(csvCell(42)).toBe('42')
    expect(csvCell(null)).toBe('')
  })

  it('writes a header, CRLF line ends and a byte-order mark', () => {
    expect(toCsv(['a', 'b'], [[1, '=2']])).toBe(`\ufeffa,b\r\n1,"'=2"\r\n`)
  })
})
