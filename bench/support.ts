/** What every benchmark shares: integer knobs from the environment. */

/** An integer setting of a benchmark (BENCH_*), with a default and a lower bound; anything else is refused. */
export function intFromEnv(name: string, fallback: number, min: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) throw new Error(`${name} must be an integer >= ${min}, got ${JSON.stringify(raw)}.`);
  return value;
}
