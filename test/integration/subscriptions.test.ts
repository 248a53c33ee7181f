/**
 * Change subscriptions as governed objects, and their webhook push: a department subscribes (validated, judged
 * like a query of what the events carry, audited, recorded as an event); the worker in governance pushes each
 * change, signed, with only what the subscriber may read (compared with the subscriber's own query); a receiver
 * that fails gets retries, then a dead letter, which redeliver sends again; no change reaches one position twice
 * across a governance restart.
 */
import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { AuditRecord } from '../../subgraphs/kit/audit/records';
import { OutboxEvent } from '../../subgraphs/kit/outbox';
import { ChangeSubscriptionRecord } from '../../subgraphs/governance/subscription-store';
import { startPlatform, type Platform } from '../support/platform';

interface Received {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

let platform: Platform;
let receiver: http.Server;
let base = '';
const received: Received[] = [];
/** Per path, the status the receiver answers with (200 when unset). */
const answers = new Map<string, number>();
const callers: Record<string, Record<string, string>> = {};
const CLAIMS = {
  police: { sub: 'police-1', dept: 'public-security', roles: ['officer'], region: '460000' },
  health: { sub: 'health-1', dept: 'health', roles: ['officer'], region: '460000' },
  housing: { sub: 'housing-1', dept: 'housing', roles: ['officer'], region: '460000' },
  securityOfficer: { sub: 'sec-1', dept: 'data-bureau', roles: ['security-officer'] },
};
const MAX_ATTEMPTS = 3;
const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

const SUBSCRIBE = `mutation($input: SubscribeInput!, $key: String) { subscribe(input: $input, idempotencyKey: $key) {
  secret subscription { id dept owner subscriberRoles subscriberRegion region purpose types webhookUrl state position failures version } } }`;
const FIELDS = 'id dept state types webhookUrl position failures lastError caughtUp deadLetterCount';

async function subscribe(who: keyof typeof CLAIMS, input: Record<string, unknown>, key?: string) {
  return platform.query(SUBSCRIBE, { input: { purpose: 'death-followup', ...input }, key }, callers[who]);
}

async function until<T>(what: string, fn: () => Promise<T | null | undefined | false>, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await fn();
    if (value) return value;
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}.`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function verify(secret: string, headers: http.IncomingHttpHeaders, body: string): boolean {
  const [t, v1] = String(headers['x-hainan-signature']).split(',').map((p) => p.slice(p.indexOf('=') + 1));
  return v1 === createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
}

const living: { id: string; version: number }[] = [];
async function registerDeath(): Promise<string> {
  const person = living.shift()!;
  const res = await platform.query(`mutation($id: ID!, $v: Int!, $d: Date!) { registerDeath(personId: $id, expectedVersion: $v, date: $d) { id } }`, { id: person.id, v: person.version, d: today() }, callers.police);
  expect(res.errors).toBeUndefined();
  return person.id;
}

function postsTo(path: string): Received[] {
  return received.filter((r) => r.path === path);
}

beforeAll(async () => {
  receiver = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      received.push({ path: req.url ?? '', headers: req.headers, body });
      res.statusCode = answers.get(req.url ?? '') ?? 200;
      res.end('ignored');
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  platform = await startPlatform('subscriptions', { persons: 120, seed: 17, webhooks: { maxAttempts: MAX_ATTEMPTS, backoffMs: 20, maxBackoffMs: 80, pollMs: 40, timeoutMs: 3000 } });
  for (const [name, claims] of Object.entries(CLAIMS)) callers[name] = await platform.as(claims);
  const page = await platform.query(`{ persons(first: 30, filter: { status: LIVING }) { edges { node { id version } } } }`, undefined, callers.police);
  living.push(...page.data.persons.edges.map((e: { node: { id: string; version: number } }) => e.node));
}, 120_000);

afterAll(async () => {
  await platform?.stop();
  await new Promise((r) => receiver?.close(r));
});

describe('subscribing', () => {
  it('refuses an unknown event type, naming it', async () => {
    const res = await subscribe('health', { types: ['PersonDied', 'PersonExploded'] });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'input.types' });
    expect(res.errors?.[0].message).toContain('PersonExploded');
  });

  it('refuses types carrying CONDITIONAL fields the subscriber may not read, naming them and the grant to ask for', async () => {
    const res = await subscribe('health', { types: ['PersonBorn'] });
    expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(res.errors?.[0].message).toMatch(/PersonBorn carries .*maritalStatus/);
    expect(res.errors?.[0].message).toContain('requestGrant');
    const without = await subscribe('health', { types: ['PersonBorn'], withoutConditionalFields: true });
    expect(without.errors).toBeUndefined();
  });

  it('refuses a webhook with credentials, a region outside the caller\'s, and public callers', async () => {
    const creds = await subscribe('health', { types: ['PersonDied'], webhookUrl: 'https://user:pw@example.org/hook' });
    expect(creds.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'input.webhookUrl' });
    const sanya = await platform.as({ sub: 'health-2', dept: 'health', roles: ['officer'], region: '460200' });
    const outside = await platform.query(SUBSCRIBE, { input: { types: ['PersonDied'], purpose: 'death-followup', region: '460100' } }, sanya);
    expect(outside.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'input.region' });
    const regionless = await platform.query(SUBSCRIBE, { input: { types: ['PersonDied'], purpose: 'death-followup', region: '460100' } }, callers.securityOfficer);
    expect(regionless.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'input.region' });
    const narrower = await platform.query(SUBSCRIBE, { input: { types: ['PersonDied'], purpose: 'death-followup', region: '460205' } }, sanya);
    expect(narrower.data.subscribe.subscription).toMatchObject({ region: '460205', subscriberRegion: '460200' });
    const anonymous = await platform.query(SUBSCRIBE, { input: { types: ['PersonDied'], purpose: 'death-followup' } });
    expect(anonymous.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('captures the subscriber, answers the secret once, replays under the same key, audits and records the step', async () => {
    const first = await subscribe('health', { types: ['PersonDied'] }, 'subscribe-key-0001');
    expect(first.errors).toBeUndefined();
    const sub = first.data.subscribe.subscription;
    expect(sub).toMatchObject({ dept: 'health', owner: 'health-1', subscriberRoles: ['officer'], subscriberRegion: '460000', region: null, types: ['PersonDied'], state: 'ACTIVE', version: 1 });
    expect(first.data.subscribe.secret).toMatch(/^whsec_/);
    const again = await subscribe('health', { types: ['PersonDied'] }, 'subscribe-key-0001');
    expect(again.data.subscribe.subscription.id).toBe(sub.id);
    const other = await subscribe('health', { types: ['PersonDied', 'PersonMoved'] }, 'subscribe-key-0001');
    expect(other.errors?.[0].extensions?.code).toBe('CONFLICT');
    const em = platform.subgraphs.governance.db.orm.em.fork();
    expect(await em.count(OutboxEvent, { type: 'SubscriptionCreated', recordId: sub.id })).toBe(1);
    expect(await em.count(AuditRecord, { sub: 'health-1', kind: 'policy' } as never)).toBeGreaterThan(0);
  });

  it('belongs to its department: another department neither reads nor changes it; security officers read it', async () => {
    const res = await subscribe('health', { types: ['PersonDied'] });
    const id = res.data.subscribe.subscription.id;
    const read = `query($id: ID!) { subscription(id: $id) { ${FIELDS} } subscriptions(first: 100) { edges { node { id } } } }`;
    const housing = await platform.query(read, { id }, callers.housing);
    expect(housing.data.subscription).toBeNull();
    expect(housing.data.subscriptions.edges.map((e: { node: { id: string } }) => e.node.id)).not.toContain(id);
    const cancel = await platform.query(`mutation($id: ID!) { unsubscribe(id: $id, reason: "not mine") { id } }`, { id }, callers.housing);
    expect(cancel.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const dead = await platform.query(`query($id: ID!) { deadLetters(subscriptionId: $id) { totalCount } }`, { id }, callers.housing);
    expect(dead.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const officer = await platform.query(read, { id }, callers.securityOfficer);
    expect(officer.data.subscription).toMatchObject({ id, dept: 'health' });
    const own = await platform.query(`mutation($id: ID!) { unsubscribe(id: $id, reason: "done") { state version } }`, { id }, callers.health);
    expect(own.data.unsubscribe).toEqual({ state: 'CANCELLED', version: 2 });
  });
});

describe('webhook push', () => {
  let ok: { id: string; secret: string };
  let failing: { id: string; secret: string };
  let deceased = '';

  beforeAll(async () => {
    answers.set('/failing', 500);
    const a = await subscribe('health', { types: ['PersonDied'], webhookUrl: `${base}/ok` });
    const b = await subscribe('health', { types: ['PersonDied'], webhookUrl: `${base}/failing` });
    ok = { id: a.data.subscribe.subscription.id, secret: a.data.subscribe.secret };
    failing = { id: b.data.subscribe.subscription.id, secret: b.data.subscribe.secret };
    deceased = await registerDeath();
  });

  it('POSTs the change, signed, with exactly the fields the subscriber reads by a query', async () => {
    const post = await until('the delivery', async () => postsTo('/ok').find((r) => r.headers['x-hainan-subscription'] === ok.id));
    expect(verify(ok.secret, post.headers, post.body)).toBe(true);
    expect(verify(failing.secret, post.headers, post.body)).toBe(false);
    expect(post.headers['x-hainan-delivery']).toMatch(/^[0-9a-f]{32}$/);
    const body = JSON.parse(post.body) as { subscription: string; delivery: string; change: { type: string; recordKey: string; fields: { name: string; value: unknown; masked: boolean }[] } };
    expect(body).toMatchObject({ subscription: ok.id, delivery: post.headers['x-hainan-delivery'], change: { type: 'PersonDied', recordKey: `Person:${deceased}` } });
    const names = body.change.fields.map((f) => f.name).sort();
    const queried = await platform.query(`query($id: ID!) { person(id: $id) { ${names.join(' ')} } }`, { id: deceased }, callers.health);
    expect(queried.errors).toBeUndefined();
    expect(names).toEqual(['status', 'statusDate']);
    for (const f of body.change.fields) expect([f.name, f.value]).toEqual([f.name, queried.data.person[f.name]]);
    // Read as the subscription's principal: the population domain audited it under that name.
    const audits = await platform.subgraphs.population.db.orm.em.fork().count(AuditRecord, { sub: `subscription:${ok.id}`, operationName: 'changes' } as never);
    expect(audits).toBeGreaterThan(0);
    const state = await until('the position to move', async () => {
      const res = await platform.query(`query($id: ID!) { subscription(id: $id) { ${FIELDS} lastDeliveredAt deliveries { deliveryId status attempts httpStatus } } }`, { id: ok.id }, callers.health);
      return res.data.subscription.deliveries.length > 0 && res.data.subscription;
    });
    expect(state.deliveries[0]).toMatchObject({ deliveryId: post.headers['x-hainan-delivery'], status: 'DELIVERED', attempts: 1, httpStatus: 200 });
    expect(state.position).not.toBeNull();
  });

  it('retries a failing receiver with the same delivery ID, then dead-letters the change; redeliver sends it again', async () => {
    const dead = await until('the dead letter', async () => {
      const res = await platform.query(`query($id: ID!) { deadLetters(subscriptionId: $id) { totalCount edges { node { id state attempts type recordKey lastError deliveryId fields } } } }`, { id: failing.id }, callers.health);
      // The page and its totalCount are read one after the other: a letter written in between is counted, not listed.
      return res.data.deadLetters.edges[0]?.node;
    });
    expect(dead).toMatchObject({ state: 'PENDING', attempts: MAX_ATTEMPTS, type: 'PersonDied', recordKey: `Person:${deceased}`, lastError: 'HTTP 500', fields: ['status', 'statusDate'] });
    const attempts = postsTo('/failing').filter((r) => r.headers['x-hainan-subscription'] === failing.id);
    expect(attempts).toHaveLength(MAX_ATTEMPTS);
    expect(new Set(attempts.map((a) => a.headers['x-hainan-delivery']))).toEqual(new Set([dead.deliveryId]));
    const sub = await platform.query(`query($id: ID!) { subscription(id: $id) { ${FIELDS} } }`, { id: failing.id }, callers.health);
    expect(sub.data.subscription).toMatchObject({ failures: 0, deadLetterCount: 1 });

    answers.set('/failing', 204);
    const res = await platform.query(`mutation($id: ID!, $ids: [ID!]!) { redeliver(id: $id, deadLetterIds: $ids) { subscription { deadLetterCount } deadLetters { id state attempts } } }`, { id: failing.id, ids: [dead.id] }, callers.health);
    expect(res.errors).toBeUndefined();
    expect(res.data.redeliver).toEqual({ subscription: { deadLetterCount: 0 }, deadLetters: [{ id: dead.id, state: 'REDELIVERED', attempts: MAX_ATTEMPTS + 1 }] });
    const last = postsTo('/failing').at(-1)!;
    expect(last.headers['x-hainan-delivery']).toBe(dead.deliveryId);
    expect(verify(failing.secret, last.headers, last.body)).toBe(true);
    const other = await platform.query(`mutation($id: ID!, $ids: [ID!]!) { redeliver(id: $id, deadLetterIds: $ids) { subscription { id } } }`, { id: failing.id, ids: [dead.id] }, callers.housing);
    expect(other.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('delivers no change twice to one position across a governance restart mid-stream', async () => {
    const sub = await subscribe('health', { types: ['PersonDied'], webhookUrl: `${base}/restart` });
    const id = sub.data.subscribe.subscription.id;
    const before = [await registerDeath(), await registerDeath(), await registerDeath()];
    await until('the first delivery', async () => postsTo('/restart').length > 0);
    await platform.restart('governance');
    const after = [await registerDeath(), await registerDeath()];
    const all = [...before, ...after];
    // The subscription started after the earlier deaths were recorded but reads the feed from its start: all of them.
    const posts = await until('every delivery', async () => {
      const mine = postsTo('/restart').filter((r) => r.headers['x-hainan-subscription'] === id);
      const keys = new Set(mine.map((r) => (JSON.parse(r.body) as { change: { recordKey: string } }).change.recordKey));
      return all.every((p) => keys.has(`Person:${p}`)) && mine;
    });
    await new Promise((r) => setTimeout(r, 300)); // anything extra would come now
    const deliveries = postsTo('/restart').filter((r) => r.headers['x-hainan-subscription'] === id).map((r) => String(r.headers['x-hainan-delivery']));
    expect(deliveries.length).toBeGreaterThanOrEqual(posts.length);
    expect(new Set(deliveries).size).toBe(deliveries.length);
    const row = await platform.subgraphs.governance.db.orm.em.fork().findOneOrFail(ChangeSubscriptionRecord, { id }, { disableIdentityMap: true });
    expect(row).toMatchObject({ failures: 0, leaseOwner: null });
  });

  it('stops pushing while paused and resumes where it stopped', async () => {
    const paused = await platform.query(`mutation($id: ID!) { pauseSubscription(id: $id, reason: "maintenance") { state version } }`, { id: ok.id }, callers.health);
    expect(paused.data.pauseSubscription).toEqual({ state: 'PAUSED', version: 2 });
    const count = postsTo('/ok').filter((r) => r.headers['x-hainan-subscription'] === ok.id).length;
    const person = await registerDeath();
    await new Promise((r) => setTimeout(r, 400));
    expect(postsTo('/ok').filter((r) => r.headers['x-hainan-subscription'] === ok.id)).toHaveLength(count);
    const resumed = await platform.query(`mutation($id: ID!) { resumeSubscription(id: $id, reason: "back") { state } }`, { id: ok.id }, callers.health);
    expect(resumed.data.resumeSubscription.state).toBe('ACTIVE');
    await until('the delivery after resuming', async () => postsTo('/ok').some((r) => r.headers['x-hainan-subscription'] === ok.id && r.body.includes(person)));
  });
});

describe('pulling with a subscription', () => {
  it('reads after the durable position, and acknowledge moves it', async () => {
    const sub = await subscribe('health', { types: ['PersonDied'] });
    const id = sub.data.subscribe.subscription.id;
    const PULL = `query($id: ID!) { subscriptionChanges(id: $id, first: 100) { edges { cursor node { type recordKey } } pageInfo { endCursor } } }`;
    const first = await platform.query(PULL, { id }, callers.health);
    expect(first.errors).toBeUndefined();
    const edges = first.data.subscriptionChanges.edges;
    expect(edges.length).toBeGreaterThan(0);
    expect(edges.every((e: { node: { type: string } }) => e.node.type === 'PersonDied')).toBe(true);
    const again = await platform.query(PULL, { id }, callers.health);
    expect(again.data.subscriptionChanges.edges).toHaveLength(edges.length); // reading alone does not move it
    const ack = await platform.query(`mutation($id: ID!, $c: String!) { acknowledge(id: $id, cursor: $c) { position } }`, { id, c: first.data.subscriptionChanges.pageInfo.endCursor }, callers.health);
    expect(ack.errors).toBeUndefined();
    const person = await registerDeath();
    const next = await platform.query(PULL, { id }, callers.health);
    expect(next.data.subscriptionChanges.edges.map((e: { node: { recordKey: string } }) => e.node.recordKey)).toEqual([`Person:${person}`]);
  });
});
