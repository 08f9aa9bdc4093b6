import path from 'node:path'
import express, { Router } from 'express'

/**
 * Front-end libraries from npm, served from our own origin (never a CDN). Whole folders only where the
 * library loads its own files (govuk-frontend's modules and assets); otherwise one built file each, so
 * nothing else in node_modules is reachable.
 */
export function vendorAssets(options: { production: boolean }): Router {
  const router = Router()
  const opts = { index: false as const, fallthrough: false, maxAge: options.production ? '1h' : 0 }
  const dirOf = (pkg: string) => path.dirname(require.resolve(`${pkg}/package.json`))
  router.use('/vendor/cytoscape', express.static(path.dirname(require.resolve('cytoscape')), opts))
  router.use('/vendor/govuk', express.static(path.join(dirOf('govuk-frontend'), 'dist', 'govuk'), opts))
  const single: Array<[string, string]> = [
    ['/vendor/layout-base/layout-base.js', path.join(dirOf('layout-base'), 'layout-base.js')],
    ['/vendor/cose-base/cose-base.js', path.join(dirOf('cose-base'), 'cose-base.js')],
    ['/vendor/cytoscape-fcose/cytoscape-fcose.js', path.join(dirOf('cytoscape-fcose'), 'cytoscape-fcose.js')],
  ]
  for (const [url, file] of single) {
    router.get(url, (_req, res) => res.sendFile(file, { maxAge: opts.maxAge, headers: { 'Content-Type': 'text/javascript; charset=utf-8' } }))
  }
  return router
}
