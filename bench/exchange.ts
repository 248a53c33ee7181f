/**
 * Write-to-subscriber latency of the change feed (issue 17: p99 ≤ 500 ms on NATS):
 *   npm run bench:exchange                                   # embedded default: each domain's outbox serves the feed
 *   NATS_URL=nats://127.0.0.1:4222 npm run bench:exchange    # the outbox relayed to NATS JetStream, the feed read from it
 *   DATABASE_URL=postgresql://... npm run bench:exchange     # either, on PostgreSQL
 *
 * The platform runs as production runs it (every subgraph and the gateway its own process, tests' process harness).
 * Public security registers BENCH_WRITES births through the gateway at BENCH_RATE per second; health, as a
 * subscriber, pulls `changes(types: ["PersonBorn"])` from its last cursor every BENCH_PULL_MS (the pull delivery);
 * where the platform has webhook subscriptions, a subscription of health's delivers to a local receiver too (the
 * push delivery). Latency of each birth: from the write's answer at the bench to the change arriving at the
 * subscriber (also from the write being sent). p50/p99/max per delivery.
 *
 * Knobs: BENCH_WRITES=300 BENCH_RATE=20 BENCH_PULL_MS=20 BENCH_PERSONS=300 BENCH_NO_DOC=1 (print only).
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../subgraphs/kit/config';
import { postGraphQL, type GraphQLResponse } from '../test/support/platform';
import { startProcessPlatform } from '../test/support/processes';
import { intFromEnv } from './support';

const WRITES = intFromEnv('BENCH_WRITES', 300, 1);
const RATE = intFromEnv('BENCH_RATE', 20, 1);
const PULL_MS = intFromEnv('BENCH_PULL_MS', 20, 0);
const PERSONS = intFromEnv('BENCH_PERSONS', 300, 10);
const DOC_FILE = path.join(PROJECT_ROOT, 'docs', 'benchmarks-exchange.md');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

function summary(values: readonly number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return '| – | – | – | 0 |';
  return `| ${percentile(sorted, 50).toFixed(0)} | ${percentile(sorted, 99).toFixed(0)} | ${sorted[sorted.length - 1]!.toFixed(0)} | ${sorted.length} |`;
}

async function main(): Promise<void> {
  const engine = process.env.NATS_URL ? 'NATS JetStream' : 'embedded outbox';
  const driver = process.env.DATABASE_URL ? 'PostgreSQL' : 'SQLite';
  const label = `${engine}, ${driver}`;
  process.stderr.write(`bench:exchange (${label}): starting the platform\n`);
  const platform = await startProcessPlatform({ label: 'bench-exchange', persons: PERSONS, env: { LOG_LEVEL: 'warn', RATE_LIMITS: 'off' } });
  const receiver = http.createServer();
  try {
    const gateway = platform.gatewayUrls[0]!;
    const police = { authorization: `Bearer ${await platform.token({ sub: 'police-bench', dept: 'public-security', roles: ['officer'], region: '460000' })}` };
    const health = { authorization: `Bearer ${await platform.token({ sub: 'health-bench', dept: 'health', roles: ['officer'], region: '460000' })}`, 'x-purpose': 'bench' };
    const living = await postGraphQL(gateway, `{ persons(first: 1, filter: { status: LIVING }) { edges { node { household { id } } } } }`, undefined, police);
    const household = living.data.persons.edges[0].node.household.id as string;

    const sent = new Map<string, number>();
    const answered = new Map<string, number>();
    const pulled = new Map<string, number>();
    const pushed = new Map<string, number>();

    // Push: a webhook subscription where the platform offers one (issue 17 item 3).
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    receiver.on('request', (req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        const at = performance.now();
        try {
          const { change } = JSON.parse(body) as { change?: { recordKey?: string } };
          if (change?.recordKey && !pushed.has(change.recordKey)) pushed.set(change.recordKey, at);
        } catch {
          // not ours
        }
        res.writeHead(204).end();
      });
    });
    const webhookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
    const subscribed = await postGraphQL(
      gateway,
      `mutation($input: SubscribeInput!) { subscribe(input: $input) { subscription { id } } }`,
      { input: { types: ['PersonBorn'], purpose: 'bench', webhookUrl, withoutConditionalFields: true } },
      health,
    );
    const push = !subscribed.errors;
    if (!push) process.stderr.write(`bench:exchange: no webhook subscription (${subscribed.errors?.[0]?.message}); measuring pull only\n`);

    // Pull: from the end of the feed as it is now.
    let after: string | null = null;
    for (;;) {
      const page: GraphQLResponse = await postGraphQL(gateway, `query($after: String) { changes(types: ["PersonBorn"], first: 200, after: $after) { edges { cursor } pageInfo { endCursor } } }`, { after }, health);
      after = page.data.changes.pageInfo.endCursor;
      if (page.data.changes.edges.length === 0) break;
    }
    let writing = true;
    let pullErrors = 0;
    let lastAnswer = performance.now();
    const puller = (async () => {
      while (writing || pulled.size < answered.size) {
        const page: GraphQLResponse = await postGraphQL(gateway, `query($after: String) { changes(types: ["PersonBorn"], first: 200, after: $after) { edges { node { recordKey } } pageInfo { endCursor } } }`, { after }, health);
        const at = performance.now();
        if (page.errors) {
          // A page refused while the machine is saturated is asked again from the same cursor: counted, not fatal.
          pullErrors += 1;
          await sleep(50);
          continue;
        }
        for (const edge of page.data.changes.edges as { node: { recordKey: string } }[]) if (!pulled.has(edge.node.recordKey)) pulled.set(edge.node.recordKey, at);
        after = page.data.changes.pageInfo.endCursor;
        if (page.data.changes.edges.length === 0 && PULL_MS > 0) await sleep(PULL_MS);
        if (!writing && performance.now() - lastAnswer > 10_000) break;
      }
    })();
    const today = new Date(Date.now() + 8 * 3600_000);
    const started = performance.now();
    const writes: Promise<void>[] = [];
    for (let i = 0; i < WRITES; i += 1) {
      const due = started + (i * 1000) / RATE;
      const wait = due - performance.now();
      if (wait > 0) await sleep(wait);
      writes.push(
        (async () => {
          const birthDate = new Date(today.getTime() - (1 + (i % 330)) * 86_400_000).toISOString().slice(0, 10);
          const t0 = performance.now();
          const res = await postGraphQL(
            gateway,
            `mutation($input: RegisterBirthInput!) { registerBirth(input: $input) { id } }`,
            { input: { name: `林${'海南琼州文昌万宁'[i % 8]}${'椰岛三亚儋州五指'[(i * 3) % 8]}`, gender: i % 2 ? 'MALE' : 'FEMALE', birthDate, ethnicityCode: '01', householdId: household } },
            police,
          );
          if (res.errors) throw new Error(`registerBirth failed: ${JSON.stringify(res.errors)}`);
          const key = `Person:${res.data.registerBirth.id as string}`;
          sent.set(key, t0);
          answered.set(key, (lastAnswer = performance.now()));
        })(),
      );
    }
    await Promise.all(writes);
    const deadline = performance.now() + 15_000;
    while ((pulled.size < answered.size || (push && pushed.size < answered.size)) && performance.now() < deadline) await sleep(50);
    writing = false;
    await puller;

    const since = (arrivals: Map<string, number>, from: Map<string, number>) => [...from.keys()].filter((k) => arrivals.has(k)).map((k) => arrivals.get(k)! - from.get(k)!);
    const rows = [
      `| pull, after the write's answer | ${summary(since(pulled, answered)).slice(2)}`,
      `| pull, after the write was sent | ${summary(since(pulled, sent)).slice(2)}`,
      ...(push ? [`| webhook, after the write's answer | ${summary(since(pushed, answered)).slice(2)}`, `| webhook, after the write was sent | ${summary(since(pushed, sent)).slice(2)}`] : []),
    ];
    const lost = { pull: answered.size - pulled.size, push: push ? answered.size - pushed.size : null };
    const section = [
      `### ${label}`,
      '',
      `${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} cores, ${WRITES} births at ${RATE}/s through the gateway, pull every ${PULL_MS} ms when idle (\`${process.env.NATS_URL ? 'NATS_URL=… ' : ''}${process.env.DATABASE_URL ? 'DATABASE_URL=… ' : ''}npm run bench:exchange\`). Milliseconds.`,
      '',
      '| delivery | p50 | p99 | max | changes |',
      '| --- | --- | --- | --- | --- |',
      ...rows,
      '',
      `Not delivered within 15 s of the last write: pull ${lost.pull}${lost.push === null ? '' : `, webhook ${lost.push}`}. Pulls refused and asked again: ${pullErrors}.`,
      '',
    ].join('\n');
    process.stdout.write(`${section}\n`);
    if (!process.env.BENCH_NO_DOC) writeDoc(label, section);
  } finally {
    receiver.close();
    await platform.stop();
  }
}

/** Replaces this configuration's section of docs/benchmarks-exchange.md (the others stay). */
function writeDoc(label: string, section: string): void {
  const head = '# Change feed: write-to-subscriber latency\n\nWritten by `npm run bench:exchange` (bench/exchange.ts); one section per engine and database.\n\n';
  const old = fs.existsSync(DOC_FILE) ? fs.readFileSync(DOC_FILE, 'utf8') : head;
  const sections = old.slice(old.indexOf('### ') === -1 ? old.length : old.indexOf('### ')).split(/(?=^### )/m).filter((s) => s.trim() && !s.startsWith(`### ${label}\n`));
  fs.writeFileSync(DOC_FILE, head + [...sections.map((s) => s.trimEnd() + '\n\n'), section].join(''));
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:exchange failed: ${String((error as Error)?.stack ?? error)}\n`);
  process.exitCode = 1;
});
