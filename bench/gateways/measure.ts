/**
 * One timed load on one target: autocannon on loopback for a fixed time, with the target process's own CPU time
 * (/proc/<pid>/stat, utime + stime) and peak resident memory (VmHWM, reset through /proc/<pid>/clear_refs before
 * the run), and the subgraphs' SQL statement counters (/healthz `sqlStatements`) read before and after.
 */
import fs from 'node:fs';
import autocannon from 'autocannon';

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
    healthUrls.map(async (url) => ((await (await fetch(url, { signal: AbortSignal.timeout(5000) })).json()) as { sqlStatements?: number }).sqlStatements ?? 0),
  );
  return counts.reduce((a, b) => a + b, 0);
}
