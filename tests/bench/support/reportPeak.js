'use strict'
// Preloaded into a benchmarked process: at exit, write its peak resident set (KiB, from getrusage) and
// the CPU time of all its threads (µs) to VD_PEAK_FILE, as JSON.
const fs = require('node:fs')

process.on('exit', () => {
  if (!process.env.VD_PEAK_FILE) return
  const { maxRSS, userCPUTime, systemCPUTime } = process.resourceUsage()
  fs.writeFileSync(process.env.VD_PEAK_FILE, JSON.stringify({ maxRSS, cpu: userCPUTime + systemCPUTime }))
})
