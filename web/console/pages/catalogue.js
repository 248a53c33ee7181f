// The resource catalogue: every catalogued type and, for the chosen one, its fields with owner, sharing type,
// openness, personal-information sensitivity and mask.
import { gql, showError } from '../api.js';
import { enumBadge, field, h, section, select, table } from '../dom.js';
import { formatNumber, label, t } from '../../shared/i18n.js';

const CATALOGUE = `query ConsoleCatalogue {
  catalogue { name owner description regionField fields { name owner sharing open sensitivity mask description } }
}`;

function matches(text, ...values) {
  return values.some((v) => (v ?? '').toLowerCase().includes(text));
}

export function cataloguePage() {
  const option = (prefix) => (value) => ({ value, label: label(prefix, value) });
  const filter = h('input', { type: 'search', placeholder: t('console.catalogue.filterPlaceholder'), autocomplete: 'off' });
  const sharing = select([{ value: '', label: t('common.any') }, ...['UNCONDITIONAL', 'CONDITIONAL', 'NOT_SHARED'].map(option('sharing'))]);
  const sensitivity = select([{ value: '', label: t('common.any') }, ...['NONE', 'PERSONAL', 'SENSITIVE'].map(option('sensitivity'))]);
  const typesSlot = h('div', {}, h('p', { class: 'muted' }, t('console.catalogue.loading')));
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
        t('console.catalogue.fieldsOf', { type: type.name }),
        type.description ? h('p', {}, type.description) : null,
        h('p', { class: 'muted' }, type.regionField ? t('console.catalogue.ownerRegion', { owner: label('dept', type.owner), field: type.regionField }) : t('console.catalogue.owner', { owner: label('dept', type.owner) })),
        table(t('console.catalogue.fieldsOf', { type: type.name }), [
          { label: t('console.col.field'), cell: (f) => h('code', {}, f.name) },
          { label: t('console.col.owner'), cell: (f) => label('dept', f.owner) },
          { label: t('console.col.sharing'), cell: (f) => enumBadge('sharing', f.sharing) },
          { label: t('console.col.openData'), cell: (f) => (f.open ? t('common.yes') : t('common.no')) },
          { label: t('console.col.sensitivity'), cell: (f) => enumBadge('sensitivity', f.sensitivity, `sens-${f.sensitivity.toLowerCase()}`) },
          { label: t('console.col.mask'), cell: (f) => f.mask },
          { label: t('console.col.description'), cell: (f) => f.description ?? '' },
        ], fieldsOf(type), t('console.catalogue.noField')),
      ),
    );
  };

  const showTypes = () => {
    const shown = types.map((t) => ({ type: t, fields: fieldsOf(t) })).filter((r) => r.fields.length > 0);
    typesSlot.replaceChildren(
      h('p', { class: 'muted' }, t('console.catalogue.typesShown', { shown: formatNumber(shown.length), count: types.length, total: formatNumber(types.length) })),
      table(t('console.catalogue.types'), [
        { label: t('console.col.type'), cell: (r) => h('button', { type: 'button', class: 'link', onclick: () => showFields(r.type), 'aria-label': t('console.catalogue.showFields', { type: r.type.name }) }, r.type.name) },
        { label: t('console.col.owner'), cell: (r) => label('dept', r.type.owner) },
        { label: t('console.col.fields'), cell: (r) => (r.fields.length !== r.type.fields.length ? t('console.catalogue.fieldsPart', { n: formatNumber(r.fields.length), total: formatNumber(r.type.fields.length) }) : formatNumber(r.fields.length)), class: 'num' },
        { label: t('console.col.notShared'), cell: (r) => formatNumber(r.fields.filter((f) => f.sharing === 'NOT_SHARED').length), class: 'num' },
        { label: t('console.col.sensitive'), cell: (r) => formatNumber(r.fields.filter((f) => f.sensitivity === 'SENSITIVE').length), class: 'num' },
      ], shown, t('console.catalogue.noType')),
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
      typesSlot.replaceChildren(h('p', { class: 'empty' }, t('console.catalogue.failed')));
      showError(error);
    });

  return h(
    'div',
    { class: 'page' },
    h('h1', {}, t('console.catalogue.title')),
    h(
      'p',
      { class: 'muted' },
      t('console.catalogue.document'),
      ' ',
      h('a', { href: '/console/catalogue' }, t('console.catalogue.documentLink')),
      ' · ',
      h('a', { href: '/console/catalogue.md' }, 'Markdown'),
    ),
    section(
      t('console.catalogue.types'),
      h('div', { class: 'row' }, field(t('console.catalogue.filter'), filter), field(t('console.col.sharing'), sharing), field(t('console.col.sensitivity'), sensitivity)),
      typesSlot,
    ),
    fieldsSlot,
  );
}
