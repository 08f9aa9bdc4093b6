// Progressive enhancement: govuk-frontend's components (service navigation's Menu, tabs, error summary focus)
// from our own origin. Pages work without it.
import { initAll } from '/vendor/govuk/govuk-frontend.min.js'

document.body.classList.add('govuk-frontend-supported')
initAll()
