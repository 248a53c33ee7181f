// Explain: for a caller's attributes and a pasted GraphQL operation, the decision on every requested field and
// what decided it, under the active version or a chosen one. Touches no data.
import { act, gql } from '../api.js';
import { enumBadge, field, h, section, select, table } from '../dom.js';
import { label, t } from '../../shared/i18n.js';

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
  const dept = select([{ value: '', label: t('console.explain.public') }, ...DEPARTMENTS.map((d) => ({ value: d, label: label('dept', d), selected: d === 'health' }))]);
  const roles = h('select', { multiple: true, size: String(ROLES.length) }, ROLES.map((r) => h('option', { value: r, selected: r === 'analyst' }, label('role', r))));
  const region = h('input', { type: 'text', inputmode: 'numeric', placeholder: t('console.explain.regionPlaceholder') });
  const purpose = h('input', { type: 'text', placeholder: t('console.explain.purposePlaceholder') });
  const version = h('input', { type: 'number', min: '1', placeholder: t('console.explain.versionPlaceholder') });
  const query = h('textarea', { rows: 10, class: 'mono', spellcheck: 'false', value: EXAMPLE });
  const operationName = h('input', { type: 'text', placeholder: t('console.explain.operationPlaceholder') });
  const out = h('div');
  const button = h('button', { type: 'submit', class: 'primary' }, t('console.explain.submit'));
  const explain = async () => {
    const caller = {
      dept: dept.value || null,
      roles: [...roles.selectedOptions].map((o) => o.value),
      region: region.value.trim() || null,
      purpose: purpose.value.trim() || null,
    };
    const { explain: x } = await gql(EXPLAIN, { caller, query: query.value, operationName: operationName.value.trim() || null, version: version.value ? Number(version.value) : null });
    out.replaceChildren(
      h('p', {}, x.operationName
        ? t('console.explain.summaryOperation', { version: x.version, operation: x.operationName, count: x.fields.length })
        : t('console.explain.summary', { version: x.version, count: x.fields.length })),
      table(t('console.explain.tableCaption'), [
        { label: t('console.col.path'), cell: (f) => h('code', {}, f.path) },
        { label: t('console.col.type'), cell: (f) => f.type },
        { label: t('console.col.field'), cell: (f) => f.field },
        { label: t('console.col.decision'), cell: (f) => enumBadge('decision', f.decision) },
        { label: t('console.col.reason'), cell: (f) => (f.dependsOnRecord ? t('console.explain.reasonDepends', { reason: f.reason }) : f.reason) },
        { label: t('console.col.source'), cell: (f) => (f.source ? `${f.source}${f.sourceId ? `: ${f.sourceId}` : ''}` : '—') },
      ], x.fields, t('console.explain.noField')),
    );
  };
  return h(
    'div',
    { class: 'page' },
    h('h1', {}, t('console.explain.title')),
    section(
      t('console.explain.caller'),
      h(
        'form',
        { onsubmit: (e) => { e.preventDefault(); act(button, explain); } },
        h('div', { class: 'row' }, field(t('console.department'), dept), field(t('console.roles'), roles, t('console.explain.rolesHint')), field(t('console.col.region'), region), field(t('console.col.purpose'), purpose), field(t('console.policyVersion'), version)),
        field(t('console.explain.query'), query),
        field(t('console.explain.operation'), operationName),
        h('div', { class: 'actions' }, button),
      ),
    ),
    section(t('console.explain.decisions'), out),
  );
}
