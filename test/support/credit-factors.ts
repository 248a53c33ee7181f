/**
 * Everything the generative test (test/integration/one-decision.test.ts) knows about credit's derived values, in
 * one place: how `CreditProfile.factors` is asked for, how an answer is read, and which protected fields each factor
 * is computed from. A factor's decision is the strictest of `factors`' own and its sources' for that caller and
 * profile; when the factors change shape (per-factor fields), only this file changes.
 */
import type { CreditProfileRow } from '../../subgraphs/credit/entities';
import { creditFacts } from '../../subgraphs/credit/entities';
import { rateCredit, type RatingFactorKind } from '../../subgraphs/credit/rating';
import type { DerivedField, DerivedPart } from './one-decision';

/** The fields of CreditProfile each factor is computed from (subgraphs/credit/rating.ts). */
export const FACTOR_SOURCES: Readonly<Record<RatingFactorKind, readonly string[]>> = {
  LOAN_HISTORY: ['loans'],
  OVERDUE_LOANS: ['loans'],
  DEFAULTED_LOANS: ['loans'],
  CONTRACT_PERFORMANCE: ['contractPerformance'],
  ADMINISTRATIVE_PENALTIES: ['administrativePenalties'],
  QUALITY_VIOLATIONS: ['qualityViolations'],
  TAX_GRADE: ['taxGrade'],
  DISHONEST_LIST: ['onDishonestList'],
};

/** The per-factor fields of RatingFactors, each asked for with the texts that carry its counts. */
const FACTOR_FIELDS = ['loanHistory', 'overdueLoans', 'defaultedLoans', 'contractPerformance', 'administrativePenalties', 'qualityViolations', 'taxGrade', 'dishonestList'];
export const FACTORS_SELECTION = `factors { ${FACTOR_FIELDS.map((f) => `${f} { factor value explanation }`).join(' ')} }`;

/** The factors in an answer, by kind (a FORBIDDEN factor is null, so absent): null when the answer has no factors at all. */
function answeredFactors(value: unknown): Map<string, { value: unknown; texts: readonly unknown[] }> | null {
  if (value === null || typeof value !== 'object') return null;
  const out = new Map<string, { value: unknown; texts: readonly unknown[] }>();
  for (const item of Object.values(value as Record<string, { factor?: unknown; value?: unknown; explanation?: unknown } | null>)) {
    if (item && typeof item.factor === 'string') out.set(item.factor, { value: item.value ?? null, texts: [item.value, item.explanation] });
  }
  return out;
}

/** The factors the owner's stored facts give: the same pure function the credit subgraph applies to its columns. */
function storedFactors(row: Readonly<Record<string, unknown>>): DerivedPart[] {
  return rateCredit(creditFacts(row as unknown as CreditProfileRow)).factors.map((f) => ({
    name: f.factor,
    sources: FACTOR_SOURCES[f.factor],
    value: f.value,
    // The explanation renders the counts ("2 of 3 contracts performed on time", "1 overdue loan: ..."): distinctive.
    secrets: [f.explanation],
  }));
}

export const CREDIT_FACTORS: DerivedField = {
  type: 'CreditProfile',
  field: 'factors',
  selection: FACTORS_SELECTION,
  parts: storedFactors,
  answered: answeredFactors,
};
