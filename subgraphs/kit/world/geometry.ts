// Small, dependency-free geometry for the synthetic world: GeoJSON types, great-circle distance,
// turf-compatible spherical areas, point-in-polygon, and SYNTHETIC Hainan boundaries.
//
// The boundaries are not the real ones (those are not freely licensed); they are a power-weighted
// Voronoi partition of a rough island outline around the real seats, good enough to make synthetic
// addresses, coordinates and region codes agree with each other.

import type { Rng } from './rng';
import { HAINAN_REGIONS, ISLAND_UNITS, hainanAncestry, hainanRegion } from './hainan';

export type LonLat = [number, number];

export interface Point {
  type: 'Point';
  coordinates: LonLat;
}

export interface Polygon {
  type: 'Polygon';
  /** Closed linear rings (first point repeated last); the first is the exterior (counter-clockwise), the rest holes. */
  coordinates: LonLat[][];
}

export interface MultiPolygon {
  type: 'MultiPolygon';
  coordinates: LonLat[][][];
}

export type AreaGeometry = Polygon | MultiPolygon;

/** WGS84 mean radius, as used by turf. */
export const EARTH_RADIUS_METRES = 6371008.8;
const RAD = Math.PI / 180;

export function haversineMetres(a: LonLat, b: LonLat): number {
  const dLat = (b[1] - a[1]) * RAD;
  const dLon = (b[0] - a[0]) * RAD;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * RAD) * Math.cos(b[1] * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(h)));
}

// Same formula as turf's area (Chamberlain & Duquette, "Some algorithms for polygons on a sphere").
// Accepts open or closed rings; the sign depends on orientation.
function ringAreaSigned(ring: readonly LonLat[]): number {
  let n = ring.length;
  if (n > 1 && ring[0]![0] === ring[n - 1]![0] && ring[0]![1] === ring[n - 1]![1]) n--;
  if (n < 3) return 0;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const prev = ring[(i + n - 1) % n]!;
    const cur = ring[i]!;
    const next = ring[(i + 1) % n]!;
    total += (next[0] - prev[0]) * RAD * Math.sin(cur[1] * RAD);
  }
  return (total * EARTH_RADIUS_METRES * EARTH_RADIUS_METRES) / 2;
}

function polygonRingsArea(rings: readonly (readonly LonLat[])[]): number {
  let area = 0;
  rings.forEach((ring, i) => {
    const a = Math.abs(ringAreaSigned(ring));
    area += i === 0 ? a : -a;
  });
  return area;
}

export function polygonAreaSquareMetres(geojson: AreaGeometry): number {
  if (geojson.type === 'Polygon') return polygonRingsArea(geojson.coordinates);
  let area = 0;
  for (const polygon of geojson.coordinates) area += polygonRingsArea(polygon);
  return area;
}

