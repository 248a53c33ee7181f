/**
 * Prints a signed development token: `npm run token -- --sub alice --dept health --roles analyst [--region 460100]
 * [--client app] [--expires 8h]`. Uses the development key pair under DATA_DIR/keys (made on first use); the
 * platform refuses that key in production.
 */
import { parseArgs } from 'node:util';
import { DEPARTMENTS, ROLES, ensureDevKeys, isRegionCode, signToken } from '../auth';
import { authConfig, isProduction } from '../subgraphs/kit/config';

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      sub: { type: 'string' },
      dept: { type: 'string' },
      roles: { type: 'string' },
      region: { type: 'string' },
      client: { type: 'string' },
      expires: { type: 'string', default: '8h' },
    },
  });
  if (isProduction()) fail('Development tokens are not issued in production; use the identity provider.');
  if (!values.sub || !values.dept || !values.roles) {
    fail(`Usage: npm run token -- --sub <id> --dept <${DEPARTMENTS.join('|')}> --roles <${ROLES.join(',')}> [--region 460100] [--client app] [--expires 8h]`);
  }
  const roles = values.roles.split(',').map((r) => r.trim()).filter(Boolean);
  // Unknown codes would be denied everything; say so now rather than hand out a useless token.
  if (!(DEPARTMENTS as readonly string[]).includes(values.dept)) fail(`Unknown department "${values.dept}"; known: ${DEPARTMENTS.join(', ')}.`);
  const unknown = roles.filter((r) => !(ROLES as readonly string[]).includes(r));
  if (unknown.length > 0) fail(`Unknown role(s) ${unknown.join(', ')}; known: ${ROLES.join(', ')}.`);
  if (values.region !== undefined && !isRegionCode(values.region)) fail('--region takes a 6-digit GB/T 2260 code, e.g. 460100.');
  const config = authConfig();
  if (!('devKeysDir' in config.jwks)) fail('JWKS_FILE or JWKS_URL is set: tokens come from that identity provider, not from here.');
  const { privateKeyFile } = await ensureDevKeys(config.jwks.devKeysDir);
  const token = await signToken(
    privateKeyFile,
    { sub: values.sub, dept: values.dept, roles, ...(values.region ? { region: values.region } : {}), ...(values.client ? { client: values.client } : {}) },
    { issuer: config.issuer, audience: config.audience, expiresIn: values.expires! },
  );
  process.stdout.write(`${token}\n`);
}

main().catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));
