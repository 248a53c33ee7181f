/** The legal-person register's vocabulary: enterprises, their investors and filings, how they are found and registered. */
import { randomInt } from 'node:crypto';
import type { FilterQuery } from '@mikro-orm/core';
import { badInput } from '../kit/errors';
import type { EntityManager } from '../kit/orm';
import { paginate } from '../kit/pagination';
import { assertReferencesExist, PERSON } from '../kit/references';
import { cityCodeOf, inRegion } from '../kit/region-codes';
import { isCalendarDate } from '../kit/scalars';
import { findAllVisible, findVisible, type DataAccess } from '../kit/scope';
import { makeUscc } from '../kit/world/uscc';
import { notFound, runMutation, updateVersioned, type MutationSpec } from '../kit/writes';
import type { EnterpriseChangeInput, EnterpriseFilter, RegisterEnterpriseInput, Resolvers } from './__generated__/resolvers';
import { Enterprise, Shareholder, type EnterpriseRow, type ShareholderRow } from './entities';
import { INDUSTRY_SECTIONS, industryByCode } from './industries';
import type { EnterpriseContext } from './loaders';
import {
  todayInChina,
  validAddress,
  validCapital,
  validIndustryCode,
  validInvestors,
  validLocation,
  validName,
  validPastDate,
  validPersonId,
  validRegistrationRegion,
  taxAuthorityOf,
  validStatusChange,
  validUscc,
} from './registration';
import { regionIndicators, statisticsQuery } from './statistics';

/** The filter as SQL conditions, and the Enterprise fields it reads (each must be readable in full by the caller). */
export function enterpriseWhere(filter: EnterpriseFilter | null | undefined): { where: FilterQuery<EnterpriseRow>; fields: string[] } {
  const where: FilterQuery<EnterpriseRow>[] = [];
  const fields: string[] = [];
  const add = (condition: FilterQuery<EnterpriseRow>, ...read: string[]) => {
    where.push(condition);
    fields.push(...read);
  };
  if (!filter) return { where: {}, fields };
  if (filter.regionCode != null) add(inRegion('filter.regionCode', filter.regionCode), 'regionCode');
  if (filter.industryCode != null) {
    const code = filter.industryCode;
    if (INDUSTRY_SECTIONS.includes(code)) add({ industryCode: { $like: `${code}%` } }, 'industry');
    else add({ industryCode: validIndustryCode('filter.industryCode', code) }, 'industry');
  }
  if (filter.status != null) add({ status: filter.status }, 'status');
  if (filter.type != null) add({ type: filter.type }, 'type');
  if (filter.namePrefix != null) {
    const prefix = filter.namePrefix;
    if (prefix.length === 0 || prefix.length > 32) throw badInput('filter.namePrefix', 'give 1 to 32 characters.');
    // Enterprise names hold none of LIKE's special characters, so none needs escaping.
    if (/[%_\\]/.test(prefix)) throw badInput('filter.namePrefix', 'enterprise names contain no %, _ or \\.');
    add({ name: { $like: `${prefix}%` } }, 'name');
  }
  for (const [key, op] of [['establishedFrom', '$gte'], ['establishedTo', '$lte']] as const) {
    const value = filter[key];
    if (value == null) continue;
    if (!isCalendarDate(value)) throw badInput(`filter.${key}`, 'use a calendar date written YYYY-MM-DD.');
    add({ establishedOn: { [op]: value } }, 'establishedOn');
  }
  if (filter.establishedFrom && filter.establishedTo && filter.establishedFrom > filter.establishedTo) {
    throw badInput('filter.establishedFrom', `${filter.establishedFrom} is after establishedTo ${filter.establishedTo}; the range would be empty.`);
  }
  if (filter.legalRepresentativeId != null) {
    add({ legalRepresentativeId: validPersonId('filter.legalRepresentativeId', filter.legalRepresentativeId) }, 'legalRepresentative');
  }
  if (filter.insuredHeadcountFrom != null) {
    if (filter.insuredHeadcountFrom < 0) throw badInput('filter.insuredHeadcountFrom', 'a headcount is zero or more.');
    add({ insuredHeadcount: { $gte: filter.insuredHeadcountFrom } }, 'insuredHeadcount');
  }
  return { where: where.length === 1 ? where[0] : { $and: where }, fields: [...new Set(fields)] };
}

