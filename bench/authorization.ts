/**
 * What authorization enforcement costs, end to end and per field decision:
 *   npm run bench:authorization                                  # SQLite
 *   DATABASE_URL=postgresql://... npm run bench:authorization    # PostgreSQL
 *
 * 1. Two platforms from the same build and the same seeded world, one with enforcement on (the default) and one
 *    started with `enforce: false` (no field wrapping, no row scoping). Both answer a page of 100 persons with
 *    five fields from two subgraphs for a public-security officer of the whole province, who may read all of
 *    them; the bench first checks that both return identical data, then drives each with a closed loop of
 *    CONCURRENCY in-flight requests over loopback (global fetch, keep-alive), alternating targets round by
 *    round (on, off, on, off, ...) so drift in the machine hits both alike. Every round is a warm-up followed by
 *    a timed run; it records requests/s, p50 and p99 latency.
 * 2. In process: the time of one `fieldDecision(ability, 'Person', 'name', record)` for the same principal, whose
 *    province policy makes that field depend on the record (the hukou region), averaged over 1,000,000 calls.
 * 3. The SQL one request sends on each platform, captured and re-run alone: how much of the difference is the
 *    database's (row scoping adds the caller's row filter to the statements).
 *
 * Prints a Markdown report and writes it into docs/benchmarks-authorization.md, replacing only the section of the
 * driver it ran on (so a SQLite and a PostgreSQL run can sit side by side). Everything runs in this one Node
 * process, so CPU time per target cannot be told apart and is not reported.
 *
 * Knobs (environment, for quick trials; the documented numbers use the defaults):
 *   BENCH_PERSONS=5000 BENCH_SEED=2026 BENCH_ROUNDS=3 BENCH_CONCURRENCY=8 BENCH_WARMUP_S=3 BENCH_DURATION_S=15
 *   BENCH_DECISIONS=1000000 BENCH_NO_DOC=1 (print only, leave the doc alone)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildAbility, fieldDecision, type Principal, type TokenClaims } from '../auth';
import { PROVINCE_POLICY } from '../auth/province-policy';
import { PROJECT_ROOT } from '../subgraphs/kit/config';
import { PLATFORM_CATALOGUE } from '../subgraphs/platform-catalogue';
import { startPlatform, type Platform } from '../test/support/platform';
import { intFromEnv } from './support';

const PERSONS = intFromEnv('BENCH_PERSONS', 5000, 100);
const SEED = intFromEnv('BENCH_SEED', 2026, 0);
const ROUNDS = intFromEnv('BENCH_ROUNDS', 3, 1);
const CONCURRENCY = intFromEnv('BENCH_CONCURRENCY', 8, 1);
const WARMUP_MS = intFromEnv('BENCH_WARMUP_S', 3, 0) * 1000;
const DURATION_MS = intFromEnv('BENCH_DURATION_S', 15, 1) * 1000;
const DECISIONS = intFromEnv('BENCH_DECISIONS', 1_000_000, 1000);
const SQL_WARMUP = 20;
const SQL_RUNS = 200;
/** No single request may take longer than this; a stuck server fails the bench instead of hanging it. */
const REQUEST_TIMEOUT_MS = 30_000;
/** The p50 slowdown (enforcement on vs off) the platform aims to stay within. */
const GOAL_PERCENT = 15;

const DRIVER = process.env.DATABASE_URL ? 'PostgreSQL' : 'SQLite';
const DOC_FILE = path.join(PROJECT_ROOT, 'docs', 'benchmarks-authorization.md');

// Filtered to Hainan hukou: the synthetic world also holds persons whose hukou is registered outside Hainan, whom
// the officer's province policy (police-own-area) may hide. Without the filter the enforced platform would return
// a different page than the unenforced one and the comparison would be of different work.
const QUERY = `query BenchAuthorization($first: Int, $filter: PersonFilter) {
  persons(first: $first, filter: $filter) { edges { node { name gender birthDate idNumber residence { region { name } } } } }
}`;
const VARIABLES = { first: 100, filter: { regionCode: '460000' } };

