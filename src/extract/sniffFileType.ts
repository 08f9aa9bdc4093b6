/**
 * Decide what a file is from its bytes, never from its name or the client's MIME type. Hand-written
 * rather than file-type (ESM-only, needs jest plumbing) because we accept few types and must also
 * recognise text encodings and refuse executables.
 */
export type FileKind = 'pdf' | 'docx' | 'zip' | 'ole' | 'png' | 'jpeg' | 'gif' | 'webp' | 'text' | 'executable' | 'empty' | 'unknown'

export interface Sniffed {
  kind: FileKind
  mediaType: string
  /** for text: the encoding the bytes are in */
  encoding?: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252'
}

const startsWith = (buf: Buffer, bytes: number[], offset = 0) => bytes.every((b, i) => buf[offset + i] === b)

export function sniffFileType(buf: Buffer): Sniffed {
  if (buf.length === 0) return { kind: 'empty', mediaType: 'application/octet-stream' }
  // PDF readers accept the header anywhere in the first 1 KiB.
  if (buf.subarray(0, 1024).includes('%PDF-')) return { kind: 'pdf', mediaType: 'application/pdf' }
  if (startsWith(buf, [0x50, 0x4b, 0x03, 0x04]) || startsWith(buf, [0x50, 0x4b, 0x05, 0x06])) {
    // Zip entry names are stored in clear in the local headers and the central directory.
    return buf.includes('word/document.xml')
      ? { kind: 'docx', mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' }
      : { kind: 'zip', mediaType: 'application/zip' }
  }
  if (startsWith(buf, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return { kind: 'ole', mediaType: 'application/x-ole-storage' }
  if (startsWith(buf, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { kind: 'png', mediaType: 'image/png' }
  if (startsWith(buf, [0xff, 0xd8, 0xff])) return { kind: 'jpeg', mediaType: 'image/jpeg' }
  if (startsWith(buf, [0x47, 0x49, 0x46, 0x38])) return { kind: 'gif', mediaType: 'image/gif' }
  if (startsWith(buf, [0x52, 0x49, 0x46, 0x46]) && startsWith(buf, [0x57, 0x45, 0x42, 0x50], 8)) return { kind: 'webp', mediaType: 'image/webp' }
  if (
    startsWith(buf, [0x4d, 0x5a]) || // Windows PE
    startsWith(buf, [0x7f, 0x45, 0x4c, 0x46]) || // ELF
    startsWith(buf, [0xcf, 0xfa, 0xed, 0xfe]) ||
    startsWith(buf, [0xce, 0xfa, 0xed, 0xfe]) ||
    startsWith(buf, [0xca, 0xfe, 0xba, 0xbe]) || // Mach-O
    startsWith(buf, [0x23, 0x21]) // #! script
  ) {
    return { kind: 'executable', mediaType: 'application/octet-stream' }
  }
  if (startsWith(buf, [0xff, 0xfe])) return { kind: 'text', mediaType: 'text/plain', encoding: 'utf-16le' }
  if (startsWith(buf, [0xfe, 0xff])) return { kind: 'text', mediaType: 'text/plain', encoding: 'utf-16be' }
  const sample = buf.subarray(0, 64 * 1024)
  if (sample.includes(0)) return { kind: 'unknown', mediaType: 'application/octet-stream' }
  if (isUtf8(sample)) return { kind: 'text', mediaType: 'text/plain', encoding: 'utf-8' }
  // Mostly printable single-byte text: an old Windows export.
  let printable = 0
  for (const b of sample) if (b === 9 || b === 10 || b === 13 || (b >= 32 && b !== 127)) printable++
  return printable / sample.length > 0.95 ? { kind: 'text', mediaType: 'text/plain', encoding: 'windows-1252' } : { kind: 'unknown', mediaType: 'application/octet-stream' }
}

function isUtf8(sample: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample)
    return true
  } catch {
    // A sample cut in the middle of a multi-byte character is still UTF-8.
    for (let cut = 1; cut <= 3 && cut < sample.length; cut++) {
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(sample.subarray(0, sample.length - cut))
        return true
      } catch {
        /* try a shorter sample */
      }
    }
    return false
  }
}

/** Decode text bytes (BOMs stripped) in the encoding sniffFileType found. */
export function decodeText(buf: Buffer, encoding: Sniffed['encoding'] = 'utf-8'): string {
  if (encoding === 'utf-16be') {
    // Node decodes UTF-16 little-endian only: swap byte pairs (dropping an odd trailing byte).
    const even = buf.subarray(2, 2 + ((buf.length - 2) & ~1))
    return new TextDecoder('utf-16le').decode(Buffer.from(even).swap16())
  }
  if (encoding === 'utf-16le') return new TextDecoder('utf-16le').decode(buf.subarray(2))
  if (encoding === 'windows-1252') return new TextDecoder('windows-1252').decode(buf)
  const text = new TextDecoder('utf-8').decode(buf)
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
}

const EXTENSION_KINDS: Record<string, { kinds: FileKind[]; label: string }> = {
  pdf: { kinds: ['pdf'], label: 'a PDF' },
  docx: { kinds: ['docx'], label: 'a Word (DOCX) document' },
  doc: { kinds: ['ole', 'docx'], label: 'a Word document' },
  zip: { kinds: ['zip', 'docx'], label: 'a ZIP archive' },
  png: { kinds: ['png'], label: 'a PNG image' },
  jpg: { kinds: ['jpeg'], label: 'a JPEG image' },
  jpeg: { kinds: ['jpeg'], label: 'a JPEG image' },
}

const KIND_LABELS: Record<FileKind, string> = {
  pdf: 'a PDF', docx: 'a Word document', zip: 'a ZIP archive', ole: 'an old Office (97–2003) file', png: 'a PNG image', jpeg: 'a JPEG image',
  gif: 'a GIF image', webp: 'a WebP image', text: 'plain text', executable: 'a program', empty: 'empty', unknown: 'not a recognised kind of file',
}

/**
 * The bytes decide what a file is; a name that claims otherwise (a renamed file) is refused, with both
 * facts in the message. Returns the problem, or null when the name fits or says nothing.
 */
export function nameContradictsContent(fileName: string, sniffed: Sniffed): string | null {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase()
  const expected = ext ? EXTENSION_KINDS[ext] : undefined
  if (!expected || expected.kinds.includes(sniffed.kind)) return null
  return `the file is named .${ext}, but its contents are ${KIND_LABELS[sniffed.kind]}, not ${expected.label}`
}
