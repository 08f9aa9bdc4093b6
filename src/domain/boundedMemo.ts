/**
 * A function's answers remembered per key, all forgotten at once past a bound: names and their words repeat
 * across comparisons, and memory must not grow with the population. Callers must not change an answer.
 */
export function boundedMemo<T>(limit: number, compute: (key: string) => T): (key: string) => T {
  const memo = new Map<string, T>()
  return key => {
    if (memo.has(key)) return memo.get(key)!
    if (memo.size > limit) memo.clear()
    const found = compute(key)
    memo.set(key, found)
    return found
  }
}
