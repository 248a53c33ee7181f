/**
 * The platform under a steady load, as production runs it (issue 8):
 *   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/test REDIS_URL=redis://127.0.0.1:6379 npm run bench:load
 *
 * Every subgraph and two gateway instances each in its own process (test/support/processes.ts) on PostgreSQL
 * (fresh schemas under a unique prefix, BENCH_PERSONS persons seeded, dropped afterwards) with REDIS_URL passed to
 * every service. autocannon (in this process, loopback only) drives a mix of queries through both gateways at
 * once, half the connections on each, for a warm-up (not measured) and then BENCH_SECONDS. Every response must be
 * HTTP 200 without a GraphQL error: one error fails the run. Each service's resident memory is read from
 * /proc/<pid>/status every second; the mean of the first 10 s of the measured run is compared with the mean of the
 * last 10 s ("flat": growth within 10% + 10 MiB). Throughput and p50/p99 latency over both gateways go to
 * docs/load-test.md with the command. Every process is stopped, also on failure or Ctrl-C.
 *
 * Knobs: BENCH_PERSONS=5000 BENCH_SECONDS=60 BENCH_WARMUP_SECONDS=90 BENCH_CONNECTIONS=16 BENCH_NO_DOC=1
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { PROJECT_ROOT } from '../subgraphs/kit/config';
import { startProcessPlatform, type ProcessPlatform } from '../test/support/processes';
import { intFromEnv } from './support';

const PERSONS = intFromEnv('BENCH_PERSONS', 5000, 100);
const SECONDS = intFromEnv('BENCH_SECONDS', 60, 20);
// 90 s: the processes' heaps and JIT settle (with 30 s, one-minute RSS means still moved by tens of MiB with GC timing).
const WARMUP = intFromEnv('BENCH_WARMUP_SECONDS', 90, 0);
const CONNECTIONS = intFromEnv('BENCH_CONNECTIONS', 16, 2);
/**
 * Distinct officers sending the mix in turn: the gateways' per-caller rate limits (shared through Redis) stay in
 * force, as in production, and a province's worth of officers each stays within their own bucket.
 */
const CALLERS = intFromEnv('BENCH_CALLERS', 32, 1);
const WINDOW = 10;
const FLAT_FACTOR = 1.1;
const FLAT_SLACK_MB = 10;
const DOC_FILE = path.join(PROJECT_ROOT, 'docs', 'load-test.md');
const log = (line: string) => process.stderr.write(`[bench:load] ${line}\n`);

/**
 * The mix: cross-domain person pages and lookups as a police officer, and open reference data read under the same
 * token (as departmental apps do; callers without a token share one per-address bucket, and here they would all
 * come from one loopback address).
 */
function mix(personIds: readonly string[], officer: string) {
  const asOfficer = { 'content-type': 'application/json', authorization: officer };
  const open = asOfficer;
  let n = 0;
  const nextId = () => personIds[n++ % personIds.length]!;
  const body = (query: string, variables?: Record<string, unknown>) => JSON.stringify({ query, variables });
  return [
    {
      name: 'persons page (population, geospatial)',
      headers: asOfficer,
      body: () => body('query LoadPersons { persons(first: 20, filter: { regionCode: "460100" }) { edges { node { id name idNumber birthDate hukouRegion { code name } residence { region { name } } } } pageInfo { hasNextPage endCursor } } }'),
    },
    {
      name: 'person with household, residence and credit rating (population, geospatial, credit)',
      headers: asOfficer,
      body: () => body('query LoadPerson($id: ID!) { person(id: $id) { id name gender hukouRegion { name } household { members { relationship person { id name } } } residence { region { code } } credit { rating score } } }', { id: nextId() }),
    },
    { name: 'region tree (geospatial, open)', headers: open, body: () => body('query LoadRegions { region(code: "460000") { code name children { code name level } } }') },
    {
      name: 'enterprises with their region (enterprise, geospatial)',
      headers: asOfficer,
      body: () => body('query LoadEnterprises { enterprises(first: 10, filter: { regionCode: "460100" }) { edges { node { uscc name status region { code name } } } } }'),
    },
    { name: 'schools and facilities (education, health, open)', headers: open, body: () => body('query LoadServices { schools(first: 10, filter: { regionCode: "460100" }) { edges { node { code name level } } } healthFacilities(first: 10, filter: { regionCode: "460100" }) { edges { node { code name } } } }') },
    { name: 'dishonest list (credit, open)', headers: open, body: () => body('query LoadDishonest { dishonestList(first: 10) { edges { node { id } } } }') },
  ];
}

type Mix = ReturnType<typeof mix>;

