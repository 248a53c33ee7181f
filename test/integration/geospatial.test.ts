/** Spatial queries of the geospatial subgraph, through the gateway, on the seeded synthetic world. */
import { startPlatform, type Platform } from '../support/platform';

let platform: Platform;
/** An officer of natural resources, which owns the geographic information service. */
let surveyor: Record<string, string>;
const q = (query: string, variables?: Record<string, unknown>) => platform.query(query, variables, surveyor);

beforeAll(async () => {
  platform = await startPlatform('geospatial', { persons: 300, seed: 5 });
  surveyor = await platform.as({ sub: 'surveyor', dept: 'natural-resources', roles: ['officer'], region: '460000' });
});
afterAll(async () => {
  await platform?.stop();
});

describe('regions', () => {
  it('returns Hainan with its real prefecture-level cities and Haikou with its four districts', async () => {
    const res = await q(`{
      hainan: region(code: "460000") { name level children { code name level } area }
      haikou: region(code: "460100") { name parent { code } children { code name } boundary seat }
    }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.hainan.name).toBe('海南省');
    const codes = res.data.hainan.children.map((c: any) => c.code);
    expect(codes).toEqual(expect.arrayContaining(['460100', '460200', '460300', '460400', '469001', '469030']));
    expect(res.data.haikou.children.map((c: any) => c.name)).toEqual(['秀英区', '龙华区', '琼山区', '美兰区']);
    expect(res.data.haikou.parent.code).toBe('460000');
    expect(['Polygon', 'MultiPolygon']).toContain(res.data.haikou.boundary.type);
    expect(res.data.haikou.seat.type).toBe('Point');
    // Hainan island is about 33,900 km2; the synthetic outline should be close.
    expect(res.data.hainan.area / 1e6).toBeGreaterThan(28_000);
    expect(res.data.hainan.area / 1e6).toBeLessThan(40_000);
  });

  it('finds the most specific region containing each leaf region seat', async () => {
    const res = await q(`{ regions(level: DISTRICT) { code seat } counties: regions(level: COUNTY) { code seat } }`);
    for (const region of [...res.data.regions, ...res.data.counties]) {
      const [lon, lat] = region.seat.coordinates;
      const at = await q(`query($lon: Float!, $lat: Float!) { regionAt(lon: $lon, lat: $lat) { code } }`, { lon, lat });
      expect(at.data.regionAt?.code).toBe(region.code);
    }
  });

  it('returns null for a point outside Hainan and refuses an impossible coordinate', async () => {
    const outside = await q(`{ regionAt(lon: 116.4, lat: 39.9) { code } }`);
    expect(outside.data.regionAt).toBeNull();
    const bad = await q(`{ regionAt(lon: 200, lat: 20) { code } }`);
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('measures the great-circle distance between Haikou and Sanya in metres', async () => {
    const res = await q(`{ distance(from: { lon: 110.3312, lat: 20.0311 }, to: { lon: 109.5119, lat: 18.2528 }) }`);
    expect(res.data.distance).toBeGreaterThan(200_000);
    expect(res.data.distance).toBeLessThan(225_000);
  });
});

describe('places', () => {
  async function somePlace() {
    const res = await q(`{ persons(first: 1, filter: { status: LIVING }) { edges { node { residence { place { id lon lat } } } } } }`);
    return res.data.persons.edges[0].node.residence.place as { id: string; lon: number; lat: number };
  }

  it('finds an address point within a circle, a box and a polygon around it, and pages through consistently', async () => {
    const p = await somePlace();
    const d = 0.01;
    const polygon = { type: 'Polygon', coordinates: [[[p.lon - d, p.lat - d], [p.lon + d, p.lat - d], [p.lon + d, p.lat + d], [p.lon - d, p.lat + d], [p.lon - d, p.lat - d]]] };
    const res = await q(
      `query($c: PointInput!, $polygon: GeoJSON!, $box: BoxInput!) {
        circle: places(within: { circle: { centre: $c, radius: 500 } }, first: 500) { totalCount edges { node { id lon lat } } }
        box: places(within: { box: $box }, first: 500) { totalCount edges { node { id } } }
        polygon: places(within: { polygon: $polygon }, first: 500) { totalCount edges { node { id } } }
      }`,
      { c: { lon: p.lon, lat: p.lat }, polygon, box: { minLon: p.lon - d, minLat: p.lat - d, maxLon: p.lon + d, maxLat: p.lat + d } },
    );
    expect(res.errors).toBeUndefined();
    for (const key of ['circle', 'box', 'polygon']) expect(res.data[key].edges.map((e: any) => e.node.id)).toContain(p.id);
    expect(res.data.box.totalCount).toBe(res.data.polygon.totalCount);
    const far = await q(`query($a: PointInput!, $b: PointInput!) { distance(from: $a, to: $b) }`, { a: { lon: p.lon, lat: p.lat }, b: (({ lon, lat }) => ({ lon, lat }))(res.data.circle.edges[res.data.circle.edges.length - 1].node) });
    expect(far.data.distance).toBeLessThanOrEqual(500);

    const all = new Set<string>();
    let after: string | null = null;
    do {
      const page: any = await q(`query($box: BoxInput!, $after: String) { places(within: { box: $box }, first: 3, after: $after) { pageInfo { hasNextPage endCursor } edges { node { id } } } }`, {
        box: { minLon: p.lon - d, minLat: p.lat - d, maxLon: p.lon + d, maxLat: p.lat + d },
        after,
      });
      for (const e of page.data.places.edges) all.add(e.node.id);
      after = page.data.places.pageInfo.hasNextPage ? page.data.places.pageInfo.endCursor : null;
    } while (after);
    expect(all.size).toBe(res.data.box.totalCount);
  });

  it('refuses an area that is not exactly one shape, a radius above the maximum and an open polygon', async () => {
    const none = await q(`{ places(within: {}) { totalCount } }`);
    expect(none.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const big = await q(`{ places(within: { circle: { centre: { lon: 110.3, lat: 20 }, radius: 1e7 } }) { totalCount } }`);
    expect(big.errors?.[0].message).toContain('50000');
    const open = await q(`{ places(within: { polygon: { type: "Polygon", coordinates: [[[110, 20], [110.1, 20], [110.1, 20.1]]] } }) { totalCount } }`);
    expect(open.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const notGeo = await q(`{ places(within: { polygon: { hello: 1 } }) { totalCount } }`);
    expect(notGeo.errors?.[0].extensions?.code).toMatch(/BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED/);
  });
});
