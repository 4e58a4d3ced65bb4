/**
 * `compute` cached per key object (a tree, a document), so that the rules of
 * one run share the work and nothing outlives the tree.
 */
export function perObject<Key extends object, Value>(compute: (key: Key) => Value): (key: Key) => Value {
  const cache = new WeakMap<Key, Value>()
  return function (key) {
    // One lookup where a value is known; `has` only tells a cached `undefined` from none.
    const known = cache.get(key)
    if (known !== undefined || cache.has(key)) return known as Value
    const value = compute(key)
    cache.set(key, value)
    return value
  }
}

/** `compute` cached per pair of key objects (a tree and a template role): nested `perObject`s. */
export function perObjects<First extends object, Second extends object, Value>(
  compute: (first: First, second: Second) => Value
): (first: First, second: Second) => Value {
  const byFirst = perObject((first: First) => perObject((second: Second) => compute(first, second)))
  return (first, second) => byFirst(first)(second)
}

/**
 * `compute` cached per text, up to `bound` texts (then all forgotten at
 * once): headers and template headings come back in every document. Keys
 * are kept as copies, since a slice of a document keeps the whole document alive.
 */
export function perText<Value>(compute: (text: string) => Value, bound: number): (text: string) => Value {
  const cache = new Map<string, Value>()
  return function (text) {
    const known = cache.get(text)
    if (known !== undefined || cache.has(text)) return known as Value
    const value = compute(text)
    if (cache.size >= bound) cache.clear()
    cache.set(detached(text), value)
    return value
  }
}

/**
 * A copy of `value` that shares no memory with the text it was cut from: a
 * slice of a document keeps the whole document alive in V8, and a cache of
 * slices would keep every document a run has read.
 */
export function detached(value: string): string {
  return (' ' + value).slice(1)
}
