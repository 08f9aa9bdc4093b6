import fs from 'node:fs'
import type { Services } from '../services'
import type { ActorContext } from '../services/context'
import { HttpError } from '../errors'

/** `vet subject-export CASE_REF --out FILE.zip`: the person's own copy of their data (subject access). */
export async function subjectExportCommand(services: Services, reference: string | undefined, outFile: string | undefined, actor: ActorContext, out: (s: string) => void, err: (s: string) => void): Promise<number> {
  if (!reference || !outFile) {
    err('vet: subject-export needs a case reference and --out FILE.zip')
    return 2
  }
  try {
    const { zip, files } = await services.subjectExport.export(reference.toUpperCase(), actor)
    // Private: it holds the person's data.
    fs.writeFileSync(outFile, zip, { mode: 0o600 })
    out(`Wrote ${outFile}: ${files.length} files (${zip.length} bytes)`)
    return 0
  } catch (error) {
    if (error instanceof HttpError) {
      err(`vet: ${error.message}`)
      return 1
    }
    throw error
  }
}
