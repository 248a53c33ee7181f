// The sharing backlog per providing department: sharing requests waiting for a decision and data objections
// (数据异议) waiting for a resolution, each with those past their deadline in working days. Counts only: the
// dashboard account reads no request or objection; `sharingBacklog` counts what the province policy lets it
// aggregate.
import { gql } from './api.js';
import { dataTable, h } from './dom.js';

const BACKLOG = 'query DashboardBacklog { sharingBacklog { ownerDept grantRequestsPending grantRequestsOverdue objectionsOpen objectionsOverdue } }';

export function backlogCard() {
  return h('section', { class: 'card backlog-card', id: 'backlog', 'aria-labelledby': 'backlog-title' },
    h('h2', { id: 'backlog-title' }, 'Sharing requests and data objections overdue'),
    h('p', { class: 'card-sub' }, 'Per providing department, province-wide: what waits for its decision and what is past its deadline in working days. Not filtered by region or year.'),
    h('div', { id: 'backlog-body' }, h('p', { class: 'muted' }, 'Loading…')));
}

const overdueCell = (n) => (n > 0 ? h('span', { class: 'overdue' }, String(n)) : '0');

/** Fills the card; a failure stays in the card, so the statistics above keep working. */
export async function loadBacklog() {
  const body = document.getElementById('backlog-body');
  if (!body) return;
  try {
    const { sharingBacklog: rows } = await gql(BACKLOG);
    const overdue = rows.reduce((n, r) => n + r.grantRequestsOverdue + r.objectionsOverdue, 0);
    body.replaceChildren(
      rows.length === 0
        ? h('p', { class: 'muted' }, 'Nothing is waiting.')
        : [
          h('p', { class: overdue > 0 ? 'backlog-total overdue' : 'backlog-total' }, `${overdue} overdue`),
          dataTable(
            'Pending sharing requests and open data objections per providing department',
            ['Department', 'Requests pending', 'Requests overdue', 'Objections open', 'Objections overdue'],
            rows.map((r) => [r.ownerDept, String(r.grantRequestsPending), overdueCell(r.grantRequestsOverdue), String(r.objectionsOpen), overdueCell(r.objectionsOverdue)]),
          ),
        ],
    );
  } catch (error) {
    body.replaceChildren(h('p', { class: 'muted' }, `The backlog could not be loaded: ${error?.message ?? error}`));
  }
}
