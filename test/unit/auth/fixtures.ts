// Shared sample data for the auth tests: a small catalogue, policies, grants, principals and records.
import { defineCatalogue, field, mergeCatalogues } from '../../../auth';
import type { Catalogue, Grant, Principal, RolePolicy } from '../../../auth';

export const NOW = new Date('2025-06-01T00:00:00Z');

export function sampleCatalogue(): Catalogue {
  const population = defineCatalogue('public-security', {
    Person: {
      description: 'Population basic information',
      regionField: 'regionCode',
      fields: {
        id: 'UNCONDITIONAL',
        name: field('UNCONDITIONAL', { sensitivity: 'PERSONAL', mask: 'name' }),
        idNumber: field('CONDITIONAL', { sensitivity: 'SENSITIVE', mask: 'idNumber' }),
        birthDate: field('CONDITIONAL', { sensitivity: 'PERSONAL', mask: 'birthDate' }),
        phone: field('CONDITIONAL', { sensitivity: 'PERSONAL', mask: 'phone' }),
        address: field('CONDITIONAL', { sensitivity: 'PERSONAL', mask: 'address' }),
        ethnicity: field('NOT_SHARED', { sensitivity: 'SENSITIVE' }),
        cityCode: 'UNCONDITIONAL',
        regionCode: 'UNCONDITIONAL',
      },
    },
  });
  const health = defineCatalogue('health', {
    Person: { extension: true, fields: { healthRecord: 'CONDITIONAL' } },
    HealthRecord: {
      regionField: 'regionCode',
      fields: {
        id: 'UNCONDITIONAL',
        bloodType: field('CONDITIONAL', { sensitivity: 'SENSITIVE' }),
        chronicConditions: field('NOT_SHARED', { sensitivity: 'SENSITIVE' }),
        regionCode: 'UNCONDITIONAL',
      },
    },
  });
  const credit = defineCatalogue('credit', {
    CreditProfile: {
      fields: {
        id: field('UNCONDITIONAL', { open: true }),
        onDishonestList: field('UNCONDITIONAL', { open: true }),
        score: field('CONDITIONAL', { sensitivity: 'PERSONAL' }),
      },
    },
  });
  return mergeCatalogues(population, health, credit);
}

export function samplePolicies(): RolePolicy[] {
  return [
    {
      id: 'v3',
      dept: 'public-security',
      role: 'officer',
      rules: [
        {
          inverted: true,
          action: ['read', 'readMasked'],
          subject: 'Person',
          conditions: { cityCode: { $ne: '${principal.region}' } },
          reason: 'police of a city read persons of that city only',
        },
      ],
    },
    {
      id: 'housing-residents',
      dept: 'housing',
      role: 'officer',
      rules: [
        {
          action: 'read',
          subject: 'Person',
          fields: ['address', 'phone'],
          conditions: { cityCode: '${principal.region}' },
          reason: 'housing officers read addresses and phones of residents of their city',
        },
      ],
    },
    {
      id: 'analysts-masked',
      dept: '*',
      role: 'analyst',
      description: 'analysts work on masked identifiers',
      rules: [
        { action: 'readMasked', subject: 'Person', fields: ['name', 'idNumber', 'birthDate', 'phone', 'address', 'ethnicity'] },
        { inverted: true, action: 'read', subject: 'Person', fields: ['name'], reason: 'analysts never see names in full' },
      ],
    },
    {
      id: 'dashboards',
      dept: 'statistics',
      role: 'dashboard',
      rules: [
        { action: 'aggregate', subject: 'Person', fields: ['cityCode', 'regionCode', 'birthDate'], reason: 'dashboards count persons by area and birth year' },
        { action: 'readMasked', subject: 'Person', fields: ['birthDate'], reason: 'dashboards show birth years' },
        { inverted: true, action: 'read', subject: 'Person', reason: 'dashboards never read individual person records' },
      ],
    },
    {
      id: 'security-review',
      dept: 'data-bureau',
      role: 'security-officer',
      rules: [{ action: 'readMasked', subject: ['Person', 'HealthRecord'], reason: 'security officers review masked records' }],
    },
  ];
}

export function sampleGrants(): Grant[] {
  return [
    { id: 'G12', granteeDept: 'housing', subject: 'Person', fields: ['idNumber'], purpose: 'housing-subsidy-review', region: '460200', expiresAt: '2030-01-01T00:00:00Z' },
    { id: 'G13', granteeDept: 'health', subject: 'Person', fields: ['phone'], purpose: 'epidemic-follow-up', expiresAt: '2024-01-01T00:00:00Z' },
    { id: 'G14', granteeDept: 'housing', subject: 'Person', fields: ['ethnicity'], purpose: 'housing-subsidy-review', expiresAt: '2030-01-01T00:00:00Z' },
  ];
}

function government(sub: string, dept: string, roles: string[], region: string | null, purpose: string | null = null): Principal {
  return { kind: 'government', sub, dept, roles, region, client: null, purpose };
}

export const principals = {
  public: { kind: 'public', sub: 'public', dept: null, roles: [], region: null, client: null, purpose: null } as Principal,
  police: government('officer-001', 'public-security', ['officer'], '460100'),
  healthAnalyst: government('analyst-007', 'health', ['analyst'], null),
  housingOfficer: government('housing-042', 'housing', ['officer'], '460200'),
  housingOfficerWithPurpose: government('housing-042', 'housing', ['officer'], '460200', 'housing-subsidy-review'),
  statsDashboard: government('dash-01', 'statistics', ['dashboard'], '460000'),
  securityOfficer: government('sec-01', 'data-bureau', ['security-officer'], null),
  unknownDept: government('t-01', 'tourism', ['officer'], '460100'),
  unknownRole: government('h-99', 'health', ['janitor'], null),
};

export const haikouPerson = Object.freeze({
  id: 'p1',
  name: '张三丰',
  idNumber: '460105199001011234',
  birthDate: '1990-05-17',
  phone: '13812345678',
  address: '海南省海口市龙华区滨海大道123号',
  ethnicity: '汉族',
  cityCode: '460100',
  regionCode: '460106',
  healthRecord: null,
});

export const sanyaPerson = Object.freeze({ ...haikouPerson, id: 'p2', name: '李四', cityCode: '460200', regionCode: '460202' });
