// The dashboard's only way to the platform: POST /graphql with the signed-in dashboard account's bearer token (kept
// in the tab's sessionStorage, gone when the tab closes), and the console's development sign-in where it exists.

const TOKEN_KEY = 'hdg.dashboard.token';

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

/** One or more GraphQL errors, kept as the API sent them (message and extensions.code). */
export class ApiError extends Error {
  constructor(errors) {
    super(errors.map((e) => e.message).join(' '));
    this.errors = errors;
  }
  get code() {
    return this.errors[0]?.extensions?.code;
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

/** Whether the gateway offers development sign-in (only in the embedded development mode). */
export async function devSignInAvailable() {
  try {
    const res = await fetch('/console/dev-token');
    return res.ok && (await res.json()).available === true;
  } catch {
    return false;
  }
}

/** A development token for a statistics-bureau dashboard account covering `region`. */
export async function devSignIn(sub, region) {
  const res = await fetch('/console/dev-token', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ sub, dept: 'statistics', roles: ['dashboard'], region }),
  });
  const json = await res.json().catch(() => ({}));
  if (!res.ok) throw new ApiError([{ message: json.error ?? `Development sign-in answered HTTP ${res.status}.`, extensions: { code: `HTTP_${res.status}` } }]);
  session.set(json.token);
}
