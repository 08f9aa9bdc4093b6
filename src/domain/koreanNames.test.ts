import { differentSyllableWords, hangulToRoman, koreanIndexKeys, koreanReadings, latinSyllables, looksYale, romaniseHangul, sameKoreanName, partsBySyllables } from './koreanNames'

// Made-up names only, put together from single syllables.
const same = (a: string, b: string) => sameKoreanName(koreanReadings(a), koreanReadings(b))

describe('Korean names, syllable by syllable', () => {
  it('reads Hangul by the Unicode syllable arithmetic (0xAC00 + (L×21+V)×28+T)', () => {
    expect(hangulToRoman('상만')).toBe('sangman')
    expect(hangulToRoman('최은')).toBe('choeeun')
    expect(romaniseHangul('김동만')).toBe('gim dongman')
    expect(romaniseHangul('남궁민수')).toBe('namgung minsu')
    expect(same('김동만', 'Kim Dong-man')).toBe(true)
    expect(same('김동만', 'Dongman Gim')).toBe(true)
  })

  it.each([
    ["Ch'oe Su-il", 'Choi Suil', 'MR apostrophe / common spelling'],
    ['Chwe Su Il', 'Choe Su-il', 'Chwe / Choe'],
    ['Jon Hae-ok', 'Jeon Hae-ok', 'Jon / Jeon'],
    ['Chŏn Hae-ok', 'Chun Haeok', 'MR breve / common'],
    ['Rim Su-yong', 'Lim Suyong', 'Rim / Lim'],
    ['Im Su-yong', 'Rim Su Yong', 'Im / Rim (initial-sound rule)'],
    ['Tok Bae-man', 'Deok Bae-man', 'Tok / Deok'],
    ['So Gyu-ha', 'Seo Gyu-ha', 'So / Seo'],
    ['Suh Gyu-ha', 'Seo Gyuha', 'Suh / Seo'],
    ['Ri Tae-su', 'Lee Tae-su', 'Ri / Lee'],
    ['Yi Tae-su', 'Rhee Taesu', 'Yi / Rhee'],
    ['I Tae-su', 'Lee Tae Su', 'I / Lee'],
    ['Ryu Ha-na', 'Yoo Hana', 'Ryu / Yoo'],
    ['Ro Jae-pil', 'Roh Jae-pil', 'Ro / Roh'],
    ['No Jae-pil', 'Roh Jaepil', 'No / Roh'],
    ['Sim Dong-seop', 'Shim Dong-sub', 'Sim / Shim, seop / sub'],
    ['Pak Hye-won', 'Park Hyewon', 'Pak / Park'],
    ['BAK HYE WON', 'Park Hye-won', 'Bak / Park, split'],
    ['Gim Dong-man', 'Kim Dongman', 'Gim / Kim'],
    ['Jeong Min-gyu', 'Chung Min-kyu', 'Jeong / Chung'],
    ['Jong Min-gyu', 'Jung Mingyu', 'Jong / Jung'],
    ['Chŏng Hyŏn-sŏk', 'Jeong Hyeon-seok', 'MR breves'],
    ['Chong Hyon-sok', 'Jung Hyun-suk', 'MR typed without breves / common'],
    ['Kang Eun-ji', 'Eunji Kang', 'family name last, given name joined'],
    ['Kang Ŭn-ji', 'Kang Eun Ji', 'MR ŭ'],
    ['Ceng Minho', 'Jeong Min-ho', 'Yale c = ㅈ, e = ㅓ'],
    ['Choy Swuil', 'Choe Su-il', 'Yale oy = ㅚ, wu = ㅜ'],
    ['Mwun Cayin', 'Mun Jae-in', 'Yale ay = ㅐ'],
    ['Kim Hyenswu', '김현수', 'Yale against Hangul'],
    ['Phyo Kwanglyu', 'Pyo Gwang-ryu', 'Yale ph, ly'],
  ])('%s = %s (%s)', (a, b) => expect(same(a, b)).toBe(true))

  it.each([
    ['Cho Su-il', 'Choi Su-il', 'Cho / Choi'],
    ['Jeon Hae-ok', 'Jeong Hae-ok', 'Jeon / Jeong'],
    ['Kim Sang-ho', 'Kim Song-ho', 'Sang / Song in RR'],
    ['Kim Min-ho', 'Kim Myung-ho', 'Min / Myung'],
    ['Bak Hye-won', 'Baek Hye-won', 'Bak / Baek'],
    ['Kim Dong-man', 'Kim Dong-min', 'man / min'],
    ['김동만', '김동민', 'Hangul, one syllable apart'],
    ['Kim Dong-man', '김동민', 'Hangul against romanised'],
    ['Kim Su-il', 'Kim Su-il-ho', 'one syllable more'],
    ['Ceng Minho', 'Jeon Min-ho', 'Yale ceng = 정, not 전'],
    ['Payk Minho', 'Bak Min-ho', 'Yale payk = 백, not 박'],
  ])('%s ≠ %s (%s)', (a, b) => expect(same(a, b)).toBe(false))

  it('tries joined given names every way they split ("Jongun" = jong-un or jon-gun)', () => {
    expect(latinSyllables('jongun').length).toBe(2)
    expect(same('Kim Jongun', 'Kim Jong-un')).toBe(true)
    expect(same('Kim Jongun', 'Kim Jon-gun')).toBe(true)
  })

  it('does not read words that are not romanised syllables, and says nothing about origin', () => {
    expect(koreanReadings('Xiao Ming Wu')).toEqual([])
    expect(koreanReadings('Dana Whitfield')).toEqual([])
    expect(koreanReadings('Kevin')).toEqual([])
  })
})

