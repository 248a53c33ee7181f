// Objections (数据异议): a department objects to a value another department provides; the owning department's
// officers work through the queue of open objections to their data, oldest due first, each with its due date (so
// many working days, OBJECTION_DEADLINE_DAYS) and an overdue badge, and resolve it: CORRECTED with the version of
// the record their correcting write returned, or REJECTED with the reasons. The API decides who sees and may do what.
import { act, gql, session, showError, showStatus } from '../api.js';
import { badge, field, h, section, select, table, when } from '../dom.js';
import { daysLeftText } from './grants.js';

const FIELDS = 'id recordKey field proposedValue evidence reason objectorDept objector ownerDept state resolutionReason correctionVersion resolvedBy createdAt resolvedAt version dueOn overdue workingDaysLeft';
const QUEUE = `query ConsoleObjectionQueue($owner: String) { objections(filter: { state: OPEN, ownerDept: $owner }, first: 100) { totalCount edges { node { ${FIELDS} } } } objectionDeadlines { ownerDept open dueToday overdue } }`;
const RAISED = `query ConsoleObjectionsRaised($objector: String) { objections(filter: { objectorDept: $objector }, first: 100) { totalCount edges { node { ${FIELDS} } } } }`;
const RAISE = `mutation ConsoleRaiseObjection($input: ObjectionInput!) { raiseObjection(input: $input) { id ownerDept dueOn } }`;
const RESOLVE = `mutation ConsoleResolveObjection($id: ID!, $outcome: ObjectionOutcome!, $reason: String, $cv: Int, $v: Int!) { resolveObjection(id: $id, outcome: $outcome, reason: $reason, correctionVersion: $cv, expectedVersion: $v) { id state } }`;

function dueCell(o) {
  if (!o.dueOn) return '';
  return h('span', { class: o.overdue ? 'overdue' : '' }, h('time', { datetime: o.dueOn }, o.dueOn), ' ', h('span', { class: 'muted' }, `(${daysLeftText(o)})`), o.overdue ? [' ', badge('overdue')] : []);
}

function countsTable(counts) {
  return table('Open objections per owning department (working days, China time)', [
    { label: 'Owner', cell: (c) => c.ownerDept },
    { label: 'Open', class: 'num', cell: (c) => String(c.open) },
    { label: 'Due today', class: 'num', cell: (c) => String(c.dueToday) },
    { label: 'Overdue', class: 'num', cell: (c) => (c.overdue > 0 ? h('span', { class: 'overdue' }, String(c.overdue), ' ', badge('overdue')) : '0') },
  ], counts, 'No open objection you may see.');
}

const objectedColumns = [
  { label: 'Objection', cell: (o) => h('code', {}, o.id) },
  { label: 'Record', cell: (o) => h('code', {}, `${o.recordKey}.${o.field}`) },
  { label: 'Proposed value', cell: (o) => o.proposedValue ?? h('span', { class: 'muted' }, 'withheld') },
  { label: 'Evidence', cell: (o) => o.evidence ?? h('span', { class: 'muted' }, 'withheld') },
  { label: 'Reason', cell: (o) => o.reason },
];

function raiseForm(reload) {
  const recordKey = h('input', { type: 'text', required: true, class: 'mono', placeholder: 'Person:P0000001' });
  const fieldName = h('input', { type: 'text', required: true, class: 'mono', placeholder: 'address' });
  const proposedValue = h('input', { type: 'text', required: true });
  const evidence = h('input', { type: 'text', required: true, placeholder: 'a document, another register, a case number' });
  const reason = h('input', { type: 'text', required: true });
  const button = h('button', { type: 'submit', class: 'primary' }, 'Raise objection');
  const submit = async () => {
    const input = { recordKey: recordKey.value.trim(), field: fieldName.value.trim(), proposedValue: proposedValue.value, evidence: evidence.value, reason: reason.value };
    const { raiseObjection: o } = await gql(RAISE, { input });
    for (const el of [recordKey, fieldName, proposedValue, evidence, reason]) el.value = '';
    await reload();
    showStatus(`Objection ${o.id} sent to ${o.ownerDept}; due ${o.dueOn}.`);
  };
  return section(
    'Object to a value another department provides',
    h(
      'form',
      { onsubmit: (e) => { e.preventDefault(); act(button, submit); } },
      h('div', { class: 'row' }, field('Record', recordKey, 'Type:id, as in the graph.'), field('Field', fieldName, 'A catalogued field of that type, owned by another department.')),
      h('div', { class: 'row' }, field('Proposed value', proposedValue, 'What you believe is right.'), field('Evidence', evidence), field('Reason', reason)),
      h('div', { class: 'actions' }, button),
    ),
  );
}

