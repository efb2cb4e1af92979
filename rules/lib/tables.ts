// Lookup tables keyed by words from user code. A plain object literal answers `constructor`,
// `toString` or `__proto__` from Object.prototype; these tables have no prototype, so they do not.

/** A frozen lookup table without a prototype. */
export function table<T>(entries: Readonly<Record<string, T>>): Readonly<Record<string, T>> {
  return Object.freeze(Object.assign(Object.create(null) as Record<string, T>, entries));
}
