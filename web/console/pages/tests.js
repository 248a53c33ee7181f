// Policy tests: runs the tests stored with a version against that version and shows each pass or failure.
import { act, gql } from '../api.js';
import { badge, field, h, section, table } from '../dom.js';

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
      h('p', { class: r.failed ? 'verdict bad' : 'verdict good' }, `Version ${r.version}: ${r.passed} passed, ${r.failed} failed.`),
      table(`Policy tests of version ${r.version}`, [
        { label: 'Test', cell: (t) => t.name },
        { label: 'Result', cell: (t) => badge(t.passed ? 'pass' : 'fail') },
        { label: 'Expected', cell: (t) => badge(t.expected) },
        { label: 'Actual', cell: (t) => badge(t.actual) },
        { label: 'What decided', cell: (t) => t.reason },
      ], r.results, 'This version has no tests.'),
    );
  };
  const button = h('button', { type: 'submit', class: 'primary' }, 'Run tests');
  act(null, async () => {
    const data = await gql(VERSIONS);
    const chosen = requested ?? data.activePolicyVersion.number;
    version.replaceChildren(...data.policyVersions.edges.map(({ node: v }) => h('option', { value: String(v.number), selected: v.number === chosen }, `${v.number} (${v.state})`)));
    if (requested) await run();
  });
  return h(
    'div',
    { class: 'page' },
    h('h1', {}, 'Policy tests'),
    section(
      'Run the tests of a version',
      h('p', {}, 'Every version stores its tests: for a caller’s attributes, the expected decision on one field. A version is approved only when all pass.'),
      h('form', { class: 'row', onsubmit: (e) => { e.preventDefault(); act(button, run); } }, field('Policy version', version), h('div', { class: 'actions end' }, button)),
      out,
    ),
  );
}
