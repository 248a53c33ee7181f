/**
 * `npm run bench:chaos`: writes under fire. The whole platform as `npm start` runs it (supervised, so killed
 * services come back), on PostgreSQL (a scratch database `hdg_chaos_<time>` on DATABASE_URL's server, dropped at the
 * end), takes BENCH_CHAOS_S (60) seconds of mixed reads and idempotent births through the gateway while, at random
 * intervals (BENCH_CHAOS_SEED, printed), a subgraph or the gateway is killed with SIGKILL, or every PostgreSQL
 * connection of the platform is terminated. A write that fails is retried with the same idempotency key until it is
 * acknowledged. At the end: every acknowledged birth is stored exactly once (bench/chaos-check.ts), and every audit
 * chain verifies against its signed checkpoint (`npm run audit:verify`); requests, errors by code, faults and
 * recovery times go to docs/benchmarks-chaos.md (BENCH_NO_DOC=1: printed only). Exit 1 when a write was lost or
 * duplicated or the audit trail does not verify.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { ensureDevKeys, signToken } from '../auth';
import { DEFAULT_AUDIENCE, DEV_ISSUER, DOMAINS, PROJECT_ROOT } from '../subgraphs/kit/config';
import { rngFor } from '../subgraphs/kit/world/rng';
import { checkWrites, writesHold } from './chaos-check';
import { replaceSection } from './embedded-report';
import { intFromEnv } from './support';

const DURATION_S = intFromEnv('BENCH_CHAOS_S', 60, 5);
const SEED = intFromEnv('BENCH_CHAOS_SEED', Date.now() % 1_000_000, 0);
const CONNECTIONS = intFromEnv('BENCH_CONNECTIONS', 6, 1);
const PORT_BASE = intFromEnv('BENCH_CHAOS_PORT_BASE', 29100, 1024);
const PERSONS = intFromEnv('BENCH_CHAOS_PERSONS', 2000, 100);
const MARKER = '郑沐晨';
const DOC = path.join(PROJECT_ROOT, 'docs', 'benchmarks-chaos.md');

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const quantile = (v: number[], q: number) => (v.length ? [...v].sort((a, b) => a - b)[Math.min(v.length - 1, Math.floor(q * v.length))]! : 0);

interface Answer {
  ok: boolean;
  /** `ok`, an extensions.code, `HTTP <status>` or `network`. */
  outcome: string;
  data?: any;
}

async function post(url: string, token: string, query: string, variables?: Record<string, unknown>): Promise<Answer> {
  try {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }), signal: AbortSignal.timeout(15_000) });
    const text = await res.text();
    let body: { data?: any; errors?: { extensions?: { code?: string } }[] } = {};
    try {
      body = JSON.parse(text);
    } catch {
      return { ok: false, outcome: `HTTP ${res.status}` };
    }
    if (body.errors?.length) return { ok: false, outcome: body.errors[0]!.extensions?.code ?? `HTTP ${res.status}`, data: body.data };
    return { ok: res.ok, outcome: res.ok ? 'ok' : `HTTP ${res.status}`, data: body.data };
  } catch {
    return { ok: false, outcome: 'network' };
  }
}

const READ = `query($id: ID!) { person(id: $id) { id name residence { region { name } } highestDegree { level } credit { rating } } }`;
const BIRTH = `mutation($input: RegisterBirthInput!, $key: String) { registerBirth(input: $input, idempotencyKey: $key) { id } }`;

