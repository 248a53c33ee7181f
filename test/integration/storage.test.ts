/** The kit's storage: additive schema changes, and seeding that is deterministic, idempotent and careful with data. */
import { createHash } from 'node:crypto';
import { defineEntity, p } from '@mikro-orm/core';
import { openDatabase, type Database } from '../../subgraphs/kit/orm';
import { SeedRun, seedDomains } from '../../subgraphs/kit/seed';
import { population } from '../../subgraphs/population';
import { Household, Person } from '../../subgraphs/population/entities';
import { DRIVER, testDatabases } from '../support/database';

function setup() {
  const databases = testDatabases('storage');
  const opened: Database[] = [];
  const open = async (config = databases.configFor('population')) => {
    const db = await openDatabase(config, [...population.entities, SeedRun]);
    opened.push(db);
    return db;
  };
  const teardown = async () => {
    for (const db of opened) await db.close();
    await databases.cleanup();
  };
  return { databases, open, teardown };
}

async function fingerprint(db: Database): Promise<string> {
  const rows = await db.orm.em.fork().find(Person, {}, { orderBy: { id: 'asc' }, disableIdentityMap: true });
  return createHash('sha256').update(JSON.stringify(rows.map((r) => [r.id, r.idNumber, r.name, r.birthDate, r.householdId]))).digest('hex');
}

const target = (db: Database) => [{ definition: population, db }];

describe(`openDatabase on ${DRIVER}`, () => {
  let env: ReturnType<typeof setup>;
  beforeEach(() => {
    env = setup();
  });
  afterEach(async () => {
    await env.teardown();
  });

  it('keeps existing rows and adds new columns when the schema grows', async () => {
    const config = env.databases.configFor('population');
    const ThingV1 = defineEntity({ name: 'Thing', tableName: 'thing', properties: { id: p.string().primary(), name: p.string() } });
    const v1 = await openDatabase(config, [ThingV1]);
    await v1.orm.em.fork().insert(ThingV1, { id: 't1', name: 'kept' });
    await v1.close();
    const ThingV2 = defineEntity({ name: 'Thing', tableName: 'thing', properties: { id: p.string().primary(), note: p.string().nullable() } });
    const v2 = await openDatabase(config, [ThingV2]);
    try {
      // v2 no longer maps "name": the column must still be there with its data, and "note" must have been added.
      const table = config.driver === 'postgresql' ? `"${config.schema}".thing` : 'thing';
      const rows = await v2.orm.em.getConnection().execute(`select * from ${table}`);
      expect(rows).toEqual([expect.objectContaining({ id: 't1', name: 'kept', note: null })]);
    } finally {
      await v2.close();
    }
  });

  it('reports readiness through ping', async () => {
    const db = await env.open();
    expect(await db.ping()).toBe(true);
  });
});

describe(`seedDomains on ${DRIVER}`, () => {
  let env: ReturnType<typeof setup>;
  beforeEach(() => {
    env = setup();
  });
  afterEach(async () => {
    await env.teardown();
  });

  it('returns the same rows for the same seed in two databases, and different rows for another seed', async () => {
    const a = await env.open(env.databases.configFor('population'));
    const b = await env.open({ ...env.databases.configFor('geospatial') });
    await seedDomains(target(a), { persons: 250, seed: 3 });
    await seedDomains(target(b), { persons: 250, seed: 3 });
    expect(await fingerprint(a)).toBe(await fingerprint(b));
    expect(await a.orm.em.fork().count(Person, {})).toBe(250);
    await seedDomains(target(b), { persons: 250, seed: 4, replace: true });
    expect(await fingerprint(b)).not.toBe(await fingerprint(a));
  });

  it('does nothing the second time, so a restart never duplicates or rewrites data', async () => {
    const db = await env.open();
    expect(await seedDomains(target(db), { persons: 120, seed: 1 })).toEqual(['population']);
    const before = await fingerprint(db);
    expect(await seedDomains(target(db), { persons: 120, seed: 1 })).toEqual([]);
    expect(await fingerprint(db)).toBe(before);
  });

  it('redoes an interrupted seeding from scratch', async () => {
    const db = await env.open();
    await seedDomains(target(db), { persons: 120, seed: 1 });
    const complete = await fingerprint(db);
    const em = db.orm.em.fork();
    await em.nativeUpdate(SeedRun, { domain: 'population' }, { completedAt: null });
    await em.nativeDelete(Person, { id: { $in: (await em.find(Person, {}, { limit: 30 })).map((p) => p.id) } });
    expect(await seedDomains(target(db), { persons: 120, seed: 1 })).toEqual(['population']);
    expect(await fingerprint(db)).toBe(complete);
  });

  it('never touches a database holding rows it did not seed', async () => {
    const db = await env.open();
    await db.orm.em.fork().insert(Household, { id: 'HREAL0001', regionCode: '460105', address: '海南省海口市秀英区', registeredOn: '2020-01-01', headId: null, version: 1 });
    const log: string[] = [];
    expect(await seedDomains(target(db), { persons: 50, seed: 1, log: (l) => log.push(l) })).toEqual([]);
    expect(await db.orm.em.fork().count(Household, {})).toBe(1);
    expect(log.join('\n')).toContain('untouched');
  });
});
