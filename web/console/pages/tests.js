// Policy tests: runs the tests stored with a version against that version and shows each pass or failure.
import { act, gql } from '../api.js';
import { enumBadge, field, h, section, table } from '../dom.js';
import { label, t } from '../../shared/i18n.js';

const VERSIONS = `query ConsoleTestVersions { activePolicyVersion { number } policyVersions(first: 100) { edges { node { number state } } } }`;
const RUN = `query ConsoleRunTests($number: Int) {
  runPolicyTests(number: $number) { version passed failed results { name passed expected actual reason } }
}`;

export function testsPage() {
  const requested = Number(location.hash.split('/')[1]) || null;
  const version = h('select');
  const out = h('div');
  const run = async () => {
    const { runPolicyTests: r } = await gql(RUN, { number: Number(version.value) });
    out.replaceChildren(
      h('p', { class: r.failed ? 'verdict bad' : 'verdict good' }, t('console.tests.verdict', { version: r.version, passed: r.passed, failed: r.failed })),
      table(t('console.tests.tableCaption', { version: r.version }), [
        { label: t('console.col.test'), cell: (x) => x.name },
        { label: t('console.col.result'), cell: (x) => (x.passed ? enumBadge('result', 'pass') : enumBadge('result', 'fail')) },
        { label: t('console.col.expected'), cell: (x) => enumBadge('decision', x.expected) },
        { label: t('console.col.actual'), cell: (x) => enumBadge('decision', x.actual) },
        { label: t('console.col.whatDecided'), cell: (x) => x.reason },
      ], r.results, t('console.tests.none')),
    );
  };
  const button = h('button', { type: 'submit', class: 'primary' }, t('console.tests.run'));
  act(null, async () => {
    const data = await gql(VERSIONS);
    const chosen = requested ?? data.activePolicyVersion.number;
    version.replaceChildren(...data.policyVersions.edges.map(({ node: v }) => h('option', { value: String(v.number), selected: v.number === chosen }, t('console.tests.versionOption', { number: v.number, state: label('state', v.state) }))));
    if (requested) await run();
  });
  return h(
    'div',
    { class: 'page' },
    h('h1', {}, t('console.tests.title')),
    section(
      t('console.tests.section'),
      h('p', {}, t('console.tests.intro')),
      h('form', { class: 'row', onsubmit: (e) => { e.preventDefault(); act(button, run); } }, field(t('console.policyVersion'), version), h('div', { class: 'actions end' }, button)),
      out,
    ),
  );
}
