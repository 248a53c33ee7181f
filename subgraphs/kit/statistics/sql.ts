/**
 * The SQL of statistics: GROUP BY over the counted table (row scope applied by MikroORM's own query builder), or
 * over a pre-aggregated rollup table when one covers the query. Dimension expressions come from the domain's
 * definition; every filter value reaches SQL as a binding.
 */
import { createHash } from 'node:crypto';
import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '../orm';
import { KEY_RANGE, recordKeySql } from './cell-key';
import type { Columns, Sql, StatisticDefinition } from './definition';
import type { TrueCell } from './disclosure';
import { noteRollupRefreshed } from './rollup-clock';

export type Dialect = 'postgresql' | 'sqlite';

export interface CellQuery {
  groupBy: readonly string[];
  /** Dimension = value conditions. */
  filters: readonly (readonly [string, string])[];
  measures: readonly string[];
  /** The caller's row scope on the counted table ({} for all rows). */
  scope: FilterQuery<object>;
  today: string;
}

export function dialectOf(em: EntityManager): Dialect {
  return em.getKnex().client.config.client === 'pg' || em.getPlatform().constructor.name.startsWith('PostgreSql') ? 'postgresql' : 'sqlite';
}

function schemaOf(em: EntityManager): string | undefined {
  return dialectOf(em) === 'postgresql' ? (em.config.get('schema') as string | undefined) : undefined;
}

function quote(identifier: string): string {
  return `"${identifier.replace(/"/g, '""')}"`;
}

export function columnsOf(em: EntityManager, definition: StatisticDefinition): Columns {
  const meta = em.getMetadata().get(definition.entity.meta.className);
  return Object.fromEntries(Object.values(meta.properties).map((p) => [p.name, `t.${quote(p.fieldNames[0])}`]));
}

function fragment(value: Sql | string): Sql {
  return typeof value === 'string' ? { sql: value } : value;
}

function dimensionSql(em: EntityManager, definition: StatisticDefinition, dimension: string, today: string): Sql {
  const table = (entity: { meta: { className: string } }) => qualified(em, em.getMetadata().get(entity.meta.className).tableName);
  return fragment(definition.dimensions[dimension].sql(columnsOf(em, definition), today, table));
}

function keyColumn(c: Columns, definition: StatisticDefinition): string {
  const parts = definition.keyParts ?? [definition.key];
  return parts.length === 1 ? c[parts[0]] : parts.map((p) => c[p]).join(` || '/' || `);
}

interface Selected {
  sql: string;
  bindings: (string | number)[];
}

/** The select list of finest cells over the counted table: dimensions d0.., n, ks (key sum mod 2^32), m0... */
function recordSelect(em: EntityManager, definition: StatisticDefinition, dimensions: readonly string[], measures: readonly string[], today: string, salt: string): Selected {
  const c = columnsOf(em, definition);
  const parts: string[] = [];
  const bindings: (string | number)[] = [];
  dimensions.forEach((d, i) => {
    const s = dimensionSql(em, definition, d, today);
    parts.push(`${s.sql} as d${i}`);
    bindings.push(...(s.bindings ?? []));
  });
  parts.push('count(*) as n', `sum(${recordKeySql(dialectOf(em), keyColumn(c, definition))}) % ${KEY_RANGE} as ks`);
  bindings.push(salt);
  measures.forEach((m, i) => parts.push(`sum(${definition.measures![m].sql(c)}) as m${i}`));
  return { sql: parts.join(', '), bindings };
}

function groupByList(count: number): string {
  return Array.from({ length: count }, (_, i) => String(i + 1)).join(', ');
}

function toCells(rows: Record<string, unknown>[], dimensions: number, measures: number): TrueCell[] {
  return rows.map((row) => ({
    keys: Array.from({ length: dimensions }, (_, i) => (row[`d${i}`] === null || row[`d${i}`] === undefined ? '' : String(row[`d${i}`]))),
    n: Number(row.n),
    keySum: Number(row.ks),
    sums: Array.from({ length: measures }, (_, i) => Number(row[`m${i}`] ?? 0)),
  }));
}

