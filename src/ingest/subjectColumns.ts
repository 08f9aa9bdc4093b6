import type { Application } from './applicationFormat'

type Person = NonNullable<Application['person']>

/** The subject columns a `person` object of the application format fills (one mapping for every writer). */
export function subjectColumnsFromPerson(p: Person) {
  return {
    email: p.email?.toLowerCase() ?? null,
    phone: p.phone ?? null,
    phone_line_type: p.phone_line_type ?? null,
    address_line1: p.address?.line1 ?? null,
    address_line2: p.address?.line2 ?? null,
    city: p.address?.city ?? null,
    region: p.address?.region ?? null,
    postal_code: p.address?.postal_code ?? null,
    country: p.address?.country?.toUpperCase() ?? null,
    timezone: p.timezone ?? null,
  }
}
