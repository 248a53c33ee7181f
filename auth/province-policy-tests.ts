// The policy tests stored with the province's default policy (version 1): what each kind of caller must and
// must not see. Security officers keep them with every later version; a version whose tests fail is not approved.
import type { PolicyTest } from './policy-document';

const haikouRecord = { hukouRegionCode: '460105', addressRegionCode: '460105' };
const sanyaRecord = { hukouRegionCode: '460202', addressRegionCode: '460202' };
const healthObjection = { objectorDept: 'health', ownerDept: 'public-security' };

export const PROVINCE_POLICY_TESTS: readonly PolicyTest[] = [
  { name: 'Haikou police read ID numbers of Haikou residents', caller: { dept: 'public-security', roles: ['officer'], region: '460100', purpose: null }, type: 'Person', field: 'idNumber', record: haikouRecord, expect: 'FULL' },
  { name: 'Haikou police read a floating resident living in Haikou', caller: { dept: 'public-security', roles: ['officer'], region: '460100', purpose: null }, type: 'Person', field: 'name', record: { hukouRegionCode: '460202', addressRegionCode: '460106' }, expect: 'FULL' },
  { name: 'Haikou police do not read Sanya residents', caller: { dept: 'public-security', roles: ['officer'], region: '460100', purpose: null }, type: 'Person', field: 'name', record: sanyaRecord, expect: 'DENIED' },
  { name: 'Police without an area read no person', caller: { dept: 'public-security', roles: ['officer'], region: null, purpose: null }, type: 'Person', field: 'name', record: haikouRecord, expect: 'DENIED' },
  { name: 'Health officers see ID numbers masked', caller: { dept: 'health', roles: ['officer'], region: '460000', purpose: null }, type: 'Person', field: 'idNumber', expect: 'MASKED' },
  { name: 'Health analysts see phones masked', caller: { dept: 'health', roles: ['analyst'], region: '460000', purpose: null }, type: 'Person', field: 'phone', expect: 'MASKED' },
  { name: 'Housing officers read names', caller: { dept: 'housing', roles: ['officer'], region: '460200', purpose: null }, type: 'Person', field: 'name', expect: 'FULL' },
  { name: 'The public reads no names', caller: { dept: null, roles: [], region: null, purpose: null }, type: 'Person', field: 'name', expect: 'DENIED' },
  { name: 'The public reads region names (open data)', caller: { dept: null, roles: [], region: null, purpose: null }, type: 'Region', field: 'name', expect: 'FULL' },
  { name: 'Dashboards read no person records', caller: { dept: 'statistics', roles: ['dashboard'], region: '460000', purpose: null }, type: 'Person', field: 'name', expect: 'DENIED' },
  { name: 'Police never read allergies (NOT_SHARED health data)', caller: { dept: 'public-security', roles: ['officer'], region: '460000', purpose: null }, type: 'HealthRecord', field: 'allergies', expect: 'DENIED' },
  { name: 'Health officers read their own allergies records', caller: { dept: 'health', roles: ['officer'], region: '460000', purpose: null }, type: 'HealthRecord', field: 'allergies', expect: 'FULL' },
  { name: 'Other departments read blood types only by grant', caller: { dept: 'public-security', roles: ['officer'], region: '460000', purpose: 'emergency-care' }, type: 'HealthRecord', field: 'bloodType', expect: 'DENIED' },
  { name: 'An unknown role reads nothing beyond open data', caller: { dept: 'health', roles: ['auditor'], region: null, purpose: null }, type: 'Person', field: 'phone', expect: 'DENIED' },
  { name: 'Province dashboards count persons by birth date', caller: { dept: 'statistics', roles: ['dashboard'], region: '460000', purpose: null }, type: 'Person', field: 'birthDate', record: haikouRecord, action: 'aggregate', expect: 'FULL' },
  { name: 'Haikou dashboards count Haikou persons', caller: { dept: 'statistics', roles: ['dashboard'], region: '460100', purpose: null }, type: 'Person', field: 'gender', record: haikouRecord, action: 'aggregate', expect: 'FULL' },
  { name: 'Haikou dashboards do not count Sanya persons', caller: { dept: 'statistics', roles: ['dashboard'], region: '460100', purpose: null }, type: 'Person', field: 'gender', record: sanyaRecord, action: 'aggregate', expect: 'DENIED' },
  { name: 'Dashboards without an area count nothing', caller: { dept: 'statistics', roles: ['dashboard'], region: null, purpose: null }, type: 'Person', field: 'gender', record: haikouRecord, action: 'aggregate', expect: 'DENIED' },
  { name: 'Dashboards count enterprises', caller: { dept: 'statistics', roles: ['dashboard'], region: '460000', purpose: null }, type: 'Enterprise', field: 'industry', record: { regionCode: '460105' }, action: 'aggregate', expect: 'FULL' },
  { name: 'Statistics dashboards never count chronic conditions (NOT_SHARED clinical data)', caller: { dept: 'statistics', roles: ['dashboard'], region: '460000', purpose: null }, type: 'ChronicCondition', field: 'code', record: { regionCode: '460105' }, action: 'aggregate', expect: 'DENIED' },
  { name: 'Health analysts count their own chronic conditions', caller: { dept: 'health', roles: ['analyst'], region: '460000', purpose: null }, type: 'ChronicCondition', field: 'code', record: { regionCode: '460105' }, action: 'aggregate', expect: 'FULL' },
  { name: "Health analysts do not count another department's persons", caller: { dept: 'health', roles: ['analyst'], region: '460000', purpose: null }, type: 'Person', field: 'gender', record: haikouRecord, action: 'aggregate', expect: 'DENIED' },
  { name: "Health officers read their own department's change subscriptions", caller: { dept: 'health', roles: ['officer'], region: '460000', purpose: null }, type: 'ChangeSubscription', field: 'webhookUrl', record: { dept: 'health' }, expect: 'FULL' },
  { name: "Housing officers do not read health's change subscriptions", caller: { dept: 'housing', roles: ['officer'], region: '460000', purpose: null }, type: 'ChangeSubscription', field: 'webhookUrl', record: { dept: 'health' }, expect: 'DENIED' },
  { name: 'Auditors follow every change subscription', caller: { dept: 'data-bureau', roles: ['auditor'], region: null, purpose: null }, type: 'DeadLetter', field: 'recordKey', record: { dept: 'health' }, expect: 'FULL' },
  { name: 'Officers do not count records (statistics are for analysts and dashboards)', caller: { dept: 'public-security', roles: ['officer'], region: '460000', purpose: null }, type: 'Person', field: 'gender', record: haikouRecord, action: 'aggregate', expect: 'DENIED' },
  { name: 'The objecting department reads its data objection', caller: { dept: 'health', roles: ['officer'], region: '460000', purpose: null }, type: 'Objection', field: 'resolutionReason', record: healthObjection, expect: 'FULL' },
  { name: 'The owning department reads a data objection to its data', caller: { dept: 'public-security', roles: ['officer'], region: '460000', purpose: null }, type: 'Objection', field: 'proposedValue', record: healthObjection, expect: 'FULL' },
  { name: 'A third department reads no data objection', caller: { dept: 'education', roles: ['officer'], region: '460000', purpose: null }, type: 'Objection', field: 'state', record: healthObjection, expect: 'DENIED' },
  { name: 'Auditors read every data objection', caller: { dept: 'data-bureau', roles: ['auditor'], region: null, purpose: null }, type: 'Objection', field: 'evidence', record: healthObjection, expect: 'FULL' },
  { name: 'Dashboards read no data objection', caller: { dept: 'statistics', roles: ['dashboard'], region: '460000', purpose: null }, type: 'Objection', field: 'state', record: healthObjection, expect: 'DENIED' },
];
