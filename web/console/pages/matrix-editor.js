// Editing the permission matrix (issue 18): with a draft chosen (or a new draft based on a version), a cell opens an
// editor offering only the decisions the API says an edit can give it (policyCellOptions), a NOT_SHARED opening
// marked as needing the owner's co-signature, and an optional row condition (condition-builder.js). Each edit goes to
// previewPolicyEdit, which rewrites the policy document (the JSON below the grid stays the single source, and may be
// edited by hand too), validates it and answers the impact and the matrix under it. Save draft stores it with
// draftPolicyVersion, like the Policies page; the draft is then submitted for a second officer's review there.
import { ApiError, act, gql, showError, showStatus } from '../api.js';
import { badge, enumBadge, field, h, pretty, table } from '../dom.js';
import { label, t } from '../../shared/i18n.js';
import { conditionBuilder } from './condition-builder.js';
import { documentForms } from './document-forms.js';

// Every string through the catalogues (web/shared/messages), read when used, so a language switch shows at once.
export const MESSAGES = {
  get edit() { return t('console.edit.edit'); },
  get readOnly() { return t('console.edit.readOnly'); },
  newDraft: (n) => t('console.edit.newDraft', { n }),
  fromDraft: (n) => t('console.edit.fromDraft', { n }),
  editing: (n, basedOn) => t('console.edit.editing', { n, basedOn }),
  cellTitle: (field, dept, role) => t('console.edit.cellTitle', { field, dept, role }),
  now: (word) => t('console.edit.now', { word }),
  get decision() { return t('console.edit.decision'); },
  cosign: (dept) => t('console.edit.cosign', { dept }),
  get cosignNote() { return t('console.edit.cosignNote'); },
  get limit() { return t('console.edit.limit'); },
  get apply() { return t('console.edit.apply'); },
  get cancel() { return t('console.edit.cancel'); },
  get noOptions() { return t('console.edit.noOptions'); },
  get problems() { return t('console.edit.problems'); },
  get valid() { return t('console.edit.valid'); },
  invalid: (n) => t('console.edit.invalid', { count: n }),
  cosignNeeded: (list) => t('console.edit.cosignNeeded', { list }),
  get failingTest() { return t('console.edit.failingTest'); },
  testFails: (name, expected, actual) => t('console.edit.testFails', { name, expected, actual }),
  changedCell: (gains, before, after) => t(gains ? 'console.edit.changedGains' : 'console.edit.changedLoses', { before, after }),
  get impact() { return t('console.edit.impact'); },
  get impactCaption() { return t('console.edit.impactCaption'); },
  get noImpact() { return t('console.edit.noImpact'); },
  get untested() { return t('console.edit.untested'); },
  get document() { return t('console.edit.document'); },
  get tests() { return t('console.edit.tests'); },
  get jsonHint() { return t('console.edit.jsonHint'); },
  get check() { return t('console.edit.check'); },
  get undo() { return t('console.edit.undo'); },
  get reason() { return t('console.edit.reason'); },
  get save() { return t('console.edit.save'); },
  saved: (n) => t('console.edit.saved', { n }),
  get submit() { return t('console.edit.submit'); },
  submitted: (n) => t('console.edit.submitted', { n }),
  get needReason() { return t('console.edit.needReason'); },
  col: {
    get dept() { return t('console.edit.col.dept'); },
    get role() { return t('console.edit.col.role'); },
    get field() { return t('console.edit.col.field'); },
    get before() { return t('console.edit.col.before'); },
    get after() { return t('console.edit.col.after'); },
    get direction() { return t('console.edit.col.direction'); },
    get tests() { return t('console.edit.col.tests'); },
  },
};

const VERSIONS = `query ConsoleMatrixVersions { activePolicyVersion { number } policyVersions(state: DRAFT, first: 100) { edges { node { number } } } }`;
const VERSION = `query ConsoleMatrixVersion($number: Int!) { policyVersion(number: $number) { number state basedOn document testsDocument } }`;
const PREVIEW = `query ConsolePreviewEdit($basedOn: Int!, $policies: String, $tests: String, $edits: [PolicyEditInput!]!, $type: String) {
  previewPolicyEdit(basedOn: $basedOn, policies: $policies, tests: $tests, edits: $edits, type: $type) {
    policies tests valid editProblems { edit message } problems { path policyId rule message } cosignaturesRequired { dept fields }
    impact { dept role type field before after direction coveredBy } failingTests { name expected actual }
    matrix { type version region purpose columns { dept role }
      rows { field owner sharing open sensitivity mask cells { dept role decision decisionInScope reason source sourceId dependsOnRecord condition } } }
  }
}`;
const OPTIONS = `query ConsoleCellOptions($policies: String!, $type: String!, $field: String!, $dept: String!, $role: String!) {
  policyCellOptions(policies: $policies, type: $type, field: $field, dept: $dept, role: $role) { decision needsCosignatureOf }
}`;
const DRAFT = `mutation ConsoleMatrixDraft($input: DraftPolicyInput!) { draftPolicyVersion(input: $input) { number state } }`;
const SUBMIT = `mutation ConsoleMatrixSubmit($number: Int!) { submitPolicyVersion(number: $number) { number state } }`;

