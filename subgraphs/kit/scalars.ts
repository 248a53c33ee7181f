/** Scalars shared by every subgraph that declares them: a calendar Date and GeoJSON geometry. */
import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { ErrorCode } from './errors';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written YYYY-MM-DD (so 2023-02-30 is refused). */
export function isCalendarDate(value: string): boolean {
  const match = DATE.exec(value);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function parseDate(value: unknown): string {
  if (typeof value !== 'string' || !isCalendarDate(value)) {
    throw new GraphQLError(`Date must be a calendar date written YYYY-MM-DD, got ${JSON.stringify(value)}.`, {
      extensions: { code: ErrorCode.BadUserInput },
    });
  }
  return value;
}

export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'A calendar date, YYYY-MM-DD (ISO 8601).',
  serialize: (value) => String(value),
  parseValue: parseDate,
  parseLiteral: (ast) => parseDate(ast.kind === Kind.STRING ? ast.value : undefined),
});

function literalToJson(ast: ValueNode, variables?: Record<string, unknown> | null): unknown {
  switch (ast.kind) {
    case Kind.STRING:
    case Kind.BOOLEAN:
      return ast.value;
    case Kind.INT:
    case Kind.FLOAT:
      return Number(ast.value);
    case Kind.LIST:
      return ast.values.map((v) => literalToJson(v, variables));
    case Kind.OBJECT:
      return Object.fromEntries(ast.fields.map((f) => [f.name.value, literalToJson(f.value, variables)]));
    case Kind.VARIABLE:
      return variables?.[ast.name.value];
    default:
      return null;
  }
}

const GEOMETRY_TYPES = new Set(['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon']);

function parseGeoJson(value: unknown): Record<string, unknown> {
  const geometry = typeof value === 'string' ? safeJson(value) : value;
  if (
    !geometry ||
    typeof geometry !== 'object' ||
    !GEOMETRY_TYPES.has(String((geometry as { type?: unknown }).type)) ||
    !Array.isArray((geometry as { coordinates?: unknown }).coordinates)
  ) {
    throw new GraphQLError('GeoJSON must be a geometry object with "type" and "coordinates" (RFC 7946).', {
      extensions: { code: ErrorCode.BadUserInput },
    });
  }
  return geometry as Record<string, unknown>;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export const GeoJsonScalar = new GraphQLScalarType({
  name: 'GeoJSON',
  description: 'A GeoJSON geometry object (RFC 7946), longitude before latitude, WGS 84.',
  serialize: (value) => (typeof value === 'string' ? JSON.parse(value) : value),
  parseValue: parseGeoJson,
  parseLiteral: (ast, variables) => parseGeoJson(literalToJson(ast, variables)),
});

/** Today's date in China Standard Time (UTC+8, no daylight saving): when registers' days begin and end. */
export function todayInChina(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}
