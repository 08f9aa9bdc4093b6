'use strict'
// A worker that allocates until its heap limit stops it: tests the pool's out-of-memory handling.
const { parentPort } = require('node:worker_threads')
parentPort.on('message', () => {
  const hoard = []
  for (;;) hoard.push(new Array(1e5).fill({ x: Math.random() }))
})
