/**
 * Events across crashes: 1,000 writes (births, then moves of each newborn) through the gateway while the
 * population service is killed (SIGKILL, mid-transaction for the writes in flight) and started again three times,
 * and a reader pulls `changes` all along. Writers retry under their idempotency keys, the reader from its last
 * cursor. Afterwards every committed change has exactly one event and every event its change (no event of a write
 * rolled back by the kill), the reader got each exactly once, and each record's changes in order.
 *
 * With NATS JetStream (a nats-server of the test's own, never the machine's shared one), the kills are the NATS
 * server, the population service and the webhook receiver of a subscription: the pull reader and the webhook both
 * get every change, each delivery accepted once, and each record's changes in order.
 */
import http from 'node:http';
import { natsServerAvailable, testNats, type TestNats } from '../support/nats';
import { postGraphQL, type GraphQLResponse } from '../support/platform';
import { freePort, startProcessPlatform, type ProcessPlatform } from '../support/processes';

const BIRTHS = 250;
const MOVES_PER_PERSON = 3;
const WRITERS = 8;
const KILLS = 3;

let platform: ProcessPlatform;
let police: Record<string, string>;
let gateway: string;
let nats: TestNats | undefined;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const SURNAMES = '林王李张陈黄吴符邢云';
const GIVEN = '海南椰岛琼州文昌万宁儋州三亚五指';

/** Calls until the platform answers with no error (the population service may be down for a while). */
async function until(query: string, variables: Record<string, unknown>, label: string): Promise<GraphQLResponse> {
  for (let attempt = 0; attempt < 600; attempt += 1) {
    const res = await postGraphQL(gateway, query, variables, police).catch(() => null);
    if (res && !res.errors) return res;
    const code = res?.errors?.[0]?.extensions?.code;
    if (res && code !== 'SERVICE_UNAVAILABLE' && code !== 'INTERNAL_SERVER_ERROR' && !/unavailable|did not answer/i.test(res.errors?.[0]?.message ?? '')) {
      throw new Error(`${label} failed for good: ${JSON.stringify(res.errors)}`);
    }
    await sleep(100);
  }
  throw new Error(`${label} never succeeded`);
}

async function start(env: NodeJS.ProcessEnv = {}): Promise<void> {
  platform = await startProcessPlatform({ label: 'exchange-faults', persons: 100, env: { SUBGRAPH_TIMEOUT_MS: '5000', LOG_LEVEL: 'warn', RATE_LIMITS: 'off', ...env } });
  police = { authorization: `Bearer ${await platform.token({ sub: 'police-hq', dept: 'public-security', roles: ['officer'], region: '460000' })}` };
  gateway = platform.gatewayUrls[0]!;
}
afterEach(async () => {
  await platform?.stop();
  await nats?.cleanup();
}, 60_000);

/** A webhook receiver that can be killed (its port closed, connections dropped) and started again on the same port. */
async function receiver() {
  const port = await freePort();
  const accepted = new Map<string, { recordKey: string; version: number }>();
  const arrivals: { recordKey: string; version: number }[] = [];
  let acceptedTwice = 0;
  let server: http.Server | null = null;
  const listen = () =>
    new Promise<void>((resolve) => {
      server = http.createServer((req, res) => {
        let body = '';
        req.on('data', (c) => (body += c));
        req.on('end', () => {
          const payload = JSON.parse(body) as { delivery: string; change: { recordKey: string; version: number } };
          if (accepted.has(payload.delivery)) acceptedTwice += 1;
          else {
            accepted.set(payload.delivery, payload.change);
            arrivals.push(payload.change);
          }
          res.writeHead(204).end();
        });
      });
      server.listen(port, '127.0.0.1', () => resolve());
    });
  await listen();
  return {
    url: `http://127.0.0.1:${port}/hook`,
    arrivals,
    accepted,
    get acceptedTwice() {
      return acceptedTwice;
    },
    async kill() {
      const s = server!;
      await new Promise<void>((resolve) => {
        s.close(() => resolve());
        s.closeAllConnections();
      });
    },
    start: listen,
    stop: () => new Promise<void>((resolve) => (server ? (server.closeAllConnections(), server.close(() => resolve())) : resolve())),
  };
}

it('embedded default: delivers every event exactly once and in order per record through three kills of the writing service', async () => {
  await start();
  await run([() => platform.kill('population').then(() => sleep(500)).then(() => platform.restart('population'))]);
}, 600_000);

