/**
 * The permission matrix and "who can see this?" (issue 18): the matrix's cells must be what the subgraphs actually
 * serve. (a) 200 (caller, type, field) triples drawn with a fixed seed, each cell compared with a real record read
 * through the gateway by a token for that column's caller; (b) whoCanSee and grants; (c) who may ask, bad input.
 */
import { buildAbility, conditionFields, maskValue, testPrincipal } from '../../auth';
import { PLATFORM_CATALOGUE } from '../../subgraphs/platform-catalogue';
import { loadInForce } from '../../subgraphs/kit/policy-store';
import { todayInChina } from '../../subgraphs/kit/scalars';
import { readPlatformModel, World, type Row, type TypeModel } from '../support/one-decision';
import { GENEROUS_QUERY_LIMITS, startPlatform, type GraphQLResponse, type Platform } from '../support/platform';

const SEED = 18_2026;
const TRIPLES = 200;
const PROVINCE = '460000';

let platform: Platform;
let world: World;
let types: TypeModel[];
let so: Record<string, string>;
let policeSO: Record<string, string>;
let officer: Record<string, string>;

/** mulberry32: a tiny seeded generator, so the draws are the same on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const MATRIX = `query($type: String!, $region: String) { accessMatrix(type: $type, region: $region) {
  type version region columns { dept role }
  rows { field owner sharing mask cells { dept role decision decisionInScope reason source sourceId dependsOnRecord condition } } } }`;
const WHO = `query($type: String!, $field: String!, $key: String, $region: String) { whoCanSee(type: $type, field: $field, key: $key, region: $region) {
  dept role decision decisionInScope reason source sourceId dependsOnRecord condition grants { grantId requesterDept purpose expiresAt region decision } } }`;

interface Cell {
  dept: string;
  role: string;
  decision: string;
  decisionInScope: string;
  reason: string;
  dependsOnRecord: boolean;
  condition: string | null;
}

beforeAll(async () => {
  platform = await startPlatform('access-matrix', { persons: 200, seed: 5, queryLimits: GENEROUS_QUERY_LIMITS, rateLimits: false });
  so = await platform.as({ sub: 'so-matrix', dept: 'data-bureau', roles: ['security-officer'] });
  policeSO = await platform.as({ sub: 'so-police', dept: 'public-security', roles: ['security-officer'] });
  officer = await platform.as({ sub: 'officer-1', dept: 'health', roles: ['officer'], region: PROVINCE });
  world = new World(platform);
  types = readPlatformModel(PLATFORM_CATALOGUE).types.filter((t) => t.fields.length > 0);
  for (const t of types) await world.load(t.owner, t.entity);
}, 240_000);

afterAll(async () => {
  await platform?.stop();
});

/** The stored value as the API would answer it, or undefined when it cannot be compared as a plain value. */
function plain(stored: unknown): unknown {
  if (stored === null || stored === undefined) return null;
  if (stored instanceof Date) return undefined;
  return typeof stored === 'object' ? undefined : stored;
}

function same(answer: unknown, stored: unknown): boolean {
  if (typeof answer === 'number' && typeof stored === 'string') return Math.abs(answer - Number(stored)) < 1e-6;
  // JSON columns (GeoJSON boundaries) are stored as text and answered as objects.
  if (typeof answer === 'object' && answer !== null && typeof stored === 'string') return JSON.stringify(answer) === JSON.stringify(JSON.parse(stored));
  return answer === stored;
}

const isRegionField = (f: string) => /regioncode$/i.test(f);

