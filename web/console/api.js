// The console's way to the platform (shared with the dashboard: ../shared/graphql.js), plus the page's alert and
// status regions.
import { ApiError, createSession, graphqlClient } from '../shared/graphql.js';
import { h } from './dom.js';
import { errorNode, errorsOf } from '../shared/errors.js';
import { t } from '../shared/i18n.js';

export { ApiError, devSignInInfo, devToken } from '../shared/graphql.js';
export const session = createSession('hdg.console.token');
export const gql = graphqlClient(session);

const alertEl = () => document.getElementById('alert');
const statusEl = () => document.getElementById('status');

/** Shows an error: each one translated by its code, with the API's message and the code (../shared/errors.js). */
export function showError(error) {
  const errors = errorsOf(error);
  const el = alertEl();
  el.replaceChildren(
    h('strong', {}, error instanceof ApiError ? t('common.apiRefused') : t('common.problem')),
    ' ',
    errors.length > 1 ? h('ul', {}, errors.map((e) => h('li', {}, errorNode(e)))) : errorNode(errors[0]),
    h('button', { type: 'button', class: 'link dismiss', onclick: clearMessages }, t('common.dismiss')),
  );
  el.hidden = false;
  statusEl().textContent = '';
}

export function showStatus(text) {
  clearMessages();
  statusEl().textContent = text;
}

let flash = null;
/** A status line to show after the next page change (e.g. "Signed in as …"). */
export function flashStatus(text) {
  flash = text;
}

/** Called on every page change: clears the previous page's messages and shows a flashed status. */
export function resetMessages() {
  clearMessages();
  if (flash) statusEl().textContent = flash;
  flash = null;
}

export function clearMessages() {
  const el = alertEl();
  el.hidden = true;
  el.replaceChildren();
  statusEl().textContent = '';
}

/** Runs an action from a button: disables it while it runs and shows any error in the alert region. */
export async function act(button, fn) {
  if (button) button.disabled = true;
  try {
    return await fn();
  } catch (error) {
    showError(error);
    return undefined;
  } finally {
    if (button) button.disabled = false;
  }
}