const withNats = natsServerAvailable() ? it : it.skip;
withNats('NATS JetStream: pull and webhook get every event once and in order per record through kills of NATS, the writing service and the receiver', async () => {
  nats = await testNats();
  await nats.start();
  await start({
    NATS_URL: nats.url,
    WEBHOOK_POLL_MS: '200',
    WEBHOOK_BACKOFF_MS: '100',
    WEBHOOK_MAX_BACKOFF_MS: '1000',
    WEBHOOK_MAX_ATTEMPTS: '50',
  });
  const hook = await receiver();
  try {
    const subscribed = await until(
      `mutation($input: SubscribeInput!) { subscribe(input: $input) { subscription { id } } }`,
      { input: { types: ['PersonBorn', 'PersonMoved'], purpose: 'fault-test', webhookUrl: hook.url, withoutConditionalFields: true } },
      'subscribe',
    );
    expect(subscribed.data.subscribe.subscription.id).toEqual(expect.any(String));
    const natsServer = nats;
    const ours = await run([
      () => natsServer.kill().then(() => sleep(1000)).then(() => natsServer.start()),
      () => platform.kill('population').then(() => sleep(500)).then(() => platform.restart('population')),
      () => hook.kill().then(() => sleep(1500)).then(() => hook.start()),
    ]);
    // The webhook: every change of ours, each accepted once, each record's in order.
    const deadline = Date.now() + 60_000;
    const mine = () => hook.arrivals.filter((c) => ours.has(c.recordKey));
    while (mine().length < ours.size * (1 + MOVES_PER_PERSON) && Date.now() < deadline) await sleep(200);
    expect(hook.acceptedTwice).toBe(0);
    const byRecord = new Map<string, number[]>();
    for (const c of mine()) byRecord.set(c.recordKey, [...(byRecord.get(c.recordKey) ?? []), c.version]);
    expect(byRecord.size).toBe(ours.size);
    for (const [record, versions] of byRecord) expect([record, versions]).toEqual([record, [1, 2, 3, 4]]);
  } finally {
    await hook.stop();
  }
}, 600_000);

/** 1,000 writes with a fault at each quarter; the pull reader's checks; answers the records written. */
async function run(faults: (() => Promise<void>)[]): Promise<Set<string>> {
  const living = (await until(`{ persons(first: 50, filter: { status: LIVING }) { edges { node { household { id } } } } }`, {}, 'households')).data.persons.edges;
  const households = [...new Set(living.map((e: { node: { household: { id: string } } }) => e.node.household.id))].slice(0, 2) as string[];
  expect(households).toHaveLength(2);
  const today = new Date(Date.now() + 8 * 3600_000);
  let committed = 0;
  const persons: { id: string; version: number }[] = [];

  async function writer(w: number): Promise<void> {
    for (let i = w; i < BIRTHS; i += WRITERS) {
      const birthDate = new Date(today.getTime() - (1 + (i % 300)) * 86_400_000).toISOString().slice(0, 10);
      const name = `${SURNAMES[i % SURNAMES.length]}${GIVEN[i % GIVEN.length]}${GIVEN[(i * 7 + 3) % GIVEN.length]}`;
      const born = await until(
        `mutation($input: RegisterBirthInput!, $key: String) { registerBirth(input: $input, idempotencyKey: $key) { id version } }`,
        { input: { name, gender: i % 2 ? 'MALE' : 'FEMALE', birthDate, ethnicityCode: '01', householdId: households[0] }, key: `xf-birth-${i}-0000` },
        `birth ${i}`,
      );
      committed += 1;
      let { id, version } = born.data.registerBirth as { id: string; version: number };
      for (let m = 0; m < MOVES_PER_PERSON; m += 1) {
        const moved = await until(
          `mutation($id: ID!, $v: Int!, $h: ID!, $key: String) { registerMove(personId: $id, expectedVersion: $v, householdId: $h, relationshipToHead: OTHER, idempotencyKey: $key) { version } }`,
          { id, v: version, h: households[(m + 1) % 2], key: `xf-move-${i}-${m}-0000` },
          `move ${i}/${m}`,
        );
        version = moved.data.registerMove.version;
        committed += 1;
      }
      persons.push({ id, version });
    }
  }

  const CHANGES = `query($after: String) { changes(types: ["PersonBorn", "PersonMoved"], first: 200, after: $after) { edges { node { type recordKey version } } pageInfo { endCursor } } }`;
  const pulled: { type: string; recordKey: string; version: number }[] = [];
  let after: string | null = null;
  let writing = true;
  const pull = async () => {
    const res = await until(CHANGES, { after }, 'changes');
    pulled.push(...res.data.changes.edges.map((e: { node: (typeof pulled)[number] }) => e.node));
    after = res.data.changes.pageInfo.endCursor;
    return res.data.changes.edges.length;
  };
  const reader = (async () => {
    while (writing) if ((await pull()) === 0) await sleep(50);
    while ((await pull()) > 0);
  })();

  const writers = Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w)));
  const total = BIRTHS * (1 + MOVES_PER_PERSON);
  const kills = Array.from({ length: KILLS }, (_, k) => faults[k % faults.length]!);
  for (let k = 1; k <= KILLS; k += 1) {
    while (committed < (total * k) / (KILLS + 1)) await sleep(20);
    await kills[k - 1]!();
  }
  await writers;
  writing = false;
  await reader;

  expect(committed).toBe(total);
  // Every change of ours, once, in order per record; nothing else of those records.
  const mine = new Set(persons.map((p) => `Person:${p.id}`));
  const ours = pulled.filter((c) => mine.has(c.recordKey));
  const keys = ours.map((c) => `${c.recordKey}@${c.version}`);
  expect(new Set(keys).size).toBe(keys.length);
  expect(ours).toHaveLength(total);
  const byRecord = new Map<string, number[]>();
  for (const c of ours) byRecord.set(c.recordKey, [...(byRecord.get(c.recordKey) ?? []), c.version]);
  for (const [record, versions] of byRecord) expect([record, versions]).toEqual([record, [1, 2, 3, 4]]);
  for (const c of ours) expect(c.type).toBe(c.version === 1 ? 'PersonBorn' : 'PersonMoved');
  // And each record is at the version its last event says: no change without its event.
  for (const p of persons) expect(p.version).toBe(1 + MOVES_PER_PERSON);
  return mine;
}
