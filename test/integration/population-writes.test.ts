/** Public security's write path: births, deaths and moves; who may write; validation; idempotency; optimistic locking. */
import { IdempotencyRecord, pruneIdempotency } from '../../subgraphs/kit/writes';
import { startPlatform, type Platform } from '../support/platform';

let platform: Platform;
let police: Record<string, string>;
let health: Record<string, string>;
let household: { id: string; regionCode: string };
let person: { id: string; version: number; birthDate: string };

const BIRTH = `mutation($input: RegisterBirthInput!, $key: String) { registerBirth(input: $input, idempotencyKey: $key) { id idNumber name hukouRegionCode household { id } version } }`;
const DEATH = `mutation($id: ID!, $v: Int!, $d: Date!, $key: String) { registerDeath(personId: $id, expectedVersion: $v, date: $d, idempotencyKey: $key) { id status statusDate version } }`;
const MOVE = `mutation($id: ID!, $v: Int!, $h: ID!, $key: String) { registerMove(personId: $id, expectedVersion: $v, householdId: $h, relationshipToHead: OTHER, idempotencyKey: $key) { id household { id } addressRegionCode version } }`;

const today = () => new Date().toISOString().slice(0, 10);

beforeAll(async () => {
  platform = await startPlatform('popwrites', { persons: 300, seed: 4 });
  police = await platform.as({ sub: 'clerk-1', dept: 'public-security', roles: ['officer'], region: '460000' });
  health = await platform.as({ sub: 'nurse-1', dept: 'health', roles: ['officer'], region: '460000' });
  const page = await platform.query(`{ persons(first: 50, filter: { status: LIVING }) { edges { node { id version birthDate household { id regionCode } } } } }`, undefined, police);
  const nodes = page.data.persons.edges.map((e: any) => e.node);
  household = nodes[0].household;
  person = nodes.find((n: any) => n.household.id !== household.id);
});
afterAll(async () => {
  await platform?.stop();
});