/** The resolve controls of one open objection: outcome, the corrected record version or the reasons. */
function resolveCell(o, reload) {
  const outcome = select(['CORRECTED', 'REJECTED'], { 'aria-label': `Outcome of objection ${o.id}` });
  const version = h('input', { type: 'number', min: '2', step: '1', class: 'narrow', placeholder: 'record version', 'aria-label': `Corrected record version for objection ${o.id}` });
  const reason = h('input', { type: 'text', placeholder: 'reason (required to reject)', 'aria-label': `Reason for objection ${o.id}` });
  const button = h('button', { type: 'button', class: 'primary small', 'aria-label': `Resolve objection ${o.id}` }, 'Resolve');
  button.addEventListener('click', () =>
    act(button, async () => {
      const corrected = outcome.value === 'CORRECTED';
      if (corrected && !version.value) throw new Error(`Correct ${o.recordKey} through your department's write path first, then give the record version it returned.`);
      if (!corrected && !reason.value.trim()) throw new Error(`Give the reasons to reject objection ${o.id}; ${o.objectorDept} sees them.`);
      const variables = { id: o.id, outcome: outcome.value, reason: reason.value.trim() || null, cv: corrected ? Number(version.value) : null, v: o.version };
      const { resolveObjection: r } = await gql(RESOLVE, variables);
      await reload();
      showStatus(`Objection ${r.id} is now ${r.state}.`);
    }),
  );
  return h('div', { class: 'actions tight' }, outcome, version, reason, button);
}

export function objectionsPage() {
  const claims = session.claims();
  const dept = claims?.dept ?? null;
  const queueSlot = h('div', {}, h('p', { class: 'muted' }, 'Loading the queue…'));
  const countsSlot = h('div', {}, h('p', { class: 'muted' }, 'Loading deadlines…'));
  const raisedSlot = h('div', {}, h('p', { class: 'muted' }, 'Loading objections raised…'));
  async function load() {
    const [{ objections: queue, objectionDeadlines }, { objections: raised }] = await Promise.all([gql(QUEUE, { owner: dept }), gql(RAISED, { objector: dept })]);
    countsSlot.replaceChildren(countsTable(objectionDeadlines));
    // Oldest due first: what the department must answer next.
    const rows = queue.edges.map((e) => e.node).sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0));
    queueSlot.replaceChildren(
      h('p', { class: 'muted' }, `${queue.totalCount} open objection${queue.totalCount === 1 ? '' : 's'} to ${dept ?? 'your department'}'s data`),
      table('Open objections to your department\'s data, oldest due first', [
        ...objectedColumns,
        { label: 'Due', cell: dueCell },
        { label: 'From', cell: (o) => `${o.objector} (${o.objectorDept}), ${when(o.createdAt)}` },
        { label: 'Resolve', cell: (o) => resolveCell(o, load) },
      ], rows, 'No open objection to your department\'s data.'),
    );
    raisedSlot.replaceChildren(
      table('Objections your department raised, newest first', [
        ...objectedColumns,
        { label: 'Owner', cell: (o) => o.ownerDept },
        { label: 'State', cell: (o) => badge(o.state) },
        { label: 'Due', cell: dueCell },
        { label: 'Resolution', cell: (o) => (o.resolvedBy ? `${o.resolvedBy}, ${when(o.resolvedAt)}${o.correctionVersion ? `: record version ${o.correctionVersion}` : ''}${o.resolutionReason ? `: ${o.resolutionReason}` : ''}` : '') },
      ], raised.edges.map((e) => e.node), 'Your department raised no objection.'),
    );
  }
  load().catch((error) => {
    queueSlot.replaceChildren(h('p', { class: 'empty' }, 'The objections could not be loaded.'));
    showError(error);
  });
  return h(
    'div',
    { class: 'page' },
    h('h1', {}, 'Data objections'),
    section('Queue', h('p', { class: 'muted' }, 'The department that provides the data checks each objection within a number of working days of the day it was raised (China\'s holiday calendar): it corrects the record through its own write path and names the version that carries the correction, or rejects the objection with its reasons.'), queueSlot),
    section('Deadlines', countsSlot),
    raiseForm(load),
    section('Raised by your department', raisedSlot),
  );
}