/** Finest cells straight from the records: the caller's scope as MikroORM renders it, then the filters. */
export async function cellsFromRecords(em: EntityManager, definition: StatisticDefinition, query: CellQuery, salt: string): Promise<TrueCell[]> {
  const knex = em.getKnex();
  const qb = em.createQueryBuilder(definition.entity, 't').where(query.scope as never).getKnexQuery();
  const select = recordSelect(em, definition, query.groupBy, query.measures, query.today, salt);
  qb.clearSelect().select(knex.raw(select.sql, select.bindings));
  for (const [dimension, value] of query.filters) {
    const s = dimensionSql(em, definition, dimension, query.today);
    qb.whereRaw(`(${s.sql}) = ?`, [...(s.bindings ?? []), value]);
  }
  if (query.groupBy.length > 0) qb.groupByRaw(groupByList(query.groupBy.length));
  const rows = (await em.getConnection().execute(qb as never)) as Record<string, unknown>[];
  return toCells(rows, query.groupBy.length, query.measures.length);
}

// --- Rollups: summary tables refreshed on write -------------------------------------------------------------

export function rollupTable(definition: StatisticDefinition, rollup: readonly string[]): string {
  const hash = createHash('sha256').update(JSON.stringify([rollup, Object.keys(definition.measures ?? {})])).digest('hex').slice(0, 8);
  return `stat_${definition.name}_${hash}`;
}

function qualified(em: EntityManager, table: string): string {
  const schema = schemaOf(em);
  return schema ? `${quote(schema)}.${quote(table)}` : quote(table);
}

const dimensionColumn = (d: string) => quote(`d_${d.toLowerCase()}`);
const measureColumn = (m: string) => quote(`m_${m.toLowerCase()}`);

export async function ensureRollup(em: EntityManager, definition: StatisticDefinition, rollup: readonly string[]): Promise<void> {
  const measures = Object.keys(definition.measures ?? {});
  const columns = [...rollup.map((d) => `${dimensionColumn(d)} varchar(64)`), 'n bigint not null', 'ks bigint not null', ...measures.map((m) => `${measureColumn(m)} double precision`)];
  await em.getConnection().execute(`create table if not exists ${qualified(em, rollupTable(definition, rollup))} (${columns.join(', ')})`);
  await em.getConnection().execute(`create table if not exists ${qualified(em, 'stat_refresh')} (table_name varchar(64) primary key, refreshed_at varchar(32) not null)`);
}

/** Rebuilds one rollup in one transaction: readers see the previous numbers until it commits. */
export async function refreshRollup(em: EntityManager, definition: StatisticDefinition, rollup: readonly string[], today: string, salt: string): Promise<void> {
  const table = rollupTable(definition, rollup);
  const measures = Object.keys(definition.measures ?? {});
  const select = recordSelect(em, definition, rollup, measures, today, salt);
  const meta = em.getMetadata().get(definition.entity.meta.className);
  const source = qualified(em, meta.tableName);
  const target = [...rollup.map(dimensionColumn), 'n', 'ks', ...measures.map(measureColumn)].join(', ');
  const group = rollup.length > 0 ? ` group by ${groupByList(rollup.length)}` : '';
  const now = new Date().toISOString();
  await em.fork().transactional(async (tx) => {
    const connection = tx.getConnection();
    const ctx = tx.getTransactionContext();
    await connection.execute(`delete from ${qualified(tx, table)}`, [], 'run', ctx);
    await connection.execute(`insert into ${qualified(tx, table)} (${target}) select ${select.sql} from ${source} t${group}`, select.bindings as unknown[], 'run', ctx);
    await connection.execute(`delete from ${qualified(tx, 'stat_refresh')} where table_name = ?`, [table], 'run', ctx);
    await connection.execute(`insert into ${qualified(tx, 'stat_refresh')} (table_name, refreshed_at) values (?, ?)`, [table, now], 'run', ctx);
  });
  // Committed: this service's cache of published tables stops using the previous numbers at once.
  noteRollupRefreshed(em, table, now);
}

export async function rollupRefreshedAt(em: EntityManager, table: string): Promise<string | null> {
  const rows = (await em.getConnection().execute(`select refreshed_at from ${qualified(em, 'stat_refresh')} where table_name = ?`, [table])) as { refreshed_at: string }[];
  return rows[0]?.refreshed_at ?? null;
}

/** When every rollup of the database was last rebuilt, in one statement (the statistics cache's clock). */
export async function rollupRefreshTimes(em: EntityManager): Promise<Map<string, string>> {
  const rows = (await em.getConnection().execute(`select table_name, refreshed_at from ${qualified(em, 'stat_refresh')}`)) as { table_name: string; refreshed_at: string }[];
  return new Map(rows.map((r) => [r.table_name, r.refreshed_at]));
}