// Even-odd ray casting in the lon/lat plane. Works for open or closed rings (a closing duplicate
// point adds a zero-length edge that never toggles).
function inRing(x: number, y: number, ring: readonly LonLat[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const xi = ring[i]![0];
    const yi = ring[i]![1];
    const xj = ring[j]![0];
    const yj = ring[j]![1];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function inPolygonRings(x: number, y: number, rings: readonly (readonly LonLat[])[]): boolean {
  if (rings.length === 0 || !inRing(x, y, rings[0]!)) return false;
  for (let i = 1; i < rings.length; i++) if (inRing(x, y, rings[i]!)) return false;
  return true;
}

/** True when point is strictly inside (points exactly on an edge may go either way). */
export function pointInPolygon(point: LonLat, geojson: AreaGeometry): boolean {
  const [x, y] = point;
  if (geojson.type === 'Polygon') return inPolygonRings(x, y, geojson.coordinates);
  for (const polygon of geojson.coordinates) if (inPolygonRings(x, y, polygon)) return true;
  return false;
}

export type BBox = [minLon: number, minLat: number, maxLon: number, maxLat: number];

export function bbox(geojson: AreaGeometry | Point): BBox {
  const box: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  const add = (p: LonLat): void => {
    if (p[0] < box[0]) box[0] = p[0];
    if (p[1] < box[1]) box[1] = p[1];
    if (p[0] > box[2]) box[2] = p[0];
    if (p[1] > box[3]) box[3] = p[1];
  };
  if (geojson.type === 'Point') add(geojson.coordinates);
  else if (geojson.type === 'Polygon') geojson.coordinates.forEach((ring) => ring.forEach(add));
  else geojson.coordinates.forEach((polygon) => polygon.forEach((ring) => ring.forEach(add)));
  return box;
}

// ---------------------------------------------------------------------------------------------
// Synthetic Hainan boundaries.

// Rough outline of Hainan island (counter-clockwise, open ring), following the coast from 木兰头 in
// the north-east westward along 琼州海峡, down the west coast, east along the south coast and back
// up the east coast. About 34,000 km2, like the real island.
const ISLAND_OUTLINE: readonly LonLat[] = [
  [110.69, 20.16], // 木兰头
  [110.6, 20.08],
  [110.56, 20.03], // 铺前湾
  [110.48, 20.06],
  [110.4, 20.08],
  [110.34, 20.07], // 海口湾
  [110.28, 20.06], // 秀英港
  [110.2, 20.04],
  [110.12, 20.02],
  [110.04, 19.99], // 马村
  [109.95, 19.99],
  [109.82, 19.96],
  [109.7, 20.03], // 临高角
  [109.6, 19.96],
  [109.5, 19.92],
  [109.4, 19.89],
  [109.28, 19.88], // 峨蔓
  [109.18, 19.77], // 洋浦
  [109.15, 19.7],
  [109.08, 19.62],
  [108.96, 19.5],
  [108.84, 19.42],
  [108.7, 19.33], // 昌化
  [108.64, 19.2],
  [108.61, 19.1], // 八所
  [108.63, 18.95],
  [108.66, 18.8],
  [108.68, 18.64],
  [108.7, 18.5], // 莺歌海
  [108.83, 18.43],
  [108.95, 18.4],
  [109.08, 18.35],
  [109.18, 18.31], // 南山
  [109.35, 18.285], // 天涯海角
  [109.48, 18.22], // 鹿回头
  [109.56, 18.17], // 锦母角
  [109.64, 18.21], // 亚龙湾
  [109.73, 18.29],
  [109.78, 18.38], // 海棠湾
  [109.9, 18.4],
  [110.0, 18.4], // 新村
  [110.07, 18.46],
  [110.15, 18.56], // 香水湾
  [110.25, 18.62], // 石梅湾
  [110.4, 18.66],
  [110.48, 18.72], // 神州半岛
  [110.5, 18.85],
  [110.56, 19.0],
  [110.6, 19.15], // 博鳌
  [110.65, 19.25], // 潭门
  [110.72, 19.38],
  [110.8, 19.5],
  [110.85, 19.55], // 清澜
  [110.95, 19.6],
  [111.03, 19.65], // 铜鼓岭
  [111.0, 19.8],
  [110.97, 19.95], // 抱虎角
  [110.9, 20.05],
  [110.8, 20.12],
];

// Voronoi tuning. Seats make poor generators (many sit on a coast or at the edge of their unit, and
// the four Haikou district offices are within 6 km of each other), so each unit has a generator
// point moved from its seat towards the middle of its real territory, plus a power weight in km2
// (power distance = d^2 - w: a larger weight pushes the unit's borders outwards). Both were fitted
// offline (w += k * (real area - area); a generator whose seat fell outside its cell was pulled back
// towards the seat) so that every unit gets roughly its real area and every seat lies inside its
// own cell (tested).
const SITE_TUNING: Readonly<Record<string, { site: LonLat; powerKm2: number }>> = {
  '460100': { site: [110.379, 19.939], powerKm2: 620 },
  '460105': { site: [110.261, 19.9909], powerKm2: -29 },
  '460106': { site: [110.317, 19.9628], powerKm2: -19 },
  '460107': { site: [110.3894, 19.9445], powerKm2: 15 },
  '460108': { site: [110.45, 20.045], powerKm2: 44 },
  '460200': { site: [109.469, 18.321], powerKm2: 243 },
  '460202': { site: [109.7, 18.42], powerKm2: -173 },
  '460203': { site: [109.58, 18.32], powerKm2: -109 },
  '460204': { site: [109.4441, 18.3432], powerKm2: -17 },
  '460205': { site: [109.18, 18.4], powerKm2: 296 },
  '460400': { site: [109.384, 19.611], powerKm2: 716 },
  '469001': { site: [109.519, 18.828], powerKm2: -301 },
  '469002': { site: [110.422, 19.179], powerKm2: -379 },
  '469005': { site: [110.786, 19.779], powerKm2: 227 },
  '469006': { site: [110.313, 18.834], powerKm2: -188 },
  '469007': { site: [108.826, 18.996], powerKm2: -69 },
  '469021': { site: [110.3498, 19.6416], powerKm2: -152 },
  '469022': { site: [110.066, 19.319], powerKm2: -318 },
  '469023': { site: [110.002, 19.676], powerKm2: 206 },
  '469024': { site: [109.696, 19.847], powerKm2: 252 },
  '469025': { site: [109.381, 19.207], powerKm2: 158 },
  '469026': { site: [109.051, 19.183], powerKm2: -178 },
  '469027': { site: [109.123, 18.658], powerKm2: -180 },
  '469028': { site: [109.976, 18.537], powerKm2: -478 },
  '469029': { site: [109.631, 18.611], powerKm2: -261 },
  '469030': { site: [109.847, 19.046], powerKm2: 83 },
};

// Planar approximation for the partition: x = lon * cos(19.2°), y = lat, in degrees.
const X_SCALE = Math.cos(19.2 * RAD);

interface HalfPlane {
  a: number;
  b: number;
  c: number; // inside: a*lon + b*lat <= c
}

interface Site {
  code: string;
  x: number;
  y: number;
  power: number; // r^2 in scaled degrees^2
}

function siteFor(code: string): Site {
  const region = hainanRegion(code)!;
  const tuning = SITE_TUNING[code];
  const [lon, lat] = tuning?.site ?? region.seat;
  return { code, x: lon * X_SCALE, y: lat, power: (tuning?.powerKm2 ?? 0) / (111.195 * 111.195) };
}

// {p : |p - i|^2 - wi <= |p - j|^2 - wj}  <=>  2 p.(j - i) <= |j|^2 - |i|^2 + wi - wj
function powerHalfPlane(i: Site, j: Site): HalfPlane {
  return {
    a: 2 * (j.x - i.x) * X_SCALE,
    b: 2 * (j.y - i.y),
    c: j.x * j.x + j.y * j.y - i.x * i.x - i.y * i.y + i.power - j.power,
  };
}

/**
 * Clips a simple counter-clockwise ring (open) to a half-plane. Unlike Sutherland-Hodgman this
 * returns separate rings when a concave coast is cut into several pieces, instead of joining them
 * with zero-width bridges.
 */
function clipRing(ring: readonly LonLat[], h: HalfPlane): LonLat[][] {
  const n = ring.length;
  const f = ring.map((p) => h.c - (h.a * p[0] + h.b * p[1]));
  const start = f.findIndex((v) => v < 0);
  if (start < 0) return [ring.slice()];
  if (f.every((v) => v < 0)) return [];
  interface Chain {
    points: LonLat[];
    entryT: number;
    exitT: number;
    next?: number;
  }
  const along = (p: LonLat): number => -h.b * p[0] + h.a * p[1];
  const cross = (p: LonLat, q: LonLat, fp: number, fq: number): LonLat => {
    const t = fp / (fp - fq);
    return [p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])];
  };
  const chains: Chain[] = [];
  let current: LonLat[] | null = null;
  for (let k = 0; k < n; k++) {
    const i = (start + k) % n;
    const j = (i + 1) % n;
    const p = ring[i]!;
    const q = ring[j]!;
    const fp = f[i]!;
    const fq = f[j]!;
    if (fp < 0 && fq >= 0) {
      current = [cross(p, q, fp, fq), q];
    } else if (fp >= 0 && fq >= 0) {
      current!.push(q);
    } else if (fp >= 0 && fq < 0) {
      const exit = cross(p, q, fp, fq);
      current!.push(exit);
      chains.push({ points: current!, entryT: along(current![0]!), exitT: along(exit) });
      current = null;
    }
  }
  // Along the cutting line the crossings pair up (1st-2nd, 3rd-4th, ...) as intervals inside the
  // polygon; each interval joins one chain's exit to another (or the same) chain's entry.
  const crossings = chains
    .flatMap((c, idx) => [
      { t: c.entryT, idx, entry: true },
      { t: c.exitT, idx, entry: false },
    ])
    .sort((p, q) => p.t - q.t);
  for (let k = 0; k < crossings.length; k += 2) {
    const p = crossings[k]!;
    const q = crossings[k + 1]!;
    if (p.entry === q.entry) throw new Error('clipRing: crossings do not alternate (ring not simple?)');
    const exit = p.entry ? q : p;
    const entry = p.entry ? p : q;
    chains[exit.idx]!.next = entry.idx;
  }
  const rings: LonLat[][] = [];
  const used = new Set<number>();
  for (let s = 0; s < chains.length; s++) {
    if (used.has(s)) continue;
    const out: LonLat[] = [];
    for (let c = s; !used.has(c); c = chains[c]!.next!) {
      used.add(c);
      out.push(...chains[c]!.points);
    }
    rings.push(dedupe(out));
  }
  return rings.filter((r) => r.length >= 3);
}

