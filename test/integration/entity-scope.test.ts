/**
 * Row scope follows the entity, not the subgraph: for every entity type and every subgraph that resolves it,
 * `_entities` sent straight to that subgraph answers nothing the gateway would hide. The callers are those whose
 * rules depend on the record (police of one city, a region-limited grant); the records are one inside and one
 * outside their area. Every served field is asked for, so a field added to an entity later is covered too.
 * Real HTTP servers; SQLite, or PostgreSQL with DATABASE_URL.
 */
import { buildSubgraphSchema } from '@apollo/subgraph';
import { getNamedType, isLeafType, isObjectType, type GraphQLObjectType } from 'graphql';
import { DOMAINS, type DomainName } from '../../subgraphs/kit/config';
import { loadTypeDefs } from '../../subgraphs/kit/subgraph';
import { postGraphQL, startPlatform, type Platform } from '../support/platform';

let platform: Platform;
let police: Record<string, string>;
/** Living persons registered and living in Sanya (outside Haikou police's area), and in Haikou. */
let sanyaPerson: { id: string; idNumber: string; name: string };
let haikouPerson: { id: string };

const POLICE_HAIKOU = { sub: 'police-hk', dept: 'public-security', roles: ['officer'], region: '460100' };

/**
 * Each subgraph that resolves `type` (it declares the type with @key), with a selection of each field it serves: one
 * field per query, so that an error on a non-null field cannot null the entity and hide what the others reveal.
 */
function servedSelections(type: string): { domain: DomainName; selections: string[] }[] {
  const out: { domain: DomainName; selections: string[] }[] = [];
  for (const domain of DOMAINS) {
    const schema = buildSubgraphSchema({ typeDefs: loadTypeDefs(domain) });
    const t = schema.getType(type);
    if (!t || !isObjectType(t)) continue;
    const fields = Object.values((t as GraphQLObjectType).getFields())
      .filter((f) => f.args.every((a) => !String(a.type).endsWith('!')))
      .map((f) => (isLeafType(getNamedType(f.type)) ? f.name : `${f.name} { __typename }`));
    out.push({ domain, selections: fields });
  }
  return out;
}

const entities = (domain: DomainName, type: string, selection: string, representation: Record<string, unknown>, headers: Record<string, string>) =>
  postGraphQL(platform.subgraphs[domain].url, `query($r: [_Any!]!) { _entities(representations: $r) { ... on ${type} { ${selection} } } }`, { r: [representation] }, headers);

beforeAll(async () => {
  platform = await startPlatform('entity-scope', { persons: 400, seed: 31 });
  police = await platform.as(POLICE_HAIKOU);
  const owner = await platform.as({ sub: 'police-hq', dept: 'public-security', roles: ['officer'], region: '460000' });
  const res = await platform.query(
    `{ sy: persons(first: 20, filter: { regionCode: "460200", status: LIVING }) { edges { node { id idNumber name addressRegionCode } } }
       hk: persons(first: 1, filter: { regionCode: "460100", status: LIVING }) { edges { node { id } } } }`,
    undefined,
    owner,
  );
  expect(res.errors).toBeUndefined();
  sanyaPerson = res.data.sy.edges.map((e: any) => e.node).find((p: any) => p.addressRegionCode.startsWith('4602'));
  haikouPerson = res.data.hk.edges[0].node;
  expect(sanyaPerson).toBeDefined();
});
afterAll(async () => {
  await platform?.stop();
});

describe('row scope of Person in every subgraph that serves Person fields', () => {
  const subgraphs = servedSelections('Person');

  it('is resolved by more than the owner (otherwise this suite tests nothing)', () => {
    expect(subgraphs.map((s) => s.domain)).toEqual(expect.arrayContaining(['population', 'geospatial', 'health', 'credit', 'education', 'housing', 'enterprise']));
  });

  it('is what the gateway shows: a Haikou officer cannot reach a Sanya person', async () => {
    const res = await platform.query(`query($id: ID!) { person(id: $id) { id } }`, { id: sanyaPerson.id }, police);
    expect(res.data.person).toBeNull();
  });

  it.each(subgraphs)('answers null to a Haikou officer for a Sanya person in $domain, field by field, whatever the representation claims', async ({ domain, selections }) => {
    for (const selection of selections) {
      // A forged representation: scope columns that would put the person in Haikou must not count.
      const res = await entities(domain, 'Person', selection, { __typename: 'Person', id: sanyaPerson.id, hukouRegionCode: '460105', addressRegionCode: '460105' }, police);
      expect({ selection, status: res.status, entities: res.data?._entities }).toEqual({ selection, status: 200, entities: [null] });
      expect(res.body).not.toContain(sanyaPerson.idNumber);
      expect(res.body).not.toContain(sanyaPerson.name);
    }
  });

  it.each(subgraphs)('answers a Haikou officer for a Haikou person in $domain', async ({ domain, selections }) => {
    for (const selection of selections) {
      const res = await entities(domain, 'Person', selection, { __typename: 'Person', id: haikouPerson.id }, police);
      expect({ selection, entity: res.data._entities[0] }).toEqual({ selection, entity: expect.any(Object) });
    }
  });

  it('answers the nested path through the gateway as the owner decides', async () => {
    const inArea = await platform.query(`query($id: ID!) { person(id: $id) { id residence { regionCode } } }`, { id: haikouPerson.id }, police);
    expect(inArea.errors).toBeUndefined();
    expect(inArea.data.person.residence).not.toBeNull();
  });
});

