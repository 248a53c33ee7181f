/**
 * The signing and reading half of the audit anchor (audit/checkpoint-keys.ts, readCheckpoints in
 * audit/checkpoints.ts), without a database: keys made, named, refused and trusted; checkpoint lines accepted only
 * when a trusted key signed exactly what they say.
 */
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { keyIdOf, loadSigner, trustedKeys, verifySignature, type CheckpointSigner } from '../../subgraphs/kit/audit/checkpoint-keys';
import { canonicalCheckpoint, readCheckpoints, type Checkpoint } from '../../subgraphs/kit/audit/checkpoints';
import { checkpointConfig } from '../../subgraphs/kit/config';

function setup() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hdg-checkpoint-keys-'));
  const config = checkpointConfig({ DATA_DIR: dataDir });
  const writeKey = (name: string): string => {
    const file = path.join(dataDir, name);
    fs.writeFileSync(file, generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
    return file;
  };
  const writePublic = (name: string, key: KeyObject): string => {
    const file = path.join(dataDir, name);
    fs.writeFileSync(file, key.export({ type: 'spki', format: 'pem' }));
    return file;
  };
  return { dataDir, config, writeKey, writePublic, cleanup: () => fs.rmSync(dataDir, { recursive: true, force: true }) };
}

function signed(signer: CheckpointSigner, n: number, seq: number, domain = 'health'): Checkpoint {
  const body = { v: 1 as const, domain, n, at: new Date(Date.UTC(2026, 0, 5, 0, n)).toISOString(), keyId: signer.keyId, chains: [{ writer: domain, seq, hash: String(seq % 10).repeat(64) }] };
  return { ...body, sig: signer.sign(canonicalCheckpoint(body)) };
}

let env: ReturnType<typeof setup>;
beforeEach(() => {
  env = setup();
});
afterEach(() => env.cleanup());

describe(loadSigner.name, () => {
  it('makes the development key under DATA_DIR/keys with mode 0600 on first use, and reuses it after', () => {
    const first = loadSigner(env.config);
    expect(env.config.devKeyFile).toBe(path.join(env.dataDir, 'keys', 'audit-checkpoint.key'));
    expect(fs.statSync(env.config.devKeyFile).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.dirname(env.config.devKeyFile)).mode & 0o077).toBe(0);
    expect(loadSigner(env.config).keyId).toBe(first.keyId);
    expect(first.keyId).toMatch(/^[0-9a-f]{16}$/);
    expect(keyIdOf(first.publicKey)).toBe(first.keyId);
  });

  it('signs with the configured key file and makes no development key then', () => {
    const keyFile = env.writeKey('ops.key');
    const signer = loadSigner({ ...env.config, keyFile });
    expect(fs.existsSync(env.config.devKeyFile)).toBe(false);
    expect(verifySignature(signer.publicKey, 'text', signer.sign('text'))).toBe(true);
  });

  it('refuses production without a configured key, and a key that is not Ed25519', () => {
    const production = checkpointConfig({ DATA_DIR: env.dataDir, NODE_ENV: 'production' });
    expect(() => loadSigner(production)).toThrow(/AUDIT_CHECKPOINT_KEY_FILE is not set/);
    expect(fs.existsSync(production.devKeyFile)).toBe(false);
    const rsa = path.join(env.dataDir, 'rsa.key');
    fs.writeFileSync(rsa, generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' }));
    expect(() => loadSigner({ ...env.config, keyFile: rsa })).toThrow(/Ed25519/);
  });
});

describe(verifySignature.name, () => {
  it('returns true only for the exact text signed by the matching key, and false for garbage', () => {
    const signer = loadSigner(env.config);
    const other = loadSigner({ ...env.config, keyFile: env.writeKey('other.key') });
    const sig = signer.sign('checkpoint');
    expect(verifySignature(signer.publicKey, 'checkpoint', sig)).toBe(true);
    expect(verifySignature(signer.publicKey, 'checkpoinT', sig)).toBe(false);
    expect(verifySignature(other.publicKey, 'checkpoint', sig)).toBe(false);
    expect(verifySignature(signer.publicKey, 'checkpoint', 'not base64 at all')).toBe(false);
    expect(verifySignature(signer.publicKey, 'checkpoint', '')).toBe(false);
  });
});