/** replaceChildren without the nulls of optional parts (the DOM would write them as the text "null"). */
const fill = (el, ...children) => el.replaceChildren(...children.filter((c) => c !== null && c !== undefined));

/** The "Edit" chooser: read only, a new draft based on the version in force, or each saved draft. */
export function draftChooser() {
  const chooser = h('select', {}, h('option', { value: '' }, MESSAGES.readOnly));
  gql(VERSIONS)
    .then((d) => chooser.append(
      h('option', { value: String(d.activePolicyVersion.number) }, MESSAGES.newDraft(d.activePolicyVersion.number)),
      ...d.policyVersions.edges.map((e) => h('option', { value: String(e.node.number) }, MESSAGES.fromDraft(e.node.number))),
    ))
    .catch(showError);
  return field(MESSAGES.edit, chooser);
}

function impactView(impact) {
  return table(MESSAGES.impactCaption, [
    { label: MESSAGES.col.dept, cell: (c) => label('dept', c.dept) },
    { label: MESSAGES.col.role, cell: (c) => label('role', c.role) },
    { label: MESSAGES.col.field, cell: (c) => h('code', {}, `${c.type}.${c.field}`) },
    { label: MESSAGES.col.before, cell: (c) => enumBadge('decision', c.before) },
    { label: MESSAGES.col.after, cell: (c) => enumBadge('decision', c.after) },
    { label: MESSAGES.col.direction, cell: (c) => enumBadge('direction', c.direction) },
    { label: MESSAGES.col.tests, cell: (c) => (c.coveredBy.length ? c.coveredBy.join('; ') : badge(MESSAGES.untested, 'untested')) },
  ], impact, MESSAGES.noImpact);
}

/**
 * Starts editing `type` from version `number`. `renderMatrix(matrix, onEdit)` draws the grid (matrix.js) and returns
 * it; `out` is where the editor goes.
 */
