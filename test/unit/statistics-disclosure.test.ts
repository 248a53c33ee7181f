import { cellNoise, recordKey, KEY_RANGE } from '../../subgraphs/kit/statistics/cell-key';
import { cellId, discloseTable, withMargins, type PublishedCell, type TrueCell } from '../../subgraphs/kit/statistics/disclosure';

const cell = (keys: string[], n: number, keySum = n * 7919): TrueCell => ({ keys, n, keySum, sums: [] });

/** Every line (cells differing in one dimension, with its total) has none or at least two withheld cells. */
function lineViolations(cells: readonly PublishedCell[], dimensions: number): string[] {
  const byId = new Map(cells.map((c) => [cellId(c.keys), c]));
  const problems: string[] = [];
  for (const c of cells) {
    c.keys.forEach((key, d) => {
      if (key !== null) return;
      const members = cells.filter((m) => m.keys[d] !== null && m.keys.every((k, i) => i === d || k === c.keys[i]));
      const withheld = [...members, byId.get(cellId(c.keys))!].filter((m) => m.suppressed).length;
      if (withheld === 1) problems.push(`${cellId(c.keys)} along ${d}`);
    });
  }
  return dimensions === 0 ? [] : problems;
}

/**
 * What an attacker recovers from one line: a withheld cell whose line total and other members are all published
 * equals the total minus the others (true counts here, the strongest case: as if there were no noise).
 */
function recomputable(cells: readonly PublishedCell[]): string[] {
  const found: string[] = [];
  for (const target of cells.filter((c) => c.suppressed)) {
    target.keys.forEach((key, d) => {
      if (key === null) return;
      const totalKeys = target.keys.map((k, i) => (i === d ? null : k));
      const total = cells.find((c) => cellId(c.keys) === cellId(totalKeys))!;
      const others = cells.filter((m) => m !== target && m.keys[d] !== null && m.keys.every((k, i) => i === d || k === totalKeys[i]));
      if (!total.suppressed && others.every((o) => !o.suppressed)) found.push(cellId(target.keys));
    });
  }
  return found;
}

describe(discloseTable.name, () => {
  it('withholds a cell of 0 < n < k and publishes empty cells as 0', () => {
    const cells = discloseTable({ dimensions: 0, cells: withMargins([cell([], 3)], 0), k: 10 });
    expect(cells).toEqual([expect.objectContaining({ keys: [], value: null, suppressed: true, suppression: 'PRIMARY' })]);
    expect(discloseTable({ dimensions: 1, cells: withMargins([], 1), k: 10 })[0]).toMatchObject({ value: 0, suppressed: false });
  });

  it('withholds a second cell of a row so that the row total does not give the first away', () => {
    const published = discloseTable({ dimensions: 1, cells: withMargins([cell(['a'], 4), cell(['b'], 50), cell(['c'], 30)], 1), k: 10 });
    const by = Object.fromEntries(published.map((c) => [String(c.keys[0]), c]));
    expect(by.a.suppression).toBe('PRIMARY');
    expect(by.c.suppression).toBe('SECONDARY'); // the smallest other cell
    expect(by.b.suppressed).toBe(false);
    expect(by.null.suppressed).toBe(false);
    expect(recomputable(published)).toEqual([]);
  });

  it('withholds the total when the only other cells are empty', () => {
    const published = discloseTable({ dimensions: 1, cells: withMargins([cell(['a'], 4)], 1), k: 10 });
    expect(published.find((c) => c.keys[0] === null)).toMatchObject({ suppressed: true });
  });

  it('leaves no withheld cell recomputable from row, column or grand totals in a two-way table', () => {
    const regions = ['r1', 'r2', 'r3', 'r4'];
    const groups = ['g1', 'g2', 'g3'];
    const counts = [
      [120, 3, 45],
      [80, 60, 2],
      [15, 40, 33],
      [7, 90, 110],
    ];
    const finest = regions.flatMap((r, i) => groups.map((g, j) => cell([r, g], counts[i][j], (i + 1) * 1_000_003 * (j + 5))));
    const published = discloseTable({ dimensions: 2, cells: withMargins(finest, 2), k: 10 });
    expect(published.filter((c) => c.suppression === 'PRIMARY').map((c) => c.keys)).toEqual(expect.arrayContaining([['r1', 'g2'], ['r2', 'g3'], ['r4', 'g1']]));
    expect(lineViolations(published, 2)).toEqual([]);
    expect(recomputable(published)).toEqual([]);
  });

  it('withholds a filtered cell that differs by fewer than k units from the unfiltered one (differencing)', () => {
    const filtered = withMargins([cell(['a'], 497), cell(['b'], 300)], 1);
    const unfiltered = new Map([[cellId(['a']), 500], [cellId(['b']), 420], [cellId([null]), 920]]);
    const published = discloseTable({ dimensions: 1, cells: filtered, k: 10, unfiltered: [unfiltered] });
    const by = Object.fromEntries(published.map((c) => [String(c.keys[0]), c]));
    expect(by.a.suppression).toBe('DIFFERENCING');
    expect(by.b.suppressed).toBe(true); // secondary: the total would give a away
    expect(recomputable(published)).toEqual([]);
  });

  it('perturbs a published count by at most 2, the same way for the same records', () => {
    const finest = [cell(['a'], 1000, 123456789), cell(['b'], 2000, 987654321)];
    const once = discloseTable({ dimensions: 1, cells: withMargins(finest, 1), k: 10 });
    const again = discloseTable({ dimensions: 1, cells: withMargins(finest, 1), k: 10 });
    expect(again).toEqual(once);
    for (const c of once) expect(Math.abs(c.value! - c.n)).toBeLessThanOrEqual(2);
  });
});

describe(cellNoise.name, () => {
  it('returns -2 to 2, about 60% zeros, averaging about 0 over many cells', () => {
    const noises = Array.from({ length: 20000 }, (_, i) => cellNoise(recordKey('salt', `p${i}`)));
    expect(new Set(noises)).toEqual(new Set([-2, -1, 0, 1, 2]));
    const zeros = noises.filter((n) => n === 0).length / noises.length;
    expect(zeros).toBeGreaterThan(0.55);
    expect(zeros).toBeLessThan(0.65);
    expect(Math.abs(noises.reduce((a, b) => a + b, 0) / noises.length)).toBeLessThan(0.05);
  });

  it('depends on the sum of record keys modulo 2^32 only', () => {
    expect(cellNoise(5)).toBe(cellNoise(5 + KEY_RANGE * 3));
  });
});