describe('the matrix is what the subgraphs serve', () => {
  it(`for ${TRIPLES} random (caller, type, field) triples (seed ${SEED}), one in four depending on the record`, async () => {
    const next = random(SEED);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
    const matrices = new Map<string, { columns: { dept: string; role: string }[]; rows: { field: string; mask: string; cells: Cell[] }[] }>();
    const inForce = await loadInForce(platform.subgraphs.governance.db.orm.em.fork());
    let compared = 0;
    let comparedInScope = 0;
    const skipped: string[] = [];
    const failures: string[] = [];
    for (const t of types) {
      const res = await platform.query(MATRIX, { type: t.name }, so);
      expect(res.errors).toBeUndefined();
      matrices.set(t.name, res.data.accessMatrix);
    }
    // One draw in four among the cells that depend on the record, where a matrix and a subgraph are easiest to part.
    const dependent = types.flatMap((t) =>
      t.fields.flatMap((f) => (matrices.get(t.name)!.rows.find((r) => r.field === f.name)?.cells ?? []).filter((c) => c.dependsOnRecord).map((c) => ({ type: t, field: f, column: { dept: c.dept, role: c.role } }))),
    );
    for (let i = 0; i < TRIPLES; i++) {
      let type: TypeModel;
      let field: TypeModel['fields'][number];
      let column: { dept: string; role: string };
      if (i % 4 === 3 && dependent.length > 0) ({ type, field, column } = pick(dependent));
      else {
        type = pick(types);
        field = pick(type.fields);
        column = pick(matrices.get(type.name)!.columns);
      }
      const matrix = matrices.get(type.name)!;
      const row = matrix.rows.find((r) => r.field === field.name)!;
      const cell = row.cells.find((c) => c.dept === column.dept && c.role === column.role)!;
      const rows = world.rows(type.owner, type.name);
      let expected = cell.decision;
      let candidates: readonly Row[] = rows;
      if (cell.dependsOnRecord) {
        // Compared only where the row conditions are about the region: the province-wide caller's own area then holds
        // every record of the province (picked so that each region field is inside it); other conditions are skipped.
        const ability = buildAbility({ principal: testPrincipal({ dept: column.dept, roles: [column.role], region: PROVINCE, purpose: null }), catalogue: PLATFORM_CATALOGUE, policies: inForce.policies, grants: inForce.grants });
        const fields = conditionFields(ability, type.name);
        if (!fields.every(isRegionField)) {
          skipped.push(`${column.dept}/${column.role} ${type.name}.${field.name}: ${cell.condition}`);
          continue;
        }
        candidates = rows.filter((r) => fields.every((f) => String(r[f] ?? '').startsWith('46')));
        expected = cell.decisionInScope;
        if (candidates.length > 0) comparedInScope += 1;
      }
      if (candidates.length === 0) {
        skipped.push(`${type.name}: no record`);
        continue;
      }
      const record = pick(candidates);
      const key = String(record[type.key]);
      const headers = await platform.as({ sub: `matrix-${column.dept}-${column.role}`, dept: column.dept, roles: [column.role], region: PROVINCE });
      const selection = field.leaf ? field.name : `${field.name} { __typename }`;
      const res: GraphQLResponse = await platform.query(`{ ${type.lookup}(${type.key}: ${JSON.stringify(key)}) { ${selection} } }`, undefined, headers);
      compared += 1;
      const holder = res.data?.[type.lookup] as Record<string, unknown> | null | undefined;
      const value = holder?.[field.name];
      const errors = (res.errors ?? []).filter((e) => e.path?.length === 2 && e.path[0] === type.lookup && e.path[1] === field.name);
      const stored = world.hasColumn(type.owner, type.name, field.name) && field.leaf ? plain(record[field.name]) : undefined;
      const where = `${column.dept}/${column.role} ${type.name}.${field.name} of ${key}: matrix says ${expected} (${cell.reason})`;
      switch (expected) {
        case 'FULL':
          if (!holder) failures.push(`${where}, but the record is hidden ${JSON.stringify(res.errors?.[0]?.message ?? '')}`);
          else if (errors.length > 0) failures.push(`${where}, but got ${String(errors[0]!.extensions?.code)}`);
          else if (stored !== undefined && !same(value ?? null, stored)) failures.push(`${where}, but got ${JSON.stringify(value)} where the owner stores ${JSON.stringify(stored)}`);
          break;
        case 'MASKED':
          if (!holder) failures.push(`${where}, but the record is hidden`);
          else if (errors.length > 0) failures.push(`${where}, but got ${String(errors[0]!.extensions?.code)}`);
          else if (typeof stored === 'string' && (value === stored || value !== maskValue(row.mask as never, stored))) failures.push(`${where}, but got ${JSON.stringify(value)}, not the mask of the stored value`);
          break;
        default: // DENIED, AGGREGATE_ONLY: nothing to read
          if (holder && value !== null && value !== undefined) failures.push(`${where}, but got ${JSON.stringify(value)}`);
          else if (holder && !errors.some((e) => e.extensions?.code === 'FORBIDDEN')) failures.push(`${where}, but got no FORBIDDEN error`);
      }
    }
    expect(failures).toEqual([]);
    // Most cells are compared; the skipped ones depend on conditions other than the region (e.g. the requesting department).
    expect(compared).toBeGreaterThanOrEqual(TRIPLES * 0.8);
    // Cells that depend on the record (police's own area, statistics by area) are among them, judged in scope.
    expect(comparedInScope).toBeGreaterThan(0);
  }, 240_000);

  it('names the columns from the policies and owners, and puts row conditions in words', async () => {
    const res = await platform.query(MATRIX, { type: 'Person' }, so);
    expect(res.errors).toBeUndefined();
    const m = res.data.accessMatrix;
    expect(m).toMatchObject({ type: 'Person', version: 1, region: PROVINCE });
    expect(m.columns).toContainEqual({ dept: 'public-security', role: 'officer' });
    expect(m.columns).toContainEqual({ dept: 'statistics', role: 'dashboard' });
    // No policy of the province names developers.
    expect(m.columns.some((c: any) => c.role === 'developer')).toBe(false);
    const name = m.rows.find((r: any) => r.field === 'name');
    const police = name.cells.find((c: any) => c.dept === 'public-security' && c.role === 'officer');
    expect(police).toMatchObject({ decision: 'DENIED', decisionInScope: 'FULL', dependsOnRecord: true });
    expect(police.condition).toMatch(/police-own-area: only where hukouRegionCode is in the caller's own region or addressRegionCode is in the caller's own region/);
    const dashboard = name.cells.find((c: any) => c.dept === 'statistics' && c.role === 'dashboard');
    expect(dashboard.decisionInScope).toBe('AGGREGATE_ONLY');
    const phone = m.rows.find((r: any) => r.field === 'phone');
    expect(phone.cells.find((c: any) => c.dept === 'health' && c.role === 'analyst')).toMatchObject({ decision: 'MASKED', source: 'policy', sourceId: 'masked-identity-analyst', dependsOnRecord: false, condition: null });
  });
});

