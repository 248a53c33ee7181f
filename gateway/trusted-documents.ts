/**
 * Trusted documents: each departmental app's registered operations, committed to the repository under
 * `documents/<app>/manifest.json` (Apollo's persisted-query manifest format: id = sha256 of the body), written by
 * `npm run documents:register -- <app> <file.graphql>` and reviewed like code. The gateway reads them at start.
 *
 * A request names a registered operation by hash, with the APQ extension
 * (`extensions.persistedQuery.sha256Hash`) or a `documentId` (`sha256:<hex>`, the GraphQL-over-HTTP persisted
 * documents proposal); the gateway puts the registered body in place before Apollo's APQ cache is consulted.
 * With TRUSTED_DOCUMENTS=enforce, a token with the `app` role or a `client` claim may run only its own app's
 * registered operations (by hash, or the full text of one); anything else is `OPERATION_NOT_TRUSTED`. Everyone
 * else may send any operation, and automatic persisted queries.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { GraphQLError, Kind, print, visit, type DefinitionNode, type DocumentNode, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import type { Principal } from '../auth';
import type { TrustedDocumentsConfig } from '../subgraphs/kit/config';
import { ErrorCode } from '../subgraphs/kit/errors';

export const MANIFEST_FORMAT = 'apollo-persisted-query-manifest';
export const APP_NAME = /^[a-z0-9][a-z0-9-]{0,62}$/;

export interface ManifestOperation {
  id: string;
  name: string;
  type: 'query' | 'mutation' | 'subscription';
  body: string;
}

export interface Manifest {
  format: typeof MANIFEST_FORMAT;
  version: 1;
  operations: ManifestOperation[];
}

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * An operation with the fragments it uses (transitively), as one printed document: the body a manifest registers,
 * whose sha256 is the operation's id.
 */
export function operationBody(operation: OperationDefinitionNode, fragments: ReadonlyMap<string, FragmentDefinitionNode>): string {
  const used = new Map<string, FragmentDefinitionNode>();
  const collect = (node: DefinitionNode) =>
    visit(node, {
      FragmentSpread(spread) {
        const f = fragments.get(spread.name.value);
        if (f && !used.has(f.name.value)) {
          used.set(f.name.value, f);
          collect(f);
        }
      },
    });
  collect(operation);
  return print({ kind: Kind.DOCUMENT, definitions: [operation, ...[...used.values()].sort((a, b) => a.name.value.localeCompare(b.name.value))] });
}

/**
 * The id `npm run documents:register` gives the one operation of `document` (with its fragments): what an app sends
 * as `extensions.persistedQuery.sha256Hash`. Codegen can embed it in each generated document
 * (examples/vaccination-followup/codegen.ts), so an app never hashes at run time.
 */
export function trustedDocumentId(document: DocumentNode): string {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  if (operations.length !== 1) throw new Error(`A trusted document holds exactly one operation; this one has ${operations.length}.`);
  const fragments = new Map(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]));
  return sha256(operationBody(operations[0]!, fragments));
}

export function manifestFile(dir: string, app: string): string {
  return path.join(dir, app, 'manifest.json');
}

export function readManifest(file: string): Manifest {
  if (!fs.existsSync(file)) return { format: MANIFEST_FORMAT, version: 1, operations: [] };
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as Manifest;
  if (manifest.format !== MANIFEST_FORMAT || manifest.version !== 1 || !Array.isArray(manifest.operations)) {
    throw new Error(`${file} is not a persisted-query manifest (format "${MANIFEST_FORMAT}", version 1).`);
  }
  for (const op of manifest.operations) {
    if (sha256(op.body) !== op.id) throw new Error(`${file}: operation "${op.name}" has id ${op.id}, but its body hashes to ${sha256(op.body)}.`);
  }
  return manifest;
}

/** Every app's registered operations: app → sha256 → body. */
export type TrustedDocuments = ReadonlyMap<string, ReadonlyMap<string, string>>;

export function loadTrustedDocuments(dir: string): TrustedDocuments {
  const out = new Map<string, Map<string, string>>();
  if (!fs.existsSync(dir)) return out;
  for (const app of fs.readdirSync(dir).sort()) {
    const file = manifestFile(dir, app);
    if (!APP_NAME.test(app) || !fs.existsSync(file)) continue;
    out.set(app, new Map(readManifest(file).operations.map((op) => [op.id, op.body])));
  }
  return out;
}