function dedupe(ring: LonLat[]): LonLat[] {
  const out: LonLat[] = [];
  for (const p of ring) {
    const last = out[out.length - 1];
    if (!last || Math.abs(last[0] - p[0]) > 1e-12 || Math.abs(last[1] - p[1]) > 1e-12) out.push(p);
  }
  while (out.length > 1 && Math.abs(out[0]![0] - out[out.length - 1]![0]) <= 1e-12 && Math.abs(out[0]![1] - out[out.length - 1]![1]) <= 1e-12) out.pop();
  return out;
}

/** Splits the pieces (open rings) among the sites by a power diagram. */
function partition(pieces: readonly LonLat[][], codes: readonly string[]): Map<string, LonLat[][]> {
  const sites = codes.map(siteFor);
  const cells = new Map<string, LonLat[][]>();
  for (const site of sites) {
    let rings = pieces.map((r) => r.slice());
    for (const other of sites) {
      if (other === site) continue;
      const h = powerHalfPlane(site, other);
      rings = rings.flatMap((r) => clipRing(r, h));
    }
    cells.set(site.code, rings);
  }
  return cells;
}

const round7 = (v: number): number => Math.round(v * 1e7) / 1e7;

function toGeometry(rings: readonly LonLat[][]): Polygon | MultiPolygon {
  // Coordinates rounded to 1 cm so the output is compact and identical on every platform.
  const close = (r: readonly LonLat[]): LonLat[] => {
    const out = r.map((p) => [round7(p[0]), round7(p[1])] as LonLat);
    out.push([out[0]![0], out[0]![1]]);
    return out;
  };
  if (rings.length === 1) return { type: 'Polygon', coordinates: [close(rings[0]!)] };
  return { type: 'MultiPolygon', coordinates: rings.map((r) => [close(r)]) };
}

