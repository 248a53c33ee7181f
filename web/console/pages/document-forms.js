// The policy document as forms (issue 18): every change the policy language supports, without writing JSON. The
// draft's policies in order, each policy's rules and the policy tests are listed from the document being edited;
// each form offers only what the API's policyLanguage and catalogue name (departments, roles, actions, types,
// fields, catalogue properties), and what it writes is one edit of previewPolicyEdit (ADD_POLICY, UPDATE_POLICY,
// MOVE_POLICY, REMOVE_POLICY, ADD_RULE, REPLACE_RULE, MOVE_RULE, REMOVE_RULE, ADD_TEST, REMOVE_TEST), so the JSON
// stays the one source and the validator judges the result at once.
import { act, gql } from '../api.js';
import { badge, enumBadge, field, h, table } from '../dom.js';
import { label, t } from '../../shared/i18n.js';
import { catalogueTypes, policyLanguage } from '../vocabulary.js';
import { conditionBuilder, typed } from './condition-builder.js';

const DESCRIBE = `query ConsoleDescribeRuleCondition($type: String!, $conditions: String!) { describePolicyCondition(type: $type, conditions: $conditions) { text } }`;
const VOCABULARY = `query ConsoleRecordFields($type: String!) { policyConditionVocabulary(type: $type) { name kind } }`;

const list = (v) => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);
/** One value as itself, several as a list: the shape a hand-written rule uses. */
const oneOrMany = (values) => (values.length === 1 ? values[0] : values);
const parsed = (text) => {
  try {
    const value = JSON.parse(text);
    return Array.isArray(value) ? value : null;
  } catch {
    return null;
  }
};
const anyLabel = (prefix, value) => (value === '*' ? t(`console.forms.every.${prefix}`) : label(prefix, value));

/** A group of checkboxes; values() answers the checked ones in the given order. */
function checkboxes(legend, options, checked) {
  const boxes = options.map((o) => h('input', { type: 'checkbox', value: o.value, checked: checked.includes(o.value) }));
  const element = h('fieldset', { class: 'choices' }, h('legend', {}, legend), options.map((o, i) => h('label', { class: 'choice' }, boxes[i], ` ${o.label}`)));
  return { element, values: () => boxes.filter((b) => b.checked).map((b) => b.value), boxes };
}

/** Radio buttons; value() answers the chosen one. */
function radios(legend, name, options, chosen) {
  const inputs = options.map((o) => h('input', { type: 'radio', name, value: o.value, checked: o.value === chosen }));
  const element = h('fieldset', { class: 'choices' }, h('legend', {}, legend), options.map((o, i) => h('label', { class: 'choice' }, inputs[i], ` ${o.label}`)));
  return { element, value: () => inputs.find((i) => i.checked)?.value, inputs };
}

/** Any / yes / no for a boolean catalogue property; value() is undefined for "any". */
function triState(labelText, current) {
  const select = h('select', {},
    h('option', { value: '', selected: current === undefined }, t('common.any')),
    h('option', { value: 'true', selected: current === true }, t('common.yes')),
    h('option', { value: 'false', selected: current === false }, t('common.no')));
  return { element: field(labelText, select), value: () => (select.value === '' ? undefined : select.value === 'true') };
}

function selectOf(options, chosen) {
  return h('select', {}, options.map((o) => h('option', { value: o.value, selected: o.value === chosen }, o.label)));
}

/** A selector object (fieldsWith, subjectsWith) from its parts, without the parts left open; null when empty. */
function selector(parts) {
  const out = {};
  for (const [key, value] of Object.entries(parts)) {
    if (value === undefined || (Array.isArray(value) && value.length === 0)) continue;
    out[key] = Array.isArray(value) ? oneOrMany(value) : value;
  }
  return Object.keys(out).length ? out : null;
}

