// Read-only views of the policy service's answers: a unified diff with added and removed lines coloured, the
// structured changes, and the impact of a version on who sees what.
import { enumBadge, h, pretty, table } from '../dom.js';
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
    ], impact.changes, t('console.impact.none')),
  );
}
