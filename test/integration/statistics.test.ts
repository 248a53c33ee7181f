/**
 * Statistics through the gateway: the aggregate permission and row scope, disclosure control against the
 * recomputation attacks (totals, two queries differing by one filter, repetition), cross-domain region
 * indicators, and the request facts. Real HTTP servers; SQLite, or PostgreSQL with DATABASE_URL.
 */
import { todayInChina } from '../../subgraphs/kit/scalars';
import { onStatisticsRequest, refreshStatistics, type StatisticsRequestFacts } from '../../subgraphs/kit/statistics';
import { startPlatform, type GraphQLResponse, type Platform } from '../support/platform';

let platform: Platform;
const headers: Record<string, Record<string, string>> = {};
const facts: StatisticsRequestFacts[] = [];
let unsubscribe: () => void;

const CALLERS = {
  province: { sub: 'stats-bureau', dept: 'statistics', roles: ['dashboard'], region: '460000' },
  haikou: { sub: 'stats-haikou', dept: 'statistics', roles: ['dashboard'], region: '460100' },
  noArea: { sub: 'stats-nowhere', dept: 'statistics', roles: ['dashboard'] },
  healthAnalyst: { sub: 'health-analyst', dept: 'health', roles: ['analyst'], region: '460000' },
  housingAnalyst: { sub: 'housing-analyst', dept: 'housing', roles: ['analyst'], region: '460000' },
  police: { sub: 'police-officer', dept: 'public-security', roles: ['officer'], region: '460000' },
};
type Caller = keyof typeof CALLERS | 'public';

const as = (caller: Caller, query: string, variables?: Record<string, unknown>) => platform.query(query, variables, caller === 'public' ? {} : headers[caller]);
const codes = (res: GraphQLResponse) => (res.errors ?? []).map((e) => String(e.extensions?.code));

interface Cell {
  keys: (string | null)[];
  value: number | null;
  measures: (number | null)[];
  suppressed: boolean;
  suppression: string | null;
}

const TABLE = 'statistic unit dimensions measures k asOf cells { keys value measures suppressed suppression }';
const POPULATION = `query($groupBy: [PopulationDimension!]!, $filter: [PopulationStatisticsFilter!]) { populationStatistics(groupBy: $groupBy, filter: $filter) { ${TABLE} } }`;

/** True counts straight from the population database, for checking what was published. */
async function trueCounts(sql: string): Promise<Map<string, number>> {
  const config = platform.subgraphs.population.db.config;
  const person = config.driver === 'postgresql' ? `"${config.schema}".person` : 'person';
  const rows = (await platform.subgraphs.population.db.orm.em.fork().getConnection().execute(sql.replace(' from person', ` from ${person}`))) as { key: string; n: number | string }[];
  return new Map(rows.map((r) => [String(r.key), Number(r.n)]));
}

const countyOf = "hukou_region_code";

beforeAll(async () => {
  platform = await startPlatform('statistics', { persons: 1500 });
  for (const [name, claims] of Object.entries(CALLERS)) headers[name] = await platform.as(claims);
  unsubscribe = onStatisticsRequest((f) => facts.push(f));
  // Rollups are built in the background at start: wait for them, so both paths are exercised below.
  await Promise.all(Object.values(platform.subgraphs).map((s) => refreshStatistics(s.db.orm.em)));
}, 240_000);

afterAll(async () => {
  unsubscribe?.();
  await platform?.stop();
});

