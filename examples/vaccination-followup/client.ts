/**
 * A departmental app's GraphQL client over graphql-request 7: what every app of the graph needs, whatever it does.
 *
 * - Sends each operation by hash (`extensions.persistedQuery.sha256Hash`): the id its trusted document is registered
 *   under, which codegen embeds in the generated document (`__meta__.hash`). A document without one (an ad hoc
 *   query) goes as text, which the gateway refuses to app tokens under TRUSTED_DOCUMENTS=enforce.
 * - Sends the token and the purpose (`X-Purpose`: sharing grants apply only under their own purpose, and the audit
 *   trail records it) on every request.
 * - Returns partial data with the errors at their paths (a FORBIDDEN field is null, the rest of the answer stands),
 *   and throws for what leaves nothing to show: a refused request (HTTP 4xx/5xx), an operation not trusted.
 * - On HTTP 429 RATE_LIMITED waits `Retry-After` seconds and tries again (a limited request ran nothing, so even a
 *   mutation is safe to resend; mutations carry an idempotency key besides).
 *
 * graphql-request is an ES module; this project is CommonJS, so it is loaded with `import()` (in an ESM app, a plain
 * `import { GraphQLClient } from 'graphql-request'`).
 */
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print, type DocumentNode } from 'graphql';
import type { ClientError, GraphQLClient } from 'graphql-request' with { 'resolution-mode': 'import' };

/** One error of a GraphQL answer, as the platform words it (subgraphs/kit/errors.ts, auth/errors.ts). */
export interface GraphError {
  message: string;
  path?: readonly (string | number)[];
  extensions?: { code?: string; [key: string]: unknown };
}

/** Data (possibly partial: null where an error is) and the errors at their paths. */
export interface Answer<T> {
  data: T;
  errors: GraphError[];
}

/** What the client did on its own, for logs and tests. */
export type ClientEvent = { kind: 'rate-limited'; operation: string; retryAfterSeconds: number; attempt: number };

export interface AppClientOptions {
  /** The gateway's GraphQL endpoint, e.g. https://graph.hainan.gov.cn/graphql. */
  url: string;
  /** A bearer token with the app's `client` claim; a function is asked before every request (tokens expire). */
  token: string | (() => string);
  /** Why the app reads: sent as X-Purpose (ASCII; grants name the purpose they are for). */
  purpose: string;
  /** Attempts after a 429 before giving up. @default 3 */
  maxRateLimitRetries?: number;
  onEvent?: (event: ClientEvent) => void;
  /** @default setTimeout */
  sleep?: (ms: number) => Promise<void>;
  /** @default globalThis.fetch (a proxy's dispatcher, or a test's spy) */
  fetch?: typeof fetch;
}

/** A request the platform refused as a whole (HTTP status other than 200), with its code. */
export class RequestRefused extends Error {
  constructor(
    readonly status: number,
    readonly code: string | undefined,
    message: string,
    readonly errors: GraphError[],
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'RequestRefused';
  }
}

/** The app ran an operation that is not registered for it (403 OPERATION_NOT_TRUSTED): a deployment error. */
export class OperationNotTrusted extends RequestRefused {
  override name = 'OperationNotTrusted';
}

/** Still over the rate limit after every retry. */
export class RateLimited extends RequestRefused {
  override name = 'RateLimited';
}

/** An answer whose errors leave nothing the app can use (no data, or an error the caller did not expect). */
export class AnswerFailed extends Error {
  constructor(
    readonly operation: string,
    readonly errors: GraphError[],
  ) {
    super(`${operation} failed: ${errors.map((e) => `${e.extensions?.code ?? 'ERROR'} ${e.message}`).join('; ')}`);
    this.name = 'AnswerFailed';
  }

  get code(): string | undefined {
    return this.errors[0]?.extensions?.code;
  }
}

/** The trusted-document id codegen embedded in a generated document (codegen.ts), if any. */
export function documentHash(document: DocumentNode): string | undefined {
  return (document as { __meta__?: { hash?: string } }).__meta__?.hash;
}

