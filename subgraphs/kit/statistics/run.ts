/**
 * Answers one statistics table for a caller: checks the `aggregate` permission on every field the dimensions,
 * filters and measures read, restricts to the rows the caller may aggregate, counts in the database (a rollup when
 * one covers the query, the records otherwise), applies disclosure control and reports the request's facts.
 */
import { GraphQLError } from 'graphql';
import type { FilterQuery } from '@mikro-orm/core';
import { rowFilter, type FieldEntry } from '../../../auth';
import { badInput } from '../errors';
import { statisticsConfig } from '../config';
import { todayInChina } from '../scalars';
import type { RequestContext } from '../subgraph';
import type { StatisticDefinition } from './definition';
import { cellId, discloseTable, withMargins, type PublishedCell, type SuppressionKind, type TrueCell } from './disclosure';
import { reportStatisticsRequest, type StatisticsRequestFacts } from './request-facts';
import { cellsFromRecords, cellsFromRollup, chooseRollup, rollupRefreshedAt, rollupTable, type CellQuery } from './sql';

/** Default minimum cell size, and the stricter one where a SENSITIVE field is involved (catalogue minCellSize wins). */
export const DEFAULT_MIN_CELL_SIZE = 10;
export const SENSITIVE_MIN_CELL_SIZE = 20;
/** At most this many dimensions per table (2^d margins per cell). */
export const MAX_DIMENSIONS = 4;

export interface StatisticsArgs {
  groupBy: readonly string[];
  filter?: readonly { dimension: string; value: string }[] | null;
  measures?: readonly string[] | null;
}

export interface StatisticsTable {
  statistic: string;
  unit: string;
  dimensions: string[];
  measures: string[];
  k: number;
  asOf: string;
  cells: PublishedCell[];
}

export function minCellSize(entry: FieldEntry | undefined): number {
  if (entry?.minCellSize !== undefined) return entry.minCellSize;
  return entry?.sensitivity === 'SENSITIVE' ? SENSITIVE_MIN_CELL_SIZE : DEFAULT_MIN_CELL_SIZE;
}

function forbiddenAggregate(type: string, field: string, entry: FieldEntry | undefined): GraphQLError {
  return new GraphQLError(
    `Statistics over ${type}.${field} need the "aggregate" permission on it, which your account does not have${entry ? ` (${entry.sharing} data of ${entry.owner})` : ''}. Ask your security officer for a policy that grants it, or group and filter by other dimensions.`,
    { extensions: { code: 'FORBIDDEN', type, field, action: 'aggregate' } },
  );
}

function validate(definition: StatisticDefinition, args: StatisticsArgs): { groupBy: string[]; filters: [string, string][]; measures: string[] } {
  const groupBy = [...args.groupBy];
  if (groupBy.length > MAX_DIMENSIONS) throw badInput('groupBy', `group by at most ${MAX_DIMENSIONS} dimensions at once.`);
  if (new Set(groupBy).size !== groupBy.length) throw badInput('groupBy', 'name each dimension once.');
  for (const d of groupBy) if (!(d in definition.dimensions)) throw badInput('groupBy', `${definition.name} has no dimension ${d}.`);
  const filters: [string, string][] = [];
  for (const { dimension, value } of args.filter ?? []) {
    const spec = definition.dimensions[dimension];
    if (!spec) throw badInput('filter', `${definition.name} has no dimension ${dimension}.`);
    if (filters.some(([d]) => d === dimension)) throw badInput('filter', `filter ${dimension} once.`);
    if (groupBy.includes(dimension)) throw badInput('filter', `${dimension} is both grouped and filtered; group by it or filter on it.`);
    if (value.length > 64 || (spec.valuePattern && !spec.valuePattern.test(value))) throw badInput('filter', `"${value}" is not a value of ${dimension}.`);
    filters.push([dimension, value]);
  }
  const measures = [...(args.measures ?? [])];
  for (const m of measures) if (!definition.measures?.[m]) throw badInput('measures', `${definition.name} has no measure ${m}.`);
  return { groupBy, filters, measures };
}

