// Grants: a department asks another for CONDITIONAL fields (for a purpose, on a legal basis, until a date); the
// owning department's security officer approves, rejects or later revokes. Pending requests show their age, their
// due date (the owner decides within so many working days, GRANT_DEADLINES) and whether they are overdue; the
// per-department counts of pending, due-today and overdue requests come first.
import { act, gql, showError, showStatus } from '../api.js';
import { badge, enumBadge, field, h, humanAge, section, select, table, when } from '../dom.js';
import { formatNumber, label, t } from '../../shared/i18n.js';

const FIELDS = 'id state requesterDept requestedBy ownerDept scope { type fields } region purpose legalBasis expiresOn createdAt ageSeconds dueOn overdue workingDaysLeft decidedBy decidedAt decisionReason';
const LIST = `query ConsoleGrants($state: GrantRequestState) { grantRequests(state: $state, first: 100) { totalCount edges { node { ${FIELDS} } } } grantRequestDeadlines { ownerDept pending dueToday overdue } }`;
const REQUEST = `mutation ConsoleRequestGrant($input: GrantRequestInput!) { requestGrant(input: $input) { id state ownerDept } }`;
const DECIDE = {
  approve: { mutation: 'approveGrantRequest', get label() { return t('console.grants.approve'); }, aria: 'console.grants.approveRequest', missing: 'console.grants.reasonToApprove', states: ['PENDING'] },
  reject: { mutation: 'rejectGrantRequest', get label() { return t('console.grants.reject'); }, aria: 'console.grants.rejectRequest', missing: 'console.grants.reasonToReject', states: ['PENDING'] },
  revoke: { mutation: 'revokeGrant', get label() { return t('console.grants.revoke'); }, aria: 'console.grants.revokeRequest', missing: 'console.grants.reasonToRevoke', states: ['APPROVED'] },
};

/** "due 2026-02-26 (3 working days left)", "due today", "2 working days overdue": a pending request's deadline. */
export function daysLeftText(g) {
  if (g.workingDaysLeft == null) return '';
  const n = Math.abs(g.workingDaysLeft);
  if (g.overdue) return t('console.deadline.overdue', { count: n, n: formatNumber(n) });
  return g.workingDaysLeft === 0 ? t('console.deadline.today') : t('console.deadline.left', { count: n, n: formatNumber(n) });
}

function deadlineCell(g) {
  if (!g.dueOn) return '';
  return h('span', { class: g.overdue ? 'overdue' : '' }, h('time', { datetime: g.dueOn }, g.dueOn), ' ', h('span', { class: 'muted' }, t('common.parenthesised', { text: daysLeftText(g) })), g.overdue ? [' ', overdueBadge()] : []);
}

/** The red "overdue" badge of a request or an objection past its deadline. */
export function overdueBadge() {
  return badge(t('console.overdue'), 'overdue');
}

/** Per owning department: pending requests, due today, overdue. */
function deadlineTable(counts) {
  return table(t('console.grants.deadlineCaption'), [
    { label: t('console.col.owner'), cell: (c) => label('dept', c.ownerDept) },
    { label: t('console.col.pending'), class: 'num', cell: (c) => formatNumber(c.pending) },
    { label: t('console.col.dueToday'), class: 'num', cell: (c) => formatNumber(c.dueToday) },
    { label: t('console.col.overdue'), class: 'num', cell: (c) => (c.overdue > 0 ? h('span', { class: 'overdue' }, formatNumber(c.overdue), ' ', overdueBadge()) : formatNumber(0)) },
  ], counts, t('console.grants.noPending'));
}

/** "Person: phone, maritalStatus" lines into [{ type, fields }]. */
export function parseScope(text) {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((line) => {
      const [type, rest] = line.split(':');
      if (!rest) throw new Error(t('console.grants.scopeLine', { line }));
      return { type: type.trim(), fields: rest.split(',').map((f) => f.trim()).filter(Boolean) };
    });
}

function inDays(days) {
  const d = new Date(Date.now() + days * 86400_000);
  return d.toISOString().slice(0, 10);
}

function requestForm(reload) {
  const scope = h('textarea', { rows: 3, class: 'mono', placeholder: 'Person: maritalStatus\nHealthRecord: bloodType' });
  const region = h('input', { type: 'text', inputmode: 'numeric', placeholder: t('console.regionPlaceholder') });
  const purpose = h('input', { type: 'text', required: true, placeholder: t('console.grants.purposePlaceholder') });
  const legalBasis = h('input', { type: 'text', required: true, placeholder: t('console.grants.legalBasisPlaceholder') });
  const expiresOn = h('input', { type: 'date', required: true, value: inDays(90) });
  const button = h('button', { type: 'submit', class: 'primary' }, t('console.grants.request'));
  const submit = async () => {
    const input = { scope: parseScope(scope.value), purpose: purpose.value.trim(), legalBasis: legalBasis.value.trim(), expiresOn: expiresOn.value, ...(region.value.trim() ? { region: region.value.trim() } : {}) };
    const { requestGrant: g } = await gql(REQUEST, { input });
    await reload();
    showStatus(t('console.grants.sent', { id: g.id, owner: label('dept', g.ownerDept), state: label('state', g.state) }));
  };
  return section(
    t('console.grants.requestTitle'),
    h(
      'form',
      { onsubmit: (e) => { e.preventDefault(); act(button, submit); } },
      field(t('console.col.scope'), scope, t('console.grants.scopeHint')),
      h('div', { class: 'row' }, field(t('console.col.region'), region), field(t('console.col.purpose'), purpose, t('console.grants.purposeHint')), field(t('console.col.legalBasis'), legalBasis), field(t('console.grants.expiresOn'), expiresOn)),
      h('div', { class: 'actions' }, button),
    ),
  );
}

