/**
 * The audit hook of every subgraph: when a response is about to be sent, the request's entry is appended and
 * the response waits until it is durable. If it cannot be written, every protected value in the response is
 * withheld (null, with an AUDIT_UNAVAILABLE error at its path): no protected data leaves without its record.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLFormattedError, GraphQLResolveInfo } from 'graphql';
import { ErrorCode } from '../errors';
import type { RequestContext } from '../subgraph';

type Path = GraphQLResolveInfo['path'];

function pathArray(path: Path): (string | number)[] {
  const out: (string | number)[] = [];
  for (let p: Path | undefined = path; p; p = p.prev) out.push(p.key);
  return out.reverse();
}

/** Replaces each value at `paths` by null, with one error per path saying auditing is unavailable. */
export function withhold(result: { data?: Record<string, unknown> | null; errors?: readonly GraphQLFormattedError[] }, paths: readonly Path[], reason: string): void {
  const errors: GraphQLFormattedError[] = [...(result.errors ?? [])];
  const done = new Set<string>();
  for (const path of paths) {
    const keys = pathArray(path);
    const id = keys.join('.');
    if (done.has(id)) continue;
    done.add(id);
    let parent: unknown = result.data;
    for (const key of keys.slice(0, -1)) parent = parent == null ? undefined : (parent as Record<string | number, unknown>)[key];
    if (parent != null && typeof parent === 'object') (parent as Record<string | number, unknown>)[keys[keys.length - 1]!] = null;
    errors.push({
      message: `Auditing is unavailable, so this protected value is withheld: every use of it must be recorded first (${reason}). Try again later.`,
      path: keys,
      extensions: { code: ErrorCode.AuditUnavailable },
    });
  }
  result.errors = errors;
}

function log(line: Record<string, unknown>): void {
  process.stderr.write(`${JSON.stringify({ level: 'error', ...line })}\n`);
}

export function auditPlugin(): ApolloServerPlugin<RequestContext<unknown>> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, request, operationName }) {
          const audit = contextValue.audit;
          if (!audit) return;
          audit.operationName = operationName ?? null;
          audit.document = request.query ?? null;
        },
        async willSendResponse({ contextValue, response }) {
          const audit = contextValue.audit;
          if (!audit || response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          const entry = audit.entry(result.errors);
          if (!entry) return;
          try {
            await audit.writer.append(entry);
          } catch (error) {
            log({ msg: 'audit record not written; protected values withheld', requestId: contextValue.requestId, error: String((error as Error)?.message ?? error) });
            withhold(result as never, audit.paths, 'the audit trail could not be written');
          }
        },
      };
    },
  };
}
