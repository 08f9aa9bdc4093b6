import { parentPort } from 'node:worker_threads'
import { DocumentProblem, readDocument } from './readDocument'

interface Request {
  id: number
  data: Uint8Array
  defaultCountry?: string
}

parentPort?.on('message', async (req: Request) => {
  try {
    const result = await readDocument(Buffer.from(req.data.buffer, req.data.byteOffset, req.data.byteLength), req.defaultCountry ? { defaultCountry: req.defaultCountry } : {})
    parentPort!.postMessage({ id: req.id, ok: true, result })
  } catch (error) {
    const problem = error instanceof DocumentProblem ? error.message : `an unexpected error stopped the reading of this file (${(error as Error)?.name ?? 'Error'})`
    parentPort!.postMessage({ id: req.id, ok: false, problem })
  }
})
