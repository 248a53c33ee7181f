// Edits to a policy document as security officers think of them (issue 18): "this cell of the matrix becomes FULL",
// "add this rule", "move that policy". Each edit is a pure function from one document (and its tests) to the next,
// so the JSON stays the single source: the console shows what an edit wrote, the validator checks it, and Save
// draft stores it like any hand-written document. Deciding a cell is injected (governance passes accessMatrix's own
// decision code), so an edit is judged exactly as the matrix and the subgraphs will judge it.
import type { RolePolicy } from './policies';

/** A matrix cell's decision, as accessMatrix reports it. */
export type CellDecision = 'FULL' | 'MASKED' | 'DENIED' | 'AGGREGATE_ONLY';
export const CELL_DECISIONS: readonly CellDecision[] = ['FULL', 'MASKED', 'DENIED', 'AGGREGATE_ONLY'];

export interface CellTarget {
  type: string;
  field: string;
  dept: string;
  role: string;
}

/** `decision` holds for every record; `decisionInScope` where the row conditions hold. */
export type CellDecider = (policies: readonly RolePolicy[], target: CellTarget) => { decision: CellDecision; decisionInScope: CellDecision };

/** What the matrix editor needs to know about a field: who owns it and how it is shared. */
export type FieldFacts = (type: string, field: string) => { owner: string; sharing: string } | undefined;

/** The rule keys of the policy language (auth/policies.ts PolicyRule), each settable on its own. */
export const RULE_KEYS = ['action', 'subject', 'fields', 'fieldsWith', 'subjectsWith', 'conditions', 'inverted', 'reason', 'overrideNotShared'] as const;
export type RuleKey = (typeof RULE_KEYS)[number];

type Json = Record<string, unknown>;

export type PolicyEdit =
  | ({ kind: 'setCell'; decision: CellDecision; conditions?: Json | null } & CellTarget)
  | { kind: 'addPolicy'; id: string; dept: string; role: string; description?: string | null; at?: number | null }
  | { kind: 'removePolicy'; policyId: string }
  | { kind: 'updatePolicy'; policyId: string; dept?: string | null; role?: string | null; description?: string | null }
  | { kind: 'movePolicy'; policyId: string; to: number }
  | { kind: 'addRule'; policyId: string; rule: Json; at?: number | null }
  | { kind: 'replaceRule'; policyId: string; index: number; rule: Json }
  | { kind: 'setRuleKey'; policyId: string; index: number; key: RuleKey; value?: unknown }
  | { kind: 'removeRule'; policyId: string; index: number }
  | { kind: 'moveRule'; policyId: string; index: number; to: number }
  | { kind: 'addTest'; test: Json }
  | { kind: 'removeTest'; name: string };

export interface EditedDocument {
  policies: Json[];
  tests: Json[];
  /** Edits that could not be applied (unknown policy, rule out of range, a cell the catalogue keeps from that decision). */
  problems: { edit: number; message: string }[];
  /** Owners whose security officer must co-sign because a cell edit opened their NOT_SHARED field. */
  cosignedBy: string[];
}

export interface CellOption {
  decision: CellDecision;
  /** The owning department whose co-signature the decision needs (a NOT_SHARED field opened); null when none. */
  needsCosignatureOf: string | null;
}

export class EditError extends Error {}

/** The policy a matrix cell's edits go to: one per department and role, kept last so it has the final word. */
export function matrixPolicyId(dept: string, role: string): string {
  return `matrix-${dept}-${role}`.slice(0, 63);
}

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

function policyAt(policies: Json[], id: string): number {
  const i = policies.findIndex((p) => p.id === id);
  if (i < 0) throw new EditError(`There is no policy "${id}" in the document.`);
  return i;
}

function rulesOf(policy: Json): Json[] {
  if (!Array.isArray(policy.rules)) throw new EditError(`Policy "${String(policy.id)}" has no rules array.`);
  return policy.rules as Json[];
}

function indexIn(list: unknown[], index: number, what: string, inclusive = false): number {
  const max = inclusive ? list.length : list.length - 1;
  if (!Number.isInteger(index) || index < 0 || index > max) throw new EditError(`${what} ${index} is out of range: there ${list.length === 1 ? 'is 1' : `are ${list.length}`}.`);
  return index;
}

function move<T>(list: T[], from: number, to: number): void {
  const [item] = list.splice(from, 1);
  list.splice(to, 0, item as T);
}

