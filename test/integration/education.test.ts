/**
 * The education subgraph end to end: real subgraph servers and the gateway over HTTP, on SQLite or (with
 * DATABASE_URL) PostgreSQL. Schools, enrolments, staff and degrees across domains; who sees what; the writes.
 */
import { postGraphQL, startPlatform, type GraphQLResponse, type Platform } from '../support/platform';

let platform: Platform;
const callers: Record<string, Record<string, string>> = {};

const PRINCIPALS = {
  education: { sub: 'edu-hq', dept: 'education', roles: ['officer'], region: '460000' },
  healthAnalyst: { sub: 'health-1', dept: 'health', roles: ['analyst'], region: '460000' },
  healthOfficer: { sub: 'health-2', dept: 'health', roles: ['officer'], region: '460000' },
};
type Caller = keyof typeof PRINCIPALS | 'public';

const as = (caller: Caller, query: string, variables?: Record<string, unknown>) => platform.query(query, variables, caller === 'public' ? {} : callers[caller]);
const edu = (query: string, variables?: Record<string, unknown>) => as('education', query, variables);
const direct = (caller: Caller, query: string, variables?: Record<string, unknown>) =>
  postGraphQL(platform.subgraphs.education.url, query, variables, caller === 'public' ? {} : callers[caller]);

const THIS_YEAR = new Date().getUTCFullYear();

function codes(res: GraphQLResponse): string[] {
  return (res.errors ?? []).map((e) => String(e.extensions?.code));
}

/** Follows pageInfo.endCursor through every page of a connection at `path`, checking each node. */
async function walk(caller: Caller, query: string, variables: Record<string, unknown>, pick: (data: any) => any, each: (node: any) => void = () => undefined) {
  const seen = new Set<string>();
  let after: string | null = null;
  let total = -1;
  let pages = 0;
  do {
    const res: GraphQLResponse = await as(caller, query, { ...variables, after });
    expect(res.errors).toBeUndefined();
    const connection = pick(res.data);
    total = connection.totalCount;
    for (const { node, cursor } of connection.edges) {
      expect(cursor).toEqual(expect.any(String));
      each(node);
      seen.add(node.code ?? node.id);
    }
    after = connection.pageInfo.hasNextPage ? connection.pageInfo.endCursor : null;
    pages += 1;
  } while (after);
  return { seen, total, pages };
}

/** Ground truth read by the owner. */
let enrolled: { id: string; version: number; person: { id: string }; schoolCode: string; grade: number; startYear: number }[];
let busySchool: string;
let university: { code: string; name: string };
let adults: { id: string; name: string; idNumber: string }[];

beforeAll(async () => {
  platform = await startPlatform('education', { persons: 2000, seed: 31 });
  for (const [name, claims] of Object.entries(PRINCIPALS)) callers[name] = await platform.as(claims);
  const res = await edu(`{
    enrolled: enrolments(first: 500, filter: { status: ENROLLED }) { totalCount edges { node { id version person { id } schoolCode grade startYear } } }
    universities: schools(first: 20, filter: { level: UNIVERSITY }) { edges { node { code name enrolments(first: 0) { totalCount } } } }
    adults: persons(first: 50, filter: { bornTo: "1995-01-01", status: LIVING }) { edges { node { id name idNumber } } }
  }`);
  expect(res.errors).toBeUndefined();
  enrolled = res.data.enrolled.edges.map((e: any) => e.node);
  expect(enrolled.length).toBe(res.data.enrolled.totalCount);
  expect(enrolled.length).toBeGreaterThan(50);
  const universities = res.data.universities.edges.map((e: any) => e.node);
  university = { code: universities[0].code, name: universities[0].name };
  // Universities draw students from the whole province: the busiest school of the records.
  busySchool = [...universities].sort((a, b) => b.enrolments.totalCount - a.enrolments.totalCount)[0].code;
  adults = res.data.adults.edges.map((e: any) => e.node);
  expect(adults.length).toBeGreaterThan(10);
});
afterAll(async () => {
  await platform?.stop();
});

