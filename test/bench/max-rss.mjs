// Loaded with `node --import`: prints the process's peak resident set size (KiB) on exit.
process.on('exit', () => {
  process.stderr.write(`max-rss ${process.resourceUsage().maxRSS}\n`)
})
