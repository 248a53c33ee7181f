// The dashboard's DOM helpers, on top of the shared ones (../shared/dom.js): never innerHTML, never inline styles
// (ECharts sets its own styles through the CSSOM, which CSP does not govern).
import { h } from '../shared/dom.js';

export { field, h } from '../shared/dom.js';

/** A table of label/value rows, values right-aligned; a cell may be a node (e.g. a suppressed marker). */
export function dataTable(caption, headings, rows) {
  return h(
    'table',
    { class: 'grid' },
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, headings.map((label, i) => h('th', { scope: 'col', class: i > 0 ? 'num' : undefined }, label)))),
    h('tbody', {}, rows.map((row) => h('tr', {}, row.map((cell, i) => (i === 0 ? h('th', { scope: 'row' }, cell) : h('td', { class: 'num' }, cell)))))),
  );
}
