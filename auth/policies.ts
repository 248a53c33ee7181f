// Role policies and sharing grants: the two ways beyond the catalogue defaults to gain (or lose) access.
// Policies are JSON (reviewed governance configuration), compiled once and cached per policy array;
// grants come from the governance service and are validated whenever an ability is built.
import { SENSITIVITIES, SHARING_TYPES, type Catalogue, type CatalogueProblem, type FieldEntry, type Sensitivity, type SharingType, type TypeCatalogue } from './catalogue';
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
  /**
   * Covers the fields of the subject(s) whose catalogue entries have these properties, instead of a list of
   * fields: a field catalogued later is covered the moment it is catalogued. Not together with `fields`.
   */
  fieldsWith?: FieldSelector;
  /** Covers only the subject types (of the listed ones, or of "all") whose catalogue entries have these properties. */
  subjectsWith?: SubjectSelector;
}

/** Catalogue properties of a field; every property given must hold (a list: any of its values). */
export interface FieldSelector {
  owner?: string | readonly string[];
  sharing?: SharingType | readonly SharingType[];
  sensitivity?: Sensitivity | readonly Sensitivity[];
  open?: boolean;
  /** Personal information: sensitivity PERSONAL or SENSITIVE. */
  personal?: boolean;
}

/** Catalogue properties of a type. */
export interface SubjectSelector {
  owner?: string | readonly string[];
  /** Whether the type holds personal information: some field of it is PERSONAL or SENSITIVE. */
  personal?: boolean;
}

export const FIELD_SELECTOR_KEYS: readonly string[] = ['owner', 'sharing', 'sensitivity', 'open', 'personal'];
export const SUBJECT_SELECTOR_KEYS: readonly string[] = ['owner', 'personal'];

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
  readonly fieldsWith: CompiledFieldSelector | undefined;
  readonly subjectsWith: CompiledSubjectSelector | undefined;
}

export interface CompiledFieldSelector {
  readonly owner?: readonly string[];
  readonly sharing?: readonly SharingType[];
  readonly sensitivity?: readonly Sensitivity[];
  readonly open?: boolean;
  readonly personal?: boolean;
}

