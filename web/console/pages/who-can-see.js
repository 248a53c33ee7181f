// "Who can see this?": for one field (optionally one record), every department and role with its decision and why,
// and the grants in force that widen it; downloadable as CSV for review meetings. The CSV is made here from the
// GraphQL answer, so there is no second server route to authenticate.
import { act, gql, showError } from '../api.js';
import { badge, field, h, section, select, table } from '../dom.js';
import { TYPES } from './matrix.js';

const WHO = `query ConsoleWhoCanSee($type: String!, $field: String!, $key: String, $version: Int, $region: String) {
  whoCanSee(type: $type, field: $field, key: $key, version: $version, region: $region) {
    dept role decision decisionInScope reason source sourceId dependsOnRecord condition
    grants { grantId requesterDept purpose expiresAt region decision }
  }
}`;

const HEADER = ['department', 'role', 'decision', 'decision where row conditions hold', 'decided by', 'reason', 'depends on record', 'row condition', 'grants (id, purpose, expires, region, decision)'];

/** One CSV field (RFC 4180); a leading = + - @ is neutralised so that a spreadsheet never runs it as a formula. */
export function csvField(value) {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function whoCanSeeCsv(entries) {
  const lines = [HEADER, ...entries.map((e) => [
    e.dept,
    e.role,
    e.decision,
    e.decisionInScope,
    e.source ? `${e.source} ${e.sourceId ?? ''}`.trim() : '',
    e.reason,
    e.dependsOnRecord ? 'yes' : 'no',
    e.condition ?? '',
    e.grants.map((g) => `${g.grantId} (${g.purpose}, until ${g.expiresAt}${g.region ? `, region ${g.region}` : ''}: ${g.decision})`).join('; '),
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
  const key = h('input', { type: 'text', placeholder: 'blank: any record' });
  const version = h('input', { type: 'number', min: '1', placeholder: 'blank: the version in force' });
  const region = h('input', { type: 'text', inputmode: 'numeric', placeholder: '460000 (the province)' });
  const out = h('div', {}, h('p', { class: 'muted' }, 'Choose a field and ask.'));
  const button = h('button', { type: 'submit', class: 'primary' }, 'Who can see this?');
  let types = [];

  const fillFields = () => {
    const fields = types.find((t) => t.name === type.value)?.fields ?? [];
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
      h('p', {}, `${args.type}.${args.field}${args.key ? ` of record ${args.key}` : ''}: ${seeing} of ${entries.length} departments and roles see it (in full or masked).`,
        ' ', h('button', { type: 'button', class: 'secondary small', onclick: () => download(csvName, whoCanSeeCsv(entries)) }, 'Download CSV')),
      table(`Who can see ${args.type}.${args.field}`, [
        { label: 'Department', cell: (e) => e.dept },
        { label: 'Role', cell: (e) => e.role },
        { label: 'Decision', cell: (e) => badge(e.decision) },
        { label: 'Where conditions hold', cell: (e) => (e.dependsOnRecord ? badge(e.decisionInScope) : '') },
        { label: 'Decided by', cell: (e) => (e.source ? `${e.source}: ${e.sourceId ?? ''}` : '—') },
        { label: 'Reason', cell: (e) => e.reason },
        { label: 'Row condition', cell: (e) => e.condition ?? '' },
        { label: 'Grants that widen it', cell: (e) => (e.grants.length ? h('ul', { class: 'plain' }, e.grants.map((g) => h('li', {}, `${g.grantId}: purpose ${g.purpose}, until ${g.expiresAt}${g.region ? `, region ${g.region}` : ''} → `, badge(g.decision)))) : '') },
      ], entries),
    );
  };

  gql(TYPES)
    .then((data) => {
      types = data.catalogue;
      type.replaceChildren(...types.map((t) => h('option', { value: t.name, selected: t.name === 'Person' }, t.name)));
      fillFields();
    })
    .catch(showError);
  return h(
    'div',
    { class: 'page' },
    h('h1', {}, 'Who can see this?'),
    h('p', { class: 'muted' }, 'Every department and role with its decision on one field and why, and the sharing grants in force that widen it (each only under its purpose). With a record key, judged on that record: its row-condition fields are read from the owning service as you.'),
    section(
      'Field to review',
      h('form', { onsubmit: (e) => { e.preventDefault(); act(button, ask); } },
        h('div', { class: 'row' }, field('Type', type), field('Field', fieldSelect), field('Record key', key, 'e.g. a person ID; optional'), field('Policy version', version), field('Region', region)),
        h('div', { class: 'actions' }, button)),
    ),
    section('Departments and roles', out),
  );
}
