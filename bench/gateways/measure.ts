/**
 * One timed load on one target: autocannon on loopback for a fixed time, with the target process's own CPU time
 * (/proc/<pid>/stat, utime + stime) and peak resident memory (VmHWM, reset through /proc/<pid>/clear_refs before
 * the run), and the subgraphs' SQL statement counters (/healthz `sqlStatements`) read before and after.
 */
import fs from 'node:fs';
import autocannon from 'autocannon';
import { Client } from 'pg';

export interface LoadOptions {
  url: string;
  body: string;
  headers: Record<string, string>;
  seconds: number;
  connections: number;
}

export interface LoadResult {
  requests: number;
  seconds: number;
  rps: number;
  p50: number;
  p99: number;
  failed: number;
}

export async function load(options: LoadOptions): Promise<LoadResult> {
  const result = await autocannon({
    url: options.url,
    method: 'POST',
    body: options.body,
    headers: { 'content-type': 'application/json', ...options.headers },
    connections: options.connections,
    duration: options.seconds,
    timeout: 30,
  });
  const requests = result.requests.total;
  const seconds = result.duration;
  return { requests, seconds, rps: requests / seconds, p50: result.latency.p50, p99: result.latency.p99, failed: result.non2xx + result.errors + result.timeouts };
}

/** Clock ticks per second of /proc/<pid>/stat (USER_HZ: 100 on Linux). */
const TICKS_PER_SECOND = 100;

/** CPU time (user + system) the process has used, in ms. */
export function cpuMs(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces), from field 3 (state) on.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
}

function status(pid: number, field: string): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : Number.NaN;
}

/** Resident memory now, MiB. */
export const rssMiB = (pid: number) => status(pid, 'VmRSS');

/** Peak resident memory since start or the last resetPeak, MiB. */
export const peakMiB = (pid: number) => status(pid, 'VmHWM');

/** Starts a new peak (Linux: writing 5 to clear_refs resets VmHWM to the current RSS). */
export function resetPeak(pid: number): void {
  try {
    fs.writeFileSync(`/proc/${pid}/clear_refs`, '5');
  } catch {
    // Not permitted: the peak is then since the process started, which the report says.
  }
}

/** Sum of every subgraph's data SQL statements so far. */
export async function sqlStatements(healthUrls: readonly string[]): Promise<number> {
  const counts = await Promise.all(
    healthUrls.map(async (url) => ((await (await fetch(url, { signal: AbortSignal.timeout(30_000) })).json()) as { sqlStatements?: number }).sqlStatements ?? 0),
  );
  return counts.reduce((a, b) => a + b, 0);
}

/**
 * Waits until the subgraphs are quiet: their data statement counters unchanged, and (PostgreSQL, `databaseUrl`)
 * no statement running on the database but this check's, for `quietS` seconds in a row. A subgraph rebuilds its
 * statistics rollups in the background after it starts (long statements on a large database: the counter alone
 * does not move while one runs); nothing is timed or recorded before they finish. Gives up after `timeoutMs`.
 */
export async function waitQuiet(options: { healthUrls: readonly string[]; databaseUrl?: string; quietS?: number; timeoutMs?: number; log?: (line: string) => void }): Promise<void> {
  const { quietS = 3, timeoutMs = 900_000 } = options;
  const started = Date.now();
  const client = options.databaseUrl ? new Client({ connectionString: options.databaseUrl }) : null;
  await client?.connect();
  try {
    let last = -1;
    let quiet = 0;
    let said = false;
    while (quiet < quietS) {
      if (Date.now() - started > timeoutMs) throw new Error(`the subgraphs were not quiet within ${timeoutMs / 1000} s`);
      const counted = await sqlStatements(options.healthUrls);
      const active = client
        ? Number((await client.query("select count(*) as n from pg_stat_activity where datname = current_database() and state = 'active' and pid <> pg_backend_pid()")).rows[0].n)
        : 0;
      quiet = counted === last && active === 0 ? quiet + 1 : 0;
      if (quiet === 0 && !said && Date.now() - started > 5000) {
        options.log?.(`waiting for the subgraphs' background work (statistics rollups) to finish: ${active} statements running`);
        said = true;
      }
      last = counted;
      await new Promise((r) => setTimeout(r, 1000));
    }
  } finally {
    await client?.end();
  }
}

/**
 * PostgreSQL: waits (at most `timeoutMs`) until `needed` connections are free on the server. Two subgraph sets hold
 * about 30 connections between them even idle (each process's policy watch), and the set just timed keeps its
 * pools' connections for 30 s after its load (knex's idle timeout): on a server with max_connections = 100 and
 * other work on it, the next target could meet "too many clients" without this wait.
 */
export async function waitForConnections(databaseUrl: string, needed: number, log?: (line: string) => void, timeoutMs = 60_000): Promise<void> {
  const started = Date.now();
  let said = false;
  for (;;) {
    let free = 0;
    const client = new Client({ connectionString: databaseUrl });
    try {
      await client.connect();
      const row = (await client.query(`select current_setting('max_connections')::int - (select count(*) from pg_stat_activity)::int as free`)).rows[0] as { free: number };
      free = Number(row.free);
    } catch {
      free = 0; // "too many clients" for this check too
    } finally {
      await client.end().catch(() => undefined);
    }
    if (free >= needed) return;
    if (Date.now() - started > timeoutMs) {
      log?.(`only ${free} PostgreSQL connections free after ${timeoutMs / 1000} s (wanted ${needed}): going on`);
      return;
    }
    if (!said) log?.(`${free} PostgreSQL connections free, waiting for ${needed} (idle pools close after 30 s)`);
    said = true;
    await new Promise((r) => setTimeout(r, 1000));
  }
}
