import {setFlagsFromString} from 'node:v8'
import {runInNewContext} from 'node:vm'
import {normalizeText} from 'mdast-util-postmortem'
import {expect, test} from 'vitest'

setFlagsFromString('--expose-gc')
const collectGarbage = runInNewContext('gc') as () => void

test('normalizeText keeps no document alive through the texts it remembers', () => {
  collectGarbage()
  const before = process.memoryUsage().heapUsed
  for (let index = 0; index < 400; index++) {
    // mdast's texts are slices of the document: a heading's text read from a document of 256 KiB.
    const heading = `# Incident ${index} rolled back`
    const document = heading + '\n\n' + 'Timeline text. '.repeat(16 * 1024)
    expect(normalizeText(document.slice(2, heading.length))).toBe(`incident ${index} rolled back`)
  }

  collectGarbage()
  // The 400 documents are 100 MiB: what stays is the texts themselves.
  expect(process.memoryUsage().heapUsed - before).toBeLessThan(10 * 1024 * 1024)
})
