/**
 * At most `size` pieces of work at once in this process; the rest wait in the order they came. A finished
 * piece hands its slot straight to the next waiting one, so the limit holds even between the two.
 */
export function createLimiter(size: number) {
  let running = 0
  const waiting: Array<() => void> = []
  const release = () => {
    const next = waiting.shift()
    if (next) next()
    else running--
  }
  return {
    async run<T>(work: () => Promise<T>): Promise<T> {
      if (running < size) running++
      else await new Promise<void>(resolve => waiting.push(resolve))
      try {
        return await work()
      } finally {
        release()
      }
    },
    running: () => running,
    waiting: () => waiting.length,
  }
}

export type Limiter = ReturnType<typeof createLimiter>
