'use strict'
// Bootstrap for an extraction worker thread: load TypeScript through tsx, then serve requests.
require('tsx/cjs')
require('./extractionWorkerMain.ts')
