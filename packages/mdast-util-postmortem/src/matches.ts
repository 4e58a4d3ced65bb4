/**
 * Every match of the global `pattern` in `value`. `String#matchAll` copies
 * the pattern on every call, which made it most of the rules' own time on
 * real post-mortems; this reuses it (synchronously, `lastIndex` reset on
 * either side, so a shared pattern is left as it was found).
 */
export function allMatches(pattern: RegExp, value: string): RegExpExecArray[] {
  if (!pattern.global) throw new TypeError(`Expected a global pattern, not ${pattern}`)
  const matches: RegExpExecArray[] = []
  pattern.lastIndex = 0
  for (let match = pattern.exec(value); match !== null; match = pattern.exec(value)) {
    matches.push(match)
    // An empty match moves on by one character, as `matchAll` does.
    if (match[0] === '') pattern.lastIndex += (value.codePointAt(pattern.lastIndex) ?? 0) > 0xffff && pattern.unicode ? 2 : 1
  }

  pattern.lastIndex = 0
  return matches
}

/** Whether the global `pattern` matches anywhere in `value`, leaving its `lastIndex` as it was found. */
export function matchesAnywhere(pattern: RegExp, value: string): boolean {
  pattern.lastIndex = 0
  const found = pattern.test(value)
  pattern.lastIndex = 0
  return found
}
