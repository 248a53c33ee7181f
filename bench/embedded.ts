/**
 * The embedded default, today against a baseline commit (issue 15):
 *   npm run bench:embedded                    # load, then idle; BENCH_BASELINE defaults to 4223d09
 *   npm run bench:embedded -- load            # only the page scenario under load
 *   npm run bench:embedded -- idle            # only the idle CPU
 *   BENCH_BASELINE=none npm run bench:embedded   # today alone
 *
 * `npm run bench:embedded` builds dist/ first. The baseline is built in a temporary worktree (bench/baseline.ts,
 * removed at the end, also on failure). Each version gets a DATA_DIR of its own and the same development key pair
 * (copied), so one token serves both. Both hold the same world (SQLite, BENCH_EMBEDDED_PERSONS persons, default
 * 20,000, as `npm start` seeds): today's subgraphs seed ours on their first start, and today's seeder writes the
 * baseline's domains before its first start, since the synthetic world has changed since older commits (issue 15's
 * births fix) and their own seeding would answer with other persons; the baseline keeps its own governance store
 * (its policy is a document it reads with its own code), as in `npm run bench`.
 *
 * Load: each version's eight subgraphs and gateway from its dist/ (as bench/gateways.ts runs them: RATE_LIMITS=off,
 * authorization and auditing on), plus the SQL floor on SQLite (today's statements for one request, recorded by a
 * subgraph set of its own with SQL_RECORD_FILE and replayed through better-sqlite3 with prepared statements,
 * bench/peers/sql-floor.ts). The page scenario (bench/gateways/scenarios.ts: 100 persons of Haikou, fields from all
 * seven domains, housing officer of the province), answers byte for byte the same for both versions; then per
 * target SETTLE_S untimed, and ROUNDS rounds in an order rotated round by round, each a WARMUP_S warm-up and
 * DURATION_S timed with autocannon (CONNECTIONS connections). Per run: req/s, p50, p99, gateway CPU ms/req, the
 * version's subgraphs' CPU ms/req, SQL statements per request; reported: the medians, and today ÷ baseline
 * (goal: ≥ 3× the requests per second).
 *
 * Idle: each version's whole platform as `npm start` runs it (`node --import tsx scripts/start.ts` in its worktree,
 * its DATA_DIR, free ports), ready (every /readyz, the launcher's first answer), IDLE_SETTLE_S to settle, then the
 * CPU time (utime + stime, /proc) of every process of the tree over IDLE_S with no request at all, as a percentage
 * of one core (goal: ≤ 1 %).
 *
 * Writes docs/benchmarks.md between `<!-- bench:embedded results begin/end -->` unless BENCH_NO_DOC=1.
 * Knobs: BENCH_ROUNDS=3 BENCH_SETTLE_S=5 BENCH_WARMUP_S=3 BENCH_DURATION_S=10 BENCH_CONNECTIONS=8
 *        BENCH_EMBEDDED_PERSONS=20000 BENCH_IDLE_S=60 BENCH_IDLE_SETTLE_S=10 BENCH_BASELINE=4223d09|none
 *        BENCH_TARGETS=ours,baseline,sqlfloor BENCH_NO_DOC=1 BENCH_SQL_PLAN_OUT=<file> BENCH_KEEP_DIR=1
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureDevKeys, signToken } from '../auth';
import { DEFAULT_AUDIENCE, DEV_ISSUER, DOMAINS, PROJECT_ROOT, type DomainName } from '../subgraphs/kit/config';
import { prepareBaseline, type Baseline } from './baseline';
import { assertSameBytes } from './gateways/answers';
import { embeddedReport, replaceSection, type EmbeddedRun, type IdleRun } from './embedded-report';
import { cpuMs, load, sqlStatements, waitQuiet } from './gateways/measure';
import { startGateway, startSubgraphSet, type SubgraphSet, type Version } from './gateways/platform';
import { scenarios } from './gateways/scenarios';
import { recordSqlPlan, type SqlPlan } from './gateways/sql-plan';
import { snapshotTree, usageBetween } from './idle';
import { freePort, Processes, waitReady, type Service } from './processes';
import { intFromEnv } from './support';

const ROUNDS = intFromEnv('BENCH_ROUNDS', 3, 1);
const WARMUP_S = intFromEnv('BENCH_WARMUP_S', 3, 0);
const SETTLE_S = intFromEnv('BENCH_SETTLE_S', 5, 0);
const DURATION_S = intFromEnv('BENCH_DURATION_S', 10, 1);
const CONNECTIONS = intFromEnv('BENCH_CONNECTIONS', 8, 1);
const PERSONS = intFromEnv('BENCH_EMBEDDED_PERSONS', 20_000, 1);
const IDLE_S = intFromEnv('BENCH_IDLE_S', 60, 1);
const IDLE_SETTLE_S = intFromEnv('BENCH_IDLE_SETTLE_S', 10, 0);
const BASELINE_REF = process.env.BENCH_BASELINE === 'none' ? null : process.env.BENCH_BASELINE || '4223d09';
const DOC_FILE = path.join(PROJECT_ROOT, 'docs', 'benchmarks.md');

const log = (line: string) => process.stderr.write(`[bench:embedded] ${line}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)]!;

/** The environment of one version on the embedded default: SQLite under its DATA_DIR, nothing of PostgreSQL. */
function embeddedEnv(dataDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir };
  for (const name of Object.keys(env)) {
    if (name === 'DATABASE_URL' || name.endsWith('_DATABASE_URL') || name === 'DATABASE_SCHEMA_PREFIX' || name === 'REDIS_URL') delete env[name];
  }
  delete env.NODE_ENV;
  delete env.NODE_OPTIONS;
  delete env.SQL_RECORD_FILE;
  return env;
}

