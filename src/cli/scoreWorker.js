'use strict'
// Bootstrap for a `vet score` worker thread: load TypeScript through tsx, then serve requests.
require('tsx/cjs')
require('./scoreWorkerMain.ts')