describe('row scope of another entity, from a region-limited rule of a department', () => {
  // Health officers may read which properties an enterprise owns (housing's CONDITIONAL field) for Haikou's
  // enterprises only: the condition tests Enterprise.regionCode, which only the enterprise register stores.
  const POLICY = {
    id: 'test-health-haikou-enterprise-properties',
    dept: 'health',
    role: 'officer',
    rules: [{ action: 'read' as const, subject: 'Enterprise', fields: ['properties'], conditions: { regionCode: { $like: '4601%' } } }],
  };
  let health: Record<string, string>;
  let haikouUscc: string;
  let sanyaUscc: string;
  const propertiesOf = (uscc: string, extra: Record<string, unknown> = {}) =>
    entities('housing', 'Enterprise', 'properties { __typename }', { __typename: 'Enterprise', uscc, ...extra }, health);

  beforeAll(async () => {
    await platform.addPolicies([POLICY]);
    health = await platform.as({ sub: 'health-hk', dept: 'health', roles: ['officer'], region: '460000' });
    const res = await platform.query(`{ hk: enterprises(first: 1, filter: { regionCode: "460100" }) { edges { node { uscc } } } sy: enterprises(first: 1, filter: { regionCode: "460200" }) { edges { node { uscc } } } }`);
    haikouUscc = res.data.hk.edges[0].node.uscc;
    sanyaUscc = res.data.sy.edges[0].node.uscc;
  });

  it('gives the field for a Haikou enterprise, straight from housing, judged on the register\'s region', async () => {
    const res = await propertiesOf(haikouUscc);
    expect(res.errors).toBeUndefined();
    expect(Array.isArray(res.data._entities[0].properties)).toBe(true);
  });

  it('refuses it for a Sanya enterprise, whatever region the representation claims', async () => {
    const res = await propertiesOf(sanyaUscc, { regionCode: '460105' });
    expect(res.data._entities[0]?.properties ?? null).toBeNull();
    expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
  });

  it('answers the same through the gateway', async () => {
    const q = `query($u: ID!) { enterprise(uscc: $u) { uscc properties { id } } }`;
    const hk = await platform.query(q, { u: haikouUscc }, health);
    expect(hk.errors).toBeUndefined();
    const sy = await platform.query(q, { u: sanyaUscc }, health);
    expect(sy.data.enterprise.properties).toBeNull();
    expect(sy.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
  });
});

describe('the owner scope endpoint', () => {
  it('refuses a bad token, an unknown type and too many keys', async () => {
    const url = new URL('/scope', platform.subgraphs.population.url);
    const bad = await fetch(url, { method: 'POST', headers: { authorization: 'Bearer nonsense', 'content-type': 'application/json' }, body: '{}' });
    expect(bad.status).toBe(401);
    const unknown = await fetch(url, { method: 'POST', headers: { ...police, 'content-type': 'application/json' }, body: JSON.stringify({ type: 'Residence', keys: ['x'], fields: [] }) });
    expect(unknown.status).toBe(400);
    const many = await fetch(url, { method: 'POST', headers: { ...police, 'content-type': 'application/json' }, body: JSON.stringify({ type: 'Person', keys: Array.from({ length: 2001 }, (_, i) => String(i)), fields: [] }) });
    expect(many.status).toBe(400);
  });

  it('gives only values the caller may read in full, and null for hidden records', async () => {
    const url = new URL('/scope', platform.subgraphs.population.url);
    const res = await fetch(url, {
      method: 'POST',
      headers: { ...police, 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'Person', keys: [sanyaPerson.id, haikouPerson.id, 'no-such-person'], fields: ['hukouRegionCode', 'idNumber', 'notAField'] }),
    });
    const body = (await res.json()) as { rows: (Record<string, unknown> | null)[] };
    expect(body.rows[0]).toBeNull();
    expect(body.rows[2]).toBeNull();
    expect(Object.keys(body.rows[1]!).sort()).toEqual(['hukouRegionCode', 'idNumber']);
    const analyst = await platform.as({ sub: 'h-1', dept: 'health', roles: ['analyst'], region: '460000' });
    const masked = await fetch(url, { method: 'POST', headers: { ...analyst, 'content-type': 'application/json' }, body: JSON.stringify({ type: 'Person', keys: [haikouPerson.id], fields: ['idNumber', 'hukouRegionCode'] }) });
    // A health analyst sees identity numbers masked: the masked value must not be given as if it were the value.
    expect(((await masked.json()) as { rows: Record<string, unknown>[] }).rows[0]).toEqual({ hukouRegionCode: expect.any(String) });
  });
});
