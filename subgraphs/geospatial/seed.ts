/** Geospatial rows: Hainan's regions with synthetic boundaries, service centres, and every household's address point. */
import type { DomainSeed } from '../kit/subgraph';
import { HAINAN_REGIONS } from '../kit/world/hainan';
import { bbox, hainanBoundaries, polygonAreaSquareMetres } from '../kit/world/geometry';
import { opaqueId } from '../kit/world/rng';
import type { WorldChunk } from '../kit/world/world';
import { Place, Region, Residence, type PlaceRow, type RegionRow, type ResidenceRow } from './entities';

export function regionRows(): RegionRow[] {
  const boundaries = hainanBoundaries();
  return HAINAN_REGIONS.map((r) => {
    const boundary = boundaries.get(r.code);
    if (!boundary) throw new Error(`No boundary generated for region ${r.code}.`);
    const [minLon, minLat, maxLon, maxLat] = bbox(boundary);
    return {
      code: r.code,
      name: r.name,
      level: r.level,
      parentCode: r.parentCode,
      seatLon: r.seat[0],
      seatLat: r.seat[1],
      boundary: JSON.stringify(boundary),
      areaSquareMetres: polygonAreaSquareMetres(boundary),
      minLon,
      minLat,
      maxLon,
      maxLat,
    };
  });
}

/** A government service centre at each region's seat. */
export function serviceCentreRows(): PlaceRow[] {
  return HAINAN_REGIONS.map((r, i) => ({
    id: opaqueId('G', 0, i),
    kind: 'GOVERNMENT',
    name: `${r.name}政务服务中心`,
    address: null,
    regionCode: r.code,
    lon: r.seat[0],
    lat: r.seat[1],
    version: 1,
  }));
}

export function geospatialRows(chunk: WorldChunk) {
  const places: PlaceRow[] = [];
  const residences: ResidenceRow[] = [];
  for (const h of chunk.households) {
    places.push({ id: h.placeId, kind: 'RESIDENCE', name: null, address: h.address, regionCode: h.regionCode, lon: h.location[0], lat: h.location[1], version: 1 });
    for (const m of h.members) {
      if (m.status !== 'LIVING') continue;
      residences.push({ personId: m.id, placeId: h.placeId, regionCode: h.regionCode, since: h.registeredOn, version: 1 });
    }
  }
  return [
    [Place, places],
    [Residence, residences],
  ] as const;
}

export const seed: DomainSeed = {
  reference: () => [
    [Region, regionRows()],
    [Place, serviceCentreRows()],
  ],
  fromChunk: geospatialRows,
};
