/** The geographic information service: regions with boundaries, address points, and where persons live. */
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { doubleColumn as coordinate } from '../kit/columns';


export const Region = defineEntity({
  name: 'Region',
  tableName: 'region',
  properties: {
    code: p.string().primary().length(6),
    name: p.string().length(32),
    level: p.string().length(10),
    parentCode: p.string().length(6).nullable().index(),
    seatLon: coordinate(),
    seatLat: coordinate(),
    /** GeoJSON Polygon or MultiPolygon, as text. */
    boundary: p.text(),
    areaSquareMetres: coordinate(),
    // Bounding box: the index that narrows point-in-region tests to a few candidates.
    minLon: coordinate(),
    minLat: coordinate(),
    maxLon: coordinate(),
    maxLat: coordinate(),
  },
  indexes: [{ properties: ['minLon', 'maxLon', 'minLat', 'maxLat'] }],
});
export type RegionRow = InferEntity<typeof Region>;

export const Place = defineEntity({
  name: 'Place',
  tableName: 'place',
  properties: {
    id: p.string().primary().length(16),
    kind: p.string().length(12),
    name: p.string().length(100).nullable(),
    address: p.string().length(200).nullable(),
    regionCode: p.string().length(6).index(),
    lon: coordinate(),
    lat: coordinate(),
    version: p.integer().version(),
  },
  // The spatial index: a latitude range scan narrowed by longitude, for boxes, circles and polygons.
  indexes: [{ properties: ['lat', 'lon'] }],
});
export type PlaceRow = InferEntity<typeof Place>;

export const Residence = defineEntity({
  name: 'Residence',
  tableName: 'residence',
  properties: {
    personId: p.string().primary().length(16),
    placeId: p.string().length(16).index(),
    regionCode: p.string().length(6).index(),
    since: p.string().length(10).nullable(),
    version: p.integer().version(),
  },
});
export type ResidenceRow = InferEntity<typeof Residence>;

export const entities = [Region, Place, Residence];
