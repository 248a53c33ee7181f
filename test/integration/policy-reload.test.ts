/**
 * Hot reload of policies (issue 5): an activated change, a grant approval and a revocation reach every running
 * subgraph without a restart; /healthz shows what each has in force; a request in flight finishes under the
 * version it started with and never sees half a change. On PostgreSQL, LISTEN/NOTIFY carries the change and the
 * listener survives its connection being killed. Speed is measured by bench/policy-propagation.ts, not here:
 * waits below are "eventually, within a generous bound".
 */
import { Client } from 'pg';
import { PROVINCE_POLICY } from '../../auth/province-policy';
import type { RolePolicy } from '../../auth';
import { auditConfig, DOMAINS, type DatabaseConfig } from '../../subgraphs/kit/config';
import { openPolicyStore, POLICY_CHANNEL, readPolicyState, snapshotOf, type PolicySnapshot, type PolicyStore } from '../../subgraphs/kit/policy-store';
import { startSubgraph, type RunningSubgraph } from '../../subgraphs/kit/server';
import { todayInChina } from '../../subgraphs/kit/scalars';
import { SUBGRAPHS } from '../../subgraphs/registry';
import { refreshStatistics } from '../../subgraphs/kit/statistics';
import { DRIVER } from '../support/database';
import { postGraphQL, startPlatform, type Platform } from '../support/platform';
import { activateThroughWorkflow, type SendAs } from '../support/policies';

const GENEROUS_MS = 15_000;

const PRINCIPALS = {
  officerA: { sub: 'so-alice', dept: 'data-bureau', roles: ['security-officer'] },
  officerB: { sub: 'so-bob', dept: 'data-bureau', roles: ['security-officer'] },
  policeSO: { sub: 'so-police', dept: 'public-security', roles: ['security-officer'] },
  healthAnalyst: { sub: 'health-1', dept: 'health', roles: ['analyst'], region: '460000' },
  healthOfficer: { sub: 'health-2', dept: 'health', roles: ['officer'], region: '460000' },
};
type Who = keyof typeof PRINCIPALS;

let platform: Platform;
const headers = {} as Record<Who, Record<string, string>>;
const as = (who: Who, query: string, variables?: Record<string, unknown>, purpose?: string) =>
  platform.query(query, variables, { ...headers[who], ...(purpose ? { 'x-purpose': purpose } : {}) });
const send: SendAs = (caller, query, variables) => as(caller === 'author' ? 'officerA' : 'officerB', query, variables);

async function eventually<T>(fn: () => Promise<T>, check: (value: T) => boolean, timeoutMs = GENEROUS_MS): Promise<T> {
  const until = Date.now() + timeoutMs;
  let value = await fn();
  while (!check(value) && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 20));
    value = await fn();
  }
  return value;
}

interface Health {
  status: string;
  policy?: { version: number; seq: number };
}
const healthOf = async (url: string): Promise<Health> => (await fetch(url.replace(/\/graphql$/, '/healthz'))).json() as Promise<Health>;
const healthOfAll = async () => Promise.all(DOMAINS.map((d) => healthOf(platform.subgraphs[d].url)));
const seqInDatabase = () => readPolicyState(platform.subgraphs.governance.db.orm.em.fork());

/** Waits until every subgraph's /healthz reports `seq`; returns what they report. */
const everySubgraphAt = (seq: number) => eventually(healthOfAll, (all) => all.every((h) => h.policy?.seq === seq));

const analystsReadPhones: RolePolicy = { id: 'health-analysts-phone', dept: 'health', role: 'analyst', description: 'Test: call-backs.', rules: [{ action: 'read', subject: 'Person', fields: ['phone'], reason: 'call-backs' }] };
const withPhonePolicy = (on: boolean) => (policies: RolePolicy[]) => [...policies.filter((p) => p.id !== analystsReadPhones.id), ...(on ? [analystsReadPhones] : [])];
const withPhoneTest = (on: boolean) => (tests: any[]) =>
  tests.map((t) => (t.caller?.dept === 'health' && t.caller?.roles?.includes('analyst') && t.type === 'Person' && t.field === 'phone' ? { ...t, expect: on ? 'FULL' : 'MASKED' } : t));
const phonePolicy = (on: boolean) => activateThroughWorkflow(send, withPhonePolicy(on), { editTests: withPhoneTest(on), reason: on ? 'call-backs' : 'call-backs over' });

/** 'masked' or 'full' when every phone on the page is, 'mixed' otherwise. */
function judged(phones: (string | null)[]): 'masked' | 'full' | 'mixed' {
  const present = phones.filter((p): p is string => typeof p === 'string');
  if (present.length === 0) throw new Error('No phones on the page: the test would prove nothing.');
  const masked = present.filter((p) => p.includes('*')).length;
  return masked === present.length ? 'masked' : masked === 0 ? 'full' : 'mixed';
}

