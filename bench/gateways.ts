/**
 * Our gateway against the peer gateways that run on this machine (issue 9), on our supergraph and subgraphs:
 *   npm run bench -- [person|page|dashboard|deep ...]   # default: every scenario
 *   npm run bench -- memory                             # per target 60 s warm-up, then 60 s: memory flat from the first to the last 10 s
 *
 * `npm run bench` builds dist/ first, then this harness starts, each as its own process from dist/ (no tsx loader):
 * every subgraph on PostgreSQL (DATABASE_URL, default the seeded `bench` database; no seeding: the data size is
 * checked against BENCH_PERSONS and BENCH_ENTERPRISES and the run refuses a smaller database), our gateway
 * (RATE_LIMITS=off; authorization and auditing on in every subgraph, as in production), plain @apollo/gateway,
 * Hive Gateway with its JS planner and with the Rust planner (@graphql-hive/router-runtime), each with in-flight
 * deduplication off (the fair comparison) and on, the no-gateway floor (the same subgraph requests replayed straight
 * to the subgraphs), and the SQL floor (bench/peers/sql-floor.ts: the exact data statements today's subgraphs ran
 * for one request of the scenario, recorded once by a subgraph set of its own with SQL_RECORD_FILE,
 * bench/gateways/sql-plan.ts, and replayed by one process through the same drivers with prepared statements, rows
 * shaped as JSON: the least work that answers the scenario's data). Every gateway serves the same supergraph with
 * this run's subgraph URLs and forwards Authorization and X-Purpose (Hive Gateway: without the three fields computed
 * with @requires, which it cannot build a schema with; so it sits out the dashboard scenario, see targets.ts). Before timing, every target's answer to every scenario is
 * checked identical to ours; a peer that answers a scenario differently is left out of that scenario, with why.
 *
 * Then, per scenario, SETTLE_S of untimed load through every target in turn (subgraphs and PostgreSQL warm for all),
 * then ROUNDS rounds; each round visits every target once, in an order rotated round by round, one
 * target at a time: a warm-up of WARMUP_S, then DURATION_S timed with autocannon (CONNECTIONS connections,
 * loopback, the same token for every target). Recorded per run: requests/s, p50 and p99 latency, the target
 * process's CPU ms per request (its own utime + stime), its peak RSS, and SQL statements per request (the
 * subgraphs' counters). Reported: the median of the rounds (peak memory: the largest). Writes docs/benchmarks.md
 * (between markers) and docs/benchmarks-gateways.png unless BENCH_NO_DOC=1. Stops every process it started, also
 * on failure and Ctrl-C.
 *
 * BENCH_BASELINE=<git ref> (e.g. 4223d09) adds the target "baseline (<commit>)": that commit built in a temporary
 * worktree (bench/baseline.ts, removed at the end, also on failure), its own eight subgraphs (its dist/, on ports of
 * their own, the same database and settings) and its own gateway over them, timed in the same rotated rounds; its
 * answers must be byte for byte ours. Each target's "subgraphs CPU" is that of the subgraph processes it calls:
 * the baseline's for the baseline, ours for every other target (none for the SQL floor). The baseline's governance
 * store is a scratch database of its own (GOVERNANCE_DATABASE_URL, dropped at the end): the policy in force is a
 * document each version reads with its own code, and today's rules are not the baseline's (sharing it, the
 * baseline denied the officer fields today's policy grants). The domains' data is shared, and so are their audit
 * trails, under the same writer names (the domains): a chain is safe to share, as replicas of a subgraph do
 * (audit/chain.ts headAppender: an append moves the head it read, or reads it again and retries), and only the
 * target being timed has traffic. The schema update at start is additive only.
 *
 * Knobs: BENCH_ROUNDS=3 BENCH_SETTLE_S=5 BENCH_WARMUP_S=3 BENCH_DURATION_S=10 BENCH_CONNECTIONS=8 BENCH_TARGETS=ours,apollo,...,floor,sqlfloor,baseline
 *        BENCH_PERSONS=1000000 BENCH_ENTERPRISES=200000 BENCH_MEMORY_S=60 BENCH_MEMORY_WARMUP_S=60 BENCH_NO_DOC=1
 *        BENCH_SQL_PLAN_OUT=<file> (the SQL floor's recorded statements, kept for reading) BENCH_BASELINE_NPM_CI=1
 *        BENCH_KEEP_DIR=1 (keep the run's directory: every service's log)
 *        BENCH_CPU_PROFILE=<dir> (a V8 CPU profile per target and subgraph; `npx tsx bench/profile.ts <dir>/<target>` sums it)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { ensureDevKeys, signToken, type TokenClaims } from '../auth';
import { DEFAULT_AUDIENCE, DEV_ISSUER, DOMAINS, PROJECT_ROOT } from '../subgraphs/kit/config';
import { prepareBaseline, scratchDatabase, type Baseline } from './baseline';
import { assertSameAnswer, assertSameBytes, type GraphQLAnswer } from './gateways/answers';
import { recordFloorPlan, type FloorPlan } from './gateways/floor-plan';
import { cpuMs, load, peakMiB, resetPeak, rssMiB, sqlStatements, waitForConnections, waitQuiet } from './gateways/measure';
import { startSubgraphSet, type SubgraphSet, type Version } from './gateways/platform';
import { freePort, Processes, waitReady, type Service } from './processes';
import { writeReport, type Measurement, type MemoryRun, type RunInfo, type Unavailable } from './gateways/report';
import { SCENARIO_NAMES, scenarios, type Scenario, type ScenarioName } from './gateways/scenarios';
import { recordSqlPlan, type SqlPlan } from './gateways/sql-plan';
import { TARGETS, withoutComputedFields, type TargetSpec } from './gateways/targets';
import { intFromEnv } from './support';

const ROUNDS = intFromEnv('BENCH_ROUNDS', 3, 1);
const WARMUP_S = intFromEnv('BENCH_WARMUP_S', 3, 0);
const SETTLE_S = intFromEnv('BENCH_SETTLE_S', 5, 0);
const DURATION_S = intFromEnv('BENCH_DURATION_S', 10, 1);
const CONNECTIONS = intFromEnv('BENCH_CONNECTIONS', 8, 1);
const PERSONS = intFromEnv('BENCH_PERSONS', 1_000_000, 0);
const ENTERPRISES = intFromEnv('BENCH_ENTERPRISES', 200_000, 0);
const MEMORY_S = intFromEnv('BENCH_MEMORY_S', 60, 30);
const MEMORY_WARMUP_S = intFromEnv('BENCH_MEMORY_WARMUP_S', 60, 0);
const DATABASE_URL = process.env.DATABASE_URL || 'postgresql://postgres@127.0.0.1:5432/bench';
const DIST = path.join(PROJECT_ROOT, 'dist');
/**
 * Free PostgreSQL connections wanted before a target's load (or answer): what one subgraph set's pools took under
 * the scenario's load, and the SQL floor's (the dashboard reaches into six domains at once: about 70).
 */
