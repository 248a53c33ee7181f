/**
 * Recording of the data statements a subgraph sends, for the gateway benchmark's SQL floor (bench/gateways.ts,
 * bench/peers/sql-floor.ts): with SQL_RECORD_FILE set, every data statement is appended to that file as one JSON
 * line `{"domain","sql","params","at"}`. Off (the default, and always in production), `recordStatement` is a test
 * of one constant: the environment is read once, when this module loads.
 *
 * Callers: orm.ts's knex 'query' listener (the statements the QueryCounter counts: no audit trail, no transaction
 * control), and any read path that bypasses knex. `domain` is the subgraph's domain name (population, ...), not the
 * schema or file: the floor finds the database of each domain with `databaseConfig(domain)`.
 *
 * Parameters are stored as JSON with the values JSON has no form for tagged, so that a replay sends the driver
 * exactly what the subgraph sent: `{"$date": iso}`, `{"$bytes": base64}`, `{"$bigint": "123"}` (`reviveParams`).
 */
import fs from 'node:fs';
import type { DatabaseConfig } from './config';

/** Where statements go, or null: read once. */
const FILE = process.env.SQL_RECORD_FILE || null;

/** True when this process records statements (SQL_RECORD_FILE is set). */
export const sqlRecording = FILE !== null;

export interface RecordedStatement {
  domain: string;
  sql: string;
  params: unknown[];
  /** Milliseconds since the epoch, with sub-millisecond precision (performance.timeOrigin + performance.now()). */
  at: number;
}

function tagged(this: unknown, key: string, value: unknown): unknown {
  // `value` has been through toJSON already (Date, Buffer); the holder still has the original.
  const raw = (this as Record<string, unknown>)[key];
  if (raw instanceof Date) return { $date: Number.isNaN(raw.getTime()) ? null : raw.toISOString() };
  if (raw instanceof Uint8Array) return { $bytes: Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString('base64') };
  if (typeof raw === 'bigint') return { $bigint: raw.toString() };
  return value;
}

/** One line of the record file (with its newline). */
export function statementLine(domain: string, sql: string, params: readonly unknown[], at: number): string {
  return `${JSON.stringify({ domain, sql, params: [...params], at }, tagged)}\n`;
}

/** Appends the statement to SQL_RECORD_FILE when recording; does nothing otherwise. */
export function recordStatement(domain: string, sql: string, params: readonly unknown[]): void {
  if (FILE === null) return;
  // Synchronous and O_APPEND: one write per line, whole lines even when several processes share the file.
  fs.appendFileSync(FILE, statementLine(domain, sql, params, performance.timeOrigin + performance.now()));
}

/** Undoes the tags of `statementLine`: the values the driver got. */
export function reviveParams(params: readonly unknown[]): unknown[] {
  return params.map((p) => {
    if (p === null || typeof p !== 'object' || Array.isArray(p)) return p;
    const o = p as Record<string, unknown>;
    const keys = Object.keys(o);
    if (keys.length !== 1) return p;
    if (typeof o.$date === 'string') return new Date(o.$date);
    if (typeof o.$bytes === 'string') return Buffer.from(o.$bytes, 'base64');
    if (typeof o.$bigint === 'string') return BigInt(o.$bigint);
    return p;
  });
}

/** Parses the lines of a record file (or a part of one that starts at a line boundary); a cut last line is left out. */
export function parseStatements(text: string): RecordedStatement[] {
  const lines = text.split('\n');
  // A line without its newline is still being written (or was cut by an offset): not a statement yet.
  lines.pop();
  return lines.filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as RecordedStatement);
}

/**
 * The domain name of a domain's database, for the knex listener (orm.ts), which knows only the configuration:
 * the SQLite file's name (`<DATA_DIR>/<domain>.sqlite`) or the PostgreSQL schema without DATABASE_SCHEMA_PREFIX.
 */
export function databaseDomain(config: DatabaseConfig, prefix = process.env.DATABASE_SCHEMA_PREFIX ?? ''): string {
  if (config.driver === 'sqlite') return (config.file.split(/[\\/]/).pop() ?? config.file).replace(/\.sqlite$/, '');
  return prefix && config.schema.startsWith(prefix) ? config.schema.slice(prefix.length) : config.schema;
}