describe('who can see this?', () => {
  const entry = (list: any[], dept: string, role: string) => list.find((e) => e.dept === dept && e.role === role);
  const inDays = (days: number) => new Date(Date.parse(`${todayInChina()}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

  it('lists every department and role for Person.phone, and a grant widens health officers once approved', async () => {
    const before = await platform.query(WHO, { type: 'Person', field: 'phone' }, so);
    expect(before.errors).toBeUndefined();
    expect(before.data.whoCanSee).toHaveLength(9 * 7);
    expect(entry(before.data.whoCanSee, 'health', 'officer')).toMatchObject({ decision: 'MASKED', grants: [] });
    expect(entry(before.data.whoCanSee, 'public-security', 'analyst')).toMatchObject({ decision: 'FULL', source: 'catalogue' });

    const healthOfficer = await platform.as({ sub: 'health-2', dept: 'health', roles: ['officer'] });
    const requested = await platform.query(`mutation($input: GrantRequestInput!) { requestGrant(input: $input) { id } }`, {
      input: { scope: [{ type: 'Person', fields: ['phone'] }], purpose: 'epidemic-tracing', legalBasis: 'Law on the Prevention and Control of Infectious Diseases, art. 12', expiresOn: inDays(30) },
    }, healthOfficer);
    expect(requested.errors).toBeUndefined();
    const id = requested.data.requestGrant.id;
    const approved = await platform.query(`mutation($id: ID!) { approveGrantRequest(id: $id, reason: "tracing") { state } }`, { id }, policeSO);
    expect(approved.data?.approveGrantRequest.state).toBe('APPROVED');

    // Governance reads the grants in force like every subgraph (hot reload): poll until it has the new one.
    let after: any[] = [];
    for (const until = Date.now() + 10_000; Date.now() < until; await new Promise((r) => setTimeout(r, 50))) {
      after = (await platform.query(WHO, { type: 'Person', field: 'phone' }, so)).data.whoCanSee;
      if (entry(after, 'health', 'officer').grants.length > 0) break;
    }
    const health = entry(after, 'health', 'officer');
    expect(health.decision).toBe('MASKED');
    expect(health.grants).toEqual([expect.objectContaining({ grantId: id, requesterDept: 'health', purpose: 'epidemic-tracing', region: null, decision: 'FULL' })]);
    expect(entry(after, 'education', 'officer').grants).toEqual([]);
  });

  it('with a key, judges that record: a Haikou police officer sees a Haikou person, not a Sanya one', async () => {
    const persons = world.rows('population', 'Person');
    const haikou = persons.find((p) => String(p.hukouRegionCode).startsWith('4601') && String(p.addressRegionCode).startsWith('4601'))!;
    const sanya = persons.find((p) => !String(p.hukouRegionCode).startsWith('4601') && !String(p.addressRegionCode).startsWith('4601'))!;
    const ask = async (key: string) => (await platform.query(WHO, { type: 'Person', field: 'name', key, region: '460100' }, so)).data.whoCanSee;
    expect(entry(await ask(String(haikou.id)), 'public-security', 'officer')).toMatchObject({ decision: 'FULL', decisionInScope: 'FULL' });
    const outside = entry(await ask(String(sanya.id)), 'public-security', 'officer');
    expect(outside).toMatchObject({ decision: 'DENIED', dependsOnRecord: true, sourceId: 'police-own-area' });
    expect(outside.condition).toMatch(/own region/);
    const missing = await platform.query(WHO, { type: 'Person', field: 'name', key: 'NOPE' }, so);
    expect(missing.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'key' });
  });
});

describe('who may ask', () => {
  it('refuses plain officers: FORBIDDEN', async () => {
    const m = await platform.query(MATRIX, { type: 'Person' }, officer);
    expect(m.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const w = await platform.query(WHO, { type: 'Person', field: 'phone' }, officer);
    expect(w.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('answers auditors', async () => {
    const auditor = await platform.as({ sub: 'aud-1', dept: 'data-bureau', roles: ['auditor'] });
    const m = await platform.query(MATRIX, { type: 'Enterprise' }, auditor);
    expect(m.errors).toBeUndefined();
    expect(m.data.accessMatrix.rows.length).toBeGreaterThan(0);
  });

  it('names an unknown type or field: BAD_USER_INPUT', async () => {
    const m = await platform.query(MATRIX, { type: 'Persn' }, so);
    expect(m.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'type' });
    expect(m.errors?.[0].message).toMatch(/Persn/);
    const t = await platform.query(WHO, { type: 'Persn', field: 'phone' }, so);
    expect(t.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'type' });
    const f = await platform.query(WHO, { type: 'Person', field: 'salary' }, so);
    expect(f.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'field' });
    expect(f.errors?.[0].message).toMatch(/Person\.salary/);
    const r = await platform.query(MATRIX, { type: 'Person', region: '46' }, so);
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'region' });
  });
});
