import {parentPort, workerData} from 'node:worker_threads'
import {lintBatch, type BatchSettings} from './batch.js'

/** A worker thread of `postmortem-lint`: lints the batches of paths it is sent, one at a time. */
const settings = workerData as BatchSettings

parentPort?.on('message', (request: {id: number; paths: string[]}) => {
  lintBatch(request.paths, settings).then(
    (files) => parentPort?.postMessage({id: request.id, files}),
    (error: unknown) =>
      parentPort?.postMessage({
        id: request.id,
        error: error instanceof Error ? {message: error.message, stack: error.stack} : {message: String(error)}
      })
  )
})
