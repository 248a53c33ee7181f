// The sharing backlog per providing department: sharing requests waiting for a decision and data objections
// (数据异议) waiting for a resolution, each with those past their deadline in working days. Counts only: the
// dashboard account reads no request or objection; `sharingBacklog` counts what the province policy lets it
// aggregate.
import { gql } from './api.js';
import { dataTable, h } from './dom.js';
import { label, t } from '../shared/i18n.js';
import { errorNode, errorsOf } from '../shared/errors.js';
import { formats } from './format.js';

const BACKLOG = 'query DashboardBacklog { sharingBacklog { ownerDept grantRequestsPending grantRequestsOverdue objectionsOpen objectionsOverdue } }';

export function backlogCard() {
  return h('section', { class: 'card backlog-card', id: 'backlog', 'aria-labelledby': 'backlog-title' },
    h('h2', { id: 'backlog-title' }, t('dash.backlog.title')),
    h('p', { class: 'card-sub' }, t('dash.backlog.sub')),
    h('div', { id: 'backlog-body' }, h('p', { class: 'muted' }, t('common.loading'))));
}

const overdueCell = (n) => (n > 0 ? h('span', { class: 'overdue' }, formats.integer(n)) : formats.integer(0));

/** Fills the card; a failure stays in the card, so the statistics above keep working. */
export async function loadBacklog() {
  const body = document.getElementById('backlog-body');
  if (!body) return;
  try {
    const { sharingBacklog: rows } = await gql(BACKLOG);
    const overdue = rows.reduce((n, r) => n + r.grantRequestsOverdue + r.objectionsOverdue, 0);
    body.replaceChildren(
      rows.length === 0
        ? h('p', { class: 'muted' }, t('dash.backlog.empty'))
        : [
          h('p', { class: overdue > 0 ? 'backlog-total overdue' : 'backlog-total' }, t('dash.backlog.overdue', { count: overdue, n: formats.integer(overdue) })),
          dataTable(
            t('dash.backlog.caption'),
            [t('dash.backlog.dept'), t('dash.backlog.requestsPending'), t('dash.backlog.requestsOverdue'), t('dash.backlog.objectionsOpen'), t('dash.backlog.objectionsOverdue')],
            rows.map((r) => [label('dept', r.ownerDept), formats.integer(r.grantRequestsPending), overdueCell(r.grantRequestsOverdue), formats.integer(r.objectionsOpen), overdueCell(r.objectionsOverdue)]),
          ),
        ],
    );
  } catch (error) {
    body.replaceChildren(h('p', { class: 'muted' }, t('dash.backlog.failed'), ' ', errorsOf(error).map(errorNode)));
  }
}
