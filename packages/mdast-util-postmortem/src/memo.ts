/**
 * `compute` cached per key object (a tree, a document), so that the rules of
 * one run share the work and nothing outlives the tree.
 */
export function perObject<Key extends object, Value>(compute: (key: Key) => Value): (key: Key) => Value {
  const cache = new WeakMap<Key, Value>()
  return function (key) {
    if (cache.has(key)) return cache.get(key) as Value
    const value = compute(key)
    cache.set(key, value)
    return value
  }
}
