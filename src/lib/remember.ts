/**
 * A bounded memo for values read again and again from data (opening times, day lists, rule
 * texts): the value kept for `key`, or `compute(key)` kept. A full cache is emptied before the
 * next value goes in; imports meet a few hundred distinct values, so there is no recency
 * bookkeeping on their hot path. `undefined` values are kept too.
 */
export function remember<K, V>(cache: Map<K, V>, limit: number, key: K, compute: (key: K) => V): V {
  if (cache.has(key)) return cache.get(key) as V;
  const value = compute(key);
  if (cache.size >= limit) cache.clear();
  cache.set(key, value);
  return value;
}
