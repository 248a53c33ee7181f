/**
 * The audit trail end to end: records written by the subgraph that served the data (through the gateway and
 * straight to a subgraph), for protected reads, denials, aggregates and writes; auditors query it through the
 * graph and nobody else can; a failing audit store withholds protected data; every chain verifies afterwards.
 * Real HTTP servers; SQLite, or PostgreSQL with DATABASE_URL.
 */
import { verifyChain } from '../../subgraphs/kit/audit/chain';
import { AuditRecord } from '../../subgraphs/kit/audit/records';
import { toJson, type AuditJson } from '../../subgraphs/kit/audit/trail';
import { DOMAINS, type DomainName } from '../../subgraphs/kit/config';
import { postGraphQL, startPlatform, type Platform } from '../support/platform';

let platform: Platform;
let police: Record<string, string>;
let analyst: Record<string, string>;
let auditor: Record<string, string>;
let developer: Record<string, string>;
let person: { id: string; idNumber: string };

async function trailOf(domain: DomainName): Promise<AuditJson[]> {
  const rows = await platform.subgraphs[domain].db.orm.em.fork().find(AuditRecord, {}, { orderBy: { seq: 'asc' }, disableIdentityMap: true });
  return rows.map((r) => toJson(r as never));
}

async function recordOf(domain: DomainName, requestId: string): Promise<AuditJson[]> {
  return (await trailOf(domain)).filter((r) => r.requestId === requestId);
}

const withId = (headers: Record<string, string>, id: string) => ({ ...headers, 'x-request-id': id });

beforeAll(async () => {
  platform = await startPlatform('audit', { persons: 300, seed: 11 });
  police = await platform.as({ sub: 'police-1', dept: 'public-security', roles: ['officer'], region: '460000' });
  analyst = await platform.as({ sub: 'health-analyst-1', dept: 'health', roles: ['analyst'], region: '460100' }, 'epidemiology');
  auditor = await platform.as({ sub: 'auditor-1', dept: 'data-bureau', roles: ['auditor'] });
  developer = await platform.as({ sub: 'dev-1', dept: 'data-bureau', roles: ['developer'] });
  const res = await platform.query(`{ persons(first: 1, filter: { status: LIVING, regionCode: "460100" }) { edges { node { id idNumber } } } }`, undefined, police);
  person = res.data.persons.edges[0].node;
});
afterAll(async () => {
  await platform?.stop();
});