/** A regular 12-gon (open ring, counter-clockwise) of the given radius around a point. */
function islet(centre: LonLat, radiusMetres: number): LonLat[] {
  const dLat = radiusMetres / (EARTH_RADIUS_METRES * RAD);
  const dLon = dLat / Math.cos(centre[1] * RAD);
  const ring: LonLat[] = [];
  for (let k = 0; k < 12; k++) {
    const angle = (2 * Math.PI * k) / 12;
    ring.push([centre[0] + dLon * Math.cos(angle), centre[1] + dLat * Math.sin(angle)]);
  }
  return ring;
}

function freezeDeep<T>(value: T): T {
  if (Array.isArray(value)) value.forEach(freezeDeep);
  else if (value && typeof value === 'object') Object.values(value).forEach(freezeDeep);
  return Object.freeze(value);
}

let boundaries: ReadonlyMap<string, Polygon | MultiPolygon> | undefined;

/** Island outline used by hainanBoundaries (closed ring), exposed for tests and maps. */
export function hainanIslandOutline(): Polygon {
  return toGeometry([ISLAND_OUTLINE.slice()]) as Polygon;
}

/**
 * SYNTHETIC boundaries for every region of HAINAN_REGIONS (deterministic, computed once, frozen).
 * Not the legal boundaries: use only for synthetic data and demos.
 */
export function hainanBoundaries(): ReadonlyMap<string, Polygon | MultiPolygon> {
  if (boundaries) return boundaries;
  const map = new Map<string, Polygon | MultiPolygon>();
  const outline = [ISLAND_OUTLINE.slice()];
  const units = partition(outline, ISLAND_UNITS.map((r) => r.code));
  for (const [code, rings] of units) {
    map.set(code, toGeometry(rings));
    const districts = HAINAN_REGIONS.filter((r) => r.parentCode === code);
    if (districts.length > 0) {
      for (const [d, dRings] of partition(rings, districts.map((r) => r.code))) map.set(d, toGeometry(dRings));
    }
  }
  const xisha = islet(hainanRegion('460301')!.seat, 1200);
  const nansha = islet(hainanRegion('460302')!.seat, 1000);
  map.set('460301', toGeometry([xisha]));
  map.set('460302', toGeometry([nansha]));
  map.set('460300', toGeometry([xisha, nansha]));
  map.set('460000', toGeometry([ISLAND_OUTLINE.slice(), xisha, nansha]));
  // Keep HAINAN_REGIONS order so iteration is predictable.
  const ordered = new Map(HAINAN_REGIONS.map((r) => [r.code, freezeDeep(map.get(r.code)!)] as const));
  boundaries = ordered;
  return boundaries;
}