/** Rows the caller may aggregate on every field read, or a FORBIDDEN naming the first field they may not. */
function aggregateScope(ctx: RequestContext<unknown>, definition: StatisticDefinition, fields: readonly string[]): FilterQuery<object> {
  const ability = ctx.auth?.ability;
  if (!ability) return {};
  const parts: object[] = [];
  for (const field of fields) {
    const filter = rowFilter(ability, 'aggregate', definition.type, undefined, { fields: [field] });
    if (filter.kind === 'none') throw forbiddenAggregate(definition.type, field, ability.catalogue[definition.type]?.fields[field]);
    if (filter.kind === 'where') parts.push(filter.where as object);
  }
  const unique = [...new Map(parts.map((p) => [JSON.stringify(p), p])).values()];
  return (unique.length === 0 ? {} : unique.length === 1 ? unique[0] : { $and: unique }) as FilterQuery<object>;
}

async function finestCells(ctx: RequestContext<unknown>, definition: StatisticDefinition, query: CellQuery, salt: string): Promise<{ cells: TrueCell[]; source: string; asOf: string }> {
  const chosen = chooseRollup(definition, query);
  if (chosen) {
    const table = rollupTable(definition, chosen.rollup);
    const asOf = await rollupRefreshedAt(ctx.em, table);
    // A rollup not built yet (the first build runs in the background at start) is skipped.
    if (asOf) return { cells: await cellsFromRollup(ctx.em, definition, query, chosen.rollup, chosen.scope), source: `rollup:${table}`, asOf };
  }
  return { cells: await cellsFromRecords(ctx.em, definition, query, salt), source: 'records', asOf: new Date().toISOString() };
}

export async function runStatistics(ctx: RequestContext<unknown>, domain: string, definition: StatisticDefinition, args: StatisticsArgs): Promise<StatisticsTable> {
  const started = Date.now();
  const { groupBy, filters, measures } = validate(definition, args);
  const principal = ctx.auth?.principal;
  const facts: StatisticsRequestFacts = {
    requestId: ctx.requestId,
    at: new Date().toISOString(),
    caller: { sub: principal?.sub ?? null, dept: principal?.dept ?? null, roles: principal?.roles ?? [], region: principal?.region ?? null, purpose: principal?.purpose ?? null },
    domain,
    statistic: definition.name,
    dimensions: groupBy,
    filters: filters.map(([dimension, value]) => ({ dimension, value })),
    measures,
    outcome: 'ANSWERED',
  };
  const fields = [...new Set([...groupBy, ...filters.map(([d]) => d)].flatMap((d) => definition.dimensions[d].fields).concat(measures.flatMap((m) => definition.measures![m].fields)))];
  let scope: FilterQuery<object>;
  try {
    scope = aggregateScope(ctx, definition, fields);
  } catch (error) {
    reportStatisticsRequest({ ...facts, outcome: 'FORBIDDEN', forbiddenField: String((error as GraphQLError).extensions?.field ?? '') });
    throw error;
  }
  const catalogueFields = ctx.auth?.ability.catalogue[definition.type]?.fields ?? {};
  const k = Math.max(DEFAULT_MIN_CELL_SIZE, ...fields.map((f) => minCellSize(catalogueFields[f])));
  const salt = statisticsConfig().keySalt;
  const today = todayInChina();
  const query: CellQuery = { groupBy, filters, measures, scope, today };
  const main = await finestCells(ctx, definition, query, salt);
  // The differencing guard: the same table with each filter left out in turn.
  const unfiltered = await Promise.all(
    filters.map(async (_, i) => {
      const other = await finestCells(ctx, definition, { ...query, filters: filters.filter((__, j) => j !== i), measures: [] }, salt);
      return new Map(withMargins(other.cells, groupBy.length).map((c) => [cellId(c.keys), c.n]));
    }),
  );
  const cells = discloseTable({ dimensions: groupBy.length, cells: withMargins(main.cells, groupBy.length), k, unfiltered });
  const suppressed: Record<SuppressionKind, number> = { PRIMARY: 0, SECONDARY: 0, DIFFERENCING: 0 };
  for (const c of cells) if (c.suppression) suppressed[c.suppression] += 1;
  reportStatisticsRequest({ ...facts, k, cells: cells.length, suppressed, source: main.source, asOf: main.asOf, milliseconds: Date.now() - started });
  // Audited like record reads: the request's audit record (written before the response leaves) names the statistic
  // and every field it counted by.
  ctx.audit?.statistic(domain, definition.name, definition.type, fields);
  return { statistic: definition.name, unit: definition.unit, dimensions: groupBy, measures, k, asOf: main.asOf, cells };
}
