// The permission matrix (read-only): per field of a type and per department and role, what a caller gets and which
// rule, grant or catalogue default decided, as the API's accessMatrix computes it with the subgraphs' own decision
// code. A grid navigable with the arrow keys; the focused cell's explanation is spelled out below it. With a draft
// chosen under "Edit", a cell opens the editor (matrix-editor.js) on click or Enter.
import { act, gql, showError } from '../api.js';
import { catalogueTypes } from '../vocabulary.js';
import { draftChooser, startEditing } from './matrix-editor.js';
import { badge, field, h, section, select } from '../dom.js';
import { label, t } from '../../shared/i18n.js';

const MATRIX = `query ConsoleAccessMatrix($type: String!, $version: Int, $region: String, $purpose: String) {
  accessMatrix(type: $type, version: $version, region: $region, purpose: $purpose) {
    type version region purpose columns { dept role }
    rows { field owner sharing open sensitivity mask
      cells { dept role decision decisionInScope reason source sourceId dependsOnRecord condition } }
  }
}`;

/** Short cell text: the grid has one column per department and role, so each cell holds a letter. */
const SHORT = { FULL: 'F', MASKED: 'M', DENIED: '–', AGGREGATE_ONLY: 'Σ' };
const word = (decision) => t(`console.matrix.word.${decision}`);

