/**
 * OpenTelemetry tracing across the gateway and every subgraph, with W3C trace context (`traceparent`,
 * https://www.w3.org/TR/trace-context/): the gateway starts a span per request (continuing the caller's trace
 * when it sent one), a child span per subgraph fetch whose context it sends as `traceparent`, and each subgraph
 * continues that trace with its own request span. Spans are exported by OTLP/HTTP only when
 * OTEL_EXPORTER_OTLP_ENDPOINT is set; otherwise no provider is installed and every span is the API's no-op.
 *
 * Spans are parented explicitly (the request span is kept per request context in a WeakMap), so nothing depends
 * on async context surviving Apollo's and the drivers' callbacks.
 */
import { context as otelContext, propagation, ROOT_CONTEXT, SpanKind, trace, type Context, type Span, type TextMapGetter } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, NodeTracerProvider, SimpleSpanProcessor, type SpanExporter } from '@opentelemetry/sdk-trace-node';

const TRACER = 'hainan-data-graph';
let provider: NodeTracerProvider | null = null;

export interface TracingOptions {
  serviceName: string;
  /** OTLP/HTTP collector base URL; spans go to `<url>/v1/traces`. */
  otlpEndpoint?: string;
  /** Tests: an in-memory exporter, each span exported as it ends. */
  exporter?: SpanExporter;
}

/**
 * Installs the process's tracer provider (once: the first service of a process names the resource; each span
 * also carries its `service` attribute). Returns false when there is nothing to export to.
 */
export function installTracing(options: TracingOptions): boolean {
  if (provider) return true;
  if (!options.exporter && !options.otlpEndpoint) return false;
  const processor = options.exporter
    ? new SimpleSpanProcessor(options.exporter)
    : new BatchSpanProcessor(new OTLPTraceExporter({ url: `${options.otlpEndpoint!.replace(/\/+$/, '')}/v1/traces` }));
  provider = new NodeTracerProvider({ resource: resourceFromAttributes({ 'service.name': options.serviceName }), spanProcessors: [processor] });
  // Sets the global provider, the W3C trace-context propagator and the AsyncLocalStorage context manager.
  provider.register();
  return true;
}

/** Sends what is buffered (on a service's stop); the provider stays for the other services of the process. */
export async function flushTracing(): Promise<void> {
  await provider?.forceFlush();
}

const tracer = () => trace.getTracer(TRACER);

const headerGetter: TextMapGetter<{ get(name: string): string | undefined; keys(): Iterable<string> }> = {
  get: (carrier, key) => carrier.get(key) ?? undefined,
  keys: (carrier) => [...carrier.keys()],
};

const requestSpans = new WeakMap<object, Span>();

/** Starts the span of one incoming GraphQL request, continuing the trace of its `traceparent` header if any. */
export function startRequestSpan(key: object, service: string, headers: { get(name: string): string | undefined; keys(): Iterable<string> } | undefined): Span {
  const parent = headers ? propagation.extract(ROOT_CONTEXT, headers, headerGetter) : ROOT_CONTEXT;
  const span = tracer().startSpan('graphql.request', { kind: SpanKind.SERVER, attributes: { service } }, parent);
  requestSpans.set(key, span);
  return span;
}

/** The request span started for this request context, if tracing is on. */
export function requestSpan(key: object | undefined): Span | undefined {
  return key ? requestSpans.get(key) : undefined;
}

/** A child span of the request's (an outgoing call), and the headers that carry its context to the callee. */
export function startClientSpan(key: object | undefined, name: string, attributes: Record<string, string>): { span: Span; headers: Record<string, string> } {
  const parentSpan = requestSpan(key);
  const parent: Context = parentSpan ? trace.setSpan(ROOT_CONTEXT, parentSpan) : otelContext.active();
  const span = tracer().startSpan(name, { kind: SpanKind.CLIENT, attributes }, parent);
  const headers: Record<string, string> = {};
  propagation.inject(trace.setSpan(parent, span), headers);
  return { span, headers };
}
