'use strict'
// A worker that does its jobs one at a time, in order: { wait: ms, value } answers value after wait ms;
// { hang: true } never answers. Tests the pool's jobs sent ahead (depth).
const { parentPort } = require('node:worker_threads')
const { setTimeout } = require('node:timers')
let queue = Promise.resolve()
parentPort.on('message', job => {
  queue = queue.then(
    () =>
      new Promise(resolve => {
        if (job.hang) return
        setTimeout(() => {
          parentPort.postMessage({ id: job.id, ok: true, result: { value: job.value, thread: require('node:worker_threads').threadId } })
          resolve()
        }, job.wait ?? 0)
      }),
  )
})
