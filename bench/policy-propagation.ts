/**
 * How long an activated policy version takes to reach every running subgraph (issue 5: goal ≤ 1 s):
 *   npm run bench:policy-propagation                                  # SQLite: each service polls the counter
 *   DATABASE_URL=postgresql://... npm run bench:policy-propagation    # PostgreSQL: LISTEN/NOTIFY
 *
 * The platform runs as `npm start` runs it: every subgraph and the gateway its own process (scripts/
 * start-subgraph.ts, scripts/start-gateway.ts), each subgraph with its own policy watcher, on free ports, over a
 * small seed in a temporary DATA_DIR (SQLite) or in schemas with a unique prefix (PostgreSQL), dropped afterwards.
 * Then ROUNDS times: two security officers (tokens signed with the run's development key) draft, submit, approve
 * and activate a new version through the gateway's GraphQL API; the version differs from the last one in one
 * harmless policy (open data only, no decision changes). Just before the activate mutation is sent, the bench
 * starts polling every subgraph's /healthz every POLL_MS (one request at a time per subgraph, keep-alive) until it
 * reports the new `policy.seq`, and takes the time of the first answer that does. Propagation is the time until
 * the LAST subgraph reported it, measured from:
 *   - the activate mutation's answer arriving at the bench (can be ≤ 0: every subgraph had switched before the
 *     answer came back through the gateway);
 *   - the counter bump: `policy_state.changedAt`, written by the governance process inside the activating
 *     transaction just before it commits (same machine, same clock);
 *   - the activate mutation being sent (an upper bound: it includes the mutation's own work).
 * The harness stops every process it started, also on failure or Ctrl-C.
 *
 * Knobs: BENCH_PERSONS=300 BENCH_SEED=7 BENCH_ROUNDS=20 BENCH_POLL_MS=3 BENCH_NO_DOC=1 (print only, leave the doc alone)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { ensureDevKeys, signToken, type RolePolicy } from '../auth';
import { DEFAULT_AUDIENCE, DEV_ISSUER, DOMAINS, PROJECT_ROOT, databaseConfig, type DomainName } from '../subgraphs/kit/config';
import { openDatabase, type Database } from '../subgraphs/kit/orm';
import { PolicyStateRecord } from '../subgraphs/kit/policy-store';
import { activateThroughWorkflow, type SendAs } from '../test/support/policies';
import { intFromEnv } from './support';
import { freePort, Processes, waitReady, type Service } from './processes';

const PERSONS = intFromEnv('BENCH_PERSONS', 300, 0);
const SEED = intFromEnv('BENCH_SEED', 7, 0);
const ROUNDS = intFromEnv('BENCH_ROUNDS', 20, 1);
const POLL_MS = intFromEnv('BENCH_POLL_MS', 3, 1);
/** A round whose change has not reached every subgraph by then fails the bench. */
const ROUND_TIMEOUT_MS = 15_000;
const START_TIMEOUT_MS = 300_000;
const GOAL_MS = 1000;

const PG_URL = process.env.DATABASE_URL;
const DRIVER = PG_URL ? 'PostgreSQL' : 'SQLite';
const MECHANISM = PG_URL ? 'LISTEN/NOTIFY (safety-net poll every 2 s)' : 'poll of policy_state.seq every 100 ms';
const DOC_FILE = path.join(PROJECT_ROOT, 'docs', 'benchmarks-policy-reload.md');

const log = (line: string) => process.stderr.write(`[bench:policy-propagation] ${line}\n`);


/** Nearest-rank percentile of an ascending list. */
function percentile(sorted: readonly number[], p: number): number {
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs `scripts/<script>` with tsx as a loader, as `npm start` runs services. */
const tsxScript = (script: string, args: string[]) => ['--import', 'tsx', path.join(PROJECT_ROOT, 'scripts', script), ...args];

interface Health {
  policy?: { version: number; seq: number };
}

async function healthOf(url: string): Promise<Health> {
  const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
  return (await res.json()) as Health;
}

/** Polls one /healthz until it reports `seq` (or later); resolves to performance.now() of that answer. */
async function arrival(url: string, seq: number, deadline: number, cancelled: () => boolean): Promise<number> {
  for (;;) {
    const health = await healthOf(url);
    const at = performance.now();
    if ((health.policy?.seq ?? -1) >= seq) return at;
    if (cancelled()) return Number.NaN;
    if (at > deadline) throw new Error(`${url} still reports seq ${health.policy?.seq} after ${ROUND_TIMEOUT_MS} ms; expected ${seq}.`);
    await sleep(POLL_MS);
  }
}

interface Round {
  round: number;
  version: number;
  seq: number;
  fromAnswer: number;
  fromBump: number;
  fromSent: number;
  /** The subgraph that switched last. */
  last: DomainName;
}

function summary(values: readonly number[]): { min: number; p50: number; p95: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b);
  return { min: sorted[0]!, p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted[sorted.length - 1]! };
}

