'use strict'
// Preloaded into a benchmarked process: at exit, write its peak resident set (KiB, from getrusage) to VD_PEAK_FILE.
const fs = require('node:fs')

process.on('exit', () => {
  if (process.env.VD_PEAK_FILE) fs.writeFileSync(process.env.VD_PEAK_FILE, String(process.resourceUsage().maxRSS))
})