const connectionsNeeded = (scenario: string) => (scenario === 'dashboard' ? 75 : 50);
/** Each subgraph process holds two connections even idle (the policy watch's LISTEN and its poll). */
const IDLE_CONNECTIONS_PER_SET = 2 * DOMAINS.length;
/** A peer not answering `{ __typename }` by then is reported as unable to serve the supergraph. */
const PEER_START_TIMEOUT_MS = 30_000;

const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)]!;

interface RunningTarget {
  spec: TargetSpec;
  service: Service;
  url: string;
  /** The subgraph processes this target calls (none for the SQL floor), and their /healthz. */
  subgraphs: Service[];
  healthUrls: string[];
}

async function dataSize(): Promise<{ persons: number; enterprises: number; personId: string; connections: { max: number; used: number } }> {
  const client = new Client({ connectionString: DATABASE_URL });
  await client.connect();
  try {
    const persons = Number((await client.query('select count(*) as n from population.person')).rows[0].n);
    const enterprises = Number((await client.query('select count(*) as n from enterprise.enterprise')).rows[0].n);
    // An adult with a credit profile and a residence, the same every run.
    const row = (await client.query(`select p.id from population.person p join credit.credit_profile c on c.person_id = p.id order by p.id limit 1 offset 1000`)).rows[0];
    // A freshly seeded database has no planner statistics until autovacuum gets to it: the page scenario's first
    // statement then takes a second (a bitmap scan of 270,000 rows instead of the primary key's first 101).
    const unanalyzed = (await client.query(`select schemaname || '.' || relname as t from pg_stat_user_tables where n_live_tup > 1000 and last_analyze is null and last_autoanalyze is null`)).rows.map((r: { t: string }) => r.t);
    if (unanalyzed.length) {
      log(`analyze: ${unanalyzed.length} tables have no planner statistics yet (${unanalyzed.slice(0, 5).join(', ')}${unanalyzed.length > 5 ? ', ...' : ''}): ANALYZE`);
      await client.query('analyze');
    }
    const max = Number((await client.query('show max_connections')).rows[0].max_connections);
    const used = Number((await client.query('select count(*) as n from pg_stat_activity')).rows[0].n);
    return { persons, enterprises, personId: String(row.id), connections: { max, used } };
  } finally {
    await client.end();
  }
}