function describeRuleFields(rule) {
  if (rule.fieldsWith) {
    const parts = Object.entries(rule.fieldsWith).map(([k, v]) => `${t(`console.forms.property.${k}`)}: ${list(v).map((x) => (typeof x === 'boolean' ? t(x ? 'common.yes' : 'common.no') : label(k === 'owner' ? 'dept' : k, x))).join(t('common.listSeparator'))}`);
    return t('console.forms.rule.fieldsWith', { properties: parts.join(t('common.sentenceSeparator')) });
  }
  return rule.fields === undefined ? t('console.forms.rule.everyField') : list(rule.fields).join(t('common.listSeparator'));
}

/**
 * The forms for the draft being edited. `apply(edits)` previews the edits (the matrix editor's preview, which
 * rewrites the JSON and calls refresh); `type` is the type the matrix shows, offered first.
 */
export function documentForms({ type, apply }) {
  const dialog = h('dialog', { class: 'cell-editor form-dialog', 'aria-labelledby': 'form-dialog-title' });
  const policiesSlot = h('div', {});
  const rulesSlot = h('div', {});
  const testsSlot = h('div', {});
  let policies = [];
  let tests = [];
  let openPolicy = null;
  let returnFocus = null;

  const run = (edits) => apply(edits);
  const show = (title, body, onApply) => {
    returnFocus = document.activeElement;
    const close = () => { dialog.close(); returnFocus?.focus?.(); };
    const applyButton = h('button', { type: 'button', class: 'primary', onclick: (e) => act(e.currentTarget, async () => {
      const edits = await onApply();
      if (!edits) return;
      dialog.close();
      await run(edits);
    }) }, t('console.edit.apply'));
    dialog.replaceChildren(h('h2', { id: 'form-dialog-title' }, title), ...body, h('div', { class: 'actions' }, applyButton, h('button', { type: 'button', class: 'secondary', onclick: close }, t('console.edit.cancel'))));
    dialog.showModal();
  };
  const need = (ok, key) => {
    if (!ok) throw new Error(t(key));
  };

  // ---- policies ---------------------------------------------------------------------------------------
  async function policyForm(index) {
    const lang = await policyLanguage();
    const p = index === null ? null : policies[index];
    const id = h('input', { type: 'text', autocomplete: 'off', pattern: '[a-z0-9][a-z0-9-]*', value: p?.id ?? '' });
    const dept = selectOf([{ value: '*', label: anyLabel('dept', '*') }, ...lang.departments.map((d) => ({ value: d, label: label('dept', d) }))], p?.dept ?? lang.departments[0]);
    const role = selectOf([{ value: '*', label: anyLabel('role', '*') }, ...lang.roles.map((r) => ({ value: r, label: label('role', r) }))], p?.role ?? lang.roles[0]);
    const description = h('input', { type: 'text', autocomplete: 'off', value: p?.description ?? '' });
    const at = selectOf([...policies.map((q, i) => ({ value: String(i), label: t('console.forms.policy.before', { id: q.id }) })), { value: '', label: t('console.forms.policy.atEnd') }], '');
    show(p ? t('console.forms.policy.editTitle', { id: p.id }) : t('console.forms.policy.addTitle'), [
      p ? h('p', {}, t('console.forms.policy.id', { id: p.id })) : field(t('console.forms.policy.idField'), id, t('console.forms.policy.idHint')),
      field(t('console.edit.col.dept'), dept),
      field(t('console.edit.col.role'), role),
      field(t('console.forms.policy.description'), description),
      p ? null : field(t('console.forms.policy.position'), at, t('console.forms.policy.positionHint')),
    ], () => {
      if (p) return [{ kind: 'UPDATE_POLICY', policyId: p.id, dept: dept.value, role: role.value, description: description.value.trim() }];
      need(id.value.trim(), 'console.forms.policy.needId');
      return [{ kind: 'ADD_POLICY', id: id.value.trim(), dept: dept.value, role: role.value, description: description.value.trim() || null, at: at.value === '' ? null : Number(at.value) }];
    });
  }

  const moveButtons = (label_, i, n, edit) => [
    h('button', { type: 'button', class: 'link', disabled: i === 0, 'aria-label': t('console.forms.moveUp', { what: label_ }), onclick: (e) => act(e.currentTarget, () => run([edit(i - 1)])) }, '↑'),
    h('button', { type: 'button', class: 'link', disabled: i === n - 1, 'aria-label': t('console.forms.moveDown', { what: label_ }), onclick: (e) => act(e.currentTarget, () => run([edit(i + 1)])) }, '↓'),
  ];

  function renderPolicies() {
    policiesSlot.replaceChildren(
      table(t('console.forms.policy.caption'), [
        { label: '#', cell: (p) => String(policies.indexOf(p) + 1), class: 'num' },
        { label: t('console.forms.policy.idColumn'), cell: (p) => h('code', {}, p.id) },
        { label: t('console.edit.col.dept'), cell: (p) => anyLabel('dept', p.dept) },
        { label: t('console.edit.col.role'), cell: (p) => anyLabel('role', p.role) },
        { label: t('console.forms.policy.description'), cell: (p) => p.description ?? '' },
        { label: t('console.forms.policy.rules'), cell: (p) => String(list(p.rules).length), class: 'num' },
        { label: t('console.forms.actions'), cell: (p) => {
          const i = policies.indexOf(p);
          return h('span', { class: 'row-actions' },
            h('button', { type: 'button', class: 'link', 'aria-label': t('console.forms.policy.showRules', { id: p.id }), 'aria-expanded': openPolicy === p.id ? 'true' : 'false', onclick: () => { openPolicy = openPolicy === p.id ? null : p.id; renderPolicies(); renderRules(); } }, t('console.forms.policy.rulesShort')),
            h('button', { type: 'button', class: 'link', 'aria-label': t('console.forms.edit', { what: p.id }), onclick: (e) => act(e.currentTarget, () => policyForm(i)) }, t('console.forms.editShort')),
            ...moveButtons(p.id, i, policies.length, (to) => ({ kind: 'MOVE_POLICY', policyId: p.id, to })),
            h('button', { type: 'button', class: 'link danger', 'aria-label': t('console.forms.remove', { what: p.id }), onclick: (e) => act(e.currentTarget, () => run([{ kind: 'REMOVE_POLICY', policyId: p.id }])) }, t('console.forms.removeShort')));
        } },
      ], policies),
      h('p', { class: 'hint' }, t('console.forms.policy.order')),
      h('button', { type: 'button', class: 'secondary', onclick: (e) => act(e.currentTarget, () => policyForm(null)) }, t('console.forms.policy.add')),
    );
  }

  // ---- rules -------------------------------------------------------------------------------------------
  async function ruleForm(policyId, index) {
    const [lang, types] = await Promise.all([policyLanguage(), catalogueTypes()]);
    const policy = policies.find((p) => p.id === policyId);
    const rule = index === null ? { action: 'read', subject: type } : list(policy?.rules)[index];
    const effect = radios(t('console.forms.rule.effect'), 'rule-effect', [{ value: 'allow', label: t('console.forms.rule.allow') }, { value: 'forbid', label: t('console.forms.rule.forbid') }], rule.inverted ? 'forbid' : 'allow');
    const actions = checkboxes(t('console.forms.rule.actions'), lang.actions.map((a) => ({ value: a, label: label('policyAction', a) })), list(rule.action));
    const subjects = checkboxes(t('console.forms.rule.subjects'), [{ value: 'all', label: t('console.forms.rule.allTypes') }, ...types.map((c) => ({ value: c.name, label: c.name }))], list(rule.subject));
    const sw = rule.subjectsWith ?? {};
    const swOwner = checkboxes(t('console.forms.rule.subjectOwner'), lang.departments.map((d) => ({ value: d, label: label('dept', d) })), list(sw.owner));
    const swPersonal = triState(t('console.forms.property.personal'), sw.personal);
    const fieldsMode = radios(t('console.forms.rule.fields'), 'rule-fields', [
      { value: 'every', label: t('console.forms.rule.everyField') },
      { value: 'listed', label: t('console.forms.rule.listed') },
      { value: 'with', label: t('console.forms.rule.withProperties') },
    ], rule.fieldsWith ? 'with' : rule.fields !== undefined ? 'listed' : 'every');
    let listedFields = null;
    const listedSlot = h('div', {});
    const fw = rule.fieldsWith ?? {};
    const fwOwner = checkboxes(t('console.forms.property.owner'), lang.departments.map((d) => ({ value: d, label: label('dept', d) })), list(fw.owner));
    const fwSharing = checkboxes(t('console.forms.property.sharing'), lang.sharingTypes.map((s) => ({ value: s, label: label('sharing', s) })), list(fw.sharing));
    const fwSensitivity = checkboxes(t('console.forms.property.sensitivity'), lang.sensitivities.map((s) => ({ value: s, label: label('sensitivity', s) })), list(fw.sensitivity));
    const fwOpen = triState(t('console.forms.property.open'), fw.open);
    const fwPersonal = triState(t('console.forms.property.personal'), fw.personal);
    const withSlot = h('div', { class: 'selector' }, fwOwner.element, fwSharing.element, fwSensitivity.element, fwOpen.element, fwPersonal.element);
    const conditionMode = radios(t('console.forms.rule.condition'), 'rule-condition', [
      { value: 'none', label: t('console.forms.rule.noCondition') },
      ...(rule.conditions ? [{ value: 'keep', label: t('console.forms.rule.keepCondition') }] : []),
      { value: 'build', label: t('console.forms.rule.buildCondition') },
    ], rule.conditions ? 'keep' : 'none');
    const keptWords = h('p', { class: 'condition-words' });
    const builderSlot = h('div', {});
    let builder = null;
    let builderType = null;
    const reason = h('input', { type: 'text', autocomplete: 'off', value: rule.reason ?? '' });
    const override = h('input', { type: 'checkbox', checked: rule.overrideNotShared === true });

    const chosenTypes = () => {
      const s = subjects.values();
      return s.includes('all') ? types : types.filter((c) => s.includes(c.name));
    };
    const refresh = () => {
      // The fields offered are those of the types chosen, kept checked across changes of the types.
      const keep = listedFields ? listedFields.values() : list(rule.fields);
      const names = [...new Set(chosenTypes().flatMap((c) => c.fields.map((f) => f.name)))];
      listedFields = checkboxes(t('console.forms.rule.listed'), names.map((n) => ({ value: n, label: n })), keep);
      listedSlot.replaceChildren(listedFields.element);
      listedSlot.hidden = fieldsMode.value() !== 'listed';
      withSlot.hidden = fieldsMode.value() !== 'with';
      // A row condition is built over one type's fields: with several types, only keeping or removing it.
      const single = subjects.values().length === 1 && subjects.values()[0] !== 'all' ? subjects.values()[0] : null;
      conditionMode.inputs.find((i) => i.value === 'build').disabled = !single;
      if (conditionMode.value() === 'build' && single) {
        if (builderType !== single) {
          builder = conditionBuilder(single);
          builderType = single;
        }
        builderSlot.replaceChildren(builder.element);
      } else builderSlot.replaceChildren(single ? '' : h('p', { class: 'hint' }, t('console.forms.rule.oneTypeForCondition')));
      keptWords.hidden = conditionMode.value() !== 'keep';
    };
    for (const el of [...subjects.boxes, ...fieldsMode.inputs, ...conditionMode.inputs]) el.addEventListener('change', refresh);
    refresh();
    if (rule.conditions) {
      const first = list(rule.subject).find((s) => s !== 'all') ?? type;
      gql(DESCRIBE, { type: first, conditions: JSON.stringify(rule.conditions) })
        .then((d) => keptWords.replaceChildren(h('strong', {}, `${t('console.condition.inWords')}: `), d.describePolicyCondition.text))
        .catch(() => keptWords.replaceChildren(h('code', {}, JSON.stringify(rule.conditions))));
    }
    const title = index === null ? t('console.forms.rule.addTitle', { id: policyId }) : t('console.forms.rule.editTitle', { n: index + 1, id: policyId });
    show(title, [
      effect.element,
      actions.element,
      subjects.element,
      h('details', { open: Boolean(rule.subjectsWith) }, h('summary', {}, t('console.forms.rule.subjectsWith')), swOwner.element, swPersonal.element),
      fieldsMode.element,
      listedSlot,
      withSlot,
      conditionMode.element,
      keptWords,
      builderSlot,
      field(t('console.forms.rule.reason'), reason, t('console.forms.rule.reasonHint')),
      h('label', { class: 'inline' }, override, ` ${t('console.forms.rule.override')}`),
      h('p', { class: 'hint' }, t('console.forms.rule.overrideHint')),
    ], () => {
      need(actions.values().length, 'console.forms.rule.needAction');
      need(subjects.values().length, 'console.forms.rule.needSubject');
      const out = { action: oneOrMany(actions.values()), subject: oneOrMany(subjects.values()) };
      const mode = fieldsMode.value();
      if (mode === 'listed') {
        need(listedFields.values().length, 'console.forms.rule.needField');
        out.fields = oneOrMany(listedFields.values());
      }
      if (mode === 'with') {
        const s = selector({ owner: fwOwner.values(), sharing: fwSharing.values(), sensitivity: fwSensitivity.values(), open: fwOpen.value(), personal: fwPersonal.value() });
        need(s, 'console.forms.rule.needProperty');
        out.fieldsWith = s;
      }
      const subjectsWith = selector({ owner: swOwner.values(), personal: swPersonal.value() });
      if (subjectsWith) out.subjectsWith = subjectsWith;
      const cond = conditionMode.value();
      if (cond === 'keep') out.conditions = rule.conditions;
      if (cond === 'build') {
        const built = builder?.value();
        need(built, 'console.forms.rule.needClause');
        out.conditions = built;
      }
      if (effect.value() === 'forbid') out.inverted = true;
      if (reason.value.trim()) out.reason = reason.value.trim();
      if (override.checked) out.overrideNotShared = true;
      const text = JSON.stringify(out);
      return index === null ? [{ kind: 'ADD_RULE', policyId, rule: text }] : [{ kind: 'REPLACE_RULE', policyId, index, rule: text }];
    });
  }

  function renderRules() {
    const policy = policies.find((p) => p.id === openPolicy);
    if (!policy) return rulesSlot.replaceChildren();
    const rules = list(policy.rules);
    const rows = rules.map((rule, index) => ({ rule, index }));
    rulesSlot.replaceChildren(
      h('h4', {}, t('console.forms.rule.title', { id: policy.id, dept: anyLabel('dept', policy.dept), role: anyLabel('role', policy.role) })),
      table(t('console.forms.rule.caption', { id: policy.id }), [
        { label: '#', cell: (r) => String(r.index + 1), class: 'num' },
        { label: t('console.forms.rule.effect'), cell: (r) => (r.rule.inverted ? badge(t('console.forms.rule.forbid'), 'denied') : badge(t('console.forms.rule.allow'), 'full')) },
        { label: t('console.forms.rule.actions'), cell: (r) => list(r.rule.action).map((a) => label('policyAction', a)).join(t('common.listSeparator')) },
        { label: t('console.forms.rule.subjects'), cell: (r) => list(r.rule.subject).map((s) => (s === 'all' ? t('console.forms.rule.allTypes') : s)).join(t('common.listSeparator')) },
        { label: t('console.forms.rule.fields'), cell: (r) => describeRuleFields(r.rule) },
        { label: t('console.forms.rule.condition'), cell: (r) => (r.rule.conditions ? h('code', {}, JSON.stringify(r.rule.conditions)) : '') },
        { label: t('console.forms.rule.reason'), cell: (r) => [r.rule.reason ?? '', r.rule.overrideNotShared ? badge(t('console.forms.rule.overrideBadge'), 'rejected') : null] },
        { label: t('console.forms.actions'), cell: (r) => {
          const what = t('console.forms.rule.name', { n: r.index + 1 });
          return h('span', { class: 'row-actions' },
            h('button', { type: 'button', class: 'link', 'aria-label': t('console.forms.edit', { what }), onclick: (e) => act(e.currentTarget, () => ruleForm(policy.id, r.index)) }, t('console.forms.editShort')),
            ...moveButtons(what, r.index, rules.length, (to) => ({ kind: 'MOVE_RULE', policyId: policy.id, index: r.index, to })),
            h('button', { type: 'button', class: 'link danger', 'aria-label': t('console.forms.remove', { what }), onclick: (e) => act(e.currentTarget, () => run([{ kind: 'REMOVE_RULE', policyId: policy.id, index: r.index }])) }, t('console.forms.removeShort')));
        } },
      ], rows, t('console.forms.rule.none')),
      h('p', { class: 'hint' }, t('console.forms.rule.order')),
      h('button', { type: 'button', class: 'secondary', onclick: (e) => act(e.currentTarget, () => ruleForm(policy.id, null)) }, t('console.forms.rule.add', { id: policy.id })),
    );
  }

  // ---- tests -------------------------------------------------------------------------------------------
  async function testForm(index) {
    const [lang, types] = await Promise.all([policyLanguage(), catalogueTypes()]);
    const old = index === null ? null : tests[index];
    const caller = old?.caller ?? {};
    const name = h('input', { type: 'text', autocomplete: 'off', value: old?.name ?? '' });
    const dept = selectOf([{ value: '', label: t('console.forms.test.public') }, ...lang.departments.map((d) => ({ value: d, label: label('dept', d) }))], caller.dept ?? '');
    const roles = checkboxes(t('console.forms.test.roles'), lang.roles.map((r) => ({ value: r, label: label('role', r) })), list(caller.roles));
    const region = h('input', { type: 'text', inputmode: 'numeric', autocomplete: 'off', pattern: '[0-9]{6}', placeholder: '460100', value: caller.region ?? '' });
    const purpose = h('input', { type: 'text', autocomplete: 'off', value: caller.purpose ?? '' });
    const typeSel = selectOf(types.map((c) => ({ value: c.name, label: c.name })), old?.type ?? type);
    const fieldSel = h('select', {});
    const action = selectOf(lang.testActions.map((a) => ({ value: a, label: label('policyAction', a) })), old?.action ?? 'read');
    const expect = selectOf(lang.testExpectations.map((d) => ({ value: d, label: label('decision', d) })), old?.expect ?? 'FULL');
    const record = [];
    const recordSlot = h('div', { class: 'record' });
    let kinds = new Map();
    const fieldsOf = () => types.find((c) => c.name === typeSel.value)?.fields.map((f) => f.name) ?? [];
    const renderRecord = () => {
      const names = fieldsOf();
      recordSlot.replaceChildren(...record.map((r, i) => {
        if (!names.includes(r.field)) r.field = names[0];
        const fieldChoice = selectOf(names.map((n) => ({ value: n, label: n })), r.field);
        fieldChoice.addEventListener('change', () => { r.field = fieldChoice.value; });
        const value = h('input', { type: 'text', autocomplete: 'off', value: r.value, onchange: (e) => { r.value = e.target.value; } });
        return h('fieldset', { class: 'clause' }, h('legend', {}, String(i + 1)), field(t('console.condition.field'), fieldChoice), field(t('console.condition.value'), value, t('console.forms.test.valueHint')),
          h('button', { type: 'button', class: 'link', onclick: () => { record.splice(i, 1); renderRecord(); } }, t('console.condition.remove')));
      }));
    };
    const changeType = async () => {
      const names = fieldsOf();
      fieldSel.replaceChildren(...names.map((n) => h('option', { value: n, selected: n === old?.field }, n)));
      kinds = new Map((await gql(VOCABULARY, { type: typeSel.value })).policyConditionVocabulary.map((f) => [f.name, f.kind]));
      renderRecord();
    };
    for (const [k, v] of Object.entries(old?.record ?? {})) record.push({ field: k, value: v === null ? '' : String(v) });
    typeSel.addEventListener('change', () => act(null, changeType));
    await changeType();
    const recordValue = (f, text) => (text === '' ? null : typed(kinds.get(f), text));
    show(old ? t('console.forms.test.editTitle', { name: old.name }) : t('console.forms.test.addTitle'), [
      field(t('console.forms.test.name'), name),
      h('fieldset', { class: 'choices' }, h('legend', {}, t('console.forms.test.caller')), field(t('console.edit.col.dept'), dept), roles.element, field(t('console.col.region'), region, t('console.forms.test.regionHint')), field(t('console.col.purpose'), purpose)),
      field(t('console.forms.test.type'), typeSel),
      field(t('console.condition.field'), fieldSel),
      field(t('console.forms.test.action'), action),
      field(t('console.forms.test.expect'), expect),
      h('fieldset', { class: 'choices' }, h('legend', {}, t('console.forms.test.record')), h('p', { class: 'hint' }, t('console.forms.test.recordHint')), recordSlot,
        h('button', { type: 'button', class: 'secondary', onclick: () => { record.push({ field: fieldsOf()[0], value: '' }); renderRecord(); } }, t('console.forms.test.addValue'))),
    ], () => {
      need(name.value.trim(), 'console.forms.test.needName');
      const test = {
        name: name.value.trim(),
        caller: { dept: dept.value || null, roles: roles.values(), region: region.value.trim() || null, purpose: purpose.value.trim() || null },
        type: typeSel.value,
        field: fieldSel.value,
        ...(record.length ? { record: Object.fromEntries(record.map((r) => [r.field, recordValue(r.field, r.value.trim())])) } : {}),
        ...(action.value === 'aggregate' ? { action: 'aggregate' } : {}),
        expect: expect.value,
      };
      return [...(old ? [{ kind: 'REMOVE_TEST', name: old.name }] : []), { kind: 'ADD_TEST', test: JSON.stringify(test) }];
    });
  }

  function renderTests() {
    const callerText = (c) => [c?.dept ? label('dept', c.dept) : t('console.forms.test.public'), list(c?.roles).map((r) => label('role', r)).join(t('common.listSeparator')), c?.region, c?.purpose].filter(Boolean).join(t('common.sentenceSeparator'));
    testsSlot.replaceChildren(
      table(t('console.forms.test.caption'), [
        { label: t('console.forms.test.name'), cell: (x) => x.name },
        { label: t('console.forms.test.caller'), cell: (x) => callerText(x.caller) },
        { label: t('console.condition.field'), cell: (x) => h('code', {}, `${x.type}.${x.field}`) },
        { label: t('console.forms.test.action'), cell: (x) => label('policyAction', x.action ?? 'read') },
        { label: t('console.forms.test.record'), cell: (x) => (x.record ? h('code', {}, JSON.stringify(x.record)) : '') },
        { label: t('console.forms.test.expect'), cell: (x) => enumBadge('decision', x.expect) },
        { label: t('console.forms.actions'), cell: (x) => h('span', { class: 'row-actions' },
          h('button', { type: 'button', class: 'link', 'aria-label': t('console.forms.edit', { what: x.name }), onclick: (e) => act(e.currentTarget, () => testForm(tests.indexOf(x))) }, t('console.forms.editShort')),
          h('button', { type: 'button', class: 'link danger', 'aria-label': t('console.forms.remove', { what: x.name }), onclick: (e) => act(e.currentTarget, () => run([{ kind: 'REMOVE_TEST', name: x.name }])) }, t('console.forms.removeShort'))) },
      ], tests, t('console.forms.test.none')),
      h('button', { type: 'button', class: 'secondary', onclick: (e) => act(e.currentTarget, () => testForm(null)) }, t('console.forms.test.add')),
    );
  }

  const unreadable = h('p', { class: 'hint', hidden: true }, t('console.forms.unreadable'));
  const element = h('div', { class: 'document-forms' },
    dialog,
    unreadable,
    h('h3', {}, t('console.forms.policy.title')), policiesSlot, rulesSlot,
    h('h3', {}, t('console.forms.test.title')), testsSlot);

  /** Shows the document being edited (its JSON text); text that is not a JSON array leaves the forms as they were. */
  function refresh(policiesText, testsText) {
    const p = parsed(policiesText);
    const ts = parsed(testsText);
    unreadable.hidden = Boolean(p && ts);
    if (!p || !ts) return;
    policies = p.filter((x) => x && typeof x === 'object');
    tests = ts.filter((x) => x && typeof x === 'object');
    if (openPolicy && !policies.some((x) => x.id === openPolicy)) openPolicy = null;
    renderPolicies();
    renderRules();
    renderTests();
  }
  return { element, refresh };
}
