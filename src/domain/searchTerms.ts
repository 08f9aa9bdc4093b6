/**
 * Words a case can be found by: the name's words, the email (whole, local part and domain), the
 * external id and the reference, all lower-cased. A search matches when every word typed is the start
 * of one of these terms, so "dana whit", "dana.whitfield@example.org" and "gh-882" all find Dana.
 */
const MAX_TERM = 254

export function searchTermsFor(input: { fullName: string; email: string | null; externalId: string | null; reference: string }): string[] {
  const terms = new Set<string>()
  const add = (t: string | null | undefined) => {
    const v = t?.trim().toLowerCase()
    if (v) terms.add(v.slice(0, MAX_TERM))
  }
  const name = input.fullName.toLowerCase()
  add(name)
  for (const word of name.split(/[\s,.;:()'"/-]+/)) add(word)
  if (input.email) {
    const email = input.email.toLowerCase()
    add(email)
    const [local, domain] = email.split('@')
    add(local)
    add(domain)
  }
  add(input.externalId)
  add(input.reference)
  return [...terms]
}

/** The words of a query, as typed (lower-cased); at most 8, so a pasted paragraph cannot build a huge query. */
export function queryWords(q: string): string[] {
  return q
    .toLowerCase()
    .split(/\s+/)
    .map(w => w.slice(0, MAX_TERM))
    .filter(Boolean)
    .slice(0, 8)
}

/** The exclusive upper bound of all strings that start with `prefix` (byte/code-unit order). */
export function prefixUpperBound(prefix: string): string {
  const last = prefix.charCodeAt(prefix.length - 1)
  return prefix.slice(0, -1) + String.fromCharCode(last + 1)
}
