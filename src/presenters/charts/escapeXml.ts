/**
 * Text and attribute values for SVG we build as strings. The page writes chart markup unescaped
 * (`<%-`), so every piece of data that reaches it goes through here first.
 */
export function escapeXml(value: string | number): string {
  return String(value).replace(/[&<>"']/g, c => ENTITIES[c]!)
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }
