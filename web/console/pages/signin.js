// Sign in: paste a bearer token from the identity provider, or, in the embedded development mode only, mint a
// development token for chosen attributes (the gateway offers /console/dev-token there and nowhere else).
import { act, ApiError, devSignInInfo, devToken, flashStatus, gql, session, showError } from '../api.js';
import { field, h, section, select } from '../dom.js';

/** Checks the token against the gateway (a bad one is refused with 401) before keeping it. */
async function useToken(token, { navigate, refreshSession }) {
  const previous = session.token;
  session.set(token);
  try {
    await gql('query ConsoleSignIn { __typename }');
  } catch (error) {
    if (previous) session.set(previous);
    else session.clear();
    throw error;
  }
  refreshSession();
  const claims = session.claims();
  flashStatus(`Signed in as ${claims?.sub ?? 'the token holder'}.`);
  navigate('catalogue');
}

function pasteForm(ctx) {
  const token = h('textarea', { rows: 4, class: 'mono', spellcheck: 'false', autocomplete: 'off', required: true });
  const submit = h('button', { type: 'submit', class: 'primary' }, 'Use this token');
  return section(
    'Sign in with a token',
    h('p', {}, 'Paste the bearer token your identity provider issued (a JSON Web Token). It is kept in this browser tab only and sent with every request.'),
    h(
      'form',
      { onsubmit: (e) => { e.preventDefault(); act(submit, () => useToken(token.value, ctx)); } },
      field('Bearer token', token),
      h('div', { class: 'actions' }, submit),
    ),
  );
}

function devForm(info, ctx) {
  const sub = h('input', { type: 'text', autocomplete: 'off', required: true, placeholder: 'e.g. officer-wang' });
  const dept = select(info.departments.map((d) => ({ value: d, label: d, selected: d === 'data-bureau' })));
  const roles = h(
    'fieldset',
    { class: 'checks' },
    h('legend', {}, 'Roles'),
    info.roles.map((r) => h('label', {}, h('input', { type: 'checkbox', name: 'role', value: r, checked: r === 'security-officer' }), ` ${r}`)),
  );
  const region = h('input', { type: 'text', inputmode: 'numeric', pattern: '[0-9]{6}', placeholder: 'optional, e.g. 460100' });
  const submit = h('button', { type: 'submit', class: 'primary' }, 'Sign in (development)');
  const problems = h('ul', { class: 'problems', 'aria-label': 'Sign-in problems' });
  const signIn = async () => {
    problems.replaceChildren();
    const body = {
      sub: sub.value.trim(),
      dept: dept.value,
      roles: [...roles.querySelectorAll('input:checked')].map((c) => c.value),
      ...(region.value.trim() ? { region: region.value.trim() } : {}),
    };
    let token;
    try {
      token = await devToken(body);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      problems.replaceChildren(...error.problems.map((p) => h('li', {}, p)));
      showError(new Error(error.message));
      return;
    }
    await useToken(token, ctx);
  };
  return section(
    'Development sign-in',
    h('p', { class: 'notice' }, `Embedded development mode: the gateway signs a token for these attributes with its development key, valid for ${Math.round(info.expiresInSeconds / 60)} minutes. This form does not exist in production or where tokens come from an identity provider.`),
    h(
      'form',
      { onsubmit: (e) => { e.preventDefault(); act(submit, signIn); } },
      h('div', { class: 'row' }, field('Subject (sub)', sub), field('Department', dept), field('Region code', region, '6-digit GB/T 2260 code of the office, if any')),
      roles,
      problems,
      h('div', { class: 'actions' }, submit),
    ),
  );
}

export function signInPage(ctx) {
  const page = h('div', { class: 'page' }, h('h1', {}, 'Sign in'));
  const claims = session.claims();
  if (claims) {
    page.append(
      section(
        'Current session',
        h('p', {}, `Signed in as ${claims.sub} of ${claims.dept} (${(claims.roles ?? []).join(', ')}). Security officers edit policies and decide grants; auditors read.`),
        h('button', { type: 'button', class: 'secondary', onclick: () => { session.clear(); ctx.refreshSession(); ctx.navigate('signin'); } }, 'Sign out'),
      ),
    );
  }
  const devSlot = h('div');
  page.append(devSlot, pasteForm(ctx));
  devSignInInfo().then((info) => {
    if (info?.available) devSlot.replaceChildren(devForm(info, ctx));
  });
  return page;
}
