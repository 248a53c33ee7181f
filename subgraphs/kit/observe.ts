/**
 * The request's trace in logs, metrics and spans, for the gateway and every subgraph alike: an Apollo plugin that
 * writes one log line per request (request id, operation, duration, status, caller's sub and dept, error codes),
 * counts it and its errors, times it, and opens the request's span (continuing the caller's W3C trace context).
 * It also sends the request id back as `X-Request-Id`, so a caller can quote it.
 */
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { SpanStatusCode } from '@opentelemetry/api';
import type { Principal } from '../../auth';
import type { Logger } from './logger';
import { errorsTotal, operationDuration, operationLabel, requestsTotal } from './metrics';
import { startRequestSpan } from './tracing';

export interface ObserveOptions<Ctx> {
  service: string;
  logger: Logger;
  /** The caller, once the context is built (absent in a benchmark build without enforcement). */
  principalOf: (context: Ctx) => Principal | undefined;
  requestIdOf: (context: Ctx) => string | undefined;
}

export function observePlugin<Ctx extends BaseContext>(options: ObserveOptions<Ctx>): ApolloServerPlugin<Ctx> {
  const { service, logger } = options;
  return {
    async contextCreationDidFail({ error }) {
      // A refused token (HTTP 401) never reaches requestDidStart: count and log it here.
      const code = String((error as { extensions?: { code?: unknown } }).extensions?.code ?? 'INTERNAL_SERVER_ERROR');
      requestsTotal.labels(service, 'unknown', code === 'UNAUTHENTICATED' ? '401' : '500').inc();
      errorsTotal.labels(service, code).inc();
      logger.info({ status: code === 'UNAUTHENTICATED' ? 401 : 500, errors: [code] }, 'request refused');
    },
    async requestDidStart({ request, contextValue }) {
      const started = performance.now();
      const span = startRequestSpan(contextValue, service, request.http?.headers);
      return {
        async willSendResponse({ response, operationName, contextValue: ctx }) {
          const seconds = (performance.now() - started) / 1000;
          const operation = operationLabel(operationName ?? request.operationName);
          const status = response.http.status ?? 200;
          const errors = response.body.kind === 'single' ? (response.body.singleResult.errors ?? []) : [];
          const codes = errors.map((e) => String(e.extensions?.code ?? 'INTERNAL_SERVER_ERROR'));
          const requestId = options.requestIdOf(ctx);
          if (requestId) response.http.headers.set('x-request-id', requestId);
          requestsTotal.labels(service, operation, String(status)).inc();
          operationDuration.labels(service, operation).observe(seconds);
          for (const code of codes) errorsTotal.labels(service, code).inc();
          const principal = options.principalOf(ctx);
          const spanContext = span.spanContext();
          logger.info(
            {
              requestId,
              operation: operationName ?? request.operationName ?? null,
              durationMs: Math.round(seconds * 10000) / 10,
              status,
              sub: principal?.kind === 'government' ? principal.sub : null,
              dept: principal?.kind === 'government' ? principal.dept : null,
              ...(codes.length ? { errors: codes } : {}),
              ...(span.isRecording() ? { traceId: spanContext.traceId } : {}),
            },
            'request',
          );
          span.setAttribute('graphql.operation.name', operation);
          if (requestId) span.setAttribute('request.id', requestId);
          if (codes.length) span.setStatus({ code: SpanStatusCode.ERROR, message: codes.join(',') });
          span.updateName(`graphql ${operation}`);
          span.end();
        },
      };
    },
  };
}
