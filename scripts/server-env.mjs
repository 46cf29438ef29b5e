/**
 * The process environment `ordo serve` runs with under `npm start` (and in the benchmarks).
 *
 * glibc's malloc gives each thread that allocates an arena of its own, up to eight per core,
 * and memory freed in one arena is not reused by the others: with the intake threads, V8's
 * helper threads and libuv's pool, a server after 100,000 orders held ~25 MB more in arenas
 * than with two (docs/operations.md, "Memory"). Two arenas cost no measurable throughput here.
 * An operator's own setting wins; other C libraries ignore the variable.
 */
export function serverEnv(env) {
  return { MALLOC_ARENA_MAX: '2', ...env };
}