/** A filter may only touch rows where the caller can read every filtered field in full: no probing. */
function filteredEnterprises(data: DataAccess, filter: EnterpriseFilter | null | undefined): FilterQuery<EnterpriseRow> {
  const { where, fields } = enterpriseWhere(filter);
  if (fields.length === 0) return where;
  return { $and: [where, data.readable(Enterprise, fields)] } as FilterQuery<EnterpriseRow>;
}

/**
 * The caller's row scope over the mutation's transaction: inside it, the request's own connection may not be free
 * (SQLite has one), and what is checked should be what is written against.
 */
function inTransaction(data: DataAccess, em: EntityManager): DataAccess {
  return { ...data, em };
}

// Registered codes take organization numbers far above the synthetic world's (household index * 2 + k): makeUscc
// permutes its number space, so no registered code can repeat a seeded one, and a random number keeps the next
// code unguessable.
const REGISTERED_FROM = 2 ** 32;
const REGISTERED_SPAN = 2 ** 38;

async function newUscc(em: EntityManager, regionCode: string, type: string): Promise<string> {
  for (;;) {
    const uscc = makeUscc(REGISTERED_FROM + randomInt(REGISTERED_SPAN), regionCode, type === 'INDIVIDUAL_BUSINESS' ? '2' : '1');
    if ((await em.count(Enterprise, { uscc })) === 0) return uscc;
  }
}

/** Names are unique among enterprises that still exist (企业名称登记管理规定: no two alike). */
async function assertNameFree(em: EntityManager, name: string, except?: string): Promise<void> {
  const where: FilterQuery<EnterpriseRow> = { name, status: { $ne: 'CANCELLED' }, ...(except ? { uscc: { $ne: except } } : {}) };
  if ((await em.count(Enterprise, where)) > 0) {
    throw badInput(except ? 'changes.name' : 'input.name', `an enterprise named ${name} is already registered; choose another name.`);
  }
}

const REGISTER: MutationSpec = {
  operation: 'registerEnterprise',
  event: 'EnterpriseRegistered',
  returns: 'Enterprise',
  writes: [
    {
      type: 'Enterprise',
      action: 'create',
      fields: [
        'uscc', 'name', 'type', 'industry', 'registeredCapital', 'establishedOn', 'status', 'statusDate', 'regionCode', 'region', 'address',
        'location', 'legalRepresentative', 'shareholders', 'taxRegistration', 'insuredHeadcount',
      ],
    },
    { type: 'Shareholder', action: 'create', fields: ['kind', 'share', 'person', 'enterprise', 'regionCode'] },
  ],
};

