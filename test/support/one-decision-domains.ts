/**
 * What the generative test (test/integration/one-decision.test.ts) must be told per domain, because the schema does
 * not say it: how records of one domain link to records of another (for nested paths), which lists and filters
 * exist and what they select, the child tables filters look into, and the sharing grants made for the run.
 * Types, fields, owners, lookups, subgraphs and statistics are read from the supergraph and the catalogue.
 */
import type { EntitySchema } from '@mikro-orm/core';
import type { DomainName } from '../../subgraphs/kit/config';
import { PropertyOwner } from '../../subgraphs/housing/entities';
import { ChronicCondition, Vaccination } from '../../subgraphs/health/entities';
import { DRIVER } from './database';
import { inRegionCode, type FilterSpec, type ListSpec, type NestedLink, type Row } from './one-decision';

/** Tables read besides each type's own: the children that links and filters look into. */
export const CHILD_TABLES: readonly (readonly [DomainName, EntitySchema<any, any>])[] = [
  ['housing', PropertyOwner],
  ['health', ChronicCondition],
  ['health', Vaccination],
];

const keysWhere = (world: Parameters<NestedLink['outerKeys']>[1], domain: DomainName, table: string, test: (r: Row) => boolean, key: string) =>
  world.rows(domain, table).filter(test).map((r) => String(r[key]));

export const LINKS: readonly NestedLink[] = [
  { target: 'CreditProfile', outer: 'Person', field: 'credit', outerKeys: (r) => (r.personId ? [String(r.personId)] : []) },
  { target: 'CreditProfile', outer: 'Enterprise', field: 'credit', outerKeys: (r) => (r.uscc ? [String(r.uscc)] : []) },
  { target: 'HealthRecord', outer: 'Person', field: 'healthRecord', outerKeys: (r) => [String(r.personId)] },
  { target: 'Enrolment', outer: 'Person', field: 'enrolments', outerKeys: (r) => [String(r.personId)] },
  {
    target: 'Property',
    outer: 'Person',
    field: 'properties',
    outerKeys: (r, w) => keysWhere(w, 'housing', 'PropertyOwner', (o) => o.propertyId === r.id && o.kind === 'PERSON', 'ownerId'),
  },
  {
    target: 'Property',
    outer: 'Enterprise',
    field: 'properties',
    outerKeys: (r, w) => keysWhere(w, 'housing', 'PropertyOwner', (o) => o.propertyId === r.id && o.kind === 'ENTERPRISE', 'ownerId'),
  },
  { target: 'Person', outer: 'CreditProfile', field: 'person', outerKeys: (r, w) => keysWhere(w, 'credit', 'CreditProfile', (p) => p.personId === r.id, 'id') },
  { target: 'Person', outer: 'HealthRecord', field: 'person', outerKeys: (r, w) => keysWhere(w, 'health', 'HealthRecord', (h) => h.personId === r.id, 'id') },
  { target: 'Person', outer: 'Enterprise', field: 'legalRepresentative', outerKeys: (r, w) => keysWhere(w, 'enterprise', 'Enterprise', (e) => e.legalRepresentativeId === r.id, 'uscc') },
  { target: 'Enterprise', outer: 'CreditProfile', field: 'enterprise', outerKeys: (r, w) => keysWhere(w, 'credit', 'CreditProfile', (p) => p.uscc === r.uscc, 'id') },
];

const same = (field: string, arg = field): FilterSpec => ({ arg, reads: [field], value: (r) => r[field] ?? undefined, matches: (r, v) => r[field] === v });
const region = (field: string, reads = field): FilterSpec => ({ arg: 'regionCode', reads: [reads], value: (r) => r[field] ?? undefined, matches: (r, v) => inRegionCode(r[field], String(v)) });
/** The first characters of the record's value (filters take at most 32). */
const prefix = (field: string, arg: string): FilterSpec => ({
  arg,
  reads: [field],
  value: (r) => (typeof r[field] === 'string' ? Array.from(r[field] as string).slice(0, 8).join('') : undefined),
  // SQLite's LIKE ignores the case of ASCII letters; PostgreSQL's does not.
  matches: (r, v) => (DRIVER === 'sqlite' ? String(r[field]).toLowerCase().startsWith(String(v).toLowerCase()) : String(r[field]).startsWith(String(v))),
});
/** From the record's value on: dates compare as text, numbers as numbers (PostgreSQL hands decimals over as text). */
const from = (field: string, arg: string, numeric = false): FilterSpec => ({
  arg,
  reads: [field],
  value: (r) => (r[field] == null ? undefined : numeric ? Number(r[field]) : r[field]),
  matches: (r, v) => r[field] != null && (numeric ? Number(r[field]) >= Number(v) : String(r[field]) >= String(v)),
});

/** A filter on child rows (a chronic condition, a vaccine): only children the caller may read in full count. */
function child(arg: string, reads: string, table: string, column: string, childType: string): FilterSpec {
  return {
    arg,
    reads: [reads],
    childReads: [{ type: childType, field: column }],
    value: (r, world) => world.rows('health', table).find((c) => c.recordId === r.id)?.[column] ?? undefined,
    matches: (r, v, { world, oracle, ability }) =>
      world
        .rows('health', table)
        .some((c) => c.recordId === r.id && c[column] === v && oracle.rowVisible(ability, childType, c) && oracle.expect(ability, childType, column, c) === 'FULL'),
  };
}

