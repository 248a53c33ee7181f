/**
 * Editing a policy document as cells and conditions (issue 18): previewPolicyEdit, policyCellOptions,
 * policyConditionVocabulary and describePolicyCondition. The edits themselves are auth/policy-edits.ts (pure); here
 * they are judged with accessMatrix's own cell code, validated with the validator every draft passes, and their
 * impact computed as policyImpact does. Nothing is stored.
 */
import {
  ACTIONS,
  applyPolicyEdits,
  cellOptions,
  conditionVocabulary,
  DEPARTMENTS,
  describeCondition,
  EditError,
  FIELD_SELECTOR_KEYS,
  isDepartment,
  isRole,
  parseJsonDocument,
  policyImpact,
  ROLES,
  RULE_KEYS,
  runPolicyTests,
  SENSITIVITIES,
  SHARING_TYPES,
  SUBJECT_SELECTOR_KEYS,
  TEST_EXPECTATIONS,
  testsCovering,
  type CellDecider,
  type FieldFacts,
  type PolicyEdit,
  type PolicyProblem,
  type RolePolicy,
} from '../../auth';
import type { PolicyEditInput } from './__generated__/resolvers';
import { badInput } from '../kit/errors';
import { abilityFor, accessMatrix, cell, checkedType, PROVINCE } from './access-matrix';
import { fieldKinds } from './explain';
import { validate } from './policy-versions';
import { PLATFORM_CATALOGUE } from '../platform-catalogue';

const MAX_EDITS = 200;

/**
 * A cell as accessMatrix decides it for a province-level caller without a purpose and without grants: an edit
 * changes the policies, which grants only add to (as for policyImpact). A document the policy compiler refuses
 * cannot be judged: that is an edit problem, and the validator lists why.
 */
export const matrixDecider: CellDecider = (policies, t) => {
  const column = { dept: t.dept, role: t.role };
  try {
    const c = cell(column, abilityFor(column, PROVINCE, null, policies, []), t.type, t.field, policies, []);
    return { decision: c.decision, decisionInScope: c.decisionInScope };
  } catch (error) {
    throw new EditError(`The document cannot be judged until it is valid (${error instanceof Error ? error.message : String(error)}).`);
  }
};

export const catalogueFacts: FieldFacts = (type, field) => PLATFORM_CATALOGUE[type]?.fields[field];

function json(text: string | null | undefined, argument: string): unknown {
  if (text == null) return undefined;
  const parsed = parseJsonDocument(text, argument);
  if (parsed.problem) throw badInput(argument, parsed.problem.message);
  return parsed.value;
}

function objectArg(text: string | null | undefined, argument: string): Record<string, unknown> {
  const value = json(text, argument);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw badInput(argument, 'a JSON object.');
  return value as Record<string, unknown>;
}

function need<T>(value: T | null | undefined, argument: string, kind: string): T {
  if (value == null) throw badInput(argument, `required for ${kind}.`);
  return value;
}

/** A cell's column must be a department and role of the vocabulary: a typo would edit a column nobody is in. */
function checkedColumn(dept: string, role: string, at: (name: string) => string): { dept: string; role: string } {
  if (!isDepartment(dept)) throw badInput(at('dept'), `${JSON.stringify(dept)} is not a department code.`);
  if (!isRole(role)) throw badInput(at('role'), `${JSON.stringify(role)} is not a role.`);
  return { dept, role };
}

/** A GraphQL edit input as the pure module's edit; a missing or malformed argument is BAD_USER_INPUT naming it. */
export function toEdit(e: PolicyEditInput, i: number): PolicyEdit {
  const at = (name: string) => `edits[${i}].${name}`;
  const policyId = () => need(e.policyId, at('policyId'), e.kind);
  const index = () => need(e.index, at('index'), e.kind);
  switch (e.kind) {
    case 'SET_CELL':
      return {
        kind: 'setCell',
        type: checkedType(need(e.type, at('type'), e.kind)),
        field: need(e.field, at('field'), e.kind),
        ...checkedColumn(need(e.dept, at('dept'), e.kind), need(e.role, at('role'), e.kind), at),
        decision: need(e.decision, at('decision'), e.kind),
        conditions: e.conditions == null ? null : objectArg(e.conditions, at('conditions')),
      };
    case 'ADD_POLICY':
      return { kind: 'addPolicy', id: need(e.id, at('id'), e.kind), dept: need(e.dept, at('dept'), e.kind), role: need(e.role, at('role'), e.kind), description: e.description, at: e.at };
    case 'REMOVE_POLICY':
      return { kind: 'removePolicy', policyId: policyId() };
    case 'UPDATE_POLICY':
      return { kind: 'updatePolicy', policyId: policyId(), dept: e.dept, role: e.role, description: e.description };
    case 'MOVE_POLICY':
      return { kind: 'movePolicy', policyId: policyId(), to: need(e.to, at('to'), e.kind) };
    case 'ADD_RULE':
      return { kind: 'addRule', policyId: policyId(), rule: objectArg(need(e.rule, at('rule'), e.kind), at('rule')), at: e.at };
    case 'REPLACE_RULE':
      return { kind: 'replaceRule', policyId: policyId(), index: index(), rule: objectArg(need(e.rule, at('rule'), e.kind), at('rule')) };
    case 'SET_RULE_KEY': {
      const key = need(e.key, at('key'), e.kind);
      if (!(RULE_KEYS as readonly string[]).includes(key)) throw badInput(at('key'), `one of ${RULE_KEYS.join(', ')}.`);
      return { kind: 'setRuleKey', policyId: policyId(), index: index(), key: key as (typeof RULE_KEYS)[number], value: json(e.value, at('value')) };
    }
    case 'REMOVE_RULE':
      return { kind: 'removeRule', policyId: policyId(), index: index() };
    case 'MOVE_RULE':
      return { kind: 'moveRule', policyId: policyId(), index: index(), to: need(e.to, at('to'), e.kind) };
    case 'ADD_TEST':
      return { kind: 'addTest', test: objectArg(need(e.test, at('test'), e.kind), at('test')) };
    case 'REMOVE_TEST':
      return { kind: 'removeTest', name: need(e.name, at('name'), e.kind) };
  }
}

