// Policies: the versions of the policy document and their workflow (draft, review by a second security officer,
// co-signatures, activation), a JSON editor with validation, impact of a draft, and diffs between versions.
import { ApiError, act, gql, showError, showStatus } from '../api.js';
import { badge, field, h, pretty, section, select, table, when } from '../dom.js';
import { diffView, impactTable } from './policy-views.js';

const SUMMARY = 'number state basedOn author authorDept reason createdAt hash';
const LIST = `query ConsolePolicyVersions($state: PolicyState) {
  activePolicyVersion { ${SUMMARY} }
  policyVersions(state: $state, first: 100) { totalCount edges { node { ${SUMMARY} } } }
}`;
const DETAIL = `query ConsolePolicyVersion($number: Int!) {
  policyVersion(number: $number) {
    ${SUMMARY} document testsDocument
    cosignatures { dept fields signedBy signedAt reason }
    history { at actor actorDept action fromState toState reason }
  }
}`;
const VALIDATE = `query ConsoleValidate($policies: String!, $tests: String) {
  validatePolicies(policies: $policies, tests: $tests) { valid problems { path policyId rule message } cosignaturesRequired { dept fields } }
}`;
const DRAFT = `mutation ConsoleDraft($input: DraftPolicyInput!) { draftPolicyVersion(input: $input) { number state } }`;
const IMPACT = `query ConsoleImpact($number: Int!) {
  policyImpact(number: $number) { version comparedWith changes { dept role type field before after direction } }
}`;
const DIFF = `query ConsoleDiff($from: Int!, $to: Int!) {
  policyDiff(from: $from, to: $to) { from to text changes { kind target policyId rule before after } }
}`;

/** Workflow steps: mutation, button label, the states it applies to, whether a reason is required. */
const STEPS = [
  { mutation: 'submitPolicyVersion', label: 'Submit for review', states: ['DRAFT'], reasonRequired: false },
  { mutation: 'approvePolicyVersion', label: 'Approve', states: ['IN_REVIEW'], reasonRequired: false },
  { mutation: 'cosignPolicyVersion', label: 'Co-sign', states: ['DRAFT', 'IN_REVIEW'], reasonRequired: true, needsCosign: true },
  { mutation: 'rejectPolicyVersion', label: 'Reject', states: ['DRAFT', 'IN_REVIEW'], reasonRequired: true },
  { mutation: 'activatePolicyVersion', label: 'Activate', states: ['APPROVED'], reasonRequired: false },
  { mutation: 'restorePolicyVersion', label: 'Restore as new draft', states: ['APPROVED', 'SUPERSEDED', 'REJECTED'], reasonRequired: true },
];

function stepMutation(name, reasonRequired) {
  return `mutation ConsoleStep($number: Int!, $reason: String${reasonRequired ? '!' : ''}) { ${name}(number: $number, reason: $reason) { number state } }`;
}

function problemList(problems) {
  return problems.map((p) =>
    h(
      'li',
      { class: 'problem' },
      h('code', { class: 'problem-path' }, p.path || 'document'),
      p.policyId ? h('span', { class: 'problem-where' }, `policy “${p.policyId}”${p.rule !== null && p.rule !== undefined ? `, rule ${p.rule}` : ''}`) : null,
      h('span', { class: 'problem-message' }, p.message),
    ),
  );
}

function parseProblems(policies, tests) {
  const problems = [];
  for (const [path, text, what] of [['policies', policies, 'policy document'], ['tests', tests, 'tests document']]) {
    try {
      if (!Array.isArray(JSON.parse(text))) problems.push({ path, message: `The ${what} must be a JSON array.` });
    } catch (e) {
      problems.push({ path, message: `The ${what} is not valid JSON: ${e.message}.` });
    }
  }
  return problems;
}

