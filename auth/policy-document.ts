// A policy version as security officers edit it: a JSON document of role policies plus the tests stored with
// it. Everything here is pure: validation with precise paths, the co-signatures a document needs, running its
// tests, diffing two documents and the impact of one over another. The governance service stores and serves it.
import { diffArrays } from 'diff';
import { buildAbility, type RequestAbility } from './abilities';
import type { Catalogue } from './catalogue';
import { parseConditions, type ConditionTemplate } from './conditions';
import { explainField, type FieldDecision } from './decisions';
import { PolicyError } from './errors';
import { compileFieldSelector, compilePolicies, compileSubjectSelector, type PolicyRule, type RolePolicy } from './policies';
import type { Principal } from './principal';
import { isRegionCode } from './region';
import { DEPARTMENTS, ROLES, isAction, isDepartment, isRole } from './vocabulary';

/** What a condition may compare a field with, from the field's GraphQL type. */
export type FieldKind =
  | { kind: 'string' }
  | { kind: 'number' }
  | { kind: 'boolean' }
  | { kind: 'date' }
  | { kind: 'enum'; values: readonly string[] }
  /** Objects and lists: nothing a condition can compare. */
  | { kind: 'composite'; typeName: string };

export type FieldKinds = (type: string, field: string) => FieldKind | undefined;

export interface PolicyTestCaller {
  dept: string | null;
  roles: string[];
  region: string | null;
  purpose: string | null;
}

export interface PolicyTest {
  name: string;
  caller: PolicyTestCaller;
  type: string;
  field: string;
  /** Field values of a record, for rules whose answer depends on the record. */
  record?: Record<string, string | number | boolean | null>;
  /** `aggregate`: whether the field may feed statistics (FULL) or not (DENIED); unset: what a read shows. */
  action?: 'aggregate';
  expect: FieldDecision;
}

export interface PolicyProblem {
  path: string;
  policyId?: string;
  rule?: number;
  message: string;
}

export interface CosignRequirement {
  dept: string;
  /** Type.field of each NOT_SHARED field opened. */
  fields: string[];
}

export interface ValidatedDocument {
  policies: RolePolicy[];
  tests: PolicyTest[];
  problems: PolicyProblem[];
  cosignaturesRequired: CosignRequirement[];
}

