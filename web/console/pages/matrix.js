// The permission matrix (read-only): per field of a type and per department and role, what a caller gets and which
// rule, grant or catalogue default decided, as the API's accessMatrix computes it with the subgraphs' own decision
// code. A grid navigable with the arrow keys; the focused cell's explanation is spelled out below it.
import { act, gql, showError } from '../api.js';
import { badge, field, h, section, select } from '../dom.js';

const MATRIX = `query ConsoleAccessMatrix($type: String!, $version: Int, $region: String, $purpose: String) {
  accessMatrix(type: $type, version: $version, region: $region, purpose: $purpose) {
    type version region purpose columns { dept role }
    rows { field owner sharing open sensitivity mask
      cells { dept role decision decisionInScope reason source sourceId dependsOnRecord condition } }
  }
}`;
export const TYPES = `query ConsoleCatalogueTypes { catalogue { name fields { name } } }`;

/** Short cell text: the grid has one column per department and role, so each cell holds a letter. */
const SHORT = { FULL: 'F', MASKED: 'M', DENIED: '–', AGGREGATE_ONLY: 'Σ' };
const WORDS = { FULL: 'full', MASKED: 'masked', DENIED: 'denied', AGGREGATE_ONLY: 'counted only (aggregate)' };

export function describeCell(row, c) {
  const decided = c.source ? `${c.source} ${c.sourceId ?? ''}`.trim() : 'nothing allowed it';
  const scope = c.dependsOnRecord ? `; depends on the record: ${WORDS[c.decisionInScope]} where the row conditions hold${c.condition ? ` (${c.condition})` : ''}, ${WORDS[c.decision]} for every record` : '';
  return `${c.dept} ${c.role}, ${row.field}: ${WORDS[c.decision]}, decided by ${decided}: ${c.reason}${scope}`;
}

/** Arrow keys, Home and End move between cells (a roving tabindex: the grid is one stop in the tab order). */
function navigable(tableEl, onFocus) {
  const cells = () => [...tableEl.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td')]);
  tableEl.addEventListener('keydown', (e) => {
    const grid = cells();
    const at = e.target.closest('td');
    if (!at) return;
    const r = grid.findIndex((row) => row.includes(at));
    const c = grid[r].indexOf(at);
    const moves = { ArrowUp: [r - 1, c], ArrowDown: [r + 1, c], ArrowLeft: [r, c - 1], ArrowRight: [r, c + 1], Home: [r, 0], End: [r, grid[r].length - 1] };
    const to = moves[e.key];
    if (!to) return;
    e.preventDefault();
    const next = grid[Math.max(0, Math.min(grid.length - 1, to[0]))]?.[Math.max(0, Math.min(grid[r].length - 1, to[1]))];
    if (!next) return;
    at.tabIndex = -1;
    next.tabIndex = 0;
    next.focus();
  });
  tableEl.addEventListener('focusin', (e) => {
    const td = e.target.closest('td');
    if (td) onFocus(td);
  });
}

function matrixTable(m, details) {
  const depts = [...new Set(m.columns.map((c) => c.dept))];
  const byCell = new Map();
  const tableEl = h(
    'table',
    { class: 'grid matrix', role: 'grid', 'aria-label': `Permission matrix of ${m.type}, version ${m.version}`, 'aria-describedby': 'matrix-legend' },
    h('caption', {}, `${m.type} under policy version ${m.version}, callers of region ${m.region}${m.purpose ? ` declaring purpose ${m.purpose}` : ''}`),
    h(
      'thead',
      {},
      h('tr', {}, h('th', { scope: 'col', rowspan: '2' }, 'Field'), h('th', { scope: 'col', rowspan: '2' }, 'Owner · sharing · sensitivity · mask'),
        depts.map((d) => h('th', { scope: 'colgroup', colspan: String(m.columns.filter((c) => c.dept === d).length), class: 'dept' }, d))),
      h('tr', {}, m.columns.map((c) => h('th', { scope: 'col', class: 'role', title: `${c.dept} ${c.role}` }, c.role))),
    ),
    h(
      'tbody',
      {},
      m.rows.map((row, r) =>
        h(
          'tr',
          {},
          h('th', { scope: 'row' }, h('code', {}, row.field)),
          h('td', { class: 'facts', tabindex: '-1' }, `${row.owner} · ${row.sharing}${row.open ? ' · open' : ''} · ${row.sensitivity} · ${row.mask}`),
          row.cells.map((c, i) => {
            const text = describeCell(row, c);
            // The answer where the row conditions hold (a police officer's own area): what the column's callers get at
            // best; the marker says other records get less, which the explanation spells out.
            const td = h('td', { class: `cell cell-${c.decisionInScope.toLowerCase()}${c.dependsOnRecord ? ' conditional' : ''}`, title: text, 'aria-label': text, tabindex: r === 0 && i === 0 ? '0' : '-1' },
              SHORT[c.decisionInScope], c.dependsOnRecord ? h('span', { class: 'marker', 'aria-hidden': 'true' }, '*') : null);
            byCell.set(td, text);
            return td;
          }),
        ),
      ),
    ),
  );
  navigable(tableEl, (td) => details.replaceChildren(byCell.get(td) ?? td.textContent));
  return tableEl;
}

export function matrixPage() {
  const type = select([{ value: 'Person', label: 'Person', selected: true }]);
  const version = h('input', { type: 'number', min: '1', placeholder: 'blank: the version in force' });
  const region = h('input', { type: 'text', inputmode: 'numeric', placeholder: '460000 (the province)' });
  const purpose = h('input', { type: 'text', placeholder: 'none: grants apply only under their purpose' });
  const out = h('div', {}, h('p', { class: 'muted' }, 'Choose a type and show its matrix.'));
  const button = h('button', { type: 'submit', class: 'primary' }, 'Show');
  const show = async () => {
    const { accessMatrix: m } = await gql(MATRIX, { type: type.value, version: version.value ? Number(version.value) : null, region: region.value.trim() || null, purpose: purpose.value.trim() || null });
    const details = h('p', { class: 'cell-details', role: 'status', 'aria-live': 'polite' }, 'Focus a cell (Tab into the grid, then the arrow keys) to read what decided it.');
    out.replaceChildren(
      h('p', { id: 'matrix-legend', class: 'legend' }, badge('F', 'full'), ' full ', badge('M', 'masked'), ' masked ', badge('–', 'denied'), ' denied ', badge('Σ', 'aggregateonly'), ' counted only (statistics) ',
        h('span', { class: 'marker' }, '*'), ' depends on the record (row conditions): the letter is the answer where the conditions hold (e.g. in the caller\'s own area); other records get less. Hover or focus a cell for the rule and the conditions in words.'),
      h('div', { class: 'matrix-scroll' }, matrixTable(m, details)),
      details,
    );
  };
  gql(TYPES)
    .then((data) => type.replaceChildren(...data.catalogue.map((t) => h('option', { value: t.name, selected: t.name === 'Person' }, t.name))))
    .catch(showError);
  return h(
    'div',
    { class: 'page' },
    h('h1', {}, 'Permission matrix'),
    h('p', { class: 'muted' }, 'Who gets which field of a type: every department and role the policies name, plus the owning departments, decided by the same code every subgraph runs. Read-only: change access through a policy version.'),
    section(
      'Type and callers',
      h('form', { onsubmit: (e) => { e.preventDefault(); act(button, show); } },
        h('div', { class: 'row' }, field('Type', type), field('Policy version', version), field('Region', region), field('Purpose', purpose)),
        h('div', { class: 'actions' }, button)),
    ),
    section('Matrix', out),
  );
}
