import { loadNameTable } from '../generate/nameConventions'
import { samePersonName } from './samePersonNames'
import { arabicSkeleton, latinSkeleton, sameArabicWord, spellingKey } from './scriptNames'

// Tables: tests/fixtures/names (see its README for where each came from). Names are common given and family names, not people.
const fixture = loadNameTable

describe('Cyrillic names in their Latin transliterations (BGN/PCGN, ICAO 9303, common)', () => {
  const rows = fixture('cyrillic-latin.csv')
  it.each(rows.map(r => [r.cyrillic!, [r.bgn_pcgn!, r.icao_9303!, ...r.common!.split(';')]] as const))('%s = %j', (cyrillic, latin) => {
    const forms = [...new Set([cyrillic, ...latin.map(l => l.replace(/'/g, ''))])]
    for (const x of forms) for (const y of forms) expect(samePersonName(`${x} ${x === cyrillic ? 'Новак' : 'Novak'}`, `${y} ${y === cyrillic ? 'Новак' : 'Novak'}`).same).toBe(true)
  })
  it('keys the spellings of one name alike and different names apart', () => {
    expect(spellingKey('iurii')).toBe(spellingKey('yuriy'))
    expect(spellingKey('fyodor')).toBe(spellingKey('fedor'))
    expect(spellingKey('yevgeniy')).toBe(spellingKey('evgeny'))
    expect(spellingKey('sergey')).not.toBe(spellingKey('sergeev'))
    expect(samePersonName('Sergey Popov', 'Sergey Petrov').same).toBe(false)
    expect(samePersonName('Сергей Иванов', 'Sergey Smirnov').same).toBe(false)
  })
})

describe('Arabic script against common Latin spellings (a documented subset)', () => {
  const rows = fixture('arabic-latin.csv')
  it.each(rows.map(r => [r.arabic!, r.latin!.split(';')] as const))('%s reads as %j', (arabic, latin) => {
    for (const l of latin) expect(samePersonName(`${arabic} حداد`, `${l} Haddad`).same).toBe(true)
  })
  it('keeps names apart that differ in a long vowel or a consonant', () => {
    expect(sameArabicWord(arabicSkeleton('محمود')[0]!, latinSkeleton(['mohammed'])[0]!)).toBe(false)
    expect(sameArabicWord(arabicSkeleton('محمد')[0]!, latinSkeleton(['mahmoud'])[0]!)).toBe(false)
    expect(samePersonName('حسين علي', 'Hassan Ali').same).toBe(false)
    expect(samePersonName('فاطمة حسن', 'Fatima Hussein').same).toBe(false)
    expect(samePersonName('خالد يوسف', 'Walid Yousef').same).toBe(false)
  })
})
