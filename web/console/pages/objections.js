// Objections (数据异议): a department objects to a value another department provides; the owning department's
// officers work through the queue of open objections to their data, oldest due first, each with its due date (so
// many working days, OBJECTION_DEADLINE_DAYS) and an overdue badge, and resolve it: CORRECTED with the version of
// the record their correcting write returned, or REJECTED with the reasons. The API decides who sees and may do what.
import { act, gql, session, showError, showStatus } from '../api.js';
import { enumBadge, field, h, section, select, table, when } from '../dom.js';
import { daysLeftText, overdueBadge } from './grants.js';
import { formatNumber, label, t } from '../../shared/i18n.js';

const FIELDS = 'id recordKey field proposedValue evidence reason objectorDept objector ownerDept state resolutionReason correctionVersion resolvedBy createdAt resolvedAt version dueOn overdue workingDaysLeft';
const QUEUE = `query ConsoleObjectionQueue($owner: String) { objections(filter: { state: OPEN, ownerDept: $owner }, first: 100) { totalCount edges { node { ${FIELDS} } } } objectionDeadlines { ownerDept open dueToday overdue } }`;
const RAISED = `query ConsoleObjectionsRaised($objector: String) { objections(filter: { objectorDept: $objector }, first: 100) { totalCount edges { node { ${FIELDS} } } } }`;
const RAISE = `mutation ConsoleRaiseObjection($input: ObjectionInput!) { raiseObjection(input: $input) { id ownerDept dueOn } }`;
const RESOLVE = `mutation ConsoleResolveObjection($id: ID!, $outcome: ObjectionOutcome!, $reason: String, $cv: Int, $v: Int!) { resolveObjection(id: $id, outcome: $outcome, reason: $reason, correctionVersion: $cv, expectedVersion: $v) { id state } }`;

function dueCell(o) {
  if (!o.dueOn) return '';
  return h('span', { class: o.overdue ? 'overdue' : '' }, h('time', { datetime: o.dueOn }, o.dueOn), ' ', h('span', { class: 'muted' }, t('common.parenthesised', { text: daysLeftText(o) })), o.overdue ? [' ', overdueBadge()] : []);
}

function countsTable(counts) {
  return table(t('console.objections.countsCaption'), [
    { label: t('console.col.owner'), cell: (c) => label('dept', c.ownerDept) },
    { label: t('console.col.open'), class: 'num', cell: (c) => formatNumber(c.open) },
    { label: t('console.col.dueToday'), class: 'num', cell: (c) => formatNumber(c.dueToday) },
    { label: t('console.col.overdue'), class: 'num', cell: (c) => (c.overdue > 0 ? h('span', { class: 'overdue' }, formatNumber(c.overdue), ' ', overdueBadge()) : formatNumber(0)) },
  ], counts, t('console.objections.noOpen'));
}

/** The columns every objection table starts with (a function: its headings are in the language of the moment). */
const objectedColumns = () => [
  { label: t('console.col.objection'), cell: (o) => h('code', {}, o.id) },
  { label: t('console.col.record'), cell: (o) => h('code', {}, `${o.recordKey}.${o.field}`) },
  { label: t('console.col.proposedValue'), cell: (o) => o.proposedValue ?? h('span', { class: 'muted' }, t('console.withheld')) },
  { label: t('console.col.evidence'), cell: (o) => o.evidence ?? h('span', { class: 'muted' }, t('console.withheld')) },
  { label: t('console.col.reason'), cell: (o) => o.reason },
];

function raiseForm(reload) {
  const recordKey = h('input', { type: 'text', required: true, class: 'mono', placeholder: 'Person:P0000001' });
  const fieldName = h('input', { type: 'text', required: true, class: 'mono', placeholder: 'address' });
  const proposedValue = h('input', { type: 'text', required: true });
  const evidence = h('input', { type: 'text', required: true, placeholder: t('console.objections.evidencePlaceholder') });
  const reason = h('input', { type: 'text', required: true });
  const button = h('button', { type: 'submit', class: 'primary' }, t('console.objections.raise'));
  const submit = async () => {
    const input = { recordKey: recordKey.value.trim(), field: fieldName.value.trim(), proposedValue: proposedValue.value, evidence: evidence.value, reason: reason.value };
    const { raiseObjection: o } = await gql(RAISE, { input });
    for (const el of [recordKey, fieldName, proposedValue, evidence, reason]) el.value = '';
    await reload();
    showStatus(t('console.objections.sent', { id: o.id, owner: label('dept', o.ownerDept), due: o.dueOn }));
  };
  return section(
    t('console.objections.raiseTitle'),
    h(
      'form',
      { onsubmit: (e) => { e.preventDefault(); act(button, submit); } },
      h('div', { class: 'row' }, field(t('console.col.record'), recordKey, t('console.objections.recordHint')), field(t('console.col.field'), fieldName, t('console.objections.fieldHint'))),
      h('div', { class: 'row' }, field(t('console.col.proposedValue'), proposedValue, t('console.objections.proposedHint')), field(t('console.col.evidence'), evidence), field(t('console.col.reason'), reason)),
      h('div', { class: 'actions' }, button),
    ),
  );
}