/** Sends each query of the mix once and fails naming the first that does not answer cleanly. */
async function checkMix(url: string, queries: Mix): Promise<void> {
  for (const q of queries) {
    const res = await fetch(url, { method: 'POST', headers: q.headers, body: q.body() });
    const text = await res.text();
    if (res.status !== 200 || text.includes('"errors"')) throw new Error(`The query "${q.name}" does not answer cleanly (HTTP ${res.status}): ${text.slice(0, 500)}`);
  }
}

/** The V8 heap in use, from the service's own /metrics (to tell heap growth from the allocator's). */
async function heapMb(port: number): Promise<number> {
  const text = await (await fetch(`http://127.0.0.1:${port}/metrics`, { signal: AbortSignal.timeout(2000) })).text();
  return Number(/^nodejs_heap_size_used_bytes (\S+)$/m.exec(text)?.[1] ?? Number.NaN) / 2 ** 20;
}

function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
}

interface Run {
  latencies: number[];
  non200: number;
  graphqlErrors: number;
  transportErrors: number;
  timeouts: number;
  firstError?: string;
}

/** One autocannon per gateway, at the same time, for `seconds`; every response's latency and body checked. */
async function drive(urls: readonly string[], queries: Mix, seconds: number, record: boolean): Promise<Run> {
  const run: Run = { latencies: [], non200: 0, graphqlErrors: 0, transportErrors: 0, timeouts: 0 };
  const instances = urls.map((url) => {
    let settle: (error: Error | null, result: autocannon.Result) => void = () => undefined;
    const done = new Promise<autocannon.Result>((resolve, reject) => (settle = (error, result) => (error ? reject(error) : resolve(result))));
    const instance = autocannon({
      url,
      method: 'POST',
      connections: Math.max(1, Math.floor(CONNECTIONS / urls.length)),
      duration: seconds,
      timeout: 30,
      requests: queries.map((q) => ({
        method: 'POST' as const,
        headers: q.headers,
        setupRequest: (request: autocannon.Request) => ({ ...request, body: q.body() }),
        onResponse: (status: number, body: string) => {
          if (status === 200 && body.includes('"errors"')) {
            run.graphqlErrors += 1;
            run.firstError ??= `${q.name}: ${body.slice(0, 300)}`;
          }
        },
      })),
    }, (error, result) => settle(error, result));
    instance.on('response', (_client: unknown, status: number, _bytes: number, responseTime: number) => {
      if (record) run.latencies.push(responseTime);
      if (status !== 200) run.non200 += 1;
    });
    return done;
  });
  for (const result of await Promise.all(instances)) {
    run.transportErrors += result.errors;
    run.timeouts += result.timeouts;
  }
  return run;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length))) - 1] ?? Number.NaN;
}

const mean = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);

