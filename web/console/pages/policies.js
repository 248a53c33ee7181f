// Policies: the versions of the policy document and their workflow (draft, review by a second security officer,
// co-signatures, activation), a JSON editor with validation, impact of a draft, and diffs between versions.
import { ApiError, act, gql, showError, showStatus } from '../api.js';
import { badge, enumBadge, field, h, pretty, section, select, table, when } from '../dom.js';
import { label, t } from '../../shared/i18n.js';
import { changedCells, diffView, impactTable } from './policy-views.js';

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
  policyImpact(number: $number) { version comparedWith changes { dept role type field before after direction coveredBy } }
}`;
const DIFF = `query ConsoleDiff($from: Int!, $to: Int!) {
  policyDiff(from: $from, to: $to) { from to text changes { kind target policyId rule before after } }
}`;

const stepLabel = (s) => t(`console.policies.step.${s.key}`);

/** Workflow steps: mutation, button label (console.policies.step.<key>), the states it applies to, whether a reason is required. */
const STEPS = [
  { mutation: 'submitPolicyVersion', key: 'submit', states: ['DRAFT'], reasonRequired: false },
  { mutation: 'approvePolicyVersion', key: 'approve', states: ['IN_REVIEW'], reasonRequired: false },
  { mutation: 'cosignPolicyVersion', key: 'cosign', states: ['DRAFT', 'IN_REVIEW'], reasonRequired: true, needsCosign: true },
  { mutation: 'rejectPolicyVersion', key: 'reject', states: ['DRAFT', 'IN_REVIEW'], reasonRequired: true },
  { mutation: 'activatePolicyVersion', key: 'activate', states: ['APPROVED'], reasonRequired: false },
  { mutation: 'restorePolicyVersion', key: 'restore', states: ['APPROVED', 'SUPERSEDED', 'REJECTED'], reasonRequired: true },
];

function stepMutation(name, reasonRequired) {
  return `mutation ConsoleStep($number: Int!, $reason: String${reasonRequired ? '!' : ''}) { ${name}(number: $number, reason: $reason) { number state } }`;
}

function problemList(problems) {
  return problems.map((p) =>
    h(
      'li',
      { class: 'problem' },
      h('code', { class: 'problem-path' }, p.path || t('console.policies.documentPath')),
      p.policyId ? h('span', { class: 'problem-where' }, p.rule !== null && p.rule !== undefined ? t('console.policies.whereRule', { policy: p.policyId, rule: p.rule }) : t('console.policies.where', { policy: p.policyId })) : null,
      h('span', { class: 'problem-message' }, p.message),
    ),
  );
}

function parseProblems(policies, tests) {
  const problems = [];
  for (const [path, text, what] of [['policies', policies, t('console.policies.policyDocument')], ['tests', tests, t('console.policies.testsDocument')]]) {
    try {
      if (!Array.isArray(JSON.parse(text))) problems.push({ path, message: t('console.policies.notArray', { what }) });
    } catch (e) {
      problems.push({ path, message: t('console.policies.notJson', { what, error: e.message }) });
    }
  }
  return problems;
}

export function policiesPage({ navigate }) {
  const stateFilter = select([{ value: '', label: t('console.policies.allStates') }, ...['DRAFT', 'IN_REVIEW', 'APPROVED', 'ACTIVE', 'SUPERSEDED', 'REJECTED'].map((v) => ({ value: v, label: label('state', v) }))]);
  const listSlot = h('div', {}, h('p', { class: 'muted' }, t('console.policies.loading')));
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
  const changeReason = h('input', { type: 'text', autocomplete: 'off', placeholder: t('console.policies.reasonPlaceholder') });
  const basedOnNote = h('p', { class: 'muted' });
  const problems = h('ul', { class: 'problems', 'aria-label': t('console.policies.problemsLabel') });
  const verdict = h('p', { class: 'verdict', 'aria-live': 'polite' });
  let basedOn = null;
  const showProblems = (list, headline) => {
    verdict.textContent = headline;
    verdict.className = list.length ? 'verdict bad' : 'verdict good';
    problems.replaceChildren(...problemList(list));
  };
  const validate = async () => {
    const local = parseProblems(documentText.value, testsText.value);
    if (local.length) return showProblems(local, t('console.policies.fixJson', { count: local.length }));
    const { validatePolicies: v } = await gql(VALIDATE, { policies: documentText.value, tests: testsText.value });
    const cosign = v.cosignaturesRequired.map((c) => t('console.policies.cosign', { dept: label('dept', c.dept), fields: c.fields.join(', ') }));
    showProblems(v.problems, v.valid ? (cosign.length ? t('console.policies.validCosign', { cosign: cosign.join('; ') }) : t('console.policies.valid')) : t('console.policies.found', { count: v.problems.length }));
  };
  const saveDraft = async () => {
    const local = parseProblems(documentText.value, testsText.value);
    if (local.length) return showProblems(local, t('console.policies.fixJson', { count: local.length }));
    if (!changeReason.value.trim()) return showError(new Error(t('console.policies.needReason')));
    try {
      const { draftPolicyVersion: v } = await gql(DRAFT, { input: { basedOn, policies: documentText.value, tests: testsText.value, reason: changeReason.value.trim() } });
      showProblems([], '');
      changeReason.value = '';
      await loadList();
      await select_(v.number);
      showStatus(t('console.policies.saved', { number: v.number }));
    } catch (error) {
      if (error instanceof ApiError && error.problems.length) showProblems(error.problems, t('console.policies.refused', { count: error.problems.length }));
      throw error;
    }
  };
  const formatButton = h('button', { type: 'button', class: 'secondary', onclick: () => { documentText.value = pretty(documentText.value); testsText.value = pretty(testsText.value); } }, t('console.policies.format'));
  const validateButton = h('button', { type: 'button', class: 'secondary', onclick: (e) => act(e.currentTarget, validate) }, t('console.policies.validate'));
  const saveButton = h('button', { type: 'button', class: 'primary', onclick: (e) => act(e.currentTarget, saveDraft) }, t('console.policies.save'));
  editorSlot.append(
    section(
      t('console.policies.editTitle'),
      basedOnNote,
      h(
        'div',
        { class: 'editor' },
        h('div', { class: 'editor-text' }, field(t('console.policies.documentField'), documentText, t('console.policies.documentHint')), field(t('console.policies.testsField'), testsText, t('console.policies.testsHint'))),
        h('aside', { class: 'editor-problems', 'aria-label': t('console.policies.validation') }, h('h3', {}, t('console.policies.validation')), verdict, problems),
      ),
      field(t('console.policies.changeReason'), changeReason),
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
            if (s.reasonRequired && !reason.value.trim()) throw new Error(t('console.policies.stepReason', { step: stepLabel(s).toLowerCase() }));
            const data = await gql(stepMutation(s.mutation, s.reasonRequired), { number: v.number, reason: reason.value.trim() || null });
            const result = data[s.mutation];
            await loadList();
            await select_(result.number);
            showStatus(result.number === v.number ? t('console.policies.nowState', { number: v.number, state: label('state', result.state) }) : t('console.policies.restored', { number: v.number, draft: result.number }));
          }),
      }, stepLabel(s)),
    );
    const impactButton = h('button', {
      type: 'button',
      class: 'secondary',
      onclick: (e) => act(e.currentTarget, async () => impactSlot.replaceChildren(impactTable((await gql(IMPACT, { number: v.number })).policyImpact))),
    }, t('console.policies.impact'));
    const testsButton = h('button', { type: 'button', class: 'secondary', onclick: () => navigate(`tests/${v.number}`) }, t('console.policies.runTests'));
    // A version under review (or a draft) is shown against the one in force as the cells that change.
    const reviewSlot = h('div');
    if ((v.state === 'DRAFT' || v.state === 'IN_REVIEW' || v.state === 'APPROVED') && v.number !== active?.number) {
      reviewSlot.replaceChildren(h('p', { class: 'muted' }, t('console.policies.loading')));
      gql(IMPACT, { number: v.number })
        .then((data) => reviewSlot.replaceChildren(section(t('console.review.title'), changedCells(data.policyImpact))))
        .catch((error) => {
          reviewSlot.replaceChildren();
          showError(error);
        });
    }
    detailSlot.replaceChildren(
      section(
        t('console.policies.version', { number: v.number }),
        h(
          'dl',
          { class: 'meta' },
          h('dt', {}, t('console.policies.state')), h('dd', {}, enumBadge('state', v.state)),
          h('dt', {}, t('console.policies.basedOn')), h('dd', {}, v.basedOn ?? '—'),
          h('dt', {}, t('console.policies.author')), h('dd', {}, t('console.policies.person', { name: v.author, dept: label('dept', v.authorDept) })),
          h('dt', {}, t('console.policies.reason')), h('dd', {}, v.reason),
          h('dt', {}, t('console.policies.created')), h('dd', {}, when(v.createdAt)),
          h('dt', {}, t('console.policies.hash')), h('dd', {}, h('code', {}, v.hash.slice(0, 16))),
        ),
        v.cosignatures.length
          ? table(t('console.policies.cosignatures'), [
              { label: t('console.policies.owningDept'), cell: (c) => label('dept', c.dept) },
              { label: t('console.policies.fieldsOpened'), cell: (c) => c.fields.join(', ') },
              { label: t('console.policies.signedBy'), cell: (c) => (c.signedBy ? t('console.policies.signedAt', { who: c.signedBy, when: when(c.signedAt) }) : badge(t('console.policies.missing'), 'rejected')) },
              { label: t('console.policies.reason'), cell: (c) => c.reason ?? '' },
            ], v.cosignatures)
          : null,
        reviewSlot,
        h('div', { class: 'workflow' }, field(t('console.policies.stepReasonField'), reason, t('console.policies.stepReasonHint')), h('div', { class: 'actions' }, ...buttons, impactButton, testsButton)),
        impactSlot,
        h('details', {}, h('summary', {}, t('console.policies.history', { count: v.history.length })), table(t('console.policies.historyOf', { number: v.number }), [
          { label: t('console.policies.when'), cell: (e) => when(e.at) },
          { label: t('console.policies.who'), cell: (e) => t('console.policies.person', { name: e.actor, dept: label('dept', e.actorDept) }) },
          { label: t('console.policies.action'), cell: (e) => e.action },
          { label: t('console.policies.state'), cell: (e) => `${e.fromState ? `${label('state', e.fromState)} → ` : ''}${label('state', e.toState)}` },
          { label: t('console.policies.reason'), cell: (e) => e.reason ?? '' },
        ], v.history)),
      ),
    );
  };

  async function select_(number) {
    const { policyVersion: v } = await gql(DETAIL, { number });
    if (!v) throw new Error(t('console.policies.noVersion', { number }));
    selected = v;
    renderDetail(v);
    basedOn = v.number;
    basedOnNote.textContent = t('console.policies.editingFrom', { number: v.number, state: label('state', v.state) });
    documentText.value = pretty(v.document);
    testsText.value = pretty(v.testsDocument);
    showProblems([], '');
    renderList();
  }

  // ---- the list and the diff ------------------------------------------------------------------------
  const fromSelect = h('select');
  const toSelect = h('select');
  const renderList = () => {
    activeSlot.replaceChildren(active ? h('span', {}, t('console.policies.inForce'), h('strong', {}, t('console.policies.inForceVersion', { number: active.number })), t('console.policies.inForceBy', { author: active.author, dept: label('dept', active.authorDept), when: when(active.createdAt), reason: active.reason })) : '');
    listSlot.replaceChildren(
      table(t('console.policies.listCaption'), [
        { label: t('console.policies.versionCol'), cell: (v) => h('button', { type: 'button', class: 'link', 'aria-label': t('console.policies.open', { number: v.number }), 'aria-current': selected?.number === v.number ? 'true' : null, onclick: (e) => act(e.currentTarget, () => select_(v.number)) }, String(v.number)) },
        { label: t('console.policies.state'), cell: (v) => enumBadge('state', v.state) },
        { label: t('console.policies.basedOn'), cell: (v) => v.basedOn ?? '—', class: 'num' },
        { label: t('console.policies.author'), cell: (v) => t('console.policies.person', { name: v.author, dept: label('dept', v.authorDept) }) },
        { label: t('console.policies.reason'), cell: (v) => v.reason },
        { label: t('console.policies.created'), cell: (v) => when(v.createdAt) },
      ], versions, t('console.policies.none')),
    );
    const options = versions.map((v) => ({ value: String(v.number), label: t('console.policies.option', { number: v.number, state: label('state', v.state) }) }));
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
  }, t('console.policies.showDiff'));
  diffSlot.append(section(t('console.policies.compare'), h('div', { class: 'row' }, field(t('console.policies.from'), fromSelect), field(t('console.policies.to'), toSelect), h('div', { class: 'actions end' }, diffButton)), diffOut));

  act(null, async () => {
    await loadList();
    if (active) await select_(active.number);
  });

  return h(
    'div',
    { class: 'page' },
    h('h1', {}, t('console.policies.title')),
    section(t('console.policies.versions'), activeSlot, h('div', { class: 'row' }, field(t('console.policies.state'), stateFilter)), listSlot),
    detailSlot,
    editorSlot,
    diffSlot,
  );
}
