/**
 * The SQL floor's plan: the exact data statements (SQL and parameters) today's subgraphs run for one request of
 * each scenario, recorded once, replayed by bench/peers/sql-floor.ts.
 *
 * Recording: a set of today's subgraphs of its own, started with SQL_RECORD_FILE (subgraphs/kit/sql-record.ts: one
 * JSON line per data statement, every process appending to the one file), and today's gateway over them. Per
 * scenario: one warm-up request (per-process caches filled as in steady state), then the request that is recorded,
 * bounded by the file's size before it and after its answer (plus a short wait), once the subgraphs are quiet (no
 * statement running: they build statistics rollups in the background after they start). Kept: what the QueryCounter counts
 * (orm.ts: no audit trail, no transaction control), less the policy watch's poll of `policy_state` (a timer of
 * every process, not part of any request) and any statement that writes (none belongs to a read; the floor must
 * never change the shared data). The count is checked against the subgraphs' own counters (/healthz
 * `sqlStatements`) over the same request. The recording set is stopped afterwards: the timed subgraphs never record.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseStatements, type RecordedStatement } from '../../subgraphs/kit/sql-record';
import { sqlStatements, waitQuiet } from './measure';
import { startGateway, startSubgraphSet, type Version } from './platform';
import type { Processes } from '../processes';
import type { Scenario } from './scenarios';

export interface PlannedStatement {
  domain: string;
  sql: string;
  params: unknown[];
}

/** Per scenario name, the statements of one request in the order they were sent. */
export type SqlPlan = Record<string, PlannedStatement[]>;

/** The policy watch's poll (policy-watch.ts, policy-state.ts): every process reads it on a timer. */
const POLICY_WATCH = /\bpolicy_state\b/;

/** A statement that changes data: never replayed (the floor shares the database with the subgraphs). */
const WRITE = /^\s*(insert|update|delete|merge|create|drop|alter|truncate|replace|upsert)\b/i;

/**
 * The statements of one request, from the text the record file gained while it ran, in the order they were sent:
 * `reads`, the plan; `writes`, statements that change data, left out (a read scenario writes nothing but its audit
 * record, which is not recorded: one here is background work that ran in the window, such as a rollup rebuild).
 */
export function requestStatements(text: string): { reads: PlannedStatement[]; writes: PlannedStatement[] } {
  const all = parseStatements(text)
    .filter((s) => !POLICY_WATCH.test(s.sql))
    .sort((a: RecordedStatement, b: RecordedStatement) => a.at - b.at)
    .map(({ domain, sql, params }) => ({ domain, sql, params }));
  return { reads: all.filter((s) => !WRITE.test(s.sql)), writes: all.filter((s) => WRITE.test(s.sql)) };
}

/** Statements per domain, for the log: "population 1, housing 2". */
export function describePlan(statements: readonly PlannedStatement[]): string {
  const counts = new Map<string, number>();
  for (const s of statements) counts.set(s.domain, (counts.get(s.domain) ?? 0) + 1);
  return [...counts].map(([d, n]) => `${d} ${n}`).join(', ');
}

/** The bytes of `file` from `offset` on (the whole of what was appended since). */
export function readFrom(file: string, offset: number): string {
  if (!fs.existsSync(file)) return '';
  const fd = fs.openSync(file, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    const buffer = Buffer.alloc(Math.max(0, size - offset));
    fs.readSync(fd, buffer, 0, buffer.length, offset);
    return buffer.toString('utf8');
  } finally {
    fs.closeSync(fd);
  }
}

const sizeOf = (file: string) => (fs.existsSync(file) ? fs.statSync(file).size : 0);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface RecordOptions {
  processes: Processes;
  version: Version;
  /** The run's environment (database, limits, DATA_DIR); SQL_RECORD_FILE is added. */
  env: NodeJS.ProcessEnv;
  dir: string;
  scenarios: readonly Scenario[];
  /** PostgreSQL: wait for no statement running there before each recorded request. */
  databaseUrl?: string;
  headersOf: (s: Scenario) => Promise<Record<string, string>>;
  log: (line: string) => void;
}

export async function recordSqlPlan(options: RecordOptions): Promise<SqlPlan> {
  const { processes, log } = options;
  const file = path.join(options.dir, 'sql-record.jsonl');
  fs.rmSync(file, { force: true });
  log('SQL floor: recording the statements of every scenario (a subgraph set of its own, with SQL_RECORD_FILE)');
  const set = await startSubgraphSet(processes, { version: options.version, prefix: 'record-', env: { ...options.env, SQL_RECORD_FILE: file }, dir: options.dir });
  const gateway = await startGateway(processes, set, 'record-gateway');
  try {
    const plan: SqlPlan = {};
    for (const s of options.scenarios) {
      const body = JSON.stringify({ query: s.query, variables: s.variables });
      const send = async () => {
        const res = await fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json', ...(await options.headersOf(s)) }, body, signal: AbortSignal.timeout(60_000) });
        const answer = (await res.json()) as { errors?: { message?: string }[] };
        if (!res.ok || answer.errors?.length) throw new Error(`SQL floor: recording ${s.name}: HTTP ${res.status} ${JSON.stringify(answer).slice(0, 300)}`);
      };
      await send();
      // Nothing but the request in the window: the rollups the subgraphs build after they start are done.
      await waitQuiet({ healthUrls: set.healthUrls, databaseUrl: options.databaseUrl, quietS: 2, log });
      const offset = sizeOf(file);
      const countedBefore = await sqlStatements(set.healthUrls);
      await send();
      await sleep(300);
      const { reads: statements, writes } = requestStatements(readFrom(file, offset));
      const counted = (await sqlStatements(set.healthUrls)) - countedBefore;
      if (writes.length) log(`SQL floor: ${s.name}: left out ${writes.length} statements that write (${describePlan(writes)}): ${writes.map((w) => w.sql.slice(0, 60)).join(' | ')}`);
      if (counted !== statements.length + writes.length) {
        log(`SQL floor: ${s.name}: ${statements.length + writes.length} statements recorded but the subgraphs counted ${counted} (a poll or a straggler in the window?)`);
      }
      if (!statements.length) throw new Error(`SQL floor: no statement recorded for ${s.name}: is subgraphs/kit/sql-record.ts called (SQL_RECORD_FILE)?`);
      plan[s.name] = statements;
      log(`SQL floor: ${s.name}: ${statements.length} statements (${describePlan(statements)})`);
    }
    return plan;
  } finally {
    await Promise.all([gateway.service, ...set.services].map((svc) => processes.stop(svc)));
  }
}
