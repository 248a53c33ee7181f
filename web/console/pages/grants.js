// Grants: a department asks another for CONDITIONAL fields (for a purpose, on a legal basis, until a date); the
// owning department's security officer approves, rejects or later revokes. Pending requests show their age, their
// due date (the owner decides within so many working days, GRANT_DEADLINES) and whether they are overdue; the
// per-department counts of pending, due-today and overdue requests come first.
import { act, gql, showError, showStatus } from '../api.js';
import { badge, field, h, humanAge, section, select, table, when } from '../dom.js';

const FIELDS = 'id state requesterDept requestedBy ownerDept scope { type fields } region purpose legalBasis expiresOn createdAt ageSeconds dueOn overdue workingDaysLeft decidedBy decidedAt decisionReason';
const LIST = `query ConsoleGrants($state: GrantRequestState) { grantRequests(state: $state, first: 100) { totalCount edges { node { ${FIELDS} } } } grantRequestDeadlines { ownerDept pending dueToday overdue } }`;
const REQUEST = `mutation ConsoleRequestGrant($input: GrantRequestInput!) { requestGrant(input: $input) { id state ownerDept } }`;
const DECIDE = {
  approve: { mutation: 'approveGrantRequest', label: 'Approve', states: ['PENDING'] },
  reject: { mutation: 'rejectGrantRequest', label: 'Reject', states: ['PENDING'] },
  revoke: { mutation: 'revokeGrant', label: 'Revoke', states: ['APPROVED'] },
};

/** "due 2026-02-26 (3 working days left)", "due today", "2 working days overdue": a pending request's deadline. */
export function daysLeftText(g) {
  if (g.workingDaysLeft == null) return '';
  const n = Math.abs(g.workingDaysLeft);
  const days = `${n} working day${n === 1 ? '' : 's'}`;
  if (g.overdue) return `${days} overdue`;
  return g.workingDaysLeft === 0 ? 'due today' : `${days} left`;
}

function deadlineCell(g) {
  if (!g.dueOn) return '';
  return h('span', { class: g.overdue ? 'overdue' : '' }, h('time', { datetime: g.dueOn }, g.dueOn), ' ', h('span', { class: 'muted' }, `(${daysLeftText(g)})`), g.overdue ? [' ', badge('overdue')] : []);
}

/** Per owning department: pending requests, due today, overdue. */
function deadlineTable(counts) {
  return table('Pending requests per owning department (working days, China time)', [
    { label: 'Owner', cell: (c) => c.ownerDept },
    { label: 'Pending', class: 'num', cell: (c) => String(c.pending) },
    { label: 'Due today', class: 'num', cell: (c) => String(c.dueToday) },
    { label: 'Overdue', class: 'num', cell: (c) => (c.overdue > 0 ? h('span', { class: 'overdue' }, String(c.overdue), ' ', badge('overdue')) : '0') },
  ], counts, 'No pending request you may see.');
}

/** "Person: phone, maritalStatus" lines into [{ type, fields }]. */
export function parseScope(text) {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((line) => {
      const [type, rest] = line.split(':');
      if (!rest) throw new Error(`Scope line "${line}" must read "Type: field, field".`);
      return { type: type.trim(), fields: rest.split(',').map((f) => f.trim()).filter(Boolean) };
    });
}

function inDays(days) {
  const d = new Date(Date.now() + days * 86400_000);
  return d.toISOString().slice(0, 10);
}

function requestForm(reload) {
  const scope = h('textarea', { rows: 3, class: 'mono', placeholder: 'Person: maritalStatus\nHealthRecord: bloodType' });
  const region = h('input', { type: 'text', inputmode: 'numeric', placeholder: 'optional, e.g. 460100' });
  const purpose = h('input', { type: 'text', required: true, placeholder: 'e.g. housing-subsidy-review' });
  const legalBasis = h('input', { type: 'text', required: true, placeholder: 'the regulation and article' });
  const expiresOn = h('input', { type: 'date', required: true, value: inDays(90) });
  const button = h('button', { type: 'submit', class: 'primary' }, 'Request grant');
  const submit = async () => {
    const input = { scope: parseScope(scope.value), purpose: purpose.value.trim(), legalBasis: legalBasis.value.trim(), expiresOn: expiresOn.value, ...(region.value.trim() ? { region: region.value.trim() } : {}) };
    const { requestGrant: g } = await gql(REQUEST, { input });
    await reload();
    showStatus(`Grant request ${g.id} sent to ${g.ownerDept}; it is ${g.state}.`);
  };
  return section(
    'Request access to conditional fields',
    h(
      'form',
      { onsubmit: (e) => { e.preventDefault(); act(button, submit); } },
      field('Scope', scope, 'One type per line: Type: field, field (CONDITIONAL fields of one owning department).'),
      h('div', { class: 'row' }, field('Region', region), field('Purpose', purpose, 'Requests must carry it as X-Purpose to use the grant.'), field('Legal basis', legalBasis), field('Expires on', expiresOn)),
      h('div', { class: 'actions' }, button),
    ),
  );
}