const POLICY_KEYS = new Set(['id', 'dept', 'role', 'description', 'rules']);
const RULE_KEYS = new Set(['action', 'subject', 'fields', 'fieldsWith', 'subjectsWith', 'conditions', 'inverted', 'reason', 'overrideNotShared']);
const TEST_KEYS = new Set(['name', 'caller', 'type', 'field', 'record', 'action', 'expect']);
const CALLER_KEYS = new Set(['dept', 'roles', 'region', 'purpose']);
const POLICY_ID = /^[a-z0-9][a-z0-9-]{1,62}$/;
/** What a policy test may expect. */
export const TEST_EXPECTATIONS: readonly FieldDecision[] = ['FULL', 'MASKED', 'DENIED'];
const DECISIONS = TEST_EXPECTATIONS;
const READ_ACTIONS = new Set(['read', 'readMasked', 'aggregate']);
const DATE = /^\d{4}-\d{2}-\d{2}$/;
export const MAX_POLICIES = 500;
export const MAX_TESTS = 2000;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asList(value: unknown): unknown[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/** JSON.parse with the position of the error in words officers can act on. */
export function parseJsonDocument(text: string, what: string): { value?: unknown; problem?: PolicyProblem } {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch (error) {
    const detail = error instanceof Error ? error.message.replace(/^JSON\.parse: /, '') : String(error);
    const position = /position (\d+)/.exec(detail);
    let where = '';
    if (position) {
      const offset = Number(position[1]);
      const before = text.slice(0, offset);
      const line = before.split('\n').length;
      const column = offset - before.lastIndexOf('\n');
      where = ` (line ${line}, column ${column})`;
    }
    return { problem: { path: what, message: `The ${what} document is not valid JSON${where}: ${detail}.` } };
  }
}

function templateLeaves(t: ConditionTemplate, into: ConditionTemplate[] = []): ConditionTemplate[] {
  if ('items' in t) t.items.forEach((i) => templateLeaves(i, into));
  else if ('item' in t) templateLeaves(t.item, into);
  else into.push(t);
  return into;
}

function isTemplate(value: unknown): boolean {
  return typeof value === 'object' && value !== null && 'template' in value;
}

/** Whether a literal (or a caller placeholder, which is text) fits a field of this kind. */
function valueFits(kind: FieldKind, value: unknown): string | null {
  if (value === null) return null;
  const placeholder = isTemplate(value);
  switch (kind.kind) {
    case 'string':
      return typeof value === 'string' || placeholder ? null : 'a text value';
    case 'number':
      return typeof value === 'number' ? null : 'a number';
    case 'boolean':
      return typeof value === 'boolean' ? null : 'true or false';
    case 'date':
      return typeof value === 'string' && DATE.test(value) ? null : 'a date written YYYY-MM-DD';
    case 'enum':
      return typeof value === 'string' && kind.values.includes(value) ? null : `one of ${kind.values.join(', ')}`;
    case 'composite':
      return 'nothing: it is not a scalar field';
  }
}

function checkConditionTypes(t: ConditionTemplate, subject: string, kinds: FieldKinds, at: string, problems: PolicyProblem[], base: Omit<PolicyProblem, 'path' | 'message'>): void {
  for (const leaf of templateLeaves(t)) {
    if (!('field' in leaf)) continue;
    const kind = kinds(subject, leaf.field);
    if (!kind) continue; // reported as an unknown field already
    const where = `${at}.conditions.${leaf.field}`;
    if (kind.kind === 'composite') {
      problems.push({ ...base, path: where, message: `Conditions can only test scalar fields; ${subject}.${leaf.field} is ${kind.typeName}.` });
      continue;
    }
    const values: unknown[] = 'values' in leaf ? [...leaf.values] : 'prefix' in leaf ? [leaf.prefix] : [leaf.value];
    if (leaf.op === 'like' && kind.kind !== 'string') {
      problems.push({ ...base, path: where, message: `$like matches text prefixes; ${subject}.${leaf.field} is ${kind.kind === 'enum' ? 'an enum' : `a ${kind.kind}`}.` });
      continue;
    }
    if ((leaf.op === 'lt' || leaf.op === 'lte' || leaf.op === 'gt' || leaf.op === 'gte') && (kind.kind === 'boolean' || kind.kind === 'enum')) {
      problems.push({ ...base, path: where, message: `${subject}.${leaf.field} has no order; compare it with $eq, $ne, $in or $nin.` });
      continue;
    }
    for (const value of values) {
      if (leaf.op === 'like') continue;
      const expected = valueFits(kind, value);
      if (expected !== null) {
        problems.push({ ...base, path: where, message: `${subject}.${leaf.field} is compared with ${JSON.stringify(value)}, but it takes ${expected}.` });
        break;
      }
    }
  }
}

function validateRule(policy: RolePolicy, index: number, rule: unknown, policyPath: string, catalogue: Catalogue, kinds: FieldKinds, problems: PolicyProblem[], cosign: Map<string, Set<string>>): void {
  const at = `${policyPath}.rules[${index}]`;
  const base = { policyId: policy.id, rule: index + 1 };
  const before = problems.length;
  if (!isPlainObject(rule)) {
    problems.push({ ...base, path: at, message: `Rule ${index + 1} of policy ${policy.id} is not an object.` });
    return;
  }
  for (const key of Object.keys(rule)) {
    if (!RULE_KEYS.has(key)) problems.push({ ...base, path: `${at}.${key}`, message: `Rule ${index + 1} of policy ${policy.id} has the unknown key "${key}"; rules have ${[...RULE_KEYS].join(', ')}.` });
  }
  const actions = asList(rule.action);
  actions.forEach((a, i) => {
    if (!isAction(a)) problems.push({ ...base, path: `${at}.action${Array.isArray(rule.action) ? `[${i}]` : ''}`, message: `Unknown action ${JSON.stringify(a)}; actions are read, readMasked, aggregate, create and update.` });
  });
  if (actions.length === 0) problems.push({ ...base, path: `${at}.action`, message: `Rule ${index + 1} of policy ${policy.id} needs an action.` });
  const subjects = asList(rule.subject);
  if (subjects.length === 0) problems.push({ ...base, path: `${at}.subject`, message: `Rule ${index + 1} of policy ${policy.id} needs a subject: a catalogued type, or "all".` });
  const known: string[] = [];
  subjects.forEach((s, i) => {
    const path = `${at}.subject${Array.isArray(rule.subject) ? `[${i}]` : ''}`;
    if (s === 'all') return;
    if (typeof s !== 'string' || !catalogue[s]) problems.push({ ...base, path, message: `Unknown subject type ${JSON.stringify(s)}: it is not in the resource catalogue.` });
    else known.push(s);
  });
  const fields = asList(rule.fields);
  if (rule.fields !== undefined && fields.length === 0) problems.push({ ...base, path: `${at}.fields`, message: 'An empty fields list covers nothing; leave "fields" out to cover every field.' });
  if (rule.fields !== undefined && subjects.includes('all')) problems.push({ ...base, path: `${at}.fields`, message: 'Fields need a specific subject type; "all" has no fields of its own.' });
  fields.forEach((f, i) => {
    const path = `${at}.fields${Array.isArray(rule.fields) ? `[${i}]` : ''}`;
    if (typeof f !== 'string') {
      problems.push({ ...base, path, message: `Field names are text; got ${JSON.stringify(f)}.` });
      return;
    }
    for (const s of known) {
      if (!(f in catalogue[s].fields)) problems.push({ ...base, path, message: `Unknown field ${s}.${f}: it is not in the resource catalogue.` });
    }
  });
  // Selectors over catalogue properties: their own messages name the property and what it takes.
  for (const [key, compile] of [['fieldsWith', compileFieldSelector], ['subjectsWith', compileSubjectSelector]] as const) {
    if (rule[key] === undefined) continue;
    try {
      compile(rule[key], `Rule ${index + 1} of policy ${policy.id}`);
    } catch (error) {
      problems.push({ ...base, path: `${at}.${key}`, message: error instanceof PolicyError ? error.message : String(error) });
    }
  }
  if (rule.fieldsWith !== undefined && rule.fields !== undefined) {
    problems.push({ ...base, path: `${at}.fieldsWith`, message: 'A rule names its fields or selects them with "fieldsWith", not both.' });
  }
  let template: ConditionTemplate | undefined;
  if (rule.conditions !== undefined) {
    try {
      template = parseConditions(rule.conditions, `Rule ${index + 1} of policy ${policy.id}`);
    } catch (error) {
      problems.push({ ...base, path: `${at}.conditions`, message: error instanceof PolicyError ? error.message : String(error) });
    }
    if (template) {
      if (subjects.includes('all')) problems.push({ ...base, path: `${at}.conditions`, message: 'Conditions need a specific subject type; "all" has no fields to test.' });
      for (const s of known) {
        for (const leaf of templateLeaves(template)) {
          if ('field' in leaf && !(leaf.field in catalogue[s].fields)) {
            problems.push({ ...base, path: `${at}.conditions.${leaf.field}`, message: `Conditions test ${s}.${leaf.field}, which is not in the resource catalogue.` });
          }
        }
        checkConditionTypes(template, s, kinds, at, problems, base);
      }
    }
  }
  // Anything the checks above missed (types of inverted/reason/overrideNotShared, the combination rules).
  if (problems.length === before) {
    try {
      compilePolicies([{ ...policy, rules: [rule as unknown as PolicyRule] }]);
    } catch (error) {
      problems.push({ ...base, path: at, message: error instanceof PolicyError ? error.message.replace(/rule 1\b/, `rule ${index + 1}`) : String(error) });
    }
  }
  if (problems.length !== before) return;

  // NOT_SHARED fields named for someone other than their owner: closed by the catalogue unless co-signed.
  const opens = rule.inverted !== true && actions.some((a) => READ_ACTIONS.has(a as string));
  const override = rule.overrideNotShared === true;
  for (const s of known) {
    for (const f of fields as string[]) {
      const entry = catalogue[s].fields[f];
      if (!entry) continue;
      if (override && entry.sharing !== 'NOT_SHARED') {
        problems.push({ ...base, path: `${at}.fields`, message: `overrideNotShared names ${s}.${f}, which is ${entry.sharing}, not NOT_SHARED; list only NOT_SHARED fields in an overriding rule.` });
        continue;
      }
      if (!opens || entry.sharing !== 'NOT_SHARED' || policy.dept === entry.owner) continue;
      if (!override) {
        problems.push({
          ...base,
          path: `${at}.fields`,
          message: `${s}.${f} is NOT_SHARED data of ${entry.owner}; the catalogue keeps it from ${policy.dept === '*' ? 'every other department' : policy.dept} whatever this rule says. To open it, set "overrideNotShared": true and have a security officer of ${entry.owner} co-sign the version; otherwise remove the field.`,
        });
        continue;
      }
      const set = cosign.get(entry.owner) ?? new Set<string>();
      set.add(`${s}.${f}`);
      cosign.set(entry.owner, set);
    }
  }
  // Writing another department's fields is capped too: say so rather than store a rule with no effect.
  if (actions.some((a) => a === 'create' || a === 'update') && rule.inverted !== true) {
    for (const s of known) {
      for (const f of fields as string[]) {
        const entry = catalogue[s].fields[f];
        if (entry && policy.dept !== entry.owner) {
          problems.push({ ...base, path: `${at}.fields`, message: `${s}.${f} is maintained by ${entry.owner}; only its own officers write it, so this rule would have no effect${policy.dept === '*' ? ' for other departments' : ''}.` });
        }
      }
    }
  }
}

function validatePolicies(value: unknown, catalogue: Catalogue, kinds: FieldKinds, problems: PolicyProblem[], cosign: Map<string, Set<string>>): RolePolicy[] {
  if (!Array.isArray(value)) {
    problems.push({ path: 'policies', message: 'The policy document must be a JSON array of role policies.' });
    return [];
  }
  if (value.length > MAX_POLICIES) problems.push({ path: 'policies', message: `A policy document holds at most ${MAX_POLICIES} policies; this one has ${value.length}.` });
  const ids = new Set<string>();
  const out: RolePolicy[] = [];
  value.forEach((policy, i) => {
    const at = `policies[${i}]`;
    if (!isPlainObject(policy)) {
      problems.push({ path: at, message: `Policy ${i + 1} is not an object.` });
      return;
    }
    const id = typeof policy.id === 'string' ? policy.id : '';
    const base = id ? { policyId: id } : {};
    for (const key of Object.keys(policy)) {
      if (!POLICY_KEYS.has(key)) problems.push({ ...base, path: `${at}.${key}`, message: `Policy ${id || i + 1} has the unknown key "${key}"; policies have ${[...POLICY_KEYS].join(', ')}.` });
    }
    if (!POLICY_ID.test(id)) problems.push({ ...base, path: `${at}.id`, message: `Policy ${i + 1} needs an id of 2 to 63 lower-case letters, digits and hyphens; got ${JSON.stringify(policy.id)}.` });
    else if (ids.has(id)) problems.push({ ...base, path: `${at}.id`, message: `Policy id ${id} is used twice.` });
    ids.add(id);
    if (policy.dept !== '*' && !isDepartment(policy.dept)) problems.push({ ...base, path: `${at}.dept`, message: `Unknown department ${JSON.stringify(policy.dept)}; use * or one of ${DEPARTMENTS.join(', ')}.` });
    if (!isRole(policy.role)) problems.push({ ...base, path: `${at}.role`, message: `Unknown role ${JSON.stringify(policy.role)}; roles are ${ROLES.join(', ')}.` });
    if (policy.description !== undefined && typeof policy.description !== 'string') problems.push({ ...base, path: `${at}.description`, message: 'The description must be text.' });
    if (!Array.isArray(policy.rules) || policy.rules.length === 0) {
      problems.push({ ...base, path: `${at}.rules`, message: `Policy ${id || i + 1} needs a non-empty array of rules.` });
      return;
    }
    const typed = policy as unknown as RolePolicy;
    policy.rules.forEach((rule, r) => validateRule(typed, r, rule, at, catalogue, kinds, problems, cosign));
    out.push(typed);
  });
  return out;
}

function validateTests(value: unknown, catalogue: Catalogue, problems: PolicyProblem[]): PolicyTest[] {
  if (!Array.isArray(value)) {
    problems.push({ path: 'tests', message: 'The tests document must be a JSON array of policy tests.' });
    return [];
  }
  if (value.length > MAX_TESTS) problems.push({ path: 'tests', message: `A version holds at most ${MAX_TESTS} tests; this one has ${value.length}.` });
  const names = new Set<string>();
  const out: PolicyTest[] = [];
  value.forEach((test, i) => {
    const at = `tests[${i}]`;
    const before = problems.length;
    if (!isPlainObject(test)) {
      problems.push({ path: at, message: `Test ${i + 1} is not an object.` });
      return;
    }
    for (const key of Object.keys(test)) if (!TEST_KEYS.has(key)) problems.push({ path: `${at}.${key}`, message: `Test ${i + 1} has the unknown key "${key}"; tests have ${[...TEST_KEYS].join(', ')}.` });
    if (typeof test.name !== 'string' || test.name.trim() === '') problems.push({ path: `${at}.name`, message: `Test ${i + 1} needs a name.` });
    else if (names.has(test.name)) problems.push({ path: `${at}.name`, message: `Test name "${test.name}" is used twice.` });
    else names.add(test.name);
    const caller = test.caller;
    if (!isPlainObject(caller)) problems.push({ path: `${at}.caller`, message: `Test ${i + 1} needs a caller: { dept, roles, region?, purpose? }.` });
    else {
      for (const key of Object.keys(caller)) if (!CALLER_KEYS.has(key)) problems.push({ path: `${at}.caller.${key}`, message: `Unknown caller attribute "${key}"; callers have ${[...CALLER_KEYS].join(', ')}.` });
      if (caller.dept !== undefined && caller.dept !== null && !isDepartment(caller.dept)) problems.push({ path: `${at}.caller.dept`, message: `Unknown department ${JSON.stringify(caller.dept)}.` });
      if (!Array.isArray(caller.roles)) problems.push({ path: `${at}.caller.roles`, message: 'The caller needs a roles array (empty for the public).' });
      else caller.roles.forEach((r, j) => { if (!isRole(r)) problems.push({ path: `${at}.caller.roles[${j}]`, message: `Unknown role ${JSON.stringify(r)}.` }); });
      if (caller.region !== undefined && caller.region !== null && !isRegionCode(caller.region)) problems.push({ path: `${at}.caller.region`, message: 'The region must be a 6-digit administrative code.' });
      if (caller.purpose !== undefined && caller.purpose !== null && typeof caller.purpose !== 'string') problems.push({ path: `${at}.caller.purpose`, message: 'The purpose must be text.' });
    }
    const type = typeof test.type === 'string' ? catalogue[test.type] : undefined;
    if (!type) problems.push({ path: `${at}.type`, message: `Unknown type ${JSON.stringify(test.type)}: it is not in the resource catalogue.` });
    else if (typeof test.field !== 'string' || !(test.field in type.fields)) problems.push({ path: `${at}.field`, message: `Unknown field ${String(test.type)}.${String(test.field)}: it is not in the resource catalogue.` });
    if (test.record !== undefined) {
      if (!isPlainObject(test.record)) problems.push({ path: `${at}.record`, message: 'The record must be an object of field values.' });
      else if (type) {
        for (const [k, v] of Object.entries(test.record)) {
          if (!(k in type.fields)) problems.push({ path: `${at}.record.${k}`, message: `Unknown field ${String(test.type)}.${k} in the record.` });
          else if (v !== null && !['string', 'number', 'boolean'].includes(typeof v)) problems.push({ path: `${at}.record.${k}`, message: 'Record values are text, numbers, booleans or null.' });
        }
      }
    }
    if (test.action !== undefined && test.action !== 'aggregate') problems.push({ path: `${at}.action`, message: `Test ${i + 1} may name the action "aggregate" or none; got ${JSON.stringify(test.action)}.` });
    if (!DECISIONS.includes(test.expect as FieldDecision)) problems.push({ path: `${at}.expect`, message: `Test ${i + 1} must expect FULL, MASKED or DENIED; got ${JSON.stringify(test.expect)}.` });
    if (problems.length !== before) return;
    const c = caller as Record<string, unknown>;
    out.push({
      name: test.name as string,
      caller: { dept: (c.dept as string | null | undefined) ?? null, roles: c.roles as string[], region: (c.region as string | null | undefined) ?? null, purpose: (c.purpose as string | null | undefined) ?? null },
      type: test.type as string,
      field: test.field as string,
      ...(test.record ? { record: test.record as PolicyTest['record'] } : {}),
      ...(test.action === 'aggregate' ? { action: 'aggregate' as const } : {}),
      expect: test.expect as FieldDecision,
    });
  });
  return out;
}

/**
 * Checks a policy document and its tests against the catalogue and the fields' types. Every problem is
 * reported with a path; nothing is thrown. `cosignaturesRequired` lists the NOT_SHARED fields opened by
 * rules marked overrideNotShared, per owning department.
 */
export function validateDocument(policiesText: string, testsText: string, catalogue: Catalogue, kinds: FieldKinds): ValidatedDocument {
  const problems: PolicyProblem[] = [];
  const cosign = new Map<string, Set<string>>();
  const parsedPolicies = parseJsonDocument(policiesText, 'policies');
  const parsedTests = parseJsonDocument(testsText, 'tests');
  if (parsedPolicies.problem) problems.push(parsedPolicies.problem);
  if (parsedTests.problem) problems.push(parsedTests.problem);
  const policies = parsedPolicies.problem ? [] : validatePolicies(parsedPolicies.value, catalogue, kinds, problems, cosign);
  const tests = parsedTests.problem ? [] : validateTests(parsedTests.value, catalogue, problems);
  const cosignaturesRequired = [...cosign.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([dept, fields]) => ({ dept, fields: [...fields].sort() }));
  return { policies, tests, problems, cosignaturesRequired };
}

export function testPrincipal(caller: PolicyTestCaller, sub = 'policy-test'): Principal {
  const government = caller.dept !== null || caller.roles.length > 0;
  return Object.freeze({ kind: government ? 'government' : 'public', sub, dept: caller.dept, roles: Object.freeze([...caller.roles]), region: caller.region, client: null, purpose: caller.purpose });
}

export interface PolicyTestResult {
  name: string;
  passed: boolean;
  expected: FieldDecision;
  actual: FieldDecision;
  reason: string;
}

/** Runs tests against a policy set (no grants: tests pin down role policies, which grants only add to). */
/**
 * May the field feed statistics (on this record, if given)? FULL or DENIED, with the deciding rule's reason. Without
 * a record a conditional rule counts as matching, as CASL does for a type name: give a record to test conditions.
 */
function aggregateDecision(ability: RequestAbility, type: string, field: string, record: Record<string, unknown> | null): { decision: FieldDecision; reason: string } {
  for (const rule of ability.casl.rulesFor('aggregate', type, field)) {
    if (rule.conditions && record && !rule.matchesConditions(record)) continue;
    return { decision: rule.inverted ? 'DENIED' : 'FULL', reason: (rule as { reason?: string }).reason ?? 'a rule decided' };
  }
  return { decision: 'DENIED', reason: 'no rule lets this caller aggregate the field' };
}

export function runPolicyTests(policies: readonly RolePolicy[], tests: readonly PolicyTest[], catalogue: Catalogue): PolicyTestResult[] {
  const now = new Date();
  return tests.map((test) => {
    const ability = buildAbility({ principal: testPrincipal(test.caller), catalogue, policies, grants: [], now });
    if (test.action === 'aggregate') {
      const decided = aggregateDecision(ability, test.type, test.field, test.record ?? null);
      return { name: test.name, passed: decided.decision === test.expect, expected: test.expect, actual: decided.decision, reason: decided.reason };
    }
    const explained = explainField(ability, test.type, test.field, test.record ?? null);
    return { name: test.name, passed: explained.decision === test.expect, expected: test.expect, actual: explained.decision, reason: explained.reason };
  });
}

export interface DocumentChange {
  kind: 'ADDED' | 'REMOVED' | 'CHANGED';
  target: 'policy' | 'rule' | 'test';
  policyId?: string;
  rule?: number;
  before?: string;
  after?: string;
}

const stable = (value: unknown) => JSON.stringify(value);

/** Policy-by-policy, rule-by-rule and test-by-test differences between two documents. */
export function diffDocuments(before: readonly RolePolicy[], after: readonly RolePolicy[], testsBefore: readonly PolicyTest[] = [], testsAfter: readonly PolicyTest[] = []): DocumentChange[] {
  const changes: DocumentChange[] = [];
  const old = new Map(before.map((p) => [p.id, p]));
  const now = new Map(after.map((p) => [p.id, p]));
  for (const [id, p] of old) if (!now.has(id)) changes.push({ kind: 'REMOVED', target: 'policy', policyId: id, before: stable(p) });
  for (const [id, p] of now) {
    const q = old.get(id);
    if (!q) {
      changes.push({ kind: 'ADDED', target: 'policy', policyId: id, after: stable(p) });
      continue;
    }
    const head = (x: RolePolicy) => stable({ dept: x.dept, role: x.role, description: x.description });
    if (head(q) !== head(p)) changes.push({ kind: 'CHANGED', target: 'policy', policyId: id, before: head(q), after: head(p) });
    const n = Math.max(q.rules.length, p.rules.length);
    for (let i = 0; i < n; i++) {
      const a = q.rules[i];
      const b = p.rules[i];
      if (a && !b) changes.push({ kind: 'REMOVED', target: 'rule', policyId: id, rule: i + 1, before: stable(a) });
      else if (!a && b) changes.push({ kind: 'ADDED', target: 'rule', policyId: id, rule: i + 1, after: stable(b) });
      else if (stable(a) !== stable(b)) changes.push({ kind: 'CHANGED', target: 'rule', policyId: id, rule: i + 1, before: stable(a), after: stable(b) });
    }
  }
  const oldTests = new Map(testsBefore.map((t) => [t.name, t]));
  const newTests = new Map(testsAfter.map((t) => [t.name, t]));
  for (const [name, t] of oldTests) if (!newTests.has(name)) changes.push({ kind: 'REMOVED', target: 'test', before: stable(t) });
  for (const [name, t] of newTests) {
    const o = oldTests.get(name);
    if (!o) changes.push({ kind: 'ADDED', target: 'test', after: stable(t) });
    else if (stable(o) !== stable(t)) changes.push({ kind: 'CHANGED', target: 'test', before: stable(o), after: stable(t) });
  }
  return changes;
}

/** Lines of a document the diff reads at the most, and lines it may find changed (a bound on its work and memory). */
export const MAX_DIFF_LINES = 20000;
export const MAX_DIFF_EDITS = 4000;

/**
 * A unified diff (3 lines of context) of two texts, line by line, by Myers' algorithm (jsdiff's diffArrays), whose
 * memory grows with the size of the change, not with the product of the lengths; past MAX_DIFF_EDITS changed lines
 * it stops and says so (the structured change list of policyDiff is exact whatever the size).
 */
export function unifiedDiff(a: string, b: string, fromLabel: string, toLabel: string): string {
  const x = a.split('\n');
  const y = b.split('\n');
  if (x.length > MAX_DIFF_LINES || y.length > MAX_DIFF_LINES) return `--- ${fromLabel}\n+++ ${toLabel}\n(documents too long to diff line by line: over ${MAX_DIFF_LINES} lines)\n`;
  const parts = diffArrays(x, y, { maxEditLength: MAX_DIFF_EDITS });
  if (!parts) return `--- ${fromLabel}\n+++ ${toLabel}\n(more than ${MAX_DIFF_EDITS} lines changed: too many to show line by line)\n`;
  type Line = { op: ' ' | '-' | '+'; text: string; ai: number; bi: number };
  const lines: Line[] = [];
  let ai = 0;
  let bi = 0;
  for (const part of parts) {
    for (const text of part.value) {
      if (part.removed) lines.push({ op: '-', text, ai: ai++, bi });
      else if (part.added) lines.push({ op: '+', text, ai, bi: bi++ });
      else lines.push({ op: ' ', text, ai: ai++, bi: bi++ });
    }
  }
  const out = [`--- ${fromLabel}`, `+++ ${toLabel}`];
  const changed = lines.map((l, k) => (l.op !== ' ' ? k : -1)).filter((k) => k >= 0);
  if (changed.length === 0) return `${out.join('\n')}\n`;
  // Group changes whose context overlaps into hunks.
  let h = 0;
  while (h < changed.length) {
    let last = h;
    while (last + 1 < changed.length && changed[last + 1] - changed[last] <= 7) last++;
    const from = Math.max(0, changed[h] - 3);
    const to = Math.min(lines.length - 1, changed[last] + 3);
    const hunk = lines.slice(from, to + 1);
    const aCount = hunk.filter((l) => l.op !== '+').length;
    const bCount = hunk.filter((l) => l.op !== '-').length;
    out.push(`@@ -${hunk[0].ai + 1},${aCount} +${hunk[0].bi + 1},${bCount} @@`);
    for (const l of hunk) out.push(`${l.op}${l.text}`);
    h = last + 1;
  }
  return `${out.join('\n')}\n`;
}

export interface AccessChange {
  dept: string;
  role: string;
  type: string;
  field: string;
  before: FieldDecision;
  after: FieldDecision;
  direction: 'GAINS' | 'LOSES';
}

const RANK: Record<FieldDecision, number> = { DENIED: 0, MASKED: 1, FULL: 2 };

/**
 * The tests of a version that check a changed cell: read tests (not `aggregate`) of the same type and field whose
 * caller is of the cell's department and holds its role. A change no test covers is one a reviewer takes on trust.
 */
export function testsCovering(change: Pick<AccessChange, 'dept' | 'role' | 'type' | 'field'>, tests: readonly PolicyTest[]): string[] {
  return tests.filter((t) => !t.action && t.type === change.type && t.field === change.field && t.caller.dept === change.dept && t.caller.roles.includes(change.role)).map((t) => t.name);
}

/**
 * Who gains or loses which fields if `after` replaces `before`: every known department and role, as a
 * province-level caller (region 460000), without a record (rules that depend on the record count by what
 * they guarantee). No grants: they do not change with a policy version.
 */
export function policyImpact(before: readonly RolePolicy[], after: readonly RolePolicy[], catalogue: Catalogue): AccessChange[] {
  const changes: AccessChange[] = [];
  const types = Object.keys(catalogue).sort();
  for (const dept of DEPARTMENTS) {
    for (const role of ROLES) {
      const principal = testPrincipal({ dept, roles: [role], region: '460000', purpose: null }, `impact:${dept}:${role}`);
      const a = buildAbility({ principal, catalogue, policies: before, grants: [] });
      const b = buildAbility({ principal, catalogue, policies: after, grants: [] });
      for (const type of types) {
        for (const field of Object.keys(catalogue[type].fields).sort()) {
          const x = explainField(a, type, field).decision;
          const y = explainField(b, type, field).decision;
          if (x !== y) changes.push({ dept, role, type, field, before: x, after: y, direction: RANK[y] > RANK[x] ? 'GAINS' : 'LOSES' });
        }
      }
    }
  }
  return changes;
}
