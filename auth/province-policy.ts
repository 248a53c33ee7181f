// The province's default role policy, installed into the governance database when it holds none.
// Security officers change it through the governance service; README.md ("Authorization") explains it.
import type { RolePolicy } from './policies';
import type { Action } from './vocabulary';

/** Identity details other departments may see only masked, unless a sharing grant opens them. */
const MASKED_FOR_OTHERS = [
  { action: 'readMasked', subject: 'Person', fields: ['idNumber', 'phone', 'address'], reason: 'province policy: identity numbers, phones and addresses are shared masked' },
  { action: 'readMasked', subject: 'Household', fields: ['address'], reason: 'province policy: household addresses are shared masked' },
  { action: 'readMasked', subject: 'Place', fields: ['address', 'location', 'lon', 'lat'], reason: 'province policy: address points are shared masked (about 1 km)' },
] as const;

/** What statistics count, per department that owns it (subgraphs/<domain>/statistics.ts). */
const STATISTICS_SUBJECTS: Readonly<Record<string, readonly string[]>> = {
  'public-security': ['Person'],
  'market-regulation': ['Enterprise'],
  health: ['HealthRecord', 'ChronicCondition'],
  education: ['Enrolment'],
  housing: ['Property', 'PropertyTransfer'],
  credit: ['CreditProfile'],
};

/** A change subscription and what hangs off it: row rules on their `dept`. */
const SUBSCRIPTION_SUBJECTS = ['ChangeSubscription', 'DeadLetter', 'SubscriptionDelivery'] as const;

/** Rows in the caller's area, on each counted type's region field. */
function inCallersArea(subject: string) {
  return { [subject === 'Person' ? 'hukouRegionCode' : 'regionCode']: { $like: '${principal.regionPrefix}%' } };
}

