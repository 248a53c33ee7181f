/**
 * The cell-key method (as used by statistics offices, e.g. the ABS TableBuilder and Eurostat's cell key method):
 * every record has a fixed pseudo-random key, a cell's key is the sum of its records' keys modulo 1, and the noise
 * added to the cell's count is a fixed function of that key. The same set of records always gets the same noise,
 * whatever query produced it, so repeating or rephrasing a query averages nothing away, and the difference of two
 * overlapping counts carries the noise of both.
 */
import { createHash } from 'node:crypto';

/** Record keys are 32-bit integers; a cell key is their sum modulo 2^32, read as a fraction of 2^32. */
export const KEY_RANGE = 2 ** 32;

/** A record's key: the first 32 bits of md5(salt || id), as PostgreSQL computes it in SQL (recordKeySql). */
export function recordKey(salt: string, id: string): number {
  return parseInt(createHash('md5').update(salt + id).digest('hex').slice(0, 8), 16);
}

/**
 * The record-key expression in SQL over an identifier column, with the salt as a binding. PostgreSQL computes
 * md5 itself; SQLite calls stat_key, registered on every connection by orm.ts with recordKey above.
 */
export function recordKeySql(dialect: 'postgresql' | 'sqlite', column: string): string {
  return dialect === 'postgresql' ? `('x' || substr(md5(?::text || ${column}), 1, 8))::bit(32)::bigint` : `stat_key(?, ${column})`;
}

/**
 * Noise by cell key, with a maximum deviation of 2 and variance 0.7: 60% of cells unchanged, 15% each ±1,
 * 5% each ±2. A count of 0 is never perturbed (an empty cell discloses no one).
 */
const NOISE: readonly (readonly [number, number])[] = [
  [0.05, -2],
  [0.2, -1],
  [0.8, 0],
  [0.95, 1],
  [1, 2],
];

export function cellNoise(keySum: number): number {
  const fraction = (((keySum % KEY_RANGE) + KEY_RANGE) % KEY_RANGE) / KEY_RANGE;
  for (const [upTo, noise] of NOISE) if (fraction < upTo) return noise;
  return 0;
}
