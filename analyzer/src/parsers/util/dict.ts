/**
 * Tables keyed by text from a bundle. A plain `{}` answers `table['constructor']` with Object and
 * `table['__proto__']` with Object.prototype, and `table['__proto__'] = v` replaces its prototype
 * instead of adding a key: a daemon.json key `__proto__` once made Object.prototype part of the
 * host model, which the model's deep freeze then froze for the whole process. These tables have
 * no prototype, so every key is just a key.
 */

/** An empty record with no prototype, for tables filled from bundle data. */
export function dict<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

/** A frozen constant table with no prototype: looking up any text from a bundle is safe. */
export function lookupTable<T>(entries: Record<string, T>): Readonly<Record<string, T>> {
  return Object.freeze(Object.assign(dict<T>(), entries));
}
