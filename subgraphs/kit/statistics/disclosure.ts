/**
 * Statistical disclosure control of one table, pure: primary suppression of small cells, a differencing guard
 * for filtered tables, secondary suppression so that no suppressed cell follows from published margins, and
 * cell-key perturbation of every published count. docs/statistics.md explains the method and its limits.
 */
import { cellNoise } from './cell-key';

/** A dimension value, or null for the total over that dimension (a margin). */
export type CellKeys = readonly (string | null)[];

export interface TrueCell {
  keys: CellKeys;
  /** Units (persons, enterprises...) in the cell. */
  n: number;
  /** Sum of the cell's records' keys (cell-key method); additive like n. */
  keySum: number;
  /** Sums of the table's measures over the cell's records, in the table's measure order. */
  sums: readonly number[];
}

export type SuppressionKind = 'PRIMARY' | 'SECONDARY' | 'DIFFERENCING';

export interface PublishedCell {
  keys: CellKeys;
  /** The perturbed count, or null when suppressed. */
  value: number | null;
  /** Measure sums, or null when the cell is suppressed. */
  sums: (number | null)[];
  suppressed: boolean;
  suppression: SuppressionKind | null;
  /** @internal the true count, for the disclosure engine and its tests only; never returned to callers. */
  n: number;
}

/** Key of a cell in maps: JSON of its keys (null is the total). */
export function cellId(keys: CellKeys): string {
  return JSON.stringify(keys);
}

/**
 * Every cell of the table with its margins: for the finest cells given (one value per dimension), the totals over
 * every subset of dimensions, summed here so that they are additive by construction.
 */
export function withMargins(finest: readonly TrueCell[], dimensions: number): TrueCell[] {
  const out = new Map<string, TrueCell>();
  const masks = 1 << dimensions;
  for (const cell of finest) {
    for (let mask = 0; mask < masks; mask += 1) {
      const keys = cell.keys.map((k, i) => ((mask >> i) & 1 ? null : k));
      const id = cellId(keys);
      const existing = out.get(id);
      if (existing) {
        existing.n += cell.n;
        existing.keySum += cell.keySum;
        existing.sums = existing.sums.map((s, i) => s + cell.sums[i]);
      } else {
        out.set(id, { keys, n: cell.n, keySum: cell.keySum, sums: [...cell.sums] });
      }
    }
  }
  if (finest.length === 0) out.set(cellId(Array(dimensions).fill(null)), { keys: Array(dimensions).fill(null), n: 0, keySum: 0, sums: [] });
  return [...out.values()];
}

/**
 * The lines of a table: cells that differ only in one dimension, with the cell whose key there is the total.
 * Each line is an additive constraint (members add up to the total) an attacker can use.
 */
function linesOf(cells: readonly TrueCell[], dimensions: number): { total: string; members: string[] }[] {
  const lines = new Map<string, { total: string; members: string[] }>();
  for (const cell of cells) {
    cell.keys.forEach((key, d) => {
      if (key === null) return;
      const totalKeys = cell.keys.map((k, i) => (i === d ? null : k));
      const lineId = `${d}|${cellId(totalKeys)}`;
      let line = lines.get(lineId);
      if (!line) {
        line = { total: cellId(totalKeys), members: [] };
        lines.set(lineId, line);
      }
      line.members.push(cellId(cell.keys));
    });
  }
  return dimensions === 0 ? [] : [...lines.values()];
}

export interface DisclosureInput {
  dimensions: number;
  /** Every cell with its margins (withMargins). */
  cells: readonly TrueCell[];
  /** Minimum number of units in a published cell. */
  k: number;
  /**
   * For a filtered table: per filter, the true count of each cell's keys with that filter left out. A cell whose
   * count differs from one of those by more than 0 and less than k is withheld (the differencing guard).
   */
  unfiltered?: readonly ReadonlyMap<string, number>[];
}

/**
 * Publishes a table: primary suppression (0 < n < k), the differencing guard, then secondary suppression until
 * every line has none or at least two withheld cells (its total counted), choosing the smallest non-empty
 * published cell of the line as the complement, or the line's total when the line has none. Published counts are
 * perturbed by their cell key; measure sums are published as they are for published cells.
 */
export function discloseTable({ dimensions, cells, k, unfiltered = [] }: DisclosureInput): PublishedCell[] {
  const byId = new Map(cells.map((c) => [cellId(c.keys), c]));
  const suppression = new Map<string, SuppressionKind>();
  for (const [id, cell] of byId) {
    if (cell.n > 0 && cell.n < k) suppression.set(id, 'PRIMARY');
    else if (cell.n > 0 && unfiltered.some((counts) => {
      const difference = (counts.get(id) ?? cell.n) - cell.n;
      return difference > 0 && difference < k;
    })) suppression.set(id, 'DIFFERENCING');
  }
  const lines = linesOf(cells, dimensions);
  for (let changed = true; changed; ) {
    changed = false;
    for (const line of lines) {
      const all = [...line.members, line.total];
      if (all.filter((id) => suppression.has(id)).length !== 1) continue;
      const candidates = line.members.filter((id) => !suppression.has(id) && byId.get(id)!.n > 0);
      candidates.sort((a, b) => byId.get(a)!.n - byId.get(b)!.n || a.localeCompare(b));
      const complement = candidates[0] ?? (suppression.has(line.total) ? undefined : line.total);
      if (complement === undefined) continue; // only empty cells besides it: nothing anyone can subtract
      suppression.set(complement, 'SECONDARY');
      changed = true;
    }
  }
  return [...byId.entries()].map(([id, cell]) => {
    const kind = suppression.get(id) ?? null;
    if (kind) return { keys: cell.keys, value: null, sums: cell.sums.map(() => null), suppressed: true, suppression: kind, n: cell.n };
    const value = cell.n === 0 ? 0 : Math.max(0, cell.n + cellNoise(cell.keySum));
    return { keys: cell.keys, value, sums: [...cell.sums], suppressed: false, suppression: null, n: cell.n };
  });
}