beforeAll(async () => {
  platform = await startPlatform('policy_reload', { persons: 400, seed: 11 });
  for (const [who, claims] of Object.entries(PRINCIPALS)) headers[who as Who] = await platform.as(claims);
});
afterAll(async () => {
  await platform?.stop();
});

describe('/healthz', () => {
  it('reports the policy version and seq in force on every subgraph, and nothing of the kind on the gateway', async () => {
    const seq = await seqInDatabase();
    for (const health of await healthOfAll()) expect(health).toEqual({ status: 'ok', policy: { version: 1, seq }, sqlStatements: expect.any(Number) });
    const gateway = await healthOf(platform.gateway.url);
    expect(gateway).toEqual({ status: 'ok' });
  });
});

describe('an activated version', () => {
  it('reaches every subgraph without a restart, and /healthz shows it', async () => {
    const before = await seqInDatabase();
    const activated = await phonePolicy(true);
    const seq = await seqInDatabase();
    expect(seq).toBe(before + 1);
    const all = await everySubgraphAt(seq);
    expect(all).toEqual(DOMAINS.map(() => ({ status: 'ok', policy: { version: activated.number, seq }, sqlStatements: expect.any(Number) })));
    const res = await as('healthAnalyst', '{ persons(first: 5, filter: { status: LIVING }) { edges { node { phone } } } }');
    expect(judged(res.data.persons.edges.map((e: any) => e.node.phone))).toBe('full');
    await phonePolicy(false);
    await everySubgraphAt(await seqInDatabase());
  });
});

describe('a request in flight', () => {
  /**
   * A second population service on the platform's population database, with a policy store the test swaps
   * from inside the request: after the page of persons is read, before the households are. The phones of the
   * page are judged before the swap, those of the household members after it.
   */
  async function setup() {
    let snapshot: PolicySnapshot = snapshotOf(PROVINCE_POLICY, [], 1, 1);
    const store: PolicyStore = { current: () => snapshot, reload: async () => snapshot, onChange: () => () => undefined, close: async () => undefined };
    const population = platform.subgraphs.population;
    const service: RunningSubgraph = await startSubgraph(
      SUBGRAPHS.population,
      {
        domain: 'population', port: 0, host: '127.0.0.1', database: population.db.config, governanceDatabase: platform.subgraphs.governance.db.config,
        peers: {}, auth: platform.auth, seed: { persons: 0, seed: 0 }, production: false, audit: auditConfig({}),
      },
      { policies: store },
    );
    // Its statistics rollups build in the background at start: let them finish, so only the request's statements count.
    await refreshStatistics(service.db.orm.em.fork());
    let statements = 0;
    let swappedAt = -1;
    // Data statements, whichever path sends them (MikroORM or the read path).
    service.db.queries.onStatement(() => {
      statements += 1;
      if (statements === 2 && swappedAt < 0) {
        swappedAt = statements;
        snapshot = snapshotOf([...PROVINCE_POLICY, analystsReadPhones], [], 2, 2);
      }
    });
    return { service, swapped: () => swappedAt > 0 };
  }

  it('is judged by the snapshot it started with for every row, though a new version arrives in the middle', async () => {
    const { service, swapped } = await setup();
    try {
      const query = `{ persons(first: 40, filter: { status: LIVING }) { edges { node { phone household { members { person { phone } } } } } } }`;
      const res = await postGraphQL(service.url, query, undefined, headers.healthAnalyst);
      expect(res.errors).toBeUndefined();
      expect(swapped()).toBe(true);
      const top = res.data.persons.edges.map((e: any) => e.node.phone);
      const nested = res.data.persons.edges.flatMap((e: any) => e.node.household?.members.map((m: any) => m.person?.phone) ?? []);
      expect(nested.filter(Boolean).length).toBeGreaterThan(0);
      expect(judged([...top, ...nested])).toBe('masked');
      // The next request is judged by the new version: the swap was real.
      const next = await postGraphQL(service.url, query, undefined, headers.healthAnalyst);
      expect(judged(next.data.persons.edges.map((e: any) => e.node.phone))).toBe('full');
    } finally {
      await service.stop();
    }
  });

  it('through the gateway, sees all rows under one version while versions are activated under it', async () => {
    const query = `{ persons(first: 200) { edges { node { phone household { members { person { phone } } } } } } }`;
    const verdicts: string[] = [];
    let running = true;
    const worker = async () => {
      while (running) {
        const res = await as('healthAnalyst', query);
        expect(res.errors).toBeUndefined();
        const phones = res.data.persons.edges.flatMap((e: any) => [e.node.phone, ...(e.node.household?.members.map((m: any) => m.person?.phone) ?? [])]);
        verdicts.push(judged(phones));
      }
    };
    const workers = [worker(), worker()];
    try {
      for (const on of [true, false, true, false]) {
        await phonePolicy(on);
        await everySubgraphAt(await seqInDatabase());
        // Let a few requests run under the new version before the next change.
        const seen = verdicts.length;
        await eventually(async () => verdicts.length, (n) => n >= seen + 2);
      }
    } finally {
      running = false;
      await Promise.all(workers);
    }
    expect(verdicts).not.toContain('mixed');
    expect(verdicts).toContain('masked');
    expect(verdicts).toContain('full');
  });
});

