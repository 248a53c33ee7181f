import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT, base64url, exportJWK, generateKeyPair } from 'jose';
import { AuthenticationError, createTokenVerifier, ensureDevKeys, isDevelopmentKey, signToken } from '../../../auth';
import type { TokenClaims } from '../../../auth';

const ISSUER = 'https://auth.hainan.example/';
const AUDIENCE = 'hainan-data-graph';
const CLAIMS: TokenClaims = { sub: 'officer-001', dept: 'public-security', roles: ['officer'], region: '460100', client: 'police-app' };

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

async function setup() {
  const dir = await mkdtemp(join(tmpdir(), 'auth-tokens-'));
  dirs.push(dir);
  const { jwksFile, privateKeyFile } = await ensureDevKeys(dir);
  const verifier = createTokenVerifier({ jwks: { file: jwksFile }, issuer: ISSUER, audience: AUDIENCE });
  const sign = (claims: Record<string, unknown> = CLAIMS, options: Partial<{ issuer: string; audience: string; expiresIn: number; notBefore: number }> = {}) =>
    signToken(privateKeyFile, claims as TokenClaims, { issuer: ISSUER, audience: AUDIENCE, expiresIn: 600, ...options });
  const kid = JSON.parse(await readFile(jwksFile, 'utf8')).keys[0].kid as string;
  /** Signs with a key that is not in the JWKS, using the given kid. */
  const signWithForeignKey = async (withKid: string) => {
    const { privateKey } = await generateKeyPair('ES256');
    return new SignJWT({ ...CLAIMS })
      .setProtectedHeader({ alg: 'ES256', kid: withKid })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setExpirationTime('10m')
      .sign(privateKey);
  };
  const rejection = async (header: string | undefined, purpose?: string): Promise<AuthenticationError> => {
    const error = await verifier.verify(header, purpose).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AuthenticationError);
    return error as AuthenticationError;
  };
  return { dir, jwksFile, privateKeyFile, verifier, sign, kid, signWithForeignKey, rejection };
}

