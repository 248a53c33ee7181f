// The governance console: a single page with one tab per task, routed by the URL fragment (#policies), every
// page rendered from data fetched through the public GraphQL API as the signed-in officer.
import { resetMessages, session } from './api.js';
import { h } from './dom.js';
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
  { id: 'signin', label: 'Sign in', render: signInPage },
  { id: 'catalogue', label: 'Catalogue', render: cataloguePage },
  { id: 'policies', label: 'Policies', render: policiesPage },
  { id: 'tests', label: 'Policy tests', render: testsPage },
  { id: 'explain', label: 'Explain', render: explainPage },
  { id: 'matrix', label: 'Matrix', render: matrixPage },
  { id: 'who', label: 'Who can see', render: whoCanSeePage },
  { id: 'grants', label: 'Grants', render: grantsPage },
  { id: 'objections', label: 'Objections', render: objectionsPage },
  { id: 'subscriptions', label: 'Subscriptions', render: subscriptionsPage },
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
    el.replaceChildren(h('span', { class: 'who muted' }, 'Not signed in'));
    return;
  }
  const expires = claims.exp ? new Date(claims.exp * 1000).toLocaleTimeString('en-GB', { timeStyle: 'short' }) : '?';
  el.replaceChildren(
    h('span', { class: 'who' }, 'Signed in as ', h('strong', {}, claims.sub), ` · ${claims.dept} · ${(claims.roles ?? []).join(', ')}${claims.region ? ` · ${claims.region}` : ''} · until ${expires}`),
    h('button', { type: 'button', class: 'secondary small', onclick: () => { session.clear(); navigate('signin'); } }, 'Sign out'),
  );
}

function renderTabs(active) {
  const nav = document.getElementById('tabs');
  nav.replaceChildren(
    ...PAGES.map((p) =>
      h('a', { href: `#${p.id}`, role: 'tab', id: `tab-${p.id}`, 'aria-selected': String(p === active), 'aria-controls': 'main', class: p === active ? 'tab active' : 'tab' }, p.label),
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
  main.replaceChildren(h('p', { class: 'muted' }, 'Loading…'));
  const content = await page.render({ navigate, refreshSession: renderSession });
  if (mine === generation) main.replaceChildren(content);
}

window.addEventListener('hashchange', render);
render();
