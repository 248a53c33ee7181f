// The resource catalogue: every catalogued type and, for the chosen one, its fields with owner, sharing type,
// openness, personal-information sensitivity and mask.
import { gql, showError } from '../api.js';
import { badge, field, h, section, select, table } from '../dom.js';

const CATALOGUE = `query ConsoleCatalogue {
  catalogue { name owner description regionField fields { name owner sharing open sensitivity mask description } }
}`;

function matches(text, ...values) {
  return values.some((v) => (v ?? '').toLowerCase().includes(text));
}

export function cataloguePage() {
  const filter = h('input', { type: 'search', placeholder: 'type, field or department', autocomplete: 'off' });
  const sharing = select([{ value: '', label: 'any' }, 'UNCONDITIONAL', 'CONDITIONAL', 'NOT_SHARED']);
  const sensitivity = select([{ value: '', label: 'any' }, 'NONE', 'PERSONAL', 'SENSITIVE']);
  const typesSlot = h('div', {}, h('p', { class: 'muted' }, 'Loading the catalogue…'));
  const fieldsSlot = h('div');
  let types = [];
  let chosen = null;

  const fieldsOf = (type) => {
    const text = filter.value.trim().toLowerCase();
    const typeMatches = !text || matches(text, type.name);
    return type.fields.filter(
      (f) => (typeMatches || matches(text, f.name, f.owner)) && (!sharing.value || f.sharing === sharing.value) && (!sensitivity.value || f.sensitivity === sensitivity.value),
    );
  };

  const showFields = (type) => {
    chosen = type;
    fieldsSlot.replaceChildren(
      section(
        `Fields of ${type.name}`,
        type.description ? h('p', {}, type.description) : null,
        h('p', { class: 'muted' }, `Owner: ${type.owner}${type.regionField ? ` · region field: ${type.regionField}` : ''}`),
        table(`Fields of ${type.name}`, [
          { label: 'Field', cell: (f) => h('code', {}, f.name) },
          { label: 'Owner', cell: (f) => f.owner },
          { label: 'Sharing type', cell: (f) => badge(f.sharing) },
          { label: 'Open data', cell: (f) => (f.open ? 'yes' : 'no') },
          { label: 'Sensitivity', cell: (f) => badge(f.sensitivity, `sens-${f.sensitivity.toLowerCase()}`) },
          { label: 'Mask', cell: (f) => f.mask },
          { label: 'Description', cell: (f) => f.description ?? '' },
        ], fieldsOf(type), 'No field of this type matches the filter.'),
      ),
    );
  };

  const showTypes = () => {
    const shown = types.map((t) => ({ type: t, fields: fieldsOf(t) })).filter((r) => r.fields.length > 0);
    typesSlot.replaceChildren(
      h('p', { class: 'muted' }, `${shown.length} of ${types.length} types`),
      table('Catalogued types', [
        { label: 'Type', cell: (r) => h('button', { type: 'button', class: 'link', onclick: () => showFields(r.type), 'aria-label': `Show fields of ${r.type.name}` }, r.type.name) },
        { label: 'Owner', cell: (r) => r.type.owner },
        { label: 'Fields', cell: (r) => `${r.fields.length}${r.fields.length !== r.type.fields.length ? ` of ${r.type.fields.length}` : ''}`, class: 'num' },
        { label: 'Not shared', cell: (r) => r.fields.filter((f) => f.sharing === 'NOT_SHARED').length, class: 'num' },
        { label: 'Sensitive', cell: (r) => r.fields.filter((f) => f.sensitivity === 'SENSITIVE').length, class: 'num' },
      ], shown, 'No type matches the filter.'),
    );
    const next = shown.find((r) => r.type === chosen)?.type ?? shown[0]?.type;
    if (next) showFields(next);
    else fieldsSlot.replaceChildren();
  };

  for (const control of [filter, sharing, sensitivity]) control.addEventListener('input', showTypes);
  gql(CATALOGUE)
    .then((data) => {
      types = data.catalogue;
      showTypes();
    })
    .catch((error) => {
      typesSlot.replaceChildren(h('p', { class: 'empty' }, 'The catalogue could not be loaded.'));
      showError(error);
    });

  return h(
    'div',
    { class: 'page' },
    h('h1', {}, 'Resource catalogue'),
    h(
      'p',
      { class: 'muted' },
      'The whole catalogue as one document, to read or print, with minimum cell sizes and how to get access: ',
      h('a', { href: '/console/catalogue' }, 'the catalogue document'),
      ' (also as ',
      h('a', { href: '/console/catalogue.md' }, 'Markdown'),
      ').',
    ),
    section(
      'Catalogued types',
      h('div', { class: 'row' }, field('Filter', filter), field('Sharing type', sharing), field('Sensitivity', sensitivity)),
      typesSlot,
    ),
    fieldsSlot,
  );
}
