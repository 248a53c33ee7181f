/**
 * Owner-scope tickets (subgraphs/kit/scope-ticket.ts): the owner's row scope travels with its entities inside one
 * request, so serving subgraphs need no `/scope` round trip, and a ticket can never decide differently from one:
 * it is refused when it was minted for another caller, another record, or altered, and the subgraph then asks the
 * owner. The gateway never shows tickets to the client. Real HTTP servers; SQLite, or PostgreSQL with DATABASE_URL.
 */
import { ownerRows } from '../../subgraphs/kit/metrics';
import { startPlatform, type Platform } from '../support/platform';

let platform: Platform;
let haikouPolice: Record<string, string>;
let provincePolice: Record<string, string>;
let sanya: { id: string; idNumber: string; name: string };
let haikou: { id: string; idNumber: string };

type Tickets = Record<string, { field: string; tickets: Record<string, string> }>;

/** `_entities` straight to a subgraph, with tickets in the request's extensions as the gateway would send them. */
async function entities(domain: 'education' | 'geospatial' | 'credit', id: string, headers: Record<string, string>, scopeTickets?: Tickets) {
  const selection = { education: 'highestDegree { level }', geospatial: 'residence { regionCode }', credit: 'credit { rating }' }[domain];
  const res = await fetch(platform.subgraphs[domain].url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({
      query: `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { ${selection} } } }`,
      variables: { r: [{ __typename: 'Person', id }] },
      ...(scopeTickets ? { extensions: { scopeTickets } } : {}),
    }),
  });
  const body = await res.text();
  return { body, json: JSON.parse(body) as { data?: { _entities: unknown[] }; errors?: { extensions?: { code?: string } }[]; extensions?: { scopeTickets?: Tickets } } };
}

/** The tickets population hands this caller with these persons, asked straight of population. */
async function ticketsFromOwner(ids: string[], headers: Record<string, string>): Promise<Tickets | undefined> {
  const res = await fetch(platform.subgraphs.population.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query: `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { id } } }`, variables: { r: ids.map((id) => ({ __typename: 'Person', id })) } }),
  });
  return ((await res.json()) as { extensions?: { scopeTickets?: Tickets } }).extensions?.scopeTickets;
}

/** owner_scope_rows_total of a serving subgraph for Person, by source. */
async function judged(service: string): Promise<Record<string, number>> {
  const out: Record<string, number> = { ticket: 0, scope: 0, refused: 0 };
  for (const v of (await ownerRows.get()).values) if (v.labels.service === service && v.labels.type === 'Person') out[String(v.labels.source)] = v.value;
  return out;
}

async function judgedDuring(service: string, fn: () => Promise<unknown>): Promise<Record<string, number>> {
  const before = await judged(service);
  await fn();
  const after = await judged(service);
  return Object.fromEntries(Object.keys(after).map((k) => [k, after[k]! - (before[k] ?? 0)]));
}

beforeAll(async () => {
  platform = await startPlatform('scope-tickets', { persons: 400, seed: 31 });
  haikouPolice = await platform.as({ sub: 'police-hk', dept: 'public-security', roles: ['officer'], region: '460100' });
  provincePolice = await platform.as({ sub: 'police-hq', dept: 'public-security', roles: ['officer'], region: '460000' });
  const res = await platform.query(
    `{ sy: persons(first: 20, filter: { regionCode: "460200", status: LIVING }) { edges { node { id idNumber name addressRegionCode } } }
       hk: persons(first: 20, filter: { regionCode: "460100", status: LIVING }) { edges { node { id idNumber addressRegionCode } } } }`,
    undefined,
    provincePolice,
  );
  expect(res.errors).toBeUndefined();
  sanya = res.data.sy.edges.map((e: any) => e.node).find((p: any) => p.addressRegionCode.startsWith('4602'));
  haikou = res.data.hk.edges.map((e: any) => e.node).find((p: any) => p.addressRegionCode.startsWith('4601'));
  expect(sanya).toBeDefined();
  expect(haikou).toBeDefined();
});
afterAll(async () => {
  await platform?.stop();
});

describe('owner-scope tickets through the gateway', () => {
  const PERSON = `query($id: ID!) { person(id: $id) { id name residence { regionCode } highestDegree { level } credit { rating } } }`;

  it('judge the serving subgraphs on the tickets, with no /scope round trip, and never reach the client', async () => {
    let body = '';
    const counts = await Promise.all(['geospatial', 'education', 'credit'].map((s) => judged(s)));
    const res = await platform.query(PERSON, { id: haikou.id }, haikouPolice);
    body = res.body;
    const after = await Promise.all(['geospatial', 'education', 'credit'].map((s) => judged(s)));
    expect(res.errors).toBeUndefined();
    expect(res.data.person.residence).not.toBeNull();
    for (const [i, service] of ['geospatial', 'education', 'credit'].entries()) {
      expect({ service, ticket: after[i]!.ticket - counts[i]!.ticket, scope: after[i]!.scope - counts[i]!.scope, refused: after[i]!.refused - counts[i]!.refused }).toEqual({ service, ticket: 1, scope: 0, refused: 0 });
    }
    expect(body).not.toContain('scopeTickets');
    expect(Object.keys(JSON.parse(body))).toEqual(['data']);
  });

  it('leave what a caller sees unchanged: the Haikou officer still gets nothing of a Sanya person', async () => {
    const res = await platform.query(PERSON, { id: sanya.id }, haikouPolice);
    expect(res.data.person).toBeNull();
    expect(res.body).not.toContain(sanya.name);
  });
});