describe('populationStatistics', () => {
  it('returns counts by city to a province dashboard, withholding cells under k and perturbing the rest by at most 2', async () => {
    const res = await as('province', POPULATION, { groupBy: ['CITY'] });
    expect(res.errors).toBeUndefined();
    const table = res.data.populationStatistics;
    expect(table).toMatchObject({ statistic: 'population', unit: 'PERSONS', dimensions: ['CITY'], k: 10 });
    // Persons registered in Hainan: floating residents registered elsewhere are not the province's to count.
    const truth = await trueCounts(`select case when substr(${countyOf}, 3, 2) = '90' then ${countyOf} else substr(${countyOf}, 1, 4) || '00' end as key, count(*) as n from person where ${countyOf} like '46%' group by 1`);
    for (const cell of table.cells as Cell[]) {
      const n = cell.keys[0] === null ? [...truth.values()].reduce((a, b) => a + b, 0) : truth.get(cell.keys[0])!;
      if (n > 0 && n < 10) expect(cell).toMatchObject({ value: null, suppressed: true, suppression: 'PRIMARY' });
      if (!cell.suppressed) expect(Math.abs(cell.value! - n)).toBeLessThanOrEqual(2);
    }
  });

  it('reads no person record for the same dashboard', async () => {
    const res = await as('province', '{ persons(first: 1) { totalCount edges { node { name } } } }');
    expect(res.data.persons).toEqual({ totalCount: 0, edges: [] });
  });

  it('counts only Haikou for a Haikou dashboard', async () => {
    const res = await as('haikou', POPULATION, { groupBy: ['CITY'] });
    expect(res.errors).toBeUndefined();
    const keys = (res.data.populationStatistics.cells as Cell[]).map((c) => c.keys[0]);
    expect(keys.sort()).toEqual(['460100', null].sort());
    const province = await as('province', POPULATION, { groupBy: ['CITY'] });
    const haikou = (province.data.populationStatistics.cells as Cell[]).find((c) => c.keys[0] === '460100');
    expect(res.data.populationStatistics.cells.find((c: Cell) => c.keys[0] === '460100')).toEqual(haikou);
  });

  it('is audited like a record read: the statistic and every field it counted by, in the serving subgraph', async () => {
    await as('haikou', POPULATION, { groupBy: ['CITY'] });
    const auditor = await platform.as({ sub: 'auditor-stats', dept: 'data-bureau', roles: ['auditor'] });
    const res = await platform.query(`{ auditRecords(filter: { domain: "population", sub: "stats-haikou", kind: "aggregate" }) { edges { node { kind region recordKeys fields { field decision } } } } }`, undefined, auditor);
    expect(res.errors).toBeUndefined();
    const records = res.data.auditRecords.edges.map((e: any) => e.node);
    expect(records.length).toBeGreaterThan(0);
    expect(records[0].region).toBe('460100');
    expect(records[0].recordKeys.some((k: string) => k.startsWith('Statistic:population.'))).toBe(true);
    expect(records[0].fields.some((f: any) => f.decision === 'AGGREGATE' && f.field.startsWith('Person.'))).toBe(true);
  });

  it('refuses callers without the aggregate permission with FORBIDDEN naming the field', async () => {
    for (const caller of ['healthAnalyst', 'noArea', 'public'] as const) {
      const res = await as(caller, POPULATION, { groupBy: ['AGE_BAND'] });
      expect(codes(res)).toEqual(['FORBIDDEN']);
      expect(res.errors![0].extensions).toMatchObject({ type: 'Person', field: 'birthDate', action: 'aggregate' });
    }
    expect(facts.some((f) => f.outcome === 'FORBIDDEN' && f.forbiddenField === 'birthDate' && f.caller.sub === 'health-analyst')).toBe(true);
  });

  it('rejects unknown filter values before they reach SQL', async () => {
    const res = await as('province', POPULATION, { groupBy: ['CITY'], filter: [{ dimension: 'GENDER', value: "MALE' or 1=1 --" }] });
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
  });
});