export async function startEditing({ type, number, out, renderMatrix, word }) {
  const { policyVersion: v } = await gql(VERSION, { number });
  // Versions never change: an edit of a saved draft is stored as a new draft of what that draft was edited from.
  const basedOn = v.state === 'DRAFT' ? v.basedOn : v.number;
  let savedNumber = null;
  const gridSlot = h('div', {});
  const problemsSlot = h('div', { role: 'status', 'aria-live': 'polite' });
  const impactSlot = h('div', {});
  const documentText = h('textarea', { rows: 14, class: 'mono', spellcheck: 'false' });
  const testsText = h('textarea', { rows: 8, class: 'mono', spellcheck: 'false' });
  const reason = h('input', { type: 'text' });
  const submitButton = h('button', { type: 'button', class: 'primary', disabled: true }, MESSAGES.submit);
  const dialog = h('dialog', { class: 'cell-editor', 'aria-labelledby': 'cell-editor-title' });
  // What the document was before each edit, so an officer can take edits back one by one before saving.
  const undoStack = [];
  const undoButton = h('button', { type: 'button', class: 'secondary', disabled: true }, MESSAGES.undo);

  const preview = async (edits) => {
    const before = { policies: documentText.value, tests: testsText.value };
    const { previewPolicyEdit: p } = await gql(PREVIEW, { basedOn: v.number, policies: documentText.value, tests: testsText.value, edits, type });
    if (edits.length && (p.policies !== before.policies || p.tests !== before.tests)) undoStack.push(before);
    undoButton.disabled = undoStack.length === 0;
    documentText.value = p.policies;
    testsText.value = p.tests;
    forms.refresh(p.policies, p.tests);
    const problems = [
      ...p.editProblems.map((e) => ({ path: `edit ${e.edit + 1}`, message: e.message })),
      ...p.problems,
      ...p.failingTests.map((r) => ({ path: MESSAGES.failingTest, message: MESSAGES.testFails(r.name, r.expected, r.actual) })),
    ];
    const cosign = p.cosignaturesRequired.map((c) => `${label('dept', c.dept)} (${c.fields.join(', ')})`);
    fill(problemsSlot,
      h('p', {}, problems.length ? MESSAGES.invalid(problems.length) : cosign.length ? MESSAGES.cosignNeeded(cosign.join('; ')) : MESSAGES.valid),
      problems.length ? h('ul', { class: 'problems', 'aria-label': MESSAGES.problems }, problems.map((q) => h('li', { class: 'problem' }, h('code', { class: 'problem-path' }, q.path), q.message))) : null,
    );
    impactSlot.replaceChildren(impactView(p.impact));
    // The cells this draft changes against the version in force (policyImpact's province-level callers, as the grid's).
    const changed = new Map(p.impact.filter((c) => c.type === type).map((c) => [`${c.field}|${c.dept}|${c.role}`, { gains: c.direction === 'GAINS', text: MESSAGES.changedCell(c.direction === 'GAINS', word(c.before), word(c.after)) }]));
    if (p.matrix) gridSlot.replaceChildren(renderMatrix(p.matrix, openEditor, changed));
  };

  const forms = documentForms({ type, apply: preview });
  undoButton.addEventListener('click', () => act(null, async () => {
    const last = undoStack.pop();
    if (!last) return;
    documentText.value = last.policies;
    testsText.value = last.tests;
    await preview([]);
  }));

  async function openEditor(row, c, td) {
    const { policyCellOptions: options } = await gql(OPTIONS, { policies: documentText.value, type, field: row.field, dept: c.dept, role: c.role });
    let conditions = null;
    const builder = conditionBuilder(type, (value) => { conditions = value; });
    const limit = h('input', { type: 'checkbox', onchange: (e) => { builder.element.hidden = !e.target.checked; } });
    builder.element.hidden = true;
    const radios = options.map((o, i) => h('label', { class: 'option' },
      h('input', { type: 'radio', name: 'cell-decision', value: o.decision, checked: i === 0 }),
      ` ${word(o.decision)}`, o.needsCosignatureOf ? h('span', { class: 'cosign-note' }, ` — ${MESSAGES.cosign(label('dept', o.needsCosignatureOf))}`) : null));
    const close = () => { dialog.close(); td.focus(); };
    const apply = h('button', { type: 'button', class: 'primary', disabled: options.length === 0, onclick: (e) => act(e.currentTarget, async () => {
      const decision = dialog.querySelector('input[name="cell-decision"]:checked')?.value;
      const scoped = limit.checked && conditions ? JSON.stringify(conditions) : null;
      dialog.close();
      await preview([{ kind: 'SET_CELL', type, field: row.field, dept: c.dept, role: c.role, decision, conditions: scoped }]);
      gridSlot.querySelector(`td[data-cell="${row.field}|${c.dept}|${c.role}"]`)?.focus();
    }) }, MESSAGES.apply);
    fill(dialog,
      h('h2', { id: 'cell-editor-title' }, MESSAGES.cellTitle(`${type}.${row.field}`, label('dept', c.dept), label('role', c.role))),
      h('p', {}, MESSAGES.now(word(c.decisionInScope))),
      options.length
        ? h('fieldset', { class: 'options' }, h('legend', {}, MESSAGES.decision), radios)
        : h('p', { class: 'empty' }, MESSAGES.noOptions),
      options.some((o) => o.needsCosignatureOf) ? h('p', { class: 'hint' }, MESSAGES.cosignNote) : null,
      h('label', { class: 'inline' }, limit, ` ${MESSAGES.limit}`),
      builder.element,
      h('div', { class: 'actions' }, apply, h('button', { type: 'button', class: 'secondary', onclick: close }, MESSAGES.cancel)),
    );
    dialog.showModal();
  }

  const save = async () => {
    if (!reason.value.trim()) throw new Error(MESSAGES.needReason);
    try {
      const { draftPolicyVersion: d } = await gql(DRAFT, { input: { basedOn, policies: documentText.value, tests: testsText.value, reason: reason.value.trim() } });
      savedNumber = d.number;
      submitButton.disabled = false;
      showStatus(MESSAGES.saved(d.number));
    } catch (error) {
      if (error instanceof ApiError && error.problems.length) problemsSlot.replaceChildren(h('ul', { class: 'problems', 'aria-label': MESSAGES.problems }, error.problems.map((q) => h('li', { class: 'problem' }, h('code', { class: 'problem-path' }, q.path), q.message))));
      throw error;
    }
  };
  // Disabled until a draft is saved, and again once it is submitted (act would enable it again).
  submitButton.addEventListener('click', () => act(null, async () => {
    submitButton.disabled = true;
    try {
      const { submitPolicyVersion: s } = await gql(SUBMIT, { number: savedNumber });
      showStatus(MESSAGES.submitted(s.number));
    } catch (error) {
      submitButton.disabled = false;
      throw error;
    }
  }));

  documentText.value = pretty(v.document);
  testsText.value = pretty(v.testsDocument);
  out.replaceChildren(
    h('p', { class: 'muted' }, MESSAGES.editing(v.number, basedOn)),
    gridSlot,
    dialog,
    h('h3', {}, MESSAGES.problems), problemsSlot,
    h('h3', {}, MESSAGES.impact), impactSlot,
    h('div', { class: 'actions' }, undoButton),
    forms.element,
    h('div', { class: 'editor-text' }, field(MESSAGES.document, documentText, MESSAGES.jsonHint), field(MESSAGES.tests, testsText)),
    h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'secondary', onclick: (e) => act(e.currentTarget, () => preview([])) }, MESSAGES.check),
      field(MESSAGES.reason, reason),
      h('button', { type: 'button', class: 'primary', onclick: (e) => act(e.currentTarget, save) }, MESSAGES.save),
      submitButton),
  );
  await preview([]);
}
