// Explain: for a caller's attributes and a pasted GraphQL operation, the decision on every requested field and
// what decided it, under the active version or a chosen one. Touches no data.
import { act, gql } from '../api.js';
import { badge, field, h, section, select, table } from '../dom.js';

const EXPLAIN = `query ConsoleExplain($caller: CallerInput!, $query: String!, $operationName: String, $version: Int) {
  explain(caller: $caller, query: $query, operationName: $operationName, version: $version) {
    version operationName fields { path type field decision reason source sourceId dependsOnRecord }
  }
}`;
const DEPARTMENTS = ['public-security', 'natural-resources', 'market-regulation', 'health', 'education', 'housing', 'credit', 'statistics', 'data-bureau'];
const ROLES = ['officer', 'analyst', 'dashboard', 'app', 'developer', 'security-officer', 'auditor'];
const EXAMPLE = `{
  persons(first: 1) {
    edges { node { name idNumber phone birthDate maritalStatus healthRecord { bloodType } } }
  }
}`;

export function explainPage() {
  const dept = select([{ value: '', label: '(public: no department)' }, ...DEPARTMENTS.map((d) => ({ value: d, label: d, selected: d === 'health' }))]);
  const roles = h('select', { multiple: true, size: String(ROLES.length) }, ROLES.map((r) => h('option', { value: r, selected: r === 'analyst' }, r)));
  const region = h('input', { type: 'text', inputmode: 'numeric', placeholder: 'e.g. 460100' });
  const purpose = h('input', { type: 'text', placeholder: 'the X-Purpose the caller declares' });
  const version = h('input', { type: 'number', min: '1', placeholder: 'blank: the version in force' });
  const query = h('textarea', { rows: 10, class: 'mono', spellcheck: 'false', value: EXAMPLE });
  const operationName = h('input', { type: 'text', placeholder: 'only if the document has several operations' });
  const out = h('div');
  const button = h('button', { type: 'submit', class: 'primary' }, 'Explain');
  const explain = async () => {
    const caller = {
      dept: dept.value || null,
      roles: [...roles.selectedOptions].map((o) => o.value),
      region: region.value.trim() || null,
      purpose: purpose.value.trim() || null,
    };
    const { explain: x } = await gql(EXPLAIN, { caller, query: query.value, operationName: operationName.value.trim() || null, version: version.value ? Number(version.value) : null });
    out.replaceChildren(
      h('p', {}, `Under version ${x.version}${x.operationName ? `, operation ${x.operationName}` : ''}: ${x.fields.length} field${x.fields.length === 1 ? '' : 's'}.`),
      table('Decision per requested field', [
        { label: 'Path', cell: (f) => h('code', {}, f.path) },
        { label: 'Type', cell: (f) => f.type },
        { label: 'Field', cell: (f) => f.field },
        { label: 'Decision', cell: (f) => badge(f.decision) },
        { label: 'Reason', cell: (f) => `${f.reason}${f.dependsOnRecord ? ' (depends on the record)' : ''}` },
        { label: 'Source', cell: (f) => (f.source ? `${f.source}${f.sourceId ? `: ${f.sourceId}` : ''}` : '—') },
      ], x.fields, 'The operation requests no field.'),
    );
  };
  return h(
    'div',
    { class: 'page' },
    h('h1', {}, 'Explain a query'),
    section(
      'Caller and operation',
      h(
        'form',
        { onsubmit: (e) => { e.preventDefault(); act(button, explain); } },
        h('div', { class: 'row' }, field('Department', dept), field('Roles', roles, 'Ctrl or Cmd to choose several.'), field('Region', region), field('Purpose', purpose), field('Policy version', version)),
        field('GraphQL query', query),
        field('Operation name', operationName),
        h('div', { class: 'actions' }, button),
      ),
    ),
    section('Decisions', out),
  );
}