describe(trustedKeys.name, () => {
  it('returns the signing key and every retired public key listed in AUDIT_CHECKPOINT_TRUSTED_KEYS, by key ID', () => {
    const current = loadSigner(env.config);
    const retiredA = loadSigner({ ...env.config, keyFile: env.writeKey('a.key') });
    const retiredB = loadSigner({ ...env.config, keyFile: env.writeKey('b.key') });
    const list = `${env.writePublic('a.pub', retiredA.publicKey)}, ${env.writePublic('b.pub', retiredB.publicKey)}`;
    const config = checkpointConfig({ DATA_DIR: env.dataDir, AUDIT_CHECKPOINT_TRUSTED_KEYS: list });
    expect([...trustedKeys(config).keys()].sort()).toEqual([current.keyId, retiredA.keyId, retiredB.keyId].sort());
  });

  it('in production trusts no development key lying in DATA_DIR', () => {
    loadSigner(env.config); // a development key exists
    expect(trustedKeys(checkpointConfig({ DATA_DIR: env.dataDir, NODE_ENV: 'production' })).size).toBe(0);
  });
});

describe(readCheckpoints.name, () => {
  it('returns the checkpoints in order when every line is signed by a trusted key', () => {
    const signer = loadSigner(env.config);
    const lines = [1, 2, 3].map((n) => JSON.stringify(signed(signer, n, n * 4)));
    const { valid, findings } = readCheckpoints([...lines, ''], 'health.ndjson', 'health', trustedKeys(env.config));
    expect(findings).toEqual([]);
    expect(valid.map((c) => [c.n, c.chains[0]!.seq])).toEqual([[1, 4], [2, 8], [3, 12]]);
  });

  it('names an edited line (any signed field), a foreign domain, broken JSON, an untrusted key and a gap', () => {
    const signer = loadSigner(env.config);
    const stranger = loadSigner({ ...env.config, keyFile: env.writeKey('stranger.key') });
    const trusted = trustedKeys(env.config);
    const good = [1, 2, 3].map((n) => signed(signer, n, n * 4));
    const read = (lines: string[]) => readCheckpoints(lines, 'health.ndjson', 'health', trusted);
    const edits: ((c: Checkpoint) => Checkpoint)[] = [
      (c) => ({ ...c, chains: [{ ...c.chains[0]!, seq: 7 }] }),
      (c) => ({ ...c, chains: [{ ...c.chains[0]!, hash: 'f'.repeat(64) }] }),
      (c) => ({ ...c, chains: [{ ...c.chains[0]!, writer: 'population' }] }),
      (c) => ({ ...c, at: '2030-01-01T00:00:00.000Z' }),
      (c) => ({ ...c, n: 9 }),
    ];
    for (const edit of edits) {
      const { valid, findings } = read([good[0]!, edit(good[1]!), good[2]!].map((c) => JSON.stringify(c)));
      expect(findings.map((f) => f.code)).toEqual(['CHECKPOINT_SIGNATURE_INVALID', 'CHECKPOINT_SEQUENCE_GAP']);
      expect(findings[0]!.message).toMatch(/health\.ndjson entry 2 .*edited/);
      expect(valid.map((c) => c.n)).toEqual([1, 3]);
    }
    expect(read(['{not json', JSON.stringify(signed(signer, 1, 4, 'housing'))]).findings.map((f) => f.code)).toEqual(['CHECKPOINT_MALFORMED', 'CHECKPOINT_MALFORMED']);
    expect(read([JSON.stringify(good[0]), JSON.stringify(signed(stranger, 2, 8))]).findings.map((f) => f.code)).toEqual(['CHECKPOINT_KEY_UNTRUSTED']);
    // A key claiming a trusted key's ID is held to that key, and fails.
    const impostor = { ...signed(stranger, 2, 8), keyId: signer.keyId };
    const forged = { ...impostor, sig: stranger.sign(canonicalCheckpoint(impostor)) };
    expect(read([JSON.stringify(good[0]), JSON.stringify(forged)]).findings.map((f) => f.code)).toEqual(['CHECKPOINT_SIGNATURE_INVALID']);
    expect(read([good[0]!, good[2]!].map((c) => JSON.stringify(c))).findings.map((f) => f.code)).toEqual(['CHECKPOINT_SEQUENCE_GAP']);
  });
});
