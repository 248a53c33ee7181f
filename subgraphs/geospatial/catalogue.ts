/**
 * The geographic information service's entries in the resource catalogue. Owner: natural resources.
 * Administrative regions are open data; address points and where a person lives are personal, precise
 * locations sensitive.
 */
import { defineCatalogue, field, mergeCatalogues } from '../../auth';
import { connectionCatalogue } from '../kit/catalogue';

const open = field('UNCONDITIONAL', { open: true });

export const catalogue = mergeCatalogues(
  defineCatalogue('natural-resources', {
    Region: {
      columns: { parent: ['parentCode'], seat: ['seatLon', 'seatLat'], area: ['areaSquareMetres'], boundary: ['minLon', 'minLat', 'maxLon', 'maxLat'] },
      description: 'An administrative region of Hainan (GB/T 2260).',
      regionField: 'code',
      fields: { code: open, name: open, level: open, parent: open, children: open, area: open, boundary: open, seat: open },
    },
    Place: {
      internal: ['version'],
      description: 'An address point.',
      regionField: 'regionCode',
      fields: {
        id: field('UNCONDITIONAL'),
        kind: field('UNCONDITIONAL'),
        name: field('UNCONDITIONAL'),
        address: field('CONDITIONAL', { sensitivity: 'PERSONAL', mask: 'address' }),
        location: field('CONDITIONAL', { sensitivity: 'SENSITIVE', mask: 'coordinates' }),
        lon: field('CONDITIONAL', { sensitivity: 'SENSITIVE', mask: 'coordinates' }),
        lat: field('CONDITIONAL', { sensitivity: 'SENSITIVE', mask: 'coordinates' }),
        regionCode: field('UNCONDITIONAL'),
        region: field('UNCONDITIONAL'),
      },
    },
    Residence: {
      columns: { place: ['placeId'] },
      internal: ['personId', 'version'],
      description: "Where a person lives: the address point and its region.",
      regionField: 'regionCode',
      fields: {
        place: field('UNCONDITIONAL', { sensitivity: 'PERSONAL' }),
        regionCode: field('UNCONDITIONAL', { sensitivity: 'PERSONAL' }),
        region: field('UNCONDITIONAL', { sensitivity: 'PERSONAL' }),
        since: field('UNCONDITIONAL', { sensitivity: 'PERSONAL' }),
      },
    },
    Person: {
      owner: 'public-security',
      extension: true,
      fields: {
        id: field('UNCONDITIONAL', { owner: 'public-security' }),
        residence: field('UNCONDITIONAL', { owner: 'natural-resources', sensitivity: 'PERSONAL', description: 'The link to where the person lives.' }),
      },
    },
  }),
  connectionCatalogue('natural-resources', 'Place'),
);
