/**
 * One MikroORM instance per domain: each department owns its own database (a SQLite file in the embedded
 * default, a PostgreSQL schema or URL in production). Schema changes at start-up are additive only.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import fs from 'node:fs';
import path from 'node:path';
import type { EntitySchema, MikroORM } from '@mikro-orm/core';
import { MikroORM as SqliteOrm } from '@mikro-orm/better-sqlite';
import { MikroORM as PostgresOrm } from '@mikro-orm/postgresql';
import type { AbstractSqlDriver, SqlEntityManager } from '@mikro-orm/knex';
import type { DatabaseConfig } from './config';
import { recordKey } from './statistics/cell-key';
import type { PoolState } from './metrics';
import { openReader, type Reader } from './reader';
import { databaseDomain, recordStatement, sqlRecording } from './sql-record';

interface SqliteFunctions {
  function(name: string, options: { deterministic: boolean }, fn: (...args: unknown[]) => unknown): void;
}

/** What knex's pool (tarn) tells about itself. */
interface TarnPool {
  numUsed(): number;
  numFree(): number;
  numPendingAcquires(): number;
}

export type Orm = MikroORM<AbstractSqlDriver, SqlEntityManager>;
export type EntityManager = SqlEntityManager;

const background = new AsyncLocalStorage<boolean>();

/** Counts SQL statements sent by one domain: the tests assert it, so that N+1 regressions fail loudly. */
export class QueryCounter {
  count = 0;
  private readonly listeners: ((sql: string) => void)[] = [];
  reset(): void {
    this.count = 0;
  }
  /**
   * Runs `fn` without counting its statements: a background task's polling (webhook deliveries) is no request's
   * query, and would otherwise land at random in the counts a test takes of a request.
   */
  uncounted<T>(fn: () => Promise<T>): Promise<T> {
    return background.run(true, fn);
  }
  /** A data statement is about to be sent, by MikroORM or by the read path. */
  statement(sql: string): void {
    if (background.getStore()) return;
    this.count += 1;
    for (const listener of this.listeners) listener(sql);
  }
  /** Tests step in between statements (e.g. to swap a policy in the middle of a request). */
  onStatement(listener: (sql: string) => void): void {
    this.listeners.push(listener);
  }
}

export interface Database {
  orm: Orm;
  /** Reads outside a transaction: compiled SQL, prepared statements, plain rows (reader.ts). */
  reader: Reader;
  queries: QueryCounter;
  config: DatabaseConfig;
  /** True when a trivial statement succeeds: /readyz. */
  ping(): Promise<boolean>;
  /** The connection pool's state, for the db_pool_connections gauge (null when the driver has no pool). */
  pool(): PoolState | null;
  close(): Promise<void>;
}

/**
 * PostgreSQL: how long a request waits for a pooled connection, and a new connection for the server, before it
 * fails as SERVICE_UNAVAILABLE (errors.ts) instead of hanging while the database is unreachable. Dead connections
 * are dropped by the pool and new ones made on demand, so the service reconnects by itself once it answers.
 */
const ACQUIRE_TIMEOUT_MS = 5000;
const CONNECT_TIMEOUT_MS = 3000;
/** /readyz answers within this even when the database does not. */
const PING_TIMEOUT_MS = 2000;

const AUDIT_TABLES = /\baudit_(record|chain)\b/;
const TRANSACTION_CONTROL = /^\s*(begin|commit|rollback|savepoint|release)\b/i;

export async function openDatabase(config: DatabaseConfig, entities: EntitySchema<any, any>[]): Promise<Database> {
  const common = {
    entities,
    discovery: { warnWhenNoEntities: false },
    // Requests always work on a fork (context.ts); the global manager is never shared across requests.
    allowGlobalContext: false,
    debug: false,
  };
  let orm: Orm;
  if (config.driver === 'sqlite') {
    fs.mkdirSync(path.dirname(config.file), { recursive: true });
    orm = (await SqliteOrm.init({
      ...common,
      dbName: config.file,
      // Statistics' record keys (statistics/cell-key.ts): PostgreSQL computes them with md5, SQLite calls this.
      pool: {
        afterCreate: (connection: SqliteFunctions, done: (error: Error | null, connection: unknown) => void) => {
          connection.function('stat_key', { deterministic: true }, (salt: unknown, id: unknown) => recordKey(String(salt), String(id)));
          done(null, connection);
        },
        // One connection, kept for the process's life (knex: min 1, max 1): the pool's reaper, which closes idle
        // connections above the minimum, never has one to close. Its default round every second only woke an
        // idle service up; once an hour is plenty.
        reapIntervalMillis: 3_600_000,
      },
    } as never)) as unknown as Orm;
    // Several services open the governance file at once; wait for a lock instead of failing.
    await orm.em.getConnection().execute('pragma busy_timeout = 10000');
    // WAL lets readers run while the seeder or a writer holds the write lock.
    await orm.em.getConnection().execute('pragma journal_mode = wal');
    await orm.em.getConnection().execute('pragma synchronous = normal');
  } else {
    orm = (await PostgresOrm.init({
      ...common,
      clientUrl: config.url,
      schema: config.schema,
      pool: { min: 0, max: 10 },
      driverOptions: { acquireConnectionTimeout: ACQUIRE_TIMEOUT_MS, connection: { connectionTimeoutMillis: CONNECT_TIMEOUT_MS } },
    })) as unknown as Orm;
    await orm.em.getConnection().execute(`create schema if not exists "${config.schema}"`);
  }
  // Additive only: never drop a table or a column holding departmental data.
  await withRetries(() => orm.schema.updateSchema({ safe: true, dropTables: false }));

  const queries = new QueryCounter();
  const domain = databaseDomain(config);
  orm.em.getConnection().getKnex().on('query', (q: { sql?: string; bindings?: readonly unknown[] }) => {
    // Data statements only: the audit trail's appends are a constant per request (README "Audit trail"), and
    // transaction control is not a query of data.
    if (q.sql && (AUDIT_TABLES.test(q.sql) || TRANSACTION_CONTROL.test(q.sql))) return;
    queries.statement(q.sql ?? '');
    if (sqlRecording && q.sql) recordStatement(domain, q.sql, q.bindings ?? []);
  });
  const reader = openReader(config, orm.getMetadata(), orm.em.getConnection().getKnex().client, (sql, params) => {
    queries.statement(sql);
    if (sqlRecording) recordStatement(domain, sql, params);
  });
  return {
    orm,
    reader,
    queries,
    config,
    async ping() {
      let timer: NodeJS.Timeout | undefined;
      try {
        const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('ping timed out')), PING_TIMEOUT_MS)));
        await Promise.race([orm.em.getConnection().execute('select 1'), timeout]);
        return true;
      } catch {
        return false;
      } finally {
        clearTimeout(timer);
      }
    },
    pool() {
      const pool = (orm.em.getConnection().getKnex().client as { pool?: TarnPool }).pool;
      return pool ? { used: pool.numUsed(), free: pool.numFree(), pending: pool.numPendingAcquires() } : null;
    },
    async close() {
      await reader.close();
      await orm.close(true);
    },
  };
}

/**
 * Services that share a database (the governance store) may create the same table at the same moment;
 * the loser's statement fails, and a second look finds the table there.
 */
async function withRetries(fn: () => Promise<unknown>, attempts = 3): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await fn();
      return;
    } catch (error) {
      if (attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt + Math.random() * 100));
    }
  }
}
