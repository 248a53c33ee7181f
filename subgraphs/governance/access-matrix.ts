/**
 * The permission matrix (`accessMatrix`) and "who can see this?" (`whoCanSee`): per department and role, what a
 * caller gets for each field of a type, computed with buildAbility and explainField over the platform catalogue,
 * exactly as every subgraph decides, so the matrix cannot drift from what the subgraphs serve.
 */
import type { EntitySchema } from '@mikro-orm/core';
import {
  allows,
  buildAbility,
  conditionalRules,
  conditionFields,
  DEPARTMENTS,
  describeRuleCondition,
  explainField,
  fieldDecisionInScope,
  isRegionCode,
  mayAggregate,
  ROLES,
  testPrincipal,
  type FieldDecision,
  type Grant,
  type PolicyRule,
  type RequestAbility,
  type RolePolicy,
} from '../../auth';
import { DEPARTMENT_DOMAINS } from '../kit/config';
import { badInput } from '../kit/errors';
import { fetchOwnerRows } from '../kit/owner-scope';
import type { RequestContext } from '../kit/subgraph';
import { PLATFORM_CATALOGUE } from '../platform-catalogue';
import { entities as credit } from '../credit/entities';
import { entities as education } from '../education/entities';
import { entities as enterprise } from '../enterprise/entities';
import { entities as geospatial } from '../geospatial/entities';
import { entities as health } from '../health/entities';
import { entities as housing } from '../housing/entities';
import { entities as population } from '../population/entities';
import { entities as governance } from './entities';

export type MatrixDecision = FieldDecision | 'AGGREGATE_ONLY';
export const PROVINCE = '460000';

export interface Column {
  dept: string;
  role: string;
}

export interface Cell extends Column {
  decision: MatrixDecision;
  decisionInScope: MatrixDecision;
  reason: string;
  source: string | null;
  sourceId: string | null;
  dependsOnRecord: boolean;
  condition: string | null;
}

export function checkedType(type: string): string {
  if (!PLATFORM_CATALOGUE[type]) throw badInput('type', `${JSON.stringify(type)} is not a catalogued type.`);
  return type;
}

export function checkedRegion(region: string | null | undefined): string {
  if (region == null) return PROVINCE;
  if (!isRegionCode(region)) throw badInput('region', 'a 6-digit administrative division code.');
  return region;
}

/** Departments the version's policies name or that own a field of the type, times the roles the policies name. */
export function matrixColumns(policies: readonly RolePolicy[], type: string): Column[] {
  const owners = new Set(Object.values(PLATFORM_CATALOGUE[type]?.fields ?? {}).map((f) => f.owner));
  const depts = DEPARTMENTS.filter((d) => owners.has(d) || policies.some((p) => p.dept === d));
  const roles = ROLES.filter((r) => policies.some((p) => p.role === r));
  return depts.flatMap((dept) => roles.map((role) => ({ dept, role })));
}

/** Every department and role of the vocabulary: "who can see this?" leaves nobody out. */
export function everyColumn(): Column[] {
  return DEPARTMENTS.flatMap((dept) => ROLES.map((role) => ({ dept, role })));
}

export function abilityFor(column: Column, region: string, purpose: string | null, policies: readonly RolePolicy[], grants: readonly Grant[]): RequestAbility {
  const principal = testPrincipal({ dept: column.dept, roles: [column.role], region, purpose }, `matrix:${column.dept}:${column.role}`);
  return buildAbility({ principal, catalogue: PLATFORM_CATALOGUE, policies, grants });
}

function asList<T>(value: T | readonly T[] | undefined): readonly T[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? (value as readonly T[]) : [value as T];
}

/** The policy rules behind a conditional CASL rule: the policy's rules with conditions on this type. */
function policyConditions(policies: readonly RolePolicy[], policyId: string, type: string): PolicyRule[] {
  const policy = policies.find((p) => p.id === policyId);
  return (policy?.rules ?? []).filter((r) => r.conditions && asList(r.subject).some((s) => s === type || s === 'all'));
}

/** The row conditions that take part in the decision, in words; null when there are none. */
function conditionText(ability: RequestAbility, type: string, field: string, policies: readonly RolePolicy[], grants: readonly Grant[]): string | null {
  const phrases = new Set<string>();
  for (const rule of conditionalRules(ability, type, field)) {
    if (rule.source.kind === 'grant') {
      const grant = grants.find((g) => g.id === rule.source.id);
      phrases.add(`grant ${rule.source.id}: only records in region ${grant?.region ?? '?'}`);
      continue;
    }
    for (const r of policyConditions(policies, rule.source.id, type)) phrases.add(`${rule.source.id}: ${describeRuleCondition(r.conditions, Boolean(r.inverted))}`);
  }
  return phrases.size > 0 ? [...phrases].join('; ') : null;
}

function withAggregate(decision: FieldDecision, ability: RequestAbility, type: string, field: string, inScope: boolean): MatrixDecision {
  return decision === 'DENIED' && mayAggregate(ability, type, field, inScope) ? 'AGGREGATE_ONLY' : decision;
}