export const LISTS: readonly ListSpec[] = [
  {
    type: 'Person',
    field: 'persons',
    filters: [
      region('hukouRegionCode'),
      prefix('name', 'namePrefix'),
      same('gender'),
      { arg: 'ethnicity', reads: ['ethnicity', 'ethnicityCode'], value: (r) => r.ethnicity ?? undefined, matches: (r, v) => r.ethnicity === v || r.ethnicityCode === v },
      same('status'),
      from('birthDate', 'bornFrom'),
      same('floating'),
      same('idNumber'),
    ],
  },
  {
    type: 'CreditProfile',
    field: 'creditProfiles',
    filters: [
      region('regionCode'),
      same('rating'),
      same('subjectKind'),
      {
        arg: 'hasOverdueLoans',
        reads: ['loans'],
        value: (r) => Number(r.overdueLoans) > 0 || Number(r.defaultedLoans) > 0,
        matches: (r, v) => (Number(r.overdueLoans) > 0 || Number(r.defaultedLoans) > 0) === v,
      },
    ],
  },
  {
    type: 'Enterprise',
    field: 'enterprises',
    filters: [
      region('regionCode'),
      { arg: 'industryCode', reads: ['industry'], value: (r) => r.industryCode ?? undefined, matches: (r, v) => r.industryCode === v },
      same('status'),
      same('type'),
      prefix('name', 'namePrefix'),
      from('establishedOn', 'establishedFrom'),
      { arg: 'legalRepresentativeId', reads: ['legalRepresentative'], value: (r) => r.legalRepresentativeId ?? undefined, matches: (r, v) => r.legalRepresentativeId === v },
      from('insuredHeadcount', 'insuredHeadcountFrom', true),
    ],
  },
  { type: 'School', field: 'schools', filters: [region('regionCode'), same('level'), same('type'), prefix('name', 'namePrefix')] },
  { type: 'Enrolment', field: 'enrolments', filters: [same('schoolCode'), same('status'), same('startYear')] },
  {
    type: 'HealthRecord',
    field: 'healthRecords',
    filters: [region('regionCode'), child('chronicCondition', 'chronicConditions', 'ChronicCondition', 'code', 'ChronicCondition'), child('vaccinated', 'vaccinations', 'Vaccination', 'vaccine', 'Vaccination')],
  },
  { type: 'HealthFacility', field: 'healthFacilities', filters: [region('regionCode'), same('level'), same('type')] },
  { type: 'Property', field: 'properties', filters: [region('regionCode'), same('usage'), from('floorArea', 'minFloorArea', true)] },
];

export interface GrantSpec {
  /** The department that asks (its officer requests), and the owner that answers (its security officer approves). */
  requester: string;
  owner: string;
  scope: { type: string; fields: string[] }[];
  region?: string;
  purpose: string;
  /**
   * Drawn only by its own property: a grant whose failures would otherwise show up in every property (a
   * region-limited grant on Person, a type that seven subgraphs serve and only one holds the region of).
   */
  isolated?: boolean;
}

/** Conditional sharing in force during the run, requested and approved through governance like any grant. */
export const GRANTS: readonly GrantSpec[] = [
  { requester: 'health', owner: 'public-security', scope: [{ type: 'Person', fields: ['idNumber', 'phone', 'address', 'maritalStatus'] }], purpose: 'epidemic-tracing' },
  {
    requester: 'health',
    owner: 'public-security',
    scope: [{ type: 'Person', fields: ['idNumber', 'phone', 'maritalStatus'] }],
    region: '460100',
    purpose: 'contact-tracing-haikou',
    isolated: true,
  },
  {
    requester: 'housing',
    owner: 'credit',
    scope: [
      { type: 'CreditProfile', fields: ['loans', 'contractPerformance'] },
      { type: 'Loan', fields: ['id', 'lender', 'amount', 'balance', 'status', 'openedOn', 'regionCode'] },
      { type: 'ContractPerformance', fields: ['contracts', 'onTime', 'onTimeRatio', 'regionCode'] },
    ],
    purpose: 'mortgage-review',
  },
  { requester: 'public-security', owner: 'health', scope: [{ type: 'HealthRecord', fields: ['bloodType', 'vaccinations'] }], region: '460200', purpose: 'missing-person' },
  { requester: 'credit', owner: 'housing', scope: [{ type: 'Property', fields: ['certificateNumber', 'address', 'owners'] }], purpose: 'asset-tracing' },
  {
    requester: 'market-regulation',
    owner: 'education',
    scope: [
      { type: 'Person', fields: ['enrolments'] },
      { type: 'Enrolment', fields: ['id', 'person', 'school', 'schoolCode', 'regionCode', 'status', 'startYear'] },
    ],
    purpose: 'youth-employment',
  },
];