const PERSON_PAGE = `query($first: Int) { persons(first: $first) { edges { node {
  id name birthDate
  enrolments { id status grade startYear endYear school { code name level region { code name } } }
  highestDegree { level year }
} } } }`;

describe('cross-domain fields through the gateway', () => {
  it('returns persons with their enrolments, schools, school regions and highest degree', async () => {
    const res = await edu(PERSON_PAGE, { first: 300 });
    expect(res.errors).toBeUndefined();
    const persons = res.data.persons.edges.map((e: any) => e.node);
    const withEnrolments = persons.filter((p: any) => p.enrolments.length > 0);
    expect(withEnrolments.length).toBeGreaterThan(20);
    for (const p of persons) {
      expect(p.highestDegree.level).toEqual(expect.any(String));
      const birthYear = Number(p.birthDate.slice(0, 4));
      if (p.highestDegree.level === 'NONE') expect(p.highestDegree.year).toBeNull();
      else expect(p.highestDegree.year).toBeGreaterThan(birthYear + 10);
      for (const e of p.enrolments) {
        expect(e.school.region.name).toEqual(expect.any(String));
        if (e.status === 'ENROLLED') expect(e.endYear).toBeNull();
        else expect(e.endYear).toBeGreaterThanOrEqual(e.startYear);
        // Pupils start school at a plausible age: kindergarten at 3, primary at 6, university at 18.
        const startAge = e.startYear - birthYear;
        const expected = { KINDERGARTEN: 3, PRIMARY: 6, JUNIOR_SECONDARY: 12, SENIOR_SECONDARY: 15, VOCATIONAL: 15, UNIVERSITY: 18 }[e.school.level as string]!;
        expect(Math.abs(startAge - expected)).toBeLessThanOrEqual(1);
      }
      // At most one enrolment under way at a time, and the oldest first.
      expect(p.enrolments.filter((e: any) => e.status === 'ENROLLED').length).toBeLessThanOrEqual(1);
      expect(p.enrolments.map((e: any) => e.startYear)).toEqual([...p.enrolments.map((e: any) => e.startYear)].sort((a, b) => a - b));
    }
  });

  it('returns a school with its region from geospatial, its location inside that region, and its staff as persons', async () => {
    // Staff are a small share of adults: walk the schools until one has some.
    let staffed: { code: string } | undefined;
    await walk('education', `query($after: String) { schools(first: 500, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { code staff { role } } } } }`, {}, (d) => d.schools, (node) => {
      if (!staffed && node.staff.length > 0) staffed = node;
    });
    expect(staffed).toBeDefined();
    const res = await edu(`query($code: ID!) { school(code: $code) { code name level type regionCode region { code name parent { code } } location staff { role since person { id name } } } }`, { code: staffed!.code });
    expect(res.errors).toBeUndefined();
    const school = res.data.school;
    expect(school).toMatchObject({ code: staffed!.code, regionCode: school.region.code });
    expect(school.code.slice(1, 7)).toBe(school.regionCode);
    expect(school.location.type).toBe('Point');
    const at = await edu(`query($lon: Float!, $lat: Float!) { regionAt(lon: $lon, lat: $lat) { code } }`, { lon: school.location.coordinates[0], lat: school.location.coordinates[1] });
    expect(at.data.regionAt.code).toBe(school.regionCode);
    for (const member of school.staff) {
      expect(['TEACHER', 'STAFF']).toContain(member.role);
      expect(member.person.name).toEqual(expect.any(String));
      expect(member.since <= `${THIS_YEAR}-12-31`).toBe(true);
    }
  });

  it('returns universities in Haikou, Sanya and Danzhou only', async () => {
    const res = await as('public', `{ schools(first: 100, filter: { level: UNIVERSITY }) { totalCount edges { node { regionCode region { parent { name } } } } } }`);
    expect(res.data.schools.totalCount).toBeGreaterThan(5);
    for (const { node } of res.data.schools.edges) expect(['海口市', '三亚市', '海南省']).toContain(node.region.parent.name);
  });

  it("returns a region's schools at any level of the region tree, the same as the schools filter", async () => {
    const res = await edu(`{
      haikou: region(code: "460100") { name schools(first: 5, level: PRIMARY) { totalCount edges { node { code level regionCode } } } }
      meilan: region(code: "460108") { schools(first: 0) { totalCount } }
      province: region(code: "460000") { schools(first: 0) { totalCount } }
      byFilter: schools(first: 0, filter: { regionCode: "460100", level: PRIMARY }) { totalCount }
      meilanByFilter: schools(first: 0, filter: { regionCode: "460108" }) { totalCount }
      all: schools(first: 0) { totalCount }
    }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.haikou.name).toBe('海口市');
    expect(res.data.haikou.schools.totalCount).toBe(res.data.byFilter.totalCount);
    for (const { node } of res.data.haikou.schools.edges) {
      expect(node.level).toBe('PRIMARY');
      expect(node.regionCode.startsWith('4601')).toBe(true);
    }
    expect(res.data.meilan.schools.totalCount).toBe(res.data.meilanByFilter.totalCount);
    expect(res.data.province.schools.totalCount).toBe(res.data.all.totalCount);
    // Realistic numbers: thousands of schools in the province, primary schools in every county.
    expect(res.data.all.totalCount).toBeGreaterThan(4000);
    const counties = await edu(`{ regions(level: COUNTY) { code schools(first: 0, level: PRIMARY) { totalCount } } }`);
    for (const county of counties.data.regions) expect(county.schools.totalCount).toBeGreaterThan(0);
  });
});

describe('root queries, filters and pagination', () => {
  it('walks every page of a filtered list of schools and finds exactly totalCount schools, each matching the filter', async () => {
    const query = `query($after: String) { schools(first: 37, after: $after, filter: { regionCode: "460200", level: KINDERGARTEN, type: PRIVATE }) {
      totalCount pageInfo { hasNextPage endCursor } edges { cursor node { code level type regionCode } } } }`;
    const { seen, total, pages } = await walk('public', query, {}, (d) => d.schools, (node) => {
      expect(node).toMatchObject({ level: 'KINDERGARTEN', type: 'PRIVATE' });
      expect(node.regionCode.startsWith('4602')).toBe(true);
    });
    expect(total).toBeGreaterThan(37);
    expect(pages).toBe(Math.ceil(total / 37));
    expect(seen.size).toBe(total);
  });

  it('finds schools by name prefix', async () => {
    const res = await as('public', `{ schools(first: 500, filter: { namePrefix: "三亚市吉阳区第" }) { totalCount edges { node { name regionCode } } } }`);
    expect(res.data.schools.totalCount).toBeGreaterThan(3);
    for (const { node } of res.data.schools.edges) {
      expect(node.name.startsWith('三亚市吉阳区第')).toBe(true);
      expect(node.regionCode).toBe('460203');
    }
  });

  it("walks every page of a school's enrolments, through the root list and through the school, to the same total", async () => {
    const query = `query($after: String, $code: ID) { enrolments(first: 3, after: $after, filter: { schoolCode: $code }) {
      totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id schoolCode status } } } }`;
    const root = await walk('education', query, { code: busySchool }, (d) => d.enrolments, (node) => expect(node.schoolCode).toBe(busySchool));
    expect(root.seen.size).toBe(root.total);
    expect(root.total).toBeGreaterThan(3);
    const viaSchool = await walk(
      'education',
      `query($after: String, $code: ID!) { school(code: $code) { enrolments(first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id } } } } }`,
      { code: busySchool },
      (d) => d.school.enrolments,
    );
    expect([...viaSchool.seen].sort()).toEqual([...root.seen].sort());
  });

  it('filters enrolments by status and start year', async () => {
    const year = enrolled[0]!.startYear;
    const res = await edu(`query($y: Int) { enrolments(first: 500, filter: { status: ENROLLED, startYear: $y }) { totalCount edges { node { status startYear endYear } } } }`, { y: year });
    expect(res.data.enrolments.totalCount).toBe(enrolled.filter((e) => e.startYear === year).length);
    for (const { node } of res.data.enrolments.edges) expect(node).toEqual({ status: 'ENROLLED', startYear: year, endYear: null });
    const graduated = await edu(`{ enrolments(first: 100, filter: { status: GRADUATED }) { totalCount edges { node { status endYear startYear } } } }`);
    expect(graduated.data.enrolments.totalCount).toBeGreaterThan(0);
    for (const { node } of graduated.data.enrolments.edges) expect(node.endYear).toBeGreaterThanOrEqual(node.startYear);
  });

  it("pages each school's enrolments on a list of schools, batched, to the same totals as one school at a time", async () => {
    const res = await edu(`query($code: ID!) {
      list: schools(first: 100, filter: { regionCode: "460108" }) { edges { node { code enrolments(first: 1) { totalCount edges { node { schoolCode } } pageInfo { hasNextPage } } } } }
      one: school(code: $code) { enrolments(first: 1) { totalCount } }
    }`, { code: busySchool });
    expect(res.errors).toBeUndefined();
    for (const { node } of res.data.list.edges) {
      const page = node.enrolments;
      expect(page.edges.length).toBe(Math.min(1, page.totalCount));
      expect(page.pageInfo.hasNextPage).toBe(page.totalCount > 1);
      for (const edge of page.edges) expect(edge.node.schoolCode).toBe(node.code);
    }
    const total = await edu(`query($code: ID) { enrolments(first: 0, filter: { schoolCode: $code }) { totalCount } }`, { code: busySchool });
    expect(res.data.one.enrolments.totalCount).toBe(total.data.enrolments.totalCount);
  });

  it.each([
    ['school(code: "123") { name }', 'code'],
    ['school(code: "9460105001") { name }', 'code'],
    ['school(code: "2460105000") { name }', 'code'],
    ['schools(filter: { regionCode: "46" }) { totalCount }', 'filter.regionCode'],
    ['schools(filter: { namePrefix: "" }) { totalCount }', 'filter.namePrefix'],
    ['schools(first: 501) { totalCount }', 'first'],
    ['schools(after: "bm90LWEtY3Vyc29y") { totalCount }', 'after'],
    ['enrolments(filter: { schoolCode: "24601050011" }) { totalCount }', 'filter.schoolCode'],
    ['enrolments(filter: { startYear: 1800 }) { totalCount }', 'filter.startYear'],
    ['region(code: "460100") { schools(first: 501) { totalCount } }', 'first'],
  ])('refuses %s with BAD_USER_INPUT naming %s', async (selection, argument) => {
    const res = await edu(`{ ${selection} }`);
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors![0].extensions?.argumentName).toBe(argument);
    expect(res.errors![0].message).toContain(`"${argument}"`);
    expect(res.body).not.toMatch(/stacktrace|select .* from/i);
  });

  it('returns null for an unknown but well-formed school code and enrolment ID', async () => {
    const res = await edu(`{ school(code: "2460105999") { name } enrolment(id: "ENOSUCHTHING") { id } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ school: null, enrolment: null });
  });
});

