// Data objections (数据异议) overdue per owning department: counts only. The dashboard account reads no objection
// (the row rules leave it none), so this panel reads `objectionBacklog`, which answers any government caller with
// the number of open and overdue objections per department across the province and nothing about any objection.
import { gql } from './api.js';
import { dataTable, h } from './dom.js';

const BACKLOG = 'query DashboardObjections { objectionBacklog { ownerDept open overdue } }';

export function objectionsCard() {
  return h('section', { class: 'card objections-card', id: 'objections', 'aria-labelledby': 'objections-title' },
    h('h2', { id: 'objections-title' }, 'Data objections overdue'),
    h('p', { class: 'card-sub' }, 'Per providing department, province-wide: open objections and those past their deadline in working days. Not filtered by region or year.'),
    h('div', { id: 'objections-body' }, h('p', { class: 'muted' }, 'Loading…')));
}

/** Fills the card; a failure stays in the card, so the statistics above keep working. */
export async function loadObjections() {
  const body = document.getElementById('objections-body');
  if (!body) return;
  try {
    const { objectionBacklog: rows } = await gql(BACKLOG);
    const overdue = rows.reduce((n, r) => n + r.overdue, 0);
    body.replaceChildren(
      rows.length === 0
        ? h('p', { class: 'muted' }, 'No open objection.')
        : [
          h('p', { class: overdue > 0 ? 'objections-total overdue' : 'objections-total' }, `${overdue} overdue of ${rows.reduce((n, r) => n + r.open, 0)} open`),
          dataTable('Open and overdue data objections per providing department', ['Department', 'Open', 'Overdue'], rows.map((r) => [r.ownerDept, String(r.open), r.overdue > 0 ? h('span', { class: 'overdue' }, String(r.overdue)) : '0'])),
        ],
    );
  } catch (error) {
    body.replaceChildren(h('p', { class: 'muted' }, `The objection counts could not be loaded: ${error?.message ?? error}`));
  }
}
