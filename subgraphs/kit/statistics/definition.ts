/**
 * How a domain declares its statistics: the table counted, the unit, the dimensions (SQL expressions over stored
 * columns) and measures, the catalogue fields each reads, and the rollups to pre-aggregate. The kit does the rest
 * (statistics/run.ts): authorization, row scope, SQL, disclosure control, the request's facts.
 */
import type { EntitySchema } from '@mikro-orm/core';

/** Quoted column of a property of the counted table (alias t), e.g. c.birthDate is t.birth_date. */
export type Columns = Readonly<Record<string, string>>;

/** A SQL fragment with its bindings (dates, constants); never caller input. */
export interface Sql {
  sql: string;
  bindings?: readonly (string | number)[];
}

export interface DimensionSpec {
  /** Catalogue fields of the counted type the dimension reads: `aggregate` is checked on them, and k follows them. */
  fields: readonly string[];
  /**
   * The value of a record on this dimension, as text. `today` is the date the numbers are computed at; `table`
   * names another table of the domain (for an EXISTS over child rows), schema-qualified where needed.
   */
  sql: (c: Columns, today: string, table: (entity: EntitySchema<any, any>) => string) => Sql | string;
  /** How a filter value must look (checked before it reaches SQL as a binding). */
  valuePattern?: RegExp;
  description?: string;
}

export interface MeasureSpec {
  fields: readonly string[];
  /** The number summed per record. */
  sql: (c: Columns) => string;
}

export interface StatisticSpec {
  /** Names the statistic in results and audit facts, e.g. population. */
  name: string;
  entity: EntitySchema<any, any>;
  /** The catalogue type of the counted records (their fields are the ones checked). */
  type: string;
  /** What one record is: PERSONS, ENTERPRISES, PROPERTIES... */
  unit: string;
  /** The property whose value keys a record for the cell-key method (the primary key). */
  key: string;
  /** Properties that identify the key column when it is composite (joined with '/'). */
  keyParts?: readonly string[];
  dimensions: Readonly<Record<string, DimensionSpec>>;
  measures?: Readonly<Record<string, MeasureSpec>>;
  /**
   * Dimension sets pre-aggregated into summary tables (refreshed on write): a query whose dimensions and filters
   * all lie in one rollup reads it instead of the records. The row scope must be expressible on it too
   * (scopeDimensions); otherwise the records are read.
   */
  rollups?: readonly (readonly string[])[];
  /** Properties whose stored value equals a dimension's value, so that row conditions on them apply to rollups. */
  scopeDimensions?: Readonly<Record<string, string>>;
}

export type StatisticDefinition = Readonly<StatisticSpec>;

export function defineStatistic(spec: StatisticSpec): StatisticDefinition {
  for (const rollup of spec.rollups ?? []) {
    for (const d of rollup) if (!(d in spec.dimensions)) throw new Error(`Statistic ${spec.name} rolls up an unknown dimension ${d}.`);
  }
  for (const d of Object.values(spec.scopeDimensions ?? {})) if (!(d in spec.dimensions)) throw new Error(`Statistic ${spec.name} scopes on an unknown dimension ${d}.`);
  return Object.freeze(spec);
}

const COUNTY = /^46\d{4}$/;

/**
 * The three region dimensions over a stored county-or-district code: PROVINCE (460000), CITY (a prefecture-level
 * city or a county-level unit under the province, 4690xx) and COUNTY (the county or district itself).
 */
export function regionDimensions(property: string, field: string = property): Record<'PROVINCE' | 'CITY' | 'COUNTY', DimensionSpec> {
  const fields = [field];
  return {
    PROVINCE: { fields, valuePattern: COUNTY, sql: (c) => `substr(${c[property]}, 1, 2) || '0000'`, description: 'Province (GB/T 2260 code)' },
    CITY: {
      fields,
      valuePattern: COUNTY,
      sql: (c) => `case when substr(${c[property]}, 3, 2) = '90' then ${c[property]} else substr(${c[property]}, 1, 4) || '00' end`,
      description: 'Prefecture-level city, or county-level unit under the province',
    },
    COUNTY: { fields, valuePattern: COUNTY, sql: (c) => `${c[property]}`, description: 'County or district' },
  };
}

/** Year and month of a stored YYYY-MM-DD date. */
export function dateDimensions(property: string, field: string = property): Record<'YEAR' | 'MONTH', DimensionSpec> {
  return {
    YEAR: { fields: [field], valuePattern: /^\d{4}$/, sql: (c) => `substr(${c[property]}, 1, 4)` },
    MONTH: { fields: [field], valuePattern: /^\d{4}-\d{2}$/, sql: (c) => `substr(${c[property]}, 1, 7)` },
  };
}

/** A band of a number: bands are [label, upper bound exclusive], the last label takes the rest. */
export function bands(column: string, limits: readonly (readonly [string, number])[], rest: string): string {
  return `case ${limits.map(([label, upper]) => `when ${column} < ${Number(upper)} then '${label.replace(/'/g, "''")}'`).join(' ')} else '${rest.replace(/'/g, "''")}' end`;
}

/** A boolean stored column (0/1 in SQLite, true/false in PostgreSQL) as 'true' or 'false'. */
export function booleanText(column: string): string {
  return `case when ${column} then 'true' else 'false' end`;
}

/** Age bands over a stored birth date, relative to `today` (YYYY-MM-DD): compared as dates, bound as parameters. */
export function ageBandSql(column: string, today: string, limits: readonly number[]): Sql {
  const [y, rest] = [Number(today.slice(0, 4)), today.slice(4)];
  const bindings: string[] = [];
  let lower = 0;
  const whens = limits.map((upper) => {
    bindings.push(`${y - upper}${rest}`);
    const when = `when ${column} > ? then '${lower}-${upper - 1}'`;
    lower = upper;
    return when;
  });
  return { sql: `case ${whens.join(' ')} else '${lower}+' end`, bindings };
}
