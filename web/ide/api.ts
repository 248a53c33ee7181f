// The IDE's only ways out: POST /graphql on this origin with the signed-in caller's token, and the console's
// development sign-in (/console/dev-token) outside production; session and sign-in are the web apps' shared ones.
import { createSession, devSignInInfo, devToken as sharedDevToken } from '../shared/graphql.js';

export interface Claims {
  sub?: string;
  dept?: string;
  roles?: string[];
  region?: string;
  exp?: number;
}

export const session = createSession('hdg.ide.token') as { readonly token: string | null; set(token: string): void; clear(): void; claims(): Claims | null };

/** The token's claims, for display and for `explain` of oneself (the server verifies the token on every request). */
export function claimsOf(token: string | null): Claims | null {
  return token && token === session.token ? session.claims() : null;
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

/** The console's development sign-in, when this gateway offers it (null otherwise: production or a real identity provider). */
export async function devSignInOffer(): Promise<DevSignIn | null> {
  return (await devSignInInfo()) as DevSignIn | null;
}

export async function devToken(input: { sub: string; dept: string; roles: string[]; region?: string }): Promise<string> {
  return (await sharedDevToken(input)) as string;
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
