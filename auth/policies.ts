// Role policies and sharing grants: the two ways beyond the catalogue defaults to gain (or lose) access.
// Policies are JSON (reviewed governance configuration), compiled once and cached per policy array;
// grants come from the governance service and are validated whenever an ability is built.
import type { Catalogue, CatalogueProblem } from './catalogue';
import { parseConditions } from './conditions';
import type { ConditionTemplate } from './conditions';
import { PolicyError } from './errors';
import { isRegionCode } from './region';
import { isAction, isDepartment, isRole } from './vocabulary';
import type { Action } from './vocabulary';

/** One JSON CASL rule. Conditions may reference `${principal.region}`, `${principal.regionPrefix}`,
 *  `${principal.dept}` and `${principal.sub}`. Without `fields` it covers every field of the subject
 *  (except NOT_SHARED fields of other departments, which nothing but ownership opens). */
export interface PolicyRule {
  action: Action | readonly Action[];
  subject: string | readonly string[];
  fields?: string | readonly string[];
  conditions?: Record<string, unknown>;
  inverted?: boolean;
  reason?: string;
  /**
   * Opens the listed NOT_SHARED fields of another department, which the catalogue caps otherwise close to
   * everyone but their owner. Valid only on read rules with explicit fields; the governance service accepts it
   * only in a version co-signed by the owning department's security officer.
   */
  overrideNotShared?: boolean;
}

/** Rules attached to a (department or '*', role) pair. */
export interface RolePolicy {
  id: string;
  dept: string;
  role: string;
  description?: string;
  rules: readonly PolicyRule[];
}

/** A sharing grant issued by a data owner through the governance service. */
export interface Grant {
  id: string;
  granteeDept: string;
  subject: string;
  fields: readonly string[];
  purpose: string;
  /** Restricts the grant to records of this 6-digit region (and the codes inside it). */
  region?: string;
  /** ISO 8601 instant; the grant applies strictly before it. */
  expiresAt: string;
}

export interface CompiledRule {
  readonly actions: readonly Action[];
  readonly subjects: readonly string[];
  readonly fields: readonly string[] | undefined;
  readonly conditions: ConditionTemplate | undefined;
  readonly inverted: boolean;
  readonly reason: string;
  readonly overrideNotShared: boolean;
}

export interface CompiledPolicy {
  readonly id: string;
  readonly dept: string;
  readonly role: string;
  readonly rules: readonly CompiledRule[];
}

const TYPE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

function asList<T>(value: T | readonly T[] | undefined): readonly T[] | undefined {
  if (value === undefined) return undefined;
  return Array.isArray(value) ? (value as readonly T[]) : [value as T];
}

function compileRule(policy: RolePolicy, rule: PolicyRule, index: number): CompiledRule {
  const where = `Policy ${policy.id} rule ${index + 1}`;
  if (typeof rule !== 'object' || rule === null) throw new PolicyError(`${where} is not an object.`);
  const actions = asList(rule.action);
  if (!actions || actions.length === 0 || !actions.every(isAction)) {
    throw new PolicyError(`${where} has an unknown action; actions are read, readMasked, aggregate, create and update.`);
  }
  const subjects = asList(rule.subject);
  if (!subjects || subjects.length === 0 || !subjects.every((s) => typeof s === 'string' && TYPE_NAME.test(s))) {
    throw new PolicyError(`${where} needs a subject: a GraphQL type name, or "all".`);
  }
  const fields = asList(rule.fields);
  if (fields && (fields.length === 0 || !fields.every((f) => typeof f === 'string' && TYPE_NAME.test(f)))) {
    throw new PolicyError(`${where} has a fields list that is empty or names something that is not a field.`);
  }
  const conditions = rule.conditions === undefined ? undefined : parseConditions(rule.conditions, where);
  if (rule.inverted !== undefined && typeof rule.inverted !== 'boolean') throw new PolicyError(`${where} has "inverted" that is not true or false.`);
  if (rule.reason !== undefined && typeof rule.reason !== 'string') throw new PolicyError(`${where} has a reason that is not text.`);
  const overrideNotShared = rule.overrideNotShared === true;
  if (rule.overrideNotShared !== undefined && typeof rule.overrideNotShared !== 'boolean') throw new PolicyError(`${where} has "overrideNotShared" that is not true or false.`);
  if (overrideNotShared) {
    if (rule.inverted === true) throw new PolicyError(`${where} is inverted; overrideNotShared only opens fields.`);
    if (!fields) throw new PolicyError(`${where} sets overrideNotShared without naming the NOT_SHARED fields it opens.`);
    if (!actions.every((a) => a === 'read' || a === 'readMasked' || a === 'aggregate')) throw new PolicyError(`${where} sets overrideNotShared on a write action; only reads can be opened.`);
  }
  const detail = rule.reason ?? policy.description ?? `rule ${index + 1}`;
  return Object.freeze({
    actions: Object.freeze([...actions]),
    subjects: Object.freeze([...subjects]),
    fields: fields ? Object.freeze([...fields]) : undefined,
    conditions,
    inverted: rule.inverted === true,
    reason: `policy ${policy.id}: ${detail}`,
    overrideNotShared,
  });
}

const compiledCache = new WeakMap<readonly RolePolicy[], readonly CompiledPolicy[]>();

