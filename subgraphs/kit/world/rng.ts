// Seeded randomness for the synthetic world.
//
// Everything the world generator produces must be a pure function of (seed, keys), so we avoid
// Math.random entirely and derive an independent stream per purpose ("household", 42, ...) by
// hashing the keys. sfc32 is small, fast in V8 (32-bit integer ops only) and passes PractRand
// for far longer than we will ever draw; it is not cryptographic and must never be used for secrets.

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [min, maxInclusive]. */
  int(min: number, maxInclusive: number): number;
  pick<T>(items: readonly T[]): T;
  /** Picks an item with probability proportional to its (non-negative) weight. */
  weighted<T>(items: readonly (readonly [T, number])[]): T;
  normal(mean: number, sd: number): number;
  chance(p: number): boolean;
}

const TWO_POW_32 = 4294967296;

// MurmurHash3 32-bit body round and finaliser: good avalanche, cheap, and stable across platforms.
function mix(h: number, k: number): number {
  k = Math.imul(k, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

// Each key is tagged with its type and length so that ("ab") and ("a", "b"), or 1 and "1",
// never hash to the same stream.
function mixKey(h: number, key: string | number): number {
  if (typeof key === 'number') {
    if (Number.isSafeInteger(key)) {
      const lo = key % TWO_POW_32;
      const hi = Math.floor(key / TWO_POW_32);
      h = mix(h, 0x6e756d31);
      h = mix(h, lo | 0);
      return mix(h, hi | 0);
    }
    key = `#${String(key)}`; // NaN, Infinity, fractions: hash their canonical text form instead.
  }
  h = mix(h, 0x73747231);
  for (let i = 0; i < key.length; i++) h = mix(h, key.charCodeAt(i));
  return mix(h, key.length);
}

function hashKeys(seed: number, keys: readonly (string | number)[]): number {
  let h = mixKey(0x2545f491, seed);
  for (const key of keys) h = mixKey(h, key);
  return fmix(h ^ keys.length);
}

class Sfc32 implements Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(h: number) {
    // Spread the 32-bit hash over the 128-bit state, then discard the first outputs so that
    // streams from nearby hashes decorrelate.
    this.a = fmix(h + 0x9e3779b9);
    this.b = fmix(h + 0x3c6ef372);
    this.c = fmix(h + 0xdaa66d2b);
    this.d = 1;
    for (let i = 0; i < 12; i++) this.next32();
  }

  next32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  next(): number {
    return this.next32() / TWO_POW_32;
  }

  int(min: number, maxInclusive: number): number {
    if (!Number.isSafeInteger(min) || !Number.isSafeInteger(maxInclusive) || maxInclusive < min) {
      throw new RangeError(`int(${min}, ${maxInclusive}) needs integers with min <= max.`);
    }
    return min + Math.floor(this.next() * (maxInclusive - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick() needs at least one item.');
    return items[Math.floor(this.next() * items.length)]!;
  }

  weighted<T>(items: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of items) {
      if (!(w >= 0) || !Number.isFinite(w)) throw new RangeError(`weighted() got an invalid weight ${w}.`);
      total += w;
    }
    if (total <= 0) throw new RangeError('weighted() needs at least one positive weight.');
    let r = this.next() * total;
    for (const [item, w] of items) {
      if (r < w) return item;
      r -= w;
    }
    // Floating-point rounding can leave r a hair above the last weight: return the last positive one.
    for (let i = items.length - 1; ; i--) {
      const [item, w] = items[i]!;
      if (w > 0) return item;
    }
  }

  normal(mean: number, sd: number): number {
    // Box-Muller; 1 - next() is in (0, 1] so the log is finite. One value per call keeps the
    // stream position independent of how callers interleave draws.
    const u = 1 - this.next();
    const v = this.next();
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }
}

/** An independent, reproducible stream for (seed, ...keys). */
export function rngFor(seed: number, ...keys: (string | number)[]): Rng {
  return new Sfc32(hashKeys(seed, keys));
}

// ---------------------------------------------------------------------------------------------
// Opaque identifiers: a keyed Feistel permutation over 40 bits, so index -> id is a bijection
// (distinct indexes can never collide) while ids look random and do not leak creation order.

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const HALF_BITS = 20;
const HALF = 1 << HALF_BITS;
const HALF_MASK = HALF - 1;
const ROUNDS = 6;
/** Number of distinct ids per (prefix, seed): 2^40. */
export const OPAQUE_ID_DOMAIN = HALF * HALF;

const roundKeyCache = new Map<string, Int32Array>();

function roundKeys(prefix: string, seed: number): Int32Array {
  const cacheKey = `${prefix}\u0000${seed}`;
  let keys = roundKeyCache.get(cacheKey);
  if (!keys) {
    keys = new Int32Array(ROUNDS);
    for (let i = 0; i < ROUNDS; i++) keys[i] = hashKeys(seed, ['opaqueId', prefix, i]) | 0;
    if (roundKeyCache.size > 1024) roundKeyCache.clear(); // bounded; callers use a handful of prefixes
    roundKeyCache.set(cacheKey, keys);
  }
  return keys;
}

function roundFn(half: number, key: number): number {
  return fmix(mix(key, half)) & HALF_MASK;
}

/**
 * Maps index (0 <= index < 2^40) to prefix + 8 upper-case Crockford base32 characters.
 * A different prefix or seed gives an unrelated permutation.
 */
export function opaqueId(prefix: string, seed: number, index: number): string {
  if (!Number.isSafeInteger(index) || index < 0 || index >= OPAQUE_ID_DOMAIN) {
    throw new RangeError(`opaqueId index must be an integer in [0, 2^40), got ${index}.`);
  }
  const keys = roundKeys(prefix, seed);
  let l = Math.floor(index / HALF);
  let r = index & HALF_MASK;
  for (let i = 0; i < ROUNDS; i++) {
    const t = l ^ roundFn(r, keys[i]!);
    l = r;
    r = t;
  }
  return (
    prefix +
    CROCKFORD[(l >>> 15) & 31] + CROCKFORD[(l >>> 10) & 31] + CROCKFORD[(l >>> 5) & 31] + CROCKFORD[l & 31] +
    CROCKFORD[(r >>> 15) & 31] + CROCKFORD[(r >>> 10) & 31] + CROCKFORD[(r >>> 5) & 31] + CROCKFORD[r & 31]
  );
}

/** Inverse of opaqueId: the index an id was made from, or undefined if it is not such an id. */
export function opaqueIdIndex(prefix: string, seed: number, id: string): number | undefined {
  if (id.length !== prefix.length + 8 || !id.startsWith(prefix)) return undefined;
  let value = 0;
  for (let i = prefix.length; i < id.length; i++) {
    const digit = CROCKFORD.indexOf(id.charAt(i));
    if (digit < 0) return undefined;
    value = value * 32 + digit;
  }
  const keys = roundKeys(prefix, seed);
  let l = Math.floor(value / HALF);
  let r = value & HALF_MASK;
  for (let i = ROUNDS - 1; i >= 0; i--) {
    const t = r ^ roundFn(l, keys[i]!);
    r = l;
    l = t;
  }
  return l * HALF + r;
}
