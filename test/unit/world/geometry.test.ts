import {
  EARTH_RADIUS_METRES,
  bbox,
  hainanBoundaries,
  hainanIslandOutline,
  haversineMetres,
  pointInPolygon,
  polygonAreaSquareMetres,
  randomPointIn,
} from '../../../subgraphs/kit/world/geometry';
import type { LonLat, MultiPolygon, Polygon } from '../../../subgraphs/kit/world/geometry';
import { regionAt } from '../../../subgraphs/kit/world/geometry';
import { HAINAN_REGIONS, ISLAND_UNITS, hainanRegion } from '../../../subgraphs/kit/world/hainan';
import { rngFor } from '../../../subgraphs/kit/world/rng';

const RAD = Math.PI / 180;
const square = (x0: number, y0: number, size: number): LonLat[] => [
  [x0, y0], [x0 + size, y0], [x0 + size, y0 + size], [x0, y0 + size], [x0, y0],
];
const rings = (g: Polygon | MultiPolygon): LonLat[][] => (g.type === 'Polygon' ? g.coordinates : g.coordinates.flat());

describe('haversineMetres', () => {
  it('returns great-circle distances', () => {
    expect(haversineMetres([0, 0], [0, 0])).toBe(0);
    // One degree of longitude on the equator.
    expect(haversineMetres([0, 0], [1, 0])).toBeCloseTo(EARTH_RADIUS_METRES * RAD, 3);
    // Haikou to Sanya is about 215 km as the crow flies.
    const d = haversineMetres(hainanRegion('460100')!.seat, hainanRegion('460200')!.seat);
    expect(d).toBeGreaterThan(205_000);
    expect(d).toBeLessThan(225_000);
  });
});

describe('polygonAreaSquareMetres', () => {
  it('returns the spherical area of a 1-degree cell (turf formula)', () => {
    const expected = EARTH_RADIUS_METRES ** 2 * RAD * Math.sin(RAD);
    expect(polygonAreaSquareMetres({ type: 'Polygon', coordinates: [square(0, 0, 1)] })).toBeCloseTo(expected, 0);
    // Orientation and the closing point do not matter.
    const clockwise = square(0, 0, 1).slice(0, 4).reverse();
    expect(polygonAreaSquareMetres({ type: 'Polygon', coordinates: [clockwise] })).toBeCloseTo(expected, 0);
  });

  it('returns the outer area minus holes, summed over a MultiPolygon', () => {
    const outer = polygonAreaSquareMetres({ type: 'Polygon', coordinates: [square(110, 19, 1)] });
    const hole = polygonAreaSquareMetres({ type: 'Polygon', coordinates: [square(110.25, 19.25, 0.5)] });
    expect(polygonAreaSquareMetres({ type: 'Polygon', coordinates: [square(110, 19, 1), square(110.25, 19.25, 0.5)] })).toBeCloseTo(outer - hole, 0);
    const multi: MultiPolygon = { type: 'MultiPolygon', coordinates: [[square(110, 19, 1)], [square(112, 19, 1)]] };
    expect(polygonAreaSquareMetres(multi)).toBeGreaterThan(2 * outer * 0.99);
  });
});

describe('pointInPolygon', () => {
  const withHole: Polygon = { type: 'Polygon', coordinates: [square(0, 0, 10), square(4, 4, 2)] };

  it('returns true inside and false outside or inside a hole', () => {
    expect(pointInPolygon([1, 1], withHole)).toBe(true);
    expect(pointInPolygon([5, 5], withHole)).toBe(false);
    expect(pointInPolygon([11, 5], withHole)).toBe(false);
    expect(pointInPolygon([-0.1, 5], withHole)).toBe(false);
  });

  it('returns true in any part of a MultiPolygon', () => {
    const multi: MultiPolygon = { type: 'MultiPolygon', coordinates: [withHole.coordinates, [square(20, 20, 1)]] };
    expect(pointInPolygon([20.5, 20.5], multi)).toBe(true);
    expect(pointInPolygon([5, 5], multi)).toBe(false);
    expect(pointInPolygon([15, 15], multi)).toBe(false);
  });
});