describe('what is recorded', () => {
  it('records a protected read with caller, purpose, operation, document hash, decisions and record keys', async () => {
    const res = await platform.query(`query PersonCard($id: ID!) { person(id: $id) { id name idNumber } }`, { id: person.id }, withId(analyst, 'req-read-1'));
    expect(res.errors).toBeUndefined();
    expect(res.data.person.idNumber).toMatch(/\*/); // masked for health
    const [record, ...more] = await recordOf('population', 'req-read-1');
    expect(more).toHaveLength(0);
    expect(record).toMatchObject({ kind: 'read', sub: 'health-analyst-1', dept: 'health', roles: ['analyst'], region: '460100', purpose: 'epidemiology', recordKeys: [`Person:${person.id}`] });
    expect(record!.operationName).toMatch(/PersonCard/);
    expect(record!.documentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(record!.fields).toContainEqual(['Person.idNumber', 'MASKED', 1]);
    // name is UNCONDITIONAL and not sensitive: not a protected read.
    expect(record!.fields.map((f) => f[0])).not.toContain('Person.name');
  });

  it('records denials with the refused field and the record', async () => {
    const res = await platform.query(`query($id: ID!) { person(id: $id) { maritalStatus } }`, { id: person.id }, withId(analyst, 'req-deny-1'));
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const [record] = await recordOf('population', 'req-deny-1');
    expect(record).toMatchObject({ kind: 'denial', recordKeys: [`Person:${person.id}`] });
    expect(record!.fields).toContainEqual(['Person.maritalStatus', 'DENIED', 1]);
  });

  it('records aggregates, and nothing for open data', async () => {
    await platform.query(`{ persons(first: 0) { totalCount } }`, undefined, withId(police, 'req-agg-1'));
    expect((await recordOf('population', 'req-agg-1'))[0]).toMatchObject({ kind: 'aggregate' });
    await platform.query(`{ region(code: "460100") { name } }`, undefined, { 'x-request-id': 'req-open-1' });
    expect(await recordOf('geospatial', 'req-open-1')).toEqual([]);
  });

  it('records a request sent straight to a subgraph, in that subgraph', async () => {
    const res = await postGraphQL(platform.subgraphs.population.url, `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { idNumber phone } } }`, { r: [{ __typename: 'Person', id: person.id }] }, withId(police, 'req-direct-1'));
    expect(res.data._entities[0].idNumber).toBe(person.idNumber);
    const [record] = await recordOf('population', 'req-direct-1');
    expect(record).toMatchObject({ kind: 'read', sub: 'police-1', recordKeys: [`Person:${person.id}`] });
    expect(record!.fields).toEqual(expect.arrayContaining([['Person.idNumber', 'FULL', 1], ['Person.phone', 'FULL', 1]]));
  });

  it('records a write in its own transaction, with the written fields and the record key', async () => {
    const page = await platform.query(`{ persons(first: 1, filter: { status: LIVING }) { edges { node { household { id } } } } }`, undefined, police);
    const household = page.data.persons.edges[0].node.household.id;
    const input = { name: '李审计', gender: 'FEMALE', birthDate: new Date().toISOString().slice(0, 10), ethnicityCode: '01', householdId: household };
    const res = await platform.query(`mutation($input: RegisterBirthInput!) { registerBirth(input: $input, idempotencyKey: "audit-birth-0001") { id } }`, { input }, withId(police, 'req-write-1'));
    expect(res.errors).toBeUndefined();
    const records = await recordOf('population', 'req-write-1');
    const write = records.find((r) => r.kind === 'write');
    expect(write).toMatchObject({ sub: 'police-1', recordKeys: [`Person:${res.data.registerBirth.id}`] });
    expect(write!.fields.map((f) => f[1])).toEqual(expect.arrayContaining(['WRITTEN']));
  });
});

describe('auditors', () => {
  it("answers 'who looked at this person?' across subgraphs, paginated, to auditors", async () => {
    await platform.query(`query($id: ID!) { person(id: $id) { healthRecord { bloodType } } }`, { id: person.id }, withId(police, 'req-health-1'));
    const query = `query($f: AuditFilter, $after: String) { auditRecords(filter: $f, first: 2, after: $after) { edges { node { id writer sub purpose kind recordKeys fields { field decision count } } } pageInfo { hasNextPage endCursor } } }`;
    const seen: any[] = [];
    let after: string | null = null;
    for (let i = 0; i < 10; i += 1) {
      const res: any = await platform.query(query, { f: { recordKey: `Person:${person.id}` }, after }, auditor);
      expect(res.errors).toBeUndefined();
      seen.push(...res.data.auditRecords.edges.map((e: any) => e.node));
      if (!res.data.auditRecords.pageInfo.hasNextPage) break;
      after = res.data.auditRecords.pageInfo.endCursor;
    }
    expect(new Set(seen.map((n) => n.id)).size).toBe(seen.length);
    expect(seen.map((n) => n.writer)).toEqual(expect.arrayContaining(['population', 'health']));
    expect(seen.find((n) => n.sub === 'health-analyst-1')).toMatchObject({ purpose: 'epidemiology' });
    const bySub = await platform.query(query, { f: { sub: 'health-analyst-1', kind: 'denial', domain: 'population' } }, auditor);
    expect(bySub.data.auditRecords.edges.map((e: any) => e.node.kind)).toEqual(['denial']);
    const byField = await platform.query(query, { f: { field: 'HealthRecord.bloodType' } }, auditor);
    expect(byField.data.auditRecords.edges[0].node.writer).toBe('health');
  });

  it('refuses everyone else, the data bureau\'s developers and straight requests to a subgraph included', async () => {
    for (const headers of [developer, police, {}]) {
      const res = await platform.query(`{ auditRecords(first: 1) { edges { node { id } } } }`, undefined, headers);
      expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    const direct = await postGraphQL(platform.subgraphs.health.url, `{ auditTrail(first: 1) { records } }`, undefined, police);
    expect(direct.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(direct.body).not.toContain('health-analyst-1');
  });

  it('gives auditors the anomaly report of a period', async () => {
    const res = await platform.query(`query($from: String!, $to: String!) { auditAnomalies(from: $from, to: $to) { rule sub count records } }`, { from: new Date(Date.now() - 3600_000).toISOString(), to: new Date(Date.now() + 60_000).toISOString() }, auditor);
    expect(res.errors).toBeUndefined();
    expect(Array.isArray(res.data.auditAnomalies)).toBe(true);
  });
});

describe('fail closed', () => {
  it('withholds protected values, with AUDIT_UNAVAILABLE, while the audit store cannot be written', async () => {
    const { db } = platform.subgraphs.population;
    const conn = db.orm.em.getConnection();
    const schema = db.config.driver === 'postgresql' ? `"${db.config.schema}".` : '';
    await conn.execute(`alter table ${schema}audit_record rename to audit_record_off`);
    try {
      const res = await platform.query(`query($id: ID!) { person(id: $id) { id name idNumber } }`, { id: person.id }, police);
      expect(res.data.person).toMatchObject({ id: person.id, idNumber: null });
      expect(res.errors?.map((e) => e.extensions?.code)).toContain('AUDIT_UNAVAILABLE');
      expect(res.errors?.[0]?.message).toMatch(/Auditing is unavailable/);
      expect(res.body).not.toContain(person.idNumber);
      const write = await platform.query(`mutation($id: ID!) { registerDeath(personId: $id, expectedVersion: 1, date: "2026-01-01", idempotencyKey: "audit-death-0001") { id } }`, { id: person.id }, police);
      expect(write.errors?.[0]?.extensions?.code).toBe('AUDIT_UNAVAILABLE');
    } finally {
      await conn.execute(`alter table ${schema}audit_record_off rename to audit_record`);
    }
    const again = await platform.query(`query($id: ID!) { person(id: $id) { status idNumber } }`, { id: person.id }, police);
    expect(again.data.person).toEqual({ status: 'LIVING', idNumber: person.idNumber }); // the refused write wrote nothing
  });
});

describe('integrity', () => {
  it('verifies every chain after all of the above', async () => {
    for (const domain of DOMAINS) {
      const report = await verifyChain(platform.subgraphs[domain].db.orm.em.fork(), domain);
      expect(report).toMatchObject({ ok: true });
      expect(report.head.seq).toBe(report.records);
    }
  });
});