describe('createTokenVerifier().verify', () => {
  it('returns the public principal without an Authorization header', async () => {
    const { verifier } = await setup();
    expect(await verifier.verify(undefined, 'anything')).toEqual({ kind: 'public', sub: 'public', dept: null, roles: [], region: null, client: null, purpose: null });
  });

  it('returns a government principal with the purpose header for a valid token', async () => {
    const { verifier, sign } = await setup();
    const principal = await verifier.verify(`Bearer ${await sign()}`, '  housing-subsidy-review ');
    expect(principal).toEqual({
      kind: 'government',
      sub: 'officer-001',
      dept: 'public-security',
      roles: ['officer'],
      region: '460100',
      client: 'police-app',
      purpose: 'housing-subsidy-review',
    });
    expect(Object.isFrozen(principal)).toBe(true);
  });

  it('returns a principal for an RS256 token from a JWKS with an RSA key', async () => {
    const { dir } = await setup();
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    const jwksFile = join(dir, 'rsa-jwks.json');
    await writeFile(jwksFile, JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid: 'prod-rsa-1', alg: 'RS256', use: 'sig' }] }));
    const verifier = createTokenVerifier({ jwks: { file: jwksFile }, issuer: ISSUER, audience: AUDIENCE });
    const token = await new SignJWT({ ...CLAIMS }).setProtectedHeader({ alg: 'RS256', kid: 'prod-rsa-1' }).setIssuer(ISSUER).setAudience(AUDIENCE).setExpirationTime('5m').sign(privateKey);
    expect((await verifier.verify(`Bearer ${token}`)).dept).toBe('public-security');
    expect(await isDevelopmentKey(jwksFile)).toBe(false);
  });

  it('returns a principal verified against a remote JWKS URL', async () => {
    const { jwksFile, sign } = await setup();
    const body = await readFile(jwksFile);
    const server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' }).end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const verifier = createTokenVerifier({ jwks: { url: `http://127.0.0.1:${port}/jwks.json` }, issuer: ISSUER, audience: AUDIENCE });
      expect((await verifier.verify(`Bearer ${await sign()}`)).sub).toBe('officer-001');
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('throws a plain error for a JWKS URL over http to another host', async () => {
    const verifier = createTokenVerifier({ jwks: { url: 'http://keys.example.org/jwks.json' }, issuer: ISSUER, audience: AUDIENCE });
    const { sign } = await setup();
    const error = await verifier.verify(`Bearer ${await sign()}`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(AuthenticationError);
  });

  it.each([
    ['an empty header', ''],
    ['another scheme', 'Basic dXNlcjpwYXNz'],
    ['a bare Bearer', 'Bearer'],
    ['two segments', 'Bearer abc.def'],
    ['spaces inside the token', 'Bearer abc. def.ghi'],
  ])('throws UNAUTHENTICATED for a malformed header: %s', async (_name, header) => {
    const { rejection } = await setup();
    const error = await rejection(header);
    expect(error.reason).toBe('The Authorization header is not of the form "Bearer <token>" with a JSON Web Token.');
    expect(error.code).toBe('UNAUTHENTICATED');
    expect(error.extensions.code).toBe('UNAUTHENTICATED');
  });

  it('throws UNAUTHENTICATED for garbage in JWT shape', async () => {
    const { rejection } = await setup();
    expect((await rejection('Bearer abc.def.ghi')).reason).toBe('The token is malformed.');
  });

  it('throws UNAUTHENTICATED for an unsigned token (alg none) forged by hand', async () => {
    const { rejection, kid } = await setup();
    const header = base64url.encode(JSON.stringify({ alg: 'none', typ: 'JWT', kid }));
    const now = Math.floor(Date.now() / 1000);
    const payload = base64url.encode(JSON.stringify({ ...CLAIMS, iss: ISSUER, aud: AUDIENCE, exp: now + 600 }));
    const error = await rejection(`Bearer ${header}.${payload}.`);
    expect(error.reason).toBe('The token is signed with an algorithm that is not accepted; only RS256 and ES256 are.');
  });

  it('throws UNAUTHENTICATED for an HS256 token (algorithm confusion)', async () => {
    const { rejection, kid } = await setup();
    const token = await new SignJWT({ ...CLAIMS }).setProtectedHeader({ alg: 'HS256', kid }).setIssuer(ISSUER).setAudience(AUDIENCE).setExpirationTime('5m').sign(new TextEncoder().encode('x'.repeat(32)));
    expect((await rejection(`Bearer ${token}`)).reason).toMatch(/algorithm that is not accepted/);
  });

  it('throws UNAUTHENTICATED for a token signed by another key under the trusted kid', async () => {
    const { rejection, kid, signWithForeignKey } = await setup();
    expect((await rejection(`Bearer ${await signWithForeignKey(kid)}`)).reason).toBe('The token signature is invalid.');
  });

  it('throws UNAUTHENTICATED for a token whose kid is unknown', async () => {
    const { rejection, signWithForeignKey } = await setup();
    expect((await rejection(`Bearer ${await signWithForeignKey('dev-unknown')}`)).reason).toBe('The token was signed with a key (kid) that is not among the trusted keys.');
  });

  it('throws UNAUTHENTICATED for a tampered payload', async () => {
    const { rejection, sign } = await setup();
    const [h, , s] = (await sign()).split('.');
    const forged = base64url.encode(JSON.stringify({ ...CLAIMS, roles: ['security-officer'], iss: ISSUER, aud: AUDIENCE, exp: Math.floor(Date.now() / 1000) + 600 }));
    expect((await rejection(`Bearer ${h}.${forged}.${s}`)).reason).toBe('The token signature is invalid.');
  });

  it.each([
    ['an expired token', { expiresIn: -3600 }, 'The token has expired.'],
    ['a token not valid yet', { notBefore: 3600 }, 'The token is not valid yet: its nbf (not before) time is in the future.'],
    ['the wrong issuer', { issuer: 'https://evil.example/' }, 'The token was issued by an issuer this service does not trust.'],
    ['the wrong audience', { audience: 'another-service' }, 'The token was issued for a different audience.'],
  ])('throws UNAUTHENTICATED for %s', async (_name, options, reason) => {
    const { rejection, sign } = await setup();
    expect((await rejection(`Bearer ${await sign(CLAIMS, options)}`)).reason).toBe(reason);
  });

  it('throws UNAUTHENTICATED for a token without an expiry', async () => {
    const { rejection, privateKeyFile, kid } = await setup();
    const { importJWK } = await import('jose');
    const key = await importJWK(JSON.parse(await readFile(privateKeyFile, 'utf8')), 'ES256');
    const token = await new SignJWT({ ...CLAIMS }).setProtectedHeader({ alg: 'ES256', kid }).setIssuer(ISSUER).setAudience(AUDIENCE).sign(key);
    expect((await rejection(`Bearer ${token}`)).reason).toBe('The token has no valid expiry (exp) claim.');
  });

  it.each([
    ['no sub', { sub: undefined }, 'The token has no subject (sub) claim.'],
    ['no dept', { dept: undefined }, 'The token has no department (dept) claim.'],
    ['no roles', { roles: undefined }, 'The token has no roles claim.'],
    ['roles as a string', { roles: 'officer' }, 'The token roles claim is not a list of strings.'],
    ['roles with a number', { roles: ['officer', 7] }, 'The token roles claim is not a list of strings.'],
    ['a 4-digit region', { region: '4601' }, 'The token region claim is not a 6-digit administrative code.'],
    ['a numeric region', { region: 460100 }, 'The token region claim is not a 6-digit administrative code.'],
    ['a non-string client', { client: 5 }, 'The token client claim is not a string.'],
  ])('throws UNAUTHENTICATED for claims with %s', async (_name, change, reason) => {
    const { rejection, sign } = await setup();
    const claims: Record<string, unknown> = { ...CLAIMS, ...change };
    for (const key of Object.keys(claims)) if (claims[key] === undefined) delete claims[key];
    expect((await rejection(`Bearer ${await sign(claims)}`)).reason).toBe(reason);
  });

  it('throws UNAUTHENTICATED for an over-long purpose header', async () => {
    const { rejection, sign } = await setup();
    expect((await rejection(`Bearer ${await sign()}`, 'p'.repeat(201))).reason).toBe('The X-Purpose header is longer than 200 characters.');
  });

  it('throws reasons that never contain any part of the token', async () => {
    const { verifier, sign } = await setup();
    const token = await sign(CLAIMS, { expiresIn: -3600 });
    const error = (await verifier.verify(`Bearer ${token}`).catch((e: unknown) => e)) as AuthenticationError;
    for (const part of token.split('.')) expect(error.message).not.toContain(part.slice(0, 12));
    expect(JSON.stringify(error.extensions)).not.toContain(token.slice(0, 12));
  });
});

describe('createTokenVerifier() verified-token cache', () => {
  async function cached(cache?: { maxEntries: number; ttlSeconds: number } | false) {
    const base = await setup();
    let clock = Date.now();
    const verifier = createTokenVerifier({ jwks: { file: base.jwksFile }, issuer: ISSUER, audience: AUDIENCE, clockToleranceSeconds: 0, cache, now: () => clock });
    return { ...base, verifier, advance: (ms: number) => (clock += ms) };
  }

  it("checks a token's signature once and takes it from memory after, with each call's own purpose", async () => {
    const { verifier, sign } = await cached();
    const header = `Bearer ${await sign()}`;
    expect((await verifier.verify(header, 'first')).purpose).toBe('first');
    expect((await verifier.verify(header, 'second')).purpose).toBe('second');
    expect((await verifier.verify(header)).purpose).toBeNull();
    expect(verifier.stats()).toEqual({ verified: 1, fromCache: 2, cached: 1 });
  });

  it('refuses a cached token once it has expired, with the same reason as an uncached one', async () => {
    const { verifier, sign, advance } = await cached({ maxEntries: 10, ttlSeconds: 3600 });
    const header = `Bearer ${await sign(CLAIMS, { expiresIn: 120 })}`;
    await verifier.verify(header);
    advance(119_000);
    await expect(verifier.verify(header)).resolves.toMatchObject({ sub: CLAIMS.sub });
    advance(2_000);
    await expect(verifier.verify(header)).rejects.toMatchObject({ reason: 'The token has expired.' });
    expect(verifier.stats()).toMatchObject({ verified: 2, fromCache: 1, cached: 0 });
  });

  it('checks the signature again after ttlSeconds, and keeps at most maxEntries tokens', async () => {
    const { verifier, sign, advance } = await cached({ maxEntries: 2, ttlSeconds: 60 });
    const headers = await Promise.all([1, 2, 3].map(async (i) => `Bearer ${await sign({ ...CLAIMS, sub: `officer-${i}` })}`));
    await verifier.verify(headers[0]);
    advance(61_000);
    await verifier.verify(headers[0]);
    expect(verifier.stats()).toMatchObject({ verified: 2, fromCache: 0 });
    for (const h of headers) await verifier.verify(h);
    expect(verifier.stats().cached).toBe(2);
  });

  it('never keeps a token that failed, nor any token with the cache off', async () => {
    const { verifier, sign } = await cached();
    const bad = `Bearer ${await sign(CLAIMS, { audience: 'another-service' })}`;
    await expect(verifier.verify(bad)).rejects.toBeInstanceOf(AuthenticationError);
    await expect(verifier.verify(bad)).rejects.toBeInstanceOf(AuthenticationError);
    expect(verifier.stats()).toEqual({ verified: 2, fromCache: 0, cached: 0 });
    const { verifier: uncached, sign: sign2 } = await cached(false);
    const header = `Bearer ${await sign2()}`;
    await uncached.verify(header);
    await uncached.verify(header);
    expect(uncached.stats()).toEqual({ verified: 2, fromCache: 0, cached: 0 });
  });
});

describe(ensureDevKeys.name, () => {
  it('returns the same key pair on later calls, with a private file readable by the owner only', async () => {
    const { dir, jwksFile, privateKeyFile, kid } = await setup();
    const again = await ensureDevKeys(dir);
    expect(again).toEqual({ jwksFile, privateKeyFile });
    expect(JSON.parse(await readFile(jwksFile, 'utf8')).keys[0].kid).toBe(kid);
    expect((await stat(privateKeyFile)).mode & 0o777).toBe(0o600);
    expect(kid.startsWith('dev-')).toBe(true);
    const publicKey = JSON.parse(await readFile(jwksFile, 'utf8')).keys[0];
    expect(publicKey.d).toBeUndefined();
  });

  it('returns one key pair when several processes race on a fresh directory', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'auth-race-'));
    dirs.push(dir);
    const results = await Promise.all(Array.from({ length: 6 }, () => ensureDevKeys(dir)));
    const { jwksFile, privateKeyFile } = results[0] as { jwksFile: string; privateKeyFile: string };
    const token = await signToken(privateKeyFile, CLAIMS, { issuer: ISSUER, audience: AUDIENCE, expiresIn: 60 });
    const verifier = createTokenVerifier({ jwks: { file: jwksFile }, issuer: ISSUER, audience: AUDIENCE });
    expect((await verifier.verify(`Bearer ${token}`)).sub).toBe('officer-001');
  });
});

describe(isDevelopmentKey.name, () => {
  it('returns true for keys made by ensureDevKeys', async () => {
    const { jwksFile } = await setup();
    expect(await isDevelopmentKey(jwksFile)).toBe(true);
  });
});
