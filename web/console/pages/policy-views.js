// Read-only views of the policy service's answers: a unified diff with added and removed lines coloured, the
// structured changes, and the impact of a version on who sees what.
import { badge, h, pretty, table } from '../dom.js';

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
    h('p', {}, `From version ${diff.from} to version ${diff.to}: ${diff.changes.length} change${diff.changes.length === 1 ? '' : 's'}, `, h('span', { class: 'diff-add-count' }, `+${added}`), ' ', h('span', { class: 'diff-del-count' }, `−${removed}`), ' lines.'),
    diff.text.trim()
      ? h('pre', { class: 'diff-text', 'aria-label': `Unified diff from version ${diff.from} to version ${diff.to}`, tabindex: '0' }, lines.map((l) => h('span', { class: `diff-line ${lineClass(l)}` }, `${l}\n`)))
      : h('p', { class: 'empty' }, 'The two documents are identical.'),
    table('Structured changes', [
      { label: 'Change', cell: (c) => badge(c.kind, `change-${c.kind.toLowerCase()}`) },
      { label: 'What', cell: (c) => c.target },
      { label: 'Policy', cell: (c) => c.policyId ?? '' },
      { label: 'Rule', cell: (c) => (c.rule ?? '') === '' ? '' : String(c.rule), class: 'num' },
      { label: 'Before', cell: (c) => code(c.before) },
      { label: 'After', cell: (c) => code(c.after) },
    ], diff.changes, 'No structured change.'),
  );
}

export function impactTable(impact) {
  return h(
    'div',
    { class: 'impact' },
    h('p', {}, `Version ${impact.version} compared with version ${impact.comparedWith} (in force): ${impact.changes.length} change${impact.changes.length === 1 ? '' : 's'} of access.`),
    table(`Impact of version ${impact.version}`, [
      { label: 'Department', cell: (c) => c.dept },
      { label: 'Role', cell: (c) => c.role },
      { label: 'Type', cell: (c) => c.type },
      { label: 'Field', cell: (c) => h('code', {}, c.field) },
      { label: 'Before', cell: (c) => badge(c.before) },
      { label: 'After', cell: (c) => badge(c.after) },
      { label: 'Direction', cell: (c) => badge(c.direction) },
    ], impact.changes, 'Nobody gains or loses access to any field.'),
  );
}
