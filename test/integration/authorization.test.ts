/**
 * Who sees what, through the gateway and straight against each subgraph: a matrix of principals times fields,
 * every bypass path, and every kind of bad token. Real HTTP servers; SQLite, or PostgreSQL with DATABASE_URL.
 */
import fs from 'node:fs';
import path from 'node:path';
import { SignJWT, generateKeyPair, importJWK, type JWK } from 'jose';
import { postGraphQL, startPlatform, type GraphQLResponse, type Platform } from '../support/platform';

let platform: Platform;
const callers: Record<string, Record<string, string>> = {};
/** Ground truth, read by the province's public security (the owner of the population register). */
let haikou: { id: string; idNumber: string; phone: string; name: string; address: string; maritalStatus: string };
let sanya: { id: string; idNumber: string; phone: string };
let provinceTotal: number;
/** Persons Haikou police may see: registered in Haikou or living there (floating population). */
let haikouVisible: { hukouRegionCode: string; addressRegionCode: string }[];

const PRINCIPALS = {
  policeProvince: { sub: 'police-hq', dept: 'public-security', roles: ['officer'], region: '460000' },
  policeHaikou: { sub: 'police-hk', dept: 'public-security', roles: ['officer'], region: '460100' },
  healthAnalyst: { sub: 'health-1', dept: 'health', roles: ['analyst'], region: '460000' },
  housingSanya: { sub: 'housing-sy', dept: 'housing', roles: ['officer'], region: '460200' },
  dashboard: { sub: 'stats-dash', dept: 'statistics', roles: ['dashboard'], region: '460000' },
  securityOfficer: { sub: 'sec-1', dept: 'data-bureau', roles: ['security-officer'] },
  developer: { sub: 'dev-1', dept: 'data-bureau', roles: ['developer'] },
  unknownRole: { sub: 'x-1', dept: 'health', roles: ['superuser'] },
  unknownDept: { sub: 'x-2', dept: 'ministry-of-magic', roles: ['officer'] },
};
type Caller = keyof typeof PRINCIPALS | 'public';

const headersOf = (caller: Caller) => (caller === 'public' ? {} : callers[caller]);
const gw = (caller: Caller, query: string, variables?: Record<string, unknown>) => platform.query(query, variables, headersOf(caller));
const direct = (domain: 'population' | 'geospatial' | 'governance', caller: Caller, query: string, variables?: Record<string, unknown>) =>
  postGraphQL(platform.subgraphs[domain].url, query, variables, headersOf(caller));

function codes(res: GraphQLResponse): string[] {
  return (res.errors ?? []).map((e) => String(e.extensions?.code));
}

beforeAll(async () => {
  platform = await startPlatform('authz', { persons: 500, seed: 23 });
  for (const [name, claims] of Object.entries(PRINCIPALS)) callers[name] = await platform.as(claims);
  const all = await gw('policeProvince', `{ hk: persons(first: 1, filter: { regionCode: "460100", status: LIVING }) { totalCount edges { node { id idNumber phone name address maritalStatus } } }
    sy: persons(first: 1, filter: { regionCode: "460200", status: LIVING }) { edges { node { id idNumber phone } } }
    all: persons(first: 500) { totalCount edges { node { hukouRegionCode addressRegionCode } } } }`);
  expect(all.errors).toBeUndefined();
  haikou = all.data.hk.edges[0].node;
  sanya = all.data.sy.edges[0].node;
  provinceTotal = all.data.all.totalCount;
  haikouVisible = all.data.all.edges
    .map((e: any) => e.node)
    .filter((p: any) => p.hukouRegionCode.startsWith('4601') || p.addressRegionCode?.startsWith('4601'));
});
afterAll(async () => {
  await platform?.stop();
});

const PERSON = `query($id: ID!) { person(id: $id) { id name birthDate idNumber phone address maritalStatus residence { region { name } place { lon lat } } } }`;