// ---------------------------------------------------------------------------------------------
// Lookups.

interface IndexedRegion {
  code: string;
  geometry: AreaGeometry;
  box: BBox;
}

let leafIndex: IndexedRegion[] | undefined;
let upperIndex: IndexedRegion[] | undefined;

function indexes(): { leaves: IndexedRegion[]; upper: IndexedRegion[] } {
  if (!leafIndex || !upperIndex) {
    const all = [...hainanBoundaries()].map(([code, geometry]) => ({ code, geometry, box: bbox(geometry) }));
    const isParent = new Set(HAINAN_REGIONS.map((r) => r.parentCode));
    leafIndex = all.filter((r) => !isParent.has(r.code));
    // Most specific first: cities before the province.
    upperIndex = all.filter((r) => isParent.has(r.code)).reverse();
  }
  return { leaves: leafIndex, upper: upperIndex };
}

const inBox = (p: LonLat, b: BBox): boolean => p[0] >= b[0] && p[0] <= b[2] && p[1] >= b[1] && p[1] <= b[3];

/** The most specific Hainan region code whose synthetic boundary contains the point. */
export function regionAt(point: LonLat): string | undefined {
  const { leaves, upper } = indexes();
  for (const r of leaves) if (inBox(point, r.box) && pointInPolygon(point, r.geometry)) return r.code;
  for (const r of upper) if (inBox(point, r.box) && pointInPolygon(point, r.geometry)) return r.code;
  return undefined;
}

const areaCache = new Map<string, number>();

function regionArea(code: string, geometry: AreaGeometry): number {
  let area = areaCache.get(code);
  if (area === undefined) {
    area = polygonAreaSquareMetres(geometry);
    areaCache.set(code, area);
  }
  return area;
}

const round6 = (v: number): number => Math.round(v * 1e6) / 1e6;

/**
 * A random point inside the region, rounded to 6 decimals (~0.1 m), such that
 * regionAt(point) is the region itself or one of its descendants. Draws a gaussian around
 * near.centre (default: the seat, with a spread that grows with the region's size) and rejects
 * points outside; falls back to uniform sampling in the bounding box, then to the seat.
 */
export function randomPointIn(rng: Rng, code: string, near?: { centre: LonLat; sdMetres: number }): LonLat {
  const region = hainanRegion(code);
  const geometry = hainanBoundaries().get(code);
  if (!region || !geometry) throw new RangeError(`Unknown Hainan region code ${code}.`);
  const accept = (p: LonLat): boolean => {
    if (!pointInPolygon(p, geometry)) return false;
    const found = regionAt(p);
    return found === code || (found !== undefined && hainanAncestry(found).some((r) => r.code === code));
  };
  const centre = near?.centre ?? region.seat;
  const sd = near?.sdMetres ?? Math.min(20_000, Math.max(300, Math.sqrt(regionArea(code, geometry)) / 4));
  const metresPerDegLat = EARTH_RADIUS_METRES * RAD;
  for (let attempt = 0; attempt < 48; attempt++) {
    const dy = rng.normal(0, sd);
    const dx = rng.normal(0, sd);
    const p: LonLat = [
      round6(centre[0] + dx / (metresPerDegLat * Math.cos(centre[1] * RAD))),
      round6(centre[1] + dy / metresPerDegLat),
    ];
    if (accept(p)) return p;
  }
  // Uniform fallback; for a MultiPolygon first pick a part by area so tiny islets are not swamped.
  const parts: AreaGeometry[] =
    geometry.type === 'Polygon' ? [geometry] : geometry.coordinates.map((c) => ({ type: 'Polygon', coordinates: c }));
  const weighted = parts.map((g) => [g, polygonAreaSquareMetres(g)] as const);
  for (let attempt = 0; attempt < 1000; attempt++) {
    const part = rng.weighted(weighted);
    const [minX, minY, maxX, maxY] = bbox(part);
    const p: LonLat = [round6(minX + rng.next() * (maxX - minX)), round6(minY + rng.next() * (maxY - minY))];
    if (accept(p)) return p;
  }
  return [region.seat[0], region.seat[1]];
}