describe('grant decisions', () => {
  const inDays = (days: number) => new Date(Date.parse(`${todayInChina()}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  const phoneWithPurpose = async () => {
    const res = await as('healthOfficer', '{ persons(first: 5, filter: { status: LIVING }) { edges { node { phone } } } }', undefined, 'epidemic-tracing');
    return judged(res.data.persons.edges.map((e: any) => e.node.phone));
  };

  it('an approval and a revocation each reach every subgraph', async () => {
    const requested = await as('healthOfficer', `mutation($input: GrantRequestInput!) { requestGrant(input: $input) { id } }`, {
      input: { scope: [{ type: 'Person', fields: ['phone'] }], purpose: 'epidemic-tracing', legalBasis: 'Law on the Prevention and Control of Infectious Diseases, art. 12', expiresOn: inDays(30) },
    });
    expect(requested.errors).toBeUndefined();
    const id = requested.data.requestGrant.id;
    expect(await phoneWithPurpose()).toBe('masked');

    const before = await seqInDatabase();
    const approved = await as('policeSO', `mutation($id: ID!) { approveGrantRequest(id: $id, reason: "tracing") { state } }`, { id });
    expect(approved.data.approveGrantRequest.state).toBe('APPROVED');
    expect(await seqInDatabase()).toBe(before + 1);
    expect((await everySubgraphAt(before + 1)).every((h) => h.policy?.seq === before + 1)).toBe(true);
    expect(await phoneWithPurpose()).toBe('full');

    const revoked = await as('policeSO', `mutation($id: ID!) { revokeGrant(id: $id, reason: "outbreak over") { state } }`, { id });
    expect(revoked.data.revokeGrant.state).toBe('REVOKED');
    expect(await seqInDatabase()).toBe(before + 2);
    expect((await everySubgraphAt(before + 2)).every((h) => h.policy?.seq === before + 2)).toBe(true);
    expect(await phoneWithPurpose()).toBe('masked');
  });
});

(DRIVER === 'postgresql' ? describe : describe.skip)('PostgreSQL: LISTEN/NOTIFY', () => {
  const governance = () => platform.subgraphs.governance.db.config as Extract<DatabaseConfig, { driver: 'postgresql' }>;
  const admin = async <T>(fn: (client: Client) => Promise<T>): Promise<T> => {
    const client = new Client({ connectionString: governance().url });
    await client.connect();
    try {
      return await fn(client);
    } finally {
      await client.end();
    }
  };
  const listenerPids = () =>
    admin(async (c) => (await c.query<{ pid: number }>(`select pid from pg_stat_activity where application_name = $1 and query like 'LISTEN%'`, [`hdg-policy-watch:${governance().schema}`.slice(0, 63)])).rows.map((r) => r.pid));

  /** A store whose safety-net poll would take ten minutes: only a notification brings a change in time. */
  let store: PolicyStore | undefined;
  afterAll(async () => {
    await store?.close();
  });

  it('announces the schema and the new seq on the channel, and a store that barely polls picks it up', async () => {
    store = await openPolicyStore(governance(), { fallbackPollMs: 600_000 });
    await eventually(listenerPids, (pids) => pids.length >= DOMAINS.length + 1);
    const listener = new Client({ connectionString: governance().url });
    const payloads: string[] = [];
    await listener.connect();
    try {
      listener.on('notification', (m) => {
        if (m.channel === POLICY_CHANNEL) payloads.push(m.payload ?? '');
      });
      await listener.query(`LISTEN ${POLICY_CHANNEL}`);
      await phonePolicy(true);
      const seq = await seqInDatabase();
      await eventually(async () => payloads, (p) => p.includes(`${governance().schema}:${seq}`));
      expect(payloads).toContain(`${governance().schema}:${seq}`);
      const current = await eventually(async () => store!.current(), (s) => s.seq === seq);
      expect(current.seq).toBe(seq);
    } finally {
      await listener.end();
    }
  });

  it('listens again after its connection is killed, and still gets later changes', async () => {
    const before = await eventually(listenerPids, (pids) => pids.length >= DOMAINS.length + 1);
    const killed = await admin(async (c) => (await c.query(`select pg_terminate_backend(pid) from pg_stat_activity where pid = any($1::int[])`, [before])).rowCount);
    expect(killed).toBe(before.length);
    // Every watcher connects again: as many listeners as before, none of them an old one.
    const after = await eventually(listenerPids, (pids) => pids.length === before.length && pids.every((p) => !before.includes(p)));
    expect(after).toHaveLength(before.length);
    await phonePolicy(false);
    const seq = await seqInDatabase();
    const current = await eventually(async () => store!.current(), (s) => s.seq === seq);
    expect(current.seq).toBe(seq);
    await everySubgraphAt(seq);
  });
});
