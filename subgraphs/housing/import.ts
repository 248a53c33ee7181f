/**
 * The real-estate register's file import (`npm run import -- housing properties.csv`): property registrations
 * delivered by registration offices, one per line, keyed by certificate number, so that re-importing a file
 * changes nothing. Values pass the register's rules (registration.ts), as registerProperty applies them, and a
 * property's owners are written with it, in the same transaction.
 *
 * Owners are given in one column: `<owner>:<share>` separated by semicolons, e.g. `P0A1B2C3D:0.5;P0E4F5G6H:0.5`,
 * where an 18-character owner is an enterprise's unified social credit code and any other a person ID; a sole
 * owner's share may be left out (`P0A1B2C3D`). In NDJSON the column is the same string.
 */
import { collect, numberIn, type DomainImporter } from '../kit/import';
import { cityCodeOf } from '../kit/region-codes';
import type { PropertyUsage } from './__generated__/resolvers';
import { Property, PropertyOwner, type PropertyRow, type TransferParty } from './entities';
import {
  chinaToday,
  PROPERTY_ID_PREFIX,
  registeredId,
  validAddress,
  validateCertificateNumber,
  validCertificateYear,
  validDate,
  validFloorArea,
  validLocation,
  validOwners,
  validPropertyRegion,
  type OwnerInput,
} from './registration';

const USAGES: readonly PropertyUsage[] = ['RESIDENTIAL', 'COMMERCIAL', 'OFFICE', 'INDUSTRIAL'];
const USCC_LENGTH = 18;

/** Each parsed property's owners, from parse to afterInsert (the property row has no column for them). */
const ownersOf = new WeakMap<PropertyRow, TransferParty[]>();

/** `owner:share;owner:share` as validOwners takes them; undefined (and a reason) when a share is not a number. */
function ownerInputs(errors: string[], text: string): OwnerInput[] | undefined {
  const parts = text.split(';').map((p) => p.trim()).filter((p) => p !== '');
  const inputs: OwnerInput[] = [];
  for (const part of parts) {
    const [id, shareText, ...rest] = part.split(':').map((s) => s.trim());
    const share = shareText === undefined && parts.length === 1 ? 1 : Number(shareText);
    if (rest.length > 0 || !id || shareText === '' || !Number.isFinite(share)) {
      errors.push(`owners: "${part}" is not <owner>:<share>; write e.g. P0A1B2C3D:0.5;P0E4F5G6H:0.5.`);
      return undefined;
    }
    inputs.push(id.length === USCC_LENGTH ? { uscc: id, share } : { personId: id, share });
  }
  return inputs;
}

export const importer: DomainImporter<PropertyRow> = {
  noun: 'property',
  event: 'PropertyRegistered',
  entity: Property,
  key: 'certificateNumber',
  columns: ['certificateNumber', 'regionCode', 'address', 'lon', 'lat', 'floorArea', 'usage', 'registeredOn', 'owners'],
  parse(r) {
    const errors: string[] = [];
    const today = chinaToday();
    const regionCode = collect(errors, () => validPropertyRegion('regionCode', r.regionCode ?? ''));
    const certificate = validateCertificateNumber(r.certificateNumber ?? '', regionCode, today);
    if (!certificate.ok) errors.push(`certificateNumber: ${certificate.reason}`);
    const address = regionCode ? collect(errors, () => validAddress('address', r.address ?? '', regionCode)) : undefined;
    const lon = numberIn(errors, 'lon', r.lon);
    const lat = numberIn(errors, 'lat', r.lat);
    const location = regionCode && lon !== undefined && lat !== undefined ? collect(errors, () => validLocation('lon,lat', { type: 'Point', coordinates: [lon, lat] }, regionCode)) : undefined;
    const area = numberIn(errors, 'floorArea', r.floorArea);
    const floorArea = area === undefined ? undefined : collect(errors, () => validFloorArea('floorArea', area));
    const usage = USAGES.find((u) => u === r.usage);
    if (!usage) errors.push(`usage: one of ${USAGES.join(', ')}.`);
    const registeredOn = collect(errors, () => validDate('registeredOn', r.registeredOn ?? '', { notAfter: today }));
    if (certificate.ok && registeredOn) collect(errors, () => validCertificateYear('certificateNumber', certificate, registeredOn));
    // Owners are persons (the population register's) and enterprises (market regulation's): their form and shares
    // are checked here, not that they exist, which no offline import can know.
    const inputs = ownerInputs(errors, r.owners ?? '');
    const owners = inputs ? collect(errors, () => validOwners('owners', inputs)) : undefined;
    if (errors.length > 0 || !certificate.ok) return { errors };
    const row: PropertyRow = {
      id: registeredId(PROPERTY_ID_PREFIX),
      certificateNumber: certificate.value,
      address: address!,
      regionCode: regionCode!,
      cityCode: cityCodeOf(regionCode!),
      lon: location![0],
      lat: location![1],
      floorArea: floorArea!,
      usage: usage!,
      registeredOn: registeredOn!,
      version: 1,
    };
    ownersOf.set(row, owners!);
    return { row };
  },
  /** The owners of each property just registered, as registerProperty writes them. */
  async afterInsert(rows, em) {
    const owners = rows.flatMap((p) => ownersOf.get(p)!.map((o) => ({ ...o, propertyId: p.id, regionCode: p.regionCode })));
    for (let i = 0; i < owners.length; i += 500) await em.insertMany(PropertyOwner, owners.slice(i, i + 500));
  },
};