/** A public-security officer of the whole province: owns population (all its fields), and Region is open data. */
const CLAIMS: TokenClaims = { sub: 'bench', dept: 'public-security', roles: ['officer'], region: '460000' };

type Target = 'on' | 'off';

interface RoundResult {
  round: number;
  target: Target;
  requests: number;
  seconds: number;
  rps: number;
  p50: number;
  p99: number;
}

/** Nearest-rank percentile of an ascending list. */
function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** One request the way the load loop sends it; the body must equal the reference answer byte for byte. */
async function send(url: string, body: string, headers: Record<string, string>): Promise<string> {
  const res = await fetch(url, { method: 'POST', headers, body, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`HTTP ${res.status} from ${url}: ${text.slice(0, 500)}`);
  return text;
}

/**
 * Closed loop: CONCURRENCY workers, each sending its next request as soon as the previous one answered, until the
 * deadline. Only requests started and finished within [start, deadline] are measured; any wrong answer fails.
 */
async function load(url: string, headers: Record<string, string>, expected: string, durationMs: number): Promise<{ latencies: number[]; seconds: number }> {
  const body = JSON.stringify({ query: QUERY, variables: VARIABLES });
  const latencies: number[] = [];
  const started = performance.now();
  const deadline = started + durationMs;
  let failure: unknown = null;
  const worker = async () => {
    while (failure === null && performance.now() < deadline) {
      const t0 = performance.now();
      let text: string;
      try {
        text = await send(url, body, headers);
      } catch (error) {
        failure ??= error;
        return;
      }
      const t1 = performance.now();
      if (text !== expected) {
        failure ??= new Error(`An answer differed from the reference answer: ${text.slice(0, 500)}`);
        return;
      }
      if (t1 <= deadline) latencies.push(t1 - t0);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  if (failure !== null) throw failure;
  return { latencies, seconds: durationMs / 1000 };
}

async function referenceAnswer(platform: Platform, headers: Record<string, string>, target: Target): Promise<{ body: string; data: string }> {
  const res = await platform.query(QUERY, VARIABLES, headers);
  if (res.status !== 200 || res.errors?.length || !res.data) {
    throw new Error(`Enforcement ${target}: the bench query failed (HTTP ${res.status}): ${res.body.slice(0, 1000)}`);
  }
  const edges = (res.data as { persons?: { edges?: unknown[] } }).persons?.edges ?? [];
  if (edges.length !== VARIABLES.first) throw new Error(`Enforcement ${target}: expected ${VARIABLES.first} persons, got ${edges.length}.`);
  // The same query must give the same bytes every time, or the byte-for-byte check under load would be wrong.
  const again = await platform.query(QUERY, VARIABLES, headers);
  if (again.body !== res.body) throw new Error(`Enforcement ${target}: two identical requests gave different answers.`);
  return { body: res.body, data: JSON.stringify(res.data) };
}

function checkComplete(data: string): void {
  // A caller with full access sees every field: a null anywhere (but a missing residence) would mean a denial.
  const page = JSON.parse(data) as { persons: { edges: { node: Record<string, unknown> & { residence: { region: { name: unknown } | null } | null } }[] } };
  for (const { node } of page.persons.edges) {
    for (const f of ['name', 'gender', 'birthDate', 'idNumber'] as const) {
      if (node[f] === null || node[f] === undefined) throw new Error(`Person.${f} is null for the bench caller: ${JSON.stringify(node)}`);
    }
    if (typeof node.idNumber === 'string' && node.idNumber.includes('*')) throw new Error(`Person.idNumber came back masked: ${node.idNumber}`);
    if (node.residence && (!node.residence.region || node.residence.region.name == null)) throw new Error(`Region.name missing: ${JSON.stringify(node)}`);
  }
  if (!page.persons.edges.some(({ node }) => node.residence?.region?.name)) throw new Error('No person on the page has a residence region: the query does not reach geospatial.');
}

interface Statement {
  subgraph: string;
  sql: string;
  bindings: readonly unknown[];
}

interface SqlProfile {
  statements: Statement[];
  /** Sum over the request's statements of each one's median time, run alone and one after another. */
  ms: number;
}

/**
 * The SQL one request sends, captured per subgraph, then each statement re-run alone SQL_RUNS times: how much of
 * the difference between the targets is the database's (row scoping adds conditions to the statements).
 */
async function profileSql(platform: Platform, headers: Record<string, string>): Promise<SqlProfile> {
  const statements: Statement[] = [];
  const detach: (() => void)[] = [];
  for (const [subgraph, running] of Object.entries(platform.subgraphs)) {
    const knex = running.db.orm.em.getConnection().getKnex();
    const listener = (q: { sql: string; bindings?: readonly unknown[] }) => statements.push({ subgraph, sql: q.sql, bindings: q.bindings ?? [] });
    knex.on('query', listener);
    detach.push(() => knex.removeListener('query', listener));
  }
  try {
    const res = await platform.query(QUERY, VARIABLES, headers);
    if (res.status !== 200 || res.errors?.length) throw new Error(`The bench query failed while capturing its SQL: ${res.body.slice(0, 500)}`);
  } finally {
    for (const d of detach) d();
  }
  let ms = 0;
  for (const statement of statements) {
    const knex = platform.subgraphs[statement.subgraph as keyof Platform['subgraphs']].db.orm.em.getConnection().getKnex();
    const times: number[] = [];
    for (let i = 0; i < SQL_WARMUP + SQL_RUNS; i++) {
      const t0 = performance.now();
      await knex.raw(statement.sql, statement.bindings as never);
      if (i >= SQL_WARMUP) times.push(performance.now() - t0);
    }
    ms += median(times);
  }
  return { statements, ms };
}

/** The in-process cost of one record-dependent field decision. */
function measureDecision(): { nsPerCheck: number; nsPerFixedCheck: number; decision: string } {
  const principal: Principal = Object.freeze({
    kind: 'government',
    sub: CLAIMS.sub,
    dept: 'public-security',
    roles: Object.freeze(['officer']),
    region: '460000',
    client: null,
    purpose: null,
  });
  const ability = buildAbility({ principal, catalogue: PLATFORM_CATALOGUE, policies: PROVINCE_POLICY, grants: [] });
  const record = Object.freeze({
    id: 'p-000123',
    idNumber: '460105198703154218',
    name: '王海燕',
    gender: 'FEMALE',
    birthDate: '1987-03-15',
    ethnicity: '汉族',
    ethnicityCode: '01',
    phone: '13876012345',
    address: '海口市秀英区长流镇长滨路 12 号',
    maritalStatus: 'MARRIED',
    status: 'LIVING',
    hukouRegionCode: '460105',
    householdId: 'h-000045',
    relationshipToHead: 'SPOUSE',
    floating: false,
  });
  const decision = fieldDecision(ability, 'Person', 'name', record);
  if (decision !== 'FULL') throw new Error(`fieldDecision(Person.name) is ${decision} for the bench caller; expected FULL.`);
  // The record-dependent path must really be taken, or this would measure a cached constant.
  const foreign = { ...record, hukouRegionCode: '110105' };
  if (fieldDecision(ability, 'Person', 'name', foreign) !== 'DENIED') throw new Error('Person.name should be DENIED for a record outside the caller\'s area.');

  const time = (field: string, subjectType: string, rec: object): number => {
    let full = 0;
    for (let i = 0; i < 100_000; i++) if (fieldDecision(ability, subjectType, field, rec as never) === 'FULL') full++; // warm-up (JIT)
    full = 0;
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < DECISIONS; i++) if (fieldDecision(ability, subjectType, field, rec as never) === 'FULL') full++;
    const elapsed = Number(process.hrtime.bigint() - t0);
    if (full !== DECISIONS) throw new Error(`Expected ${DECISIONS} FULL decisions for ${subjectType}.${field}, got ${full}.`);
    return elapsed / DECISIONS;
  };
  const nsPerCheck = time('name', 'Person', record);
  const nsPerFixedCheck = time('name', 'Region', { code: '460105', name: '秀英区' });
  return { nsPerCheck, nsPerFixedCheck, decision };
}

const fmt = (n: number, digits = 1) => n.toFixed(digits);

function machine(): string[] {
  const cpu = os.cpus()[0]?.model.trim() ?? 'unknown CPU';
  return [
    `- CPUs (nproc): ${os.availableParallelism()} × ${cpu}; memory ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB; ${os.type()} ${os.release()} ${os.arch()}`,
    `- Node ${process.version}; driver ${DRIVER}${process.env.DATABASE_URL ? ` (${process.env.DATABASE_URL.replace(/\/\/[^@/]*@/, '//…@')})` : ' (better-sqlite3, files in the temp folder)'}`,
  ];
}

function report(results: readonly RoundResult[], decision: ReturnType<typeof measureDecision>, sql: Record<Target, SqlProfile>, date: string): { markdown: string; slowdown: number } {
  const of = (t: Target) => results.filter((r) => r.target === t);
  const med = (t: Target, k: 'rps' | 'p50' | 'p99') => median(of(t).map((r) => r[k]));
  const slowdown = (med('on', 'p50') / med('off', 'p50') - 1) * 100;
  const p99Slowdown = (med('on', 'p99') / med('off', 'p99') - 1) * 100;
  const rpsLoss = (1 - med('on', 'rps') / med('off', 'rps')) * 100;
  // The largest spread of p50 between rounds of one target, relative to its median: the noise floor.
  const spread = Math.max(...(['on', 'off'] as const).map((t) => ((Math.max(...of(t).map((r) => r.p50)) - Math.min(...of(t).map((r) => r.p50))) / med(t, 'p50')) * 100));
  const signed = (n: number) => `${n >= 0 ? '+' : ''}${fmt(n)} %`;
  const command = `${process.env.DATABASE_URL ? `DATABASE_URL=${process.env.DATABASE_URL} ` : ''}npm run bench:authorization`;
  const lines: string[] = [
    `### ${DRIVER}`,
    '',
    `Run on ${date} with \`${command}\`:`,
    '',
    ...machine(),
    `- ${PERSONS} persons (seed ${SEED}) on both platforms; ${CONCURRENCY} requests in flight; per round ${WARMUP_MS / 1000} s warm-up + ${DURATION_MS / 1000} s timed; ${ROUNDS} rounds per target, alternating`,
    '',
    '| round | enforcement | requests | req/s | p50 (ms) | p99 (ms) |',
    '| ---: | --- | ---: | ---: | ---: | ---: |',
    ...results.map((r) => `| ${r.round} | ${r.target} | ${r.requests} | ${fmt(r.rps)} | ${fmt(r.p50, 2)} | ${fmt(r.p99, 2)} |`),
    `| median | **on** | | **${fmt(med('on', 'rps'))}** | **${fmt(med('on', 'p50'), 2)}** | **${fmt(med('on', 'p99'), 2)}** |`,
    `| median | **off** | | **${fmt(med('off', 'rps'))}** | **${fmt(med('off', 'p50'), 2)}** | **${fmt(med('off', 'p99'), 2)}** |`,
    '',
    `| cost of enforcement (median on vs off) | value | goal |`,
    '| --- | ---: | --- |',
    `| p50 latency | **${signed(slowdown)}** | at most +${GOAL_PERCENT} %: ${slowdown <= GOAL_PERCENT ? 'met' : '**not met**'} |`,
    `| p99 latency | ${signed(p99Slowdown)} | |`,
    `| throughput (req/s) | ${signed(-rpsLoss)} | |`,
    `| one \`fieldDecision(ability, 'Person', 'name', record)\` (record-dependent: police-own-area policy), mean of ${DECISIONS.toLocaleString('en-US')} | ${fmt(decision.nsPerCheck)} ns | |`,
    `| one \`fieldDecision(ability, 'Region', 'name', record)\` (fixed answer, cached), mean of ${DECISIONS.toLocaleString('en-US')} | ${fmt(decision.nsPerFixedCheck)} ns | |`,
    '',
    `| SQL of one request, each statement re-run alone ${SQL_RUNS} times | on | off |`,
    '| --- | ---: | ---: |',
    `| statements (${subgraphsOf(sql)}) | ${statementCounts(sql.on)} | ${statementCounts(sql.off)} |`,
    `| characters of SQL text | ${chars(sql.on).toLocaleString('en-US')} | ${chars(sql.off).toLocaleString('en-US')} |`,
    `| time, sum of per-statement medians (ms) | ${fmt(sql.on.ms, 2)} | ${fmt(sql.off.ms, 2)} |`,
    '',
    interpretation({ slowdown, p99Slowdown, rpsLoss, deltaMs: med('on', 'p50') - med('off', 'p50'), serviceMs: { on: 1000 / med('on', 'rps'), off: 1000 / med('off', 'rps') }, ns: decision.nsPerCheck, spread, sql }),
  ];
  return { markdown: lines.join('\n'), slowdown };
}

const chars = (p: SqlProfile) => p.statements.reduce((n, st) => n + st.sql.length, 0);
const subgraphsOf = (sql: Record<Target, SqlProfile>) => [...new Set([...sql.on.statements, ...sql.off.statements].map((st) => st.subgraph))].join(' / ');
function statementCounts(p: SqlProfile): string {
  const names = [...new Set(p.statements.map((st) => st.subgraph))];
  return names.map((n) => p.statements.filter((st) => st.subgraph === n).length).join(' / ');
}

function interpretation(m: { slowdown: number; p99Slowdown: number; rpsLoss: number; deltaMs: number; serviceMs: Record<Target, number>; ns: number; spread: number; sql: Record<Target, SqlProfile> }): string {
  // Every field of every object on the page is decided, in both subgraphs: per person name, gender, birthDate,
  // idNumber and the key id in population, residence, Residence.region and Region.name in geospatial, plus the
  // connection's edge and node: about ten per person.
  const decisionsPerPage = 100 * 10;
  const decisionMs = (decisionsPerPage * m.ns) / 1e6;
  const sqlDelta = m.sql.on.ms - m.sql.off.ms;
  // The loop is saturated (closed loop, one event loop): each request occupies it for 1000 / (req/s) ms.
  const serviceDelta = m.serviceMs.on - m.serviceMs.off;
  const verdict = m.slowdown <= GOAL_PERCENT ? `within the goal of at most +${GOAL_PERCENT} %` : `over the goal of at most +${GOAL_PERCENT} %`;
  const signed = (n: number, digits = 1) => `${n >= 0 ? '+' : '−'}${fmt(Math.abs(n), digits)}`;
  return (
    `With enforcement on, the median p50 latency of the 100-person page was ${signed(m.slowdown)} % ` +
    `(${signed(m.deltaMs, 2)} ms) against enforcement off, ${verdict}; p99 moved ${signed(m.p99Slowdown)} % and throughput ` +
    `${signed(-m.rpsLoss)} %. Latency at ${CONCURRENCY} in flight is mostly queueing: at saturation each request holds the loop for ` +
    `1000 / (req/s) = ${fmt(m.serviceMs.on, 2)} ms on against ${fmt(m.serviceMs.off, 2)} ms off, so enforcement costs about ` +
    `${fmt(serviceDelta, 2)} ms of work per request. The field decisions themselves are a small part of that: at ${fmt(m.ns)} ns each, the ` +
    `~${decisionsPerPage.toLocaleString('en-US')} decisions of a page (every field of every object, both subgraphs) add up to about ${fmt(decisionMs, 2)} ms. ` +
    `Row scoping adds the caller's row filter to the persons statement, growing the request's SQL from ` +
    `${chars(m.sql.off).toLocaleString('en-US')} to ${chars(m.sql.on).toLocaleString('en-US')} characters; ` +
    (Math.abs(sqlDelta) < 0.2 * Math.abs(serviceDelta)
      ? `executing it accounts for little of that (run alone, the request's statements take ${fmt(m.sql.on.ms, 2)} ms on against ${fmt(m.sql.off.ms, 2)} ms off). `
      : `run alone, the request's statements take ${fmt(m.sql.on.ms, 2)} ms on against ${fmt(m.sql.off.ms, 2)} ms off (${signed(sqlDelta, 2)} ms). `) +
    `What remains is CPU work per request in the subgraphs' Node process (see "Where the time goes"), while token verification, ` +
    `query planning, fetching and JSON cost both targets the same. All services ` +
    `and the load generator share one Node event loop (nproc ${os.availableParallelism()}), so absolute throughput is modest, and the p50 of ` +
    `one target varied by up to ${fmt(m.spread)} % between rounds: differences smaller than that are noise.`
  );
}

function writeDoc(section: string): void {
  const begin = `<!-- bench:authorization ${DRIVER} begin -->`;
  const end = `<!-- bench:authorization ${DRIVER} end -->`;
  const block = `${begin}\n${section}\n${end}`;
  let doc = fs.existsSync(DOC_FILE) ? fs.readFileSync(DOC_FILE, 'utf8') : '';
  if (!doc.includes('<!-- bench:authorization results -->')) {
    doc = [
      '# Benchmark: what authorization enforcement costs',
      '',
      'Reproduce with `npm run bench:authorization` (SQLite) or `DATABASE_URL=postgresql://… npm run bench:authorization`',
      '(PostgreSQL); the script is `bench/authorization.ts` and rewrites only the section of the driver it ran on.',
      '',
      'It starts two platforms from the same build in one Node process — every subgraph on its own loopback HTTP port',
      'plus the gateway — seeded with the same synthetic world: one with enforcement on (the default), one started',
      'with `enforce: false` (fields not wrapped, rows not scoped). The caller is a public-security officer of the',
      'whole province (`{ sub: "bench", dept: "public-security", roles: ["officer"], region: "460000" }`), who may',
      'read every field asked, so both platforms must return byte-identical answers; the bench checks that before',
      'timing and on every response. The query is a page of 100 persons with five fields from two subgraphs',
      '(population and geospatial), with `{ first: 100, filter: { regionCode: "460000" } }`: the filter keeps the page to',
      'persons with a Hainan hukou, since the synthetic world also holds persons registered elsewhere whom the',
      "officer's policy may hide, which would make the two platforms answer (and work) differently:",
      '',
      '```graphql',
      QUERY,
      '```',
      '',
      'Load is a closed loop (a fixed number of requests in flight, global `fetch` with keep-alive) alternating',
      'targets round by round (on, off, on, off, …); every round warms up, then times. p50/p99 are nearest-rank over',
      'the requests of the timed window. CPU time per target is not reported: everything shares one process. The',
      'in-process figure is the mean time of one `fieldDecision` call for the same principal, built with',
      '`buildAbility` over the platform catalogue and the default province policy. Last, the SQL one request sends',
      'is captured on each platform and every statement re-run alone, to separate database time from the rest.',
      '',
      '<!-- bench:authorization results -->',
      '',
    ].join('\n');
  }
  if (doc.includes(begin) && doc.includes(end)) {
    doc = doc.slice(0, doc.indexOf(begin)) + block + doc.slice(doc.indexOf(end) + end.length);
  } else {
    doc = `${doc.trimEnd()}\n\n${block}\n`;
  }
  fs.mkdirSync(path.dirname(DOC_FILE), { recursive: true });
  fs.writeFileSync(DOC_FILE, doc.endsWith('\n') ? doc : `${doc}\n`);
}

const log = (line: string) => process.stderr.write(`${line}\n`);

async function main(): Promise<void> {
  const date = new Date().toISOString().slice(0, 10);
  log(`bench:authorization on ${DRIVER}: ${PERSONS} persons, ${ROUNDS} rounds × (${WARMUP_MS / 1000} s + ${DURATION_MS / 1000} s) per target, concurrency ${CONCURRENCY}`);
  const decision = measureDecision();
  log(`fieldDecision(Person.name, record): ${fmt(decision.nsPerCheck)} ns; fieldDecision(Region.name): ${fmt(decision.nsPerFixedCheck)} ns`);

  const platforms: Partial<Record<Target, Platform>> = {};
  const results: RoundResult[] = [];
  const sql = {} as Record<Target, SqlProfile>;
  let completed = false;
  try {
    let t = Date.now();
    platforms.on = await startPlatform('bench_authz_on', { rateLimits: false, persons: PERSONS, seed: SEED });
    log(`enforcement on: platform up in ${((Date.now() - t) / 1000).toFixed(1)} s`);
    t = Date.now();
    platforms.off = await startPlatform('bench_authz_off', { rateLimits: false, persons: PERSONS, seed: SEED, start: { enforce: false } });
    log(`enforcement off: platform up in ${((Date.now() - t) / 1000).toFixed(1)} s`);

    const targets = {} as Record<Target, { platform: Platform; headers: Record<string, string>; expected: string }>;
    const data = {} as Record<Target, string>;
    for (const target of ['on', 'off'] as const) {
      const platform = platforms[target]!;
      const auth = await platform.as(CLAIMS);
      const headers = { 'content-type': 'application/json', ...auth };
      const reference = await referenceAnswer(platform, auth, target);
      data[target] = reference.data;
      targets[target] = { platform, headers, expected: reference.body };
    }
    if (data.on !== data.off) {
      throw new Error(`The two platforms answer differently, so the comparison would be meaningless.\n  on:  ${data.on.slice(0, 400)}\n  off: ${data.off.slice(0, 400)}`);
    }
    checkComplete(data.on);
    log(`both platforms return identical data (${data.on.length} bytes of JSON)`);
    for (const target of ['on', 'off'] as const) {
      sql[target] = await profileSql(targets[target].platform, await targets[target].platform.as(CLAIMS));
      log(`enforcement ${target}: ${sql[target].statements.length} SQL statements, ${chars(sql[target])} characters, ${fmt(sql[target].ms, 2)} ms run alone`);
    }

    for (let round = 1; round <= ROUNDS; round++) {
      for (const target of ['on', 'off'] as const) {
        const { platform, headers, expected } = targets[target];
        if (WARMUP_MS > 0) await load(platform.gateway.url, headers, expected, WARMUP_MS);
        const { latencies, seconds } = await load(platform.gateway.url, headers, expected, DURATION_MS);
        if (latencies.length === 0) throw new Error(`Round ${round}, enforcement ${target}: no request completed in ${seconds} s.`);
        latencies.sort((a, b) => a - b);
        const result: RoundResult = { round, target, requests: latencies.length, seconds, rps: latencies.length / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
        results.push(result);
        log(`round ${round} ${target.padEnd(3)}: ${result.requests} requests, ${fmt(result.rps)} req/s, p50 ${fmt(result.p50, 2)} ms, p99 ${fmt(result.p99, 2)} ms`);
      }
    }
    completed = true;
  } finally {
    // Both, even if the first fails; a failed stop fails the bench unless an earlier error is already on its way.
    const outcomes = await Promise.allSettled((['on', 'off'] as const).flatMap((t) => (platforms[t] ? [platforms[t]!.stop()] : [])));
    const failed = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason as unknown] : []));
    for (const reason of failed) log(`stopping a platform failed: ${reason instanceof Error ? reason.message : String(reason)}`);
    if (completed && failed.length > 0) throw new Error(`${failed.length} platform(s) did not stop cleanly.`);
  }

  const { markdown, slowdown } = report(results, decision, sql, date);
  process.stdout.write(`${markdown}\n`);
  if (!process.env.BENCH_NO_DOC) {
    writeDoc(markdown);
    log(`wrote ${path.relative(PROJECT_ROOT, DOC_FILE)}`);
  }
  if (slowdown > GOAL_PERCENT) log(`note: p50 slowdown ${fmt(slowdown)} % is over the ${GOAL_PERCENT} % goal`);
}

main().then(
  // Keep-alive sockets to the stopped servers are gone; exit explicitly so no stray handle keeps us alive.
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`bench:authorization failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
