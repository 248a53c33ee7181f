/**
 * The read path (subgraphs/kit/reader.ts) against MikroORM on the same seeded databases: every entity of every
 * domain reads back as the same objects, every filter shape the kit and the ability builder produce selects the
 * same rows, a filter the compiler does not know falls back to MikroORM, and a read inside a write's transaction
 * sees that transaction's own writes.
 */
import { domainEntities } from '../../subgraphs/kit/server';
import type { EntitySchema, FilterQuery } from '@mikro-orm/core';
import { openDatabase, type Database } from '../../subgraphs/kit/orm';
import { seedDomains } from '../../subgraphs/kit/seed';
import { countRows, readRows, unrestrictedAccess } from '../../subgraphs/kit/scope';
import { SUBGRAPHS } from '../../subgraphs/registry';
import { Person, type PersonRow } from '../../subgraphs/population/entities';
import { DRIVER, testDatabases } from '../support/database';

const DOMAINS = Object.values(SUBGRAPHS);

/** Own enumerable properties only: what a resolver and JSON see of a row. */
function plain(rows: object[]): Record<string, unknown>[] {
  return rows.map((row) => Object.fromEntries(Object.keys(row).sort().map((k) => [k, (row as Record<string, unknown>)[k]])));
}

function primaryKey(entity: EntitySchema<any, any>, db: Database): string {
  return db.orm.getMetadata().get(entity.meta.className).primaryKeys[0]!;
}

describe(`the read path on ${DRIVER}`, () => {
  const databases = testDatabases('read_path');
  const opened = new Map<string, Database>();

  beforeAll(async () => {
    for (const definition of DOMAINS) {
      const db = await openDatabase(databases.configFor(definition.name), domainEntities(definition));
      opened.set(definition.name, db);
    }
    await seedDomains(DOMAINS.map((definition) => ({ definition, db: opened.get(definition.name)! })), { persons: 300, seed: 5 });
  }, 240_000);

  afterAll(async () => {
    for (const db of opened.values()) await db.close();
    await databases.cleanup();
  });

  it.each(DOMAINS.flatMap((d) => d.entities.map((entity) => [d.name, entity.meta.className, entity] as const)))('reads %s %s as MikroORM hydrates it', async (domain, _type, entity) => {
    const db = opened.get(domain)!;
    const key = primaryKey(entity, db);
    const viaOrm = await db.orm.em.fork().find(entity, {}, { orderBy: { [key]: 'asc' } as never, disableIdentityMap: true });
    const viaReader = await db.reader.find(entity, {}, { orderBy: { [key]: 'asc' } });
    expect(viaReader).not.toBeNull();
    expect(plain(viaReader!)).toEqual(plain(viaOrm));
    // The column guard and subject detection read the type as they do on an entity.
    for (const row of viaReader!.slice(0, 1)) expect((row as { __meta?: { className: string } }).__meta?.className).toBe(entity.meta.className);
  });

  const shapes: [string, FilterQuery<PersonRow>][] = [
    ['equality', { gender: 'FEMALE' }],
    ['a boolean', { floating: true }],
    ['null', { householdId: null }],
    ['not null', { householdId: { $ne: null } }],
    ['inequality', { status: { $ne: 'LIVING' } }],
    ['ranges', { birthDate: { $gte: '1980-01-01', $lte: '1999-12-31' } }],
    ['a prefix (like)', { name: { $like: '王%' } }],
    ['an in-list', { hukouRegionCode: { $in: ['460105', '460106', '460108'] } }],
    ['an empty in-list', { id: { $in: [] } }],
    ['a not-in list', { hukouCityCode: { $nin: ['460100'] } }],
    ['an empty not-in list', { id: { $nin: [] } }],
    ['or of ands', { $or: [{ gender: 'MALE', floating: false }, { hukouCityCode: '460200' }] }],
    ['not (an inverted rule)', { $and: [{ hukouCityCode: '460100' }, { $not: { maritalStatus: 'MARRIED' } }] }],
    ['an empty and', { $and: [{ gender: 'MALE' }, {}] }],
    ['several operators and fields', { status: 'LIVING', birthDate: { $lt: '2000-01-01', $gt: '1950-01-01' }, ethnicityCode: { $in: ['01', '03'] } }],
  ];

  it.each(shapes)('selects the rows MikroORM selects: %s', async (_name, where) => {
    const db = opened.get('population')!;
    const viaOrm = await db.orm.em.fork().find(Person, structuredClone(where), { orderBy: { id: 'asc' }, disableIdentityMap: true });
    const viaReader = await db.reader.find(Person, where as object, { orderBy: { id: 'asc' } });
    expect(viaReader?.map((r) => r.id)).toEqual(viaOrm.map((r) => r.id));
    expect(await db.reader.count(Person, where as object)).toBe(await db.orm.em.fork().count(Person, structuredClone(where)));
  });

  it('gives the same answer for any number of keys with one statement', async () => {
    const db = opened.get('population')!;
    const ids = (await db.reader.find(Person, {}, { orderBy: { id: 'asc' }, limit: 250 }))!.map((r) => r.id);
    const before = db.queries.count;
    for (const n of [1, 7, 250]) expect((await db.reader.find(Person, { id: { $in: ids.slice(0, n) } }))!.length).toBe(n);
    expect(db.queries.count - before).toBe(3);
  });

  it('leaves a filter it does not know to MikroORM, with the same answer', async () => {
    const db = opened.get('population')!;
    const where = { name: { $re: '^王' } } as FilterQuery<PersonRow>;
    expect(await db.reader.find(Person, where as object)).toBeNull();
    if (DRIVER === 'postgresql') {
      const data = unrestrictedAccess(db.orm.em.fork(), db.reader);
      const rows = await readRows(data, Person, where, { orderBy: { id: 'asc' } });
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((r) => r.name.startsWith('王'))).toBe(true);
    }
    // Unknown properties and values that are not plain (dates, objects) are not compiled either.
    expect(await db.reader.find(Person, { nickname: 'x' })).toBeNull();
    expect(await db.reader.find(Person, { birthDate: new Date() })).toBeNull();
    // An empty branch of an or: MikroORM drops it; the reader does not guess.
    expect(await db.reader.find(Person, { $or: [{ gender: 'MALE' }, {}] })).toBeNull();
  });

  it('reads inside a write transaction through that transaction, and committed data through the read path', async () => {
    const db = opened.get('population')!;
    const [someone] = (await db.reader.find(Person, {}, { orderBy: { id: 'asc' }, limit: 1 }))!;
    const em = db.orm.em.fork();
    await em.transactional(async (trx) => {
      await trx.nativeUpdate(Person, { id: someone!.id }, { phone: '13800000000' });
      const inside = await readRows(unrestrictedAccess(trx, db.reader), Person, { id: someone!.id });
      expect(inside[0]!.phone).toBe('13800000000');
      expect(await countRows(unrestrictedAccess(trx, db.reader), Person, { phone: '13800000000' })).toBe(1);
      throw new Error('roll back');
    }).catch((error: Error) => expect(error.message).toBe('roll back'));
    const after = await readRows(unrestrictedAccess(db.orm.em.fork(), db.reader), Person, { id: someone!.id });
    expect(after[0]!.phone).toBe(someone!.phone);
  });
});
