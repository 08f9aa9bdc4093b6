import { normaliseName } from './names'

/**
 * One given name in its Russian and Ukrainian forms and their usual romanisations (BGN/PCGN, ICAO 9303
 * passports, the Ukrainian national system of 2010, common English spellings): "Serhiy" and "Sergei" are
 * one person's name written from two languages or two standards, not two names. A Ukrainian citizen's
 * passport says "Serhii" where a Russian-language document of the same person says "Sergei". Groups
 * typed from those standards' tables (not fetched); a spelling the comparator's typo tolerance already
 * joins ("Dmytro" / "Dmitry") needs no entry, and names that only look alike (Maria / Marta) never share
 * a group.
 */
const GROUPS: ReadonlyArray<readonly string[]> = [
  ['sergei', 'sergey', 'sergej', 'sergii', 'serhii', 'serhiy', 'serhij', 'serge', 'siarhei', 'siarhiej'],
  ['yevgeny', 'yevgeniy', 'yevgenii', 'evgeny', 'evgeniy', 'evgenii', 'evgenij', 'yevhen', 'yevhenii', 'yevheniy', 'ievgen', 'ievgenii', 'ievhen', 'evhen', 'eugene'],
  ['grigory', 'grigoriy', 'grigorii', 'hryhoriy', 'hryhorii', 'gregory'],
  ['georgy', 'georgiy', 'georgii', 'heorhiy', 'heorhii', 'george'],
  ['gennady', 'gennadiy', 'gennadii', 'hennadiy', 'hennadii'],
  ['galina', 'halyna'],
  ['aleksei', 'aleksey', 'alexei', 'alexey', 'alexej', 'oleksiy', 'oleksii', 'oleksij'],
  ['aleksandr', 'alexander', 'alexandr', 'aleksander', 'oleksandr', 'olexandr'],
  ['vladimir', 'volodymyr', 'wladimir'],
  ['nikolai', 'nikolay', 'nicolai', 'mykola'],
  ['mikhail', 'mihail', 'mykhailo', 'mykhaylo'],
  ['elena', 'yelena', 'jelena', 'olena'],
  ['ekaterina', 'yekaterina', 'katerina', 'kateryna'],
  ['tatiana', 'tatyana', 'tetiana', 'tetyana'],
  ['vasily', 'vasiliy', 'vasilii', 'vasyl'],
  ['fyodor', 'fedor', 'fiodor', 'fedir'],
  ['pyotr', 'petr', 'piotr', 'petro'],
  ['kirill', 'kyrylo', 'kyryl'],
  ['timofei', 'timofey', 'tymofiy', 'tymofii'],
  ['konstantin', 'kostiantyn', 'kostyantyn'],
  ['bogdan', 'bohdan'],
  ['lyudmila', 'ludmila', 'liudmyla', 'lyudmyla'],
  ['svetlana', 'svitlana'],
  ['yulia', 'yuliya', 'iuliia', 'julia'],
  ['anna', 'hanna', 'ganna'],
  ['igor', 'ihor'],
  ['oleg', 'oleh'],
  ['yuri', 'yuriy', 'yurii', 'iurii', 'yury', 'yurij'],
  ['andrei', 'andrey', 'andrej', 'andriy', 'andrii'],
  ['dmitry', 'dmitri', 'dmitriy', 'dmitrii', 'dmytro'],
  ['maxim', 'maksim', 'maksym'],
  ['denis', 'denys'],
  ['pavel', 'pavlo'],
  ['vitaly', 'vitaliy', 'vitalii', 'vitalij'],
  ['anatoly', 'anatoliy', 'anatolii'],
  ['valentina', 'valentyna'],
  ['natalia', 'natalya', 'nataliya', 'natalija'],
  ['olga', 'olha'],
]

const GROUP_OF = new Map<string, number>()
GROUPS.forEach((g, i) => g.forEach(n => GROUP_OF.set(n, i)))

/**
 * The same name when its words agree one for one, in any order, and at least one pair differs only as
 * forms of one given name in the table. The two forms it joined, or null.
 */
export function sameSlavicForms(a: string, b: string): [string, string] | null {
  const ta = normaliseName(a, 'Person').tokens
  const tb = normaliseName(b, 'Person').tokens
  if (ta.length < 2 || ta.length !== tb.length) return null
  const key = (t: string) => (GROUP_OF.has(t) ? `#${GROUP_OF.get(t)}` : t)
  const ka = ta.map(key).sort()
  const kb = tb.map(key).sort()
  if (ka.join(' ') !== kb.join(' ')) return null
  const onlyA = ta.filter(t => !tb.includes(t))
  const onlyB = tb.filter(t => !ta.includes(t))
  if (!onlyA.length || onlyA.length !== onlyB.length) return null
  return [onlyA[0]!, onlyB.find(t => key(t) === key(onlyA[0]!)) ?? onlyB[0]!]
}
