/**
 * The read path: what a request reads, without what reads do not need. MikroORM stays the layer for entities,
 * schema, migrations and every write; a read that writes nothing needs neither its query builder, its hydration nor
 * its identity map and change tracking. Here a filter (the same MikroORM FilterQuery that scope.ts builds from the
 * caller's ability) is compiled into SQL text with its parameters, the statement is prepared once per connection
 * (better-sqlite3 statement cache; PostgreSQL named statements), and rows come back as plain objects of the entity's
 * properties. A filter this compiler does not know (an operator, a sub-query, a relation) returns null and the caller
 * falls back to MikroORM: the read path narrows what is fast, never what is allowed.
 *
 * Lists of keys are one parameter (PostgreSQL `= any($1)`, SQLite `in (select value from json_each(?))`), so a
 * DataLoader batch of any size is the same statement.
 */
import { createHash } from 'node:crypto';
import BetterSqlite3 from 'better-sqlite3';
import type { EntityMetadata, EntitySchema, MetadataStorage } from '@mikro-orm/core';
import type { DatabaseConfig } from './config';
import { recordKey } from './statistics/cell-key';

export type Row = Record<string, unknown>;

export interface ReadOptions {
  orderBy?: Record<string, 'asc' | 'desc' | 'ASC' | 'DESC'>;
  limit?: number;
}

type Dialect = 'sqlite' | 'postgresql';

/** What a read needs of an entity, worked out once: its table, its columns, how a row becomes an object. */
interface EntityPlan {
  table: string;
  columns: Map<string, string>;
  selectList: string;
  build: (values: unknown[]) => Row;
}

interface Executor {
  all(sql: string, params: unknown[]): Promise<unknown[][]>;
  close(): Promise<void>;
}

/** Statements kept prepared per connection; a filter shape is a statement, and there are few of them. */
const MAX_STATEMENTS = 500;

export class Reader {
  private readonly plans = new Map<string, EntityPlan>();

  constructor(
    private readonly dialect: Dialect,
    private readonly schema: string | undefined,
    /** The discovered metadata (column names are known only after discovery, not on the EntitySchema). */
    private readonly metadata: MetadataStorage,
    private readonly executor: Executor,
    private readonly onStatement: (sql: string, params: readonly unknown[]) => void,
  ) {}

  /** Rows of `entity` matching `where`, or null when the filter is not one this compiler knows (use MikroORM). */
  async find<T extends object>(entity: EntitySchema<T, any>, where: object, options: ReadOptions = {}): Promise<T[] | null> {
    const plan = this.plan(entity.meta.className);
    const params: unknown[] = [];
    const condition = this.condition(plan, where, params);
    if (condition === null) return null;
    let sql = `select ${plan.selectList} from ${plan.table}${condition === TRUE ? '' : ` where ${condition}`}`;
    if (options.orderBy) {
      const order: string[] = [];
      for (const [property, direction] of Object.entries(options.orderBy)) {
        const column = plan.columns.get(property);
        if (!column || typeof direction !== 'string') return null;
        order.push(`${column} ${direction.toLowerCase() === 'desc' ? 'desc' : 'asc'}`);
      }
      if (order.length > 0) sql += ` order by ${order.join(', ')}`;
    }
    if (options.limit !== undefined) sql += ` limit ${this.param(params, options.limit)}`;
    this.onStatement(sql, params);
    const rows = await this.executor.all(sql, params);
    return rows.map(plan.build) as T[];
  }

  /** How many rows match, or null when the filter is not one this compiler knows. */
  async count(entity: EntitySchema<any, any>, where: object): Promise<number | null> {
    const plan = this.plan(entity.meta.className);
    const params: unknown[] = [];
    const condition = this.condition(plan, where, params);
    if (condition === null) return null;
    const sql = `select count(*) from ${plan.table}${condition === TRUE ? '' : ` where ${condition}`}`;
    this.onStatement(sql, params);
    const [row] = await this.executor.all(sql, params);
    return Number(row![0]);
  }

  close(): Promise<void> {
    return this.executor.close();
  }

  private quote(name: string): string {
    return `"${name.replace(/"/g, '""')}"`;
  }

  private param(params: unknown[], value: unknown): string {
    params.push(value);
    return this.dialect === 'postgresql' ? `$${params.length}` : '?';
  }

