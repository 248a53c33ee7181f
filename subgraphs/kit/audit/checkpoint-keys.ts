/**
 * The keys of the audit checkpoints: an Ed25519 private key that signs (a file kept apart from the databases, so
 * that whoever can rewrite a database cannot also sign its new heads), and the public keys that verification
 * trusts: the signing key's own and those of retired keys (rotation keeps old checkpoints verifiable).
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { CheckpointConfig } from '../config';

/** A key's name in checkpoints: the first 16 hex digits of the SHA-256 of its public key (SPKI, DER). */
export function keyIdOf(publicKey: KeyObject): string {
  return createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('hex').slice(0, 16);
}

export interface CheckpointSigner {
  keyId: string;
  publicKey: KeyObject;
  sign(text: string): string;
}

function signerOf(privateKey: KeyObject): CheckpointSigner {
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error('The audit checkpoint key must be an Ed25519 key (PKCS#8 PEM).');
  const publicKey = createPublicKey(privateKey);
  return { keyId: keyIdOf(publicKey), publicKey, sign: (text) => sign(null, Buffer.from(text, 'utf8'), privateKey).toString('base64') };
}

/**
 * The signing key: AUDIT_CHECKPOINT_KEY_FILE, else (outside production) the development key under DATA_DIR/keys,
 * made on first use with mode 0600. Production without a configured key refuses: an anchor whose key sits beside
 * the data anchors nothing.
 */
export function loadSigner(config: CheckpointConfig): CheckpointSigner {
  if (config.keyFile) return signerOf(createPrivateKey(fs.readFileSync(config.keyFile)));
  if (config.production) {
    throw new Error('AUDIT_CHECKPOINT_KEY_FILE is not set: in production the audit checkpoints are signed with a key of their own, kept apart from the databases.');
  }
  const file = config.devKeyFile;
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    const { privateKey } = generateKeyPairSync('ed25519');
    const temp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temp, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
    // Several services start at once: the first rename wins, the others read the key it wrote.
    try {
      fs.linkSync(temp, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      fs.rmSync(temp, { force: true });
    }
  }
  return signerOf(createPrivateKey(fs.readFileSync(file)));
}

/** Public keys by key ID: the signing key's (when its file is readable here) and every retired one listed. */
export function trustedKeys(config: CheckpointConfig): Map<string, KeyObject> {
  const keys = new Map<string, KeyObject>();
  const own = config.keyFile ?? (config.production ? null : config.devKeyFile);
  if (own && fs.existsSync(own)) {
    const publicKey = createPublicKey(createPrivateKey(fs.readFileSync(own)));
    keys.set(keyIdOf(publicKey), publicKey);
  }
  for (const file of config.trustedKeyFiles) {
    const publicKey = createPublicKey(fs.readFileSync(file));
    keys.set(keyIdOf(publicKey), publicKey);
  }
  return keys;
}

export function verifySignature(publicKey: KeyObject, text: string, signature: string): boolean {
  try {
    return verify(null, Buffer.from(text, 'utf8'), publicKey, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}
