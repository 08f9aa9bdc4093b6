import { wayBack } from './wayBack'

const id = '3f1c2a9e-8b7d-4c6e-9a1b-2c3d4e5f6a7b'

describe('wayBack', () => {
  it('leads from any case route back to that case, by the id in the path', () => {
    expect(wayBack('POST', `/cases/${id}/status`, 409)).toEqual({ href: `/cases/${id}`, label: 'Back to the case' })
    expect(wayBack('POST', `/cases/${id}/documents?x=1`, 413)).toEqual({ href: `/cases/${id}`, label: 'Back to the case' })
    expect(wayBack('POST', `/cases/${id}/signoff`, 403)).toEqual({ href: `/cases/${id}`, label: 'Back to the case' })
  })

  it('leads to the case list when the case itself is missing or the id is not an id', () => {
    expect(wayBack('GET', `/cases/${id}`, 404)).toEqual({ href: '/cases', label: 'Back to the cases' })
    expect(wayBack('POST', '/cases/not-an-id/status', 404)).toEqual({ href: '/cases', label: 'Back to the cases' })
    expect(wayBack('POST', '/cases/%2F%2Fevil.example/status', 409)!.href).toBe('/cases')
  })

  it('knows rings, imports and the other sections, and offers nothing it cannot vouch for', () => {
    expect(wayBack('POST', '/rings/VD-000042/export.csv', 500)).toEqual({ href: '/rings/VD-000042', label: 'Back to the ring' })
    expect(wayBack('POST', '/sanctions/12/decide', 409)).toEqual({ href: '/sanctions', label: 'Back to the sanctions queue' })
    expect(wayBack('POST', '/imports', 413)).toEqual({ href: '/imports', label: 'Back to imports' })
    expect(wayBack('GET', '/imports', 500)).toBeNull()
    expect(wayBack('POST', '/nowhere/at/all', 404)).toBeNull()
    expect(wayBack('POST', '/', 500)).toBeNull()
    expect(wayBack('POST', '/dashboard/refresh', 500)).toEqual({ href: '/dashboard', label: 'Back to the dashboard' })
  })

  it('leads an upload refused on a form of its own back to that form', () => {
    expect(wayBack('POST', '/cases/new/resume', 413)).toEqual({ href: '/cases/new', label: 'Back to the new case form' })
    expect(wayBack('POST', '/imports/mappings/preview', 413)).toEqual({ href: '/imports/mappings', label: 'Back to the field mappings' })
    expect(wayBack('POST', `/cases/${id}/record/profile`, 413)).toEqual({ href: `/cases/${id}`, label: 'Back to the case' })
    expect(wayBack('POST', `/cases/${id}/checklist/12`, 413)).toEqual({ href: `/cases/${id}`, label: 'Back to the case' })
  })
})