function notTrusted(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.OperationNotTrusted, http: { status: 403 } } });
}

/** The hash a request names: the APQ extension's, or a `documentId` of `sha256:<hex>` (or bare hex). */
function requestedHash(extensions: Record<string, any> | undefined, body: unknown): string | undefined {
  const apq = extensions?.persistedQuery?.sha256Hash;
  if (typeof apq === 'string') return apq;
  const id = (body as { documentId?: unknown } | undefined)?.documentId;
  return typeof id === 'string' ? id.replace(/^sha256:/, '') : undefined;
}

/** The app a caller acts for: its `client` claim; a token with the `app` role and no claim belongs to none (''). */
function appOf(principal: Principal | undefined): string | null {
  if (!principal) return null;
  if (principal.client) return principal.client;
  return principal.roles.includes('app') ? '' : null;
}

/** What an HTTP request asks to run: its query text, and the hash it names (APQ extension or documentId). */
export function requestedOperation(body: unknown, search: string): { query?: string; hash?: string } {
  if (body && typeof body === 'object') {
    const b = body as { query?: unknown; extensions?: Record<string, any>; documentId?: unknown };
    return { query: typeof b.query === 'string' ? b.query : undefined, hash: requestedHash(b.extensions, b) };
  }
  const params = new URLSearchParams(search);
  let extensions: Record<string, any> | undefined;
  try {
    extensions = JSON.parse(params.get('extensions') ?? 'null') ?? undefined;
  } catch {
    extensions = undefined; // Apollo answers 400 for it
  }
  return { query: params.get('query') ?? undefined, hash: requestedHash(extensions, { documentId: params.get('documentId') ?? undefined }) };
}

/**
 * Under TRUSTED_DOCUMENTS=enforce, refuses an app's request for anything but its own registered operations with
 * 403 `OPERATION_NOT_TRUSTED`. Called from the gateway's context function (before Apollo reads the request: an
 * error thrown there keeps its status and message), so an APQ lookup or registration never happens for it.
 */
export function checkTrustedDocument(documents: TrustedDocuments, config: Pick<TrustedDocumentsConfig, 'mode'>, principal: Principal, request: { query?: string; hash?: string }): void {
  const app = appOf(principal);
  if (config.mode !== 'enforce' || app === null) return;
  const own = app ? documents.get(app) : undefined;
  const { query, hash } = request;
  if (hash !== undefined && own?.has(hash) && (query === undefined || sha256(query) === hash)) return;
  if (hash === undefined && query !== undefined && own?.has(sha256(query))) return;
  const label = app ? `app "${app}"` : 'a token with the app role and no client claim';
  throw notTrusted(
    hash
      ? `Operation ${hash} is not registered for ${label}; register it with "npm run documents:register -- ${app || '<app>'} <file.graphql>".`
      : `Only registered operations may be run by ${label}: send the operation's sha256 in extensions.persistedQuery or documentId, after "npm run documents:register -- ${app || '<app>'} <file.graphql>".`,
  );
}

/**
 * Puts a registered body in place of the hash a request names (the caller's app's own documents first, then any
 * app's: trusted documents are no secret), before Apollo's APQ cache is consulted. Unknown hashes go on to APQ.
 */
export function trustedDocumentsPlugin<Ctx extends BaseContext>(documents: TrustedDocuments, principalOf: (context: Ctx) => Principal | undefined): ApolloServerPlugin<Ctx> {
  const anyApp = new Map<string, string>();
  for (const ops of documents.values()) for (const [id, body] of ops) anyApp.set(id, body);
  return {
    async requestDidStart({ request, contextValue }) {
      const app = appOf(principalOf(contextValue));
      const hash = requestedHash(request.extensions, request.http?.body);
      if (hash === undefined) return;
      const registered = (app ? documents.get(app)?.get(hash) : undefined) ?? anyApp.get(hash);
      if (registered === undefined || (request.query !== undefined && sha256(request.query) !== hash)) return;
      request.query = registered;
      if (request.extensions?.persistedQuery) {
        const { persistedQuery: _replaced, ...rest } = request.extensions;
        request.extensions = rest;
      }
    },
  };
}
