/** A value built on first use and kept: `once(() => build())()` builds it at most once. */
export function once<T>(build: () => T): () => T {
  let built = false;
  let value: T;
  return () => {
    if (!built) {
      value = build();
      built = true;
    }
    return value;
  };
}

/**
 * Values a rule derives from its options (regexes from word lists), built
 * once per options object instead of once per file. A run resolves options
 * once per config, so every file under that config shares them.
 */
export function perOptions<O extends object, T>(build: (options: O) => T): (options: O) => T {
  const cache = new WeakMap<O, T>();
  return (options) => {
    let value = cache.get(options);
    if (value === undefined) {
      value = build(options);
      cache.set(options, value);
    }
    return value;
  };
}