describe('SQL queries per federated request', () => {
  it('resolves a page of 100 persons with enrolments, schools and degrees in as many education queries as a page of 10', async () => {
    const small = await platform.countQueries(() => edu(PERSON_PAGE, { first: 10 }));
    let result: GraphQLResponse | undefined;
    const large = await platform.countQueries(async () => {
      result = await edu(PERSON_PAGE, { first: 100 });
    });
    expect(result!.errors).toBeUndefined();
    expect(result!.data.persons.edges).toHaveLength(100);
    // education: enrolments, degrees, the enrolments' schools.
    expect(large.education).toBeLessThanOrEqual(3);
    expect(large.education).toBe(small.education);
  });

  it("resolves a page of schools with each one's enrolment page and staff in a fixed number of queries", async () => {
    const query = `query($first: Int) { schools(first: $first, filter: { regionCode: "460100" }) { edges { node { code
      enrolments(first: 2) { totalCount edges { node { id person { id } } } } staff { role person { id } } } } } }`;
    const small = await platform.countQueries(() => edu(query, { first: 10 }));
    let result: GraphQLResponse | undefined;
    const large = await platform.countQueries(async () => {
      result = await edu(query, { first: 200 });
    });
    expect(result!.errors).toBeUndefined();
    expect(result!.data.schools.edges).toHaveLength(200);
    // education: the page of schools, their enrolments (one query, totals included), their staff.
    expect(large.education).toBeLessThanOrEqual(3);
    expect(large.education).toBe(small.education);
  });
});

