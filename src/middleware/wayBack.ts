/**
 * The way back from an error page to where the person was, worked out from the route that failed (never
 * from the Referer header, which any page can set). A case route leads back to the case by the id in its
 * own path, only when that id is well formed; a case that does not exist leads back to the list instead.
 */
export interface WayBack {
  href: string
  label: string
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const REFERENCE = /^[A-Z]{2,4}-\d{1,12}$/

const SECTIONS: Record<string, WayBack> = {
  cases: { href: '/cases', label: 'Back to the cases' },
  imports: { href: '/imports', label: 'Back to imports' },
  sanctions: { href: '/sanctions', label: 'Back to the sanctions queue' },
  rules: { href: '/rules', label: 'Back to the checks' },
  rings: { href: '/rings', label: 'Back to the rings' },
  audit: { href: '/audit', label: 'Back to the audit trail' },
  users: { href: '/users', label: 'Back to the users' },
  'my-items': { href: '/my-items', label: 'Back to my items' },
  notifications: { href: '/notifications', label: 'Back to notifications' },
  watchlist: { href: '/watchlist', label: 'Back to the watch list' },
  dashboard: { href: '/dashboard', label: 'Back to the dashboard' },
}

export function wayBack(method: string, originalUrl: string, status: number): WayBack | null {
  let path: string
  try {
    path = new URL(originalUrl, 'http://local').pathname
  } catch {
    return null
  }
  const parts = path.split('/').filter(Boolean).map(p => {
    try {
      return decodeURIComponent(p)
    } catch {
      return p
    }
  })
  const [section, id, ...rest] = parts
  if (!section) return null
  // Forms with a page of their own: an upload refused there leads back to that form, not to a list.
  const postedOrBelow = rest.length > 0 || method.toUpperCase() !== 'GET'
  if (section === 'cases' && id === 'new' && postedOrBelow) return { href: '/cases/new', label: 'Back to the new case form' }
  if (section === 'imports' && id === 'mappings' && postedOrBelow) return { href: '/imports/mappings', label: 'Back to the field mappings' }
  if (section === 'cases' && id && UUID.test(id)) {
    // "No such case" on the case page itself: the case is not there to go back to.
    if (status === 404 && rest.length === 0) return SECTIONS.cases!
    return { href: `/cases/${id.toLowerCase()}`, label: 'Back to the case' }
  }
  if (section === 'rings' && id && REFERENCE.test(id) && rest.length > 0) return { href: `/rings/${id}`, label: 'Back to the ring' }
  if (section === 'imports' && id && UUID.test(id) && rest.length > 0) return { href: `/imports/${id.toLowerCase()}`, label: 'Back to the import' }
  const known = SECTIONS[section]
  // The section's own page failing to show has nowhere nearer to go than the dashboard; a form posted on it does.
  if (!known || (parts.length === 1 && method.toUpperCase() === 'GET')) return null
  return known
}
