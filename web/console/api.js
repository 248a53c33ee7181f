// The console's way to the platform (shared with the dashboard: ../shared/graphql.js), plus the page's alert and
// status regions.
import { ApiError, createSession, graphqlClient } from '../shared/graphql.js';
import { h } from './dom.js';

export { ApiError, devSignInInfo, devToken } from '../shared/graphql.js';
export const session = createSession('hdg.console.token');
export const gql = graphqlClient(session);

const alertEl = () => document.getElementById('alert');
const statusEl = () => document.getElementById('status');

/** Shows an API error verbatim: each message with its code. */
export function showError(error) {
  const errors = error instanceof ApiError ? error.errors : [{ message: error?.message ?? String(error), extensions: { code: 'CLIENT' } }];
  const el = alertEl();
  el.replaceChildren(
    h('strong', {}, errors.length > 1 ? 'The API refused this:' : 'The API refused this: '),
    errors.length > 1
      ? h('ul', {}, errors.map((e) => h('li', {}, message(e))))
      : message(errors[0]),
    h('button', { type: 'button', class: 'link dismiss', onclick: clearMessages }, 'Dismiss'),
  );
  el.hidden = false;
  statusEl().textContent = '';
}

function message(e) {
  const code = e.extensions?.code;
  return h('span', { class: 'error-message' }, e.message, code ? h('code', { class: 'error-code' }, code) : null);
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
