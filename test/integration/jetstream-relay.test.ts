/**
 * The outbox relayed to NATS JetStream (subgraphs/kit/jetstream.ts): population with NATS_URL pointing at a
 * nats-server of this test's own (never the machine's shared one). Every outbox event is in the stream once, in
 * `seq` order, with the event's id as message ID (a second publish of a row is dropped); `/changes` read from the
 * stream answers what the outbox answers; a durable consumer delivers one type and keeps its position; a NATS
 * crash during writes fails no write, and after NATS is back every event is in the stream exactly once and in
 * order. SQLite, or PostgreSQL with DATABASE_URL.
 */
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import pino from 'pino';
import { jetstream } from '@nats-io/jetstream';
import { signToken } from '../../auth';
import { auditConfig, DEFAULT_AUDIENCE, DEV_ISSUER, type AuthConfig, type NatsConfig } from '../../subgraphs/kit/config';
import { durableConsumer, jetStreamSource, publishEvent, SEQ_HEADER, streamName } from '../../subgraphs/kit/jetstream';
import { OutboxEvent, type OutboxRow } from '../../subgraphs/kit/outbox';
import { startSubgraph, type RunningSubgraph } from '../../subgraphs/kit/server';
import { SUBGRAPHS } from '../../subgraphs/registry';
import { testDatabases, type TestDatabases } from '../support/database';
import { natsServerAvailable, testNats, type TestNats } from '../support/nats';
import { postGraphQL } from '../support/platform';

const BIRTH = `mutation($input: RegisterBirthInput!) { registerBirth(input: $input) { id version } }`;
const DEATH = `mutation($id: ID!, $v: Int!, $d: Date!) { registerDeath(personId: $id, expectedVersion: $v, date: $d) { id version } }`;
const today = () => new Date().toISOString().slice(0, 10);

async function until<T>(what: string, fn: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what}: still ${JSON.stringify(value)} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

