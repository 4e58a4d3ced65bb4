// Module hooks for `record-loads.mjs`: a synchronous write, since hooks run on their own thread.
import {writeSync} from 'node:fs'

export async function load(url, context, nextLoad) {
  writeSync(2, `load ${url}\n`)
  return nextLoad(url, context)
}