async function postText(url: string, body: string, headers: Record<string, string>): Promise<{ status: number; text: string }> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body, signal: AbortSignal.timeout(60_000) });
  return { status: res.status, text: await res.text() };
}

async function post(url: string, body: string, headers: Record<string, string>): Promise<GraphQLAnswer> {
  const { status, text } = await postText(url, body, headers);
  try {
    return JSON.parse(text) as GraphQLAnswer;
  } catch {
    return { errors: [{ message: `HTTP ${status}: ${text.slice(0, 300)}` }] };
  }
}

const bodyOf = (s: Scenario) => JSON.stringify({ query: s.query, variables: s.variables });
const targetUrl = (t: RunningTarget, s: Scenario) => (t.spec.floor ? `${t.url}/${s.name}` : t.url);

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const memoryMode = args.includes('memory');
  const chosen = (args.filter((a) => a !== 'memory') as ScenarioName[]).filter((a) => (SCENARIO_NAMES as readonly string[]).includes(a));
  const unknown = args.filter((a) => a !== 'memory' && !(SCENARIO_NAMES as readonly string[]).includes(a));
  if (unknown.length) throw new Error(`Unknown scenario ${unknown.join(', ')}; choose from ${SCENARIO_NAMES.join(', ')} or memory.`);
  const names: ScenarioName[] = memoryMode ? ['person'] : chosen.length ? chosen : [...SCENARIO_NAMES];
  const only = process.env.BENCH_TARGETS?.split(',').filter(Boolean);
  const baselineRef = process.env.BENCH_BASELINE || undefined;
  let specs = TARGETS.filter((t) => (only ? only.includes(t.id) : !t.optional || (t.baseline && baselineRef)));
  const unknownTargets = (only ?? []).filter((id) => !TARGETS.some((t) => t.id === id));
  if (unknownTargets.length) throw new Error(`Unknown target ${unknownTargets.join(', ')}; choose from ${TARGETS.map((t) => t.id).join(', ')}.`);
  if (!specs.some((t) => t.id === 'ours')) throw new Error('BENCH_TARGETS must include ours: every answer is checked against it.');
  if (specs.some((t) => t.baseline) && !baselineRef) throw new Error('The baseline target needs BENCH_BASELINE=<git ref> (e.g. 4223d09).');
  for (const file of ['scripts/start-subgraph.js', ...specs.filter((t) => !t.baseline).map((t) => t.script)]) {
    if (!fs.existsSync(path.join(DIST, file))) throw new Error(`dist/${file} is missing: run \`npm run build\` (npm run bench does).`);
  }

  const size = await dataSize();
  if (size.persons < PERSONS || size.enterprises < ENTERPRISES) {
    throw new Error(`${DATABASE_URL} holds ${size.persons} persons and ${size.enterprises} enterprises, fewer than ${PERSONS} and ${ENTERPRISES}: seed it first, ` +
      `DATABASE_URL=${DATABASE_URL} npm run seed -- --persons ${PERSONS} --replace (or lower BENCH_PERSONS / BENCH_ENTERPRISES).`);
  }
  log(`database: ${size.persons} persons, ${size.enterprises} enterprises; ${size.connections.used} of ${size.connections.max} connections in use`);
  // Every set holds its idle connections all along; the one under load takes its pools' on top (see connectionsNeeded).
  const sets = 1 + (specs.some((t) => t.baseline) ? 1 : 0);
  const wanted = sets * IDLE_CONNECTIONS_PER_SET + Math.max(...names.map((n) => connectionsNeeded(n)));
  if (size.connections.max - size.connections.used < wanted) {
    log(
      `warning: ${size.connections.max - size.connections.used} of ${size.connections.max} PostgreSQL connections free; this run wants about ${wanted} ` +
        `(${sets} subgraph set(s), ${names.join(', ')}): expect "too many clients" (raise max_connections, e.g. ALTER SYSTEM SET max_connections = 200 and restart PostgreSQL)`,
    );
  }

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hdg-bench-gateways-'));
  const processes = new Processes(dataDir);
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
  let baselineGovernance: Awaited<ReturnType<typeof scratchDatabase>> | null = null;
  try {
    if (specs.some((t) => t.baseline)) {
      baseline = await prepareBaseline(baselineRef!, log);
      const label = `baseline (${baseline.short})`;
      specs = specs.map((t) => (t.baseline ? { ...t, label } : t));
    }
    check();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATA_DIR: dataDir,
      DATABASE_URL,
      SEED_PERSONS: '0',
      RATE_LIMITS: 'off',
      // The deep scenario's estimated cost (every nested list counted as 20) is above an officer's 60,000.
      QUERY_LIMITS: JSON.stringify({ officer: { cost: 1_000_000 } }),
      HOST: '127.0.0.1',
      STATISTICS_REFRESH_INTERVAL_SECONDS: '0',
    };
    // The development key pair under DATA_DIR signs the tokens, which production refuses.
    delete env.NODE_ENV;
    delete env.NODE_OPTIONS;
    delete env.SQL_RECORD_FILE;
    const { privateKeyFile } = await ensureDevKeys(path.join(dataDir, 'keys'));
    const today: Version = { id: 'ours', label: 'ours', root: PROJECT_ROOT };
    const profileOf = (name: string) => (process.env.BENCH_CPU_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(process.env.BENCH_CPU_PROFILE, name)}`] : []);

    const all = scenarios(size.personId);
    const chosenScenarios = names.map((n) => all[n]);
    const tokens = new Map<TokenClaims, string>();
    const headersOf = async (s: Scenario): Promise<Record<string, string>> => {
      if (!tokens.has(s.claims)) tokens.set(s.claims, await signToken(privateKeyFile, s.claims, { issuer: DEV_ISSUER, audience: DEFAULT_AUDIENCE, expiresIn: '6h' }));
      return { authorization: `Bearer ${tokens.get(s.claims)}` };
    };

    // The SQL floor's statements, recorded first by a subgraph set of its own (stopped before anything is timed).
    const sqlFloorFile = path.join(dataDir, 'sql-floor.json');
    let sqlPlan: SqlPlan = {};
    if (specs.some((t) => t.sqlFloor)) {
      sqlPlan = await recordSqlPlan({ processes, version: today, env, dir: dataDir, scenarios: chosenScenarios, databaseUrl: DATABASE_URL, headersOf, log });
      fs.writeFileSync(sqlFloorFile, JSON.stringify(sqlPlan));
      if (process.env.BENCH_SQL_PLAN_OUT) fs.writeFileSync(process.env.BENCH_SQL_PLAN_OUT, JSON.stringify(sqlPlan, null, 2));
    }
    check();

    log(`starting ${DOMAINS.length} subgraphs on ${DATABASE_URL}`);
    const oursSet = await startSubgraphSet(processes, { version: today, env, dir: dataDir, nodeArgs: profileOf });
    let baselineSet: SubgraphSet | null = null;
    if (baseline) {
      log(`starting ${DOMAINS.length} subgraphs of ${baseline.short} on ${DATABASE_URL}`);
      // Its own governance store (policy documents are read by each version's own code); the data is shared.
      baselineGovernance = await scratchDatabase(DATABASE_URL, `hdg_baseline_governance_${process.pid}`);
      const baselineEnv = { ...env, GOVERNANCE_DATABASE_URL: baselineGovernance.url };
      baselineSet = await startSubgraphSet(processes, { version: { id: 'baseline', label: `baseline (${baseline.short})`, root: baseline.root }, prefix: 'baseline-', env: baselineEnv, dir: dataDir, nodeArgs: profileOf });
    }
    // Each set rebuilds the statistics rollups after it starts: nothing is timed before that is done.
    await waitQuiet({ healthUrls: [...oursSet.healthUrls, ...(baselineSet?.healthUrls ?? [])], databaseUrl: DATABASE_URL, log });
    const supergraphSdl = oursSet.supergraphSdl;
    const withoutComputed = withoutComputedFields(supergraphSdl);
    const supergraphWithoutComputedFile = path.join(dataDir, 'supergraph-without-computed.graphql');
    fs.writeFileSync(supergraphWithoutComputedFile, withoutComputed.sdl);
    check();

    // The floor's subgraph requests, recorded once per scenario through @apollo/gateway's plan.
    const floorFile = path.join(dataDir, 'floor.json');
    if (specs.some((t) => t.id === 'floor')) {
      const plans: Record<string, FloorPlan> = {};
      for (const s of chosenScenarios) plans[s.name] = await recordFloorPlan(supergraphSdl, s, await headersOf(s));
      fs.writeFileSync(floorFile, JSON.stringify(plans));
      log(`floor: ${chosenScenarios.map((s) => `${s.name} ${plans[s.name]!.map((w) => w.length).join('+')} requests`).join(', ')}`);
    }

    const targets: RunningTarget[] = [];
    for (const spec of specs) {
      const port = await freePort();
      const set = spec.baseline ? baselineSet! : oursSet;
      // BENCH_CPU_PROFILE=<dir>: each target and subgraph writes a V8 CPU profile there when it stops (bench/profile.ts).
      const service = processes.start(
        spec.id,
        [...(spec.nodeArgs ?? []), ...profileOf(spec.id), path.join(set.version.root, 'dist', spec.script)],
        { ...set.env, ...spec.env, PORT: String(port), GATEWAY_PORT: String(port), SUPERGRAPH_FILE: spec.withoutComputed ? supergraphWithoutComputedFile : set.supergraphFile, FLOOR_FILE: floorFile, SQL_FLOOR_FILE: sqlFloorFile },
        set.version.root,
      );
      targets.push({
        spec,
        service,
        url: spec.floor ? `http://127.0.0.1:${port}` : `http://127.0.0.1:${port}/graphql`,
        subgraphs: spec.sqlFloor ? [] : set.services,
        healthUrls: spec.sqlFloor ? [] : set.healthUrls,
      });
    }
    const probe = { method: 'POST', body: '{"query":"{ __typename }"}', headers: { 'content-type': 'application/json' } };
    const unavailable: Unavailable[] = [];
    if (specs.some((t) => t.withoutComputed)) log(`Hive Gateway serves the supergraph without ${withoutComputed.removed.join(', ')}`);
    for (const t of [...targets]) {
      if (t.spec.floor) {
        await waitReady(t.service, `${t.url}/${chosenScenarios[0]!.name}`, { method: 'POST', body: '{}', headers: await headersOf(chosenScenarios[0]!) });
        continue;
      }
      try {
        await waitReady(t.service, t.url, probe, t.spec.id === 'ours' ? undefined : PEER_START_TIMEOUT_MS);
      } catch (error) {
        if (t.spec.id === 'ours') throw error;
        // A peer that cannot serve our supergraph is reported as such, with its own answer, and left out.
        const answer = await post(t.url, probe.body, {}).catch((e: unknown) => ({ errors: [{ message: String(e) }] }));
        const reason = `${answer.errors?.[0]?.message ?? 'no answer'} ${t.service.output.filter((l) => /message/.test(l)).slice(-1).join('').replace(/\x1b\[[0-9;]*m/g, '').trim()}`.trim();
        unavailable.push({ target: t.spec, reason });
        log(`${t.spec.id} cannot serve the supergraph, left out: ${reason}`);
        await processes.stop(t.service);
        targets.splice(targets.indexOf(t), 1);
      }
    }
    log(`targets ready: ${targets.map((t) => `${t.spec.id} (pid ${t.service.pid})`).join(', ')}`);
    check();

    // Every target's answer identical to ours before anything is timed.
    for (const s of chosenScenarios) {
      const headers = await headersOf(s);
      const ours = targets.find((t) => t.spec.id === 'ours')!;
      const referenceText = (await postText(ours.url, bodyOf(s), headers)).text;
      const reference = JSON.parse(referenceText) as GraphQLAnswer;
      for (const t of [...targets]) {
        // The previous target's pools close 30 s after its answer; two sets' at once may be more than the server allows.
        if (t.spec.baseline) await waitForConnections(DATABASE_URL, connectionsNeeded(s.name), log);
        if (t.spec.floor) {
          const answer = await post(targetUrl(t, s), '{}', headers);
          if (answer.errors?.length) throw new Error(`${t.spec.label}: ${answer.errors[0]!.message}`);
        } else {
          const answerText = (await postText(t.url, bodyOf(s), headers)).text;
          let answer: GraphQLAnswer;
          try {
            answer = JSON.parse(answerText) as GraphQLAnswer;
          } catch {
            answer = { errors: [{ message: answerText.slice(0, 300) }] };
          }
          try {
            // The baseline is our own gateway too: the same bytes, not only the same data.
            if (t.spec.baseline) assertSameBytes(`${t.spec.label} (${s.name})`, referenceText, answerText);
            else assertSameAnswer(`${t.spec.label} (${s.name})`, reference, answer);
          } catch (error) {
            if (t.spec.id.startsWith('ours')) throw error;
            // A peer that cannot answer a scenario of our graph is reported with its reason and left out of it.
            const logged = t.service.output.filter((l) => /message/.test(l)).slice(-1).join('').replace(/\x1b\[[0-9;]*m/g, '').trim();
            const reason = `${(error as Error).message} ${logged}`.trim();
            unavailable.push({ target: t.spec, scenario: s.name, reason });
            log(`${t.spec.id} left out of ${s.name}: ${reason}`);
          }
        }
      }
      log(`${s.name}: every answer identical to ours (${JSON.stringify(reference.data).length} bytes)`);
    }

    const info: RunInfo = {
      date: new Date().toISOString().slice(0, 16).replace('T', ' '),
      node: process.version,
      cores: os.cpus().length,
      loadBefore: os.loadavg(),
      persons: size.persons,
      enterprises: size.enterprises,
      rounds: ROUNDS,
      warmupS: WARMUP_S,
      durationS: memoryMode ? MEMORY_S : DURATION_S,
      connections: CONNECTIONS,
      args: args.join(' '),
    };

    if (memoryMode) {
      const runs: MemoryRun[] = [];
      const s = chosenScenarios[0]!;
      const headers = await headersOf(s);
      for (const t of targets) {
        check();
        log(`memory: ${t.spec.id}, ${MEMORY_WARMUP_S} s warm-up, then ${MEMORY_S} s of ${s.name}`);
        // A fresh process grows its heap to its working size first; what must stay flat is the run after that.
        if (MEMORY_WARMUP_S > 0) await load({ url: targetUrl(t, s), body: t.spec.floor ? '{}' : bodyOf(s), headers, seconds: MEMORY_WARMUP_S, connections: CONNECTIONS });
        const watched = [t.service, ...t.subgraphs];
        const samples: number[][] = watched.map(() => []);
        const timer = setInterval(() => watched.forEach((w, i) => samples[i]!.push(rssMiB(w.pid))), 1000);
        const result = await load({ url: targetUrl(t, s), body: t.spec.floor ? '{}' : bodyOf(s), headers, seconds: MEMORY_S, connections: CONNECTIONS });
        clearInterval(timer);
        const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
        runs.push({
          target: t.spec.label,
          requests: result.requests,
          processes: watched.map((w, i) => ({ name: w.name, first: mean(samples[i]!.slice(0, 10)), last: mean(samples[i]!.slice(-10)) })),
        });
      }
      info.loadAfter = os.loadavg();
      writeReport({ info, memory: runs, scenarios: chosenScenarios });
      return;
    }

    const measurements: Measurement[] = [];
    for (const s of chosenScenarios) {
      const headers = await headersOf(s);
      for (let round = 0; round < ROUNDS; round += 1) {
        const able = targets.filter((t) => !unavailable.some((u) => u.target === t.spec && (u.scenario === undefined || u.scenario === s.name)));
        if (round === 0 && SETTLE_S > 0) {
          // Before the first round, every target carries the scenario once, untimed, so that the subgraphs' JIT
          // and PostgreSQL's caches are warm for all of them: otherwise the first targets timed pay for it.
          for (const t of able) {
            check();
            await waitForConnections(DATABASE_URL, connectionsNeeded(s.name), log);
            await load({ url: targetUrl(t, s), body: t.spec.floor ? '{}' : bodyOf(s), headers, seconds: SETTLE_S, connections: CONNECTIONS });
          }
          log(`${s.name}: settled (${SETTLE_S} s per target)`);
        }
        const order = able.map((_, i) => able[(i + round) % able.length]!);
        for (const t of order) {
          check();
          const url = targetUrl(t, s);
          const body = t.spec.floor ? '{}' : bodyOf(s);
          await waitForConnections(DATABASE_URL, connectionsNeeded(s.name), log);
          if (WARMUP_S > 0) await load({ url, body, headers, seconds: WARMUP_S, connections: CONNECTIONS });
          await sleep(200);
          resetPeak(t.service.pid);
          const sqlBefore = await sqlStatements(t.healthUrls);
          const cpuBefore = cpuMs(t.service.pid);
          const subgraphCpuBefore = sum(t.subgraphs.map((g) => cpuMs(g.pid)));
          const result = await load({ url, body, headers, seconds: DURATION_S, connections: CONNECTIONS });
          const cpu = cpuMs(t.service.pid) - cpuBefore;
          const subgraphCpu = sum(t.subgraphs.map((g) => cpuMs(g.pid))) - subgraphCpuBefore;
          // The SQL floor runs its plan's statements per request, and no subgraph.
          const sql = t.spec.sqlFloor ? (sqlPlan[s.name]?.length ?? 0) * result.requests : (await sqlStatements(t.healthUrls)) - sqlBefore;
          if (result.failed > 0) {
            // Reported with what it answered to one of them, and left out of the scenario's other rounds (a
            // server out of connections fails one target, not the whole run).
            const sample = await postText(url, body, headers).catch((e: unknown) => ({ status: 0, text: String(e) }));
            const logged = t.service.output.filter((l) => /error/i.test(l)).slice(-1).join('').replace(/\x1b\[[0-9;]*m/g, '').trim();
            const reason = `${result.failed} requests failed under load (${result.requests} answered); one more: HTTP ${sample.status} ${sample.text.slice(0, 200)} ${logged.slice(0, 300)}`.trim();
            unavailable.push({ target: t.spec, scenario: s.name, reason });
            log(`${t.spec.id} left out of ${s.name}: ${reason}`);
            continue;
          }
          const m: Measurement = {
            scenario: s.name,
            target: t.spec.id,
            round,
            rps: result.rps,
            p50: result.p50,
            p99: result.p99,
            cpuMsPerRequest: cpu / result.requests,
            subgraphCpuMsPerRequest: t.spec.sqlFloor ? Number.NaN : subgraphCpu / result.requests,
            peakMiB: peakMiB(t.service.pid),
            sqlPerRequest: sql / result.requests,
          };
          measurements.push(m);
          log(`${s.name} round ${round + 1} ${t.spec.id}: ${m.rps.toFixed(0)} req/s, p50 ${m.p50} ms, p99 ${m.p99} ms, ${m.cpuMsPerRequest.toFixed(2)} CPU ms/req (subgraphs ${m.subgraphCpuMsPerRequest.toFixed(2)}), ${m.peakMiB.toFixed(0)} MiB, ${m.sqlPerRequest.toFixed(1)} SQL/req`);
        }
      }
    }
    info.loadAfter = os.loadavg();
    writeReport({ info, measurements, scenarios: chosenScenarios, targets: specs, median, unavailable });
  } finally {
    await processes.stopAll();
    if (process.env.BENCH_KEEP_DIR === '1') log(`kept ${dataDir} (every service's log, the recorded plans)`);
    else fs.rmSync(dataDir, { recursive: true, force: true });
    log('every process stopped');
    if (baselineGovernance) await baselineGovernance.drop().catch((e: unknown) => log(`could not drop the baseline's governance database: ${String(e)}`));
    if (baseline) {
      await baseline.remove();
      log(`baseline worktree ${baseline.root} removed`);
    }
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
