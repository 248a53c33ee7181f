// Small DOM helpers: elements are built from data with text nodes only (never innerHTML), so nothing the API
// returns is ever interpreted as markup, and no inline style attribute is ever written (the page's CSP forbids
// them; ECharts sets its own styles through the CSSOM, which CSP does not govern).

/** h('button', { class: 'primary', onclick }, 'Save') */
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else if (key === 'class') el.className = value;
    else if (key === 'for') el.htmlFor = value;
    else if (key === 'value') el.value = value;
    else if (key === 'selected' || key === 'disabled') el[key] = Boolean(value);
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

let ids = 0;
/** A labelled form control wrapped in a div.field. */
export function field(labelText, control) {
  control.id ||= `f${++ids}`;
  return h('div', { class: 'field' }, h('label', { for: control.id }, labelText), control);
}

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
