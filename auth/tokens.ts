// Bearer tokens -> Principal. The only module here that does I/O (reading key files, fetching a JWKS).
// Every rejection is an AuthenticationError whose reason names the problem in a full sentence and never
// repeats any part of the token.
import { randomBytes } from 'node:crypto';
import { chmod, link, mkdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  SignJWT,
  calculateJwkThumbprint,
  createLocalJWKSet,
  createRemoteJWKSet,
  decodeProtectedHeader,
  errors as joseErrors,
  exportJWK,
  generateKeyPair,
  importJWK,
  jwtVerify,
} from 'jose';
import type { JSONWebKeySet, JWK, JWTPayload, JWTVerifyGetKey } from 'jose';
import { AuthenticationError } from './errors';
import { PUBLIC_PRINCIPAL } from './principal';
import type { Principal } from './principal';
import { isRegionCode } from './region';

export const ACCEPTED_ALGORITHMS = ['RS256', 'ES256'] as const;
/** Key ids of keys made by ensureDevKeys start with this, so production can refuse them. */
export const DEV_KID_PREFIX = 'dev-';

const MAX_HEADER_LENGTH = 8192;
const MAX_PURPOSE_LENGTH = 200;
const BEARER = /^Bearer +([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)$/i;

export interface TokenVerifierOptions {
  jwks: { file: string } | { url: string };
  issuer: string;
  audience: string;
  /** Allowed clock skew for exp and nbf. Default 30 seconds. */
  clockToleranceSeconds?: number;
  /**
   * Tokens already verified are taken from memory (the exact token text) until their expiry, at most ttlSeconds
   * after they were verified and at most maxEntries of them (the oldest go first): a caller sends the same token
   * with every request, and the gateway and each subgraph a request reaches would otherwise check its signature
   * again every time. A remote JWKS is cached by jose for 10 minutes anyway, so a withdrawn key stops working
   * within that time either way. Only tokens that passed are kept. `false` checks every time.
   * @default { maxEntries: 10_000, ttlSeconds: 60 }
   */
  cache?: { maxEntries: number; ttlSeconds: number } | false;
  /** The clock (ms since the epoch). @default Date.now */
  now?: () => number;
}

export interface TokenVerifier {
  verify(authorizationHeader: string | undefined, purposeHeader?: string): Promise<Principal>;
  /** How many signatures were checked, and how many tokens came from the cache instead. */
  stats(): { verified: number; fromCache: number; cached: number };
}

function fail(reason: string): never {
  throw new AuthenticationError(reason);
}

function purposeOf(header: string | undefined): string | null {
  if (header === undefined) return null;
  const purpose = header.trim();
  if (purpose === '') return null;
  if (purpose.length > MAX_PURPOSE_LENGTH) fail(`The X-Purpose header is longer than ${MAX_PURPOSE_LENGTH} characters.`);
  if (/[\u0000-\u001f\u007f]/.test(purpose)) fail('The X-Purpose header contains control characters.');
  return purpose;
}

function remoteUrl(url: string): URL {
  const parsed = new URL(url);
  const local = parsed.hostname === 'localhost' || parsed.hostname === '127.0.0.1' || parsed.hostname === '[::1]';
  if (parsed.protocol !== 'https:' && !(parsed.protocol === 'http:' && local)) {
    throw new Error(`The JWKS URL must use https (plain http is accepted for localhost only).`);
  }
  return parsed;
}

/** Maps jose's errors to sentences; errors that are ours (a JWKS we cannot load) are rethrown as-is. */
function reasonFor(error: unknown): string {
  if (error instanceof joseErrors.JWTExpired) return 'The token has expired.';
  if (error instanceof joseErrors.JWTClaimValidationFailed) {
    switch (error.claim) {
      case 'nbf':
        return 'The token is not valid yet: its nbf (not before) time is in the future.';
      case 'iss':
        return 'The token was issued by an issuer this service does not trust.';
      case 'aud':
        return 'The token was issued for a different audience.';
      case 'exp':
        return 'The token has no valid expiry (exp) claim.';
      case 'iat':
        return 'The token has an invalid issued-at (iat) claim.';
      default:
        return 'The token has an invalid claim.';
    }
  }
  if (error instanceof joseErrors.JOSEAlgNotAllowed || error instanceof joseErrors.JOSENotSupported) {
    return 'The token is signed with an algorithm that is not accepted; only RS256 and ES256 are.';
  }
  if (error instanceof joseErrors.JWKSNoMatchingKey) return 'The token was signed with a key (kid) that is not among the trusted keys.';
  if (error instanceof joseErrors.JWKSMultipleMatchingKeys) return 'The token does not identify which trusted key (kid) signed it.';
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) return 'The token signature is invalid.';
  if (error instanceof joseErrors.JWSInvalid || error instanceof joseErrors.JWTInvalid) return 'The token is malformed.';
  throw error;
}

