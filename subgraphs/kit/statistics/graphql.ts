/**
 * The GraphQL face of statistics, the same in every domain: a root field answering a StatisticsTable, and Region
 * indicators (one StatisticsValue per region, taken from the table of the region's level under its parent so that
 * suppression is decided with its siblings and their total), and ratios of two published values.
 */
import type { RequestContext } from '../subgraph';
import type { StatisticDefinition } from './definition';
import type { SuppressionKind } from './disclosure';
import { runStatistics, type StatisticsArgs, type StatisticsTable } from './run';

export interface StatisticsTableResult {
  statistic: string;
  unit: string;
  dimensions: string[];
  measures: string[];
  k: number;
  asOf: string;
  cells: { keys: (string | null)[]; value: number | null; measures: (number | null)[]; suppressed: boolean; suppression: SuppressionKind | null }[];
}

export interface StatisticsValue {
  value: number | null;
  suppressed: boolean;
  suppression: SuppressionKind | null;
  asOf: string | null;
}

function present(table: StatisticsTable): StatisticsTableResult {
  const cells = table.cells
    .map((c) => ({ keys: [...c.keys], value: c.value, measures: c.sums.map((s) => (s === null ? null : Math.round(s * 100) / 100)), suppressed: c.suppressed, suppression: c.suppression }))
    // Totals (null keys) after the cells they sum, in key order: stable output for dashboards and tests.
    .sort((a, b) => JSON.stringify(a.keys.map((k) => k ?? '\uffff')).localeCompare(JSON.stringify(b.keys.map((k) => k ?? '\uffff'))));
  return { statistic: table.statistic, unit: table.unit, dimensions: table.dimensions, measures: table.measures, k: table.k, asOf: table.asOf, cells };
}

/** The root resolver of a domain's statistics field: `populationStatistics(groupBy, filter, measures)`. */
export function statisticsField(domain: string, definition: StatisticDefinition) {
  return async (_: unknown, args: StatisticsArgs, ctx: RequestContext<unknown>): Promise<StatisticsTableResult> => present(await runStatistics(ctx, domain, definition, args));
}

export interface IndicatorSpec {
  definition: StatisticDefinition;
  /** Fixed filters, e.g. STATUS = LIVING. */
  filters?: readonly (readonly [string, string])[];
  /** A measure's sum instead of the count. */
  measure?: string;
}

type Level = 'PROVINCE' | 'CITY' | 'COUNTY';

/** The dimension a region is a value of, and the filter that selects its siblings. */
function levelOf(code: string): { level: Level; parent: readonly [string, string] | null } {
  if (code.endsWith('0000')) return { level: 'PROVINCE', parent: null };
  if (code.slice(2, 4) === '90' || code.endsWith('00')) return { level: 'CITY', parent: ['PROVINCE', `${code.slice(0, 2)}0000`] };
  return { level: 'COUNTY', parent: ['CITY', `${code.slice(0, 4)}00`] };
}

// Per request: the same table asked for several regions is computed once.
const tablesByRequest = new WeakMap<object, Map<string, Promise<StatisticsTable>>>();

/** One region's indicator, suppressed as its cell in the table of its level under its parent. */
export async function regionIndicator(ctx: RequestContext<unknown>, domain: string, spec: IndicatorSpec, code: string): Promise<StatisticsValue> {
  const { level, parent } = levelOf(code);
  const filter = [...(parent ? [parent] : []), ...(spec.filters ?? [])].map(([dimension, value]) => ({ dimension, value }));
  const args: StatisticsArgs = { groupBy: [level], filter, measures: spec.measure ? [spec.measure] : [] };
  let tables = tablesByRequest.get(ctx);
  if (!tables) {
    tables = new Map();
    tablesByRequest.set(ctx, tables);
  }
  const key = JSON.stringify([spec.definition.name, args]);
  let table = tables.get(key);
  if (!table) {
    table = runStatistics(ctx, domain, spec.definition, args);
    tables.set(key, table);
  }
  const t = await table;
  const cell = t.cells.find((c) => c.keys[0] === code);
  if (!cell) return { value: 0, suppressed: false, suppression: null, asOf: t.asOf };
  const value = spec.measure ? cell.sums[0] : cell.value;
  return { value: value === null ? null : Math.round(value * 100) / 100, suppressed: cell.suppressed, suppression: cell.suppression, asOf: t.asOf };
}

/** numerator / denominator × scale, withheld when either is (or the denominator is 0). */
export function ratio(numerator: StatisticsValue | null | undefined, denominator: StatisticsValue | null | undefined, scale = 1): StatisticsValue {
  const asOf = [numerator?.asOf, denominator?.asOf].filter((a): a is string => !!a).sort()[0] ?? null;
  if (!numerator || !denominator || numerator.value === null || denominator.value === null || numerator.suppressed || denominator.suppressed) {
    return { value: null, suppressed: true, suppression: numerator?.suppression ?? denominator?.suppression ?? 'SECONDARY', asOf };
  }
  if (denominator.value === 0) return { value: null, suppressed: false, suppression: null, asOf };
  return { value: Math.round((numerator.value / denominator.value) * scale * 10000) / 10000, suppressed: false, suppression: null, asOf };
}

/**
 * A region as a domain that adds indicators sees it: its key, and apart from it the values @requires brought from
 * other domains (inputs to a ratio, which a caller sending `_entities` straight to the subgraph writes itself).
 */
export interface RegionRef {
  code: string;
  requires?: { residents?: StatisticsValue | null; schoolAgeChildren?: StatisticsValue | null };
}

/**
 * `__resolveReference` of Region in the domains that add indicators: never the representation itself, whose fields
 * the caller wrote, but its key, validated, with the @requires values kept out of the record that rules judge.
 */
export function regionReference(ref: { code?: unknown; residents?: unknown; schoolAgeChildren?: unknown }): RegionRef | null {
  if (typeof ref.code !== 'string' || !/^\d{6}$/.test(ref.code)) return null;
  return { code: ref.code, requires: { residents: statisticsValueOrNull(ref.residents), schoolAgeChildren: statisticsValueOrNull(ref.schoolAgeChildren) } };
}

/** A value @requires brought, if it has the shape of one; anything else counts as absent (the ratio is withheld). */
function statisticsValueOrNull(value: unknown): StatisticsValue | null {
  if (value === null || typeof value !== 'object') return null;
  const v = value as Record<string, unknown>;
  if (!(v.value === null || typeof v.value === 'number') || typeof v.suppressed !== 'boolean') return null;
  return { value: v.value as number | null, suppressed: v.suppressed, suppression: typeof v.suppression === 'string' ? (v.suppression as StatisticsValue['suppression']) : null, asOf: typeof v.asOf === 'string' ? v.asOf : null };
}
