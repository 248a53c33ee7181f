/**
 * The housing information system's entries in the resource catalogue. Owner: housing (real-estate registration).
 *
 * What a property is (floor area, usage, region) is shared with every department: it describes a building, not a
 * person. Who owns it (owners, certificate numbers, the list of a person's properties) is personal information
 * (PIPL) shared on request only, e.g. with courts enforcing judgments or with the credit system. Prices and
 * mortgages are financial information, which the PIPL counts as sensitive, as it does a precise location; both are
 * shared on request only. Addresses and locations have masked forms (district; about 1 km) for callers granted those.
 */
import { defineCatalogue, field, mergeCatalogues, defineEvents } from '../../auth';
import { connectionCatalogue } from '../kit/catalogue';

const shared = field('UNCONDITIONAL');
const personal = field('CONDITIONAL', { sensitivity: 'PERSONAL' });
const financial = field('CONDITIONAL', { sensitivity: 'SENSITIVE', description: 'Financial information: sensitive under the PIPL.' });

export const catalogue = mergeCatalogues(
  defineCatalogue('housing', {
    Property: {
      columns: { regionCode: ['cityCode'], location: ['lon', 'lat'] },
      description: 'A registered property (不动产) in the real-estate register.',
      regionField: 'regionCode',
      fields: {
        id: field('UNCONDITIONAL', { description: 'Opaque property ID; reveals nothing.' }),
        certificateNumber: field('CONDITIONAL', { sensitivity: 'PERSONAL', description: 'Real-estate certificate number: identifies the owner’s title.' }),
        address: field('CONDITIONAL', { sensitivity: 'PERSONAL', mask: 'address' }),
        regionCode: shared,
        region: shared,
        location: field('CONDITIONAL', { sensitivity: 'SENSITIVE', mask: 'coordinates', description: 'Precise location of a home: sensitive under the PIPL.' }),
        floorArea: shared,
        usage: shared,
        registeredOn: shared,
        owners: personal,
        // The transfer history names past owners (personal); its prices are catalogued on PropertyTransfer.
        transfers: personal,
        mortgages: financial,
        version: shared,
      },
    },
    PropertyOwner: {
      columns: { person: ['ownerId'] },
      internal: ['propertyId'],
      description: 'A current or past owner of a property and their share.',
      regionField: 'regionCode',
      fields: { kind: personal, share: personal, person: personal, enterprise: personal, regionCode: shared },
    },
    PropertyTransfer: {
      columns: { from: ['fromOwners'], to: ['toOwners'] },
      internal: ['propertyId', 'sequence'],
      description: 'A registered transfer of ownership.',
      regionField: 'regionCode',
      fields: { id: shared, date: personal, price: financial, from: personal, to: personal, regionCode: shared },
    },
    PropertyMortgage: {
      internal: ['propertyId', 'version'],
      description: 'A mortgage registered on a property.',
      regionField: 'regionCode',
      fields: { id: shared, bank: financial, amount: financial, registeredOn: financial, releasedOn: financial, regionCode: shared },
    },
    Person: {
      owner: 'public-security',
      extension: true,
      fields: {
        id: field('UNCONDITIONAL', { owner: 'public-security' }),
        // Which properties someone owns is as personal as the owners of a property.
        properties: field('CONDITIONAL', { owner: 'housing', sensitivity: 'PERSONAL', description: 'The properties the person owns.' }),
      },
    },
    Enterprise: {
      owner: 'market-regulation',
      extension: true,
      fields: {
        uscc: field('UNCONDITIONAL', { owner: 'market-regulation', open: true }),
        // Individual businesses and sole proprietorships are persons' undertakings: treated as personal.
        properties: field('CONDITIONAL', { owner: 'housing', sensitivity: 'PERSONAL', description: 'The properties the enterprise owns.' }),
      },
    },
    Region: {
      owner: 'natural-resources',
      extension: true,
      fields: {
        code: field('UNCONDITIONAL', { open: true, description: 'GB/T 2260 administrative code.' }),
        residentialFloorArea: field('UNCONDITIONAL', { owner: 'housing', description: 'Statistics after disclosure control (aggregate permission applies).' }),
        residents: field('UNCONDITIONAL', { owner: 'public-security', description: 'Statistics after disclosure control (aggregate permission applies).' }),
        floorAreaPerResident: field('UNCONDITIONAL', { owner: 'housing', description: 'Statistics after disclosure control (aggregate permission applies).' }),
      },
    },
  }),
  connectionCatalogue('housing', 'Property'),
);


/** The domain events its changes record (kit/outbox.ts): what each changes and carries, judged like the record. */
export const events = defineEvents({
  PropertyRegistered: { type: 'Property', description: 'A property registered (registerProperty, or a delivered file).', fields: ['id', 'certificateNumber', 'address', 'regionCode', 'location', 'floorArea', 'usage', 'registeredOn', 'owners'] },
  PropertyTransferred: { type: 'Property', description: 'A transfer of a property to new owners (registerPropertyTransfer).', fields: ['owners'] },
});