function principalFrom(payload: JWTPayload, purpose: string | null): Principal {
  const { sub, dept, roles, region, client } = payload as Record<string, unknown>;
  if (typeof sub !== 'string' || sub === '') fail('The token has no subject (sub) claim.');
  if (typeof dept !== 'string' || dept === '') fail('The token has no department (dept) claim.');
  if (roles === undefined) fail('The token has no roles claim.');
  if (!Array.isArray(roles) || !roles.every((r) => typeof r === 'string')) fail('The token roles claim is not a list of strings.');
  if (region !== undefined && region !== null && !isRegionCode(region)) fail('The token region claim is not a 6-digit administrative code.');
  if (client !== undefined && client !== null && typeof client !== 'string') fail('The token client claim is not a string.');
  return Object.freeze({
    kind: 'government',
    sub,
    dept,
    roles: Object.freeze([...(roles as string[])]),
    region: (region as string | null | undefined) ?? null,
    client: (client as string | null | undefined) ?? null,
    purpose,
  });
}

/**
 * Creates a verifier. No Authorization header gives the public principal; anything else must be a valid
 * `Bearer <JWT>` signed RS256 or ES256 by a key of the JWKS, from the configured issuer, for the
 * configured audience, with an expiry. A JWKS file is read on first use; a remote JWKS is fetched and
 * cached by jose. Failing to load the keys is a server error, not an AuthenticationError.
 */
export function createTokenVerifier(options: TokenVerifierOptions): TokenVerifier {
  const { issuer, audience } = options;
  const clockTolerance = options.clockToleranceSeconds ?? 30;
  const now = options.now ?? Date.now;
  const cacheOptions = options.cache ?? { maxEntries: 10_000, ttlSeconds: 60 };
  /** Token text → its verified claims and until when (ms) they may be used without checking again. */
  const verified = new Map<string, { payload: JWTPayload; until: number }>();
  const counts = { verified: 0, fromCache: 0 };
  let keySet: Promise<JWTVerifyGetKey> | undefined;
  const getKeySet = (): Promise<JWTVerifyGetKey> => {
    if (!keySet) {
      const jwks = options.jwks;
      keySet =
        'url' in jwks
          ? Promise.resolve(createRemoteJWKSet(remoteUrl(jwks.url)))
          : readJson(jwks.file).then((json) => createLocalJWKSet(json as JSONWebKeySet));
      keySet.catch(() => {
        keySet = undefined; // let a later request retry
      });
    }
    return keySet;
  };

  return {
    async verify(authorizationHeader, purposeHeader) {
      if (authorizationHeader === undefined) return PUBLIC_PRINCIPAL();
      if (authorizationHeader.length > MAX_HEADER_LENGTH) fail('The Authorization header is too long.');
      const match = BEARER.exec(authorizationHeader.trim());
      if (!match) fail('The Authorization header is not of the form "Bearer <token>" with a JSON Web Token.');
      const token = match[1] as string;
      const purpose = purposeOf(purposeHeader);
      const known = verified.get(token);
      if (known) {
        if (now() < known.until) {
          counts.fromCache += 1;
          return principalFrom(known.payload, purpose);
        }
        verified.delete(token);
      }
      let alg: unknown;
      try {
        alg = decodeProtectedHeader(token).alg;
      } catch {
        fail('The token is malformed.');
      }
      if (!(ACCEPTED_ALGORITHMS as readonly unknown[]).includes(alg)) {
        fail('The token is signed with an algorithm that is not accepted; only RS256 and ES256 are.');
      }
      const keys = await getKeySet();
      let payload: JWTPayload;
      const checkedAt = now();
      try {
        counts.verified += 1;
        ({ payload } = await jwtVerify(token, keys, {
          issuer,
          audience,
          algorithms: [...ACCEPTED_ALGORITHMS],
          clockTolerance,
          requiredClaims: ['exp'],
          currentDate: new Date(checkedAt),
        }));
      } catch (error) {
        fail(reasonFor(error));
      }
      const principal = principalFrom(payload, purpose);
      if (cacheOptions && cacheOptions.maxEntries > 0) {
        // Valid while jose would still accept its exp; nbf and the signature do not change with time.
        const until = Math.min((payload.exp as number) * 1000 + clockTolerance * 1000, checkedAt + cacheOptions.ttlSeconds * 1000);
        if (verified.size >= cacheOptions.maxEntries) verified.delete(verified.keys().next().value as string);
        verified.set(token, { payload, until });
      }
      return principal;
    },
    stats: () => ({ ...counts, cached: verified.size }),
  };
}

