/**
 * The JetStream relay on its own (`npm run bench:relay`; DATABASE_URL for PostgreSQL): a backlog of 5,000 outbox
 * events published to a nats-server of its own (Debian's, on a spare port), then 200 single-event commits timed from
 * commit to published-and-marked, then the whole stream read back through the feed's source, and one filtered page.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../subgraphs/kit/orm';
import { domainEntities } from '../subgraphs/kit/server';
import { SUBGRAPHS } from '../subgraphs/registry';
import { ensureOutbox, recordEvents, outboxCommitted, OutboxEvent } from '../subgraphs/kit/outbox';
import { connectNats, startRelay, jetStreamSource } from '../subgraphs/kit/jetstream';
import { testNats } from '../test/support/nats';

async function main() {
  const nats = await testNats();
  await nats.start();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'relaybench-'));
  const pg = process.env.DATABASE_URL;
  const schema = `relaybench_${process.pid}`;
  const db = await openDatabase(pg ? { driver: 'postgresql', url: pg, schema } : { driver: 'sqlite', file: path.join(dir, 'p.sqlite') }, domainEntities(SUBGRAPHS.population as never));
  const em = () => db.orm.em.fork();
  await ensureOutbox(em(), 'population');
  const N = 5000;
  for (let b = 0; b < N / 100; b++) {
    await em().transactional(async (t) => {
      await recordEvents(t, 'population', { sub: 'bench', dept: 'public-security' }, Array.from({ length: 100 }, (_, i) => ({ type: 'PersonMoved', entityType: 'Person', recordId: `P${b}_${i}`, version: 2, fields: { household: 'H1', addressRegionCode: '460106' } })));
    });
  }
  const link = connectNats({ servers: [nats.url], streamPrefix: 'BENCH', replicas: 1, maxAgeDays: 1 }, { name: 'bench' });
  await link.connected();
  const t0 = performance.now();
  const relay = startRelay({ db, domain: 'population', link });
  while ((await em().count(OutboxEvent, { publishedAt: null })) > 0) await new Promise((r) => setTimeout(r, 20));
  const drain = performance.now() - t0;
  console.log(`backlog: ${N} events published in ${drain.toFixed(0)} ms = ${(N / drain * 1000).toFixed(0)} events/s`);
  // commit -> published latency, one event per transaction
  const lat: number[] = [];
  for (let i = 0; i < 200; i++) {
    const [row] = await em().transactional((t) => recordEvents(t, 'population', { sub: 'bench', dept: null }, [{ type: 'PersonDied', entityType: 'Person', recordId: `L${i}`, version: 3, fields: { status: 'DECEASED' } }]));
    outboxCommitted(db.orm.em);
    const c = performance.now();
    for (;;) {
      const r = await em().findOne(OutboxEvent, { seq: row!.seq }, { disableIdentityMap: true });
      if (r?.publishedAt) break;
      await new Promise((res) => setImmediate(res));
    }
    lat.push(performance.now() - c);
  }
  lat.sort((a, b) => a - b);
  console.log(`commit -> published (acked and marked): p50 ${lat[100]!.toFixed(2)} ms, p99 ${lat[198]!.toFixed(2)} ms`);
  const src = jetStreamSource(link, 'population');
  const r0 = performance.now();
  let after = 0; let n = 0;
  for (;;) { const rows = await src.read(after, 500, []); if (!rows.length) break; n += rows.length; after = rows[rows.length - 1]!.seq; }
  console.log(`feed read from the stream: ${n} events in pages of 500 in ${(performance.now() - r0).toFixed(0)} ms`);
  const r1 = performance.now();
  const one = await src.read(0, 50, ['PersonDied']);
  console.log(`one filtered page (50 PersonDied from ${n}): ${(performance.now() - r1).toFixed(1)} ms, got ${one.length}`);
  console.log('stats', relay.stats);
  await relay.stop(); await link.close();
  if (pg) await db.orm.em.getConnection().execute(`drop schema "${schema}" cascade`);
  await db.close(); await nats.cleanup();
  fs.rmSync(dir, { recursive: true, force: true });
}
main().catch((e) => { console.error(e); process.exit(1); });
