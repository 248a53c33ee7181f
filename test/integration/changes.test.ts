/**
 * The change feed follows the same rules as a query: for every change delivered to several kinds of reader, its
 * fields are exactly those the same reader gets by querying the record (`_entities` on the owning subgraph, as
 * the gateway would ask), with the same values, masked the same way; records outside a reader's row scope are
 * left out; every page is audited. Events are born with their writes (outbox rows in the write's transaction).
 */
import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, getNamedType, isLeafType, type GraphQLObjectType } from 'graphql';
import { AuditRecord } from '../../subgraphs/kit/audit/records';
import { PROJECT_ROOT, type DomainName } from '../../subgraphs/kit/config';
import { OutboxEvent, pruneOutbox, type OutboxRow } from '../../subgraphs/kit/outbox';
import { postGraphQL, startPlatform, type GraphQLResponse, type Platform } from '../support/platform';

let platform: Platform;
const callers: Record<string, Record<string, string>> = {};
const API = buildSchema(fs.readFileSync(path.join(PROJECT_ROOT, 'schema/api.graphql'), 'utf8'));

const READERS = {
  policeProvince: { sub: 'police-1', dept: 'public-security', roles: ['officer'], region: '460000' },
  policeSanya: { sub: 'police-2', dept: 'public-security', roles: ['officer'], region: '460200' },
  healthOfficer: { sub: 'health-1', dept: 'health', roles: ['officer'], region: '460000' },
  housingOfficer: { sub: 'housing-1', dept: 'housing', roles: ['officer'], region: '460000' },
  educationOfficer: { sub: 'edu-1', dept: 'education', roles: ['officer'], region: '460000' },
  developer: { sub: 'dev-1', dept: 'data-bureau', roles: ['developer'] },
};
type Reader = keyof typeof READERS | 'public';

const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const CHANGES = `query($types: [String!], $first: Int, $after: String) { changes(types: $types, first: $first, after: $after) {
  edges { cursor node { type recordKey domain occurredAt version writerDept fields { name value masked } } }
  pageInfo { hasNextPage endCursor } } }`;

interface Change {
  type: string;
  recordKey: string;
  domain: DomainName;
  version: number | null;
  fields: { name: string; value: string | null; masked: boolean }[];
}

async function pullAll(who: Reader, types?: string[]): Promise<Change[]> {
  const out: Change[] = [];
  let after: string | null = null;
  for (let i = 0; i < 50; i += 1) {
    const res: GraphQLResponse = await platform.query(CHANGES, { types, first: 100, after }, who === 'public' ? {} : callers[who]);
    expect(res.errors).toBeUndefined();
    const page: { edges: { node: Change }[]; pageInfo: { endCursor: string } } = res.data.changes;
    out.push(...page.edges.map((e: { node: Change }) => e.node));
    if (page.edges.length === 0) break;
    after = page.pageInfo.endCursor;
  }
  return out;
}

/** The record as `who` gets it by a query: each asked field's value, or 'DENIED'; null when the record is hidden. */
async function queried(who: Reader, domain: DomainName, recordKey: string, fields: readonly string[]): Promise<Record<string, unknown> | null> {
  const [type, id] = [recordKey.slice(0, recordKey.indexOf(':')), recordKey.slice(recordKey.indexOf(':') + 1)];
  const object = API.getType(type) as GraphQLObjectType;
  const selection = fields.map((f) => (isLeafType(getNamedType(object.getFields()[f]!.type)) ? f : `${f} { __typename }`)).join(' ');
  const res = await postGraphQL(
    platform.subgraphs[domain].url,
    `query($r: [_Any!]!) { _entities(representations: $r) { ... on ${type} { ${selection} } } }`,
    { r: [{ __typename: type, id }] },
    who === 'public' ? {} : callers[who],
  );
  const row = res.data?._entities?.[0] as Record<string, unknown> | null | undefined;
  if (!row) return null;
  const denied = new Set((res.errors ?? []).filter((e) => e.extensions?.code === 'FORBIDDEN').map((e) => String(e.path?.[2])));
  return Object.fromEntries(fields.map((f) => [f, denied.has(f) ? 'DENIED' : row[f]]));
}

async function outbox(domain: DomainName): Promise<OutboxRow[]> {
  return (await platform.subgraphs[domain].db.orm.em.fork().find(OutboxEvent, {}, { orderBy: { seq: 'asc' }, disableIdentityMap: true })) as OutboxRow[];
}

let born: { id: string; version: number };
let died: { id: string; version: number };