async function readJson(file: string): Promise<unknown> {
  const text = await readFile(file, 'utf8').catch((e: NodeJS.ErrnoException) => {
    throw new Error(`Cannot read the key file ${file}: ${e.code ?? e.message}.`);
  });
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new Error(`The key file ${file} is not valid JSON.`);
  }
}

// ---- development keys ------------------------------------------------------------------------------

const PRIVATE_FILE = 'dev-signing-key.private.jwk.json';
const JWKS_FILE = 'dev-jwks.json';

function publicJwk(privateJwk: JWK): JWK {
  const { kty, crv, x, y, kid, alg } = privateJwk;
  return { kty, crv, x, y, kid, alg, use: 'sig' } as JWK;
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

async function writeAtomically(path: string, content: string, mode: number): Promise<void> {
  const temp = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  await writeFile(temp, content, { mode, flag: 'wx' });
  await rename(temp, path);
}

/**
 * Creates an ES256 development key pair in `dir` on first call and reuses it afterwards: a private JWK
 * (mode 0600) and a public JWKS, both with a `dev-` key id. Safe when several processes start at once:
 * the private key is published with an exclusive link, and the JWKS is always re-derived from it.
 */
export async function ensureDevKeys(dir: string): Promise<{ jwksFile: string; privateKeyFile: string }> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const privateKeyFile = join(dir, PRIVATE_FILE);
  const jwksFile = join(dir, JWKS_FILE);
  if (!(await exists(privateKeyFile))) {
    const { privateKey } = await generateKeyPair('ES256', { extractable: true });
    const jwk = await exportJWK(privateKey);
    const kid = DEV_KID_PREFIX + (await calculateJwkThumbprint(jwk)).slice(0, 16);
    const temp = `${privateKeyFile}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
    await writeFile(temp, JSON.stringify({ ...jwk, kid, alg: 'ES256', use: 'sig' }, null, 2) + '\n', { mode: 0o600, flag: 'wx' });
    try {
      await link(temp, privateKeyFile); // atomic and exclusive: the first process wins
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    } finally {
      await unlink(temp);
    }
  }
  const info = await stat(privateKeyFile);
  if ((info.mode & 0o077) !== 0) await chmod(privateKeyFile, 0o600);
  const privateJwk = (await readJson(privateKeyFile)) as JWK;
  const jwks = JSON.stringify({ keys: [publicJwk(privateJwk)] }, null, 2) + '\n';
  const current = await readFile(jwksFile, 'utf8').catch(() => null);
  if (current !== jwks) await writeAtomically(jwksFile, jwks, 0o644);
  return { jwksFile, privateKeyFile };
}

export interface TokenClaims {
  sub: string;
  dept: string;
  roles: readonly string[];
  region?: string;
  client?: string;
  [claim: string]: unknown;
}

export interface SignOptions {
  issuer: string;
  audience: string;
  /** Seconds from now (negative for an already expired token), or a jose duration such as '15m'. */
  expiresIn: number | string;
  /** Seconds from now, or a jose duration; the token is not valid before then. */
  notBefore?: number | string;
}

function timeFrom(value: number | string): number | string {
  return typeof value === 'number' ? Math.floor(Date.now() / 1000) + value : value;
}

/** Signs a token with a private JWK file (as written by ensureDevKeys). For development and tests. */
export async function signToken(privateKeyFile: string, claims: TokenClaims, options: SignOptions): Promise<string> {
  const jwk = (await readJson(privateKeyFile)) as JWK;
  const alg = jwk.alg ?? 'ES256';
  const key = await importJWK(jwk, alg);
  const jwt = new SignJWT({ ...claims })
    .setProtectedHeader({ alg, typ: 'JWT', ...(jwk.kid ? { kid: jwk.kid } : {}) })
    .setIssuedAt()
    .setIssuer(options.issuer)
    .setAudience(options.audience)
    .setExpirationTime(timeFrom(options.expiresIn));
  if (options.notBefore !== undefined) jwt.setNotBefore(timeFrom(options.notBefore));
  return jwt.sign(key);
}

/** Whether a JWKS (object) contains a development key. */
export function hasDevelopmentKey(jwks: unknown): boolean {
  const keys = (jwks as { keys?: unknown } | null)?.keys;
  return Array.isArray(keys) && keys.some((k) => typeof (k as JWK | null)?.kid === 'string' && ((k as JWK).kid as string).startsWith(DEV_KID_PREFIX));
}

/** Whether a JWKS file contains a development key; production startup should refuse to run with one. */
export async function isDevelopmentKey(jwksFile: string): Promise<boolean> {
  return hasDevelopmentKey(await readJson(jwksFile));
}