/**
 * The row scope on a rollup's dimension columns, or null when it cannot be expressed there (then the records are
 * read). Understands what region-scoped policies produce: equality, IN and prefix LIKE on scope dimensions,
 * combined with $and, $or and $not.
 */
export function scopeOnRollup(where: unknown, definition: StatisticDefinition, rollup: readonly string[]): Sql | null {
  if (where === null || typeof where !== 'object') return null;
  const parts: Sql[] = [];
  for (const [key, value] of Object.entries(where as Record<string, unknown>)) {
    if (key === '$and' || key === '$or') {
      if (!Array.isArray(value) || value.length === 0) return null;
      const items = value.map((v) => scopeOnRollup(v, definition, rollup));
      if (items.some((i) => i === null)) return null;
      parts.push({ sql: `(${items.map((i) => i!.sql).join(key === '$and' ? ' and ' : ' or ')})`, bindings: items.flatMap((i) => i!.bindings ?? []) });
      continue;
    }
    if (key === '$not') {
      const inner = scopeOnRollup(value, definition, rollup);
      if (!inner) return null;
      parts.push({ sql: `not (${inner.sql})`, bindings: inner.bindings });
      continue;
    }
    const dimension = definition.scopeDimensions?.[key];
    if (!dimension || !rollup.includes(dimension)) return null;
    const column = dimensionColumn(dimension);
    if (typeof value === 'string') parts.push({ sql: `${column} = ?`, bindings: [value] });
    else if (value && typeof value === 'object' && Object.keys(value).length === 1) {
      const [op, operand] = Object.entries(value as Record<string, unknown>)[0];
      if (op === '$like' && typeof operand === 'string') parts.push({ sql: `${column} like ?`, bindings: [operand] });
      else if (op === '$eq' && typeof operand === 'string') parts.push({ sql: `${column} = ?`, bindings: [operand] });
      else if (op === '$in' && Array.isArray(operand) && operand.length > 0 && operand.every((o) => typeof o === 'string')) {
        parts.push({ sql: `${column} in (${operand.map(() => '?').join(', ')})`, bindings: operand as string[] });
      } else return null;
    } else return null;
  }
  if (parts.length === 0) return { sql: '1 = 1' };
  return { sql: parts.map((p) => p.sql).join(' and '), bindings: parts.flatMap((p) => p.bindings ?? []) };
}

/** The smallest rollup holding every dimension the query groups or filters by, with the scope expressed on it. */
export function chooseRollup(definition: StatisticDefinition, query: CellQuery): { rollup: readonly string[]; scope: Sql } | null {
  const needed = new Set([...query.groupBy, ...query.filters.map(([d]) => d)]);
  const candidates = [...(definition.rollups ?? [])].filter((r) => [...needed].every((d) => r.includes(d))).sort((a, b) => a.length - b.length);
  for (const rollup of candidates) {
    const scope = scopeOnRollup(query.scope, definition, rollup);
    if (scope) return { rollup, scope };
  }
  return null;
}

/** Finest cells from a rollup table. */
export async function cellsFromRollup(em: EntityManager, definition: StatisticDefinition, query: CellQuery, rollup: readonly string[], scope: Sql): Promise<TrueCell[]> {
  const select = [
    ...query.groupBy.map((d, i) => `${dimensionColumn(d)} as d${i}`),
    'sum(n) as n',
    `sum(ks) % ${KEY_RANGE} as ks`,
    ...query.measures.map((m, i) => `sum(${measureColumn(m)}) as m${i}`),
  ];
  const where = [scope.sql, ...query.filters.map(([d]) => `${dimensionColumn(d)} = ?`)];
  const bindings = [...(scope.bindings ?? []), ...query.filters.map(([, v]) => v)];
  const group = query.groupBy.length > 0 ? ` group by ${groupByList(query.groupBy.length)}` : '';
  const sql = `select ${select.join(', ')} from ${qualified(em, rollupTable(definition, rollup))} where ${where.join(' and ')}${group}`;
  const rows = (await em.getConnection().execute(sql, bindings)) as Record<string, unknown>[];
  // An empty table grouped by nothing still returns one row (n null): no cells.
  return toCells(rows.filter((r) => r.n !== null && Number(r.n) > 0), query.groupBy.length, query.measures.length);
}