describe('disclosure control against recomputation', () => {
  it('leaves no withheld cell of a two-way table recomputable from its row, column or grand totals', async () => {
    const res = await as('province', POPULATION, { groupBy: ['COUNTY', 'AGE_BAND'] });
    expect(res.errors).toBeUndefined();
    const cells = res.data.populationStatistics.cells as Cell[];
    const id = (keys: (string | null)[]) => JSON.stringify(keys);
    const byId = new Map(cells.map((c) => [id(c.keys), c]));
    expect(cells.some((c) => c.suppression === 'PRIMARY')).toBe(true);
    for (const target of cells.filter((c) => c.suppressed)) {
      for (const d of [0, 1]) {
        if (target.keys[d] === null) continue;
        const totalKeys = target.keys.map((k, i) => (i === d ? null : k));
        const line = cells.filter((c) => c !== target && c.keys[d] !== null && c.keys.every((k, i) => i === d || k === totalKeys[i]));
        const total = byId.get(id(totalKeys))!;
        // Total minus the others would give it: at least one of them must be withheld too.
        expect(total.suppressed || line.some((c) => c.suppressed)).toBe(true);
      }
    }
  });

  it('withholds a filtered count that differs from the unfiltered one by fewer than k persons', async () => {
    const filtered = await as('province', POPULATION, { groupBy: ['COUNTY'], filter: [{ dimension: 'STATUS', value: 'LIVING' }] });
    const all = await as('province', POPULATION, { groupBy: ['COUNTY'] });
    expect(filtered.errors).toBeUndefined();
    const truthAll = await trueCounts(`select ${countyOf} as key, count(*) as n from person group by 1`);
    const truthLiving = await trueCounts(`select ${countyOf} as key, count(*) as n from person where status = 'LIVING' group by 1`);
    let guarded = 0;
    for (const cell of filtered.data.populationStatistics.cells as Cell[]) {
      const county = cell.keys[0];
      if (county === null) continue;
      const difference = (truthAll.get(county) ?? 0) - (truthLiving.get(county) ?? 0);
      const other = (all.data.populationStatistics.cells as Cell[]).find((c) => c.keys[0] === county)!;
      if (difference > 0 && difference < 10 && !other.suppressed) {
        // Both published would give the small group (deceased or emigrated) by subtraction.
        expect(cell.suppressed).toBe(true);
        guarded += 1;
      }
    }
    expect(guarded).toBeGreaterThan(0);
  });

  it('answers the same numbers to the same question, so repeating it averages no noise away', async () => {
    const once = await as('province', POPULATION, { groupBy: ['COUNTY', 'GENDER'] });
    const again = await as('province', POPULATION, { groupBy: ['GENDER', 'COUNTY'] });
    const values = (res: GraphQLResponse, flip: boolean) =>
      new Map((res.data.populationStatistics.cells as Cell[]).map((c) => [JSON.stringify(flip ? [...c.keys].reverse() : c.keys), c.value]));
    expect(values(again, true)).toEqual(values(once, false));
  });

  it('applies the stricter minimum cell size to SENSITIVE fields (transfer prices)', async () => {
    const res = await as('housingAnalyst', `{ housingTransferStatistics(groupBy: [CITY], measures: [PRICE]) { k cells { keys value measures suppressed } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.housingTransferStatistics.k).toBe(20);
    for (const c of res.data.housingTransferStatistics.cells as Cell[]) if (c.suppressed) expect(c.measures).toEqual([null]);
    const counts = await as('housingAnalyst', `{ housingTransferStatistics(groupBy: [CITY]) { k } }`);
    expect(counts.data.housingTransferStatistics.k).toBe(10);
  });
});

describe('region indicators', () => {
  const INDICATORS = `{ region(code: "460000") {
    code residents { value suppressed } enterprisesPerThousandResidents { value suppressed } floorAreaPerResident { value suppressed }
    enrolmentRate { value suppressed } vaccinationCoverage { value suppressed } insuranceCoverage { value suppressed }
    taxGradeAShare { value suppressed } overdueLoanShare { value suppressed }
    children { code residents { value suppressed suppression } activeEnterprises { value suppressed } enterprisesPerThousandResidents { value suppressed } }
  } }`;

  it('composes every domain\'s indicators for the province and its cities through the gateway', async () => {
    const res = await as('province', INDICATORS);
    expect(res.errors).toBeUndefined();
    const province = res.data.region;
    expect(province.residents.value).toBeGreaterThan(1000);
    expect(province.enterprisesPerThousandResidents.value).toBeGreaterThan(0);
    for (const share of ['vaccinationCoverage', 'insuranceCoverage', 'taxGradeAShare', 'overdueLoanShare', 'enrolmentRate']) {
      if (province[share].suppressed) expect(province[share].value).toBeNull();
      else expect(province[share].value).toBeGreaterThan(0);
      // Enrolment counts students where their school is, and some are 18 or older: slightly above 1 is possible.
      expect(province[share].value ?? 0).toBeLessThanOrEqual(1.2);
    }
    expect(province.vaccinationCoverage.suppressed).toBe(false);
    expect(province.children.length).toBeGreaterThan(10);
    // A withheld value never comes with a number, and a city's ratio is withheld when its counts are.
    for (const city of province.children) {
      if (city.residents.suppressed) expect(city.residents.value).toBeNull();
      if (city.residents.suppressed || city.activeEnterprises.suppressed) expect(city.enterprisesPerThousandResidents.value).toBeNull();
    }
    const answered = facts.filter((f) => f.outcome === 'ANSWERED' && f.caller.sub === 'stats-bureau');
    expect(new Set(answered.map((f) => f.domain))).toEqual(new Set(['population', 'enterprise', 'housing', 'education', 'health', 'credit']));
    expect(answered.every((f) => f.suppressed !== undefined && f.source?.startsWith('rollup:'))).toBe(true);
    // Vaccinations are SENSITIVE: their tables take k = 20; the others 10.
    expect(new Set(answered.filter((f) => f.dimensions.length === 1 && f.filters.some((x) => x.dimension === 'VACCINATED')).map((f) => f.k))).toEqual(new Set([20]));
    expect(new Set(answered.filter((f) => f.domain === 'population').map((f) => f.k))).toEqual(new Set([10]));
  });

  it('refuses indicators to the public', async () => {
    const res = await as('public', '{ region(code: "460000") { name residents { value } } }');
    expect(res.data.region.name).toBeTruthy();
    expect(codes(res)).toContain('FORBIDDEN');
  });
});

describe('freshness', () => {
  it('rebuilds the rollups shortly after a write through the graph, and says when the numbers are from', async () => {
    const query = `{ populationStatistics(groupBy: [GENDER], filter: [{ dimension: BIRTH_YEAR, value: "${todayInChina().slice(0, 4)}" }]) { asOf } }`;
    const before = (await as('province', query)).data.populationStatistics.asOf;
    const page = await as('police', '{ persons(first: 1, filter: { regionCode: "460100" }) { edges { node { household { id } } } } }');
    const householdId = page.data.persons.edges[0].node.household.id;
    const born = await as('police', 'mutation($input: RegisterBirthInput!) { registerBirth(input: $input) { id } }', {
      input: { name: '王小统', gender: 'MALE', birthDate: todayInChina(), ethnicityCode: '01', householdId },
    });
    expect(born.errors).toBeUndefined();
    let after = before;
    for (let waited = 0; after === before && waited < 30_000; waited += 500) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      after = (await as('province', query)).data.populationStatistics.asOf;
    }
    expect(after > before).toBe(true);
  }, 40_000);
});
