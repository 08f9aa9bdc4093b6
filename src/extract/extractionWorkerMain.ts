import { parentPort } from 'node:worker_threads'
import { photoFingerprint } from '../links/imageHash'
import { DocumentProblem, readDocument } from './readDocument'

interface Request {
  id: number
  op?: 'read' | 'photo'
  data: Uint8Array
  defaultCountry?: string
}

parentPort?.on('message', async (req: Request) => {
  try {
    const data = Buffer.from(req.data.buffer, req.data.byteOffset, req.data.byteLength)
    const result = req.op === 'photo' ? photoFingerprint(data) : await readDocument(data, req.defaultCountry ? { defaultCountry: req.defaultCountry } : {})
    parentPort!.postMessage({ id: req.id, ok: true, result })
  } catch (error) {
    const problem = error instanceof DocumentProblem ? error.message : `an unexpected error stopped the reading of this file (${(error as Error)?.name ?? 'Error'})`
    parentPort!.postMessage({ id: req.id, ok: false, problem })
  }
})