export interface CompiledSubjectSelector {
  readonly owner?: readonly string[];
  readonly personal?: boolean;
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
  const fieldsWith = rule.fieldsWith === undefined ? undefined : compileFieldSelector(rule.fieldsWith, where);
  const subjectsWith = rule.subjectsWith === undefined ? undefined : compileSubjectSelector(rule.subjectsWith, where);
  if (fieldsWith && fields) throw new PolicyError(`${where} has both "fields" and "fieldsWith"; name the fields or select them by their catalogue properties, not both.`);
  if (overrideNotShared && (fieldsWith || subjectsWith)) throw new PolicyError(`${where} sets overrideNotShared with a selector; an opening of NOT_SHARED fields must name them.`);
  const detail = rule.reason ?? policy.description ?? `rule ${index + 1}`;
  return Object.freeze({
    actions: Object.freeze([...actions]),
    subjects: Object.freeze([...subjects]),
    fields: fields ? Object.freeze([...fields]) : undefined,
    conditions,
    inverted: rule.inverted === true,
    reason: `policy ${policy.id}: ${detail}`,
    overrideNotShared,
    fieldsWith,
    subjectsWith,
  });
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function selectorList<T extends string>(value: unknown, allowed: (v: unknown) => v is T, what: string, where: string): readonly T[] {
  const list = asList(value as T | readonly T[]) ?? [];
  if (list.length === 0 || !list.every(allowed)) throw new PolicyError(`${where} selects by ${what}, but names no ${what} or an unknown one.`);
  return Object.freeze([...list]);
}

function selectorBoolean(value: unknown, what: string, where: string): boolean {
  if (typeof value !== 'boolean') throw new PolicyError(`${where} selects by "${what}", which must be true or false.`);
  return value;
}

function checkSelectorKeys(value: unknown, keys: readonly string[], name: string, where: string): Record<string, unknown> {
  if (!isPlainObject(value) || Object.keys(value).length === 0) throw new PolicyError(`${where} has "${name}" that is not an object of catalogue properties (${keys.join(', ')}).`);
  for (const key of Object.keys(value)) {
    if (!keys.includes(key)) throw new PolicyError(`${where} selects by the unknown catalogue property "${key}" in "${name}"; use ${keys.join(', ')}.`);
  }
  return value;
}

const isSharingType = (v: unknown): v is SharingType => SHARING_TYPES.includes(v as SharingType);
const isSensitivity = (v: unknown): v is Sensitivity => SENSITIVITIES.includes(v as Sensitivity);

export function compileFieldSelector(value: unknown, where: string): CompiledFieldSelector {
  const raw = checkSelectorKeys(value, FIELD_SELECTOR_KEYS, 'fieldsWith', where);
  const out: { -readonly [K in keyof CompiledFieldSelector]: CompiledFieldSelector[K] } = {};
  if (raw.owner !== undefined) out.owner = selectorList(raw.owner, isDepartment, 'owner department', where);
  if (raw.sharing !== undefined) out.sharing = selectorList(raw.sharing, isSharingType, 'sharing type', where);
  if (raw.sensitivity !== undefined) out.sensitivity = selectorList(raw.sensitivity, isSensitivity, 'sensitivity', where);
  if (raw.open !== undefined) out.open = selectorBoolean(raw.open, 'open', where);
  if (raw.personal !== undefined) out.personal = selectorBoolean(raw.personal, 'personal', where);
  return Object.freeze(out);
}

export function compileSubjectSelector(value: unknown, where: string): CompiledSubjectSelector {
  const raw = checkSelectorKeys(value, SUBJECT_SELECTOR_KEYS, 'subjectsWith', where);
  const out: { -readonly [K in keyof CompiledSubjectSelector]: CompiledSubjectSelector[K] } = {};
  if (raw.owner !== undefined) out.owner = selectorList(raw.owner, isDepartment, 'owner department', where);
  if (raw.personal !== undefined) out.personal = selectorBoolean(raw.personal, 'personal', where);
  return Object.freeze(out);
}

const isPersonal = (e: FieldEntry): boolean => e.sensitivity !== 'NONE';

function fieldMatches(e: FieldEntry, s: CompiledFieldSelector): boolean {
  return (
    (s.owner === undefined || s.owner.includes(e.owner)) &&
    (s.sharing === undefined || s.sharing.includes(e.sharing)) &&
    (s.sensitivity === undefined || s.sensitivity.includes(e.sensitivity)) &&
    (s.open === undefined || s.open === e.open) &&
    (s.personal === undefined || s.personal === isPersonal(e))
  );
}

function subjectMatches(t: TypeCatalogue, s: CompiledSubjectSelector): boolean {
  return (s.owner === undefined || s.owner.includes(t.owner)) && (s.personal === undefined || s.personal === Object.values(t.fields).some(isPersonal));
}

/** What a rule covers once its selectors are applied to a catalogue: subjects, each with its fields (undefined: all). */
export interface RuleTarget {
  readonly subjects: readonly string[];
  readonly fields: readonly string[] | undefined;
}

const targetCache = new WeakMap<CompiledRule, WeakMap<Catalogue, readonly RuleTarget[]>>();

/**
 * The (subject, fields) pairs a rule with catalogue selectors covers in `catalogue`; a rule without selectors covers
 * its subjects and fields as written. Computed per catalogue, so each subgraph judges the same properties of the same
 * platform catalogue; a subject with no selected field is left out (the rule says nothing about it).
 */
export function ruleTargets(rule: CompiledRule, catalogue: Catalogue): readonly RuleTarget[] {
  if (!rule.fieldsWith && !rule.subjectsWith) return [{ subjects: rule.subjects, fields: rule.fields }];
  let byCatalogue = targetCache.get(rule);
  if (!byCatalogue) {
    byCatalogue = new WeakMap();
    targetCache.set(rule, byCatalogue);
  }
  const cached = byCatalogue.get(catalogue);
  if (cached) return cached;
  const subjects = rule.subjects.includes('all') ? Object.keys(catalogue) : rule.subjects;
  const out: RuleTarget[] = [];
  for (const subject of subjects) {
    const t = catalogue[subject];
    if (!t || (rule.subjectsWith && !subjectMatches(t, rule.subjectsWith))) continue;
    if (!rule.fieldsWith) {
      out.push({ subjects: [subject], fields: rule.fields });
      continue;
    }
    const fields = Object.entries(t.fields).flatMap(([f, e]) => (fieldMatches(e, rule.fieldsWith!) ? [f] : []));
    if (fields.length > 0) out.push({ subjects: [subject], fields: Object.freeze(fields) });
  }
  const frozen = Object.freeze(out);
  byCatalogue.set(catalogue, frozen);
  return frozen;
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
