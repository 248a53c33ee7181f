// "Who can see this?": for one field (optionally one record), every department and role with its decision and why,
// and the grants in force that widen it; downloadable as CSV for review meetings. The CSV is made here from the
// GraphQL answer, so there is no second server route to authenticate.
import { act, gql, showError } from '../api.js';
import { enumBadge, field, h, section, select, table } from '../dom.js';
import { catalogueTypes } from '../vocabulary.js';
import { label, t } from '../../shared/i18n.js';

const WHO = `query ConsoleWhoCanSee($type: String!, $field: String!, $key: String, $version: Int, $region: String) {
  whoCanSee(type: $type, field: $field, key: $key, version: $version, region: $region) {
    dept role decision decisionInScope reason source sourceId dependsOnRecord condition
    grants { grantId requesterDept purpose expiresAt region decision }
  }
}`;

const CSV_COLUMNS = ['dept', 'role', 'decision', 'inScope', 'decidedBy', 'reason', 'dependsOnRecord', 'condition', 'grants'];

/** One CSV field (RFC 4180); a leading = + - @ is neutralised so that a spreadsheet never runs it as a formula. */
export function csvField(value) {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function whoCanSeeCsv(entries) {
  const lines = [CSV_COLUMNS.map((c) => t(`console.who.csv.${c}`)), ...entries.map((e) => [
    e.dept,
    e.role,
    e.decision,
    e.decisionInScope,
    e.source ? `${e.source} ${e.sourceId ?? ''}`.trim() : '',
    e.reason,
    e.dependsOnRecord ? t('console.who.csv.yes') : t('console.who.csv.no'),
    e.condition ?? '',
    e.grants.map((g) => t('console.who.csv.grant', { id: g.grantId, purpose: g.purpose, expires: g.expiresAt, region: g.region ? t('console.who.regionSuffix', { region: g.region }) : '', decision: g.decision })).join('; '),
  ])];
  // A byte-order mark, so that spreadsheet programs read the file as UTF-8.
  return `\ufeff${lines.map((l) => l.map(csvField).join(',')).join('\r\n')}\r\n`;
}

function download(name, text) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = h('a', { href: url, download: name, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function whoCanSeePage() {
  const type = select([{ value: 'Person', label: 'Person', selected: true }]);
  const fieldSelect = select([{ value: 'phone', label: 'phone', selected: true }]);
  const key = h('input', { type: 'text', placeholder: t('console.who.keyPlaceholder') });
  const version = h('input', { type: 'number', min: '1', placeholder: t('console.matrix.versionPlaceholder') });
  const region = h('input', { type: 'text', inputmode: 'numeric', placeholder: t('console.matrix.regionPlaceholder') });
  const out = h('div', {}, h('p', { class: 'muted' }, t('console.who.choose')));
  const button = h('button', { type: 'submit', class: 'primary' }, t('console.who.ask'));
  let types = [];

  const fillFields = () => {
    const fields = types.find((c) => c.name === type.value)?.fields ?? [];
    const keep = fieldSelect.value;
    fieldSelect.replaceChildren(...fields.map((f) => h('option', { value: f.name, selected: f.name === keep }, f.name)));
  };
  type.addEventListener('change', fillFields);

  const ask = async () => {
    const args = { type: type.value, field: fieldSelect.value, key: key.value.trim() || null, version: version.value ? Number(version.value) : null, region: region.value.trim() || null };
    const { whoCanSee: entries } = await gql(WHO, args);
    const csvName = `who-can-see-${args.type}.${args.field}${args.key ? `-${args.key}` : ''}.csv`.replace(/[^A-Za-z0-9._-]/g, '_');
    const seeing = entries.filter((e) => e.decision !== 'DENIED' && e.decision !== 'AGGREGATE_ONLY').length;
    out.replaceChildren(
      h('p', {}, t(args.key ? 'console.who.summaryRecord' : 'console.who.summary', { type: args.type, field: args.field, key: args.key, seeing, total: entries.length }),
        ' ', h('button', { type: 'button', class: 'secondary small', onclick: () => download(csvName, whoCanSeeCsv(entries)) }, t('console.who.download'))),
      table(t('console.who.caption', { type: args.type, field: args.field }), [
        { label: t('console.who.dept'), cell: (e) => label('dept', e.dept) },
        { label: t('console.who.role'), cell: (e) => label('role', e.role) },
        { label: t('console.who.decision'), cell: (e) => enumBadge('decision', e.decision) },
        { label: t('console.who.inScope'), cell: (e) => (e.dependsOnRecord ? enumBadge('decision', e.decisionInScope) : '') },
        { label: t('console.who.decidedBy'), cell: (e) => (e.source ? `${e.source}: ${e.sourceId ?? ''}` : '—') },
        { label: t('console.who.reason'), cell: (e) => e.reason },
        { label: t('console.who.condition'), cell: (e) => e.condition ?? '' },
        { label: t('console.who.grants'), cell: (e) => (e.grants.length ? h('ul', { class: 'plain' }, e.grants.map((g) => h('li', {}, t('console.who.grant', { id: g.grantId, purpose: g.purpose, expires: g.expiresAt, region: g.region ? t('console.who.regionSuffix', { region: g.region }) : '' }), enumBadge('decision', g.decision)))) : '') },
      ], entries),
    );
  };

  catalogueTypes()
    .then((catalogue) => {
      types = catalogue;
      type.replaceChildren(...types.map((c) => h('option', { value: c.name, selected: c.name === 'Person' }, c.name)));
      fillFields();
    })
    .catch(showError);
  return h(
    'div',
    { class: 'page' },
    h('h1', {}, t('console.who.title')),
    h('p', { class: 'muted' }, t('console.who.intro')),
    section(
      t('console.who.fieldSection'),
      h('form', { onsubmit: (e) => { e.preventDefault(); act(button, ask); } },
        h('div', { class: 'row' }, field(t('console.who.type'), type), field(t('console.who.field'), fieldSelect), field(t('console.who.key'), key, t('console.who.keyHint')), field(t('console.who.version'), version), field(t('console.who.region'), region)),
        h('div', { class: 'actions' }, button)),
    ),
    section(t('console.who.section'), out),
  );
}
