// Row filters run against a real MikroORM entity in in-memory SQLite: the rows SQL returns must be
// exactly the rows the in-memory field check allows, NULLs included.
import { MikroORM } from '@mikro-orm/better-sqlite';
import { EntitySchema } from '@mikro-orm/core';
import type { FilterQuery } from '@mikro-orm/core';
import { allows, buildAbility, defineCatalogue, mergeCatalogues, PolicyError, rowFilter, toMikroOrmWhere } from '../../../auth';
import type { ConditionNode, Principal, RequestAbility, RolePolicy, RowFilter } from '../../../auth';
import { NOW, principals, sampleCatalogue, sampleGrants, samplePolicies } from './fixtures';

interface PersonRow {
  id: string;
  name: string;
  idNumber: string;
  address: string;
  phone: string;
  city: string | null;
  county: string | null;
  status: string | null;
  score: number | null;
}

const PersonEntity = new EntitySchema<PersonRow>({
  name: 'PersonRow',
  tableName: 'person',
  properties: {
    id: { type: 'string', primary: true },
    name: { type: 'string' },
    idNumber: { type: 'string' },
    address: { type: 'string' },
    phone: { type: 'string' },
    city: { type: 'string', nullable: true },
    county: { type: 'string', nullable: true },
    status: { type: 'string', nullable: true },
    score: { type: 'integer', nullable: true },
  },
});

// GraphQL field -> entity property.
const FIELD_MAP = { cityCode: 'city', regionCode: 'county' };

const ROWS: [string, string | null, string | null, string | null, number | null][] = [
  ['p1', '460100', '460106', 'active', 80],
  ['p2', '460200', '460202', 'archived', 40],
  ['p3', '460100', '460105', null, null],
  ['p4', null, null, 'active', 95],
  ['p5', '460400', '460400', 'archived', 55],
  ['p6', '460200', '460203', 'archived', 90],
];

const auditorPolicy: RolePolicy = {
  id: 'audit-mix',
  dept: 'data-bureau',
  role: 'auditor',
  rules: [
    { action: 'read', subject: 'Person', fields: ['status'], conditions: { $or: [{ cityCode: { $in: ['460100', '460400'] } }, { status: { $ne: null }, score: { $gte: 50 } }] } },
    { action: 'read', subject: 'Person', fields: ['status'], conditions: { score: { $gt: 85, $lte: 100 } } },
    { inverted: true, action: 'read', subject: 'Person', fields: ['status'], conditions: { $not: { regionCode: { $like: '4601%' } }, status: { $nin: ['archived'] } } },
    { inverted: true, action: 'read', subject: 'Person', fields: ['status'], conditions: { score: { $lt: 45 } } },
  ],
};

let orm: MikroORM;

beforeAll(async () => {
  orm = await MikroORM.init({ entities: [PersonEntity], dbName: ':memory:', allowGlobalContext: true, debug: false });
  await orm.schema.createSchema();
  const em = orm.em.fork();
  for (const [id, city, county, status, score] of ROWS) {
    em.create(PersonEntity, { id, name: `name-${id}`, idNumber: '460105199001011234', address: '海南省', phone: '13812345678', city, county, status, score });
  }
  await em.flush();
});

afterAll(async () => {
  await orm.close();
});

function setup() {
  const extra = defineCatalogue('public-security', { Person: { extension: true, fields: { status: 'CONDITIONAL', score: 'CONDITIONAL' } } });
  const catalogue = mergeCatalogues(sampleCatalogue(), extra);
  const policies = [...samplePolicies(), auditorPolicy];
  const abilityFor = (principal: Principal) => buildAbility({ principal, catalogue, policies, grants: sampleGrants(), now: NOW });
  const select = async (filter: RowFilter<PersonRow>): Promise<string[]> => {
    if (filter.kind === 'none') return [];
    const where: FilterQuery<PersonRow> = filter.kind === 'all' ? {} : filter.where;
    const rows = await orm.em.fork().find(PersonEntity, where, { orderBy: { id: 'asc' } });
    return rows.map((r) => r.id);
  };
  // The same rows as GraphQL records, for the in-memory check.
  const records = ROWS.map(([id, cityCode, regionCode, status, score]) => ({ id, cityCode, regionCode, status, score }));
  const inMemory = (ability: RequestAbility, field: string) => records.filter((r) => allows(ability, 'read', 'Person', field, r)).map((r) => r.id);
  return { abilityFor, select, inMemory };
}

