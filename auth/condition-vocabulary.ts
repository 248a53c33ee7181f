// What the console's row-condition builder may offer for a type: the fields, operators and caller attributes the
// policy validator (policy-document.ts checkConditionTypes, conditions.ts parseConditions) accepts for each field,
// derived from the same field kinds, so the builder cannot propose a condition the validator would refuse.
import type { Catalogue } from './catalogue';
import { PLACEHOLDERS } from './conditions';
import type { FieldKinds } from './policy-document';

export type ConditionOperator = '$eq' | '$ne' | '$in' | '$nin' | '$lt' | '$lte' | '$gt' | '$gte' | '$like';

export interface ConditionField {
  name: string;
  /** string, number, boolean, date or enum. */
  kind: string;
  /** The enum's values; empty for other kinds. */
  values: string[];
  operators: ConditionOperator[];
  /** Caller attributes (`${principal.NAME}`) the field may be compared with: text fields only. */
  attributes: string[];
}

const EQUALITY: ConditionOperator[] = ['$eq', '$ne', '$in', '$nin'];
const ORDER: ConditionOperator[] = ['$lt', '$lte', '$gt', '$gte'];

/** Combinators the builder joins clauses with; `$not` negates one clause. */
export const CONDITION_COMBINATORS = ['$and', '$or', '$not'] as const;

/**
 * Every field of the type a row condition may test, in catalogue order: stored scalar columns only (conditions run
 * in SQL); `$like` on text only; no order on booleans and enums; caller attributes only where text is compared.
 * `$eq`/`$ne` also take null ("is empty") on every kind.
 */
export function conditionVocabulary(type: string, catalogue: Catalogue, kinds: FieldKinds): ConditionField[] {
  const entry = catalogue[type];
  if (!entry) return [];
  const out: ConditionField[] = [];
  for (const name of Object.keys(entry.fields)) {
    const kind = kinds(type, name);
    if (!kind || kind.kind === 'composite') continue;
    const text = kind.kind === 'string';
    const ordered = kind.kind === 'string' || kind.kind === 'number' || kind.kind === 'date';
    out.push({
      name,
      kind: kind.kind,
      values: kind.kind === 'enum' ? [...kind.values] : [],
      operators: [...EQUALITY, ...(ordered ? ORDER : []), ...(text ? (['$like'] as const) : [])],
      attributes: text ? PLACEHOLDERS.map((p) => p as string) : [],
    });
  }
  return out;
}