beforeAll(async () => {
  platform = await startPlatform('changes', { persons: 120, seed: 11 });
  for (const [name, claims] of Object.entries(READERS)) callers[name] = await platform.as(claims);
  const police = callers.policeProvince!;
  const page = await platform.query(`{ persons(first: 40, filter: { status: LIVING }) { edges { node { id version household { id regionCode } } } } }`, undefined, police);
  const nodes = page.data.persons.edges.map((e: any) => e.node);
  const birth = await platform.query(
    `mutation($input: RegisterBirthInput!) { registerBirth(input: $input) { id version } }`,
    { input: { name: '林小海', gender: 'FEMALE', birthDate: today(), ethnicityCode: '01', householdId: nodes[0].household.id } },
    police,
  );
  expect(birth.errors).toBeUndefined();
  born = birth.data.registerBirth;
  const target = nodes[1];
  const moved = await platform.query(
    `mutation($id: ID!, $v: Int!, $h: ID!) { registerMove(personId: $id, expectedVersion: $v, householdId: $h, relationshipToHead: OTHER) { id version } }`,
    { id: target.id, v: target.version, h: nodes.find((n: any) => n.household.id !== target.household.id).household.id },
    police,
  );
  expect(moved.errors).toBeUndefined();
  const death = await platform.query(
    `mutation($id: ID!, $v: Int!, $d: Date!) { registerDeath(personId: $id, expectedVersion: $v, date: $d) { id version } }`,
    { id: target.id, v: moved.data.registerMove.version, d: today() },
    police,
  );
  expect(death.errors).toBeUndefined();
  died = death.data.registerDeath;
}, 120_000);
afterAll(async () => {
  await platform?.stop();
});

describe('events born with their writes', () => {
  it('records one event per write, in order, numbered without gaps, with the written fields and the writer', async () => {
    const events = await outbox('population');
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    const mine = events.filter((e) => e.recordId === born.id || e.recordId === died.id);
    expect(mine.map((e) => [e.type, e.recordId, e.version])).toEqual([
      ['PersonBorn', born.id, 1],
      ['PersonMoved', died.id, died.version - 1],
      ['PersonDied', died.id, died.version],
    ]);
    expect(JSON.parse(mine[2]!.fields)).toEqual({ status: 'DECEASED', statusDate: today() });
    expect(mine[2]).toMatchObject({ writer: 'police-1', writerDept: 'public-security', entityType: 'Person' });
  });

  it('records nothing for a refused write', async () => {
    const before = (await outbox('population')).length;
    const res = await platform.query(`mutation($id: ID!) { registerDeath(personId: $id, expectedVersion: 1, date: "2020-01-01") { id } }`, { id: died.id }, callers.healthOfficer);
    expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const stale = await platform.query(`mutation($id: ID!) { registerDeath(personId: $id, expectedVersion: 1, date: "2020-01-01") { id } }`, { id: born.id }, callers.policeProvince);
    expect(stale.errors?.[0].extensions?.code).toBeDefined();
    expect((await outbox('population')).length).toBe(before);
  });
});

describe('every delivered change is what the same reader gets by querying the record', () => {
  const readers: Reader[] = ['policeProvince', 'policeSanya', 'healthOfficer', 'housingOfficer', 'educationOfficer', 'developer', 'public'];
  it.each(readers)('%s', async (who) => {
    const delivered = await pullAll(who, ['PersonBorn', 'PersonMoved', 'PersonDied']);
    const stored = (await outbox('population')).filter((e) => ['PersonBorn', 'PersonMoved', 'PersonDied'].includes(e.type));
    // Each record's latest event is compared value by value (the record is still at that version); earlier ones field by field.
    const latest = new Map(stored.map((e) => [e.recordId, e.seq]));
    let compared = 0;
    for (const event of stored) {
      const names = Object.keys(JSON.parse(event.fields) as object).map((f) => (f === 'householdId' ? 'household' : f));
      const asQueried = await queried(who, 'population', `Person:${event.recordId}`, names);
      const change = delivered.find((c) => c.recordKey === `Person:${event.recordId}` && c.type === event.type && c.version === event.version);
      const readable = asQueried === null ? [] : names.filter((f) => asQueried[f] !== 'DENIED');
      if (readable.length === 0) {
        expect([who, event.type, change]).toEqual([who, event.type, undefined]);
        continue;
      }
      expect([who, event.type, change?.fields.map((f) => f.name).sort()]).toEqual([who, event.type, [...readable].sort()]);
      if (latest.get(event.recordId) !== event.seq) continue;
      for (const field of change!.fields) {
        const value = asQueried![field.name];
        if (value !== null && typeof value === 'object') continue; // an object field: its presence is the decision
        expect([who, field.name, field.value === null ? null : JSON.parse(field.value)]).toEqual([who, field.name, value]);
        compared += 1;
      }
    }
    if (who === 'policeProvince') expect(compared).toBeGreaterThan(5);
    if (who === 'public') expect(delivered).toEqual([]);
  });

  it('masks for a reader who reads masked, as a query does', async () => {
    const delivered = await pullAll('healthOfficer', ['PersonBorn']);
    const birth = delivered.find((c) => c.recordKey === `Person:${born.id}`);
    const asQueried = await queried('healthOfficer', 'population', `Person:${born.id}`, ['idNumber', 'name']);
    for (const name of ['idNumber', 'name']) {
      const field = birth?.fields.find((f) => f.name === name);
      if (asQueried?.[name] === 'DENIED') expect(field).toBeUndefined();
      else expect(field && JSON.parse(field.value!)).toBe(asQueried?.[name]);
    }
  });
});

