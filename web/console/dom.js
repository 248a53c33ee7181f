// The console's DOM helpers, on top of the shared ones (../shared/dom.js): never innerHTML, never inline styles.
import { h, nextId } from '../shared/dom.js';
import { formatDate, label, t } from '../shared/i18n.js';

export { field, h } from '../shared/dom.js';

export function select(options, props = {}) {
  return h('select', props, options.map((o) => (typeof o === 'string' ? h('option', { value: o }, o) : h('option', { value: o.value, selected: o.selected }, o.label))));
}

/** A table with a caption; columns: [{ label, cell(row) -> node or text, class? }]. */
export function table(caption, columns, rows, empty) {
  if (rows.length === 0) return h('p', { class: 'empty' }, empty ?? t('common.nothingToShow'));
  return h(
    'table',
    { class: 'grid' },
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, columns.map((c) => h('th', { scope: 'col' }, c.label)))),
    h('tbody', {}, rows.map((row) => h('tr', {}, columns.map((c) => h('td', { class: c.class }, c.cell(row)))))),
  );
}

export function badge(value, kind = String(value).toLowerCase()) {
  return h('span', { class: `badge badge-${kind.replace(/[^a-z0-9-]/g, '')}` }, value);
}

/**
 * A badge for an API enum value (a sharing type, a sensitivity, a decision, a state), its text from the catalogue's
 * `<prefix>.<VALUE>`; its colour class from the value itself, whatever the language.
 */
export function enumBadge(prefix, value, kind = String(value).toLowerCase()) {
  return badge(label(prefix, value), kind);
}

export function section(title, ...children) {
  const id = nextId('s');
  return h('section', { class: 'card', 'aria-labelledby': id }, h('h2', { id }, title), children);
}

/** "3 d 4 h", "2 h 5 min", "12 min", "40 s": how long a request has waited, to chase slow answers. */
export function humanAge(seconds) {
  const s = Math.max(0, Math.floor(seconds));
  if (s < 60) return t('console.age.seconds', { s });
  const m = Math.floor(s / 60);
  if (m < 60) return t('console.age.minutes', { m });
  const hours = Math.floor(m / 60);
  if (hours < 24) return t('console.age.hours', { h: hours, m: m % 60 });
  const d = Math.floor(hours / 24);
  return t('console.age.days', { d, h: hours % 24 });
}

/** A timestamp in the active language. */
export function when(iso) {
  return formatDate(iso);
}

export function pretty(json) {
  try {
    return JSON.stringify(JSON.parse(json), null, 2);
  } catch {
    return json;
  }
}