/**
 * Validates and parses policies, throwing a PolicyError that names the policy, the rule and the problem
 * (unknown department, role, action, operator or placeholder). Cached per array, so passing the same
 * array to every buildAbility call compiles it once; call it at startup to fail fast.
 */
export function compilePolicies(policies: readonly RolePolicy[]): readonly CompiledPolicy[] {
  const cached = compiledCache.get(policies);
  if (cached) return cached;
  const ids = new Set<string>();
  const compiled = policies.map((policy) => {
    if (typeof policy.id !== 'string' || policy.id === '') throw new PolicyError('A policy has no id.');
    if (ids.has(policy.id)) throw new PolicyError(`Policy id ${policy.id} is used twice.`);
    ids.add(policy.id);
    if (policy.dept !== '*' && !isDepartment(policy.dept)) throw new PolicyError(`Policy ${policy.id} names an unknown department.`);
    if (!isRole(policy.role)) throw new PolicyError(`Policy ${policy.id} names an unknown role.`);
    if (!Array.isArray(policy.rules)) throw new PolicyError(`Policy ${policy.id} has no rules array.`);
    return Object.freeze({ id: policy.id, dept: policy.dept, role: policy.role, rules: Object.freeze(policy.rules.map((r, i) => compileRule(policy, r, i))) });
  });
  const frozen = Object.freeze(compiled);
  compiledCache.set(policies, frozen);
  return frozen;
}

/** Validates one grant; a malformed grant fails the build loudly rather than being half-applied. */
export function checkGrant(grant: Grant): number {
  const where = `Grant ${typeof grant.id === 'string' && grant.id !== '' ? grant.id : '(without id)'}`;
  if (typeof grant.id !== 'string' || grant.id === '') throw new PolicyError(`${where} has no id.`);
  if (!isDepartment(grant.granteeDept)) throw new PolicyError(`${where} names an unknown grantee department.`);
  if (typeof grant.subject !== 'string' || !TYPE_NAME.test(grant.subject)) throw new PolicyError(`${where} has no valid subject type.`);
  if (!Array.isArray(grant.fields) || grant.fields.length === 0 || !grant.fields.every((f) => typeof f === 'string' && TYPE_NAME.test(f))) {
    throw new PolicyError(`${where} must list the fields it shares.`);
  }
  if (typeof grant.purpose !== 'string' || grant.purpose.trim() === '') throw new PolicyError(`${where} has no purpose.`);
  if (grant.region !== undefined && !isRegionCode(grant.region)) throw new PolicyError(`${where} has a region that is not a 6-digit code.`);
  const expiresAt = typeof grant.expiresAt === 'string' ? Date.parse(grant.expiresAt) : Number.NaN;
  if (Number.isNaN(expiresAt)) throw new PolicyError(`${where} has an expiry that is not an ISO 8601 instant.`);
  return expiresAt;
}

function templateFields(t: ConditionTemplate, into: Set<string>): Set<string> {
  if ('items' in t) t.items.forEach((i) => templateFields(i, into));
  else if ('item' in t) templateFields(t.item, into);
  else into.add(t.field);
  return into;
}

/**
 * Cross-checks policies and grants against the catalogue: subjects, fields and condition fields that
 * the catalogue does not know. Not an error at build time (a subgraph serves only part of the graph),
 * but worth failing a startup check or CI on.
 */
export function checkPolicies(policies: readonly RolePolicy[], catalogue: Catalogue, grants: readonly Grant[] = []): CatalogueProblem[] {
  const problems: CatalogueProblem[] = [];
  for (const policy of compilePolicies(policies)) {
    policy.rules.forEach((rule, i) => {
      for (const subject of rule.subjects) {
        if (subject === 'all') continue;
        const type = catalogue[subject];
        const at = `Policy ${policy.id} rule ${i + 1}`;
        if (!type) {
          problems.push({ type: subject, message: `${at} names type ${subject}, which is not catalogued.` });
          continue;
        }
        const used = [...(rule.fields ?? []), ...(rule.conditions ? templateFields(rule.conditions, new Set()) : [])];
        for (const f of used) {
          if (!(f in type.fields)) problems.push({ type: subject, field: f, message: `${at} names ${subject}.${f}, which is not catalogued.` });
        }
      }
    });
  }
  for (const grant of grants) {
    checkGrant(grant);
    const type = catalogue[grant.subject];
    if (!type) {
      problems.push({ type: grant.subject, message: `Grant ${grant.id} names type ${grant.subject}, which is not catalogued.` });
      continue;
    }
    for (const f of grant.fields) {
      const entry = type.fields[f];
      if (!entry) problems.push({ type: grant.subject, field: f, message: `Grant ${grant.id} names ${grant.subject}.${f}, which is not catalogued.` });
      else if (entry.sharing === 'NOT_SHARED') {
        problems.push({ type: grant.subject, field: f, message: `Grant ${grant.id} shares ${grant.subject}.${f}, which is NOT_SHARED; it will have no effect.` });
      }
    }
    if (grant.region !== undefined && type.regionField === undefined) {
      problems.push({ type: grant.subject, message: `Grant ${grant.id} is limited to a region, but ${grant.subject} has no region field.` });
    }
  }
  return problems;
}