describe('bbox', () => {
  it('returns [minLon, minLat, maxLon, maxLat]', () => {
    expect(bbox({ type: 'Polygon', coordinates: [square(1, 2, 3)] })).toEqual([1, 2, 4, 5]);
    expect(bbox({ type: 'MultiPolygon', coordinates: [[square(1, 2, 3)], [square(-5, 0, 1)]] })).toEqual([-5, 0, 4, 5]);
    expect(bbox({ type: 'Point', coordinates: [110, 20] })).toEqual([110, 20, 110, 20]);
  });
});

describe('hainanBoundaries', () => {
  const boundaries = hainanBoundaries();
  const outline = hainanIslandOutline();
  const outlineArea = polygonAreaSquareMetres(outline);

  it('returns a geometry for every region, and the same frozen map every time', () => {
    expect([...boundaries.keys()]).toEqual(HAINAN_REGIONS.map((r) => r.code));
    expect(hainanBoundaries()).toBe(boundaries);
    expect(Object.isFrozen(boundaries.get('460106'))).toBe(true);
    expect(boundaries.get('460000')!.type).toBe('MultiPolygon');
    expect(boundaries.get('460300')!.type).toBe('MultiPolygon');
  });

  it('returns closed, counter-clockwise, simple rings', () => {
    const segmentsCross = (a: LonLat, b: LonLat, c: LonLat, d: LonLat): boolean => {
      const o = (p: LonLat, q: LonLat, r: LonLat): number => Math.sign((q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]));
      return o(a, b, c) * o(a, b, d) < 0 && o(c, d, a) * o(c, d, b) < 0;
    };
    for (const [code, geometry] of boundaries) {
      for (const ring of rings(geometry)) {
        expect(ring.length).toBeGreaterThanOrEqual(4);
        expect(ring[0]).toEqual(ring[ring.length - 1]);
        let twiceArea = 0;
        for (let i = 0; i + 1 < ring.length; i++) twiceArea += ring[i]![0] * ring[i + 1]![1] - ring[i + 1]![0] * ring[i]![1];
        expect({ code, ccw: twiceArea > 0 }).toEqual({ code, ccw: true });
        const n = ring.length - 1;
        for (let i = 0; i < n; i++) {
          for (let j = i + 2; j < n; j++) {
            if (i === 0 && j === n - 1) continue;
            expect({ code, i, j, cross: segmentsCross(ring[i]!, ring[i + 1]!, ring[j]!, ring[j + 1]!) }).toEqual({ code, i, j, cross: false });
          }
        }
      }
    }
  });

  it('returns an island outline of 40-60 vertices and 30,000-36,000 km2', () => {
    const vertices = outline.coordinates[0]!.length - 1;
    expect(vertices).toBeGreaterThanOrEqual(40);
    expect(vertices).toBeLessThanOrEqual(60);
    expect(outlineArea / 1e6).toBeGreaterThan(30_000);
    expect(outlineArea / 1e6).toBeLessThan(36_000);
  });

  it('returns every seat inside its own region', () => {
    for (const r of HAINAN_REGIONS) expect({ code: r.code, inside: pointInPolygon(r.seat, boundaries.get(r.code)!) }).toEqual({ code: r.code, inside: true });
  });

  it('returns positive areas, with the county-level units summing to the island within 0.5%', () => {
    for (const [code, geometry] of boundaries) expect({ code, positive: polygonAreaSquareMetres(geometry) > 0 }).toEqual({ code, positive: true });
    const sum = ISLAND_UNITS.reduce((s, r) => s + polygonAreaSquareMetres(boundaries.get(r.code)!), 0);
    expect(Math.abs(sum / outlineArea - 1)).toBeLessThan(0.005);
    for (const city of ['460100', '460200', '460300']) {
      const districts = HAINAN_REGIONS.filter((r) => r.parentCode === city);
      const dSum = districts.reduce((s, r) => s + polygonAreaSquareMetres(boundaries.get(r.code)!), 0);
      expect(Math.abs(dSum / polygonAreaSquareMetres(boundaries.get(city)!) - 1)).toBeLessThan(0.005);
    }
  });

  it('returns plausible areas: every county-level unit between 500 and 5,000 km2', () => {
    for (const r of ISLAND_UNITS) {
      const km2 = polygonAreaSquareMetres(boundaries.get(r.code)!) / 1e6;
      expect({ code: r.code, plausible: km2 > 500 && km2 < 5000 }).toEqual({ code: r.code, plausible: true });
    }
  });

  it('returns non-overlapping siblings: random island points fall in exactly one unit and one district', () => {
    const rng = rngFor(1, 'geometry-test');
    const [minX, minY, maxX, maxY] = bbox(outline);
    const province = boundaries.get('460000')!;
    const problems: string[] = [];
    let onIsland = 0;
    for (let k = 0; k < 20_000; k++) {
      const p: LonLat = [minX + rng.next() * (maxX - minX), minY + rng.next() * (maxY - minY)];
      const units = ISLAND_UNITS.filter((r) => pointInPolygon(p, boundaries.get(r.code)!)).map((r) => r.code);
      if (!pointInPolygon(p, outline)) {
        if (units.length > 0 || regionAt(p) !== undefined) problems.push(`${p} off the island but in ${units}`);
        continue;
      }
      onIsland++;
      if (units.length !== 1) {
        problems.push(`${p} in units ${units}`);
        continue;
      }
      const unit = units[0]!;
      const districts = HAINAN_REGIONS.filter((r) => r.parentCode === unit && pointInPolygon(p, boundaries.get(r.code)!)).map((r) => r.code);
      if ((unit === '460100' || unit === '460200') && districts.length !== 1) problems.push(`${p} in districts ${districts}`);
      if (regionAt(p) !== (districts[0] ?? unit)) problems.push(`${p} regionAt ${regionAt(p)}`);
      if (!pointInPolygon(p, province)) problems.push(`${p} outside the province`);
    }
    expect(problems.slice(0, 10)).toEqual([]);
    expect(onIsland).toBeGreaterThan(10_000);
  });

  it('returns Sansha as small polygons around Yongxing Island and Yongshu Reef', () => {
    expect(regionAt([112.34, 16.83])).toBe('460301');
    expect(regionAt([112.89, 9.55])).toBe('460302');
    expect(regionAt([112.5, 16.5])).toBeUndefined();
    expect(polygonAreaSquareMetres(boundaries.get('460300')!) / 1e6).toBeLessThan(20);
  });
});

