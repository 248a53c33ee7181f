// Row conditions of the policy language put in short English for people reviewing who can see what (the permission
// matrix, "who can see this?"). Works on the rule's JSON as written, so the caller attributes it refers to
// (${principal.*}) read as "the caller's ..." rather than one caller's values. A shape it does not know is shown as
// its JSON: a reviewer must never be told something vaguer than the rule.

const ATTRIBUTES: Readonly<Record<string, string>> = {
  region: "the caller's region code",
  regionPrefix: "the caller's region",
  dept: "the caller's department",
  sub: 'the caller',
};

const COMPARISONS: Readonly<Record<string, string>> = {
  $eq: 'is',
  $ne: 'is not',
  $lt: 'is below',
  $lte: 'is at most',
  $gt: 'is above',
  $gte: 'is at least',
};

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

class Unknown extends Error {}

/** A value as a reader would say it: placeholders as the caller's attribute, other text quoted. */
function valueText(value: unknown): string {
  if (value === null) return 'empty';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value !== 'string') throw new Unknown();
  const whole = /^\$\{principal\.([A-Za-z]+)\}$/.exec(value);
  if (whole) return ATTRIBUTES[whole[1] ?? ''] ?? value;
  if (value.includes('${')) return JSON.stringify(value.replace(/\$\{principal\.([A-Za-z]+)\}/g, (m, name: string) => `<${ATTRIBUTES[name] ?? m}>`));
  return JSON.stringify(value);
}

function operatorText(field: string, op: string, value: unknown): string {
  if (op in COMPARISONS) {
    if (value === null) return `${field} ${op === '$ne' ? 'is not empty' : 'is empty'}`;
    return `${field} ${COMPARISONS[op]} ${valueText(value)}`;
  }
  if (op === '$in' || op === '$nin') {
    if (!Array.isArray(value)) throw new Unknown();
    return `${field} ${op === '$in' ? 'is one of' : 'is none of'} ${value.map(valueText).join(', ')}`;
  }
  if (op === '$like') {
    if (typeof value !== 'string' || !value.endsWith('%')) throw new Unknown();
    const prefix = value.slice(0, -1);
    if (prefix === '${principal.regionPrefix}') return `${field} is in the caller's own region`;
    return `${field} starts with ${valueText(prefix)}`;
  }
  if (op === '$not') {
    if (!isPlainObject(value)) throw new Unknown();
    return `not (${fieldText(field, value)})`;
  }
  throw new Unknown();
}

function fieldText(field: string, ops: Record<string, unknown>): string {
  const parts = Object.entries(ops).map(([op, value]) => operatorText(field, op, value));
  if (parts.length === 0) throw new Unknown();
  return parts.join(' and ');
}

function group(text: string, several: boolean): string {
  return several ? `(${text})` : text;
}

function phrase(condition: unknown): string {
  if (!isPlainObject(condition)) throw new Unknown();
  const parts: string[] = [];
  const entries = Object.entries(condition);
  for (const [key, value] of entries) {
    if (key === '$and' || key === '$or') {
      if (!Array.isArray(value) || value.length === 0) throw new Unknown();
      const items = value.map(phrase);
      parts.push(group(items.map((i) => group(i, / (and|or) /.test(i) && items.length > 1)).join(key === '$and' ? ' and ' : ' or '), entries.length > 1));
    } else if (key === '$not') {
      parts.push(`not (${phrase(value)})`);
    } else if (key.startsWith('$')) {
      throw new Unknown();
    } else if (isPlainObject(value)) {
      parts.push(fieldText(key, value));
    } else {
      parts.push(operatorText(key, '$eq', value));
    }
  }
  if (parts.length === 0) throw new Unknown();
  return parts.join(' and ');
}

/** The condition alone, e.g. `hukouRegionCode is in the caller's own region`; its JSON when the shape is unknown. */
export function describeCondition(condition: unknown): string {
  try {
    return phrase(condition);
  } catch (error) {
    if (error instanceof Unknown) return JSON.stringify(condition);
    throw error;
  }
}

/**
 * A rule's conditions as the scope it gives: a permission applies "where ..."; a restriction (inverted) denies
 * everything but the records where its condition is false, so `{ $not: X }` reads "only where X".
 */
export function describeRuleCondition(condition: unknown, inverted: boolean): string {
  if (!inverted) return `where ${describeCondition(condition)}`;
  if (isPlainObject(condition) && Object.keys(condition).length === 1 && '$not' in condition) {
    const inner = describeCondition(condition.$not);
    if (!inner.startsWith('{')) return `only where ${inner}`;
  }
  return `except where ${describeCondition(condition)}`;
}
