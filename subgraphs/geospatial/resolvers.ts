/** The geographic information service's vocabulary: regions, address points, where persons live, distances. */
import type { FilterQuery } from '@mikro-orm/core';
import { badInput } from '../kit/errors';
import { MAX_PAGE_SIZE, decodeCursor, emptyConnection, encodeCursor, pageSize, type Connection } from '../kit/pagination';
import { findAllVisible, restrict } from '../kit/scope';
import { REGION_CODE } from '../kit/region-codes';
import { bbox, haversineMetres, pointInPolygon, type LonLat, type MultiPolygon, type Polygon } from '../kit/world/geometry';
import type { AreaInput, PointInput, Resolvers } from './__generated__/resolvers';
import { Place, Region, type PlaceRow, type RegionRow } from './entities';
import type { GeospatialContext } from './loaders';

const LEVEL_DEPTH: Record<string, number> = { PROVINCE: 0, CITY: 1, COUNTY: 2, DISTRICT: 3 };
export const MAX_RADIUS_METRES = 50_000;
// Exact shape tests run in the process on the candidates the index returns; bound them.
export const MAX_CANDIDATES = 200_000;

function point(argument: string, lon: number, lat: number): LonLat {
  if (!Number.isFinite(lon) || lon < -180 || lon > 180) throw badInput(`${argument}.lon`, 'longitude must be between -180 and 180.');
  if (!Number.isFinite(lat) || lat < -90 || lat > 90) throw badInput(`${argument}.lat`, 'latitude must be between -90 and 90.');
  return [lon, lat];
}

function regionCode(argument: string, code: string): string {
  if (!REGION_CODE.test(code)) throw badInput(argument, 'a region code has 6 digits (GB/T 2260), e.g. 460100.');
  return code;
}

function geometryOf(region: RegionRow): Polygon | MultiPolygon {
  return JSON.parse(region.boundary) as Polygon | MultiPolygon;
}

type Shape = { box: [number, number, number, number]; contains: (p: LonLat) => boolean };

/** The area argument as a bounding box for the index plus an exact test. */
export function shapeOf(within: AreaInput): Shape {
  const given = [within.circle, within.box, within.polygon].filter((v) => v != null);
  if (given.length !== 1) throw badInput('within', 'give exactly one of circle, box or polygon.');
  if (within.circle) {
    const centre = point('within.circle.centre', within.circle.centre.lon, within.circle.centre.lat);
    const radius = within.circle.radius;
    if (!(radius > 0 && radius <= MAX_RADIUS_METRES)) throw badInput('within.circle.radius', `the radius must be above 0 and at most ${MAX_RADIUS_METRES} metres.`);
    const dLat = radius / 110_574;
    const dLon = radius / (111_320 * Math.cos((centre[1] * Math.PI) / 180));
    return {
      box: [centre[0] - dLon, centre[1] - dLat, centre[0] + dLon, centre[1] + dLat],
      contains: (p) => haversineMetres(centre, p) <= radius,
    };
  }
  if (within.box) {
    const { minLon, minLat, maxLon, maxLat } = within.box;
    point('within.box.min', minLon, minLat);
    point('within.box.max', maxLon, maxLat);
    if (minLon > maxLon || minLat > maxLat) throw badInput('within.box', 'min must not be above max.');
    return { box: [minLon, minLat, maxLon, maxLat], contains: () => true };
  }
  const polygon = within.polygon as unknown as Polygon;
  const ring = polygon.type === 'Polygon' ? polygon.coordinates?.[0] : undefined;
  const validRing =
    Array.isArray(ring) &&
    ring.length >= 4 &&
    ring.every((c) => Array.isArray(c) && c.length >= 2 && Number.isFinite(c[0]) && Number.isFinite(c[1]) && Math.abs(c[0]) <= 180 && Math.abs(c[1]) <= 90) &&
    ring[0][0] === ring[ring.length - 1][0] &&
    ring[0][1] === ring[ring.length - 1][1];
  if (!validRing) throw badInput('within.polygon', 'give a GeoJSON Polygon whose outer ring is closed and has at least 4 positions.');
  return { box: bbox(polygon), contains: (p) => pointInPolygon(p, polygon) };
}