async function main(): Promise<void> {
  const server = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
  const database = `hdg_chaos_${Date.now()}`;
  const url = Object.assign(new URL(server), { pathname: `/${database}` }).toString();
  const admin = async <T>(fn: (c: Client) => Promise<T>, on = server): Promise<T> => {
    const c = new Client({ connectionString: on });
    await c.connect();
    try {
      return await fn(c);
    } finally {
      await c.end();
    }
  };
  await admin((c) => c.query(`create database ${database}`));
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hdg-chaos-'));
  const { privateKeyFile } = await ensureDevKeys(path.join(dataDir, 'keys'));
  const token = await signToken(privateKeyFile, { sub: 'chaos-clerk', dept: 'public-security', roles: ['officer'], region: '460000' }, { issuer: DEV_ISSUER, audience: DEFAULT_AUDIENCE, expiresIn: '2h' });
  const env = { ...process.env, DATABASE_URL: url, DATA_DIR: dataDir, SEED_PERSONS: String(PERSONS), PORT_BASE: String(PORT_BASE), RATE_LIMITS: 'off', LOG_LEVEL: 'warn', AUDIT_CHECKPOINT_INTERVAL_S: '5' };
  delete (env as Record<string, string | undefined>).DATABASE_SCHEMA_PREFIX;
  const log = fs.openSync(path.join(dataDir, 'platform.log'), 'a');
  const launcher = spawn(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, 'scripts', 'start.ts')], { env, stdio: ['ignore', log, log] });
  const gateway = `http://127.0.0.1:${PORT_BASE}/graphql`;
  console.log(`[bench:chaos] seed ${SEED}; platform on ${database}, ${PERSONS} persons, data in ${dataDir}`);
  let exitCode = 0;
  try {
    // Ready: the gateway answers a read of a person with every domain's part.
    let ids: string[] = [];
    let households: string[] = [];
    for (const end = Date.now() + 300_000; Date.now() < end && ids.length === 0; await sleep(1000)) {
      const page = await post(gateway, token, `{ persons(first: 50, filter: { status: LIVING }) { edges { node { id household { id } } } } }`);
      if (page.ok) {
        ids = page.data.persons.edges.map((e: any) => e.node.id);
        households = [...new Set<string>(page.data.persons.edges.map((e: any) => e.node.household.id))];
      }
    }
    if (ids.length === 0) throw new Error(`The platform did not answer within 300 s; see ${path.join(dataDir, 'platform.log')}.`);
    console.log(`[bench:chaos] ready; ${DURATION_S} s of load with faults`);

    // The world's seeded generator: the same faults, targets and writes for the same seed.
    const rng = rngFor(SEED, 'bench:chaos');
    const random = () => rng.next();
    const outcomes = new Map<string, number>();
    const count = (o: string) => outcomes.set(o, (outcomes.get(o) ?? 0) + 1);
    const latencies: number[] = [];
    const acknowledged = new Map<string, Set<string>>();
    let retries = 0;
    let attempted = 0;
    const started = Date.now();
    const stopAt = started + DURATION_S * 1000;
    const giveUpAt = stopAt + 120_000;
    // Spread over households and days: a region has 499 sequence numbers per birth date and sex.
    const dayOf = (daysAgo: number) => new Date(Date.now() + 8 * 3600_000 - daysAgo * 86_400_000).toISOString().slice(0, 10);

    const write = async (key: string) => {
      attempted += 1;
      const input = { name: MARKER, gender: random() < 0.5 ? 'FEMALE' : 'MALE', birthDate: dayOf(Math.floor(random() * 300)), ethnicityCode: '01', householdId: households[Math.floor(random() * households.length)] };
      for (let first = true; Date.now() < giveUpAt; first = false) {
        if (!first) retries += 1;
        const t = Date.now();
        const a = await post(gateway, token, BIRTH, { input, key });
        latencies.push(Date.now() - t);
        count(a.outcome);
        const id = a.data?.registerBirth?.id as string | undefined;
        if (id) {
          if (!acknowledged.has(key)) acknowledged.set(key, new Set());
          acknowledged.get(key)!.add(id);
          return;
        }
        await sleep(200);
      }
    };
    const worker = async (w: number) => {
      for (let i = 0; Date.now() < stopAt; i += 1) {
        if (random() < 0.3) await write(`chaos-${SEED}-${w}-${i}`);
        else {
          const t = Date.now();
          const a = await post(gateway, token, READ, { id: ids[Math.floor(random() * ids.length)] });
          latencies.push(Date.now() - t);
          count(a.outcome);
        }
      }
    };

    // Faults, each followed by the time until a full read succeeds again.
    const faults: { at: number; kind: string; target: string; recoveryMs: number | null }[] = [];
    const children = () =>
      execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(launcher.pid)], { encoding: 'utf8' })
        .split('\n')
        .map((l) => l.trim().match(/^(\d+)\s+.*scripts\/(start-subgraph\.ts (\w+)|start-gateway\.ts)/))
        .filter((m): m is RegExpMatchArray => !!m)
        .map((m) => ({ pid: Number(m[1]), name: m[3] ?? 'gateway' }));
    const recovered = async (since: number): Promise<number | null> => {
      while (Date.now() < since + 60_000) {
        if ((await post(gateway, token, READ, { id: ids[0] })).ok) return Date.now() - since;
        await sleep(100);
      }
      return null;
    };
    const chaos = (async () => {
      // Kinds in turn (subgraph, gateway, subgraph, PostgreSQL), so that every run has each; targets and times random.
      for (let turn = 0; Date.now() < stopAt - 3000; turn += 1) {
        await sleep(3000 + random() * 4000);
        if (Date.now() >= stopAt - 2000) break;
        const kind = ['subgraph', 'gateway', 'subgraph', 'postgres'][turn % 4];
        const at = Date.now();
        if (kind === 'subgraph') {
          const name = DOMAINS[Math.floor(random() * DOMAINS.length)]!;
          const child = children().find((c) => c.name === name);
          if (!child) continue;
          process.kill(child.pid, 'SIGKILL');
          faults.push({ at: at - started, kind: 'subgraph killed', target: name, recoveryMs: await recovered(at) });
        } else if (kind === 'gateway') {
          const child = children().find((c) => c.name === 'gateway');
          if (!child) continue;
          process.kill(child.pid, 'SIGKILL');
          faults.push({ at: at - started, kind: 'gateway killed', target: 'gateway', recoveryMs: await recovered(at) });
        } else {
          const n = await admin((c) => c.query(`select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()`, [database]).then((r) => r.rowCount ?? 0));
          faults.push({ at: at - started, kind: 'PostgreSQL connections terminated', target: `${n} connections`, recoveryMs: await recovered(at) });
        }
        console.log(`[bench:chaos] ${faults[faults.length - 1]!.kind} (${faults[faults.length - 1]!.target}) at ${((at - started) / 1000).toFixed(1)} s; answered again after ${faults[faults.length - 1]!.recoveryMs ?? 'never'} ms`);
      }
    })();
    await Promise.all([chaos, ...Array.from({ length: CONNECTIONS }, (_, w) => worker(w))]);
    const loadSeconds = (Date.now() - started) / 1000;

    // What is stored, straight from the population database.
    const stored = await admin((c) => c.query<{ id: string }>(`select id from population.person where name = $1`, [MARKER]).then((r) => r.rows.map((x) => x.id)), url);
    const keyRows = await admin((c) => c.query<{ id: string; result_key: string | null }>(`select id, result_key from population.idempotency_record where operation = 'registerBirth'`).then((r) => r.rows), url);
    const keys = new Map<string, string>();
    for (const row of keyRows) {
      const parsed = row.result_key ? (JSON.parse(row.result_key) as unknown) : null;
      const id = typeof parsed === 'string' ? parsed : Array.isArray(parsed) ? String(parsed[0]) : parsed && typeof parsed === 'object' ? String(Object.values(parsed)[0]) : null;
      if (id) keys.set(row.id, id);
    }
    const check = checkWrites({ acknowledged, stored, keys });

    // A clean stop signs the last checkpoints; then the audit trail is held to them.
    launcher.kill('SIGINT');
    await new Promise((r) => launcher.once('exit', r));
    const audit = spawnSync(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, 'scripts', 'audit.ts'), 'verify'], { env, encoding: 'utf8' });
    const auditOk = audit.status === 0;

    const requests = [...outcomes.values()].reduce((a, n) => a + n, 0);
    const byOutcome = [...outcomes].sort((a, b) => b[1] - a[1]);
    const recoveries = faults.map((f) => f.recoveryMs).filter((n): n is number => n !== null);
    const lines = [
      `Run of ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, Node ${process.version}, ${os.cpus().length} cores shared with other work; PostgreSQL (scratch database), ${PERSONS} persons; seed ${SEED}; ${CONNECTIONS} clients for ${DURATION_S} s (30 % idempotent births, 70 % reads of a person from four domains). Command: \`BENCH_CHAOS_SEED=${SEED} npm run bench:chaos\`.`,
      '',
      '| | |',
      '| --- | ---: |',
      `| requests (incl. retries) | ${requests} in ${loadSeconds.toFixed(1)} s |`,
      `| latency p50 / p99 | ${quantile(latencies, 0.5)} / ${quantile(latencies, 0.99)} ms |`,
      `| births attempted / acknowledged / retries | ${attempted} / ${acknowledged.size} / ${retries} |`,
      `| births stored / lost / duplicated / orphans | ${check.stored} / ${check.lost.length} / ${check.duplicated.length} / ${check.orphans.length} |`,
      `| faults | ${faults.length} |`,
      `| recovery after a fault (graph answers a full read again): median / max | ${quantile(recoveries, 0.5)} / ${recoveries.length ? Math.max(...recoveries) : 0} ms${recoveries.length < faults.length ? ` (${faults.length - recoveries.length} never within 60 s)` : ''} |`,
      `| audit:verify after the run | ${auditOk ? 'every chain verifies against its signed checkpoint' : `**failed** (exit ${audit.status})`} |`,
      '',
      'Answers by outcome: ' + byOutcome.map(([o, n]) => `${o} ${n}`).join(', ') + '.',
      '',
      '| at s | fault | target | answered again after ms |',
      '| ---: | --- | --- | ---: |',
      ...faults.map((f) => `| ${(f.at / 1000).toFixed(1)} | ${f.kind} | ${f.target} | ${f.recoveryMs ?? 'not within 60 s'} |`),
    ];
    const report = lines.join('\n');
    console.log(report);
    if (!auditOk) console.log(audit.stdout.split('\n').filter((l) => !/ ok, | latest signed /.test(l)).join('\n'));
    for (const l of [...check.lost, ...check.duplicated, ...check.orphans]) console.log(`[bench:chaos] ${l}`);
    if (!process.env.BENCH_NO_DOC) fs.writeFileSync(DOC, replaceSection(fs.readFileSync(DOC, 'utf8'), 'bench:chaos results', report));
    if (!writesHold(check) || !auditOk) exitCode = 1;
  } finally {
    if (launcher.exitCode === null && launcher.signalCode === null) {
      launcher.kill('SIGINT');
      await Promise.race([new Promise((r) => launcher.once('exit', r)), sleep(20_000)]);
      launcher.kill('SIGKILL');
    }
    await admin((c) => c.query(`drop database if exists ${database} with (force)`)).catch(() => undefined);
    if (!process.env.BENCH_KEEP_DIR) fs.rmSync(dataDir, { recursive: true, force: true });
  }
  process.exit(exitCode);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