/** Who resolved an objection, when, and with which record version or reasons. */
function resolution(o) {
  if (!o.resolvedBy) return '';
  const params = { by: o.resolvedBy, at: when(o.resolvedAt), version: o.correctionVersion, reason: o.resolutionReason ?? '' };
  if (o.correctionVersion) return o.resolutionReason ? t('console.objections.resolvedVersionReason', params) : t('console.objections.resolvedVersion', params);
  return o.resolutionReason ? t('console.objections.resolvedReason', params) : t('console.objections.resolved', params);
}

/** The resolve controls of one open objection: outcome, the corrected record version or the reasons. */
function resolveCell(o, reload) {
  const outcome = select(['CORRECTED', 'REJECTED'].map((v) => ({ value: v, label: label('state', v) })), { 'aria-label': t('console.objections.outcomeOf', { id: o.id }) });
  const version = h('input', { type: 'number', min: '2', step: '1', class: 'narrow', placeholder: t('console.objections.versionPlaceholder'), 'aria-label': t('console.objections.versionOf', { id: o.id }) });
  const reason = h('input', { type: 'text', placeholder: t('console.objections.reasonPlaceholder'), 'aria-label': t('console.objections.reasonOf', { id: o.id }) });
  const button = h('button', { type: 'button', class: 'primary small', 'aria-label': t('console.objections.resolveOf', { id: o.id }) }, t('console.objections.resolve'));
  button.addEventListener('click', () =>
    act(button, async () => {
      const corrected = outcome.value === 'CORRECTED';
      if (corrected && !version.value) throw new Error(t('console.objections.correctFirst', { record: o.recordKey }));
      if (!corrected && !reason.value.trim()) throw new Error(t('console.objections.reasonsToReject', { id: o.id, objector: label('dept', o.objectorDept) }));
      const variables = { id: o.id, outcome: outcome.value, reason: reason.value.trim() || null, cv: corrected ? Number(version.value) : null, v: o.version };
      const { resolveObjection: r } = await gql(RESOLVE, variables);
      await reload();
      showStatus(t('console.objections.nowState', { id: r.id, state: label('state', r.state) }));
    }),
  );
  return h('div', { class: 'actions tight' }, outcome, version, reason, button);
}

export function objectionsPage() {
  const claims = session.claims();
  const dept = claims?.dept ?? null;
  const queueSlot = h('div', {}, h('p', { class: 'muted' }, t('console.objections.loadingQueue')));
  const countsSlot = h('div', {}, h('p', { class: 'muted' }, t('console.loadingDeadlines')));
  const raisedSlot = h('div', {}, h('p', { class: 'muted' }, t('console.objections.loadingRaised')));
  async function load() {
    const [{ objections: queue, objectionDeadlines }, { objections: raised }] = await Promise.all([gql(QUEUE, { owner: dept }), gql(RAISED, { objector: dept })]);
    countsSlot.replaceChildren(countsTable(objectionDeadlines));
    // Oldest due first: what the department must answer next.
    const rows = queue.edges.map((e) => e.node).sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0));
    queueSlot.replaceChildren(
      h('p', { class: 'muted' }, dept
        ? t('console.objections.openCount', { count: queue.totalCount, n: formatNumber(queue.totalCount), dept: label('dept', dept) })
        : t('console.objections.openCountOwn', { count: queue.totalCount, n: formatNumber(queue.totalCount) })),
      table(t('console.objections.queueCaption'), [
        ...objectedColumns(),
        { label: t('console.col.due'), cell: dueCell },
        { label: t('console.col.from'), cell: (o) => t('console.objections.from', { person: o.objector, dept: label('dept', o.objectorDept), at: when(o.createdAt) }) },
        { label: t('console.objections.resolve'), cell: (o) => resolveCell(o, load) },
      ], rows, t('console.objections.queueEmpty')),
    );
    raisedSlot.replaceChildren(
      table(t('console.objections.raisedCaption'), [
        ...objectedColumns(),
        { label: t('console.col.owner'), cell: (o) => label('dept', o.ownerDept) },
        { label: t('console.col.state'), cell: (o) => enumBadge('state', o.state) },
        { label: t('console.col.due'), cell: dueCell },
        { label: t('console.col.resolution'), cell: (o) => resolution(o) },
      ], raised.edges.map((e) => e.node), t('console.objections.raisedEmpty')),
    );
  }
  load().catch((error) => {
    queueSlot.replaceChildren(h('p', { class: 'empty' }, t('console.objections.failed')));
    showError(error);
  });
  return h(
    'div',
    { class: 'page' },
    h('h1', {}, t('console.objections.title')),
    section(t('console.objections.queue'), h('p', { class: 'muted' }, t('console.objections.queueIntro')), queueSlot),
    section(t('console.deadlines'), countsSlot),
    raiseForm(load),
    section(t('console.objections.raised'), raisedSlot),
  );
}