/** A rule a cell edit wrote: one subject, exactly this one field. */
function isCellRule(rule: Json, t: CellTarget): boolean {
  return rule.subject === t.type && Array.isArray(rule.fields) && rule.fields.length === 1 && rule.fields[0] === t.field;
}

/** The document without the matrix policy's rules for this cell, the matrix policy last (or gone when empty). */
function withoutCell(policies: Json[], t: CellTarget): { policies: Json[]; matrix: Json } {
  const id = matrixPolicyId(t.dept, t.role);
  const rest = policies.filter((p) => p.id !== id);
  const existing = policies.find((p) => p.id === id);
  const matrix: Json = existing
    ? { ...existing, rules: rulesOf(existing).filter((r) => !isCellRule(r, t)) }
    : { id, dept: t.dept, role: t.role, description: `Cells of the permission matrix set for ${t.dept} ${t.role}s.`, rules: [] };
  return { policies: rest, matrix };
}

function assemble(policies: Json[], matrix: Json): Json[] {
  return rulesOf(matrix).length > 0 ? [...policies, matrix] : policies;
}

/** Rule sets that may give the cell its decision, the smallest first. */
function candidates(t: CellTarget, decision: CellDecision, conditions: Json | null, override: boolean): Json[][] {
  const base = { subject: t.type, fields: [t.field], reason: `matrix: ${t.dept} ${t.role}s get ${t.type}.${t.field} ${decision}` };
  const scoped = conditions ? { conditions } : {};
  const permit = (action: string): Json => ({ action, ...base, ...scoped, ...(override ? { overrideNotShared: true } : {}) });
  const deny = (actions: string[], withConditions: boolean): Json => ({ action: actions, ...base, ...(withConditions ? scoped : {}), inverted: true });
  switch (decision) {
    case 'FULL':
      return [[permit('read')]];
    case 'MASKED':
      return [[permit('readMasked')], [deny(['read'], false), permit('readMasked')]];
    case 'DENIED':
      return [[deny(['read', 'readMasked'], true)], [deny(['read', 'readMasked', 'aggregate'], true)]];
    case 'AGGREGATE_ONLY':
      return [[permit('aggregate')], [deny(['read', 'readMasked'], false), permit('aggregate')]];
  }
}

function opensNotShared(t: CellTarget, decision: CellDecision, facts: FieldFacts): string | null {
  const f = facts(t.type, t.field);
  if (!f) throw new EditError(`${t.type}.${t.field} is not a catalogued field.`);
  return f.sharing === 'NOT_SHARED' && f.owner !== t.dept && decision !== 'DENIED' ? f.owner : null;
}

/**
 * Sets one cell: drops what earlier cell edits wrote for it, then adds the fewest rules that give the decision (none
 * when the rest of the document already does), checked with the decider. Throws EditError when no rule the policy
 * language allows reaches it (a derived field capped by its source, say).
 */
export function setCell(policies: Json[], t: CellTarget, decision: CellDecision, conditions: Json | null, decide: CellDecider, facts: FieldFacts): { policies: Json[]; cosign: string | null } {
  const owner = opensNotShared(t, decision, facts);
  const { policies: rest, matrix } = withoutCell(policies, t);
  const judged = (doc: Json[]) => decide(doc as unknown as RolePolicy[], t);
  const reached = (doc: Json[]) => (conditions ? judged(doc).decisionInScope : judged(doc).decision) === decision;
  if (!conditions && reached(assemble(rest, matrix))) return { policies: assemble(rest, matrix), cosign: null };
  for (const rules of candidates(t, decision, conditions, owner !== null)) {
    const doc = assemble(rest, { ...matrix, rules: [...rulesOf(matrix), ...rules] });
    if (reached(doc)) return { policies: doc, cosign: owner };
  }
  throw new EditError(`${t.dept} ${t.role}s cannot get ${t.type}.${t.field} ${decision}: no rule of the policy language gives it (the catalogue or a field it derives from keeps it from them).`);
}

/** The decisions the editor offers for a cell: those a cell edit can reach, each with the co-signature it needs. */
export function cellOptions(policies: Json[], t: CellTarget, decide: CellDecider, facts: FieldFacts): CellOption[] {
  const options: CellOption[] = [];
  for (const decision of CELL_DECISIONS) {
    try {
      const { cosign } = setCell(policies, t, decision, null, decide, facts);
      options.push({ decision, needsCosignatureOf: cosign });
    } catch (error) {
      if (!(error instanceof EditError)) throw error;
    }
  }
  return options;
}

