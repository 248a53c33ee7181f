// The governance console: a single page with one tab per task, routed by the URL fragment (#policies), every
// page rendered from data fetched through the public GraphQL API as the signed-in officer.
import { resetMessages, session } from './api.js';
import { h } from './dom.js';
import { applyDocument, formatDate, label, languageSwitch, onLocaleChange, t } from '../shared/i18n.js';
import { signInPage } from './pages/signin.js';
import { cataloguePage } from './pages/catalogue.js';
import { policiesPage } from './pages/policies.js';
import { testsPage } from './pages/tests.js';
import { explainPage } from './pages/explain.js';
import { grantsPage } from './pages/grants.js';
import { objectionsPage } from './pages/objections.js';
import { subscriptionsPage } from './pages/subscriptions.js';
import { matrixPage } from './pages/matrix.js';
import { whoCanSeePage } from './pages/who-can-see.js';

const PAGES = [
  { id: 'signin', get label() { return t('console.nav.signin'); }, render: signInPage },
  { id: 'catalogue', get label() { return t('console.nav.catalogue'); }, render: cataloguePage },
  { id: 'policies', get label() { return t('console.nav.policies'); }, render: policiesPage },
  { id: 'tests', get label() { return t('console.nav.tests'); }, render: testsPage },
  { id: 'explain', get label() { return t('console.nav.explain'); }, render: explainPage },
  { id: 'matrix', get label() { return t('console.nav.matrix'); }, render: matrixPage },
  { id: 'who', get label() { return t('console.nav.who'); }, render: whoCanSeePage },
  { id: 'grants', get label() { return t('console.nav.grants'); }, render: grantsPage },
  { id: 'objections', get label() { return t('console.nav.objections'); }, render: objectionsPage },
  { id: 'subscriptions', get label() { return t('console.nav.subscriptions'); }, render: subscriptionsPage },
];

function current() {
  const id = location.hash.replace(/^#/, '').split('/')[0];
  return PAGES.find((p) => p.id === id) ?? (session.token ? PAGES[1] : PAGES[0]);
}

export function navigate(id) {
  if (location.hash === `#${id}`) render();
  else location.hash = id;
}

function renderSession() {
  const el = document.getElementById('session');
  const claims = session.claims();
  if (!claims) {
    el.replaceChildren(h('span', { class: 'who muted' }, t('common.notSignedIn')));
    return;
  }
  const params = {
    sub: claims.sub,
    dept: label('dept', claims.dept),
    roles: (claims.roles ?? []).map((r) => label('role', r)).join(t('common.listSeparator')),
    region: claims.region ?? '',
    until: claims.exp ? formatDate(claims.exp * 1000, { timeStyle: 'short' }) : '?',
  };
  el.replaceChildren(
    h('span', { class: 'who' }, claims.region ? t('console.session.whoRegion', params) : t('console.session.who', params)),
    h('button', { type: 'button', class: 'secondary small', onclick: () => { session.clear(); navigate('signin'); } }, t('common.signOut')),
  );
}

function renderTabs(active) {
  const nav = document.getElementById('tabs');
  nav.replaceChildren(
    ...PAGES.map((p) =>
      h('a', { href: `#${p.id}`, id: `tab-${p.id}`, 'aria-current': p === active ? 'page' : undefined, class: p === active ? 'tab active' : 'tab' }, p.label),
    ),
  );
}

let generation = 0;
async function render() {
  const page = current();
  const mine = ++generation;
  resetMessages();
  renderTabs(page);
  renderSession();
  const main = document.getElementById('main');
  main.setAttribute('aria-labelledby', `tab-${page.id}`);
  main.replaceChildren(h('p', { class: 'muted' }, t('common.loading')));
  const content = await page.render({ navigate, refreshSession: renderSession });
  if (mine === generation) main.replaceChildren(content);
}

window.addEventListener('hashchange', render);
applyDocument();
document.getElementById('lang').replaceChildren(languageSwitch());
// A change of language draws the shell and the current page again in it.
onLocaleChange(render);
render();
