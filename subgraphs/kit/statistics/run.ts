/**
 * Answers one statistics table for a caller: checks the `aggregate` permission on every field the dimensions,
 * filters and measures read, restricts to the rows the caller may aggregate, counts in the database (a rollup when
 * one covers the query, the records otherwise), applies disclosure control and reports the request's facts. With a
 * statistics cache (cache.ts) a table published once is served again to every caller of the same scope, under the
 * same policy and rollups; refusals come before the cache, and facts and audit are the same for a cached table.
 */
import { GraphQLError } from 'graphql';
import type { FilterQuery } from '@mikro-orm/core';
import { rowFilter, type FieldEntry, type RuleSource } from '../../../auth';
import { badInput } from '../errors';
import { statisticsConfig } from '../config';
import { todayInChina } from '../scalars';
import type { RequestContext } from '../subgraph';
import type { StatisticDefinition } from './definition';
import { definitionFingerprint, saltDigest, statisticsCacheKeyFor, type CachedCell, type CachedTable } from './cache';
import { cellId, discloseTable, withMargins, type SuppressionKind, type TrueCell } from './disclosure';
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
  /** Published cells: never a true count. */
  cells: readonly CachedCell[];
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

/** Rows of `type` the caller may aggregate on every field read, or a FORBIDDEN naming the first field they may not. */
export function aggregateScope(ctx: RequestContext<unknown>, type: string, fields: readonly string[]): FilterQuery<object> {
  const ability = ctx.auth?.ability;
  if (!ability) return {};
  const parts: object[] = [];
  for (const field of fields) {
    const filter = rowFilter(ability, 'aggregate', type, undefined, { fields: [field] });
    if (filter.kind === 'none') throw forbiddenAggregate(type, field, ability.catalogue[type]?.fields[field]);
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

/** The queries of one table: the table itself, then for the differencing guard the same with each filter left out. */
function queriesOf(query: CellQuery): CellQuery[] {
  return [query, ...query.filters.map((_, i) => ({ ...query, filters: query.filters.filter((__, j) => j !== i), measures: [] }))];
}

interface Computed {
  table: CachedTable;
  /** Per query of queriesOf: the rollup table read and its rebuild time, or null when the records were read. */
  sources: ([string, string] | null)[];
}

/** Counts (in the database) and publishes (disclosure control) one table. */
async function computeTable(ctx: RequestContext<unknown>, definition: StatisticDefinition, query: CellQuery, k: number, salt: string): Promise<Computed> {
  const [main, ...others] = await Promise.all(queriesOf(query).map((q) => finestCells(ctx, definition, q, salt)));
  // The differencing guard: the same table with each filter left out in turn.
  const unfiltered = others.map((other) => new Map(withMargins(other.cells, query.groupBy.length).map((c) => [cellId(c.keys), c.n])));
  const published = discloseTable({ dimensions: query.groupBy.length, cells: withMargins(main.cells, query.groupBy.length), k, unfiltered });
  // True counts stay here: neither callers nor the cache ever get them.
  const cells = published.map((c) => ({ keys: [...c.keys], value: c.value, sums: c.sums, suppressed: c.suppressed, suppression: c.suppression }));
  const table: CachedTable = { statistic: definition.name, unit: definition.unit, dimensions: [...query.groupBy], measures: [...query.measures], k, asOf: main.asOf, source: main.source, cells };
  const sources = [main, ...others].map((r) => (r.source.startsWith('rollup:') ? ([r.source.slice('rollup:'.length), r.asOf] as [string, string]) : null));
  return { table, sources };
}

/** The rules and grants behind the caller's `aggregate` on these fields, and the grants in force on the type. */
function decidedBy(ctx: RequestContext<unknown>, definition: StatisticDefinition, fields: readonly string[]): { rules: string[]; grants: string[] } {
  const ability = ctx.auth?.ability;
  if (!ability) return { rules: [], grants: [] };
  const rules = new Set<string>();
  for (const field of fields) {
    for (const rule of ability.casl.rulesFor('aggregate', definition.type, field)) {
      const source = (rule.origin as { source?: RuleSource } | undefined)?.source;
      rules.add(source ? `${source.kind}:${source.id}${rule.inverted ? ':inverted' : ''}` : 'unknown');
    }
  }
  const grants = (ctx.auth?.policies.grants ?? []).filter((g) => g.subject === definition.type || g.subject === 'all').map((g) => g.id);
  return { rules: [...rules].sort(), grants: [...new Set(grants)].sort() };
}

/**
 * What a table request needs that depends only on the statistic, its arguments, the caller's ability and policy
 * snapshot and the day: validated arguments, the fields counted, the caller's row scope, k, the rollups planned,
 * and the cache key but for the rollups' rebuild times. Kept per ability (a caller's abilities are cached per policy
 * version: subgraphs/kit/authorization.ts), so a dashboard asking the same tables again does this work once.
 * Refusals are never kept: a caller who may not aggregate is refused, reported and audited on every request.
 */
interface PreparedTable {
  snapshot: unknown;
  groupBy: string[];
  filters: [string, string][];
  measures: string[];
  fields: string[];
  k: number;
  salt: string;
  query: CellQuery;
  /** The rollup tables of the table and its differencing guard, or null when one of them is read from the records. */
  tables: string[] | null;
  keyFor: ((sources: readonly (readonly [string, string])[]) => string | null) | null;
}

const MAX_PREPARED_PER_ABILITY = 256;
const preparedTables = new WeakMap<StatisticDefinition, WeakMap<object, Map<string, PreparedTable>>>();

function prepareTable(ctx: RequestContext<unknown>, domain: string, definition: StatisticDefinition, args: StatisticsArgs, today: string, facts: StatisticsRequestFacts): PreparedTable {
  const { groupBy, filters, measures } = validate(definition, args);
  const fields = [...new Set([...groupBy, ...filters.map(([d]) => d)].flatMap((d) => definition.dimensions[d].fields).concat(measures.flatMap((m) => definition.measures![m].fields)))];
  // Refusals first: a caller who may not aggregate a field is refused before any cache is read.
  let scope: FilterQuery<object>;
  try {
    scope = aggregateScope(ctx, definition.type, fields);
  } catch (error) {
    reportStatisticsRequest({ ...facts, outcome: 'FORBIDDEN', forbiddenField: String((error as GraphQLError).extensions?.field ?? '') });
    throw error;
  }
  const catalogueFields = ctx.auth?.ability.catalogue[definition.type]?.fields ?? {};
  const k = Math.max(DEFAULT_MIN_CELL_SIZE, ...fields.map((f) => minCellSize(catalogueFields[f])));
  const salt = statisticsConfig().keySalt;
  // Filters in a fixed order: the table does not depend on the order they were given in, so neither does its key.
  const sortedFilters = [...filters].sort(([a], [b]) => a.localeCompare(b));
  // Dimensions in a fixed order too: secondary suppression picks complements by the order it meets cells, so the
  // same table asked with its dimensions swapped must be computed the same way, or it would publish other cells.
  const canonical = [...groupBy].sort();
  const query: CellQuery = { groupBy: canonical, filters: sortedFilters, measures, scope, today };
  const snapshot = ctx.auth?.policies;
  let keyFor: PreparedTable['keyFor'] = null;
  let tables: string[] | null = null;
  if (ctx.statisticsCache) {
    const decided = decidedBy(ctx, definition, fields);
    keyFor = statisticsCacheKeyFor({
      domain,
      statistic: definition.name,
      definition: definitionFingerprint(definition),
      groupBy: canonical,
      filters: sortedFilters,
      measures,
      scope,
      fields: [...fields].sort(),
      decidedBy: decided.rules,
      policy: snapshot ? { version: snapshot.version, number: snapshot.policyVersion, seq: snapshot.seq, grants: decided.grants } : null,
      k,
      today,
      salt: saltDigest(salt),
    });
    // Which rollups the table and its differencing guard will read.
    const planned = queriesOf(query).map((q) => chooseRollup(definition, q));
    tables = planned.every((p) => p !== null) ? planned.map((p) => rollupTable(definition, p!.rollup)) : null;
  }
  return { snapshot, groupBy, filters, measures, fields, k, salt, query, tables, keyFor };
}

function preparedTable(ctx: RequestContext<unknown>, domain: string, definition: StatisticDefinition, args: StatisticsArgs, today: string, facts: StatisticsRequestFacts): PreparedTable {
  const ability = ctx.auth?.ability;
  if (!ability) return prepareTable(ctx, domain, definition, args, today, facts);
  let byAbility = preparedTables.get(definition);
  if (!byAbility) preparedTables.set(definition, (byAbility = new WeakMap()));
  let prepared = byAbility.get(ability);
  if (!prepared) byAbility.set(ability, (prepared = new Map()));
  const key = JSON.stringify([domain, today, !!ctx.statisticsCache, args.groupBy, args.filter ?? null, args.measures ?? null]);
  const known = prepared.get(key);
  if (known && known.snapshot === ctx.auth?.policies) return known;
  const fresh = prepareTable(ctx, domain, definition, args, today, facts);
  if (prepared.size >= MAX_PREPARED_PER_ABILITY) prepared.clear();
  prepared.set(key, fresh);
  return fresh;
}

export async function runStatistics(ctx: RequestContext<unknown>, domain: string, definition: StatisticDefinition, args: StatisticsArgs): Promise<StatisticsTable> {
  const started = Date.now();
  const principal = ctx.auth?.principal;
  const today = todayInChina();
  const facts: StatisticsRequestFacts = {
    requestId: ctx.requestId,
    at: new Date().toISOString(),
    caller: { sub: principal?.sub ?? null, dept: principal?.dept ?? null, roles: principal?.roles ?? [], region: principal?.region ?? null, purpose: principal?.purpose ?? null },
    domain,
    statistic: definition.name,
    dimensions: [...args.groupBy],
    filters: (args.filter ?? []).map(({ dimension, value }) => ({ dimension, value })),
    measures: [...(args.measures ?? [])],
    outcome: 'ANSWERED',
  };
  const prepared = preparedTable(ctx, domain, definition, args, today, facts);
  const { groupBy, fields, k, salt, tables, keyFor } = prepared;
  // The kept query is shared by the caller's requests; counting gets a copy (query building may rewrite a where).
  const query = (): CellQuery => ({ ...prepared.query, groupBy: [...prepared.query.groupBy], filters: prepared.query.filters.map((f) => [...f] as [string, string]), measures: [...prepared.query.measures], scope: structuredClone(prepared.query.scope) });

  const cache = ctx.statisticsCache;
  let result: { table: CachedTable; cache: StatisticsRequestFacts['cache'] };
  if (!cache) {
    result = { table: (await computeTable(ctx, definition, query(), k, salt)).table, cache: undefined };
  } else {
    // When this service knows the planned rollups rebuilt.
    const times = tables ? await cache.clock.asOf(tables).catch(() => null) : null;
    const key = tables && keyFor && times && times.every((t) => t !== null) ? keyFor(tables.map((t, i) => [t, times[i]!] as const)) : null;
    const hit = key ? await cache.get(key) : null;
    if (hit) {
      result = { table: hit.table, cache: hit.result };
    } else {
      const computed = await (key ? cache.once(key, () => computeTable(ctx, definition, query(), k, salt)) : computeTable(ctx, definition, query(), k, salt));
      // Stored under the rebuild times actually read (the clock may not know a rebuild by another replica yet).
      const sources = computed.sources.every((s) => s !== null) ? (computed.sources as [string, string][]) : null;
      for (const s of sources ?? []) cache.clock.note(s[0], s[1]);
      const storeKey = sources && keyFor ? keyFor(sources) : null;
      if (storeKey) await cache.set(storeKey, computed.table);
      else cache.bypass();
      result = { table: computed.table, cache: storeKey ? 'miss' : 'bypass' };
    }
  }

  const { table } = result;
  const suppressed: Record<SuppressionKind, number> = { PRIMARY: 0, SECONDARY: 0, DIFFERENCING: 0 };
  for (const c of table.cells) if (c.suppression) suppressed[c.suppression] += 1;
  reportStatisticsRequest({
    ...facts,
    k: table.k,
    cells: table.cells.length,
    suppressed,
    source: table.source,
    asOf: table.asOf,
    milliseconds: Date.now() - started,
    ...(result.cache ? { cache: result.cache } : {}),
  });
  // Audited like record reads, from the cache as when computed: the request's audit record (written before the
  // response leaves) names the statistic and every field it counted by.
  ctx.audit?.statistic(domain, definition.name, definition.type, fields);
  // Back to the order asked for.
  const order = groupBy.map((d) => table.dimensions.indexOf(d));
  const cells = table.cells.map((c) => ({ ...c, keys: order.map((i) => c.keys[i]!) }));
  return { statistic: table.statistic, unit: table.unit, dimensions: [...groupBy], measures: [...table.measures], k: table.k, asOf: table.asOf, cells };
}