// Order matters: a later rule overrides an earlier one (CASL), so restrictions such as police-own-area come after
// the permissions they restrict (masked-identity-officer).
export const PROVINCE_POLICY: readonly RolePolicy[] = [
  ...(['officer', 'analyst', 'app'] as const).map((role) => ({
    id: `masked-identity-${role}`,
    dept: '*',
    role,
    description: `Every department's ${role}s see citizen ID numbers, phones and addresses masked.`,
    rules: MASKED_FOR_OTHERS.map((rule) => ({ ...rule, fields: [...rule.fields] })),
  })),
  ...(['officer', 'app'] as const).map((role) => ({
    id: `departmental-records-${role}`,
    dept: '*',
    role,
    description: `Each department's ${role}s record what their department owns; the catalogue lets nobody write another department's fields.`,
    rules: [{ action: ['create', 'update'] as Action[], subject: 'all', reason: `province policy: ${role}s record their own department's data` }],
  })),
  {
    id: 'dashboards-no-records',
    dept: '*',
    role: 'dashboard',
    description:
      'Dashboard accounts read statistics, never records: of a type that holds personal information they read only open data, and nothing anywhere that is shared on conditions or not shared.',
    // Written over catalogue properties, not lists of types or fields: a type or field catalogued later is covered at once.
    rules: [
      {
        action: ['read', 'readMasked'],
        subject: 'all',
        subjectsWith: { personal: true },
        fieldsWith: { open: false },
        inverted: true,
        reason: 'province policy: dashboard accounts read no records of persons or their affairs (only what is open data)',
      },
      {
        action: ['read', 'readMasked'],
        subject: 'all',
        fieldsWith: { sharing: ['CONDITIONAL', 'NOT_SHARED'] },
        inverted: true,
        reason: 'province policy: dashboard accounts read nothing shared on conditions or not shared',
      },
    ],
  },
  {
    id: 'statistics-dashboards-aggregate',
    dept: 'statistics',
    role: 'dashboard',
    description:
      "The statistics bureau's dashboards count records of every domain in the area their account covers (a city account its city), without reading any; NOT_SHARED fields (clinical data) stay out unless their owner co-signs an opening.",
    rules: ['Person', 'Enterprise', 'HealthRecord', 'Enrolment', 'Property', 'PropertyTransfer', 'CreditProfile'].map((subject) => ({
      action: 'aggregate' as Action,
      subject,
      conditions: inCallersArea(subject),
      reason: 'province policy: statistics dashboards count records of their area, with disclosure control',
    })),
  },
  ...(['analyst', 'dashboard'] as const).flatMap((role) =>
    Object.entries(STATISTICS_SUBJECTS).map(([dept, subjects]) => ({
      id: `own-statistics-${dept}-${role}`,
      dept,
      role,
      description: `${dept}'s ${role}s count their own department's records in the area their account covers.`,
      rules: subjects.map((subject) => ({
        action: 'aggregate' as Action,
        subject,
        conditions: inCallersArea(subject),
        reason: `province policy: ${role}s count their own department's records`,
      })),
    })),
  ),
  ...(['security-officer', 'auditor'] as const).map((role) => ({
    id: `sharing-requests-${role}`,
    dept: '*',
    role,
    description: `${role === 'auditor' ? 'Auditors' : 'Security officers'} of every department follow every request for conditional sharing.`,
    rules: [{ action: 'read' as Action, subject: ['GrantRequest', 'GrantScope'], reason: `province policy: ${role}s follow all sharing requests` }],
  })),
  {
    id: 'sharing-requests-officer',
    dept: '*',
    role: 'officer',
    description: 'Officers follow the sharing requests their department made or must answer.',
    rules: [
      {
        action: 'read',
        subject: 'GrantRequest',
        conditions: { $or: [{ requesterDept: '${principal.dept}' }, { ownerDept: '${principal.dept}' }] },
        reason: "province policy: officers follow their own department's sharing requests",
      },
      { action: 'read', subject: 'GrantScope', reason: "province policy: the scope of a request one may see" },
    ],
  },
  // Data objections (数据异议): the same shape as sharing requests; a third department sees none.
  ...(['security-officer', 'auditor'] as const).map((role) => ({
    id: `data-objections-${role}`,
    dept: '*',
    role,
    description: `${role === 'auditor' ? 'Auditors' : 'Security officers'} of every department follow every data objection.`,
    rules: [{ action: 'read' as Action, subject: 'Objection', reason: `province policy: ${role}s follow all data objections` }],
  })),
  {
    id: 'sharing-backlog-dashboards',
    dept: 'statistics',
    role: 'dashboard',
    description: "The statistics bureau's dashboards count pending sharing requests and open data objections per owning department, province-wide, without reading any.",
    rules: [
      { action: 'aggregate' as Action, subject: 'GrantRequest', fields: ['ownerDept', 'state', 'createdAt', 'expiresOn'], reason: 'province policy: dashboards count sharing requests per department and deadline' },
      { action: 'aggregate' as Action, subject: 'Objection', fields: ['ownerDept', 'state', 'createdAt'], reason: 'province policy: dashboards count data objections per department and deadline' },
    ],
  },
  {
    id: 'data-objections-officer',
    dept: '*',
    role: 'officer',
    description: 'Officers follow the data objections their department raised or must resolve.',
    rules: [
      {
        action: 'read',
        subject: 'Objection',
        conditions: { $or: [{ objectorDept: '${principal.dept}' }, { ownerDept: '${principal.dept}' }] },
        reason: "province policy: officers follow their own department's data objections",
      },
    ],
  },
  // Change subscriptions (governance): the subscribing department's own business, followed by every security
  // officer and auditor, as sharing requests are.
  ...(['security-officer', 'auditor'] as const).map((role) => ({
    id: `change-subscriptions-${role}`,
    dept: '*',
    role,
    description: `${role === 'auditor' ? 'Auditors' : 'Security officers'} of every department follow every change subscription, its deliveries and dead letters.`,
    rules: [{ action: 'read' as Action, subject: [...SUBSCRIPTION_SUBJECTS], reason: `province policy: ${role}s follow all change subscriptions` }],
  })),
  ...(['officer', 'app'] as const).map((role) => ({
    id: `change-subscriptions-own-${role}`,
    dept: '*',
    role,
    description: `Each department's ${role}s follow their own department's change subscriptions, deliveries and dead letters.`,
    rules: [{ action: 'read' as Action, subject: [...SUBSCRIPTION_SUBJECTS], conditions: { dept: '${principal.dept}' }, reason: `province policy: ${role}s follow their own department's subscriptions` }],
  })),
  {
    id: 'police-own-area',
    dept: 'public-security',
    role: 'officer',
    description:
      'Police officers read the records of persons of the area their office covers (a city, a county or the province): persons registered there and persons living there (floating population), and no others.',
    rules: [
      {
        action: ['read', 'readMasked'],
        // Every field of Person, whichever department catalogues it and whichever subgraph serves it: a Person field
        // added later is restricted too. Other subgraphs judge it on the owner's row (subgraphs/kit/owner-scope.ts).
        subject: 'Person',
        conditions: { $not: { $or: [{ hukouRegionCode: { $like: '${principal.regionPrefix}%' } }, { addressRegionCode: { $like: '${principal.regionPrefix}%' } }] } },
        inverted: true,
        reason: 'province policy: police read records of persons of their own area only',
      },
    ],
  },
  // Audit trail (issue 6): auditors, and nobody else, read it (the resolvers refuse every other role too).
  {
    id: 'auditors-read-trail',
    dept: '*',
    role: 'auditor',
    description: "Auditors read every subgraph's audit trail and the anomaly report: who used which protected data, when, why and with which grant.",
    rules: [
      {
        action: 'read',
        subject: ['AuditTrailPage', 'AuditRecord', 'AuditFieldUse', 'AuditAnomaly'],
        reason: 'province policy: auditors read the audit trail',
      },
    ],
  },
];