async function main(): Promise<void> {
  if (!process.env.DATABASE_URL) throw new Error('Set DATABASE_URL to a PostgreSQL database: the load test runs the platform on PostgreSQL.');
  let platform: ProcessPlatform | undefined;
  const stop = () => void platform?.stop().finally(() => process.exit(130));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  try {
    const started = performance.now();
    log(`starting 8 subgraphs and 2 gateways as processes on PostgreSQL (seeding ${PERSONS} persons)`);
    platform = await startProcessPlatform({ label: 'bench_load', persons: PERSONS, seed: 2026, gateways: 2, env: { REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', SUBGRAPH_TIMEOUT_MS: '10000' } });
    const startSeconds = (performance.now() - started) / 1000;
    log(`platform ready in ${startSeconds.toFixed(1)} s`);
    const officers = await Promise.all(Array.from({ length: CALLERS }, async (_, i) => `Bearer ${await platform!.token({ sub: `load-officer-${i + 1}`, dept: 'public-security', roles: ['officer'], region: '460000' })}`));
    const page = await fetch(platform.gatewayUrls[0]!, { method: 'POST', headers: { 'content-type': 'application/json', authorization: officers[0]! }, body: JSON.stringify({ query: '{ persons(first: 200, filter: { status: LIVING }) { edges { node { id } } } }' }) });
    const ids = ((await page.json()) as { data: { persons: { edges: { node: { id: string } }[] } } }).data.persons.edges.map((e) => e.node.id);
    const queries = officers.flatMap((officer) => mix(ids, officer));
    for (const url of platform.gatewayUrls) await checkMix(url, mix(ids, officers[0]!));

    if (WARMUP > 0) {
      log(`warm-up ${WARMUP} s (not measured)`);
      await drive(platform.gatewayUrls, queries, WARMUP, false);
    }
    const samples = new Map<string, number[]>([...platform.services.keys()].map((name) => [name, []]));
    const heaps = new Map<string, number[]>([...platform.services.keys()].map((name) => [name, []]));
    const sampler = setInterval(() => {
      for (const [name, service] of platform!.services) {
        samples.get(name)!.push(rssMb(service.child.pid!));
        void heapMb(service.port).then((mb) => heaps.get(name)!.push(mb), () => undefined);
      }
    }, 1000);
    log(`measuring ${SECONDS} s with ${CONNECTIONS} connections over ${platform.gatewayUrls.length} gateways`);
    const measuredFrom = performance.now();
    const run = await drive(platform.gatewayUrls, queries, SECONDS, true);
    const elapsed = (performance.now() - measuredFrom) / 1000;
    clearInterval(sampler);

    const sorted = [...run.latencies].sort((a, b) => a - b);
    const errors = run.non200 + run.graphqlErrors + run.transportErrors + run.timeouts;
    const memory = [...samples].map(([name, mb]) => {
      const first = mean(mb.slice(0, WINDOW));
      const last = mean(mb.slice(-WINDOW));
      const heap = heaps.get(name)!;
      return { name, first, last, flat: last <= first * FLAT_FACTOR + FLAT_SLACK_MB, heapFirst: mean(heap.slice(0, WINDOW)), heapLast: mean(heap.slice(-WINDOW)) };
    });
    const ok = errors === 0 && memory.every((m) => m.flat);
    const command = 'DATABASE_URL=postgresql://postgres@127.0.0.1:5432/test REDIS_URL=redis://127.0.0.1:6379 npm run bench:load';
    const doc = [
      '# Load test: every service its own process, two gateways, PostgreSQL',
      '',
      `Command: \`${command}\` (bench/load.ts; knobs in its header). Machine: ${os.cpus().length} cores (${os.cpus()[0]?.model.trim()}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}; ` +
        'the load generator (autocannon), 8 subgraph processes, 2 gateway processes and PostgreSQL share these cores.',
      '',
      `Setup: ${PERSONS} persons seeded (seed 2026) into fresh PostgreSQL schemas; platform start ${startSeconds.toFixed(1)} s. ` +
        `${CONNECTIONS} connections (half on each gateway), ${WARMUP} s warm-up not measured, then ${SECONDS} s measured. Query mix, in turn on every connection:`,
      '',
      ...queries.slice(0, queries.length / CALLERS).map((q) => `- ${q.name}`),
      '',
      `sent in turn as ${CALLERS} different officers (public-security, province-wide), each within the per-caller rate limit that stays on (shared by both gateways through Redis).`,
      '',
      '## Result',
      '',
      '| measure | value |',
      '| --- | ---: |',
      `| requests | ${run.latencies.length} |`,
      `| throughput | ${(run.latencies.length / elapsed).toFixed(1)} requests/s |`,
      `| latency p50 | ${percentile(sorted, 50).toFixed(1)} ms |`,
      `| latency p99 | ${percentile(sorted, 99).toFixed(1)} ms |`,
      `| latency max | ${(sorted[sorted.length - 1] ?? Number.NaN).toFixed(1)} ms |`,
      `| non-200 responses | ${run.non200} |`,
      `| responses with GraphQL errors | ${run.graphqlErrors} |`,
      `| connection errors / timeouts | ${run.transportErrors} / ${run.timeouts} |`,
      '',
      `Resident memory per process (MiB), mean of the first ${WINDOW} s against the last ${WINDOW} s of the measured run; flat means within ${Math.round((FLAT_FACTOR - 1) * 100)}% + ${FLAT_SLACK_MB} MiB:`,
      '',
      '| process | RSS first 10 s | RSS last 10 s | change | flat | V8 heap used, first / last 10 s |',
      '| --- | ---: | ---: | ---: | --- | ---: |',
      ...memory.map((m) => `| ${m.name} | ${m.first.toFixed(1)} | ${m.last.toFixed(1)} | ${(m.last - m.first >= 0 ? '+' : '') + (m.last - m.first).toFixed(1)} | ${m.flat ? 'yes' : '**no**'} | ${m.heapFirst.toFixed(1)} / ${m.heapLast.toFixed(1)} |`),
      '',
      `Verdict: **${ok ? 'passed' : 'FAILED'}** (zero errors required, every process flat).${run.firstError ? ` First error: \`${run.firstError.replace(/`/g, "'")}\`` : ''}`,
      '',
    ].join('\n');
    process.stdout.write(`${doc}\n`);
    if (!process.env.BENCH_NO_DOC) {
      fs.writeFileSync(DOC_FILE, doc);
      log(`wrote ${path.relative(PROJECT_ROOT, DOC_FILE)}`);
    }
    if (!ok) process.exitCode = 1;
  } finally {
    await platform?.stop();
    log('every service stopped');
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
