/**
 * Who is calling: the same token verification in the gateway and in every subgraph, so that a request sent
 * straight to a subgraph is judged exactly as one through the gateway. No token is the public principal; a bad
 * token is refused (HTTP 401), never downgraded to public.
 */
import { GraphQLError } from 'graphql';
import { AuthenticationError, createTokenVerifier, ensureDevKeys, isDevelopmentKey, type Principal } from '../../auth';
import type { AuthConfig } from './config';
import { ErrorCode } from './errors';

export interface Identity {
  /** The caller of one request, from its Authorization and X-Purpose headers. */
  principal(headers: { get(name: string): string | undefined }): Promise<Principal>;
  /** The JWKS file in use (the development key pair in the embedded default). */
  jwksFile: string | null;
  privateKeyFile: string | null;
}

export async function createIdentity(config: AuthConfig, production: boolean): Promise<Identity> {
  let jwks: { file: string } | { url: string };
  let privateKeyFile: string | null = null;
  if ('devKeysDir' in config.jwks) {
    if (production) throw new Error('Refusing to start in production with the development key: set JWKS_FILE or JWKS_URL.');
    const keys = await ensureDevKeys(config.jwks.devKeysDir);
    jwks = { file: keys.jwksFile };
    privateKeyFile = keys.privateKeyFile;
  } else {
    jwks = config.jwks;
    if (production && 'file' in jwks && (await isDevelopmentKey(jwks.file))) {
      throw new Error(`Refusing to start in production: ${jwks.file} holds a development key.`);
    }
  }
  const verifier = createTokenVerifier({ jwks, issuer: config.issuer, audience: config.audience, clockToleranceSeconds: config.clockToleranceSeconds });
  return {
    jwksFile: 'file' in jwks ? jwks.file : null,
    privateKeyFile,
    async principal(headers) {
      try {
        return await verifier.verify(headers.get('authorization'), headers.get('x-purpose'));
      } catch (error) {
        if (error instanceof AuthenticationError) {
          throw new GraphQLError(`Authentication failed: ${error.reason}`, {
            extensions: { code: ErrorCode.Unauthenticated, reason: error.reason, http: { status: 401, headers: new Map([['www-authenticate', 'Bearer']]) } },
          });
        }
        throw error;
      }
    },
  };
}
