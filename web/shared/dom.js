// Small DOM helpers shared by the console and the dashboard: elements are built from data with text nodes only
// (never innerHTML), so nothing the API returns is ever interpreted as markup; and no inline style attribute is
// ever written (the pages' CSP forbids them).

const BOOLEAN_PROPS = new Set(['checked', 'selected', 'disabled', 'multiple', 'required']);

/** h('button', { class: 'primary', onclick }, 'Save') */
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else if (key === 'class') el.className = value;
    else if (key === 'for') el.htmlFor = value;
    else if (key === 'value') el.value = value;
    else if (BOOLEAN_PROPS.has(key)) el[key] = Boolean(value);
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
/** A unique element id for this page. */
export function nextId(prefix = 'f') {
  return `${prefix}${++ids}`;
}

/** A labelled form control wrapped in a div.field, with an optional hint tied to it for screen readers. */
export function field(labelText, control, hint) {
  control.id ||= nextId();
  const hintEl = hint ? h('div', { class: 'hint', id: `${control.id}-hint` }, hint) : null;
  if (hintEl) control.setAttribute('aria-describedby', hintEl.id);
  return h('div', { class: 'field' }, h('label', { for: control.id }, labelText), control, hintEl);
}