function operationName(document: DocumentNode): string {
  for (const d of document.definitions) if (d.kind === 'OperationDefinition') return d.name?.value ?? 'anonymous operation';
  return 'anonymous operation';
}

export interface AppClient {
  /** Runs a generated (typed) document: partial data and errors, or a thrown RequestRefused. */
  run<T, V extends Record<string, unknown>>(document: TypedDocumentNode<T, V>, variables: V): Promise<Answer<T>>;
}

const importLibrary = () => import('graphql-request');
let library: ReturnType<typeof importLibrary> | undefined;
const loadLibrary = () => (library ??= importLibrary());

export async function createAppClient(options: AppClientOptions): Promise<AppClient> {
  const { GraphQLClient: Client } = await loadLibrary();
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const maxRetries = options.maxRateLimitRetries ?? 3;
  // graphql-request prints the document into the body; the middleware swaps the text for the registered hash.
  const hashByText = new Map<string, string>();
  const printed = new WeakMap<DocumentNode, string>();
  const client: GraphQLClient = new Client(options.url, {
    errorPolicy: 'all',
    ...(options.fetch ? { fetch: options.fetch } : {}),
    headers: () => ({
      authorization: `Bearer ${typeof options.token === 'function' ? options.token() : options.token}`,
      'x-purpose': options.purpose,
    }),
    requestMiddleware: (request) => {
      const body = JSON.parse(String(request.body)) as { query: string; variables?: unknown; operationName?: string };
      const hash = hashByText.get(body.query);
      if (hash === undefined) return request;
      const persisted = { operationName: body.operationName, variables: body.variables, extensions: { persistedQuery: { version: 1, sha256Hash: hash } } };
      return { ...request, body: JSON.stringify(persisted) };
    },
  });

  return {
    async run<T, V extends Record<string, unknown>>(document: TypedDocumentNode<T, V>, variables: V): Promise<Answer<T>> {
      let text = printed.get(document);
      if (text === undefined) {
        text = print(document);
        printed.set(document, text);
        const hash = documentHash(document);
        if (hash) hashByText.set(text, hash);
      }
      const name = operationName(document);
      for (let attempt = 1; ; attempt++) {
        try {
          const answer = await client.rawRequest<T, V>(text, variables);
          return { data: answer.data, errors: (answer.errors ?? []) as unknown as GraphError[] };
        } catch (error) {
          const refused = refusal(error);
          if (!refused) throw error;
          if (refused instanceof RateLimited && attempt <= maxRetries) {
            const wait = refused.retryAfterSeconds ?? 1;
            options.onEvent?.({ kind: 'rate-limited', operation: name, retryAfterSeconds: wait, attempt });
            // A little jitter, so that the app's callers limited together do not all come back in the same instant.
            await sleep(wait * 1000 + Math.floor(Math.random() * 250));
            continue;
          }
          throw refused;
        }
      }
    },
  };
}

/** The platform's refusal of a whole request, from graphql-request's ClientError (thrown for any non-2xx status). */
function refusal(error: unknown): RequestRefused | undefined {
  const response = (error as Partial<ClientError>)?.response;
  if (!response || typeof response.status !== 'number' || response.status < 400) return undefined;
  const errors = (response.errors ?? []) as unknown as GraphError[];
  const first = errors[0];
  const code = first?.extensions?.code;
  const message = first?.message ?? `The gateway answered HTTP ${response.status}.`;
  if (response.status === 429 || code === 'RATE_LIMITED') {
    const header = Number(response.headers?.get('retry-after'));
    const retryAfter = Number.isFinite(header) && header > 0 ? header : Number(first?.extensions?.retryAfterSeconds ?? 1);
    return new RateLimited(response.status, code, message, errors, retryAfter);
  }
  if (code === 'OPERATION_NOT_TRUSTED') return new OperationNotTrusted(response.status, code, message, errors);
  return new RequestRefused(response.status, code, message, errors);
}
