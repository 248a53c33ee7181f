// The IDE's only ways out: POST /graphql on this origin with the signed-in caller's token, and the console's
// development sign-in (/console/dev-token) outside production.
const TOKEN_KEY = 'hdg.ide.token';

export interface Claims {
  sub?: string;
  dept?: string;
  roles?: string[];
  region?: string;
  exp?: number;
}

export const session = {
  get token(): string | null {
    return sessionStorage.getItem(TOKEN_KEY);
  },
  set(token: string): void {
    sessionStorage.setItem(TOKEN_KEY, token.trim().replace(/^Bearer\s+/i, ''));
  },
  clear(): void {
    sessionStorage.removeItem(TOKEN_KEY);
  },
};

/** The token's claims, for display and for `explain` of oneself (the server verifies the token on every request). */
export function claimsOf(token: string | null): Claims | null {
  if (!token) return null;
  try {
    const payload = token.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/');
    const json = new TextDecoder().decode(Uint8Array.from(atob(payload), (c) => c.charCodeAt(0)));
    return JSON.parse(json) as Claims;
  } catch {
    return null;
  }
}

export interface GraphQLResult<T = Record<string, unknown>> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

export async function graphql<T = Record<string, unknown>>(token: string | null, body: { query: string; variables?: unknown; operationName?: string | null }, headers: Record<string, string> = {}): Promise<GraphQLResult<T>> {
  const res = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  try {
    return JSON.parse(text) as GraphQLResult<T>;
  } catch {
    return { errors: [{ message: `HTTP ${res.status}: ${text.slice(0, 200)}` }] };
  }
}

export interface DevSignIn {
  available: boolean;
  departments: string[];
  roles: string[];
}

/** The console's development sign-in, when this gateway offers it (404 otherwise: production or a real identity provider). */
export async function devSignInOffer(): Promise<DevSignIn | null> {
  const res = await fetch('/console/dev-token', { headers: { accept: 'application/json' } });
  if (!res.ok) return null;
  return (await res.json()) as DevSignIn;
}

export async function devToken(input: { sub: string; dept: string; roles: string[]; region?: string }): Promise<string> {
  const res = await fetch('/console/dev-token', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(input) });
  const body = (await res.json()) as { token?: string; error?: string };
  if (!res.ok || !body.token) throw new Error(body.error ?? `Development sign-in failed (HTTP ${res.status}).`);
  return body.token;
}

/** Headers typed in GraphiQL's header editor (JSON), or none when it does not parse. */
export function editorHeaders(text: string | undefined): Record<string, string> {
  if (!text?.trim()) return {};
  try {
    const parsed = JSON.parse(text) as Record<string, unknown>;
    return Object.fromEntries(Object.entries(parsed).filter(([, v]) => typeof v === 'string' || typeof v === 'number').map(([k, v]) => [k, String(v)]));
  } catch {
    return {};
  }
}