describe('pulling', () => {
  it('pages without gaps or repeats, and a cursor after the end waits for new changes', async () => {
    const all = await pullAll('policeProvince');
    const pages: Change[] = [];
    let after: string | null = null;
    for (;;) {
      const res: GraphQLResponse = await platform.query(CHANGES, { first: 2, after }, callers.policeProvince);
      pages.push(...res.data.changes.edges.map((e: { node: Change }) => e.node));
      if (res.data.changes.edges.length === 0) {
        after = res.data.changes.pageInfo.endCursor;
        break;
      }
      after = res.data.changes.pageInfo.endCursor;
    }
    expect(pages.map((c) => `${c.recordKey}@${c.type}@${c.version}`)).toEqual(all.map((c) => `${c.recordKey}@${c.type}@${c.version}`));
    const request = await platform.query(
      `mutation($input: GrantRequestInput!) { requestGrant(input: $input) { id } }`,
      { input: { scope: [{ type: 'Person', fields: ['phone'] }], purpose: 'epidemic-tracing', legalBasis: 'Law on the Prevention and Control of Infectious Diseases, art. 12', expiresOn: '2027-06-30' } },
      callers.healthOfficer,
    );
    expect(request.errors).toBeUndefined();
    const next = await platform.query(CHANGES, { after }, callers.healthOfficer);
    expect(next.data.changes.edges.map((e: { node: Change }) => [e.node.type, e.node.domain, e.node.recordKey])).toEqual([['GrantRequested', 'governance', `GrantRequest:${request.data.requestGrant.id}`]]);
  });

  it('refuses a cursor it did not give and a page too large, naming the argument', async () => {
    const bad = await platform.query(CHANGES, { after: 'bm90IGEgY3Vyc29y' }, callers.policeProvince);
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'after' });
    const big = await platform.query(CHANGES, { first: 201 }, callers.policeProvince);
    expect(big.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'first' });
    const types = await platform.query(CHANGES, { types: ['Person Died; drop'] }, callers.policeProvince);
    expect(types.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'types' });
  });

  it('audits every delivered page like a read, with the records delivered', async () => {
    await pullAll('housingOfficer', ['PersonDied']);
    const records = await platform.subgraphs.population.db.orm.em.fork().find(AuditRecord, { sub: 'housing-1', operationName: 'changes' } as never, { disableIdentityMap: true });
    expect(records.length).toBeGreaterThan(0);
    expect(records.some((r) => (JSON.parse((r as { recordKeys: string }).recordKeys) as string[]).includes(`Person:${died.id}`))).toBe(true);
  });
});

describe('retention', () => {
  it('prunes events past the retention (keeping unpublished ones behind a relay), and numbers on without repeating', async () => {
    const em = () => platform.subgraphs.population.db.orm.em.fork();
    const last = (await outbox('population')).at(-1)!.seq;
    const tomorrow = new Date(Date.now() + 86_400_000);
    expect(await pruneOutbox(em(), tomorrow, true)).toBe(0);
    expect(await pruneOutbox(em(), tomorrow, false)).toBe(last);
    expect(await pullAll('policeProvince', ['PersonBorn', 'PersonMoved', 'PersonDied'])).toEqual([]);
    const page = await platform.query(`{ persons(first: 1, filter: { status: LIVING }) { edges { node { household { id } } } } }`, undefined, callers.policeProvince);
    const again = await platform.query(
      `mutation($input: RegisterBirthInput!) { registerBirth(input: $input) { id } }`,
      { input: { name: '林小岛', gender: 'MALE', birthDate: today(), ethnicityCode: '01', householdId: page.data.persons.edges[0].node.household.id } },
      callers.policeProvince,
    );
    expect(again.errors).toBeUndefined();
    expect((await outbox('population')).map((e) => e.seq)).toEqual([last + 1]);
  });
});