async function registerEnterprise(ctx: EnterpriseContext, em: EntityManager, input: RegisterEnterpriseInput): Promise<EnterpriseRow> {
  const today = todayInChina();
  const name = validName('input.name', input.name, input.type);
  validIndustryCode('input.industryCode', input.industryCode);
  validCapital('input.registeredCapital', input.registeredCapital);
  validPastDate('input.establishedOn', input.establishedOn, today);
  const regionCode = validRegistrationRegion('input.regionCode', input.regionCode);
  const address = validAddress('input.address', input.address, regionCode);
  const location = validLocation('input.location', input.location, regionCode);
  const legalRepresentativeId = validPersonId('input.legalRepresentativeId', input.legalRepresentativeId);
  const investors = validInvestors('input.shareholders', input.shareholders, input.type, legalRepresentativeId);

  const investing = investors.filter((s) => s.kind === 'ENTERPRISE').map((s) => s.id);
  if (investing.length > 0) {
    // Enterprises are this register's own records: checked here, in the transaction, with the caller's row scope.
    const found = await findAllVisible(inTransaction(ctx.data, em), Enterprise, { uscc: { $in: investing } });
    const active = new Set(found.filter((e) => e.status === 'ACTIVE').map((e) => e.uscc));
    const missing = investing.filter((u) => !active.has(u));
    if (missing.length > 0) {
      throw badInput('input.shareholders', `no active enterprise is known as ${missing.map((m) => `"${m}"`).join(', ')}; only existing, active enterprises invest.`, { unknown: missing });
    }
  }
  await assertReferencesExist(ctx, PERSON, [legalRepresentativeId], 'input.legalRepresentativeId');
  const investingPersons = investors.filter((s) => s.kind === 'PERSON').map((s) => s.id);
  await assertReferencesExist(ctx, PERSON, investingPersons, 'input.shareholders');
  await assertNameFree(em, name);

  const uscc = await newUscc(em, regionCode, input.type);
  const row: EnterpriseRow = {
    uscc,
    name,
    type: input.type,
    industryCode: input.industryCode,
    registeredCapital: input.registeredCapital,
    establishedOn: input.establishedOn,
    status: 'ACTIVE',
    statusDate: null,
    regionCode,
    cityCode: cityCodeOf(regionCode),
    address,
    lon: location?.[0] ?? null,
    lat: location?.[1] ?? null,
    legalRepresentativeId,
    // The business licence is the tax registration (三证合一): registered the day the enterprise is.
    taxRegisteredOn: input.establishedOn,
    taxAuthority: taxAuthorityOf(regionCode),
    insuredHeadcount: 0,
    version: 1,
  };
  await em.insert(Enterprise, row);
  const shareholders: ShareholderRow[] = investors.map((s, i) => ({ id: `${uscc}-${i + 1}`, uscc, kind: s.kind, holderId: s.id, share: s.share, regionCode, version: 1 }));
  await em.insertMany(Shareholder, shareholders);
  return row;
}

/** The catalogue fields each change input writes. */
const CHANGED_FIELDS: Record<keyof EnterpriseChangeInput, string[]> = {
  name: ['name'],
  address: ['address', 'location'],
  location: ['location'],
  registeredCapital: ['registeredCapital'],
  industryCode: ['industry'],
  status: ['status'],
  statusDate: ['statusDate'],
};

function changeSpec(changes: EnterpriseChangeInput): MutationSpec {
  const given = (Object.keys(CHANGED_FIELDS) as (keyof EnterpriseChangeInput)[]).filter((k) => changes[k] != null);
  return { operation: 'changeEnterprise', event: changes.status != null ? 'EnterpriseStatusChanged' : 'EnterpriseChanged', returns: 'Enterprise', writes: [{ type: 'Enterprise', action: 'update', fields: [...new Set(given.flatMap((k) => CHANGED_FIELDS[k]))] }] };
}

async function changeEnterprise(ctx: EnterpriseContext, em: EntityManager, uscc: string, expectedVersion: number, changes: EnterpriseChangeInput): Promise<EnterpriseRow> {
  validUscc('uscc', uscc);
  const given = Object.entries(changes).filter(([, v]) => v != null);
  if (given.length === 0) throw badInput('changes', 'give at least one item to change.');
  const current = await findVisible(inTransaction(ctx.data, em), Enterprise, { uscc });
  if (!current) throw notFound('Enterprise', uscc);
  const today = todayInChina();
  const columns: Partial<EnterpriseRow> = {};
  if ((changes.status == null) !== (changes.statusDate == null)) {
    throw badInput(changes.status == null ? 'changes.status' : 'changes.statusDate', 'status and statusDate change together: give both.');
  }
  // A stale version is refused as CONFLICT by updateVersioned below, before any rule about a state the caller did not read.
  if (current.version === expectedVersion) {
    const registrationItems = given.filter(([k]) => k !== 'status' && k !== 'statusDate');
    if (current.status !== 'ACTIVE' && registrationItems.length > 0) {
      throw badInput(`changes.${registrationItems[0]![0]}`, `the enterprise is ${current.status}: its registration no longer changes, only its status (a revoked enterprise may be cancelled).`);
    }
    if (changes.status != null) {
      validStatusChange(current, changes.status, changes.statusDate!, today);
      columns.status = changes.status;
      columns.statusDate = changes.statusDate!;
    }
    if (changes.name != null) {
      columns.name = validName('changes.name', changes.name, current.type as RegisterEnterpriseInput['type']);
      await assertNameFree(em, columns.name, uscc);
    }
    if (changes.address != null) {
      columns.address = validAddress('changes.address', changes.address, current.regionCode);
      // A point geocoded from the old address would be wrong: it goes unless a new one comes with the address.
      columns.lon = null;
      columns.lat = null;
    }
    if (changes.location != null) {
      const point = validLocation('changes.location', changes.location, current.regionCode)!;
      columns.lon = point[0];
      columns.lat = point[1];
    }
    if (changes.registeredCapital != null) columns.registeredCapital = validCapital('changes.registeredCapital', changes.registeredCapital);
    if (changes.industryCode != null) columns.industryCode = validIndustryCode('changes.industryCode', changes.industryCode);
  }
  return updateVersioned(em, Enterprise, { uscc }, uscc, expectedVersion, columns);
}

