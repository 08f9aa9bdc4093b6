import { rule } from './identity-name-mismatch'
import { fact, factsOf, testContext } from './ruleTestKit'

// A person writing their own name another way is not a signal (made-up names).
const ctx = testContext()

describe('identity-name-mismatch: names as people write them', () => {
  it.each([
    ['Minseo Kang', 'Kang Min-seo'],
    ['Park Hye-won', 'BAK HYE WON'],
    ['Park Hye-won', '박혜원'],
    ['Choi Su-il', "Ch'oe Su-il"],
    ['Lim Tae-ok', 'Rim Tae Ok'],
    ['Xiao Ming Wu', 'Wu Xiaoming'],
  ])('clears %s with a resume in the name %s', (name, written) => {
    expect(rule.evaluate(factsOf([fact('person.full_name', name), fact('resume.name', written)]), ctx).status).toBe('clear')
  })
  it('still flags another person one syllable apart', () => {
    expect(rule.evaluate(factsOf([fact('person.full_name', 'Choi Su-il'), fact('resume.name', 'Cho Su-il')]), ctx).status).toBe('flag')
    expect(rule.evaluate(factsOf([fact('person.full_name', '김동만'), fact('resume.name', '김동민')]), ctx).status).toBe('flag')
  })
})