describe('field decisions for each kind of caller, through the gateway and straight to the subgraphs', () => {
  it('returns everything in full to police of the city that registers the person', async () => {
    const res = await gw('policeHaikou', PERSON, { id: haikou.id });
    expect(res.data.person).toMatchObject({ id: haikou.id, idNumber: haikou.idNumber, phone: haikou.phone, name: haikou.name, maritalStatus: haikou.maritalStatus });
    // Address points belong to natural resources: police see them masked to about 1 km.
    const { lon, lat } = res.data.person.residence.place;
    expect(Math.round(lon * 100) / 100).toBe(lon);
    expect(Math.round(lat * 100) / 100).toBe(lat);
  });

  it('hides persons of another city from city police as if they did not exist, through every path', async () => {
    const viaGateway = await gw('policeHaikou', PERSON, { id: sanya.id });
    expect(viaGateway.data.person).toBeNull();
    expect(viaGateway.errors).toBeUndefined();
    const viaEntities = await direct('population', 'policeHaikou', `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { id idNumber } } }`, { r: [{ __typename: 'Person', id: sanya.id }] });
    expect(viaEntities.data._entities).toEqual([null]);
    const byNumber = await gw('policeHaikou', `query($n: String!) { personByIdNumber(idNumber: $n) { id } }`, { n: sanya.idNumber });
    expect(byNumber.data.personByIdNumber).toBeNull();
    expect(viaGateway.body + viaEntities.body + byNumber.body).not.toContain(sanya.phone);
  });

  it('counts only the rows a caller may see, so totalCount is no oracle', async () => {
    const hk = await gw('policeHaikou', `{ all: persons(first: 0) { totalCount } sanya: persons(first: 0, filter: { regionCode: "460200" }) { totalCount } }`);
    expect(hk.data.all.totalCount).toBe(haikouVisible.length);
    expect(hk.data.sanya.totalCount).toBe(haikouVisible.filter((p) => p.hukouRegionCode.startsWith('4602')).length);
    expect(haikouVisible.length).toBeLessThan(provinceTotal);
    expect(provinceTotal).toBe(500);
  });

  it.each([
    ['healthAnalyst', 'gateway'],
    ['housingSanya', 'gateway'],
    ['healthAnalyst', 'subgraph'],
  ] as const)('returns shared fields in full and identity details masked to a %s through the %s', async (caller, via) => {
    const res =
      via === 'gateway'
        ? await gw(caller, PERSON, { id: haikou.id })
        : await direct('population', caller, `query($id: ID!) { person(id: $id) { id name birthDate idNumber phone address maritalStatus } }`, { id: haikou.id });
    const p = res.data.person;
    expect(p.name).toBe(haikou.name);
    expect(p.birthDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(p.idNumber).toBe(`${haikou.idNumber.slice(0, 4)}**********${haikou.idNumber.slice(-4)}`);
    expect(p.phone).toBe(`${haikou.phone.slice(0, 3)}****${haikou.phone.slice(-4)}`);
    expect(haikou.address.startsWith(p.address)).toBe(true);
    expect(p.address.length).toBeLessThan(haikou.address.length);
    // Marital status is CONDITIONAL with no masked form: denied, with the reason and how to ask.
    expect(p.maritalStatus).toBeNull();
    const denied = res.errors!.find((e) => e.path?.includes('maritalStatus'))!;
    expect(denied.extensions).toMatchObject({ code: 'FORBIDDEN', type: 'Person', field: 'maritalStatus', sharing: 'CONDITIONAL', owner: 'public-security' });
    expect(denied.message).toContain('request a sharing grant');
    expect(res.body).not.toContain(haikou.idNumber);
    expect(res.body).not.toContain(haikou.phone);
    expect(res.body).not.toContain(haikou.maritalStatus);
  });

  it('denies identity details outright to roles without a masked view (a security officer)', async () => {
    const res = await gw('securityOfficer', PERSON, { id: haikou.id });
    expect(res.data.person.name).toBe(haikou.name);
    expect(res.data.person.idNumber).toBeNull();
    expect(res.data.person.residence.place.lon).toBeNull();
    expect(res.errors!.filter((e) => e.path?.includes('idNumber'))[0].extensions?.code).toBe('FORBIDDEN');
    expect(res.body).not.toContain(haikou.idNumber);
  });

  it.each(['public', 'dashboard', 'unknownRole', 'unknownDept'] as const)('shows no person record at all to %s, but open region data', async (caller) => {
    const res = await gw(caller, `query($id: ID!) { person(id: $id) { id name } persons(first: 5) { totalCount edges { node { id } } } region(code: "460100") { name } }`, { id: haikou.id });
    expect(res.data.person).toBeNull();
    expect(res.data.persons).toEqual({ totalCount: 0, edges: [] });
    expect(res.data.region).toEqual({ name: '海口市' });
    expect(res.body).not.toContain(haikou.name);
    const viaEntities = await direct('population', caller, `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { id name } } }`, { r: [{ __typename: 'Person', id: haikou.id }] });
    expect(viaEntities.data._entities).toEqual([null]);
  });
});

describe('bypass paths', () => {
  it('masks through aliases, inline and named fragments, variables and nested entities alike', async () => {
    const res = await gw(
      'healthAnalyst',
      `query($id: ID!) {
        a: person(id: $id) { secret: idNumber ... on Person { phone } ...Ids household { members { person { idNumber phone } } } }
      }
      fragment Ids on Person { again: idNumber }`,
      { id: haikou.id },
    );
    expect(res.data.a.secret).toMatch(/^\d{4}\*{10}/);
    expect(res.data.a.again).toBe(res.data.a.secret);
    expect(res.data.a.phone).toMatch(/\*{4}/);
    for (const m of res.data.a.household.members) expect(m.person.idNumber).toMatch(/\*{10}/);
    expect(res.body).not.toContain(haikou.idNumber);
    expect(res.body).not.toContain(haikou.phone);
  });

  it('masks _entities sent straight to the geospatial subgraph as through the gateway', async () => {
    const res = await direct('geospatial', 'healthAnalyst', `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { residence { regionCode place { lon lat address } } } } }`, { r: [{ __typename: 'Person', id: haikou.id }] });
    const place = res.data._entities[0].residence.place;
    expect(Math.round(place.lon * 100) / 100).toBe(place.lon);
    expect(haikou.address.startsWith(place.address)).toBe(true);
    expect(place.address).not.toBe(haikou.address);
  });

  it('refuses a filter on a field the caller sees only masked, instead of answering from hidden values', async () => {
    const byFilter = await gw('healthAnalyst', `query($n: String) { persons(filter: { idNumber: $n }) { totalCount } }`, { n: haikou.idNumber });
    expect(codes(byFilter)).toEqual(['FORBIDDEN']);
    expect(byFilter.errors![0].message).toContain('Person.idNumber');
    const byLookup = await gw('healthAnalyst', `query($n: String!) { personByIdNumber(idNumber: $n) { id } }`, { n: haikou.idNumber });
    expect(codes(byLookup)).toEqual(['FORBIDDEN']);
    expect(byFilter.body + byLookup.body).not.toContain(haikou.id);
    // A filter on a field shared in full works.
    const byName = await gw('healthAnalyst', `query($p: String) { persons(filter: { namePrefix: $p }) { totalCount } }`, { p: haikou.name });
    expect(byName.data.persons.totalCount).toBeGreaterThan(0);
  });

  it('refuses spatial search over address points to callers who see locations only masked', async () => {
    const res = await gw('healthAnalyst', `{ places(within: { circle: { centre: { lon: 110.3, lat: 20.0 }, radius: 2000 } }) { totalCount } }`);
    expect(codes(res)).toEqual(['FORBIDDEN']);
  });

  it('answers introspection of the whole schema and _service only to developers and security officers', async () => {
    const introspection = `{ __schema { types { name } } }`;
    expect(codes(await direct('population', 'healthAnalyst', introspection))).toEqual(['FORBIDDEN']);
    expect((await gw('developer', introspection)).data.__schema.types.length).toBeGreaterThan(10);
    // Through the gateway, others get the schema without the fields they may never read (gateway/visible-schema.ts).
    const person = `{ __type(name: "Person") { fields { name } } }`;
    for (const caller of ['healthAnalyst', 'public'] as Caller[]) {
      const visible = (await gw(caller, person)).data.__type?.fields.map((f: { name: string }) => f.name) ?? [];
      const access = (await gw(caller, `{ myAccess(type: "Person") { fields { field decision dependsOnRecord } } }`)).data.myAccess[0].fields;
      const never = access.filter((f: any) => f.decision === 'DENIED' && !f.dependsOnRecord).map((f: any) => f.field);
      expect(never.length).toBeGreaterThan(0);
      for (const field of never) expect(visible).not.toContain(field);
    }
    expect((await gw('healthAnalyst', person)).data.__type.fields.map((f: { name: string }) => f.name)).toEqual(expect.arrayContaining(['name', 'idNumber']));
    expect(codes(await gw('healthAnalyst', `{ __schema { queryType { name } } regions { name } }`))).toEqual(['FORBIDDEN']);
    const sdl = `{ _service { sdl } }`;
    expect(codes(await direct('population', 'public', sdl))).toEqual(['FORBIDDEN']);
    expect(codes(await direct('population', 'healthAnalyst', sdl))).toEqual(['FORBIDDEN']);
    expect((await direct('population', 'securityOfficer', sdl)).data._service.sdl).toContain('type Person');
    // __typename is not introspection of the schema and stays available to all.
    expect((await gw('public', `{ __typename }`)).data.__typename).toBe('Query');
  });
});

describe('the catalogue and myAccess', () => {
  it('returns the catalogue to anyone, with owner, sharing type and sensitivity', async () => {
    const res = await gw('public', `{ catalogueType(name: "Person") { owner fields { name owner sharing sensitivity mask open } } }`);
    const idNumber = res.data.catalogueType.fields.find((f: any) => f.name === 'idNumber');
    expect(idNumber).toEqual({ name: 'idNumber', owner: 'public-security', sharing: 'CONDITIONAL', sensitivity: 'SENSITIVE', mask: 'idNumber', open: false });
    expect(res.data.catalogueType.fields.find((f: any) => f.name === 'residence').owner).toBe('natural-resources');
  });

  it('tells each caller their own access per field and why', async () => {
    const res = await gw('healthAnalyst', `{ myAccess(type: "Person") { type fields { field decision reason source sourceId } } }`);
    const byField = Object.fromEntries(res.data.myAccess[0].fields.map((f: any) => [f.field, f]));
    expect(byField.name.decision).toBe('FULL');
    expect(byField.idNumber).toMatchObject({ decision: 'MASKED', source: 'policy', sourceId: 'masked-identity-analyst' });
    expect(byField.maritalStatus.decision).toBe('DENIED');
    const police = await gw('policeHaikou', `{ myAccess(type: "Person") { fields { field decision } } }`);
    expect(police.data.myAccess[0].fields.find((f: any) => f.field === 'idNumber').decision).toBe('DENIED');
  });

  it('returns the policies in force to government callers only', async () => {
    const res = await gw('securityOfficer', `{ policies { id dept role rules } }`);
    expect(res.data.policies.map((p: any) => p.id)).toContain('police-own-area');
    const pub = await gw('public', `{ policies { id } }`);
    expect(pub.data.policies).toEqual([]);
  });
});

describe('tokens', () => {
  const QUERY = `{ persons(first: 1) { totalCount } }`;
  let privateJwk: JWK;

  beforeAll(() => {
    const keysDir = (platform.auth.jwks as { devKeysDir: string }).devKeysDir;
    privateJwk = JSON.parse(fs.readFileSync(path.join(keysDir, 'dev-signing-key.private.jwk.json'), 'utf8')) as JWK;
  });

  async function sign(options: { key?: CryptoKey | Uint8Array; kid?: string; iss?: string; aud?: string; exp?: number; nbf?: number }) {
    const key = options.key ?? (await importJWK(privateJwk, 'ES256'));
    const now = Math.floor(Date.now() / 1000);
    const jwt = new SignJWT({ dept: 'public-security', roles: ['officer'], region: '460000' })
      .setProtectedHeader({ alg: 'ES256', kid: options.kid ?? privateJwk.kid })
      .setSubject('mallory')
      .setIssuer(options.iss ?? platform.auth.issuer)
      .setAudience(options.aud ?? platform.auth.audience)
      .setIssuedAt()
      .setExpirationTime(options.exp ?? now + 600);
    if (options.nbf) jwt.setNotBefore(options.nbf);
    return jwt.sign(key);
  }

  const unsigned = () => {
    const enc = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const now = Math.floor(Date.now() / 1000);
    return `${enc({ alg: 'none', typ: 'JWT' })}.${enc({ sub: 'mallory', dept: 'public-security', roles: ['officer'], iss: platform.auth.issuer, aud: platform.auth.audience, exp: now + 600 })}.`;
  };

  const cases: [string, () => Promise<string>][] = [
    ['expired', () => sign({ exp: Math.floor(Date.now() / 1000) - 3600 })],
    ['not yet valid', () => sign({ nbf: Math.floor(Date.now() / 1000) + 3600 })],
    ['from the wrong issuer', () => sign({ iss: 'https://evil.example' })],
    ['for the wrong audience', () => sign({ aud: 'another-platform' })],
    ['signed by another key under our key id', async () => sign({ key: (await generateKeyPair('ES256')).privateKey as CryptoKey })],
    ['signed with an unknown key id', () => sign({ kid: 'dev-unknown' })],
    ['unsigned (alg none)', async () => unsigned()],
    ['garbage', async () => 'not.a.token'],
  ];

  it.each(cases)('refuses a token %s with 401 UNAUTHENTICATED and no data, at the gateway and at each subgraph', async (_, make) => {
    const headers = { authorization: `Bearer ${await make()}` };
    const viaGateway = await platform.query(QUERY, undefined, headers);
    expect(viaGateway.status).toBe(401);
    expect(codes(viaGateway)).toEqual(['UNAUTHENTICATED']);
    expect(viaGateway.data ?? null).toBeNull();
    for (const domain of ['population', 'geospatial'] as const) {
      const viaSubgraph = await postGraphQL(platform.subgraphs[domain].url, QUERY.replace('persons(first: 1) { totalCount }', '__typename'), undefined, headers);
      expect(viaSubgraph.status).toBe(401);
      expect(codes(viaSubgraph)).toEqual(['UNAUTHENTICATED']);
    }
  });

  it('treats a request without a token as the public, never as anyone else', async () => {
    const res = await platform.query(QUERY);
    expect(res.status).toBe(200);
    expect(res.data.persons.totalCount).toBe(0);
  });

  it('accepts a valid token, so the refusals above are about the token and nothing else', async () => {
    const res = await platform.query(QUERY, undefined, { authorization: `Bearer ${await sign({})}` });
    expect(res.data.persons.totalCount).toBe(provinceTotal);
  });
});