describe('who sees what', () => {
  const PERSON = `query($id: ID!) { person(id: $id) { id name idNumber enrolments { id schoolCode status } highestDegree { level year } } }`;
  let pupil: { id: string; idNumber: string; enrolmentIds: string[]; degree: { level: string; year: number | null } };

  beforeAll(async () => {
    const police = await platform.as({ sub: 'police-hq', dept: 'public-security', roles: ['officer'], region: '460000' });
    const id = enrolled[0]!.person.id;
    const owner = await edu(PERSON, { id });
    const register = await platform.query(`query($id: ID!) { person(id: $id) { idNumber } }`, { id }, police);
    pupil = { id, idNumber: register.data.person.idNumber, enrolmentIds: owner.data.person.enrolments.map((e: any) => e.id), degree: owner.data.person.highestDegree };
  });

  it('returns enrolments and degrees in full to the education department, and the ID number masked', async () => {
    const res = await edu(PERSON, { id: pupil.id });
    expect(res.errors).toBeUndefined();
    expect(res.data.person.enrolments.map((e: any) => e.id)).toEqual(pupil.enrolmentIds);
    expect(res.data.person.enrolments.some((e: any) => e.status === 'ENROLLED')).toBe(true);
    expect(res.data.person.idNumber).toBe(`${pupil.idNumber.slice(0, 4)}**********${pupil.idNumber.slice(-4)}`);
  });

  it("returns another department the degree in full, the ID number masked, and refuses the enrolments (a minor's, CONDITIONAL)", async () => {
    const res = await as('healthAnalyst', PERSON, { id: pupil.id });
    expect(res.data.person.highestDegree).toEqual(pupil.degree);
    expect(res.data.person.idNumber).toMatch(/^\d{4}\*{10}/);
    expect(res.data.person.enrolments).toBeNull();
    const denied = res.errors!.find((e) => e.path?.includes('enrolments'))!;
    expect(denied.extensions).toMatchObject({ code: 'FORBIDDEN', type: 'Person', field: 'enrolments', sharing: 'CONDITIONAL', owner: 'education' });
    for (const id of pupil.enrolmentIds) expect(res.body).not.toContain(id);
    expect(res.body).not.toContain(pupil.idNumber);
  });

  it("shows another department no enrolment rows at all, and a school's staff but not its enrolments", async () => {
    const res = await as('healthAnalyst', `query($id: ID!, $code: ID!) {
      enrolments(first: 5) { totalCount edges { node { id } } }
      enrolment(id: $id) { id }
      school(code: $code) { name staff { role } enrolments(first: 5) { totalCount } }
    }`, { id: pupil.enrolmentIds[0], code: busySchool });
    expect(res.data.enrolments).toEqual({ totalCount: 0, edges: [] });
    expect(res.data.enrolment).toBeNull();
    expect(res.data.school.name).toEqual(expect.any(String));
    expect(res.data.school.staff).toEqual(expect.any(Array));
    expect(res.data.school.enrolments).toBeNull();
    expect(codes(res)).toEqual(['FORBIDDEN']);
    expect(res.errors![0].path).toEqual(['school', 'enrolments']);
  });

  it('refuses a filter on an enrolment field another department cannot read, instead of answering from hidden rows', async () => {
    const res = await as('healthAnalyst', `query($code: ID) { enrolments(filter: { schoolCode: $code }) { totalCount } }`, { code: busySchool });
    expect(codes(res)).toEqual(['FORBIDDEN']);
    expect(res.errors![0].message).toContain('Enrolment.schoolCode');
    expect(res.data?.enrolments ?? null).toBeNull();
    const byStatus = await as('healthAnalyst', `{ enrolments(filter: { status: ENROLLED }) { totalCount } }`);
    expect(codes(byStatus)).toEqual(['FORBIDDEN']);
  });

  it('shows the public open school data only: schools and their regions, no staff, enrolments or degrees', async () => {
    const res = await as('public', `query($code: ID!) { school(code: $code) { code name level type region { name } location staff { role } }
      region(code: "460100") { schools(first: 1) { totalCount } } enrolments(first: 5) { totalCount } }`, { code: busySchool });
    expect(res.data.school).toMatchObject({ code: busySchool, name: expect.any(String), region: { name: expect.any(String) }, staff: null });
    expect(res.data.region.schools.totalCount).toBeGreaterThan(0);
    expect(res.data.enrolments.totalCount).toBe(0);
    expect(codes(res)).toEqual(['FORBIDDEN']);
    // Straight to the subgraph: a person's degree and enrolments are refused to the public, values absent.
    const viaEntities = await direct('public', `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { highestDegree { level } enrolments { id } } } }`, { r: [{ __typename: 'Person', id: pupil.id }] });
    expect(viaEntities.data._entities[0]).toEqual({ highestDegree: null, enrolments: null });
    expect(codes(viaEntities).sort()).toEqual(['FORBIDDEN', 'FORBIDDEN']);
    for (const id of pupil.enrolmentIds) expect(viaEntities.body).not.toContain(id);
  });

  it('hides enrolments sent straight to the subgraph by reference from another department, as if they did not exist', async () => {
    const res = await direct('healthAnalyst', `query($r: [_Any!]!) { _entities(representations: $r) { ... on Enrolment { id status } } }`, { r: [{ __typename: 'Enrolment', id: pupil.enrolmentIds[0] }] });
    expect(res.data._entities).toEqual([null]);
    expect(res.errors).toBeUndefined();
  });
});

