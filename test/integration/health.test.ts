/**
 * The resident health records end to end: real subgraph servers and the gateway over HTTP, on SQLite or on
 * PostgreSQL with DATABASE_URL. Cross-domain fields, filters and pages, SQL counts, who sees what, and every
 * mutation with its refusals.
 */
import { postGraphQL, startPlatform, type GraphQLResponse, type Platform } from '../support/platform';

let platform: Platform;
const callers: Record<string, Record<string, string>> = {};

const PRINCIPALS = {
  /** Writes records: health commission officers. */
  healthOfficer: { sub: 'health-officer', dept: 'health', roles: ['officer'], region: '460000' },
  /** Reads everything the commission owns, writes nothing. */
  healthAnalyst: { sub: 'health-analyst', dept: 'health', roles: ['analyst'], region: '460000' },
  /** Another department: sees insurance enrolment, no clinical detail. */
  housingOfficer: { sub: 'housing-sy', dept: 'housing', roles: ['officer'], region: '460200' },
};
type Caller = keyof typeof PRINCIPALS | 'public';

const gw = (caller: Caller, query: string, variables?: Record<string, unknown>) => platform.query(query, variables, caller === 'public' ? {} : callers[caller]);
const direct = (caller: Caller, query: string, variables?: Record<string, unknown>) =>
  postGraphQL(platform.subgraphs.health.url, query, variables, caller === 'public' ? {} : callers[caller]);

function codes(res: GraphQLResponse): string[] {
  return (res.errors ?? []).map((e) => String(e.extensions?.code));
}

function expectOk(res: GraphQLResponse): void {
  expect(res.errors).toBeUndefined();
}

const RECORD_FIELDS = `id regionCode bloodType allergies version
  chronicConditions { code name diagnosedOn }
  vaccinations { id vaccine vaccineName dose date facility { code name } }
  encounters { id date type facility { code } diagnoses { code name } }
  insurance { scheme enrolledOn active }`;

/** Ground truth, read by the health commission: a record with a chronic condition, vaccinations and allergies. */
let patient: any;
let child: any;
/** A living person without a health record. */
let unrecorded: string;
let facilities: { code: string; regionCode: string; level: string; type: string }[];

beforeAll(async () => {
  platform = await startPlatform('health', { persons: 600, seed: 31 });
  for (const [name, claims] of Object.entries(PRINCIPALS)) callers[name] = await platform.as(claims);
  const res = await gw(
    'healthOfficer',
    `{ hypertensive: healthRecords(first: 100, filter: { chronicCondition: "I10" }) { edges { node { ${RECORD_FIELDS} person { id } } } }
       vaccinated: healthRecords(first: 1, filter: { vaccinated: "MMR" }) { edges { node { ${RECORD_FIELDS} person { id } } } }
       persons(first: 300, filter: { status: LIVING }) { edges { node { id healthRecord { id } } } }
       healthFacilities(first: 500) { totalCount edges { node { code regionCode level type } } } }`,
  );
  expectOk(res);
  const hypertensive = res.data.hypertensive.edges.map((e: any) => e.node);
  patient = hypertensive.find((r: any) => r.allergies.length > 0 && r.encounters.length > 0 && r.bloodType) ?? hypertensive[0];
  child = res.data.vaccinated.edges[0].node;
  unrecorded = res.data.persons.edges.find((e: any) => e.node.healthRecord === null).node.id;
  facilities = res.data.healthFacilities.edges.map((e: any) => e.node);
  expect(res.data.healthFacilities.totalCount).toBe(facilities.length);
});
afterAll(async () => {
  await platform?.stop();
});

