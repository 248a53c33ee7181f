/**
 * The legal-person register's file import (`npm run import -- enterprise enterprises.csv`): enterprises delivered
 * by registration offices, one per line, keyed by unified social credit code so that re-importing a file changes
 * nothing. Every value passes the register's own rules (registration.ts), as registerEnterprise applies them.
 *
 * Investors are not part of the file (the register's shareholder rows come with registerEnterprise or a later
 * filing), nor is a location: an imported enterprise has none until one is recorded.
 */
import type { FilterQuery } from '@mikro-orm/core';
import { collect, numberIn, type DomainImporter } from '../kit/import';
import { cityCodeOf } from '../kit/region-codes';
import { validateUscc } from '../kit/world/uscc';
import type { EnterpriseStatus, EnterpriseType } from './__generated__/resolvers';
import { Enterprise, type EnterpriseRow } from './entities';
import {
  INVESTORS,
  taxAuthorityOf,
  todayInChina,
  validAddress,
  validCapital,
  validIndustryCode,
  validName,
  validPastDate,
  validPersonId,
  validRegistrationRegion,
} from './registration';

const TYPES = Object.keys(INVESTORS) as EnterpriseType[];
const STATUSES: readonly EnterpriseStatus[] = ['ACTIVE', 'REVOKED', 'CANCELLED'];

export const importer: DomainImporter<EnterpriseRow> = {
  noun: 'enterprise',
  event: 'EnterpriseRegistered',
  entity: Enterprise,
  key: 'uscc',
  columns: ['uscc', 'name', 'type', 'industryCode', 'registeredCapital', 'establishedOn', 'status', 'statusDate', 'regionCode', 'address', 'legalRepresentativeId'],
  parse(r) {
    const errors: string[] = [];
    const today = todayInChina();
    const uscc = validateUscc(r.uscc ?? '');
    if (!uscc.ok) errors.push(`uscc: ${uscc.reason}`);
    const type = TYPES.find((t) => t === r.type);
    if (!type) errors.push(`type: one of ${TYPES.join(', ')}.`);
    const name = type ? collect(errors, () => validName('name', r.name ?? '', type)) : undefined;
    collect(errors, () => validIndustryCode('industryCode', r.industryCode ?? ''));
    const capital = numberIn(errors, 'registeredCapital', r.registeredCapital);
    if (capital !== undefined) collect(errors, () => validCapital('registeredCapital', capital));
    const establishedOn = collect(errors, () => validPastDate('establishedOn', r.establishedOn ?? '', today));
    const status = STATUSES.find((s) => s === r.status);
    if (!status) errors.push(`status: one of ${STATUSES.join(', ')}.`);
    // A status and its date go together (as changeEnterprise takes them): an active enterprise has no status date.
    if (status === 'ACTIVE' && r.statusDate) errors.push('statusDate: an ACTIVE enterprise has none; leave it empty.');
    if (status && status !== 'ACTIVE') {
      if (!r.statusDate) errors.push(`statusDate: required for a ${status} enterprise (the day of the change).`);
      else if (establishedOn) collect(errors, () => validPastDate('statusDate', r.statusDate!, today, establishedOn, 'the establishment'));
    }
    const regionCode = collect(errors, () => validRegistrationRegion('regionCode', r.regionCode ?? ''));
    const address = regionCode ? collect(errors, () => validAddress('address', r.address ?? '', regionCode)) : undefined;
    // Persons are the population register's: only the form of the ID can be checked here, not that the person exists.
    collect(errors, () => validPersonId('legalRepresentativeId', r.legalRepresentativeId ?? ''));
    if (errors.length > 0) return { errors };
    return {
      row: {
        uscc: r.uscc!,
        name: name!,
        type: type!,
        industryCode: r.industryCode!,
        registeredCapital: capital!,
        establishedOn: establishedOn!,
        status: status!,
        statusDate: status === 'ACTIVE' ? null : r.statusDate!,
        regionCode: regionCode!,
        cityCode: cityCodeOf(regionCode!),
        address: address!,
        lon: null,
        lat: null,
        legalRepresentativeId: r.legalRepresentativeId!,
        // The business licence is the tax registration (三证合一): registered the day the enterprise is.
        taxRegisteredOn: establishedOn!,
        taxAuthority: taxAuthorityOf(regionCode!),
        insuredHeadcount: 0,
        version: 1,
      },
    };
  },
  /**
   * Names are unique among enterprises that still exist (企业名称登记管理规定, as registerEnterprise checks): a
   * name already held by another enterprise that is not cancelled, in the register or earlier in the batch, is
   * refused. A row's own earlier import (same code) is not a conflict: the row is skipped as already there.
   */
  async check(rows, db) {
    const names = [...new Set(rows.filter((r) => r.status !== 'CANCELLED').map((r) => r.name))];
    const where: FilterQuery<EnterpriseRow> = { name: { $in: names }, status: { $ne: 'CANCELLED' } };
    const held = new Map<string, string>();
    for (const e of await db.orm.em.fork().find(Enterprise, where, { fields: ['uscc', 'name'], disableIdentityMap: true })) held.set(e.name, e.uscc);
    const problems = new Map<number, string[]>();
    rows.forEach((row, i) => {
      if (row.status === 'CANCELLED') return;
      const holder = held.get(row.name);
      if (holder !== undefined && holder !== row.uscc) {
        problems.set(i, [`name: an enterprise named ${row.name} is already registered (${holder}); choose another name.`]);
        return;
      }
      held.set(row.name, row.uscc);
    });
    return problems;
  },
};