  private plan(className: string): EntityPlan {
    let plan = this.plans.get(className);
    if (plan) return plan;
    const meta = this.metadata.get(className) as EntityMetadata;
    const properties = Object.values(meta.properties).filter((p) => p.fieldNames?.length === 1 && p.persist !== false && !p.formula);
    const columns = new Map(properties.map((p) => [p.name, this.quote(p.fieldNames[0]!)]));
    const converters = properties.map((p) => converter(this.dialect, String(p.runtimeType ?? p.type)));
    // Rows answer `__meta.className` as MikroORM's entities do (the column guard and subject detection read it).
    const prototype = Object.create(null, { __meta: { value: { className: meta.className }, enumerable: false } }) as object;
    const names = properties.map((p) => p.name);
    const table = (this.schema ? `${this.quote(this.schema)}.` : '') + this.quote(meta.tableName);
    plan = {
      table,
      columns,
      selectList: properties.map((p) => this.quote(p.fieldNames[0]!)).join(', '),
      build: (values) => {
        const row = Object.create(prototype) as Row;
        for (let i = 0; i < names.length; i += 1) row[names[i]!] = converters[i]!(values[i]);
        return row;
      },
    };
    this.plans.set(meta.className, plan);
    return plan;
  }

  /** SQL for a MikroORM filter object, or null when it holds something this compiler does not translate. */
  private condition(plan: EntityPlan, where: unknown, params: unknown[]): string | null {
    if (!isPlainObject(where)) return null;
    const parts: string[] = [];
    for (const [key, value] of Object.entries(where)) {
      let part: string | null;
      if (key === '$and' || key === '$or') {
        if (!Array.isArray(value)) return null;
        if (value.length === 0) {
          if (key === '$or') return null;
          continue;
        }
        const inner: string[] = [];
        for (const item of value) {
          const c = this.condition(plan, item, params);
          if (c === null) return null;
          if (c !== TRUE) inner.push(c);
          // MikroORM drops an empty branch of an or (narrowing it), where SQL logic would make the or true: leave
          // that case to MikroORM rather than answer differently.
          else if (key === '$or') return null;
        }
        part = inner.length === 0 ? TRUE : inner.length === 1 ? inner[0]! : `(${inner.join(key === '$and' ? ' and ' : ' or ')})`;
      } else if (key === '$not') {
        const c = this.condition(plan, value, params);
        if (c === null) return null;
        part = `not (${c})`;
      } else {
        const column = plan.columns.get(key);
        if (!column) return null;
        part = this.fieldCondition(column, value, params);
      }
      if (part === null) return null;
      if (part !== TRUE) parts.push(part);
    }
    if (parts.length === 0) return TRUE;
    return parts.length === 1 ? parts[0]! : `(${parts.join(' and ')})`;
  }

  private fieldCondition(column: string, value: unknown, params: unknown[]): string | null {
    if (!isPlainObject(value)) {
      if (value === null) return `${column} is null`;
      const bound = this.bindable(value);
      return bound === undefined ? null : `${column} = ${this.param(params, bound)}`;
    }
    const parts: string[] = [];
    for (const [op, operand] of Object.entries(value)) {
      let part: string | null = null;
      if (op === '$in' || op === '$nin') {
        if (!Array.isArray(operand)) return null;
        const values = operand.map((v) => this.bindable(v));
        if (values.some((v) => v === undefined || v === null)) return null;
        if (values.length === 0) part = op === '$in' ? '1 = 0' : TRUE;
        else if (this.dialect === 'postgresql') part = op === '$in' ? `${column} = any(${this.param(params, values)})` : `not (${column} = any(${this.param(params, values)}))`;
        else part = `${column} ${op === '$in' ? 'in' : 'not in'} (select value from json_each(${this.param(params, JSON.stringify(values))}))`;
      } else if (op === '$eq' || op === '$ne') {
        if (operand === null) part = `${column} ${op === '$eq' ? 'is null' : 'is not null'}`;
        else {
          const bound = this.bindable(operand);
          if (bound === undefined) return null;
          part = `${column} ${op === '$eq' ? '=' : '!='} ${this.param(params, bound)}`;
        }
      } else if (op in COMPARISONS) {
        const bound = this.bindable(operand);
        if (bound === undefined || bound === null) return null;
        part = `${column} ${COMPARISONS[op]} ${this.param(params, bound)}`;
      } else {
        return null;
      }
      if (part !== TRUE) parts.push(part);
    }
    if (parts.length === 0) return TRUE;
    return parts.length === 1 ? parts[0]! : `(${parts.join(' and ')})`;
  }