/** One cell; with a record, judged on it (row conditions applied), as the owning subgraph would. */
export function cell(column: Column, ability: RequestAbility, type: string, field: string, policies: readonly RolePolicy[], grants: readonly Grant[], record?: Record<string, unknown> | null): Cell {
  const explained = explainField(ability, type, field, record ?? null);
  let decision: MatrixDecision;
  let decisionInScope: MatrixDecision;
  if (record) {
    // On a record, the aggregate permission is judged on it too (it is usually limited to an area).
    decision = explained.decision === 'DENIED' && allows(ability, 'aggregate', type, field, record) ? 'AGGREGATE_ONLY' : explained.decision;
    decisionInScope = decision;
  } else {
    decision = withAggregate(explained.decision, ability, type, field, false);
    decisionInScope = withAggregate(explained.dependsOnRecord ? fieldDecisionInScope(ability, type, field) : explained.decision, ability, type, field, true);
  }
  const conditional = explained.dependsOnRecord || decisionInScope !== decision;
  return {
    ...column,
    decision,
    decisionInScope,
    reason: explained.reason,
    source: explained.source?.kind ?? null,
    sourceId: explained.source?.id ?? null,
    dependsOnRecord: conditional,
    condition: conditional ? conditionText(ability, type, field, policies, grants) : null,
  };
}

export function accessMatrix(type: string, version: number, region: string, purpose: string | null, policies: readonly RolePolicy[], grants: readonly Grant[]) {
  const columns = matrixColumns(policies, type);
  const abilities = columns.map((c) => abilityFor(c, region, purpose, policies, grants));
  const entry = PLATFORM_CATALOGUE[type]!;
  return {
    type,
    version,
    region,
    purpose,
    columns,
    rows: Object.entries(entry.fields).map(([field, f]) => ({
      field,
      owner: f.owner,
      sharing: f.sharing,
      open: f.open,
      sensitivity: f.sensitivity,
      mask: f.mask,
      cells: columns.map((c, i) => cell(c, abilities[i]!, type, field, policies, grants)),
    })),
  };
}

const ALL_ENTITIES = [population, geospatial, enterprise, health, education, housing, credit, governance].flat() as EntitySchema<any, any>[];

/** Where a type's records live and their key, for reading a record's row-condition fields from its owner. */
function ownerOf(type: string): { domain: NonNullable<(typeof DEPARTMENT_DOMAINS)[string]>; key: string } | null {
  const domain = DEPARTMENT_DOMAINS[PLATFORM_CATALOGUE[type]?.owner ?? ''];
  const entity = ALL_ENTITIES.find((e) => e.meta.className === type);
  if (!domain || !entity) return null;
  const props = entity.meta.properties as Record<string, { primary?: boolean }>;
  const key = Object.entries(props).find(([, p]) => p.primary)?.[0];
  return key ? { domain, key } : null;
}

/**
 * The record's row-condition fields, read from the owning service's POST /scope as the signed-in security officer or
 * auditor (never as the columns' callers, whose tokens governance does not hold): what that officer may not read in
 * full is left out, so it counts as unknown and never permits. Null when the owner hides or lacks the record.
 */
export async function recordInputs(ctx: RequestContext<unknown>, type: string, key: string, fields: readonly string[]): Promise<Record<string, unknown> | null> {
  const owner = ownerOf(type);
  if (!owner) throw badInput('key', `${type} records are not stored as records of their own, so there is no record to judge.`);
  const [row] = await fetchOwnerRows(ctx, type, owner, fields, [key]);
  return row ? { ...row, [owner.key]: key } : null;
}

export interface GrantAccess {
  grantId: string;
  requesterDept: string;
  purpose: string;
  expiresAt: string;
  region: string | null;
  decision: MatrixDecision;
}

export async function whoCanSee(
  ctx: RequestContext<unknown>,
  input: { type: string; field: string; key: string | null; region: string },
  policies: readonly RolePolicy[],
  grants: readonly Grant[],
): Promise<(Cell & { grants: GrantAccess[] })[]> {
  const { type, field, key, region } = input;
  if (!PLATFORM_CATALOGUE[type]!.fields[field]) throw badInput('field', `${type}.${field} is not a catalogued field.`);
  const columns = everyColumn();
  const abilities = columns.map((c) => abilityFor(c, region, null, policies, grants));
  let record: Record<string, unknown> | null = null;
  if (key != null) {
    const fields = new Set<string>();
    // What any column's rules on the type test (read, masked read, aggregate), plus what region-limited grants test.
    for (const ability of abilities) for (const f of conditionFields(ability, type)) fields.add(f);
    const regionField = PLATFORM_CATALOGUE[type]!.regionField;
    if (regionField && grants.some((g) => g.subject === type && g.region)) fields.add(regionField);
    record = await recordInputs(ctx, type, key, [...fields].sort());
    if (!record) throw badInput('key', `there is no ${type} ${key} (or you may not see it).`);
  }
  const covering = grants.filter((g) => g.subject === type && g.fields.includes(field));
  return columns.map((column, i) => {
    const base = cell(column, abilities[i]!, type, field, policies, grants, record);
    const widening = covering
      .filter((g) => g.granteeDept === column.dept)
      .map((g) => {
        const ability = abilityFor(column, region, g.purpose, policies, grants);
        const under = cell(column, ability, type, field, policies, grants, record);
        return { grantId: g.id, requesterDept: g.granteeDept, purpose: g.purpose, expiresAt: g.expiresAt, region: g.region ?? null, decision: record ? under.decision : under.decisionInScope };
      });
    return { ...base, grants: widening };
  });
}