export function grantsPage() {
  const state = select([{ value: '', label: t('console.allStates') }, ...['PENDING', 'APPROVED', 'REJECTED', 'REVOKED', 'EXPIRED'].map((s) => ({ value: s, label: label('state', s) }))]);
  const reason = h('input', { type: 'text', autocomplete: 'off' });
  const listSlot = h('div', {}, h('p', { class: 'muted' }, t('console.grants.loading')));
  const deadlineSlot = h('div', {}, h('p', { class: 'muted' }, t('console.loadingDeadlines')));
  const decide = (g, kind) => (e) =>
    act(e.currentTarget, async () => {
      const step = DECIDE[kind];
      if (!reason.value.trim()) throw new Error(t(step.missing, { id: g.id }));
      const data = await gql(`mutation ConsoleDecide($id: ID!, $reason: String!) { ${step.mutation}(id: $id, reason: $reason) { id state } }`, { id: g.id, reason: reason.value.trim() });
      reason.value = '';
      await load();
      showStatus(t('console.grants.nowState', { id: g.id, state: label('state', data[step.mutation].state) }));
    });
  async function load() {
    const { grantRequests, grantRequestDeadlines } = await gql(LIST, { state: state.value || null });
    const rows = grantRequests.edges.map((e) => e.node);
    deadlineSlot.replaceChildren(deadlineTable(grantRequestDeadlines));
    listSlot.replaceChildren(
      h('p', { class: 'muted' }, t('console.grants.count', { count: grantRequests.totalCount, n: formatNumber(grantRequests.totalCount) })),
      table(t('console.grants.tableCaption'), [
        { label: t('console.col.request'), cell: (g) => h('code', {}, g.id) },
        { label: t('console.col.state'), cell: (g) => enumBadge('state', g.state) },
        { label: t('console.col.age'), cell: (g) => (g.state === 'PENDING' ? humanAge(g.ageSeconds) : t('console.grants.answeredAfter', { age: humanAge(g.ageSeconds) })) },
        { label: t('console.col.due'), cell: deadlineCell },
        { label: t('console.col.requester'), cell: (g) => t('console.personOfDept', { person: g.requestedBy, dept: label('dept', g.requesterDept) }) },
        { label: t('console.col.owner'), cell: (g) => label('dept', g.ownerDept) },
        { label: t('console.col.scope'), cell: (g) => g.scope.map((s) => `${s.type}: ${s.fields.join(', ')}`).join('; ') },
        { label: t('console.col.region'), cell: (g) => g.region ?? t('console.grants.allRegions') },
        { label: t('console.col.purpose'), cell: (g) => g.purpose },
        { label: t('console.col.legalBasis'), cell: (g) => g.legalBasis },
        { label: t('console.col.until'), cell: (g) => g.expiresOn },
        { label: t('console.col.decision'), cell: (g) => (g.decidedBy ? t('console.grants.decided', { by: g.decidedBy, at: when(g.decidedAt), reason: g.decisionReason ?? '' }) : '') },
        {
          label: t('console.col.actions'),
          cell: (g) => h('div', { class: 'actions tight' }, Object.entries(DECIDE).filter(([, s]) => s.states.includes(g.state)).map(([kind, s]) =>
            h('button', { type: 'button', class: kind === 'approve' ? 'primary small' : 'danger small', 'aria-label': t(s.aria, { id: g.id }), onclick: decide(g, kind) }, s.label))),
        },
      ], rows, t('console.grants.none')),
    );
  }
  state.addEventListener('change', () => act(null, load));
  load().catch((error) => {
    listSlot.replaceChildren(h('p', { class: 'empty' }, t('console.grants.failed')));
    showError(error);
  });
  return h(
    'div',
    { class: 'page' },
    h('h1', {}, t('console.grants.title')),
    requestForm(load),
    section(t('console.deadlines'), h('p', { class: 'muted' }, t('console.grants.deadlineIntro')), deadlineSlot),
    section(t('console.grants.requests'), h('div', { class: 'row' }, field(t('console.col.state'), state), field(t('console.grants.reason'), reason, t('console.grants.reasonHint'))), listSlot),
  );
}
