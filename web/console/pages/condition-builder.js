// The row-condition builder of the matrix editor: clauses over the fields, operators and caller attributes that the
// API's policyConditionVocabulary says the policy validator accepts for the type (nothing else is offered), joined
// by "all" or "any", each optionally negated; the condition is put in words by describePolicyCondition (the
// matrix's own auth/describe-condition.ts), with the validator's problems, after every change.
import { gql } from '../api.js';
import { field, h } from '../dom.js';
import { t } from '../../shared/i18n.js';

// Every string through the catalogues (web/shared/messages), read when used.
export const MESSAGES = {
  get legend() { return t('console.condition.legend'); },
  get match() { return t('console.condition.match'); },
  get all() { return t('console.condition.all'); },
  get any() { return t('console.condition.any'); },
  get field() { return t('console.condition.field'); },
  get not() { return t('console.condition.not'); },
  get operator() { return t('console.condition.operator'); },
  get source() { return t('console.condition.source'); },
  get literal() { return t('console.condition.literal'); },
  get empty() { return t('console.condition.empty'); },
  get value() { return t('console.condition.value'); },
  get valueHint() { return t('console.condition.valueHint'); },
  get add() { return t('console.condition.add'); },
  get remove() { return t('console.condition.remove'); },
  get none() { return t('console.condition.none'); },
  get inWords() { return t('console.condition.inWords'); },
  get refused() { return t('console.condition.refused'); },
  attribute: (name) => t('console.condition.attribute', { name }),
  op: {
    get $eq() { return t('console.condition.op.eq'); },
    get $ne() { return t('console.condition.op.ne'); },
    get $in() { return t('console.condition.op.in'); },
    get $nin() { return t('console.condition.op.nin'); },
    get $lt() { return t('console.condition.op.lt'); },
    get $lte() { return t('console.condition.op.lte'); },
    get $gt() { return t('console.condition.op.gt'); },
    get $gte() { return t('console.condition.op.gte'); },
    get $like() { return t('console.condition.op.like'); },
  },
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

/** A value typed in a text box, as the field's kind (the condition vocabulary's) stores it. */
export function typed(kind, text) {
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
