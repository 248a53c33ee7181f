// The closed vocabulary of departments and roles. Anything outside it grants nothing:
// a typo in a token or a policy must fail closed, never open.

export const DEPARTMENTS = [
  'public-security',
  'natural-resources',
  'market-regulation',
  'health',
  'education',
  'housing',
  'credit',
  'statistics',
  'data-bureau',
] as const;

export const ROLES = ['officer', 'analyst', 'dashboard', 'app', 'developer', 'security-officer', 'auditor'] as const;

export type Department = (typeof DEPARTMENTS)[number];
export type Role = (typeof ROLES)[number];

const departmentSet: ReadonlySet<string> = new Set(DEPARTMENTS);
const roleSet: ReadonlySet<string> = new Set(ROLES);

export function isDepartment(value: unknown): value is Department {
  return typeof value === 'string' && departmentSet.has(value);
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && roleSet.has(value);
}

/**
 * What a rule can allow. `readMasked` is the fallback view of a field one may not read in full;
 * `aggregate` lets a field feed counts and group-bys without reading records. CASL's catch-all
 * `manage` is deliberately not an action here.
 */
export const ACTIONS = ['read', 'readMasked', 'aggregate', 'create', 'update'] as const;
export type Action = (typeof ACTIONS)[number];

const actionSet: ReadonlySet<string> = new Set(ACTIONS);

export function isAction(value: unknown): value is Action {
  return typeof value === 'string' && actionSet.has(value);
}
