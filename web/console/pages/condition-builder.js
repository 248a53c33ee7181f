// The row-condition builder of the matrix editor: clauses over the fields, operators and caller attributes that the
// API's policyConditionVocabulary says the policy validator accepts for the type (nothing else is offered), joined
// by "all" or "any", each optionally negated; the condition is put in words by describePolicyCondition (the
// matrix's own auth/describe-condition.ts), with the validator's problems, after every change.
import { gql } from '../api.js';
import { field, h } from '../dom.js';

// English UI strings of this file, kept together to move into the message catalogue (web/shared/messages) later.
export const MESSAGES = {
  legend: 'Only on records where',
  match: 'Match',
  all: 'all of these',
  any: 'any of these',
  field: 'Field',
  not: 'not',
  operator: 'Operator',
  source: 'Compared with',
  literal: 'a value',
  empty: 'empty',
  attribute: (name) => `the caller's ${name}`,
  value: 'Value',
  valueHint: 'Lists: separate values with commas. Starts with: digits only.',
  add: 'Add a clause',
  remove: 'Remove clause',
  none: 'No condition: the decision holds for every record.',
  inWords: 'In words',
  refused: 'The validator refuses this condition:',
  op: { $eq: 'is', $ne: 'is not', $in: 'is one of', $nin: 'is none of', $lt: 'is below', $lte: 'is at most', $gt: 'is above', $gte: 'is at least', $like: 'starts with' },
};

const VOCABULARY = `query ConsoleConditionVocabulary($type: String!) { policyConditionVocabulary(type: $type) { name kind values operators attributes } }`;
const DESCRIBE = `query ConsoleDescribeCondition($type: String!, $conditions: String!) {
  describePolicyCondition(type: $type, conditions: $conditions) { text problems { path message } }
}`;

const vocabularies = new Map();
async function vocabularyOf(type) {
  if (!vocabularies.has(type)) vocabularies.set(type, (await gql(VOCABULARY, { type })).policyConditionVocabulary);
  return vocabularies.get(type);
}

function typed(kind, text) {
  if (kind === 'number') return Number(text);
  if (kind === 'boolean') return text === 'true';
  return text;
}

/** One clause as the JSON of the policy language. */
function clauseJson(f, c) {
  const list = c.op === '$in' || c.op === '$nin';
  let value;
  if (c.source === 'empty') value = null;
  else if (c.source !== 'literal') value = c.op === '$like' ? `\${principal.${c.source}}%` : list ? [`\${principal.${c.source}}`] : `\${principal.${c.source}}`;
  else if (c.op === '$like') value = `${c.value}%`;
  else if (list) value = c.value.split(',').map((v) => v.trim()).filter((v) => v !== '').map((v) => typed(f.kind, v));
  else value = typed(f.kind, c.value.trim());
  const ops = { [c.op]: value };
  return { [f.name]: c.not ? { $not: ops } : ops };
}

/**
 * A builder for `type`. `onChange(conditions)` gets the condition JSON (null when there is no clause) after each
 * change. Returns { element, value() }.
 */
export function conditionBuilder(type, onChange = () => {}) {
  const clauses = [];
  let vocabulary = [];
  const match = h('select', {}, h('option', { value: '$and' }, MESSAGES.all), h('option', { value: '$or' }, MESSAGES.any));
  const list = h('div', { class: 'clauses' });
  const words = h('p', { class: 'condition-words', role: 'status', 'aria-live': 'polite' }, MESSAGES.none);
  const value = () => {
    const parts = clauses.map((c) => clauseJson(vocabulary.find((f) => f.name === c.field), c));
    if (parts.length === 0) return null;
    return parts.length === 1 ? parts[0] : { [match.value]: parts };
  };
  const changed = async () => {
    const conditions = value();
    onChange(conditions);
    if (!conditions) return words.replaceChildren(MESSAGES.none);
    const { describePolicyCondition: d } = await gql(DESCRIBE, { type, conditions: JSON.stringify(conditions) });
    const refused = d.problems.length ? [h('ul', { class: 'problems', 'aria-label': MESSAGES.refused }, d.problems.map((p) => h('li', { class: 'problem' }, p.message)))] : [];
    words.replaceChildren(h('strong', {}, `${MESSAGES.inWords}: `), d.text, ...refused);
  };
  const render = () => {
    list.replaceChildren(...clauses.map((c, i) => {
      const f = vocabulary.find((x) => x.name === c.field) ?? vocabulary[0];
      if (!f.operators.includes(c.op)) c.op = f.operators[0];
      const emptyAllowed = c.op === '$eq' || c.op === '$ne';
      const sources = [{ value: 'literal', label: MESSAGES.literal }, ...f.attributes.map((a) => ({ value: a, label: MESSAGES.attribute(a) })), ...(emptyAllowed ? [{ value: 'empty', label: MESSAGES.empty }] : [])];
      if (!sources.some((s) => s.value === c.source)) c.source = 'literal';
      const set = (key, parse = (e) => e.target.value) => (e) => { c[key] = parse(e); render(); changed(); };
      const fieldSel = h('select', { onchange: set('field') }, vocabulary.map((x) => h('option', { value: x.name, selected: x.name === f.name }, x.name)));
      const opSel = h('select', { onchange: set('op') }, f.operators.map((o) => h('option', { value: o, selected: o === c.op }, MESSAGES.op[o] ?? o)));
      const sourceSel = h('select', { onchange: set('source') }, sources.map((s) => h('option', { value: s.value, selected: s.value === c.source }, s.label)));
      let input = null;
      if (c.source === 'literal') {
        const single = f.kind === 'enum' || f.kind === 'boolean' ? (f.kind === 'enum' ? f.values : ['true', 'false']) : null;
        if (single && c.op !== '$in' && c.op !== '$nin') {
          if (!single.includes(c.value)) c.value = single[0];
          input = h('select', { onchange: set('value') }, single.map((v) => h('option', { value: v, selected: v === c.value }, v)));
        } else {
          input = h('input', { type: f.kind === 'date' ? 'date' : 'text', value: c.value, onchange: set('value') });
        }
      }
      const n = i + 1;
      return h('fieldset', { class: 'clause' }, h('legend', {}, `${n}`),
        field(MESSAGES.field, fieldSel),
        h('label', { class: 'inline' }, h('input', { type: 'checkbox', checked: c.not, onchange: set('not', (e) => e.target.checked) }), ` ${MESSAGES.not}`),
        field(MESSAGES.operator, opSel), field(MESSAGES.source, sourceSel), input ? field(MESSAGES.value, input, MESSAGES.valueHint) : null,
        h('button', { type: 'button', class: 'link', onclick: () => { clauses.splice(i, 1); render(); changed(); } }, MESSAGES.remove));
    }));
  };
  const add = h('button', { type: 'button', class: 'secondary', onclick: async () => {
    vocabulary = await vocabularyOf(type);
    const f = vocabulary[0];
    if (!f) return;
    clauses.push({ field: f.name, not: false, op: f.operators[0], source: f.attributes.length ? f.attributes[0] : 'literal', value: '' });
    render();
    changed();
  } }, MESSAGES.add);
  match.addEventListener('change', changed);
  const element = h('fieldset', { class: 'condition-builder' }, h('legend', {}, MESSAGES.legend), field(MESSAGES.match, match), list, add, words);
  return { element, value };
}