/**
 * Today's world in `dataDir`'s domain files (not governance's), by today's seeder: a version started on them finds
 * every domain seeded and adds only its own tables (its schema update is additive).
 */
function seedWorld(dataDir: string, label: string): void {
  const domains = DOMAINS.filter((d) => d !== 'governance');
  log(`${label}: today's world of ${PERSONS} persons written into its DATA_DIR by today's seeder (${domains.join(', ')})`);
  execFileSync(process.execPath, [path.join(PROJECT_ROOT, 'dist', 'scripts', 'seed.js'), '--domains', domains.join(',')], {
    cwd: PROJECT_ROOT,
    env: { ...embeddedEnv(dataDir), SEED_PERSONS: String(PERSONS) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

interface Running {
  id: string;
  label: string;
  service: Service;
  url: string;
  set: SubgraphSet | null;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const unknown = args.filter((a) => a !== 'load' && a !== 'idle');
  if (unknown.length) throw new Error(`Unknown argument ${unknown.join(', ')}: load, idle or nothing (both).`);
  const doLoad = !args.length || args.includes('load');
  const doIdle = !args.length || args.includes('idle');
  const only = process.env.BENCH_TARGETS?.split(',').filter(Boolean) ?? ['ours', 'baseline', 'sqlfloor'];
  if (!fs.existsSync(path.join(PROJECT_ROOT, 'dist', 'scripts', 'start-subgraph.js'))) throw new Error('dist/ is missing: run `npm run build` (npm run bench:embedded does).');

  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hdg-bench-embedded-'));
  const processes = new Processes(workDir);
  let interrupted = false;
  const onSignal = () => {
    interrupted = true;
    log('interrupted: stopping every process');
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const check = () => {
    if (interrupted) throw new Error('Interrupted.');
  };
  let baseline: Baseline | null = null;
  try {
    if (BASELINE_REF && (only.includes('baseline') || doIdle)) baseline = await prepareBaseline(BASELINE_REF, log);
    check();
    const versions: Version[] = [{ id: 'ours', label: 'ours', root: PROJECT_ROOT }];
    if (baseline) versions.push({ id: 'baseline', label: `baseline (${baseline.short})`, root: baseline.root });
    const dataDirs = new Map(versions.map((v) => [v.id, path.join(workDir, `data-${v.id}`)] as const));
    const { privateKeyFile } = await ensureDevKeys(path.join(dataDirs.get('ours')!, 'keys'));
    for (const v of versions.slice(1)) {
      fs.cpSync(path.join(dataDirs.get('ours')!, 'keys'), path.join(dataDirs.get(v.id)!, 'keys'), { recursive: true });
      seedWorld(dataDirs.get(v.id)!, v.label);
    }

    const page = scenarios('unused').page;
    const token = await signToken(privateKeyFile, page.claims, { issuer: DEV_ISSUER, audience: DEFAULT_AUDIENCE, expiresIn: '6h' });
    const headers = { authorization: `Bearer ${token}` };
    const body = JSON.stringify({ query: page.query, variables: page.variables });
    const loadEnv = (v: Version): NodeJS.ProcessEnv => ({
      ...embeddedEnv(dataDirs.get(v.id)!),
      SEED_PERSONS: String(PERSONS),
      RATE_LIMITS: 'off',
      QUERY_LIMITS: JSON.stringify({ officer: { cost: 1_000_000 } }),
      HOST: '127.0.0.1',
      STATISTICS_REFRESH_INTERVAL_SECONDS: '0',
    });

    // Each version seeds its own DATA_DIR on its subgraphs' first start (the load's; idle alone: the launcher's).
    const sets = new Map<string, SubgraphSet>();
    for (const v of doLoad ? versions : []) {
      check();
      const started = Date.now();
      log(`${v.label}: starting its subgraphs on SQLite in ${dataDirs.get(v.id)} (seeding ${PERSONS} persons on the first start)`);
      const set = await startSubgraphSet(processes, { version: v, prefix: `${v.id}-`, env: loadEnv(v), dir: workDir, readyTimeoutMs: 1_800_000 });
      await waitQuiet({ healthUrls: set.healthUrls, log });
      log(`${v.label}: ready in ${((Date.now() - started) / 1000).toFixed(0)} s`);
      sets.set(v.id, set);
    }

    const info = { date: new Date().toISOString().slice(0, 16).replace('T', ' '), node: process.version, cores: os.cpus().length, persons: PERSONS, loadBefore: os.loadavg(), loadAfter: [] as number[] };
    let embedded: EmbeddedRun | null = null;
    if (doLoad) {
      const targets: Running[] = [];
      for (const v of versions.filter((x) => only.includes(x.id))) {
        const gateway = await startGateway(processes, sets.get(v.id)!, `${v.id}-gateway`);
        targets.push({ id: v.id, label: v.label, service: gateway.service, url: gateway.url, set: sets.get(v.id)! });
      }
      if (!targets.some((t) => t.id === 'ours')) throw new Error('BENCH_TARGETS must include ours.');
      let plan: SqlPlan = {};
      if (only.includes('sqlfloor')) {
        plan = await recordSqlPlan({ processes, version: versions[0]!, env: loadEnv(versions[0]!), dir: workDir, scenarios: [page], headersOf: async () => headers, log });
        const planFile = path.join(workDir, 'sql-floor.json');
        fs.writeFileSync(planFile, JSON.stringify(plan));
        if (process.env.BENCH_SQL_PLAN_OUT) fs.writeFileSync(process.env.BENCH_SQL_PLAN_OUT, JSON.stringify(plan, null, 2));
        const port = await freePort();
        const service = processes.start('sqlfloor', [path.join(PROJECT_ROOT, 'dist', 'bench', 'peers', 'sql-floor.js')], { ...loadEnv(versions[0]!), PORT: String(port), SQL_FLOOR_FILE: planFile }, PROJECT_ROOT);
        const url = `http://127.0.0.1:${port}/page`;
        await waitReady(service, url, { method: 'POST', body: '{}' });
        targets.push({ id: 'sqlfloor', label: 'SQL floor (SQLite)', service, url, set: null });
      }
      check();

      // The same bytes from both versions before anything is timed; the SQL floor answers without errors.
      const answer = async (t: Running) => {
        const res = await fetch(t.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: t.set ? body : '{}', signal: AbortSignal.timeout(60_000) });
        return res.text();
      };
      const reference = await answer(targets[0]!);
      for (const t of targets.slice(1)) {
        const text = await answer(t);
        if (t.set) assertSameBytes(`${t.label} (page)`, reference, text);
        else if (!text.startsWith('[')) throw new Error(`${t.label}: ${text.slice(0, 300)}`);
      }
      log(`page: ${targets.filter((t) => t.set).map((t) => t.label).join(' and ')} answer the same bytes (${reference.length} bytes)`);

      const runs: EmbeddedRun['runs'] = [];
      for (let round = 0; round < ROUNDS; round += 1) {
        if (round === 0 && SETTLE_S > 0) {
          for (const t of targets) {
            check();
            await load({ url: t.url, body: t.set ? body : '{}', headers, seconds: SETTLE_S, connections: CONNECTIONS });
          }
          log(`settled (${SETTLE_S} s per target)`);
        }
        for (const t of targets.map((_, i) => targets[(i + round) % targets.length]!)) {
          check();
          const targetBody = t.set ? body : '{}';
          if (WARMUP_S > 0) await load({ url: t.url, body: targetBody, headers, seconds: WARMUP_S, connections: CONNECTIONS });
          await sleep(200);
          const subgraphs = t.set?.services ?? [];
          const sqlBefore = t.set ? await sqlStatements(t.set.healthUrls) : 0;
          const cpuBefore = cpuMs(t.service.pid);
          const subgraphCpuBefore = sum(subgraphs.map((g) => cpuMs(g.pid)));
          const result = await load({ url: t.url, body: targetBody, headers, seconds: DURATION_S, connections: CONNECTIONS });
          const cpu = cpuMs(t.service.pid) - cpuBefore;
          const subgraphCpu = sum(subgraphs.map((g) => cpuMs(g.pid))) - subgraphCpuBefore;
          const sql = t.set ? (await sqlStatements(t.set.healthUrls)) - sqlBefore : (plan.page?.length ?? 0) * result.requests;
          if (result.failed > 0) throw new Error(`${t.label}: ${result.failed} of ${result.requests} requests failed under load:\n${t.service.output.slice(-10).join('\n')}`);
          const run = {
            target: t.id,
            label: t.label,
            round,
            rps: result.rps,
            p50: result.p50,
            p99: result.p99,
            cpuMsPerRequest: cpu / result.requests,
            subgraphCpuMsPerRequest: t.set ? subgraphCpu / result.requests : Number.NaN,
            sqlPerRequest: sql / result.requests,
          };
          runs.push(run);
          log(`round ${round + 1} ${t.id}: ${run.rps.toFixed(1)} req/s, p50 ${run.p50} ms, p99 ${run.p99} ms, gateway ${run.cpuMsPerRequest.toFixed(2)} CPU ms/req, subgraphs ${run.subgraphCpuMsPerRequest.toFixed(2)} CPU ms/req, ${run.sqlPerRequest.toFixed(1)} SQL/req`);
        }
      }
      embedded = { runs, statements: plan.page?.length ?? 0, bytes: reference.length };
      for (const t of targets) await processes.stop(t.service);
    }
    for (const set of sets.values()) await Promise.all(set.services.map((s) => processes.stop(s)));

    const idle: IdleRun[] = [];
    if (doIdle) {
      for (const v of versions) {
        check();
        idle.push(await measureIdle(processes, v, dataDirs.get(v.id)!, workDir));
        log(`idle ${v.label}: ${idle.at(-1)!.usage.percentOfCore.toFixed(2)} % of one core (${idle.at(-1)!.usage.cpuMs.toFixed(0)} ms CPU in ${idle.at(-1)!.usage.seconds.toFixed(1)} s)`);
      }
    }
    info.loadAfter = os.loadavg();

    const out = embeddedReport({
      info: { ...info, rounds: ROUNDS, warmupS: WARMUP_S, durationS: DURATION_S, connections: CONNECTIONS, idleS: IDLE_S, idleSettleS: IDLE_SETTLE_S, args: args.join(' '), baseline: BASELINE_REF },
      embedded,
      idle,
      median,
    });
    process.stdout.write(`${out}\n`);
    if (process.env.BENCH_NO_DOC !== '1') {
      const doc = fs.existsSync(DOC_FILE) ? fs.readFileSync(DOC_FILE, 'utf8') : '# Benchmarks\n';
      fs.writeFileSync(DOC_FILE, replaceSection(doc, 'bench:embedded results', out));
    }
  } finally {
    await processes.stopAll();
    if (process.env.BENCH_KEEP_DIR === '1') log(`kept ${workDir} (every service's log, the data directories)`);
    else fs.rmSync(workDir, { recursive: true, force: true });
    log('every process stopped');
    if (baseline) {
      await baseline.remove();
      log(`baseline worktree ${baseline.root} removed`);
    }
  }
}

/** The whole platform of `version` as `npm start` runs it, idle: CPU of its process tree over IDLE_S. */
async function measureIdle(processes: Processes, version: Version, dataDir: string, workDir: string): Promise<IdleRun> {
  const env: NodeJS.ProcessEnv = { ...embeddedEnv(dataDir), SEED_PERSONS: String(PERSONS) };
  const ports = Object.fromEntries(await Promise.all(DOMAINS.map(async (d) => [d, await freePort()] as const))) as Record<DomainName, number>;
  for (const d of DOMAINS) {
    env[`${d.toUpperCase()}_PORT`] = String(ports[d]);
    env[`${d.toUpperCase()}_URL`] = `http://127.0.0.1:${ports[d]}/graphql`;
  }
  const gatewayPort = await freePort();
  env.GATEWAY_PORT = String(gatewayPort);
  // `npm start` is `node --import tsx scripts/start.ts`: the same, in the version's worktree.
  const launcher = processes.start(`idle-${version.id}`, ['--import', 'tsx', path.join(version.root, 'scripts', 'start.ts')], env, version.root);
  const started = Date.now();
  try {
    await Promise.all(DOMAINS.map((d) => waitReady(launcher, `http://127.0.0.1:${ports[d]}/readyz`, {}, 1_800_000)));
    await waitReady(launcher, `http://127.0.0.1:${gatewayPort}/healthz`, {}, 120_000);
    // The launcher's own first request through the gateway, then the settle.
    const deadline = Date.now() + 120_000;
    while (!launcher.output.some((l) => l.includes('platform ready'))) {
      if (Date.now() > deadline) throw new Error(`${version.label}: the launcher never said "platform ready":\n${launcher.output.join('\n')}`);
      await sleep(200);
    }
    const readyS = (Date.now() - started) / 1000;
    log(`idle ${version.label}: ready in ${readyS.toFixed(0)} s; settling ${IDLE_SETTLE_S} s, then ${IDLE_S} s with no request`);
    await sleep(IDLE_SETTLE_S * 1000);
    const before = snapshotTree(launcher.pid);
    await sleep(IDLE_S * 1000);
    const after = snapshotTree(launcher.pid);
    fs.appendFileSync(path.join(workDir, 'idle.log'), `${version.id}: ${JSON.stringify([...after.processes.values()])}\n`);
    return { version: version.label, readyS, usage: usageBetween(before, after) };
  } finally {
    await processes.stop(launcher);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