(natsServerAvailable() ? describe : describe.skip)('the outbox relayed to NATS JetStream', () => {
  let nats: TestNats;
  let databases: TestDatabases;
  let keysDir: string;
  /** Population with NATS_URL, and a second instance on the same database without it (the outbox serves its feed). */
  let relayed: RunningSubgraph;
  let plain: RunningSubgraph;
  let natsConfig: NatsConfig;
  let police: Record<string, string>;
  let household: string;
  const living: { id: string; version: number }[] = [];

  async function start(nats?: NatsConfig): Promise<RunningSubgraph> {
    const auth: AuthConfig = { jwks: { devKeysDir: keysDir }, issuer: DEV_ISSUER, audience: DEFAULT_AUDIENCE, clockToleranceSeconds: 30 };
    return startSubgraph(
      SUBGRAPHS.population,
      {
        domain: 'population',
        port: 0,
        host: '127.0.0.1',
        database: databases.configFor('population'),
        governanceDatabase: databases.configFor('governance'),
        peers: {},
        auth,
        seed: { persons: 80, seed: 11 },
        production: false,
        audit: auditConfig({}),
        ...(nats ? { nats } : {}),
      },
      { logger: pino({ level: 'silent' }) },
    );
  }

  const gql = (query: string, variables: Record<string, unknown>) => postGraphQL(relayed.url, query, variables, police);
  async function birth(i: number) {
    const res = await gql(BIRTH, { input: { name: `椰林${'一二三四五六七八九十'[i % 10]}`, gender: i % 2 ? 'MALE' : 'FEMALE', birthDate: today(), ethnicityCode: '01', householdId: household } });
    expect(res.errors).toBeUndefined();
    return res.data.registerBirth as { id: string; version: number };
  }
  async function death() {
    const person = living.shift()!;
    const res = await gql(DEATH, { id: person.id, v: person.version, d: today() });
    expect(res.errors).toBeUndefined();
  }
  const outbox = async () => (await relayed.db.orm.em.fork().find(OutboxEvent, {}, { orderBy: { seq: 'asc' }, disableIdentityMap: true })) as OutboxRow[];
  const allPublished = () => until('unpublished events', async () => (await outbox()).filter((e) => !e.publishedAt).length, (n) => n === 0);

  /** Every message of the stream, in stream order. */
  async function streamMessages() {
    const nc = await relayed.nats!.link.connected();
    const consumer = await jetstream(nc).consumers.get(streamName(natsConfig, 'population'));
    const info = await consumer.info();
    const out: { seq: number; id: string | undefined; outboxSeq: number; type: string }[] = [];
    if (info.num_pending === 0) return out;
    for await (const m of await consumer.fetch({ max_messages: info.num_pending, expires: 5000 })) {
      out.push({ seq: m.seq, id: m.headers?.get('Nats-Msg-Id'), outboxSeq: Number(m.headers?.get(SEQ_HEADER)), type: m.subject.split('.').pop()! });
      if (out.length === info.num_pending) break;
    }
    return out;
  }

  /** The stream holds the outbox exactly: each event once, in seq order, under its own id. */
  async function expectStreamIsOutbox() {
    await allPublished();
    const events = await outbox();
    const messages = await streamMessages();
    expect(messages.map((m) => m.id)).toEqual(events.map((e) => e.id));
    expect(messages.map((m) => m.outboxSeq)).toEqual(events.map((e) => e.seq));
    expect(messages.map((m) => m.seq)).toEqual(events.map((e) => e.seq));
    expect(messages.map((m) => m.type)).toEqual(events.map((e) => e.type));
    return events;
  }

  const changes = async (service: RunningSubgraph, body: Record<string, unknown>) => {
    const res = await fetch(service.url.replace('/graphql', '/changes'), { method: 'POST', headers: { ...police, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return { status: res.status, body: (await res.json()) as { changes: { position: number; id: string; type: string }[]; scannedTo: number; more: boolean } };
  };

  beforeAll(async () => {
    nats = await testNats();
    await nats.start();
    databases = testDatabases('jetstream');
    keysDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hdg-keys-jetstream-'));
    natsConfig = { servers: [nats.url], streamPrefix: 'HAINAN', replicas: 1, maxAgeDays: 90 };
    relayed = await start(natsConfig);
    plain = await start();
    const token = await signToken(path.join(keysDir, 'dev-signing-key.private.jwk.json'), { sub: 'clerk-js', dept: 'public-security', roles: ['officer'], region: '460000' }, { issuer: DEV_ISSUER, audience: DEFAULT_AUDIENCE, expiresIn: '10m' });
    police = { authorization: `Bearer ${token}` };
    const page = await gql(`{ persons(first: 20, filter: { status: LIVING }) { edges { node { id version household { id } } } } }`, {});
    const nodes = page.data.persons.edges.map((e: any) => e.node);
    household = nodes[0].household.id;
    living.push(...nodes.map((n: any) => ({ id: n.id, version: n.version })));
  }, 60_000);

  afterAll(async () => {
    await relayed?.stop();
    await plain?.stop();
    await nats?.cleanup();
    await databases?.cleanup();
    if (keysDir) fs.rmSync(keysDir, { recursive: true, force: true });
  });

  it('publishes every outbox event once, in seq order, under its id; a second publish of a row is dropped', async () => {
    for (let i = 0; i < 4; i += 1) await birth(i);
    for (let i = 0; i < 3; i += 1) await death();
    const events = await expectStreamIsOutbox();
    expect(events.map((e) => e.type)).toEqual(['PersonBorn', 'PersonBorn', 'PersonBorn', 'PersonBorn', 'PersonDied', 'PersonDied', 'PersonDied']);
    const nc = await relayed.nats!.link.connected();
    const js = jetstream(nc);
    const again = await publishEvent(js, natsConfig, 'population', events[2]!);
    expect(again).toMatchObject({ duplicate: true, seq: 3 });
    const jsm = await js.jetstreamManager();
    expect((await jsm.streams.info(streamName(natsConfig, 'population'))).state.messages).toBe(events.length);
  });

  it('serves /changes from the stream exactly as the outbox serves it', async () => {
    for (const body of [{ after: 0, first: 100 }, { after: 0, first: 2 }, { after: 3, first: 3 }, { after: 0, first: 10, types: ['PersonDied'] }, { after: 0, first: 10, types: ['PersonDied', 'PersonBorn'] }, { after: 7, first: 10 }]) {
      const fromStream = await changes(relayed, body);
      const fromOutbox = await changes(plain, body);
      expect(fromStream.status).toBe(200);
      expect(fromStream.body).toEqual(fromOutbox.body);
    }
    const all = await changes(relayed, { after: 0, first: 100 });
    expect(all.body.changes.map((c) => c.position)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    const source = jetStreamSource(relayed.nats!.link, 'population');
    expect((await source.read(4, 10, ['PersonBorn'])).map((r) => r.seq)).toEqual([]);
    expect((await source.read(0, 2, ['PersonDied'])).map((r) => r.seq)).toEqual([5, 6]);
  });

  it('delivers one type through a durable consumer that keeps its position', async () => {
    const consumer = await durableConsumer(relayed.nats!.link, 'population', 'test-deaths', ['PersonDied']);
    const seen: string[] = [];
    for await (const m of await consumer.fetch({ max_messages: 3, expires: 5000 })) {
      seen.push(m.subject);
      m.ack();
      if (seen.length === 3) break;
    }
    expect(seen).toEqual(Array(3).fill('hainan.population.PersonDied'));
    await until('acks', async () => (await consumer.info()).num_ack_pending, (n) => n === 0, 5000);
    // The same name again: the server's position, nothing redelivered.
    const again = await durableConsumer(relayed.nats!.link, 'population', 'test-deaths', ['PersonDied']);
    expect((await again.info()).num_pending).toBe(0);
    await death();
    await until('a new death pending', async () => (await again.info()).num_pending, (n) => n === 1, 10_000);
  });

  it('keeps writing while NATS is down, and publishes every held event exactly once and in order when it is back', async () => {
    const before = (await outbox()).length;
    const outages = relayed.nats!.relay.stats.outages;
    const written = async () => (await outbox()).length - before;
    // A run of writes, NATS killed in its middle and started again (same port, same store) while it goes on.
    let failed = 0;
    const run = (async () => {
      for (let i = 0; i < 14; i += 1) {
        if (i === 7) await death();
        else await birth(20 + i).catch(() => (failed += 1));
        await new Promise((r) => setTimeout(r, 60)); // spread over the outage
      }
    })();
    await until('first writes', written, (n) => n >= 3);
    await nats.kill();
    const killedAt = await written();
    await until('writes while NATS is down', written, (n) => n >= killedAt + 4);
    const down = await changes(relayed, { after: 0, first: 10 });
    expect(down.status).toBe(503);
    expect((await outbox()).filter((e) => !e.publishedAt).length).toBeGreaterThanOrEqual(4); // the outbox holds them
    await nats.start();
    await run;
    expect(failed).toBe(0);
    const events = await expectStreamIsOutbox();
    expect(events).toHaveLength(before + 14);
    expect(relayed.nats!.relay.stats.outages).toBeGreaterThan(outages);
    // Per record, in order: each newborn's one event, each death after the record's birth or earlier write.
    const seqs = new Map<string, number[]>();
    for (const e of events) seqs.set(e.recordId, [...(seqs.get(e.recordId) ?? []), e.seq]);
    for (const list of seqs.values()) expect(list).toEqual([...list].sort((a, b) => a - b));
    const fromStream = await changes(relayed, { after: 0, first: 100 });
    expect(fromStream.body).toEqual((await changes(plain, { after: 0, first: 100 })).body);
  });
});