const ENROL = `mutation($input: EnrolStudentInput!, $key: String) { enrolStudent(input: $input, idempotencyKey: $key) {
  id version status grade startYear endYear schoolCode regionCode person { id name } school { code name } } }`;
const GRADUATE = `mutation($id: ID!, $v: Int!, $end: Int!, $key: String) { graduateStudent(enrolmentId: $id, expectedVersion: $v, endYear: $end, idempotencyKey: $key) {
  id version status startYear endYear } }`;

async function enrolmentCount(schoolCode: string): Promise<number> {
  const res = await edu(`query($code: ID) { enrolments(first: 0, filter: { schoolCode: $code }) { totalCount } }`, { code: schoolCode });
  return res.data.enrolments.totalCount;
}

let adultIndex = 0;
/** Each test enrols its own adult at the university, so tests do not depend on one another. */
const nextAdult = () => adults[adultIndex++]!;
const universityInput = (personId: string) => ({ personId, schoolCode: university.code, grade: 1, startYear: THIS_YEAR - 2 });

describe('enrolStudent', () => {
  it('returns the new enrolment to the education department, ENROLLED at version 1, and lists it with the person and the school', async () => {
    const adult = nextAdult();
    const before = await enrolmentCount(university.code);
    const res = await edu(ENROL, { input: universityInput(adult.id) });
    expect(res.errors).toBeUndefined();
    const enrolment = res.data.enrolStudent;
    expect(enrolment).toMatchObject({ version: 1, status: 'ENROLLED', grade: 1, startYear: THIS_YEAR - 2, endYear: null, schoolCode: university.code, regionCode: university.code.slice(1, 7) });
    expect(enrolment.person).toEqual({ id: adult.id, name: adult.name });
    expect(enrolment.school).toEqual(university);
    expect(await enrolmentCount(university.code)).toBe(before + 1);
    const person = await edu(`query($id: ID!) { person(id: $id) { enrolments { id } } }`, { id: adult.id });
    expect(person.data.person.enrolments.map((e: any) => e.id)).toContain(enrolment.id);
  });

  it('refuses another department with FORBIDDEN and writes nothing', async () => {
    const adult = nextAdult();
    const before = await enrolmentCount(university.code);
    const res = await as('healthOfficer', ENROL, { input: universityInput(adult.id) });
    expect(codes(res)).toEqual(['FORBIDDEN']);
    expect(res.errors![0].message).toContain('education');
    expect(res.data?.enrolStudent ?? null).toBeNull();
    expect(codes(await as('public', ENROL, { input: universityInput(adult.id) }))).toEqual(['FORBIDDEN']);
    expect(await enrolmentCount(university.code)).toBe(before);
  });

  it.each([
    ['a malformed person ID', { personId: 'P-1' }, 'input.personId'],
    ['a malformed school code', { schoolCode: '46010500' }, 'input.schoolCode'],
    ['an unknown school', { schoolCode: '6460108099' }, 'input.schoolCode'],
    ['a grade the school does not teach', { grade: 6 }, 'input.grade'],
    ['grade 0', { grade: 0 }, 'input.grade'],
    ['a start year before the records', { startYear: 1900 }, 'input.startYear'],
    ['a start year after next year', { startYear: THIS_YEAR + 2 }, 'input.startYear'],
  ])('refuses %s with BAD_USER_INPUT naming the field, and writes nothing', async (_, change, argument) => {
    const adult = nextAdult();
    const before = await enrolmentCount(university.code);
    const res = await edu(ENROL, { input: { ...universityInput(adult.id), ...change } });
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors![0].extensions?.argumentName).toBe(argument);
    expect(res.errors![0].extensions?.reason).toEqual(expect.any(String));
    expect(await enrolmentCount(university.code)).toBe(before);
  });

  it('refuses a grade that does not fit the level of the school, saying which grades it teaches', async () => {
    const junior = await edu(`{ schools(first: 1, filter: { level: JUNIOR_SECONDARY }) { edges { node { code } } } }`);
    const res = await edu(ENROL, { input: { ...universityInput(nextAdult().id), schoolCode: junior.data.schools.edges[0].node.code, grade: 4 } });
    expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'input.grade' });
    expect(res.errors![0].message).toContain('grades 1 to 3');
  });

  it('refuses a reference to a person the population register does not know, naming them', async () => {
    const res = await edu(ENROL, { input: universityInput('PZZZZZZZZ') });
    expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'input.personId', unknown: ['PZZZZZZZZ'] });
  });

  it('refuses a second active enrolment of a person at the same school', async () => {
    const pupil = enrolled[1]!;
    const res = await edu(ENROL, { input: { personId: pupil.person.id, schoolCode: pupil.schoolCode, grade: 1, startYear: THIS_YEAR } });
    expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'input.personId' });
    expect(res.errors![0].message).toContain(pupil.id);
  });

  it('returns the first result on a replay with the same idempotency key and writes once; a different request under it is a CONFLICT', async () => {
    const adult = nextAdult();
    const before = await enrolmentCount(university.code);
    const variables = { input: universityInput(adult.id), key: `enrol-${adult.id}-0001` };
    const first = await edu(ENROL, variables);
    const replay = await edu(ENROL, variables);
    expect(first.errors).toBeUndefined();
    expect(replay.data.enrolStudent).toEqual(first.data.enrolStudent);
    expect(await enrolmentCount(university.code)).toBe(before + 1);
    const reused = await edu(ENROL, { ...variables, input: { ...variables.input, grade: 2 } });
    expect(codes(reused)).toEqual(['CONFLICT']);
    const badKey = await edu(ENROL, { input: universityInput(nextAdult().id), key: 'short' });
    expect(badKey.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'idempotencyKey' });
  });
});