export function grantsPage() {
  const state = select([{ value: '', label: 'all states' }, { value: 'PENDING', label: 'PENDING', selected: false }, 'APPROVED', 'REJECTED', 'REVOKED', 'EXPIRED']);
  const reason = h('input', { type: 'text', autocomplete: 'off' });
  const listSlot = h('div', {}, h('p', { class: 'muted' }, 'Loading grant requests…'));
  const deadlineSlot = h('div', {}, h('p', { class: 'muted' }, 'Loading deadlines…'));
  const decide = (g, kind) => (e) =>
    act(e.currentTarget, async () => {
      const step = DECIDE[kind];
      if (!reason.value.trim()) throw new Error(`Give a reason to ${step.label.toLowerCase()} request ${g.id}.`);
      const data = await gql(`mutation ConsoleDecide($id: ID!, $reason: String!) { ${step.mutation}(id: $id, reason: $reason) { id state } }`, { id: g.id, reason: reason.value.trim() });
      reason.value = '';
      await load();
      showStatus(`Grant request ${g.id} is now ${data[step.mutation].state}.`);
    });
  async function load() {
    const { grantRequests, grantRequestDeadlines } = await gql(LIST, { state: state.value || null });
    const rows = grantRequests.edges.map((e) => e.node);
    deadlineSlot.replaceChildren(deadlineTable(grantRequestDeadlines));
    listSlot.replaceChildren(
      h('p', { class: 'muted' }, `${grantRequests.totalCount} request${grantRequests.totalCount === 1 ? '' : 's'}`),
      table('Grant requests, newest first', [
        { label: 'Request', cell: (g) => h('code', {}, g.id) },
        { label: 'State', cell: (g) => badge(g.state) },
        { label: 'Age', cell: (g) => (g.state === 'PENDING' ? humanAge(g.ageSeconds) : `answered after ${humanAge(g.ageSeconds)}`) },
        { label: 'Due', cell: deadlineCell },
        { label: 'Requester', cell: (g) => `${g.requestedBy} (${g.requesterDept})` },
        { label: 'Owner', cell: (g) => g.ownerDept },
        { label: 'Scope', cell: (g) => g.scope.map((s) => `${s.type}: ${s.fields.join(', ')}`).join('; ') },
        { label: 'Region', cell: (g) => g.region ?? 'all' },
        { label: 'Purpose', cell: (g) => g.purpose },
        { label: 'Legal basis', cell: (g) => g.legalBasis },
        { label: 'Until', cell: (g) => g.expiresOn },
        { label: 'Decision', cell: (g) => (g.decidedBy ? `${g.decidedBy}, ${when(g.decidedAt)}: ${g.decisionReason ?? ''}` : '') },
        {
          label: 'Actions',
          cell: (g) => h('div', { class: 'actions tight' }, Object.entries(DECIDE).filter(([, s]) => s.states.includes(g.state)).map(([kind, s]) =>
            h('button', { type: 'button', class: kind === 'approve' ? 'primary small' : 'danger small', 'aria-label': `${s.label} request ${g.id}`, onclick: decide(g, kind) }, s.label))),
        },
      ], rows, 'No grant request in this state.'),
    );
  }
  state.addEventListener('change', () => act(null, load));
  load().catch((error) => {
    listSlot.replaceChildren(h('p', { class: 'empty' }, 'The grant requests could not be loaded.'));
    showError(error);
  });
  return h(
    'div',
    { class: 'page' },
    h('h1', {}, 'Sharing grants'),
    requestForm(load),
    section('Deadlines', h('p', { class: 'muted' }, 'The owning department decides a request within a number of working days of the day it was made (China\'s holiday calendar).'), deadlineSlot),
    section('Grant requests', h('div', { class: 'row' }, field('State', state), field('Reason for the decision', reason, 'Recorded with the approval, rejection or revocation.')), listSlot),
  );
}
