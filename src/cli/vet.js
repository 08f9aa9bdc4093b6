#!/usr/bin/env node
'use strict'
// `npx vet`: runs the TypeScript CLI through tsx, the same runtime as `npm start`, so nothing needs building.
require('tsx/cjs')
require('./main.ts')
  .run(process.argv.slice(2), { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env })
  .then(code => {
    process.exitCode = code
  })