describe('regionAt', () => {
  it('returns the most specific region at a seat, and undefined at sea', () => {
    for (const r of HAINAN_REGIONS) {
      const found = regionAt(r.seat)!;
      const chain: string[] = [];
      for (let c: string | null = found; c; c = hainanRegion(c)!.parentCode) chain.push(c);
      expect(chain).toContain(r.code);
      if (!HAINAN_REGIONS.some((x) => x.parentCode === r.code)) expect(found).toBe(r.code);
    }
    expect(regionAt([110.5, 20.4])).toBeUndefined(); // 琼州海峡
    expect(regionAt([0, 0])).toBeUndefined();
  });
});

describe('randomPointIn', () => {
  it('returns points inside every region, also with an explicit centre', () => {
    const rng = rngFor(2, 'randomPointIn');
    for (const r of HAINAN_REGIONS) {
      const geometry = hainanBoundaries().get(r.code)!;
      for (let k = 0; k < 100; k++) {
        const p = randomPointIn(rng, r.code);
        expect(pointInPolygon(p, geometry)).toBe(true);
        const found = regionAt(p)!;
        expect(found === r.code || hainanRegion(found)!.parentCode === r.code || r.code === '460000').toBe(true);
      }
      // A centre far outside the region still ends inside it (uniform fallback).
      const far = randomPointIn(rng, r.code, { centre: [100, 30], sdMetres: 1000 });
      expect(pointInPolygon(far, geometry)).toBe(true);
    }
  });

  it('returns points rounded to 6 decimals, deterministically', () => {
    const a = randomPointIn(rngFor(3, 'x'), '460106');
    const b = randomPointIn(rngFor(3, 'x'), '460106');
    expect(a).toEqual(b);
    for (const v of a) expect(Math.round(v * 1e6) / 1e6).toBe(v);
  });

  it('returns a RangeError for unknown codes', () => {
    expect(() => randomPointIn(rngFor(1), '469000')).toThrow(RangeError);
  });
});
