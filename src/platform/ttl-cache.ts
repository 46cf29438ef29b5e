/**
 * Remembers a slowly changing value (channels, the active rule set, policies) for a short time so
 * intake does not read it on every order. Changes made by this process call `invalidate()`;
 * other processes see them within `ttlMs`.
 */
export function ttlCache<T>(ttlMs: number, load: () => Promise<T>, now: () => number = Date.now) {
  let value: T | undefined;
  let loadedAt = Number.NEGATIVE_INFINITY;
  let pending: Promise<T> | null = null;
  return {
    async get(): Promise<T> {
      if (value !== undefined && now() - loadedAt < ttlMs) return value;
      pending ??= load().then(
        (loaded) => {
          value = loaded;
          loadedAt = now();
          pending = null;
          return loaded;
        },
        (error) => {
          pending = null;
          throw error;
        },
      );
      return pending;
    },
    invalidate(): void {
      value = undefined;
      loadedAt = Number.NEGATIVE_INFINITY;
    },
  };
}