const ms = (v: number) => `${v.toFixed(1)} ms`;

function report(rounds: readonly Round[], startedMs: number): string {
  const rows = [
    ['from the activate answer', summary(rounds.map((r) => r.fromAnswer))],
    ['from the counter bump (≈ commit)', summary(rounds.map((r) => r.fromBump))],
    ['from the activate request sent', summary(rounds.map((r) => r.fromSent))],
  ] as const;
  const worst = Math.max(...rounds.map((r) => r.fromSent));
  const lastCounts = new Map<string, number>();
  for (const r of rounds) lastCounts.set(r.last, (lastCounts.get(r.last) ?? 0) + 1);
  return [
    `### ${DRIVER}: ${MECHANISM}`,
    '',
    `${rounds.length} activations through the gateway, ${DOMAINS.length} subgraph processes, each /healthz polled every ${POLL_MS} ms; ` +
      `platform start (seeding ${PERSONS} persons, seed ${SEED}) ${(startedMs / 1000).toFixed(1)} s. Time until the last subgraph reported the new seq:`,
    '',
    '| measured from | min | p50 | p95 | max |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...rows.map(([label, s]) => `| ${label} | ${ms(s.min)} | ${ms(s.p50)} | ${ms(s.p95)} | ${ms(s.max)} |`),
    '',
    `Worst round, from the request sent: ${ms(worst)} — goal ≤ ${GOAL_MS} ms: **${worst <= GOAL_MS ? 'met' : 'NOT met'}**. ` +
      `Last subgraph to switch: ${[...lastCounts].sort((a, b) => b[1] - a[1]).map(([d, n]) => `${d} ${n}×`).join(', ')}.`,
    '',
    '<details><summary>Every round</summary>',
    '',
    '| round | version | seq | from answer | from bump | from sent | last |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | --- |',
    ...rounds.map((r) => `| ${r.round} | ${r.version} | ${r.seq} | ${ms(r.fromAnswer)} | ${ms(r.fromBump)} | ${ms(r.fromSent)} | ${r.last} |`),
    '',
    '</details>',
  ].join('\n');
}

function writeDoc(section: string): void {
  const begin = `<!-- bench:policy-propagation ${DRIVER} begin -->`;
  const end = `<!-- bench:policy-propagation ${DRIVER} end -->`;
  const block = `${begin}\n${section}\n${end}`;
  let doc = fs.existsSync(DOC_FILE) ? fs.readFileSync(DOC_FILE, 'utf8') : '';
  if (!doc.includes('<!-- bench:policy-propagation results -->')) {
    throw new Error(`${DOC_FILE} has no "<!-- bench:policy-propagation results -->" marker; results would have nowhere to go.`);
  }
  if (doc.includes(begin) && doc.includes(end)) {
    doc = doc.slice(0, doc.indexOf(begin)) + block + doc.slice(doc.indexOf(end) + end.length);
  } else {
    doc = doc.replace('<!-- bench:policy-propagation results -->', `<!-- bench:policy-propagation results -->\n\n${block}`);
  }
  fs.writeFileSync(DOC_FILE, doc.endsWith('\n') ? doc : `${doc}\n`);
}