const auditor: Principal = { kind: 'government', sub: 'aud-1', dept: 'data-bureau', roles: ['auditor'], region: null, client: null, purpose: null };

describe(rowFilter.name, () => {
  it('returns none for the public, so the query can be skipped', async () => {
    const { abilityFor } = setup();
    expect(rowFilter(abilityFor(principals.public), 'read', 'Person', FIELD_MAP)).toEqual({ kind: 'none' });
  });

  it('returns only the persons of the officer city, excluding unknown cities (inverted region rule)', async () => {
    const { abilityFor, select } = setup();
    const filter = rowFilter<PersonRow>(abilityFor(principals.police), 'read', 'Person', FIELD_MAP);
    expect(filter).toEqual({ kind: 'where', where: { $not: { city: { $ne: '460100' } } } });
    expect(await select(filter)).toEqual(['p1', 'p3']);
  });

  it('returns all rows when some field is readable everywhere, and region rows for a region-limited field', async () => {
    const { abilityFor, select } = setup();
    const ability = abilityFor(principals.housingOfficer);
    expect(rowFilter(ability, 'read', 'Person', FIELD_MAP)).toEqual({ kind: 'all' });
    expect(await select(rowFilter(ability, 'read', 'Person', FIELD_MAP, { fields: ['address'] }))).toEqual(['p2', 'p6']);
  });

  it('returns the granted region rows for a purpose-bound grant, and none without the purpose', async () => {
    const { abilityFor, select } = setup();
    const filter = rowFilter<PersonRow>(abilityFor(principals.housingOfficerWithPurpose), 'read', 'Person', FIELD_MAP, { fields: ['idNumber'] });
    expect(filter).toEqual({ kind: 'where', where: { county: { $like: '4602%' } } });
    expect(await select(filter)).toEqual(['p2', 'p6']);
    expect(rowFilter(abilityFor(principals.housingOfficer), 'read', 'Person', FIELD_MAP, { fields: ['idNumber'] })).toEqual({ kind: 'none' });
  });

  it('returns none for read but all for read or readMasked for dashboards', async () => {
    const { abilityFor } = setup();
    const ability = abilityFor(principals.statsDashboard);
    expect(rowFilter(ability, 'read', 'Person', FIELD_MAP)).toEqual({ kind: 'none' });
    expect(rowFilter(ability, ['read', 'readMasked'], 'Person', FIELD_MAP)).toEqual({ kind: 'all' });
    expect(rowFilter(ability, 'aggregate', 'Person', FIELD_MAP)).toEqual({ kind: 'all' });
  });

  it('returns rows for $or, $and, $not, $in, $nin, $like, ranges and NULLs exactly as the field check decides', async () => {
    const { abilityFor, select, inMemory } = setup();
    const ability = abilityFor(auditor);
    const sql = await select(rowFilter(ability, 'read', 'Person', FIELD_MAP, { fields: ['status'] }));
    expect(sql).toEqual(['p1', 'p5', 'p6']);
    expect(inMemory(ability, 'status')).toEqual(sql);
  });

  it('returns the same rows from SQL as the in-memory check for every principal and field', async () => {
    const { abilityFor, select, inMemory } = setup();
    const everyone = [...Object.values(principals), auditor];
    for (const principal of everyone) {
      const ability = abilityFor(principal);
      for (const field of ['id', 'name', 'idNumber', 'address', 'phone', 'cityCode', 'status']) {
        const sql = await select(rowFilter(ability, 'read', 'Person', FIELD_MAP, { fields: [field] }));
        expect({ who: principal.sub, field, rows: sql }).toEqual({ who: principal.sub, field, rows: inMemory(ability, field) });
      }
    }
  });

  it('throws from MikroORM when a condition field is not an entity property, so a missing fieldMap fails closed', async () => {
    const { abilityFor, select } = setup();
    const filter = rowFilter<PersonRow>(abilityFor(principals.police), 'read', 'Person');
    await expect(select(filter)).rejects.toThrow(/not existing property/);
  });
});

describe(toMikroOrmWhere.name, () => {
  it('throws a PolicyError for an operator it cannot translate', () => {
    expect(() => toMikroOrmWhere({ op: 'regex', field: 'a' } as unknown as ConditionNode)).toThrow(PolicyError);
  });
});
