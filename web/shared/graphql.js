// The web apps' only way to the platform: POST /graphql with the signed-in account's bearer token, kept in the
// tab's sessionStorage (gone when the tab closes); and the development sign-in the gateway offers in the embedded
// development mode only (/console/dev-token).

/** The signed-in token of one app, under its own storage key. */
export function createSession(storageKey) {
  return {
    get token() {
      return sessionStorage.getItem(storageKey);
    },
    set(token) {
      sessionStorage.setItem(storageKey, token.trim().replace(/^Bearer\s+/i, ''));
    },
    clear() {
      sessionStorage.removeItem(storageKey);
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
}

/** One or more GraphQL errors, kept as the API sent them (message, extensions.code, extensions.problems). */
export class ApiError extends Error {
  constructor(errors) {
    super(errors.map((e) => e.message).join(' '));
    this.errors = errors;
  }
  get code() {
    return this.errors[0]?.extensions?.code;
  }
  get problems() {
    return this.errors.flatMap((e) => e.extensions?.problems ?? []);
  }
}

/** A `gql(query, variables)` that sends the session's token and throws ApiError on any error. */
export function graphqlClient(session) {
  return async function gql(query, variables = {}) {
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
  };
}

/** What development sign-in offers (departments, roles, token lifetime), or null where it does not exist. */
export async function devSignInInfo() {
  try {
    const res = await fetch('/console/dev-token', { headers: { accept: 'application/json' } });
    if (!res.ok) return null;
    const info = await res.json();
    return info.available === true ? info : null;
  } catch {
    return null;
  }
}

/** A development token for `claims` ({ sub, dept, roles, region? }); ApiError with the endpoint's problems if refused. */
export async function devToken(claims) {
  const res = await fetch('/console/dev-token', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(claims) });
  const json = await res.json().catch(() => ({}));
  if (!res.ok) {
    const message = json.error ?? `Development sign-in answered HTTP ${res.status}.`;
    throw new ApiError([{ message, extensions: { code: `HTTP_${res.status}`, problems: json.problems ?? [message] } }]);
  }
  return json.token;
}