/** The harmless change of round `round`: a policy on open data whose description names the round. */
const benchPolicy = (round: number): RolePolicy => ({
  id: 'bench-policy-propagation',
  dept: 'statistics',
  role: 'analyst',
  description: `Propagation benchmark, round ${round}: open data only, changes no decision.`,
  rules: [{ action: 'read', subject: 'Region', reason: 'regions are open data' }],
});

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hdg-bench-reload-'));
  const processes = new Processes(dataDir);
  const prefix = `bench_reload_${process.pid}_`;
  let governanceDb: Database | undefined;
  let interrupted = false;
  const onSignal = () => {
    interrupted = true;
    log('interrupted: stopping every service');
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    const ports = Object.fromEntries(await Promise.all(DOMAINS.map(async (d) => [d, await freePort()] as const))) as Record<DomainName, number>;
    const gatewayPort = await freePort();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATA_DIR: dataDir,
      SEED_PERSONS: String(PERSONS),
      SEED: String(SEED),
      GATEWAY_PORT: String(gatewayPort),
      HOST: '127.0.0.1',
      ...(PG_URL ? { DATABASE_SCHEMA_PREFIX: prefix } : {}),
    };
    for (const d of DOMAINS) {
      env[`${d.toUpperCase()}_PORT`] = String(ports[d]);
      env[`${d.toUpperCase()}_URL`] = `http://127.0.0.1:${ports[d]}/graphql`;
    }
    const { privateKeyFile } = await ensureDevKeys(path.join(dataDir, 'keys'));
    const token = (sub: string) => signToken(privateKeyFile, { sub, dept: 'data-bureau', roles: ['security-officer'] }, { issuer: DEV_ISSUER, audience: DEFAULT_AUDIENCE, expiresIn: '2h' });
    const auth = { author: `Bearer ${await token('bench-so-alice')}`, approver: `Bearer ${await token('bench-so-bob')}` };

    const started = performance.now();
    log(`${DRIVER}: starting ${DOMAINS.length} subgraphs and the gateway as processes (seed ${PERSONS} persons)`);
    // Governance first: its first start installs version 1, which every other service then reads.
    const services = new Map<DomainName, Service>();
    services.set('governance', processes.start('governance', tsxScript('start-subgraph.ts', ['governance']), env, PROJECT_ROOT));
    await waitReady(services.get('governance')!, `http://127.0.0.1:${ports.governance}/readyz`, {}, START_TIMEOUT_MS);
    for (const d of DOMAINS) if (d !== 'governance') services.set(d, processes.start(d, tsxScript('start-subgraph.ts', [d]), env, PROJECT_ROOT));
    await Promise.all(DOMAINS.map((d) => waitReady(services.get(d)!, `http://127.0.0.1:${ports[d]}/readyz`, {}, START_TIMEOUT_MS)));
    const gateway = processes.start('gateway', tsxScript('start-gateway.ts', []), env, PROJECT_ROOT);
    await waitReady(gateway, `http://127.0.0.1:${gatewayPort}/healthz`, {}, START_TIMEOUT_MS);
    const startedMs = performance.now() - started;
    log(`platform ready in ${(startedMs / 1000).toFixed(1)} s`);

    // Reads policy_state.changedAt after each round (off the measured path).
    governanceDb = await openDatabase(databaseConfig('governance', env), [PolicyStateRecord]);
    const healthz = Object.fromEntries(DOMAINS.map((d) => [d, `http://127.0.0.1:${ports[d]}/healthz`])) as Record<DomainName, string>;
    const gatewayUrl = `http://127.0.0.1:${gatewayPort}/graphql`;
    const send: SendAs = async (caller, query, variables) => {
      const res = await fetch(gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json', authorization: auth[caller] }, body: JSON.stringify({ query, variables }), signal: AbortSignal.timeout(30_000) });
      return (await res.json()) as { data?: any; errors?: { message: string }[] };
    };

    const rounds: Round[] = [];
    for (let round = 1; round <= ROUNDS && !interrupted; round += 1) {
      const seq = ((await healthOf(healthz.governance)).policy?.seq ?? 0) + 1;
      let arrivals: Promise<number[]> | undefined;
      let cancelled = false;
      const activated = await activateThroughWorkflow(send, (policies) => [...policies.filter((p) => p.id !== 'bench-policy-propagation'), benchPolicy(round)], {
        reason: `propagation benchmark, round ${round}`,
        beforeActivate: () => {
          const deadline = performance.now() + ROUND_TIMEOUT_MS;
          arrivals = Promise.all(DOMAINS.map((d) => arrival(healthz[d], seq, deadline, () => cancelled)));
        },
      }).catch((error: unknown) => {
        cancelled = true;
        throw error;
      });
      const at = await arrivals!;
      const lastAt = Math.max(...at);
      const state = await governanceDb.orm.em.fork().findOneOrFail(PolicyStateRecord, { id: 1 }, { disableIdentityMap: true });
      if (state.seq !== seq) throw new Error(`Round ${round}: expected seq ${seq} in the database, found ${state.seq}; did something else change the policies?`);
      const bumpedAt = state.changedAt.getTime() - performance.timeOrigin;
      const result: Round = {
        round,
        version: activated.number,
        seq,
        fromAnswer: lastAt - activated.answeredAt,
        fromBump: lastAt - bumpedAt,
        fromSent: lastAt - activated.sentAt,
        last: DOMAINS[at.indexOf(lastAt)]!,
      };
      rounds.push(result);
      log(`round ${round}: version ${result.version}, seq ${seq}: ${ms(result.fromAnswer)} from the answer, ${ms(result.fromBump)} from the bump, ${ms(result.fromSent)} from the request (last: ${result.last})`);
      // A random pause, so rounds do not fall into step with the 100 ms poll.
      await sleep(200 + Math.random() * 300);
    }
    if (interrupted) throw new Error('Interrupted.');

    const section = report(rounds, startedMs);
    process.stdout.write(`${section}\n`);
    if (!process.env.BENCH_NO_DOC) {
      writeDoc(section);
      log(`wrote ${path.relative(PROJECT_ROOT, DOC_FILE)}`);
    }
  } finally {
    await governanceDb?.close().catch(() => undefined);
    await processes.stopAll();
    fs.rmSync(dataDir, { recursive: true, force: true });
    if (PG_URL) {
      const client = new Client({ connectionString: PG_URL });
      await client.connect();
      try {
        for (const d of DOMAINS) await client.query(`drop schema if exists "${prefix}${d}" cascade`);
      } finally {
        await client.end();
      }
    }
    log('every service stopped');
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
