// Turns an ability into a MikroORM where-clause, so lists and counts only fetch rows the caller may see.
//
// rulesToCondition (from @casl/ability/extra) does the priority logic: each permitting rule, AND NOT
// every higher-priority forbidding rule, all ORed. We supply the per-rule translation from our own
// condition AST, so only the operators we can translate exactly reach SQL, and forbidding rules
// become `$not` (MikroORM has no `$nor`).
//
// Fields: rulesToCondition ignores `fields` (casl#957). With no `fields` option we ask CASL for the
// rules of the action regardless of field, which yields "rows where at least one field may be
// visible" (field-limited restrictions are correctly left out: they hide a field, not the row).
// With `fields`, we ask per field, so field-limited rules count, and OR the results.
import { rulesToCondition } from '@casl/ability/extra';
import type { Rule, Subject } from '@casl/ability';
import type { FilterQuery } from '@mikro-orm/core';
import type { RequestAbility } from './abilities';
import type { CompiledCondition, ConditionNode } from './conditions';
import { PolicyError } from './errors';
import type { Action } from './vocabulary';

export type RowFilter<T = unknown> = { kind: 'all' } | { kind: 'none' } | { kind: 'where'; where: FilterQuery<T> };

export interface RowFilterOptions {
  /** Only rows where at least one of these fields may be visible. */
  fields?: readonly string[];
}

type Where = Record<string, unknown>;
type AuthzRule = Rule<[Action, Subject], CompiledCondition>;

const ALL: Where = Object.freeze({});

function property(field: string, fieldMap: Readonly<Record<string, string>> | undefined): string {
  return fieldMap?.[field] ?? field;
}

/** Translates one condition to MikroORM's query language. */
export function toMikroOrmWhere(node: ConditionNode, fieldMap?: Readonly<Record<string, string>>): Where {
  switch (node.op) {
    case 'and':
      return { $and: node.items.map((n) => toMikroOrmWhere(n, fieldMap)) };
    case 'or':
      return { $or: node.items.map((n) => toMikroOrmWhere(n, fieldMap)) };
    case 'not':
      return { $not: toMikroOrmWhere(node.item, fieldMap) };
    case 'eq':
      return { [property(node.field, fieldMap)]: node.value }; // null becomes IS NULL
    case 'ne':
    case 'lt':
    case 'lte':
    case 'gt':
    case 'gte':
      return { [property(node.field, fieldMap)]: { [`$${node.op}`]: node.value } };
    case 'in':
    case 'nin':
      return { [property(node.field, fieldMap)]: { [`$${node.op}`]: [...node.values] } };
    case 'like':
      return { [property(node.field, fieldMap)]: { $like: `${node.prefix}%` } };
    default:
      throw new PolicyError(`A condition uses an operator that cannot be translated to a database filter.`);
  }
}

/** Joins parts, dropping repeats: one rule covering many fields would otherwise repeat its condition per field. */
function flatten(op: '$and' | '$or', parts: Where[]): Where {
  const seen = new Set<string>();
  const unique = parts.filter((part) => {
    const key = JSON.stringify(part);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return unique.length === 1 ? (unique[0] as Where) : { [op]: unique };
}

/** NOT of a condition, without stacking two negations. */
function negate(where: Where): Where {
  const keys = Object.keys(where);
  return keys.length === 1 && keys[0] === '$not' ? (where.$not as Where) : { $not: where };
}

function filterFor(ability: RequestAbility, action: Action, type: string, field: string | undefined, fieldMap: Readonly<Record<string, string>> | undefined): Where | null {
  const rules = ability.casl.rulesFor(action, type, field) as readonly AuthzRule[];
  return rulesToCondition<RequestAbility['casl'], Where, Where>(
    rules,
    (rule) => {
      if (!rule.conditions) throw new PolicyError('A rule without conditions reached the condition translator.');
      const where = toMikroOrmWhere(rule.conditions.node, fieldMap);
      return rule.inverted ? negate(where) : where;
    },
    { and: (parts) => flatten('$and', parts), or: (parts) => flatten('$or', parts), empty: () => ALL },
  );
}

/**
 * Which rows of `subjectType` the caller may see for `action` (or any of several actions, e.g.
 * ['read', 'readMasked']). `fieldMap` renames GraphQL fields to entity properties. `none` means skip
 * the query; `all` means no filter. Per-record field checks stay authoritative: SQL's NULL logic
 * matches the in-memory matcher, but the filter is a pre-selection, not a substitute.
 */
export function rowFilter<T = unknown>(
  ability: RequestAbility,
  action: Action | readonly Action[],
  subjectType: string,
  fieldMap?: Readonly<Record<string, string>>,
  options: RowFilterOptions = {},
): RowFilter<T> {
  const actions: readonly Action[] = typeof action === 'string' ? [action] : action;
  const fields: readonly (string | undefined)[] = options.fields && options.fields.length > 0 ? options.fields : [undefined];
  const parts: Where[] = [];
  for (const a of actions) {
    for (const f of fields) {
      // As in fieldDecision: a field without a mask strategy has no masked view to show.
      if (a === 'readMasked' && f !== undefined) {
        const mask = ability.catalogue[subjectType]?.fields[f]?.mask;
        if (mask === undefined || mask === 'none') continue;
      }
      const where = filterFor(ability, a, subjectType, f, fieldMap);
      if (where === ALL) return { kind: 'all' };
      if (where !== null) parts.push(where);
    }
  }
  if (parts.length === 0) return { kind: 'none' };
  return { kind: 'where', where: flatten('$or', parts) as FilterQuery<T> };
}