export const resolvers: Resolvers = {
  Region: regionIndicators,
  Query: {
    ...statisticsQuery,
    enterprise: (_, { uscc }, { loaders }) => loaders.enterpriseByUscc.load(validUscc('uscc', uscc)),
    enterprises: (_, { filter, first, after }, { data }) => paginate(data, Enterprise, filteredEnterprises(data, filter), { first, after }, { key: 'uscc' }),
  },
  Mutation: {
    registerEnterprise: (_, args, ctx) => runMutation(ctx, REGISTER, args, args.idempotencyKey, (em) => registerEnterprise(ctx, em, args.input)),
    changeEnterprise: (_, args, ctx) =>
      runMutation(ctx, changeSpec(args.changes), args, args.idempotencyKey, (em) => changeEnterprise(ctx, em, args.uscc, args.expectedVersion, args.changes)),
  },
  Enterprise: {
    __resolveReference: (ref, { loaders }) => loaders.enterpriseByUscc.load(ref.uscc),
    industry: (enterprise) => industryByCode(enterprise.industryCode) ?? null,
    region: (enterprise) => ({ code: enterprise.regionCode }),
    location: (enterprise) => (enterprise.lon == null || enterprise.lat == null ? null : { type: 'Point', coordinates: [enterprise.lon, enterprise.lat] }),
    legalRepresentative: (enterprise) => ({ id: enterprise.legalRepresentativeId }),
    shareholders: (enterprise, _, { loaders }) => loaders.shareholdersByEnterprise.load(enterprise.uscc),
    annualReports: (enterprise, _, { loaders }) => loaders.annualReportsByEnterprise.load(enterprise.uscc),
    taxRegistration: (enterprise) => enterprise,
    qualityInspections: (enterprise, _, { loaders }) => loaders.inspectionsByEnterprise.load(enterprise.uscc),
    investments: (enterprise, _, { loaders }) => loaders.shareholdingsByHolder.load(enterprise.uscc),
  },
  TaxRegistration: {
    taxpayerNumber: (enterprise) => enterprise.uscc,
    registeredOn: (enterprise) => enterprise.taxRegisteredOn,
  },
  Shareholder: {
    person: (holder) => (holder.kind === 'PERSON' ? { id: holder.holderId } : null),
    enterprise: (holder, _, { loaders }) => (holder.kind === 'ENTERPRISE' ? loaders.enterpriseByUscc.load(holder.holderId) : null),
  },
  Shareholding: {
    enterprise: (holding, _, { loaders }) => loaders.enterpriseByUscc.load(holding.uscc),
  },
  Person: {
    // Any person ID may be asked for; a person who runs or holds nothing simply has empty lists.
    __resolveReference: (ref) => ({ id: ref.id }),
    enterprises: (person, _, { loaders }) => loaders.enterprisesByLegalRepresentative.load(person.id),
    shareholdings: (person, _, { loaders }) => loaders.shareholdingsByHolder.load(person.id),
  },
};
