/**
 * What auditing costs, end to end:
 *   npm run bench:audit                                  # SQLite
 *   DATABASE_URL=postgresql://... npm run bench:audit    # PostgreSQL
 *
 * Two platforms from the same build and the same seeded world, both enforcing authorization: one with auditing on
 * (the default), one started with `audit: false` (no collection, no records). Both are driven with the same query
 * mix, request by request in turn: a province police officer's page of 50 persons with ID numbers and phones
 * (protected, read in full) and their residence regions; a health analyst's person lookup (ID number masked, marital
 * status refused: a denial); a police count of persons (an aggregate); the health commission's page of 20 health
 * records with blood types and allergies; and open data (a region), which writes no record. Every answer must be
 * byte-identical between the platforms (checked first, and on every response under load). A closed loop of
 * CONCURRENCY requests in flight alternates targets round by round; each round is a warm-up then a timed run.
 * Afterwards every chain of the audited platform must verify, and the records written are counted.
 *
 * Writes a Markdown section into docs/benchmarks-audit.md per driver. Knobs (environment): BENCH_PERSONS=2000
 * BENCH_SEED=2026 BENCH_ROUNDS=4 BENCH_CONCURRENCY=8 BENCH_WARMUP_S=2 BENCH_DURATION_S=8 BENCH_NO_DOC=1
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { verifyChain } from '../subgraphs/kit/audit/chain';
import { AuditRecord } from '../subgraphs/kit/audit/records';
import { DOMAINS, PROJECT_ROOT } from '../subgraphs/kit/config';
import { startPlatform, type Platform } from '../test/support/platform';
import { intFromEnv } from './support';

const PERSONS = intFromEnv('BENCH_PERSONS', 2000, 100);
const SEED = intFromEnv('BENCH_SEED', 2026, 0);
const ROUNDS = intFromEnv('BENCH_ROUNDS', 4, 1);
const CONCURRENCY = intFromEnv('BENCH_CONCURRENCY', 8, 1);
const WARMUP_MS = intFromEnv('BENCH_WARMUP_S', 2, 0) * 1000;
const DURATION_MS = intFromEnv('BENCH_DURATION_S', 8, 1) * 1000;
/** The throughput auditing may cost at most (issue 6). */
const GOAL_PERCENT = 20;
const DRIVER = process.env.DATABASE_URL ? 'PostgreSQL' : 'SQLite';
const DOC_FILE = path.join(PROJECT_ROOT, 'docs', 'benchmarks-audit.md');

const CALLERS = {
  police: { sub: 'bench-police', dept: 'public-security', roles: ['officer'], region: '460000' },
  analyst: { sub: 'bench-analyst', dept: 'health', roles: ['analyst'], region: '460100' },
  doctor: { sub: 'bench-doctor', dept: 'health', roles: ['officer'], region: '460000' },
};

interface Item {
  name: string;
  caller: keyof typeof CALLERS | null;
  query: string;
  variables?: Record<string, unknown>;
}

const MIX: Item[] = [
  { name: 'police: 50 persons with ID numbers, phones, residence regions', caller: 'police', query: `query BenchPersons { persons(first: 50, filter: { regionCode: "460000" }) { edges { node { id name idNumber phone residence { region { name } } } } } }` },
  { name: 'health analyst: one person, ID number masked, marital status refused', caller: 'analyst', query: `query BenchLookup($id: ID!) { person(id: $id) { name idNumber maritalStatus } }` },
  { name: 'police: count of persons in Haikou (aggregate)', caller: 'police', query: `query BenchCount { persons(first: 0, filter: { regionCode: "460100" }) { totalCount } }` },
  { name: 'health officer: 20 health records with blood type and allergies', caller: 'doctor', query: `query BenchHealth { healthRecords(first: 20) { edges { node { id bloodType allergies } } } }` },
  { name: 'public: a region (open data, no record)', caller: null, query: `query BenchRegion { region(code: "460100") { name children { code name } } }` },
];

type Target = 'on' | 'off';
interface Prepared {
  body: string;
  headers: Record<string, string>;
  expected: string;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length))) - 1] ?? Number.NaN;
}
function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