const problemOut = (p: PolicyProblem) => ({ path: p.path, policyId: p.policyId ?? null, rule: p.rule ?? null, message: p.message });

function arrayArg(text: string, argument: string): unknown[] {
  const value = json(text, argument);
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'object' || v === null || Array.isArray(v))) throw badInput(argument, 'a JSON array of objects.');
  return value;
}

export interface PreviewInput {
  basedOn: number;
  policies: string;
  tests: string;
  edits: readonly PolicyEditInput[];
  type: string | null;
  active: RolePolicy[];
}

export function previewPolicyEdit(input: PreviewInput) {
  if (input.edits.length > MAX_EDITS) throw badInput('edits', `at most ${MAX_EDITS} edits at once.`);
  if (input.type != null) checkedType(input.type);
  const edits = input.edits.map(toEdit);
  const edited = applyPolicyEdits(arrayArg(input.policies, 'policies'), arrayArg(input.tests, 'tests'), edits, matrixDecider, catalogueFacts);
  const policiesText = JSON.stringify(edited.policies, null, 2);
  const testsText = JSON.stringify(edited.tests, null, 2);
  const checked = validate(policiesText, testsText);
  const valid = checked.problems.length === 0;
  const impact = valid ? policyImpact(input.active, checked.policies, PLATFORM_CATALOGUE).map((c) => ({ ...c, coveredBy: testsCovering(c, checked.tests) })) : [];
  return {
    basedOn: input.basedOn,
    policies: policiesText,
    tests: testsText,
    editProblems: edited.problems,
    valid,
    problems: checked.problems.map(problemOut),
    cosignaturesRequired: checked.cosignaturesRequired.map((c) => ({ ...c, signedBy: null, signedAt: null, reason: null })),
    impact,
    failingTests: valid ? runPolicyTests(checked.policies, checked.tests, PLATFORM_CATALOGUE).filter((r) => !r.passed) : [],
    matrix: valid && input.type != null ? accessMatrix(input.type, input.basedOn, PROVINCE, null, checked.policies, []) : null,
  };
}

export function policyCellOptions(args: { policies: string; type: string; field: string; dept: string; role: string }) {
  checkedType(args.type);
  if (!PLATFORM_CATALOGUE[args.type]!.fields[args.field]) throw badInput('field', `${args.type}.${args.field} is not a catalogued field.`);
  checkedColumn(args.dept, args.role, (name) => name);
  const policies = arrayArg(args.policies, 'policies') as Record<string, unknown>[];
  return cellOptions(policies, { type: args.type, field: args.field, dept: args.dept, role: args.role }, matrixDecider, catalogueFacts);
}

/** The policy language's closed lists, from the very constants the validator checks against. */
export function policyLanguage() {
  return {
    departments: [...DEPARTMENTS],
    roles: [...ROLES],
    actions: [...ACTIONS],
    ruleKeys: [...RULE_KEYS],
    fieldSelectorKeys: [...FIELD_SELECTOR_KEYS],
    subjectSelectorKeys: [...SUBJECT_SELECTOR_KEYS],
    sharingTypes: [...SHARING_TYPES],
    sensitivities: [...SENSITIVITIES],
    testExpectations: [...TEST_EXPECTATIONS],
    testActions: ['read', 'aggregate'],
  };
}

export function policyConditionVocabulary(type: string) {
  return conditionVocabulary(checkedType(type), PLATFORM_CATALOGUE, fieldKinds);
}

/** The condition in words, and what the validator says of it inside a throwaway rule on the type. */
export function describePolicyCondition(type: string, conditions: string) {
  checkedType(type);
  const value = json(conditions, 'conditions');
  const probe = [{ id: 'condition-probe', dept: '*', role: 'analyst', rules: [{ action: 'read', subject: type, conditions: value }] }];
  const checked = validate(JSON.stringify(probe), '[]');
  return { text: describeCondition(value), problems: checked.problems.map(problemOut) };
}
