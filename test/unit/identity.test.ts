import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureDevKeys } from '../../auth';
import { authConfig, DEFAULT_AUDIENCE, DEV_ISSUER } from '../../subgraphs/kit/config';
import { createIdentity } from '../../subgraphs/kit/identity';

function setup() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hdg-identity-'));
  return { dir, teardown: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

describe(createIdentity.name, () => {
  it('refuses to start in production with the development key pair, generated or given as a file', async () => {
    const { dir, teardown } = setup();
    try {
      const base = { issuer: DEV_ISSUER, audience: DEFAULT_AUDIENCE, clockToleranceSeconds: 30 };
      await expect(createIdentity({ ...base, jwks: { devKeysDir: dir } }, true)).rejects.toThrow(/development key/);
      const { jwksFile } = await ensureDevKeys(dir);
      await expect(createIdentity({ ...base, jwks: { file: jwksFile } }, true)).rejects.toThrow(/development key/);
      await expect(createIdentity({ ...base, jwks: { file: jwksFile } }, false)).resolves.toBeDefined();
    } finally {
      teardown();
    }
  });

  it('returns 401 UNAUTHENTICATED for a malformed Authorization header and the public principal for none', async () => {
    const { dir, teardown } = setup();
    try {
      const identity = await createIdentity({ issuer: DEV_ISSUER, audience: DEFAULT_AUDIENCE, clockToleranceSeconds: 30, jwks: { devKeysDir: dir } }, false);
      const headers = (values: Record<string, string>) => ({ get: (name: string) => values[name] });
      expect((await identity.principal(headers({}))).kind).toBe('public');
      await expect(identity.principal(headers({ authorization: 'Basic YWxpY2U6c2VjcmV0' }))).rejects.toMatchObject({
        extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
      });
    } finally {
      teardown();
    }
  });
});

describe(authConfig.name, () => {
  it('requires the identity provider keys in production', () => {
    expect(() => authConfig({ NODE_ENV: 'production' })).toThrow(/JWKS_FILE/);
    expect(authConfig({ NODE_ENV: 'production', JWKS_URL: 'https://idp.example/jwks.json' }).jwks).toEqual({ url: 'https://idp.example/jwks.json' });
    expect(() => authConfig({ JWKS_URL: 'https://a/j', JWKS_FILE: 'k.json' })).toThrow(/either/);
  });
});