async function send(url: string, item: Prepared): Promise<string> {
  const res = await fetch(url, { method: 'POST', headers: item.headers, body: item.body, signal: AbortSignal.timeout(30_000) });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`HTTP ${res.status}: ${text.slice(0, 300)}`);
  return text;
}

async function prepare(platform: Platform, personId: string): Promise<Prepared[]> {
  const out: Prepared[] = [];
  for (const item of MIX) {
    const headers = { 'content-type': 'application/json', ...(item.caller ? await platform.as(CALLERS[item.caller]) : {}) };
    const body = JSON.stringify({ query: item.query, variables: item.query.includes('$id') ? { id: personId } : undefined });
    const expected = await send(platform.gateway.url, { body, headers, expected: '' });
    if (item.caller !== 'analyst' && expected.includes('"errors"')) throw new Error(`${item.name} failed: ${expected.slice(0, 500)}`);
    out.push({ body, headers, expected });
  }
  return out;
}

async function load(url: string, mix: Prepared[], durationMs: number): Promise<number[]> {
  const latencies: number[] = [];
  const deadline = performance.now() + durationMs;
  let next = 0;
  let failure: unknown = null;
  const worker = async () => {
    while (failure === null && performance.now() < deadline) {
      const item = mix[next++ % mix.length]!;
      const t0 = performance.now();
      try {
        const text = await send(url, item);
        if (text !== item.expected) throw new Error(`An answer differed from the reference: ${text.slice(0, 300)}`);
      } catch (error) {
        failure ??= error;
        return;
      }
      const t1 = performance.now();
      if (t1 <= deadline) latencies.push(t1 - t0);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  if (failure !== null) throw failure;
  return latencies;
}

async function countRecords(platform: Platform): Promise<number> {
  let n = 0;
  for (const d of DOMAINS) n += await platform.subgraphs[d].db.orm.em.fork().count(AuditRecord, {});
  return n;
}

const log = (line: string) => process.stderr.write(`${line}\n`);
const fmt = (n: number, digits = 1) => n.toFixed(digits);

async function main(): Promise<void> {
  log(`bench:audit on ${DRIVER}: ${PERSONS} persons, ${ROUNDS} rounds × (${WARMUP_MS / 1000} s + ${DURATION_MS / 1000} s) per target, concurrency ${CONCURRENCY}`);
  const platforms = {
    on: await startPlatform('benchaudit_on', { rateLimits: false, persons: PERSONS, seed: SEED }),
    off: await startPlatform('benchaudit_off', { rateLimits: false, persons: PERSONS, seed: SEED, start: { audit: false } }),
  } as Record<Target, Platform>;
  try {
    const police = await platforms.on.as(CALLERS.police);
    const first = await platforms.on.query(`{ persons(first: 1, filter: { regionCode: "460100", status: LIVING }) { edges { node { id } } } }`, undefined, police);
    const personId = first.data.persons.edges[0].node.id as string;
    const mix = { on: await prepare(platforms.on, personId), off: await prepare(platforms.off, personId) };
    mix.on.forEach((p, i) => {
      if (p.expected !== mix.off[i]!.expected) throw new Error(`${MIX[i]!.name}: auditing on and off answer differently.`);
    });
    const before = await countRecords(platforms.on);
    const rows: { round: number; target: Target; requests: number; rps: number; p50: number; p99: number }[] = [];
    for (let round = 1; round <= ROUNDS; round += 1) {
      for (const target of ['on', 'off'] as Target[]) {
        await load(platforms[target].gateway.url, mix[target], WARMUP_MS);
        const lat = (await load(platforms[target].gateway.url, mix[target], DURATION_MS)).sort((a, b) => a - b);
        const r = { round, target, requests: lat.length, rps: lat.length / (DURATION_MS / 1000), p50: percentile(lat, 50), p99: percentile(lat, 99) };
        rows.push(r);
        log(`round ${round} ${target}: ${fmt(r.rps)} req/s, p50 ${fmt(r.p50, 2)} ms, p99 ${fmt(r.p99, 2)} ms`);
      }
    }
    const written = (await countRecords(platforms.on)) - before;
    const offRecords = await countRecords(platforms.off);
    for (const d of DOMAINS) {
      const report = await verifyChain(platforms.on.subgraphs[d].db.orm.em.fork(), d);
      if (!report.ok) throw new Error(`The ${d} chain does not verify after the bench: ${report.broken?.message}`);
    }
    const med = (t: Target, k: 'rps' | 'p50' | 'p99') => median(rows.filter((r) => r.target === t).map((r) => r[k]));
    const cost = (1 - med('on', 'rps') / med('off', 'rps')) * 100;
    const p50 = (med('on', 'p50') / med('off', 'p50') - 1) * 100;
    const requestsOn = rows.filter((r) => r.target === 'on').reduce((n, r) => n + r.requests, 0);
    const command = `${process.env.DATABASE_URL ? 'DATABASE_URL=postgresql://postgres@127.0.0.1:5432/test ' : ''}npm run bench:audit`;
    const section = [
      `### ${DRIVER}`,
      '',
      `Run on ${new Date().toISOString().slice(0, 10)} with \`${command}\`:`,
      '',
      `- CPUs (nproc): ${os.availableParallelism()} × ${os.cpus()[0]?.model.trim() ?? 'unknown'}; Node ${process.version}`,
      `- ${PERSONS} persons (seed ${SEED}); ${CONCURRENCY} requests in flight; per round ${WARMUP_MS / 1000} s warm-up + ${DURATION_MS / 1000} s timed; ${ROUNDS} rounds per target, alternating`,
      '',
      '| round | auditing | requests | req/s | p50 (ms) | p99 (ms) |',
      '| ---: | --- | ---: | ---: | ---: | ---: |',
      ...rows.map((r) => `| ${r.round} | ${r.target} | ${r.requests} | ${fmt(r.rps)} | ${fmt(r.p50, 2)} | ${fmt(r.p99, 2)} |`),
      `| median | **on** | | **${fmt(med('on', 'rps'))}** | **${fmt(med('on', 'p50'), 2)}** | **${fmt(med('on', 'p99'), 2)}** |`,
      `| median | **off** | | **${fmt(med('off', 'rps'))}** | **${fmt(med('off', 'p50'), 2)}** | **${fmt(med('off', 'p99'), 2)}** |`,
      '',
      '| cost of auditing (median on vs off) | value | goal |',
      '| --- | ---: | --- |',
      `| throughput (req/s) | **${cost >= 0 ? '−' : '+'}${fmt(Math.abs(cost))} %** | at most −${GOAL_PERCENT} %: ${cost <= GOAL_PERCENT ? 'met' : '**not met**'} |`,
      `| p50 latency | ${p50 >= 0 ? '+' : '−'}${fmt(Math.abs(p50))} % | |`,
      `| audit records written during the timed and warm-up runs (auditing on; off wrote ${offRecords}) | ${written} (≈ ${fmt(written / Math.max(1, requestsOn), 2)} per timed request, warm-ups included) | |`,
      `| chains verified afterwards | all ${DOMAINS.length} ok | |`,
    ].join('\n');
    process.stdout.write(`${section}\n`);
    if (!process.env.BENCH_NO_DOC) writeDoc(section);
  } finally {
    await platforms.on.stop();
    await platforms.off.stop();
  }
}

function writeDoc(section: string): void {
  const begin = `<!-- bench:audit ${DRIVER} begin -->`;
  const end = `<!-- bench:audit ${DRIVER} end -->`;
  let doc = fs.existsSync(DOC_FILE) ? fs.readFileSync(DOC_FILE, 'utf8') : '# Benchmark: what auditing costs\n\n<!-- bench:audit results -->\n';
  const block = `${begin}\n${section}\n${end}`;
  doc = doc.includes(begin) && doc.includes(end) ? doc.slice(0, doc.indexOf(begin)) + block + doc.slice(doc.indexOf(end) + end.length) : `${doc.trimEnd()}\n\n${block}\n`;
  fs.writeFileSync(DOC_FILE, doc.endsWith('\n') ? doc : `${doc}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${String((error as Error)?.stack ?? error)}\n`);
  process.exit(1);
});