describe('graduateStudent', () => {
  async function freshEnrolment(): Promise<{ id: string; version: number; startYear: number; personId: string }> {
    const adult = nextAdult();
    const res = await edu(ENROL, { input: universityInput(adult.id) });
    expect(res.errors).toBeUndefined();
    return { ...res.data.enrolStudent, personId: adult.id };
  }

  it('returns the graduated enrolment at the next version, and lets the person enrol at that school again', async () => {
    const enrolment = await freshEnrolment();
    const res = await edu(GRADUATE, { id: enrolment.id, v: 1, end: THIS_YEAR });
    expect(res.errors).toBeUndefined();
    expect(res.data.graduateStudent).toEqual({ id: enrolment.id, version: 2, status: 'GRADUATED', startYear: enrolment.startYear, endYear: THIS_YEAR });
    const again = await edu(ENROL, { input: { ...universityInput(enrolment.personId), startYear: THIS_YEAR } });
    expect(again.errors).toBeUndefined();
  });

  it('refuses a stale expected version with CONFLICT and the current version, and changes nothing', async () => {
    const enrolment = await freshEnrolment();
    await edu(GRADUATE, { id: enrolment.id, v: 1, end: THIS_YEAR });
    const stale = await edu(GRADUATE, { id: enrolment.id, v: 1, end: THIS_YEAR - 1 });
    expect(stale.errors![0].extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
    const now = await edu(`query($id: ID!) { enrolment(id: $id) { version endYear } }`, { id: enrolment.id });
    expect(now.data.enrolment).toEqual({ version: 2, endYear: THIS_YEAR });
  });

  it('refuses to graduate an enrolment that is not ENROLLED', async () => {
    const enrolment = await freshEnrolment();
    await edu(GRADUATE, { id: enrolment.id, v: 1, end: THIS_YEAR });
    const res = await edu(GRADUATE, { id: enrolment.id, v: 2, end: THIS_YEAR });
    expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'enrolmentId' });
    expect(res.errors![0].message).toContain('GRADUATED');
  });

  it.each([
    ['before the start year', -3],
    ['in the future', 1],
  ])('refuses an end year %s with BAD_USER_INPUT naming endYear, and changes nothing', async (_, delta) => {
    const enrolment = await freshEnrolment();
    const res = await edu(GRADUATE, { id: enrolment.id, v: 1, end: THIS_YEAR + delta });
    expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'endYear' });
    const now = await edu(`query($id: ID!) { enrolment(id: $id) { version status } }`, { id: enrolment.id });
    expect(now.data.enrolment).toEqual({ version: 1, status: 'ENROLLED' });
  });

  it('refuses an unknown enrolment with NOT_FOUND and a malformed version with BAD_USER_INPUT', async () => {
    const res = await edu(GRADUATE, { id: 'ENOSUCHTHING', v: 1, end: THIS_YEAR });
    expect(codes(res)).toEqual(['NOT_FOUND']);
    const enrolment = await freshEnrolment();
    const version = await edu(GRADUATE, { id: enrolment.id, v: 0, end: THIS_YEAR });
    expect(version.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'expectedVersion' });
  });

  it('refuses another department with FORBIDDEN and changes nothing', async () => {
    const enrolment = await freshEnrolment();
    const res = await as('healthOfficer', GRADUATE, { id: enrolment.id, v: 1, end: THIS_YEAR });
    expect(codes(res)).toEqual(['FORBIDDEN']);
    const now = await edu(`query($id: ID!) { enrolment(id: $id) { version status } }`, { id: enrolment.id });
    expect(now.data.enrolment).toEqual({ version: 1, status: 'ENROLLED' });
  });

  it('returns the first result on a replay with the same idempotency key and updates once', async () => {
    const enrolment = await freshEnrolment();
    const variables = { id: enrolment.id, v: 1, end: THIS_YEAR, key: `graduate-${enrolment.id}` };
    const first = await edu(GRADUATE, variables);
    const replay = await edu(GRADUATE, variables);
    expect(first.errors).toBeUndefined();
    expect(replay.errors).toBeUndefined();
    expect(replay.data.graduateStudent).toEqual(first.data.graduateStudent);
    const now = await edu(`query($id: ID!) { enrolment(id: $id) { version } }`, { id: enrolment.id });
    expect(now.data.enrolment.version).toBe(2);
  });
});
