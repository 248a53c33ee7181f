/**
 * The credit rating: a pure function of a profile's facts, recomputed by every credit event and by the seeder.
 *
 * Every profile starts from a base score of 75; each factor adds or takes away points, bounded by its weight
 * (the most points it can move the score); the sum is bounded to 0-100 and banded into a rating:
 *
 * | factor                     | who         | points                                                        | weight |
 * | -------------------------- | ----------- | ------------------------------------------------------------- | ------ |
 * | LOAN_HISTORY               | all         | +5 with at least one loan and none OVERDUE or in DEFAULT      | 5      |
 * | OVERDUE_LOANS              | all         | -12 per OVERDUE loan                                          | 36     |
 * | DEFAULTED_LOANS            | all         | -30 per loan in DEFAULT                                       | 60     |
 * | CONTRACT_PERFORMANCE       | all         | 60 x (on-time ratio - 0.9), from 3 contracts on; else 0       | 30     |
 * | ADMINISTRATIVE_PENALTIES   | all         | -8 per penalty                                                | 32     |
 * | QUALITY_VIOLATIONS         | enterprises | -10 per violation                                             | 30     |
 * | TAX_GRADE                  | enterprises | A +15, B +8, M +3, C -10, D -30                               | 30     |
 * | DISHONEST_LIST             | all         | -50 while listed, and the rating is C whatever the score      | 50     |
 *
 * Bands: AAA from 90, AA from 82, A from 75, BBB from 65, BB from 55, B from 40, C below. A subject on the
 * dishonest list is rated C: the joint punishment of dishonest judgment debtors admits no offsetting merit.
 * Factor values are counts, ratios and grades only (never lenders or amounts), since rating and factors are
 * shared with every department while loans are not. The facts are counts kept on the profile: every credit
 * event updates them and stores the new score and rating (which filters read); the factors are this function
 * of the same stored facts, so they are exactly those that produced the stored rating.
 */

export type SubjectKind = 'PERSON' | 'ENTERPRISE';
export type LoanStatus = 'CURRENT' | 'OVERDUE' | 'DEFAULT';
export type TaxGrade = 'A' | 'B' | 'M' | 'C' | 'D';
export type CreditRating = 'AAA' | 'AA' | 'A' | 'BBB' | 'BB' | 'B' | 'C';
export type RatingFactorKind =
  | 'LOAN_HISTORY'
  | 'OVERDUE_LOANS'
  | 'DEFAULTED_LOANS'
  | 'CONTRACT_PERFORMANCE'
  | 'ADMINISTRATIVE_PENALTIES'
  | 'QUALITY_VIOLATIONS'
  | 'TAX_GRADE'
  | 'DISHONEST_LIST';

/** What a rating reads: counts kept on the profile itself, so that the factors can be shown without the records. */
export interface CreditFacts {
  subjectKind: SubjectKind;
  /** Loans on record, repaid ones included. */
  loanCount: number;
  overdueLoans: number;
  defaultedLoans: number;
  contracts: number;
  contractsOnTime: number;
  penaltyCount: number;
  /** Product-quality violations; enterprises only, ignored for persons. */
  violationCount: number;
  /** Enterprises only; ignored for persons. */
  taxGrade: TaxGrade | null;
  onDishonestList: boolean;
}

export interface RatedFactor {
  factor: RatingFactorKind;
  weight: number;
  value: string;
  effect: number;
  explanation: string;
}

export interface Rating {
  score: number;
  rating: CreditRating;
  factors: RatedFactor[];
}

export const BASE_SCORE = 75;
export const MIN_CONTRACTS_JUDGED = 3;

export const TAX_GRADE_POINTS: Readonly<Record<TaxGrade, number>> = { A: 15, B: 8, M: 3, C: -10, D: -30 };

/** Lowest score of each rating, best first. */
export const RATING_BANDS: readonly (readonly [CreditRating, number])[] = [
  ['AAA', 90],
  ['AA', 82],
  ['A', 75],
  ['BBB', 65],
  ['BB', 55],
  ['B', 40],
  ['C', 0],
];