export function policiesPage({ navigate }) {
  const stateFilter = select([{ value: '', label: 'all states' }, 'DRAFT', 'IN_REVIEW', 'APPROVED', 'ACTIVE', 'SUPERSEDED', 'REJECTED']);
  const listSlot = h('div', {}, h('p', { class: 'muted' }, 'Loading versions…'));
  const activeSlot = h('p', { class: 'active-version' });
  const detailSlot = h('div');
  const editorSlot = h('div');
  const diffSlot = h('div');
  let versions = [];
  let active = null;
  let selected = null;

  // ---- the editor --------------------------------------------------------------------------------
  const documentText = h('textarea', { rows: 22, class: 'mono', spellcheck: 'false' });
  const testsText = h('textarea', { rows: 12, class: 'mono', spellcheck: 'false' });
  const changeReason = h('input', { type: 'text', autocomplete: 'off', placeholder: 'why this change is needed' });
  const basedOnNote = h('p', { class: 'muted' });
  const problems = h('ul', { class: 'problems', 'aria-label': 'Validation problems' });
  const verdict = h('p', { class: 'verdict', 'aria-live': 'polite' });
  let basedOn = null;
  const showProblems = (list, headline) => {
    verdict.textContent = headline;
    verdict.className = list.length ? 'verdict bad' : 'verdict good';
    problems.replaceChildren(...problemList(list));
  };
  const validate = async () => {
    const local = parseProblems(documentText.value, testsText.value);
    if (local.length) return showProblems(local, `${local.length} problem${local.length > 1 ? 's' : ''}: fix the JSON first.`);
    const { validatePolicies: v } = await gql(VALIDATE, { policies: documentText.value, tests: testsText.value });
    const cosign = v.cosignaturesRequired.map((c) => `${c.dept} must co-sign (${c.fields.join(', ')})`);
    showProblems(v.problems, v.valid ? `The document is valid.${cosign.length ? ` Co-signatures needed: ${cosign.join('; ')}.` : ''}` : `${v.problems.length} problem${v.problems.length > 1 ? 's' : ''} found.`);
  };
  const saveDraft = async () => {
    const local = parseProblems(documentText.value, testsText.value);
    if (local.length) return showProblems(local, `${local.length} problem${local.length > 1 ? 's' : ''}: fix the JSON first.`);
    if (!changeReason.value.trim()) return showError(new Error('Give a reason for the change before saving a draft.'));
    try {
      const { draftPolicyVersion: v } = await gql(DRAFT, { input: { basedOn, policies: documentText.value, tests: testsText.value, reason: changeReason.value.trim() } });
      showProblems([], '');
      changeReason.value = '';
      await loadList();
      await select_(v.number);
      showStatus(`Draft version ${v.number} saved. Submit it for review when ready.`);
    } catch (error) {
      if (error instanceof ApiError && error.problems.length) showProblems(error.problems, `The draft was refused: ${error.problems.length} problem${error.problems.length > 1 ? 's' : ''}.`);
      throw error;
    }
  };
  const formatButton = h('button', { type: 'button', class: 'secondary', onclick: () => { documentText.value = pretty(documentText.value); testsText.value = pretty(testsText.value); } }, 'Format JSON');
  const validateButton = h('button', { type: 'button', class: 'secondary', onclick: (e) => act(e.currentTarget, validate) }, 'Validate');
  const saveButton = h('button', { type: 'button', class: 'primary', onclick: (e) => act(e.currentTarget, saveDraft) }, 'Save draft');
  editorSlot.append(
    section(
      'Edit the policy document',
      basedOnNote,
      h(
        'div',
        { class: 'editor' },
        h('div', { class: 'editor-text' }, field('Policy document (JSON)', documentText, 'A JSON array of role policies: { id, dept, role, description?, rules: [{ action, subject, fields?, conditions?, inverted?, reason? }] }'), field('Policy tests (JSON)', testsText, 'A JSON array of tests: { name, caller: { dept, roles, region?, purpose? }, type, field, record?, expect: FULL | MASKED | DENIED }')),
        h('aside', { class: 'editor-problems', 'aria-label': 'Validation' }, h('h3', {}, 'Validation'), verdict, problems),
      ),
      field('Reason for the change', changeReason),
      h('div', { class: 'actions' }, formatButton, validateButton, saveButton),
    ),
  );

  // ---- one version -----------------------------------------------------------------------------------
  const renderDetail = (v) => {
    const reason = h('input', { type: 'text', autocomplete: 'off' });
    const impactSlot = h('div');
    const pendingCosign = v.cosignatures.some((c) => !c.signedBy);
    const buttons = STEPS.filter((s) => s.states.includes(v.state) && (!s.needsCosign || pendingCosign)).map((s) =>
      h('button', {
        type: 'button',
        class: s.mutation === 'rejectPolicyVersion' ? 'danger' : 'primary',
        onclick: (e) =>
          act(e.currentTarget, async () => {
            if (s.reasonRequired && !reason.value.trim()) throw new Error(`Give a reason to ${s.label.toLowerCase()}.`);
            const data = await gql(stepMutation(s.mutation, s.reasonRequired), { number: v.number, reason: reason.value.trim() || null });
            const result = data[s.mutation];
            await loadList();
            await select_(result.number);
            showStatus(result.number === v.number ? `Version ${v.number} is now ${result.state}.` : `Version ${v.number} restored as draft version ${result.number}.`);
          }),
      }, s.label),
    );
    const impactButton = h('button', {
      type: 'button',
      class: 'secondary',
      onclick: (e) => act(e.currentTarget, async () => impactSlot.replaceChildren(impactTable((await gql(IMPACT, { number: v.number })).policyImpact))),
    }, 'Show impact');
    const testsButton = h('button', { type: 'button', class: 'secondary', onclick: () => navigate(`tests/${v.number}`) }, 'Run tests');
    detailSlot.replaceChildren(
      section(
        `Version ${v.number}`,
        h(
          'dl',
          { class: 'meta' },
          h('dt', {}, 'State'), h('dd', {}, badge(v.state)),
          h('dt', {}, 'Based on'), h('dd', {}, v.basedOn ?? '—'),
          h('dt', {}, 'Author'), h('dd', {}, `${v.author} (${v.authorDept})`),
          h('dt', {}, 'Reason'), h('dd', {}, v.reason),
          h('dt', {}, 'Created'), h('dd', {}, when(v.createdAt)),
          h('dt', {}, 'Hash'), h('dd', {}, h('code', {}, v.hash.slice(0, 16))),
        ),
        v.cosignatures.length
          ? table('Co-signatures', [
              { label: 'Owning department', cell: (c) => c.dept },
              { label: 'NOT_SHARED fields opened', cell: (c) => c.fields.join(', ') },
              { label: 'Signed by', cell: (c) => (c.signedBy ? `${c.signedBy}, ${when(c.signedAt)}` : badge('missing', 'rejected')) },
              { label: 'Reason', cell: (c) => c.reason ?? '' },
            ], v.cosignatures)
          : null,
        h('div', { class: 'workflow' }, field('Reason for this step', reason, 'Required to reject, co-sign or restore; recorded in the history.'), h('div', { class: 'actions' }, ...buttons, impactButton, testsButton)),
        impactSlot,
        h('details', {}, h('summary', {}, `History (${v.history.length} steps)`), table(`History of version ${v.number}`, [
          { label: 'When', cell: (e) => when(e.at) },
          { label: 'Who', cell: (e) => `${e.actor} (${e.actorDept})` },
          { label: 'Action', cell: (e) => e.action },
          { label: 'State', cell: (e) => `${e.fromState ? `${e.fromState} → ` : ''}${e.toState}` },
          { label: 'Reason', cell: (e) => e.reason ?? '' },
        ], v.history)),
      ),
    );
  };

  async function select_(number) {
    const { policyVersion: v } = await gql(DETAIL, { number });
    if (!v) throw new Error(`There is no policy version ${number}.`);
    selected = v;
    renderDetail(v);
    basedOn = v.number;
    basedOnNote.textContent = `Editing from version ${v.number} (${v.state}). Saving stores a new draft based on it.`;
    documentText.value = pretty(v.document);
    testsText.value = pretty(v.testsDocument);
    showProblems([], '');
    renderList();
  }

  // ---- the list and the diff ------------------------------------------------------------------------
  const fromSelect = h('select');
  const toSelect = h('select');
  const renderList = () => {
    activeSlot.replaceChildren(active ? h('span', {}, 'In force: ', h('strong', {}, `version ${active.number}`), ` by ${active.author} (${active.authorDept}), ${when(active.createdAt)}: ${active.reason}`) : '');
    listSlot.replaceChildren(
      table('Policy versions, newest first', [
        { label: 'Version', cell: (v) => h('button', { type: 'button', class: 'link', 'aria-label': `Open version ${v.number}`, 'aria-current': selected?.number === v.number ? 'true' : null, onclick: (e) => act(e.currentTarget, () => select_(v.number)) }, String(v.number)) },
        { label: 'State', cell: (v) => badge(v.state) },
        { label: 'Based on', cell: (v) => v.basedOn ?? '—', class: 'num' },
        { label: 'Author', cell: (v) => `${v.author} (${v.authorDept})` },
        { label: 'Reason', cell: (v) => v.reason },
        { label: 'Created', cell: (v) => when(v.createdAt) },
      ], versions, 'No version in this state.'),
    );
    const options = versions.map((v) => ({ value: String(v.number), label: `${v.number} (${v.state})` }));
    const keep = [fromSelect.value, toSelect.value];
    fromSelect.replaceChildren(...options.map((o) => h('option', { value: o.value }, o.label)));
    toSelect.replaceChildren(...options.map((o) => h('option', { value: o.value }, o.label)));
    fromSelect.value = keep[0] || String(active?.number ?? options[options.length - 1]?.value ?? '');
    toSelect.value = keep[1] || options[0]?.value || '';
  };
  async function loadList() {
    const data = await gql(LIST, { state: stateFilter.value || null });
    active = data.activePolicyVersion;
    versions = data.policyVersions.edges.map((e) => e.node);
    renderList();
  }
  stateFilter.addEventListener('change', () => act(null, loadList));
  const diffOut = h('div');
  const diffButton = h('button', {
    type: 'button',
    class: 'primary',
    onclick: (e) => act(e.currentTarget, async () => diffOut.replaceChildren(diffView((await gql(DIFF, { from: Number(fromSelect.value), to: Number(toSelect.value) })).policyDiff))),
  }, 'Show diff');
  diffSlot.append(section('Compare versions', h('div', { class: 'row' }, field('From version', fromSelect), field('To version', toSelect), h('div', { class: 'actions end' }, diffButton)), diffOut));

  act(null, async () => {
    await loadList();
    if (active) await select_(active.number);
  });

  return h(
    'div',
    { class: 'page' },
    h('h1', {}, 'Policies'),
    section('Policy versions', activeSlot, h('div', { class: 'row' }, field('State', stateFilter)), listSlot),
    detailSlot,
    editorSlot,
    diffSlot,
  );
}
