// Read-only views of the policy service's answers: a unified diff with added and removed lines coloured, the
// structured changes, and the impact of a version on who sees what.
import { badge, enumBadge, h, pretty, table } from '../dom.js';
import { label, t } from '../../shared/i18n.js';

function lineClass(line) {
  if (line.startsWith('+++') || line.startsWith('---')) return 'diff-file';
  if (line.startsWith('@@')) return 'diff-hunk';
  if (line.startsWith('+')) return 'diff-add';
  if (line.startsWith('-')) return 'diff-del';
  return 'diff-ctx';
}

export function diffView(diff) {
  const lines = diff.text.replace(/\n$/, '').split('\n');
  const added = lines.filter((l) => lineClass(l) === 'diff-add').length;
  const removed = lines.filter((l) => lineClass(l) === 'diff-del').length;
  const code = (text) => (text ? h('pre', { class: 'mono small' }, pretty(text)) : '—');
  return h(
    'div',
    { class: 'diff' },
    h('p', {}, t('console.diff.summary', { from: diff.from, to: diff.to, count: diff.changes.length }), ' ', h('span', { class: 'diff-add-count' }, `+${added}`), ' ', h('span', { class: 'diff-del-count' }, `−${removed}`), ' ', t('console.diff.lines')),
    diff.text.trim()
      ? h('pre', { class: 'diff-text', 'aria-label': t('console.diff.label', { from: diff.from, to: diff.to }), tabindex: '0' }, lines.map((l) => h('span', { class: `diff-line ${lineClass(l)}` }, `${l}\n`)))
      : h('p', { class: 'empty' }, t('console.diff.identical')),
    table(t('console.diff.caption'), [
      { label: t('console.col.change'), cell: (c) => enumBadge('change', c.kind, `change-${c.kind.toLowerCase()}`) },
      { label: t('console.col.what'), cell: (c) => c.target },
      { label: t('console.col.policy'), cell: (c) => c.policyId ?? '' },
      { label: t('console.col.rule'), cell: (c) => (c.rule ?? '') === '' ? '' : String(c.rule), class: 'num' },
      { label: t('console.col.before'), cell: (c) => code(c.before) },
      { label: t('console.col.after'), cell: (c) => code(c.after) },
    ], diff.changes, t('console.diff.none')),
  );
}

export function impactTable(impact) {
  return h(
    'div',
    { class: 'impact' },
    h('p', {}, t('console.impact.summary', { version: impact.version, comparedWith: impact.comparedWith, count: impact.changes.length })),
    table(t('console.impact.caption', { version: impact.version }), [
      { label: t('console.department'), cell: (c) => label('dept', c.dept) },
      { label: t('console.col.role'), cell: (c) => label('role', c.role) },
      { label: t('console.col.type'), cell: (c) => c.type },
      { label: t('console.col.field'), cell: (c) => h('code', {}, c.field) },
      { label: t('console.col.before'), cell: (c) => enumBadge('decision', c.before) },
      { label: t('console.col.after'), cell: (c) => enumBadge('decision', c.after) },
      { label: t('console.col.direction'), cell: (c) => enumBadge('direction', c.direction) },
      { label: t('console.review.tests'), cell: (c) => (c.coveredBy.length ? c.coveredBy.join('; ') : badge(t('console.review.untested'), 'untested')) },
    ], impact.changes, t('console.impact.none')),
  );
}

const SHORT = { FULL: 'F', MASKED: 'M', DENIED: '–' };

/**
 * Review as cells: the draft against the version in force as the matrix's cells that change, one row per field and
 * one column per department and role that changes, each cell gain or loss (colour and words), with the tests of the
 * draft that check it; a cell no test checks is marked, for the reviewer to ask for one before approving.
 */
export function changedCells(impact) {
  const changes = impact.changes;
  if (changes.length === 0) return h('p', { class: 'empty' }, t('console.impact.none'));
  const fields = [...new Set(changes.map((c) => `${c.type}.${c.field}`))].sort();
  const callers = [...new Set(changes.map((c) => `${c.dept} ${c.role}`))].sort();
  const at = new Map(changes.map((c) => [`${c.type}.${c.field}|${c.dept} ${c.role}`, c]));
  const untested = changes.filter((c) => c.coveredBy.length === 0);
  const gains = changes.filter((c) => c.direction === 'GAINS').length;
  const describe = (c) =>
    t(c.coveredBy.length ? 'console.review.cellCovered' : 'console.review.cellUntested', {
      caller: `${label('dept', c.dept)} ${label('role', c.role)}`, field: `${c.type}.${c.field}`, before: label('decision', c.before), after: label('decision', c.after),
      direction: label('direction', c.direction), tests: c.coveredBy.join('; '),
    });
  return h(
    'div',
    { class: 'review-cells' },
    h('p', {}, t('console.review.summary', { count: changes.length, gains, losses: changes.length - gains, untested: untested.length })),
    h('div', { class: 'matrix-scroll' }, h(
      'table',
      { class: 'grid matrix review', 'aria-label': t('console.review.caption', { version: impact.version, comparedWith: impact.comparedWith }) },
      h('caption', {}, t('console.review.caption', { version: impact.version, comparedWith: impact.comparedWith })),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('console.col.field')), callers.map((k) => {
        const [dept, role] = k.split(' ');
        return h('th', { scope: 'col' }, `${label('dept', dept)} · ${label('role', role)}`);
      }))),
      h('tbody', {}, fields.map((f) => h('tr', {}, h('th', { scope: 'row' }, h('code', {}, f)), callers.map((k) => {
        const c = at.get(`${f}|${k}`);
        if (!c) return h('td', { class: 'cell' }, '');
        const text = describe(c);
        return h('td', { class: `cell cell-${c.direction === 'GAINS' ? 'gain' : 'loss'}${c.coveredBy.length ? '' : ' untested'}`, title: text, 'aria-label': text },
          `${SHORT[c.before]}→${SHORT[c.after]}`, h('span', { 'aria-hidden': 'true' }, c.direction === 'GAINS' ? ' +' : ' −'), c.coveredBy.length ? null : h('span', { class: 'marker', 'aria-hidden': 'true' }, '!'));
      })))),
    )),
    untested.length ? h('p', { class: 'verdict bad' }, t('console.review.untestedList', { count: untested.length, cells: untested.map((c) => `${c.type}.${c.field} (${label('dept', c.dept)} ${label('role', c.role)})`).join('; ') })) : h('p', { class: 'verdict good' }, t('console.review.allTested')),
  );
}