describe('Yale', () => {
  it('is read only beside a spelling of its own', () => {
    expect(looksYale('ceng')).toBe(true)
    expect(looksYale('swuil')).toBe(true)
    expect(looksYale('jeong')).toBe(false)
    expect(looksYale('minho')).toBe(false)
  })
})

describe('differentSyllableWords', () => {
  it('tells joined given names one syllable apart from spellings of the same syllables', () => {
    expect(differentSyllableWords('jeonyun', 'jeongyun')).toBe(true)
    expect(differentSyllableWords('hyeonseop', 'hyunsub')).toBe(false)
    expect(differentSyllableWords('sang', 'song')).toBe(true) // one syllable changed is another syllable, not a typo
    expect(differentSyllableWords('sung', 'seong')).toBe(false)
    expect(differentSyllableWords('whitfield', 'whitfeld')).toBe(false) // not syllables
  })
})

describe('cost', () => {
  it('reads long or hostile input quickly', () => {
    const started = Date.now()
    for (const w of ['yoeuieoyoeuieoyoeuieoyoeuieoq', 'anganganganganganganganganganganq', 'hanganghanganghanganghangang']) latinSyllables(w)
    expect(sameKoreanName(koreanReadings('Hangang Hangang-hangang Hangang'), koreanReadings('Hangang Hangang Hangang Hangang'))).toBe(false)
    expect(Date.now() - started).toBeLessThan(500)
  })
})

describe('koreanIndexKeys', () => {
  it('gives one name the same keys however it is romanised, joined, ordered or written in Hangul', () => {
    const shared = (a: string, b: string) => koreanIndexKeys(a).filter(k => koreanIndexKeys(b).includes(k))
    for (const other of ['Sim Hyon Sop', 'SHIM HYUNSEOP', 'Hyunseop Shim', 'Shim Hyun-seop', '심현섭']) expect([other, shared('Sim Hyon Sop', other).length > 0]).toEqual([other, true])
    expect(koreanIndexKeys('Kim Sangman').some(k => koreanIndexKeys('Gim Sang Man').includes(k))).toBe(true)
  })
  it('gives nothing for names that do not read as Korean syllables', () => {
    expect(koreanIndexKeys('Christopher Smith')).toEqual([])
  })
})

describe('partsBySyllables', () => {
  it('parts names by their syllables only when a family name says they are written as Korean names', () => {
    for (const name of ['Kim Sangman', 'Sangman Kim', 'Ri Jong Ho', 'Choe Son-hui', 'Ch\'oe Son-hui', 'Park Jihoon', 'Namgung Min', '김상만', 'Kwon Ilyuk']) expect([name, partsBySyllables(koreanReadings(name))]).toEqual([name, true])
    // Letter shape alone reads these as syllables (mo-ha-med a-li, yu-ki sa-to); they are still read so to find a spelling.
    for (const name of ['Mohamed Ali', 'Ahmed Khan', 'Yuki Sato', 'Osama Nasser', 'Hamid Rahimi']) expect([name, partsBySyllables(koreanReadings(name))]).toEqual([name, false])
    // A family name shared across languages is not enough: the given name must have a Korean one's shape too.
    for (const name of ['Ahmed Shah', 'Mohamed Han', 'Osama Jang', 'Hamid Lee']) expect([name, partsBySyllables(koreanReadings(name))]).toEqual([name, false])
  })
})
