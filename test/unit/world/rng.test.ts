import { OPAQUE_ID_DOMAIN, opaqueId, opaqueIdIndex, rngFor } from '../../../subgraphs/kit/world/rng';

const draws = (seed: number, keys: (string | number)[], n: number): number[] => {
  const rng = rngFor(seed, ...keys);
  return Array.from({ length: n }, () => rng.next());
};

describe('rngFor', () => {
  it('returns the same stream for the same seed and keys', () => {
    expect(draws(1, ['a', 2], 50)).toEqual(draws(1, ['a', 2], 50));
  });

  it('returns different streams for different seeds, keys, key types and key splits', () => {
    const base = draws(1, ['ab'], 5);
    expect(draws(2, ['ab'], 5)).not.toEqual(base);
    expect(draws(1, ['a', 'b'], 5)).not.toEqual(base);
    expect(draws(1, ['ba'], 5)).not.toEqual(base);
    expect(draws(1, [1], 5)).not.toEqual(draws(1, ['1'], 5));
    expect(draws(1, [2 ** 40], 5)).not.toEqual(draws(1, [0], 5));
    expect(draws(1, [], 5)).not.toEqual(draws(1, [''], 5));
  });

  it('returns uniform values in [0, 1) with a plausible mean', () => {
    const xs = draws(3, ['uniform'], 100_000);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean).toBeGreaterThan(0.495);
    expect(mean).toBeLessThan(0.505);
  });

  it('returns integers covering exactly [min, maxInclusive]', () => {
    const rng = rngFor(4, 'int');
    const seen = new Set<number>();
    for (let i = 0; i < 10_000; i++) seen.add(rng.int(-2, 3));
    expect([...seen].sort((a, b) => a - b)).toEqual([-2, -1, 0, 1, 2, 3]);
    expect(() => rng.int(3, 2)).toThrow(RangeError);
    expect(() => rng.int(0.5, 2)).toThrow(RangeError);
  });

  it('returns picks and weighted picks with the right frequencies', () => {
    const rng = rngFor(5, 'weighted');
    const counts = { a: 0, b: 0, c: 0 };
    for (let i = 0; i < 40_000; i++) counts[rng.weighted([['a', 1], ['b', 3], ['c', 0]] as const)]++;
    expect(counts.c).toBe(0);
    expect(counts.b / counts.a).toBeGreaterThan(2.8);
    expect(counts.b / counts.a).toBeLessThan(3.2);
    expect(['x', 'y']).toContain(rng.pick(['x', 'y']));
    expect(() => rng.pick([])).toThrow(RangeError);
    expect(() => rng.weighted([['a', 0]])).toThrow(RangeError);
    expect(() => rng.weighted([['a', -1]])).toThrow(RangeError);
  });

  it('returns normal values with the requested mean and sd, and chances with the requested rate', () => {
    const rng = rngFor(6, 'normal');
    const xs = Array.from({ length: 50_000 }, () => rng.normal(10, 2));
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length);
    expect(mean).toBeCloseTo(10, 1);
    expect(sd).toBeCloseTo(2, 1);
    let hits = 0;
    for (let i = 0; i < 50_000; i++) if (rng.chance(0.2)) hits++;
    expect(hits / 50_000).toBeCloseTo(0.2, 2);
    expect(rng.chance(0)).toBe(false);
    expect(rng.chance(1)).toBe(true);
  });
});

describe('opaqueId', () => {
  it('returns the prefix plus 8 upper-case Crockford base32 characters', () => {
    for (const index of [0, 1, 2, 1000, OPAQUE_ID_DOMAIN - 1]) {
      expect(opaqueId('P', 1, index)).toMatch(/^P[0-9A-HJKMNP-TV-Z]{8}$/);
    }
    expect(opaqueId('HH', 1, 5)).toMatch(/^HH[0-9A-HJKMNP-TV-Z]{8}$/);
  });

  it('returns distinct ids for distinct indexes (200,000 consecutive and sparse indexes)', () => {
    const ids = new Set<string>();
    for (let i = 0; i < 200_000; i++) ids.add(opaqueId('P', 9, i));
    for (let i = 0; i < 1000; i++) ids.add(opaqueId('P', 9, OPAQUE_ID_DOMAIN - 1 - i * 7919));
    expect(ids.size).toBe(201_000);
  });

  it('returns ids that do not reveal order', () => {
    const ids = Array.from({ length: 1000 }, (_, i) => opaqueId('P', 9, i));
    const ascending = ids.filter((id, i) => i > 0 && id > ids[i - 1]!).length;
    expect(ascending).toBeGreaterThan(400);
    expect(ascending).toBeLessThan(600);
    // Neighbouring indexes share no long common prefix.
    const common = ids.slice(1).filter((id, i) => id.slice(0, 5) === ids[i]!.slice(0, 5)).length;
    expect(common).toBeLessThan(5);
  });

  it('returns the same id for the same inputs and unrelated ids for other seeds and prefixes', () => {
    expect(opaqueId('P', 1, 42)).toBe(opaqueId('P', 1, 42));
    expect(opaqueId('P', 2, 42)).not.toBe(opaqueId('P', 1, 42));
    expect(opaqueId('H', 1, 42).slice(1)).not.toBe(opaqueId('P', 1, 42).slice(1));
  });

  it('returns ids that opaqueIdIndex maps back to their index', () => {
    for (const index of [0, 1, 12345, 2 ** 33 + 17, OPAQUE_ID_DOMAIN - 1]) {
      expect(opaqueIdIndex('P', 3, opaqueId('P', 3, index))).toBe(index);
    }
    expect(opaqueIdIndex('P', 3, 'H00000000')).toBeUndefined();
    expect(opaqueIdIndex('P', 3, 'P0000000I')).toBeUndefined();
    expect(opaqueIdIndex('P', 3, 'P000')).toBeUndefined();
  });

  it('returns a RangeError for indexes outside [0, 2^40)', () => {
    expect(() => opaqueId('P', 1, -1)).toThrow(RangeError);
    expect(() => opaqueId('P', 1, OPAQUE_ID_DOMAIN)).toThrow(RangeError);
    expect(() => opaqueId('P', 1, 1.5)).toThrow(RangeError);
  });
});