  /** A value as the driver binds it, or undefined when it is not a plain value (then MikroORM reads). */
  private bindable(value: unknown): unknown {
    if (value === null || typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value))) return value;
    if (typeof value === 'boolean') return this.dialect === 'sqlite' ? (value ? 1 : 0) : value;
    return undefined;
  }
}

const TRUE = '1 = 1';
const COMPARISONS: Record<string, string> = { $gt: '>', $gte: '>=', $lt: '<', $lte: '<=', $like: 'like' };

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** How a stored value becomes the property MikroORM would hydrate (the equivalence test holds both to it). */
function converter(dialect: Dialect, runtimeType: string): (value: unknown) => unknown {
  const type = runtimeType.toLowerCase();
  if (type === 'boolean') return (v) => (v === null || v === undefined ? null : typeof v === 'boolean' ? v : Boolean(Number(v)));
  if (type === 'date') return (v) => (v === null || v === undefined ? null : v instanceof Date ? v : new Date(typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : (v as string | number)));
  if (type === 'number') return (v) => (v === null || v === undefined ? null : typeof v === 'number' ? v : Number(v));
  if (type === 'object' || type === 'any' || type.endsWith('[]') || type === 'json') {
    return dialect === 'sqlite' ? (v) => (typeof v === 'string' ? JSON.parse(v) : (v ?? null)) : (v) => v ?? null;
  }
  return (v) => (v === undefined ? null : v);
}

interface SqliteStatement {
  raw(toggle: boolean): SqliteStatement;
  all(...params: unknown[]): unknown[][];
}

/** A connection of its own to the domain's SQLite file: reads see committed data (WAL) and never wait for a writer. */
function sqliteExecutor(file: string): Executor {
  const db = new BetterSqlite3(file, { fileMustExist: true });
  db.pragma('busy_timeout = 10000');
  db.pragma('query_only = 1');
  db.function('stat_key', { deterministic: true }, (salt: unknown, id: unknown) => recordKey(String(salt), String(id)));
  const statements = new Map<string, SqliteStatement>();
  return {
    async all(sql, params) {
      let statement = statements.get(sql);
      if (!statement) {
        if (statements.size >= MAX_STATEMENTS) statements.delete(statements.keys().next().value!);
        statement = (db.prepare(sql) as unknown as SqliteStatement).raw(true);
        statements.set(sql, statement);
      }
      return statement.all(...params);
    },
    async close() {
      db.close();
    },
  };
}

interface PgClient {
  query(config: { name: string; text: string; values: unknown[]; rowMode: 'array' }): Promise<{ rows: unknown[][] }>;
}

interface KnexClient {
  acquireConnection(): Promise<PgClient>;
  releaseConnection(connection: PgClient): Promise<unknown>;
}

/** The pool MikroORM already keeps; each statement is named by its text, so each connection prepares it once. */
function postgresExecutor(client: KnexClient): Executor {
  const names = new Map<string, string>();
  return {
    async all(sql, params) {
      let name = names.get(sql);
      if (!name) {
        if (names.size >= MAX_STATEMENTS) names.delete(names.keys().next().value!);
        name = `r_${createHash('sha1').update(sql).digest('base64url').slice(0, 20)}`;
        names.set(sql, name);
      }
      const connection = await client.acquireConnection().catch((reason: unknown) => {
        // knex's pool can reject with the driver's bare error fields; keep them, but as an Error with a stack.
        throw reason instanceof Error ? reason : Object.assign(new Error(`cannot acquire a connection: ${String((reason as { code?: unknown })?.code ?? 'unknown')}`), reason as object);
      });
      try {
        return (await connection.query({ name, text: sql, values: params, rowMode: 'array' })).rows;
      } finally {
        await client.releaseConnection(connection);
      }
    },
    async close() {},
  };
}

/**
 * PostgreSQL: a statement of the kit's own that is not a read of entities (the audit chain's append), through the
 * same pool and prepared-statement names as the read path, and outside the statement counter (audit appends are
 * not data statements).
 */
export function postgresStatements(knexClient: unknown): (sql: string, params: unknown[]) => Promise<unknown[][]> {
  const executor = postgresExecutor(knexClient as KnexClient);
  return (sql, params) => executor.all(sql, params);
}

export function openReader(config: DatabaseConfig, metadata: MetadataStorage, knexClient: unknown, onStatement: (sql: string, params: readonly unknown[]) => void): Reader {
  if (config.driver === 'sqlite') return new Reader('sqlite', undefined, metadata, sqliteExecutor(config.file), onStatement);
  return new Reader('postgresql', config.schema, metadata, postgresExecutor(knexClient as KnexClient), onStatement);
}
