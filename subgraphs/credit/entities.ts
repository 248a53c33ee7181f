/**
 * The credit information database: a profile per person and per enterprise, with its loans, administrative
 * penalties and product-quality violations. Subjects are plain keys (person IDs, USCCs), never relations.
 */
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { doubleColumn as yuan } from '../kit/columns';
import type { CreditFacts, SubjectKind, TaxGrade } from './rating';


export const CreditProfile = defineEntity({
  name: 'CreditProfile',
  tableName: 'credit_profile',
  properties: {
    id: p.string().primary().length(16),
    subjectKind: p.string().length(10).index(),
    personId: p.string().length(16).nullable().unique(),
    uscc: p.string().length(18).nullable().unique(),
    /** County or district of the subject: where the person lives or the enterprise is registered. */
    regionCode: p.string().length(6).index(),
    /** Prefecture-level code above it, for city-wide filters. */
    cityCode: p.string().length(6).index(),
    taxGrade: p.string().length(1).nullable(),
    contracts: p.integer(),
    contractsOnTime: p.integer(),
    onDishonestList: p.boolean().index(),
    dishonestCourt: p.string().length(64).nullable(),
    dishonestCaseNumber: p.string().length(64).nullable(),
    dishonestListedOn: p.string().length(10).nullable(),
    dishonestReason: p.string().length(200).nullable(),
    // The facts the rating reads (rating.ts), kept with every credit event; arrears are indexed for hasOverdueLoans.
    loanCount: p.integer(),
    overdueLoans: p.integer().index(),
    defaultedLoans: p.integer().index(),
    penaltyCount: p.integer(),
    violationCount: p.integer(),
    score: yuan(),
    rating: p.string().length(3).index(),
    ratedOn: p.string().length(10),
    version: p.integer().version(),
  },
});
export type CreditProfileRow = InferEntity<typeof CreditProfile>;

/** The facts a profile's rating reads, straight from its row. */
export function creditFacts(profile: CreditProfileRow): CreditFacts {
  return {
    subjectKind: profile.subjectKind as SubjectKind,
    loanCount: profile.loanCount,
    overdueLoans: profile.overdueLoans,
    defaultedLoans: profile.defaultedLoans,
    contracts: profile.contracts,
    contractsOnTime: profile.contractsOnTime,
    penaltyCount: profile.penaltyCount,
    violationCount: profile.violationCount,
    taxGrade: (profile.taxGrade ?? null) as TaxGrade | null,
    onDishonestList: profile.onDishonestList,
  };
}

export const Loan = defineEntity({
  name: 'Loan',
  tableName: 'loan',
  properties: {
    id: p.string().primary().length(24),
    profileId: p.string().length(16).index(),
    regionCode: p.string().length(6),
    lender: p.string().length(64),
    amount: yuan(),
    balance: yuan(),
    status: p.string().length(8),
    openedOn: p.string().length(10),
    version: p.integer().version(),
  },
});
export type LoanRow = InferEntity<typeof Loan>;

/** Recorded once and never changed: a decision of an authority. */
export const AdministrativePenalty = defineEntity({
  name: 'AdministrativePenalty',
  tableName: 'administrative_penalty',
  properties: {
    id: p.string().primary().length(24),
    profileId: p.string().length(16).index(),
    regionCode: p.string().length(6),
    date: p.string().length(10),
    authority: p.string().length(64),
    reason: p.string().length(200),
    amount: yuan().nullable(),
    /**
     * For a penalty an authority reported in a file (import.ts): its natural key, the authority and its decision
     * number (行政处罚决定书文号), e.g. 海口市市场监督管理局/琼市监罚〔2025〕12号; a re-delivered decision is recognised
     * by it. Null for penalties recorded through the graph or seeded.
     */
    naturalKey: p.string().length(129).nullable().unique(),
  },
});
export type AdministrativePenaltyRow = InferEntity<typeof AdministrativePenalty>;

/** Recorded once and never changed: a finding of market regulation's product-quality checks. */
export const QualityViolation = defineEntity({
  name: 'QualityViolation',
  tableName: 'quality_violation',
  properties: {
    id: p.string().primary().length(24),
    profileId: p.string().length(16).index(),
    regionCode: p.string().length(6),
    date: p.string().length(10),
    authority: p.string().length(64),
    product: p.string().length(64),
    description: p.string().length(200),
  },
});
export type QualityViolationRow = InferEntity<typeof QualityViolation>;

export const entities = [CreditProfile, Loan, AdministrativePenalty, QualityViolation];