export function describeCell(row, c) {
  const decided = c.source ? `${c.source} ${c.sourceId ?? ''}`.trim() : t('console.matrix.nothingAllowed');
  const condition = c.condition ? t('console.matrix.scopeCondition', { condition: c.condition }) : '';
  const scope = c.dependsOnRecord ? t('console.matrix.scope', { inScope: word(c.decisionInScope), condition, decision: word(c.decision) }) : '';
  return t('console.matrix.cell', { dept: label('dept', c.dept), role: label('role', c.role), field: row.field, decision: word(c.decision), decided, reason: c.reason, scope });
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

/**
 * The grid; with `onEdit`, cells open the editor, and `changed` (a Map of `field|dept|role` to a change against the
 * version in force, from the editor) marks the cells a draft changes: gain or loss in colour and in words.
 */
function matrixTable(m, details, onEdit, changed = new Map()) {
  const depts = [...new Set(m.columns.map((c) => c.dept))];
  const byCell = new Map();
  const tableEl = h(
    'table',
    { class: 'grid matrix', role: 'grid', 'aria-label': t('console.matrix.gridLabel', { type: m.type, version: m.version }), 'aria-describedby': 'matrix-legend' },
    h('caption', {}, t(m.purpose ? 'console.matrix.captionPurpose' : 'console.matrix.caption', { type: m.type, version: m.version, region: m.region, purpose: m.purpose })),
    h(
      'thead',
      {},
      h('tr', {}, h('th', { scope: 'col', rowspan: '2' }, t('console.matrix.field')), h('th', { scope: 'col', rowspan: '2' }, t('console.matrix.facts')),
        depts.map((d) => h('th', { scope: 'colgroup', colspan: String(m.columns.filter((c) => c.dept === d).length), class: 'dept' }, label('dept', d)))),
      h('tr', {}, m.columns.map((c) => h('th', { scope: 'col', class: 'role', title: `${label('dept', c.dept)} ${label('role', c.role)}` }, label('role', c.role)))),
    ),
    h(
      'tbody',
      {},
      m.rows.map((row, r) =>
        h(
          'tr',
          {},
          h('th', { scope: 'row' }, h('code', {}, row.field)),
          h('td', { class: 'facts', tabindex: '-1' }, `${label('dept', row.owner)} · ${label('sharing', row.sharing)}${row.open ? t('console.matrix.open') : ''} · ${label('sensitivity', row.sensitivity)} · ${row.mask}`),
          row.cells.map((c, i) => {
            const change = changed.get(`${row.field}|${c.dept}|${c.role}`);
            const text = change ? `${describeCell(row, c)} ${change.text}` : describeCell(row, c);
            // The answer where the row conditions hold (a police officer's own area): what the column's callers get at
            // best; the marker says other records get less, which the explanation spells out.
            const td = h('td', { class: `cell cell-${c.decisionInScope.toLowerCase()}${c.dependsOnRecord ? ' conditional' : ''}`, title: text, 'aria-label': text, tabindex: r === 0 && i === 0 ? '0' : '-1' },
              // The letter and marks are pictures of the cell's name (aria-label), drawn by CSS from data-glyph, so
              // the name says in words everything the cell shows (WCAG 2.5.3: no visible text missing from it).
              h('span', { 'data-glyph': SHORT[c.decisionInScope] }), c.dependsOnRecord ? h('span', { class: 'marker', 'data-glyph': '*' }) : null,
              change ? h('span', { class: 'change-mark', 'data-glyph': change.gains ? '+' : '−' }) : null);
            if (change) td.classList.add(change.gains ? 'changed-gain' : 'changed-loss');
            byCell.set(td, text);
            if (onEdit) {
              td.dataset.cell = `${row.field}|${c.dept}|${c.role}`;
              td.setAttribute('aria-haspopup', 'dialog');
              td.classList.add('editable');
              td.addEventListener('click', () => act(null, () => onEdit(row, c, td)));
              td.addEventListener('keydown', (e) => { if (e.key === 'Enter') { e.preventDefault(); act(null, () => onEdit(row, c, td)); } });
            }
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
  const version = h('input', { type: 'number', min: '1', placeholder: t('console.matrix.versionPlaceholder') });
  const region = h('input', { type: 'text', inputmode: 'numeric', placeholder: t('console.matrix.regionPlaceholder') });
  const purpose = h('input', { type: 'text', placeholder: t('console.matrix.purposePlaceholder') });
  const out = h('div', {}, h('p', { class: 'muted' }, t('console.matrix.choose')));
  const button = h('button', { type: 'submit', class: 'primary' }, t('console.matrix.show'));
  const editing = draftChooser();
  const legend = () => h('p', { id: 'matrix-legend', class: 'legend' }, badge('F', 'full'), t('console.matrix.legendFull'), badge('M', 'masked'), t('console.matrix.legendMasked'), badge('–', 'denied'), t('console.matrix.legendDenied'), badge('Σ', 'aggregateonly'), t('console.matrix.legendAggregate'),
    h('span', { class: 'marker' }, '*'), t('console.matrix.legendMarker'));
  const show = async () => {
    const chosen = editing.querySelector('select').value;
    if (chosen) {
      const details = h('p', { class: 'cell-details', role: 'status', 'aria-live': 'polite' }, t('console.matrix.focusHint'));
      const body = h('div', {});
      out.replaceChildren(legend(), body);
      const renderMatrix = (m, onEdit, changed) => h('div', {}, h('div', { class: 'matrix-scroll' }, matrixTable(m, details, onEdit, changed)), details);
      return startEditing({ type: type.value, number: Number(chosen), out: body, renderMatrix, word });
    }
    const { accessMatrix: m } = await gql(MATRIX, { type: type.value, version: version.value ? Number(version.value) : null, region: region.value.trim() || null, purpose: purpose.value.trim() || null });
    const details = h('p', { class: 'cell-details', role: 'status', 'aria-live': 'polite' }, t('console.matrix.focusHint'));
    out.replaceChildren(
      legend(),
      h('div', { class: 'matrix-scroll' }, matrixTable(m, details)),
      details,
    );
  };
  catalogueTypes()
    .then((catalogue) => type.replaceChildren(...catalogue.map((c) => h('option', { value: c.name, selected: c.name === 'Person' }, c.name))))
    .catch(showError);
  return h(
    'div',
    { class: 'page' },
    h('h1', {}, t('console.matrix.title')),
    h('p', { class: 'muted' }, t('console.matrix.intro')),
    section(
      t('console.matrix.callers'),
      h('form', { onsubmit: (e) => { e.preventDefault(); act(button, show); } },
        h('div', { class: 'row' }, field(t('console.matrix.type'), type), field(t('console.matrix.version'), version), field(t('console.matrix.region'), region), field(t('console.matrix.purpose'), purpose), editing),
        h('div', { class: 'actions' }, button)),
    ),
    section(t('console.matrix.section'), out),
  );
}