/** Places inside a shape: the (lat, lon) index narrows to the box, the exact test runs on those candidates. */
async function placesWithin(ctx: GeospatialContext, within: AreaInput, kind: string | null | undefined, first: number | null | undefined, after: string | null | undefined): Promise<Connection<PlaceRow>> {
  const shape = shapeOf(within);
  const size = pageSize(first, MAX_PAGE_SIZE);
  const cursor = after ? decodeCursor(after) : null;
  const [minLon, minLat, maxLon, maxLat] = shape.box;
  // Searching by location reads the locations: only among points whose location the caller may read in full.
  const where: FilterQuery<PlaceRow> = {
    $and: [{ lat: { $gte: minLat, $lte: maxLat }, lon: { $gte: minLon, $lte: maxLon }, ...(kind ? { kind } : {}) }, ctx.data.readable(Place, ['lon', 'lat', ...(kind ? ['kind'] : [])])],
  };
  const scoped = restrict(where, ctx.data.visible(Place));
  if (scoped === null) return emptyConnection();
  const candidates = await ctx.em.find(Place, scoped, {
    fields: ['id', 'lon', 'lat'],
    orderBy: { id: 'asc' },
    limit: MAX_CANDIDATES + 1,
    disableIdentityMap: true,
  });
  if (candidates.length > MAX_CANDIDATES) throw badInput('within', `the area holds more than ${MAX_CANDIDATES} address points; narrow it.`);
  const inside = candidates.filter((c) => shape.contains([c.lon, c.lat])).map((c) => c.id);
  const start = cursor === null ? 0 : inside.findIndex((id) => id > cursor);
  const from = start < 0 ? inside.length : start;
  const pageIds = inside.slice(from, from + size);
  const rows = await ctx.loaders.placeById.loadMany(pageIds);
  const nodes = rows.filter((r): r is PlaceRow => r !== null && !(r instanceof Error));
  const edges = nodes.map((node) => ({ cursor: encodeCursor(node.id), node }));
  return {
    edges,
    nodes,
    pageInfo: {
      hasNextPage: from + size < inside.length,
      hasPreviousPage: cursor !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
    totalCount: async () => inside.length,
  };
}

export const resolvers: Resolvers = {
  Query: {
    region: (_, { code }, { loaders }) => loaders.regionByCode.load(regionCode('code', code)),
    regions: async (_, { level, parentCode }, { data }) => {
      const where: FilterQuery<RegionRow> = {};
      if (level) where.level = level;
      if (parentCode != null) where.parentCode = regionCode('parentCode', parentCode);
      return findAllVisible(data, Region, where, { orderBy: { code: 'asc' } });
    },
    regionAt: async (_, { lon, lat }, { data }) => {
      const p = point('point', lon, lat);
      const candidates = await findAllVisible(data, Region, { minLon: { $lte: p[0] }, maxLon: { $gte: p[0] }, minLat: { $lte: p[1] }, maxLat: { $gte: p[1] } });
      const containing = candidates.filter((r) => pointInPolygon(p, geometryOf(r)));
      containing.sort((a, b) => LEVEL_DEPTH[b.level] - LEVEL_DEPTH[a.level]);
      return containing[0] ?? null;
    },
    place: (_, { id }, { loaders }) => loaders.placeById.load(id),
    places: (_, { within, kind, first, after }, ctx) => placesWithin(ctx, within, kind, first, after),
    distance: (_, { from, to }) => haversineMetres(point('from', from.lon, from.lat), point('to', (to as PointInput).lon, to.lat)),
  },
  Region: {
    __resolveReference: (ref, { loaders }) => loaders.regionByCode.load(ref.code),
    parent: (region, _, { loaders }) => (region.parentCode ? loaders.regionByCode.load(region.parentCode) : null),
    children: (region, _, { loaders }) => loaders.regionsByParent.load(region.code),
    area: (region) => region.areaSquareMetres,
    boundary: (region) => JSON.parse(region.boundary),
    seat: (region) => ({ type: 'Point', coordinates: [region.seatLon, region.seatLat] }),
  },
  Place: {
    __resolveReference: (ref, { loaders }) => loaders.placeById.load(ref.id),
    location: (place) => ({ type: 'Point', coordinates: [place.lon, place.lat] }),
    region: (place, _, { loaders }) => loaders.regionByCode.load(place.regionCode) as Promise<RegionRow>,
  },
  Person: {
    // Any person ID may be asked for; a person with no recorded residence simply has none.
    __resolveReference: (ref) => ({ id: ref.id }),
    residence: (person, _, { loaders }) => loaders.residenceByPerson.load(person.id),
  },
  Residence: {
    place: (residence, _, { loaders }) => loaders.placeById.load(residence.placeId) as Promise<PlaceRow>,
    region: (residence, _, { loaders }) => loaders.regionByCode.load(residence.regionCode) as Promise<RegionRow>,
  },
};