describe('health records across domains through the gateway', () => {
  it('returns the health records of a page of persons, next to their population and residence fields', async () => {
    const res = await gw(
      'healthOfficer',
      `{ persons(first: 100, filter: { status: LIVING }) { edges { node { id name residence { regionCode }
          healthRecord { id person { id } regionCode bloodType chronicConditions { code } vaccinations { vaccine dose } insurance { scheme } } } } } }`,
    );
    expectOk(res);
    const nodes = res.data.persons.edges.map((e: any) => e.node);
    const withRecord = nodes.filter((n: any) => n.healthRecord);
    // About 92% of living persons have a record.
    expect(withRecord.length).toBeGreaterThan(80);
    expect(withRecord.length).toBeLessThan(100);
    for (const n of withRecord) {
      expect(n.healthRecord.person.id).toBe(n.id);
      // The record's region is the household's, where the person lives.
      expect(n.healthRecord.regionCode).toBe(n.residence.regionCode);
    }
  });

  it('returns a record with its holder from population, its region from geospatial, and its clinical details', async () => {
    const res = await gw(
      'healthOfficer',
      `query($id: ID!) { healthRecord(id: $id) { ${RECORD_FIELDS} person { id name birthDate hukouRegion { name } } region { code name } } }`,
      { id: patient.id },
    );
    expectOk(res);
    const record = res.data.healthRecord;
    expect(record.person.id).toBe(patient.person.id);
    expect(record.person.name).toEqual(expect.any(String));
    expect(record.region).toEqual({ code: patient.regionCode, name: expect.any(String) });
    expect(record.chronicConditions).toContainEqual({ code: 'I10', name: '特发性（原发性）高血压', diagnosedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    expect(record.bloodType).toMatch(/^(O|A|B|AB)[+-]$/);
    for (const e of record.encounters) {
      expect(['OUTPATIENT', 'INPATIENT', 'EMERGENCY']).toContain(e.type);
      expect(e.diagnoses[0].code).toMatch(/^[A-Z]\d{2}(\.\d)?$/);
      expect(e.diagnoses[0].name).toEqual(expect.any(String));
    }
  });

  it("returns a child's vaccination schedule, oldest dose first, each at a registered facility", async () => {
    const doses = child.vaccinations;
    expect(doses.length).toBeGreaterThan(1);
    expect(doses.map((d: any) => d.date)).toEqual([...doses.map((d: any) => d.date)].sort());
    const mmr = doses.filter((d: any) => d.vaccine === 'MMR');
    expect(mmr.length).toBeGreaterThan(0);
    for (const d of mmr) expect(d).toMatchObject({ vaccineName: '麻腮风疫苗', dose: expect.any(Number) });
    expect(mmr.every((d: any) => d.dose >= 1 && d.dose <= 2)).toBe(true);
    for (const d of doses) expect(facilities.map((f) => f.code)).toContain(d.facility.code);
  });
});

describe('root queries, filters and pages', () => {
  it('returns a facility by code with its region and location, null for an unknown code, an error for a malformed one', async () => {
    const tertiary = facilities.find((f) => f.level === 'TERTIARY' && f.regionCode.startsWith('4601'))!;
    const res = await gw('public', `query($c: ID!) { healthFacility(code: $c) { code name level type region { code name } location } unknown: healthFacility(code: "460105H99") { code } }`, { c: tertiary.code });
    expectOk(res);
    expect(res.data.healthFacility).toMatchObject({ code: tertiary.code, level: 'TERTIARY', type: 'HOSPITAL', region: { code: tertiary.regionCode } });
    expect(res.data.healthFacility.location.type).toBe('Point');
    const at = await gw('public', `query($lon: Float!, $lat: Float!) { regionAt(lon: $lon, lat: $lat) { code } }`, {
      lon: res.data.healthFacility.location.coordinates[0],
      lat: res.data.healthFacility.location.coordinates[1],
    });
    expect(at.data.regionAt.code).toBe(tertiary.regionCode);
    expect(res.data.unknown).toBeNull();
    const malformed = await gw('public', `{ healthFacility(code: "H01") { code } }`);
    expect(codes(malformed)).toEqual(['BAD_USER_INPUT']);
    expect(malformed.errors![0].extensions?.argumentName).toBe('code');
  });

  it('has tertiary hospitals in Haikou and Sanya, a people\'s hospital in every county and township centres in the counties', () => {
    const tertiaryCities = new Set(facilities.filter((f) => f.level === 'TERTIARY').map((f) => f.regionCode.slice(0, 4)));
    expect([...tertiaryCities]).toEqual(expect.arrayContaining(['4601', '4602']));
    // The 15 county-level units the province administers directly, and Danzhou.
    const counties = [...new Set(facilities.filter((f) => f.regionCode.startsWith('4690') || f.regionCode === '460400').map((f) => f.regionCode))];
    expect(counties).toHaveLength(16);
    for (const county of counties) {
      expect(facilities.some((f) => f.regionCode === county && f.type === 'HOSPITAL' && f.level === 'SECONDARY')).toBe(true);
      expect(facilities.filter((f) => f.regionCode === county && f.type === 'TOWNSHIP_HEALTH_CENTRE').length).toBeGreaterThanOrEqual(3);
    }
  });

  it('filters facilities by region, level and type, and walks every page to exactly totalCount', async () => {
    const seen = new Set<string>();
    let after: string | null = null;
    let total = -1;
    do {
      const res: any = await gw('public', `query($after: String) { healthFacilities(first: 7, after: $after, filter: { regionCode: "460100", level: PRIMARY }) {
        totalCount pageInfo { hasNextPage endCursor } edges { node { code regionCode level } } } }`, { after });
      expectOk(res);
      total = res.data.healthFacilities.totalCount;
      for (const { node } of res.data.healthFacilities.edges) {
        expect(node.regionCode.startsWith('4601')).toBe(true);
        expect(node.level).toBe('PRIMARY');
        seen.add(node.code);
      }
      after = res.data.healthFacilities.pageInfo.hasNextPage ? res.data.healthFacilities.pageInfo.endCursor : null;
    } while (after);
    expect(total).toBe(facilities.filter((f) => f.regionCode.startsWith('4601') && f.level === 'PRIMARY').length);
    expect(seen.size).toBe(total);
    const townships = await gw('public', `{ healthFacilities(first: 0, filter: { type: TOWNSHIP_HEALTH_CENTRE, regionCode: "469025" }) { totalCount } }`);
    expect(townships.data.healthFacilities.totalCount).toBe(facilities.filter((f) => f.type === 'TOWNSHIP_HEALTH_CENTRE' && f.regionCode === '469025').length);
  });

  it('walks every page of records with a chronic condition in a city, each page adding up to totalCount', async () => {
    const seen = new Set<string>();
    let after: string | null = null;
    let total = -1;
    do {
      const res: any = await gw('healthOfficer', `query($after: String) { healthRecords(first: 5, after: $after, filter: { regionCode: "460100", chronicCondition: "I10" }) {
        totalCount pageInfo { hasNextPage endCursor } edges { node { id regionCode chronicConditions { code } } } } }`, { after });
      expectOk(res);
      total = res.data.healthRecords.totalCount;
      for (const { node } of res.data.healthRecords.edges) {
        expect(node.regionCode.startsWith('4601')).toBe(true);
        expect(node.chronicConditions.map((c: any) => c.code)).toContain('I10');
        seen.add(node.id);
      }
      after = res.data.healthRecords.pageInfo.hasNextPage ? res.data.healthRecords.pageInfo.endCursor : null;
    } while (after);
    expect(total).toBeGreaterThan(5);
    expect(seen.size).toBe(total);
  });

  it('filters records by vaccine, and counts every record without a filter', async () => {
    const res = await gw('healthOfficer', `{ mmr: healthRecords(first: 500, filter: { vaccinated: "MMR" }) { totalCount edges { node { vaccinations { vaccine } } } }
      all: healthRecords(first: 0) { totalCount } persons(first: 0, filter: { status: LIVING }) { totalCount } }`);
    expectOk(res);
    expect(res.data.mmr.totalCount).toBeGreaterThan(0);
    for (const { node } of res.data.mmr.edges) expect(node.vaccinations.map((v: any) => v.vaccine)).toContain('MMR');
    expect(res.data.all.totalCount / res.data.persons.totalCount).toBeGreaterThan(0.85);
    expect(res.data.all.totalCount / res.data.persons.totalCount).toBeLessThan(0.97);
  });

  it.each([
    ['{ healthRecords(filter: { chronicCondition: "i10" }) { totalCount } }', 'filter.chronicCondition'],
    ['{ healthRecords(filter: { chronicCondition: "J06" }) { totalCount } }', 'filter.chronicCondition'],
    ['{ healthRecords(filter: { vaccinated: "SPUTNIK" }) { totalCount } }', 'filter.vaccinated'],
    ['{ healthRecords(filter: { regionCode: "4601" }) { totalCount } }', 'filter.regionCode'],
    ['{ healthRecords(first: 501) { totalCount } }', 'first'],
  ])('refuses %s with BAD_USER_INPUT naming %s', async (query, argument) => {
    const res = await gw('healthOfficer', query);
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors![0].extensions?.argumentName).toBe(argument);
  });
});

describe('SQL queries per federated request', () => {
  const page = (vaccinationFacility: string) => `query($first: Int) { persons(first: $first) { edges { node { id name
    healthRecord { id bloodType allergies insurance { scheme }
      chronicConditions { code name } vaccinations { vaccine dose ${vaccinationFacility} } encounters { type facility { name } diagnoses { code } } } } } } }`;

  async function measure(query: string, first: number) {
    let result: any;
    const counts = await platform.countQueries(async () => {
      result = await gw('healthOfficer', query, { first });
    });
    expectOk(result);
    expect(result.data.persons.edges).toHaveLength(first);
    return counts;
  }

  it('resolves a page of 100 persons with their health records in the same few queries as a page of 10', async () => {
    const query = page('');
    const small = await measure(query, 10);
    const large = await measure(query, 100);
    // health: records by person, conditions, vaccinations, encounters, facilities.
    expect(large.health).toBeLessThanOrEqual(5);
    expect(large).toEqual(small);
  });

  it('looks up the facilities of vaccinations and encounters in at most two batches, whatever the page size', async () => {
    // One batch when both lists arrive in the same tick (SQLite), two when the driver answers them apart (PostgreSQL).
    const query = page('facility { name }');
    for (const first of [10, 100]) {
      const counts = await measure(query, first);
      expect(counts.health).toBeLessThanOrEqual(6);
      expect(counts.population).toBe(1);
    }
  });
});

describe('who sees what', () => {
  const QUERY = `query($id: ID!) { healthRecord(id: $id) { id regionCode bloodType allergies chronicConditions { code } vaccinations { vaccine } encounters { date } insurance { scheme enrolledOn active } version } }`;

  it('returns every field in full to the health commission, readers and writers alike', async () => {
    for (const caller of ['healthOfficer', 'healthAnalyst'] as const) {
      const res = await gw(caller, QUERY, { id: patient.id });
      expectOk(res);
      expect(res.data.healthRecord.allergies).toEqual(patient.allergies);
      expect(res.data.healthRecord.bloodType).toBe(patient.bloodType);
      expect(res.data.healthRecord.chronicConditions.map((c: any) => c.code)).toContain('I10');
    }
  });

  it('returns insurance enrolment to another department and denies every clinical field, naming its sharing type', async () => {
    const res = await gw('housingOfficer', QUERY, { id: patient.id });
    const record = res.data.healthRecord;
    expect(record.id).toBe(patient.id);
    expect(record.regionCode).toBe(patient.regionCode);
    expect(record.insurance).toEqual(patient.insurance);
    const denied: Record<string, any> = Object.fromEntries(res.errors!.map((e) => [e.path![e.path!.length - 1], e.extensions]));
    for (const field of ['bloodType', 'allergies', 'chronicConditions', 'vaccinations', 'encounters', 'version']) {
      expect(record[field]).toBeNull();
      expect(denied[field]).toMatchObject({ code: 'FORBIDDEN', type: 'HealthRecord', field, owner: 'health' });
    }
    expect(denied.bloodType.sharing).toBe('CONDITIONAL');
    expect(denied.vaccinations.sharing).toBe('CONDITIONAL');
    expect(denied.chronicConditions.sharing).toBe('NOT_SHARED');
    expect(denied.allergies.sharing).toBe('NOT_SHARED');
    for (const allergen of patient.allergies) expect(res.body).not.toContain(allergen);
    expect(res.body).not.toContain('"I10"');
  });

  it('shows another department identity masked, insurance in full and health details not at all, in one request', async () => {
    const res = await gw('housingOfficer', `query($id: ID!) { person(id: $id) { idNumber name healthRecord { insurance { scheme } bloodType } } }`, { id: patient.person.id });
    const person = res.data.person;
    expect(person.idNumber).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
    expect(person.healthRecord.insurance).toEqual(patient.insurance && { scheme: patient.insurance.scheme });
    expect(person.healthRecord.bloodType).toBeNull();
    expect(codes(res)).toEqual(['FORBIDDEN']);
    const access = await gw('housingOfficer', `{ myAccess(type: "HealthRecord") { fields { field decision } } }`);
    const decision = Object.fromEntries(access.data.myAccess[0].fields.map((f: any) => [f.field, f.decision]));
    expect(decision).toMatchObject({ insurance: 'FULL', bloodType: 'DENIED', chronicConditions: 'DENIED', vaccinations: 'DENIED' });
  });

  it('shows the public no health record, through the gateway or straight to the subgraph, but the open facility register', async () => {
    const res = await gw('public', `query($id: ID!) { healthRecord(id: $id) { id } healthRecords(first: 5) { totalCount edges { node { id } } } healthFacilities(first: 1) { totalCount } }`, { id: patient.id });
    expectOk(res);
    expect(res.data.healthRecord).toBeNull();
    expect(res.data.healthRecords).toEqual({ totalCount: 0, edges: [] });
    expect(res.data.healthFacilities.totalCount).toBe(facilities.length);
    const viaEntities = await direct('public', `query($r: [_Any!]!) { _entities(representations: $r) { ... on HealthRecord { id bloodType } } }`, { r: [{ __typename: 'HealthRecord', id: patient.id }] });
    expect(viaEntities.data._entities).toEqual([null]);
    const viaPerson = await direct('public', `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { healthRecord { id } } } }`, { r: [{ __typename: 'Person', id: patient.person.id }] });
    expect(viaPerson.data._entities[0].healthRecord).toBeNull();
    expect(codes(viaPerson)).toEqual(['FORBIDDEN']);
    expect(viaEntities.body + viaPerson.body).not.toContain(patient.id);
  });

  it('refuses a filter on a chronic condition or a vaccine to a caller without health access, instead of returning a subset', async () => {
    const byCondition = await gw('housingOfficer', `{ healthRecords(filter: { chronicCondition: "I10" }) { totalCount edges { node { id } } } }`);
    expect(codes(byCondition)).toEqual(['FORBIDDEN']);
    expect(byCondition.errors![0].message).toContain('HealthRecord.chronicConditions');
    expect(byCondition.data?.healthRecords ?? null).toBeNull();
    const byVaccine = await direct('housingOfficer', `{ healthRecords(filter: { vaccinated: "MMR" }) { totalCount } }`);
    expect(codes(byVaccine)).toEqual(['FORBIDDEN']);
    expect(byVaccine.errors![0].message).toContain('HealthRecord.vaccinations');
    // A filter on a field shared in full works: the region of a record.
    const byRegion = await gw('housingOfficer', `{ healthRecords(first: 0, filter: { regionCode: "460200" }) { totalCount } }`);
    expectOk(byRegion);
    expect(byRegion.data.healthRecords.totalCount).toBeGreaterThan(0);
  });
});

describe('recording care', () => {
  const ENCOUNTER = `mutation($input: RecordEncounterInput!, $key: String) { recordEncounter(input: $input, idempotencyKey: $key) { id date type facility { code } diagnoses { code name } regionCode } }`;
  const VACCINATION = `mutation($input: RecordVaccinationInput!, $key: String) { recordVaccination(input: $input, idempotencyKey: $key) { id vaccine vaccineName dose date facility { code } } }`;
  const ALLERGIES = `mutation($id: ID!, $v: Int!, $a: [String!]!, $key: String) { updateAllergies(recordId: $id, expectedVersion: $v, allergies: $a, idempotencyKey: $key) { id allergies version } }`;
  const RECORD_OF = `query($id: ID!) { person(id: $id) { healthRecord { id regionCode version allergies chronicConditions { code diagnosedOn } vaccinations { id vaccine dose } encounters { id } } } }`;

  const recordOf = async (personId: string) => (await gw('healthOfficer', RECORD_OF, { id: personId })).data.person.healthRecord;
  const clinic = () => facilities.find((f) => f.type === 'COMMUNITY_HEALTH_CENTRE' && f.regionCode === patient.regionCode) ?? facilities.find((f) => f.type === 'COMMUNITY_HEALTH_CENTRE')!;
  const encounterInput = (overrides: Record<string, unknown> = {}) => ({ personId: patient.person.id, facilityCode: clinic().code, date: '2025-06-02', type: 'OUTPATIENT', diagnoses: ['J06.9'], ...overrides });

  it('records an encounter, named diagnoses and all, on the person\'s record', async () => {
    const before = await recordOf(patient.person.id);
    const res = await gw('healthOfficer', ENCOUNTER, { input: encounterInput({ diagnoses: ['J06.9', 'I10'] }) });
    expectOk(res);
    expect(res.data.recordEncounter).toMatchObject({ date: '2025-06-02', type: 'OUTPATIENT', facility: { code: clinic().code }, regionCode: patient.regionCode });
    expect(res.data.recordEncounter.diagnoses).toEqual([{ code: 'J06.9', name: '急性上呼吸道感染' }, { code: 'I10', name: '特发性（原发性）高血压' }]);
    const after = await recordOf(patient.person.id);
    expect(after.encounters.map((e: any) => e.id)).toContain(res.data.recordEncounter.id);
    expect(after.encounters).toHaveLength(before.encounters.length + 1);
    // I10 was followed already: not added twice.
    expect(after.chronicConditions).toEqual(before.chronicConditions);
  });

  it('follows a chronic condition from the encounter that first diagnoses it', async () => {
    const before = await recordOf(patient.person.id);
    const code = ['E11', 'J44', 'I25', 'N18'].find((c) => !before.chronicConditions.some((d: any) => d.code === c))!;
    const res = await gw('healthOfficer', ENCOUNTER, { input: encounterInput({ diagnoses: [`${code}.9`], date: '2025-07-01' }) });
    expectOk(res);
    const after = await recordOf(patient.person.id);
    expect(after.chronicConditions).toContainEqual({ code, diagnosedOn: '2025-07-01' });
  });

  it('opens a record, kept in the facility\'s region, for a person who has none', async () => {
    expect(await recordOf(unrecorded)).toBeNull();
    const facility = facilities.find((f) => f.level === 'TERTIARY')!;
    const res = await gw('healthOfficer', ENCOUNTER, { input: { personId: unrecorded, facilityCode: facility.code, date: '2025-08-15', type: 'EMERGENCY', diagnoses: ['S06'] } });
    expectOk(res);
    const record = await recordOf(unrecorded);
    expect(record).toMatchObject({ regionCode: facility.regionCode, version: 1, allergies: [], encounters: [{ id: res.data.recordEncounter.id }] });
  });

  it('replays an encounter sent again with the same idempotency key, writing it once, and refuses the key for another request', async () => {
    const before = await recordOf(patient.person.id);
    const key = 'enc-replay-0001';
    const first = await gw('healthOfficer', ENCOUNTER, { input: encounterInput({ date: '2025-09-09' }), key });
    const again = await gw('healthOfficer', ENCOUNTER, { input: encounterInput({ date: '2025-09-09' }), key });
    expectOk(first);
    expect(again.data).toEqual(first.data);
    const after = await recordOf(patient.person.id);
    expect(after.encounters).toHaveLength(before.encounters.length + 1);
    const other = await gw('healthOfficer', ENCOUNTER, { input: encounterInput({ date: '2025-09-10' }), key });
    expect(codes(other)).toEqual(['CONFLICT']);
  });

  it.each([
    ['housingOfficer', 'another department'],
    ['healthAnalyst', 'a health analyst, who reads but does not record'],
  ] as const)('refuses an encounter from %s (%s) with FORBIDDEN and writes nothing', async (caller, _who) => {
    const before = await recordOf(patient.person.id);
    const res = await gw(caller, ENCOUNTER, { input: encounterInput({ date: '2025-10-10' }) });
    expect(codes(res)).toEqual(['FORBIDDEN']);
    expect(res.data?.recordEncounter ?? null).toBeNull();
    expect((await recordOf(patient.person.id)).encounters).toHaveLength(before.encounters.length);
  });

  it('refuses another department with FORBIDDEN even when its input is also malformed: validation says nothing to it', async () => {
    const res = await gw('housingOfficer', ENCOUNTER, { input: encounterInput({ diagnoses: ['I1O'], date: '2999-01-01' }) });
    expect(codes(res)).toEqual(['FORBIDDEN']);
  });

  it.each([
    [{ diagnoses: ['I1O'] }, 'input.diagnoses[0]', 'not an ICD-10 code'],
    [{ diagnoses: ['J06', 'X99'] }, 'input.diagnoses[1]', 'not on the province'],
    [{ diagnoses: ['I10.1'] }, 'input.diagnoses[0]', 'no subcategories'],
    [{ diagnoses: [] }, 'input.diagnoses', 'at least one'],
    [{ diagnoses: ['J06', 'J06'] }, 'input.diagnoses', 'twice'],
    [{ date: '2999-01-01' }, 'input.date', 'future'],
    [{ date: '1949-12-31' }, 'input.date', 'before'],
    [{ facilityCode: 'HOSPITAL-1' }, 'input.facilityCode', 'facility code is'],
    [{ facilityCode: '460105H99' }, 'input.facilityCode', 'no health facility'],
    [{ personId: 'p-1' }, 'input.personId', 'capital letters'],
    [{ personId: 'P00000000' }, 'input.personId', 'no Person is known'],
  ])('refuses the encounter %j with BAD_USER_INPUT naming %s, and writes nothing', async (overrides, argument, reason) => {
    const before = await recordOf(patient.person.id);
    const res = await gw('healthOfficer', ENCOUNTER, { input: encounterInput(overrides) });
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors![0].extensions?.argumentName).toBe(argument);
    expect(res.errors![0].message).toContain(reason);
    expect((await recordOf(patient.person.id)).encounters).toHaveLength(before.encounters.length);
  });

  it('refuses an impossible date and an unknown encounter type at the schema, without internals', async () => {
    const date = await gw('healthOfficer', ENCOUNTER, { input: encounterInput({ date: '2025-02-30' }) });
    expect(codes(date)).toEqual(['BAD_USER_INPUT']);
    const type = await gw('healthOfficer', ENCOUNTER, { input: encounterInput({ type: 'HOME_VISIT' }) });
    expect(codes(type)).toEqual(['BAD_USER_INPUT']);
    expect(date.body + type.body).not.toMatch(/stacktrace|select .* from/i);
  });

  const vaccinationInput = (overrides: Record<string, unknown> = {}) => ({ personId: child.person.id, vaccine: 'INFLUENZA', dose: 1, date: '2025-10-20', facilityCode: clinic().code, ...overrides });

  it('records a vaccine dose once: replayed with its key it is written once, sent again without it refused', async () => {
    const before = await recordOf(child.person.id);
    const key = 'vax-replay-0001';
    const first = await gw('healthOfficer', VACCINATION, { input: vaccinationInput(), key });
    expectOk(first);
    expect(first.data.recordVaccination).toMatchObject({ vaccine: 'INFLUENZA', vaccineName: '流感疫苗', dose: 1, date: '2025-10-20', facility: { code: clinic().code } });
    const replay = await gw('healthOfficer', VACCINATION, { input: vaccinationInput(), key });
    expect(replay.data).toEqual(first.data);
    const after = await recordOf(child.person.id);
    expect(after.vaccinations).toHaveLength(before.vaccinations.length + 1);
    const duplicate = await gw('healthOfficer', VACCINATION, { input: vaccinationInput() });
    expect(codes(duplicate)).toEqual(['BAD_USER_INPUT']);
    expect(duplicate.errors![0].extensions?.argumentName).toBe('input.dose');
    expect(duplicate.errors![0].message).toContain('already recorded');
  });

  it('opens a record for a person without one when their first dose is recorded', async () => {
    const page = await gw('healthOfficer', `{ persons(first: 300, filter: { status: LIVING }) { edges { node { id healthRecord { id } } } } }`);
    const personId = page.data.persons.edges.filter((e: any) => e.node.healthRecord === null).map((e: any) => e.node.id).find((id: string) => id !== unrecorded);
    const res = await gw('healthOfficer', VACCINATION, { input: vaccinationInput({ personId, vaccine: 'RABIES', dose: 1 }) });
    expectOk(res);
    expect((await recordOf(personId)).vaccinations).toEqual([{ id: res.data.recordVaccination.id, vaccine: 'RABIES', dose: 1 }]);
  });

  it.each([
    [{ vaccine: 'SPUTNIK' }, 'input.vaccine'],
    [{ vaccine: 'HEPB', dose: 4 }, 'input.dose'],
    [{ dose: 0 }, 'input.dose'],
    [{ date: '2999-01-01' }, 'input.date'],
    [{ facilityCode: '469025T99' }, 'input.facilityCode'],
    [{ personId: 'P00000000' }, 'input.personId'],
  ])('refuses the vaccination %j with BAD_USER_INPUT naming %s', async (overrides, argument) => {
    const res = await gw('healthOfficer', VACCINATION, { input: vaccinationInput({ vaccine: 'VAR', ...overrides }) });
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors![0].extensions?.argumentName).toBe(argument);
  });

  it('refuses a vaccination from another department with FORBIDDEN', async () => {
    const res = await gw('housingOfficer', VACCINATION, { input: vaccinationInput({ vaccine: 'PPV23' }) });
    expect(codes(res)).toEqual(['FORBIDDEN']);
    expect((await recordOf(child.person.id)).vaccinations.some((v: any) => v.vaccine === 'PPV23')).toBe(false);
  });

  it('updates allergies at the version read, and refuses a stale version with CONFLICT and the current version', async () => {
    const before = await recordOf(patient.person.id);
    const res = await gw('healthOfficer', ALLERGIES, { id: before.id, v: before.version, a: ['青霉素', ' 花生 '] });
    expectOk(res);
    expect(res.data.updateAllergies).toEqual({ id: before.id, allergies: ['青霉素', '花生'], version: before.version + 1 });
    const stale = await gw('healthOfficer', ALLERGIES, { id: before.id, v: before.version, a: ['乳胶'] });
    expect(codes(stale)).toEqual(['CONFLICT']);
    expect(stale.errors![0].extensions?.currentVersion).toBe(before.version + 1);
    expect((await recordOf(patient.person.id)).allergies).toEqual(['青霉素', '花生']);
  });

  it('replays an allergy update with its idempotency key instead of reporting a conflict', async () => {
    const before = await recordOf(patient.person.id);
    const vars = { id: before.id, v: before.version, a: ['尘螨'], key: 'allergy-replay-0001' };
    const first = await gw('healthOfficer', ALLERGIES, vars);
    const again = await gw('healthOfficer', ALLERGIES, vars);
    expectOk(first);
    expect(again.data).toEqual(first.data);
    expect((await recordOf(patient.person.id)).version).toBe(before.version + 1);
  });

  it('refuses allergies from another department, bad allergies and an unknown record', async () => {
    const before = await recordOf(patient.person.id);
    const other = await gw('housingOfficer', ALLERGIES, { id: before.id, v: before.version, a: [] });
    expect(codes(other)).toEqual(['FORBIDDEN']);
    const empty = await gw('healthOfficer', ALLERGIES, { id: before.id, v: before.version, a: ['青霉素', ' '] });
    expect(codes(empty)).toEqual(['BAD_USER_INPUT']);
    expect(empty.errors![0].extensions?.argumentName).toBe('allergies[1]');
    const twice = await gw('healthOfficer', ALLERGIES, { id: before.id, v: before.version, a: ['花生', '花生'] });
    expect(twice.errors![0].extensions?.argumentName).toBe('allergies');
    const unknown = await gw('healthOfficer', ALLERGIES, { id: 'HR00000000', v: 1, a: [] });
    expect(codes(unknown)).toEqual(['NOT_FOUND']);
    const after = await recordOf(patient.person.id);
    expect(after).toMatchObject({ version: before.version, allergies: before.allergies });
  });
});
