/**
 * Coalesced entity fetches (gateway/coalesce.ts) over real HTTP: a gateway that merges the entity fetches of one
 * request to one subgraph answers every caller byte for byte as one that sends each fetch alone (data, masks,
 * withheld values, FORBIDDEN errors at their paths; errors in any order, as parallel fetches give them), with fewer
 * calls into the subgraphs.
 */
import { gatewayConfig, DOMAINS, type DomainName } from '../../subgraphs/kit/config';
import { requestsTotal } from '../../subgraphs/kit/metrics';
import { startGateway, type RunningGateway } from '../../gateway';
import { scenarios } from '../../bench/gateways/scenarios';
import { postGraphQL, startPlatform, type Platform } from '../support/platform';

let platform: Platform;
let separate: RunningGateway;

beforeAll(async () => {
  platform = await startPlatform('coalesce', { persons: 300, seed: 11, rateLimits: false });
  const urls = Object.fromEntries(DOMAINS.map((d) => [d, platform.subgraphs[d].url])) as Record<DomainName, string>;
  const base = gatewayConfig({});
  separate = await startGateway({ ...base, safety: { ...base.safety, rateLimits: { ...base.safety.rateLimits, enabled: false } }, auth: platform.auth, port: 0, subgraphUrls: urls, coalesce: false });
});
afterAll(async () => {
  await separate?.stop();
  await platform?.stop();
});

async function callsInto(domain: DomainName): Promise<number> {
  const { values } = await requestsTotal.get();
  return values.filter((v) => v.labels.service === domain).reduce((sum, v) => sum + v.value, 0);
}

/** The same request through both gateways: the answers, and the calls population, enterprise and credit got for each. */
async function both(query: string, headers: Record<string, string>, variables?: Record<string, unknown>) {
  const counted = ['population', 'enterprise', 'credit'] as const;
  const calls = async (url: string) => {
    const before = await Promise.all(counted.map(callsInto));
    const res = await postGraphQL(url, query, variables, headers);
    const after = await Promise.all(counted.map(callsInto));
    return { res, calls: after.map((n, i) => n - before[i]!) };
  };
  return { merged: await calls(platform.gateway.url), alone: await calls(separate.url) };
}

/**
 * The answer with its errors in a fixed order: fetches running in parallel finish in any order, with or without
 * coalescing, and the gateway lists their errors as they come.
 */
function canonical(res: { data?: unknown; errors?: unknown[] }): string {
  return JSON.stringify({ data: res.data ?? null, errors: (res.errors ?? []).map((e) => JSON.stringify(e)).sort() });
}

const personId = async () => {
  const officer = await platform.as({ sub: 'officer-1', dept: 'public-security', roles: ['officer'], region: '460000' });
  return (await platform.query('{ persons(first: 1) { edges { node { id } } } }', undefined, officer)).data.persons.edges[0].node.id as string;
};

describe('coalesced entity fetches', () => {
  it('answer the dashboard byte for byte as separate fetches, with one call per domain instead of two', async () => {
    const dashboard = scenarios('unused').dashboard;
    const headers = await platform.as(dashboard.claims);
    const { merged, alone } = await both(dashboard.query, headers);
    expect(merged.res.errors).toBeUndefined();
    expect(merged.res.body).toBe(alone.res.body);
    expect(merged.res.data.region.children.length).toBeGreaterThan(10);
    // Province and cities: two entity fetches to each domain; merged, one.
    expect(alone.calls).toEqual([2, 2, 2]);
    expect(merged.calls).toEqual([1, 1, 1]);
  });

  it('keep each caller’s refusals at their own paths: an analyst without the aggregate permission gets the same errors', async () => {
    const dashboard = scenarios('unused').dashboard;
    const analyst = await platform.as({ sub: 'edu-analyst-1', dept: 'education', roles: ['analyst'], region: '460100' });
    const { merged, alone } = await both(dashboard.query, analyst);
    expect(merged.res.errors?.length).toBeGreaterThan(0);
    expect(merged.res.errors!.some((e: { path?: unknown[] }) => (e.path ?? []).includes('children'))).toBe(true);
    expect(canonical(merged.res)).toBe(canonical(alone.res));
  });

  it('answer records, masks and withheld fields the same for every kind of caller', async () => {
    const id = await personId();
    // Two paths to geospatial's Region, and two to credit, in one request: fetches that merge.
    const query = `query Two($id: ID!) { person(id: $id) { id name idNumber residence { region { code name } } credit { rating score } }
      persons(first: 5) { edges { node { id name idNumber residence { region { code name } } credit { rating } } } } }`;
    const callers = [
      { sub: 'officer-1', dept: 'public-security', roles: ['officer'], region: '460000' },
      { sub: 'housing-1', dept: 'housing', roles: ['officer'], region: '460000' },
      { sub: 'health-1', dept: 'health', roles: ['analyst'], region: '460100' },
      { sub: 'public-1', dept: 'public', roles: ['public'], region: null },
    ];
    let merges = 0;
    for (const claims of callers) {
      const { merged, alone } = await both(query, await platform.as(claims as never), { id });
      if (alone.calls[2] === 2) merges += 1;
      expect({ caller: claims.sub, answer: canonical(merged.res) }).toEqual({ caller: claims.sub, answer: canonical(alone.res) });
      // credit: the person's profile and the page's, one call instead of two, where the caller reaches credit at all.
      expect(merged.calls[2]).toBe(alone.calls[2] === 2 ? 1 : alone.calls[2]);
    }
    expect(merges).toBeGreaterThanOrEqual(2);
  });
});
