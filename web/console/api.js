// The console's only way to the platform: POST /graphql with the signed-in officer's bearer token, plus the
// session (the token in sessionStorage, gone when the tab closes) and the page's alert and status regions.
import { h } from './dom.js';

const TOKEN_KEY = 'hdg.console.token';

export const session = {
  get token() {
    return sessionStorage.getItem(TOKEN_KEY);
  },
  set(token) {
    sessionStorage.setItem(TOKEN_KEY, token.trim().replace(/^Bearer\s+/i, ''));
  },
  clear() {
    sessionStorage.removeItem(TOKEN_KEY);
  },
  /** The token's claims, for display only (the server verifies the signature on every request). */
  claims() {
    const token = this.token;
    if (!token) return null;
    try {
      const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
      const json = decodeURIComponent(Array.from(atob(payload), (c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`).join(''));
      return JSON.parse(json);
    } catch {
      return null;
    }
  },
};

/** One or more GraphQL errors, kept as the API sent them (message, extensions.code, extensions.problems). */
export class ApiError extends Error {
  constructor(errors) {
    super(errors.map((e) => e.message).join(' '));
    this.errors = errors;
  }
  get problems() {
    return this.errors.flatMap((e) => e.extensions?.problems ?? []);
  }
}

export async function gql(query, variables = {}) {
  const headers = { 'content-type': 'application/json' };
  if (session.token) headers.authorization = `Bearer ${session.token}`;
  let res;
  try {
    res = await fetch('/graphql', { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  } catch {
    throw new ApiError([{ message: 'The gateway cannot be reached; is the platform running?', extensions: { code: 'NETWORK' } }]);
  }
  let json;
  try {
    json = await res.json();
  } catch {
    throw new ApiError([{ message: `The gateway answered HTTP ${res.status} without a GraphQL response.`, extensions: { code: `HTTP_${res.status}` } }]);
  }
  if (json.errors?.length) throw new ApiError(json.errors);
  return json.data;
}

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