describe('a ticket presented straight to a serving subgraph', () => {
  it('is handed only for records the owner shows the caller, with only rule inputs the caller may read in full', async () => {
    const tickets = await ticketsFromOwner([haikou.id, sanya.id], haikouPolice);
    expect(Object.keys(tickets?.Person?.tickets ?? {})).toEqual([haikou.id]);
    const [body] = tickets!.Person!.tickets[haikou.id]!.split('.');
    const row = JSON.parse(Buffer.from(body!, 'base64url').toString('utf8')) as Record<string, unknown>;
    expect(Object.keys(row).length).toBeGreaterThan(0);
    expect(JSON.stringify(row)).not.toContain(haikou.idNumber);
  });

  it('saves the round trip when it is the caller\'s own', async () => {
    const tickets = await ticketsFromOwner([haikou.id], haikouPolice);
    let answer: Awaited<ReturnType<typeof entities>> | undefined;
    const delta = await judgedDuring('education', async () => (answer = await entities('education', haikou.id, haikouPolice, tickets)));
    expect(answer!.json.errors).toBeUndefined();
    expect(answer!.json.data?._entities[0]).toEqual(expect.any(Object));
    expect(delta).toEqual({ ticket: 1, scope: 0, refused: 0 });
  });

  it('is refused when minted for another caller: the Haikou officer cannot use the province\'s ticket of a Sanya person', async () => {
    const provinces = await ticketsFromOwner([sanya.id], provincePolice);
    expect(provinces?.Person?.tickets[sanya.id]).toEqual(expect.any(String));
    for (const domain of ['education', 'geospatial', 'credit'] as const) {
      let answer: Awaited<ReturnType<typeof entities>> | undefined;
      const delta = await judgedDuring(domain, async () => (answer = await entities(domain, sanya.id, haikouPolice, provinces)));
      expect({ domain, entities: answer!.json.data?._entities }).toEqual({ domain, entities: [null] });
      expect(answer!.body).not.toContain(sanya.name);
      expect(delta).toEqual({ ticket: 0, scope: 1, refused: 1 });
    }
  });

  it('is refused for another record: a Haikou person\'s ticket does not open a Sanya person', async () => {
    const own = await ticketsFromOwner([haikou.id], haikouPolice);
    const moved: Tickets = { Person: { field: 'id', tickets: { [sanya.id]: own!.Person!.tickets[haikou.id]! } } };
    const answer = await entities('geospatial', sanya.id, haikouPolice, moved);
    expect(answer.json.data?._entities).toEqual([null]);
  });

  it('is refused when altered: a row rewritten to put a Sanya person in Haikou does not verify', async () => {
    const provinces = await ticketsFromOwner([sanya.id], provincePolice);
    const [body, exp, mac] = provinces!.Person!.tickets[sanya.id]!.split('.');
    const row = JSON.parse(Buffer.from(body!, 'base64url').toString('utf8')) as Record<string, unknown>;
    const forged = Object.fromEntries(Object.keys(row).map((k) => [k, typeof row[k] === 'string' && /^46\d{4}$/.test(row[k] as string) ? '460105' : row[k]]));
    expect(forged).not.toEqual(row);
    const altered = `${Buffer.from(JSON.stringify(forged)).toString('base64url')}.${exp}.${mac}`;
    const later = `${body}.${Number(exp) + 5000}.${mac}`;
    for (const ticket of [altered, later, 'not.a.ticket', '']) {
      const answer = await entities('education', sanya.id, haikouPolice, { Person: { field: 'id', tickets: { [sanya.id]: ticket } } });
      expect({ ticket, entities: answer.json.data?._entities }).toEqual({ ticket, entities: [null] });
    }
  });

  it('of a malformed kind is ignored, never an error', async () => {
    for (const scopeTickets of [{ Person: 'x' }, { Person: { field: 'id', tickets: null } }, [1, 2]] as unknown as Tickets[]) {
      const answer = await entities('education', haikou.id, haikouPolice, scopeTickets);
      expect(answer.json.errors).toBeUndefined();
      expect(answer.json.data?._entities[0]).toEqual(expect.any(Object));
    }
  });
});
