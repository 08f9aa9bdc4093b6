import { samePersonName } from './samePersonNames'
import { sameSlavicForms } from './slavicNames'

describe('one given name in its Ukrainian and Russian forms', () => {
  it.each([
    ['Serhiy Kovalenko', 'Sergei Kovalenko'],
    ['Kovalenko Serhii', 'Sergey Kovalenko'],
    ['Yevhen Tkachenko', 'Evgeny Tkachenko'],
    ['Hryhoriy Boyko', 'Grigory Boyko'],
    ['Volodymyr Marchenko', 'Vladimir Marchenko'],
    ['Mykola Lysenko', 'Nikolai Lysenko'],
    ['Tetiana Kravchenko', 'Tatyana Kravchenko'],
  ])('%s / %s are the same person', (a, b) => {
    expect(sameSlavicForms(a, b)).not.toBeNull()
    expect(samePersonName(a, b).same).toBe(true)
  })

  it.each([
    ['Serhiy Kovalenko', 'Sergei Bondarenko'], // another family name
    ['Serhiy Kovalenko', 'Mykola Kovalenko'], // another given name
    ['Serhiy Kovalenko', 'Sergei Petrovych Kovalenko'], // a word added: the comparator's own rules decide
    ['Olena Shevchenko', 'Oleksandr Shevchenko'],
  ])('%s / %s are not joined by the table', (a, b) => {
    expect(sameSlavicForms(a, b)).toBeNull()
  })

  it('keeps different names apart where they only look alike', () => {
    expect(samePersonName('Serhiy Kovalenko', 'Mykola Kovalenko').same).toBe(false)
  })
})
