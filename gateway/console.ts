/**
 * The governance web console at /console: the static single-page app under web/console, which talks only to the
 * public /graphql, and, in the embedded development mode only, `/console/dev-token` to mint short-lived
 * development tokens for signing in. Where tokens come from a real identity provider (a JWKS file or URL) or in
 * production, that endpoint does not exist (404, like any unknown path).
 */
import path from 'node:path';
import type http from 'node:http';
import { DEPARTMENTS, ROLES, isDepartment, isRegionCode, isRole, signToken } from '../auth';
import type { AuthConfig } from '../subgraphs/kit/config';
import { PROJECT_ROOT } from '../subgraphs/kit/config';
import { sendJson, type HttpRoute, type RouteRequest } from '../subgraphs/kit/http';
import { SECURITY_HEADERS, staticFiles } from '../subgraphs/kit/static-files';

export const CONSOLE_DIR = path.join(PROJECT_ROOT, 'web', 'console');
/** Modules the web apps share (GraphQL client, session, development sign-in, DOM helpers), served at /shared. */
export const SHARED_WEB_DIR = path.join(PROJECT_ROOT, 'web', 'shared');
/** Development tokens live an hour: long enough for a session at the console, short enough to be thrown away. */
export const DEV_TOKEN_SECONDS = 3600;
const SUBJECT = /^[A-Za-z0-9._@-]{1,64}$/;

export interface ConsoleOptions {
  auth: AuthConfig;
  production: boolean;
  /** The development private key in use; null when tokens come from an identity provider. */
  devPrivateKeyFile: string | null;
}

interface DevTokenRequest {
  sub: string;
  dept: string;
  roles: string[];
  region?: string;
}

/** Every problem with a development sign-in request, as full sentences; empty when it is valid. */
export function devTokenProblems(input: unknown): string[] {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return ['The request body must be a JSON object { sub, dept, roles, region? }.'];
  const { sub, dept, roles, region, ...rest } = input as Record<string, unknown>;
  const problems: string[] = [];
  if (typeof sub !== 'string' || !SUBJECT.test(sub)) problems.push('"sub" must be 1 to 64 letters, digits or . _ @ -.');
  if (!isDepartment(dept)) problems.push(`"dept" must be one of ${DEPARTMENTS.join(', ')}.`);
  if (!Array.isArray(roles) || roles.length === 0 || !roles.every(isRole)) problems.push(`"roles" must be a non-empty list of ${ROLES.join(', ')}.`);
  if (region !== undefined && region !== null && region !== '' && !isRegionCode(region)) problems.push('"region" must be a 6-digit GB/T 2260 code, e.g. 460100.');
  const unknown = Object.keys(rest);
  if (unknown.length > 0) problems.push(`Unknown field(s) ${unknown.map((k) => `"${k}"`).join(', ')}.`);
  return problems;
}

function devToken(options: ConsoleOptions & { devPrivateKeyFile: string }): HttpRoute['handle'] {
  return async (req: http.IncomingMessage, res: http.ServerResponse, request: RouteRequest) => {
    const send = (status: number, body: unknown) => {
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
      res.setHeader('cache-control', 'no-store');
      sendJson(res, status, body);
    };
    // GET tells the console that development sign-in is offered, and with which vocabulary.
    if (req.method === 'GET') return send(200, { available: true, departments: DEPARTMENTS, roles: ROLES, expiresInSeconds: DEV_TOKEN_SECONDS });
    if (req.method !== 'POST') {
      res.setHeader('allow', 'GET, POST');
      return send(405, { error: 'Use POST with a JSON body { sub, dept, roles, region? }.' });
    }
    // A JSON content type cannot be sent cross-site without a CORS preflight, which this endpoint never grants.
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      return send(415, { error: 'The request body must be JSON (content-type: application/json).' });
    }
    let input: unknown;
    try {
      input = JSON.parse(await request.body());
    } catch {
      return send(400, { error: 'The request body is not valid JSON.', problems: ['The request body is not valid JSON.'] });
    }
    const problems = devTokenProblems(input);
    if (problems.length > 0) return send(400, { error: `The development sign-in is invalid: ${problems.join(' ')}`, problems });
    const { sub, dept, roles, region } = input as DevTokenRequest;
    const token = await signToken(
      options.devPrivateKeyFile,
      { sub, dept, roles: [...new Set(roles)], ...(region ? { region } : {}) },
      { issuer: options.auth.issuer, audience: options.auth.audience, expiresIn: DEV_TOKEN_SECONDS },
    );
    return send(200, { token, expiresInSeconds: DEV_TOKEN_SECONDS });
  };
}

/** The /console route: the app's files, plus development sign-in where the development key is in use. */
export function consoleRoute(options: ConsoleOptions, dir: string = CONSOLE_DIR): HttpRoute {
  const { devPrivateKeyFile } = options;
  const development = !options.production && devPrivateKeyFile !== null && 'devKeysDir' in options.auth.jwks;
  return staticFiles({
    prefix: '/console',
    dir,
    endpoints: development ? { '/dev-token': devToken({ ...options, devPrivateKeyFile }) } : {},
  });
}

/** The /shared route: the modules the console, the dashboard and the IDE import from `../shared/`. */
export function sharedWebRoute(dir: string = SHARED_WEB_DIR): HttpRoute {
  return staticFiles({ prefix: '/shared', dir });
}
