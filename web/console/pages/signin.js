// Sign in: paste a bearer token from the identity provider, or, in the embedded development mode only, mint a
// development token for chosen attributes (the gateway offers /console/dev-token there and nowhere else).
import { act, ApiError, devSignInInfo, devToken, flashStatus, gql, session, showError } from '../api.js';
import { field, h, section, select } from '../dom.js';
import { formatNumber, label, t } from '../../shared/i18n.js';

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
  flashStatus(claims?.sub ? t('console.signin.signedIn', { sub: claims.sub }) : t('console.signin.signedInHolder'));
  navigate('catalogue');
}

function pasteForm(ctx) {
  const token = h('textarea', { rows: 4, class: 'mono', spellcheck: 'false', autocomplete: 'off', required: true });
  const submit = h('button', { type: 'submit', class: 'primary' }, t('common.useToken'));
  return section(
    t('console.signin.tokenTitle'),
    h('p', {}, t('console.signin.tokenIntro')),
    h(
      'form',
      { onsubmit: (e) => { e.preventDefault(); act(submit, () => useToken(token.value, ctx)); } },
      field(t('console.signin.bearer'), token),
      h('div', { class: 'actions' }, submit),
    ),
  );
}

function devForm(info, ctx) {
  const sub = h('input', { type: 'text', autocomplete: 'off', required: true, placeholder: t('console.signin.subPlaceholder') });
  const dept = select(info.departments.map((d) => ({ value: d, label: label('dept', d), selected: d === 'data-bureau' })));
  const roles = h(
    'fieldset',
    { class: 'checks' },
    h('legend', {}, t('console.roles')),
    info.roles.map((r) => h('label', {}, h('input', { type: 'checkbox', name: 'role', value: r, checked: r === 'security-officer' }), ' ', label('role', r))),
  );
  const region = h('input', { type: 'text', inputmode: 'numeric', pattern: '[0-9]{6}', placeholder: t('console.regionPlaceholder') });
  const submit = h('button', { type: 'submit', class: 'primary' }, t('common.devSignIn'));
  const problems = h('ul', { class: 'problems', 'aria-label': t('console.signin.problems') });
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
    t('common.devSignInTitle'),
    h('p', { class: 'notice' }, t('console.signin.devNotice', { minutes: formatNumber(Math.round(info.expiresInSeconds / 60)) })),
    h(
      'form',
      { onsubmit: (e) => { e.preventDefault(); act(submit, signIn); } },
      h('div', { class: 'row' }, field(t('common.subject'), sub), field(t('console.department'), dept), field(t('console.signin.regionCode'), region, t('console.signin.regionHint'))),
      roles,
      problems,
      h('div', { class: 'actions' }, submit),
    ),
  );
}

export function signInPage(ctx) {
  const page = h('div', { class: 'page' }, h('h1', {}, t('console.signin.title')));
  const claims = session.claims();
  if (claims) {
    page.append(
      section(
        t('console.signin.current'),
        h('p', {}, t('console.signin.currentText', { sub: claims.sub, dept: label('dept', claims.dept), roles: (claims.roles ?? []).map((r) => label('role', r)).join(t('common.listSeparator')) })),
        h('button', { type: 'button', class: 'secondary', onclick: () => { session.clear(); ctx.refreshSession(); ctx.navigate('signin'); } }, t('common.signOut')),
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