/** One decimal, so that scores and effects read cleanly and sum without float noise. */
function tenth(x: number): number {
  return Math.round(x * 10) / 10 + 0; // + 0 turns -0 into 0
}

function bounded(x: number, weight: number): number {
  return tenth(Math.max(-weight, Math.min(weight, x)));
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The loan counts of a rating from the statuses of every loan on record. */
export function loanFacts(statuses: readonly LoanStatus[]): Pick<CreditFacts, 'loanCount' | 'overdueLoans' | 'defaultedLoans'> {
  return {
    loanCount: statuses.length,
    overdueLoans: statuses.filter((s) => s === 'OVERDUE').length,
    defaultedLoans: statuses.filter((s) => s === 'DEFAULT').length,
  };
}

export function ratingOfScore(score: number): CreditRating {
  for (const [rating, from] of RATING_BANDS) if (score >= from) return rating;
  return 'C';
}

/** The rating of a profile and the factors that produced it; the same facts always give the same rating. */
export function rateCredit(facts: CreditFacts): Rating {
  const { loanCount: loans, overdueLoans: overdue, defaultedLoans: defaulted } = facts;
  const factors: RatedFactor[] = [];
  const add = (factor: RatingFactorKind, weight: number, value: string, points: number, explanation: string) =>
    factors.push({ factor, weight, value, effect: bounded(points, weight), explanation });

  const clean = loans > 0 && overdue === 0 && defaulted === 0;
  add('LOAN_HISTORY', 5, String(loans), clean ? 5 : 0,
    loans === 0 ? 'No loans on record: no repayment history to credit.' : clean ? `${plural(loans, 'loan')}, all repaid as agreed.` : 'Loans in arrears: no credit for the repayment history.');
  add('OVERDUE_LOANS', 36, String(overdue), -12 * overdue, overdue === 0 ? 'No overdue loan.' : `${plural(overdue, 'overdue loan')}: 12 points each.`);
  add('DEFAULTED_LOANS', 60, String(defaulted), -30 * defaulted, defaulted === 0 ? 'No loan in default.' : `${plural(defaulted, 'loan')} in default: 30 points each.`);

  if (facts.contracts >= MIN_CONTRACTS_JUDGED) {
    const ratio = facts.contractsOnTime / facts.contracts;
    add('CONTRACT_PERFORMANCE', 30, ratio.toFixed(2), 60 * (ratio - 0.9),
      `${facts.contractsOnTime} of ${plural(facts.contracts, 'contract')} performed on time; 90% is neutral, each point above or below moves the score 0.6.`);
  } else {
    add('CONTRACT_PERFORMANCE', 30, facts.contracts === 0 ? 'none' : `${facts.contractsOnTime}/${facts.contracts}`, 0,
      `Fewer than ${MIN_CONTRACTS_JUDGED} contracts on record: too few to judge.`);
  }

  const penalties = facts.penaltyCount;
  add('ADMINISTRATIVE_PENALTIES', 32, String(penalties), -8 * penalties, penalties === 0 ? 'No administrative penalty.' : `${plural(penalties, 'administrative penalty', 'administrative penalties')}: 8 points each.`);

  if (facts.subjectKind === 'ENTERPRISE') {
    const violations = facts.violationCount;
    add('QUALITY_VIOLATIONS', 30, String(violations), -10 * violations, violations === 0 ? 'No product-quality violation.' : `${plural(violations, 'product-quality violation')}: 10 points each.`);
    const grade = facts.taxGrade;
    add('TAX_GRADE', 30, grade ?? 'none', grade ? TAX_GRADE_POINTS[grade] : 0, grade ? `Tax credit grade ${grade}.` : 'No tax credit grade yet.');
  }

  add('DISHONEST_LIST', 50, String(facts.onDishonestList), facts.onDishonestList ? -50 : 0,
    facts.onDishonestList ? 'Listed by a court as a dishonest judgment debtor: rated C while listed.' : 'Not on the dishonest judgment-debtor list.');

  const score = tenth(Math.max(0, Math.min(100, BASE_SCORE + factors.reduce((sum, f) => sum + f.effect, 0))));
  return { score, rating: facts.onDishonestList ? 'C' : ratingOfScore(score), factors };
}