function applyOne(doc: { policies: Json[]; tests: Json[] }, edit: PolicyEdit, decide: CellDecider, facts: FieldFacts): string | null {
  const { policies, tests } = doc;
  switch (edit.kind) {
    case 'setCell': {
      const out = setCell(policies, edit, edit.decision, edit.conditions ?? null, decide, facts);
      doc.policies = out.policies;
      return out.cosign;
    }
    case 'addPolicy': {
      if (policies.some((p) => p.id === edit.id)) throw new EditError(`A policy "${edit.id}" exists already.`);
      const policy: Json = { id: edit.id, dept: edit.dept, role: edit.role, ...(edit.description ? { description: edit.description } : {}), rules: [] };
      policies.splice(edit.at == null ? policies.length : indexIn(policies, edit.at, 'Position', true), 0, policy);
      return null;
    }
    case 'removePolicy':
      policies.splice(policyAt(policies, edit.policyId), 1);
      return null;
    case 'updatePolicy': {
      const p = policies[policyAt(policies, edit.policyId)]!;
      if (edit.dept != null) p.dept = edit.dept;
      if (edit.role != null) p.role = edit.role;
      if (edit.description === '') delete p.description;
      else if (edit.description != null) p.description = edit.description;
      return null;
    }
    case 'movePolicy':
      move(policies, policyAt(policies, edit.policyId), indexIn(policies, edit.to, 'Position'));
      return null;
    case 'addRule': {
      const rules = rulesOf(policies[policyAt(policies, edit.policyId)]!);
      rules.splice(edit.at == null ? rules.length : indexIn(rules, edit.at, 'Rule', true), 0, edit.rule);
      return null;
    }
    case 'replaceRule': {
      const rules = rulesOf(policies[policyAt(policies, edit.policyId)]!);
      rules[indexIn(rules, edit.index, 'Rule')] = edit.rule;
      return null;
    }
    case 'setRuleKey': {
      if (!(RULE_KEYS as readonly string[]).includes(edit.key)) throw new EditError(`Rules have no key "${edit.key}"; they have ${RULE_KEYS.join(', ')}.`);
      const rules = rulesOf(policies[policyAt(policies, edit.policyId)]!);
      const rule = rules[indexIn(rules, edit.index, 'Rule')]!;
      if (edit.value === undefined || edit.value === null) delete rule[edit.key];
      else rule[edit.key] = edit.value;
      return null;
    }
    case 'removeRule': {
      const rules = rulesOf(policies[policyAt(policies, edit.policyId)]!);
      rules.splice(indexIn(rules, edit.index, 'Rule'), 1);
      return null;
    }
    case 'moveRule': {
      const rules = rulesOf(policies[policyAt(policies, edit.policyId)]!);
      move(rules, indexIn(rules, edit.index, 'Rule'), indexIn(rules, edit.to, 'Rule'));
      return null;
    }
    case 'addTest':
      if (tests.some((x) => x.name === edit.test.name)) throw new EditError(`A test named ${JSON.stringify(edit.test.name)} exists already.`);
      tests.push(edit.test);
      return null;
    case 'removeTest': {
      const i = tests.findIndex((x) => x.name === edit.name);
      if (i < 0) throw new EditError(`There is no test named ${JSON.stringify(edit.name)}.`);
      tests.splice(i, 1);
      return null;
    }
  }
}

/**
 * Applies edits in order to a copy of the document; an edit that cannot apply is reported and skipped (the
 * document stays as the edits before it left it), so the officer sees every problem at once. Validation of the
 * result is the validator's job, not this function's.
 */
export function applyPolicyEdits(policies: readonly unknown[], tests: readonly unknown[], edits: readonly PolicyEdit[], decide: CellDecider, facts: FieldFacts): EditedDocument {
  const doc = { policies: clone(policies) as Json[], tests: clone(tests) as Json[] };
  const problems: EditedDocument['problems'] = [];
  const cosignedBy = new Set<string>();
  edits.forEach((edit, i) => {
    const before = clone(doc);
    try {
      const owner = applyOne(doc, clone(edit), decide, facts);
      if (owner) cosignedBy.add(owner);
    } catch (error) {
      if (!(error instanceof EditError)) throw error;
      Object.assign(doc, before);
      problems.push({ edit: i, message: error.message });
    }
  });
  return { ...doc, problems, cosignedBy: [...cosignedBy].sort() };
}