describe('registerBirth', () => {
  it('registers a newborn with a valid, new citizen ID number, once per idempotency key', async () => {
    const input = { name: '王小明', gender: 'MALE', birthDate: today(), ethnicityCode: '01', householdId: household.id };
    const first = await platform.query(BIRTH, { input, key: 'birth-0001-abcdef' }, police);
    expect(first.errors).toBeUndefined();
    const born = first.data.registerBirth;
    expect(born.idNumber.slice(0, 6)).toBe(household.regionCode);
    expect(Number(born.idNumber[16]) % 2).toBe(1);
    expect(born.household.id).toBe(household.id);
    const again = await platform.query(BIRTH, { input, key: 'birth-0001-abcdef' }, police);
    expect(again.data.registerBirth).toEqual(born);
    const count = await platform.query(`query($h: ID!) { household(id: $h) { members { person { id } } } }`, { h: household.id }, police);
    expect(count.data.household.members.filter((m: any) => m.person.id === born.id)).toHaveLength(1);
    const reused = await platform.query(BIRTH, { input: { ...input, name: '王小红', gender: 'FEMALE' }, key: 'birth-0001-abcdef' }, police);
    expect(reused.errors?.[0].extensions?.code).toBe('CONFLICT');
  });

  it('registers concurrent births of one day and region with distinct ID numbers, and a key sent twice at once once', async () => {
    // On PostgreSQL these race for the same sequence number and the same idempotency key (bench:chaos found them).
    const input = (i: number) => ({ name: '陈一诺', gender: 'FEMALE', birthDate: today(), ethnicityCode: '01', householdId: household.id, relationshipToHead: i % 2 ? 'CHILD' : 'OTHER' });
    const births = await Promise.all(Array.from({ length: 8 }, (_, i) => platform.query(BIRTH, { input: input(i), key: `birth-race-${i}-abcdef` }, police)));
    expect(births.map((b) => b.errors)).toEqual(births.map(() => undefined));
    expect(new Set(births.map((b) => b.data.registerBirth.idNumber)).size).toBe(8);
    const twice = await Promise.all([0, 1].map(() => platform.query(BIRTH, { input: input(9), key: 'birth-race-twice-abcdef' }, police)));
    expect(twice.map((b) => b.errors)).toEqual([undefined, undefined]);
    expect(twice[0]!.data.registerBirth).toEqual(twice[1]!.data.registerBirth);
  });

  it('refuses a department that does not own the register, writing nothing', async () => {
    const res = await platform.query(BIRTH, { input: { name: '李华', gender: 'FEMALE', birthDate: today(), ethnicityCode: '01', householdId: household.id } }, health);
    expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const pub = await platform.query(BIRTH, { input: { name: '李华', gender: 'FEMALE', birthDate: today(), ethnicityCode: '01', householdId: household.id } });
    expect(pub.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it.each([
    [{ name: 'X' }, 'input.name'],
    [{ birthDate: '2999-01-01' }, 'input.birthDate'],
    [{ birthDate: '1990-01-01' }, 'input.birthDate'],
    [{ ethnicityCode: '99' }, 'input.ethnicityCode'],
    [{ householdId: 'HNOSUCH01' }, 'input.householdId'],
  ])('refuses %j naming %s', async (change, argument) => {
    const input = { name: '陈一', gender: 'MALE', birthDate: today(), ethnicityCode: '01', householdId: household.id, ...change };
    const res = await platform.query(BIRTH, { input }, police);
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: argument });
  });
});

describe('registerMove and registerDeath', () => {
  it('moves a person, refuses the stale version with the current one, and records a death', async () => {
    const moved = await platform.query(MOVE, { id: person.id, v: person.version, h: household.id, key: 'move-0001-abcdef' }, police);
    expect(moved.errors).toBeUndefined();
    expect(moved.data.registerMove).toMatchObject({ household: { id: household.id }, addressRegionCode: household.regionCode, version: person.version + 1 });
    const stale = await platform.query(DEATH, { id: person.id, v: person.version, d: today() }, police);
    expect(stale.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', currentVersion: person.version + 1 });
    const before = await platform.query(DEATH, { id: person.id, v: person.version + 1, d: '1800-01-01' }, police);
    expect(before.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'date' });
    const died = await platform.query(DEATH, { id: person.id, v: person.version + 1, d: today() }, police);
    expect(died.data.registerDeath).toMatchObject({ status: 'DECEASED', statusDate: today(), version: person.version + 2 });
    const twice = await platform.query(DEATH, { id: person.id, v: person.version + 2, d: today() }, police);
    expect(twice.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('answers NOT_FOUND for a person the caller may not see, as for one that does not exist', async () => {
    const haikouPolice = await platform.as({ sub: 'hk-1', dept: 'public-security', roles: ['officer'], region: '460100' });
    const outside = await platform.query(`{ persons(first: 1, filter: { regionCode: "460200", status: LIVING }) { edges { node { id version addressRegionCode } } } }`, undefined, police);
    const target = outside.data.persons.edges[0].node;
    const hidden = await platform.query(DEATH, { id: target.id, v: target.version, d: today() }, haikouPolice);
    const missing = await platform.query(DEATH, { id: 'PNOSUCH01', v: 1, d: today() }, haikouPolice);
    expect(hidden.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(missing.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});

describe('idempotency keys keep no personal data', () => {
  const rows = async () => (await platform.subgraphs.population.db.orm.em.fork().find(IdempotencyRecord, {}, { disableIdentityMap: true })) as unknown as Record<string, unknown>[];

  it('stores the key, the request hash and the identity of the record, never its fields', async () => {
    const input = { name: '林小雨', gender: 'FEMALE', birthDate: today(), ethnicityCode: '01', householdId: household.id };
    const born = (await platform.query(BIRTH, { input, key: 'birth-privacy-0001' }, police)).data.registerBirth;
    const stored = JSON.stringify(await rows());
    expect(stored).toContain(born.id);
    expect(stored).not.toContain(born.idNumber);
    expect(stored).not.toContain('林小雨');
    const mine = (await rows()).find((r) => String(r.resultKey).includes(born.id))!;
    expect(mine).toMatchObject({ operation: 'registerBirth', result: '' });
  });

  it('answers a replay with the record as it is now, judged by the rights of the moment', async () => {
    const input = { name: '陈小海', gender: 'MALE', birthDate: today(), ethnicityCode: '01', householdId: household.id };
    const first = (await platform.query(BIRTH, { input, key: 'birth-rights-0001' }, police)).data.registerBirth;
    expect(first.idNumber).toMatch(/^\d{17}[\dX]$/);
    // The clerk's department now sees identity numbers of persons masked (a policy change after the write).
    await platform.addPolicies([
      { id: 'test-clerks-masked-ids', dept: 'public-security', role: 'officer', rules: [{ action: 'read', subject: 'Person', fields: ['idNumber'], inverted: true }] },
    ]);
    try {
      const replay = await platform.query(BIRTH, { input, key: 'birth-rights-0001' }, police);
      expect(replay.data.registerBirth.id).toBe(first.id);
      expect(replay.data.registerBirth.idNumber).not.toBe(first.idNumber);
      expect(replay.body).not.toContain(first.idNumber);
    } finally {
      await platform.addPolicies([{ id: 'test-clerks-masked-ids', dept: 'public-security', role: 'officer', rules: [{ action: 'readMasked', subject: 'Region' }] }]);
    }
  });

  it('prunes keys older than the window, and rows of older releases that held whole answers', async () => {
    const em = platform.subgraphs.population.db.orm.em.fork();
    // A row as releases before issue 14 wrote them: the whole answer, no identity.
    await em.insert(IdempotencyRecord, { id: 'f'.repeat(64), operation: 'registerBirth', requestHash: '0'.repeat(64), result: '{"idNumber":"460105201501011234"}', resultType: null, resultKey: null, createdAt: new Date() });
    const before = (await rows()).length;
    expect(await pruneIdempotency(em, 3600 * 1000)).toBe(1);
    expect((await rows()).length).toBe(before - 1);
    expect(await pruneIdempotency(em, 3600 * 1000, Date.now() + 2 * 3600 * 1000)).toBe(before - 1);
    expect(await rows()).toEqual([]);
  });
});
