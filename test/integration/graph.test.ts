/**
 * The one graph: a person with household, residence region, health record, schooling, properties, credit profile,
 * and the enterprises they represent with those enterprises' credit, in one request through the gateway; and the
 * SQL it costs in each subgraph, which must not grow with the page size.
 */
import { PROVINCE_POLICY } from '../../auth/province-policy';
import { staticPolicyStore } from '../../subgraphs/kit/policy-store';
import { DOMAINS } from '../../subgraphs/kit/config';
import { GENEROUS_QUERY_LIMITS, startPlatform, type Platform } from '../support/platform';

// An auditor role that may read every shared field (caps still keep other departments' NOT_SHARED data), so that
// every link of the query is followed and every loader runs.
const READ_ALL = { id: 'test-read-all', dept: 'data-bureau', role: 'auditor', rules: [{ action: 'read' as const, subject: 'all' }] };

let platform: Platform;
let auditor: Record<string, string>;

beforeAll(async () => {
  platform = await startPlatform('graph', { queryLimits: GENEROUS_QUERY_LIMITS, persons: 600, seed: 31, start: { policies: staticPolicyStore([...PROVINCE_POLICY, READ_ALL]) } });
  auditor = await platform.as({ sub: 'auditor-1', dept: 'data-bureau', roles: ['auditor'] });
});
afterAll(async () => {
  await platform?.stop();
});

const FULL_PERSON = `
  id name
  household { id members { relationship person { id name } } }
  residence { region { code name } }
  healthRecord { id bloodType chronicConditions { code } vaccinations { vaccine date facility { name } } }
  properties { id certificateNumber floorArea owners { share person { id } enterprise { uscc } } }
  enrolments { id grade status school { code name level } }
  highestDegree { level }
  credit { rating factors { loanHistory { factor effect } dishonestList { factor effect } } onDishonestList }
  enterprises { uscc name status credit { rating onDishonestList } }
  shareholdings { share enterprise { uscc } }`;

describe('the cross-domain person', () => {
  it('returns a person with data from every domain in one request', async () => {
    const res = await platform.query(`{ persons(first: 200, filter: { status: LIVING }) { edges { node { ${FULL_PERSON} } } } }`, undefined, auditor);
    // Even a read-all role does not get another department's NOT_SHARED data (the chronic conditions): those, and
    // only those, are refused.
    expect(res.errors?.length).toBeGreaterThan(0);
    for (const e of res.errors!) expect(e.extensions).toMatchObject({ code: 'FORBIDDEN', sharing: 'NOT_SHARED', field: 'chronicConditions' });
    const people = res.data.persons.edges.map((e: any) => e.node);
    expect(people.some((p: any) => p.enterprises?.length > 0 && p.enterprises[0].credit?.rating)).toBe(true);
    expect(people.some((p: any) => p.enrolments?.length > 0)).toBe(true);
    expect(people.some((p: any) => p.credit?.rating)).toBe(true);
    expect(people.some((p: any) => p.healthRecord?.id)).toBe(true);
    expect(people.some((p: any) => p.properties?.length > 0 && p.properties[0].floorArea > 0)).toBe(true);
    expect(people.every((p: any) => p.residence?.region?.code)).toBe(true);
  });

  it('costs the same small number of SQL queries in each subgraph for a page of 300 persons as for 100', async () => {
    const query = `query($first: Int) { persons(first: $first) { edges { node { ${FULL_PERSON} } } } }`;
    const counts = async (first: number) => {
      await platform.query(query, { first }, auditor);
      return platform.countQueries(() => platform.query(query, { first }, auditor));
    };
    // Pages large enough that every kind of child (a vaccination, a property owned by an enterprise) occurs in both.
    const small = await counts(100);
    const large = await counts(300);
    expect(large).toEqual(small);
    for (const domain of DOMAINS) expect(large[domain]).toBeLessThanOrEqual(6);
    // Printed for docs/measurements.md.
    process.stdout.write(`SQL per request, 300 persons across the graph: ${JSON.stringify(large)}\n`);
    // Four pages of up to 300 whole persons across eight subgraphs: over a minute on a loaded 2-core machine (a
    // fresh clone's first run, every test file in parallel). The bound that matters is the SQL count above.
  }, 180_000);
});
