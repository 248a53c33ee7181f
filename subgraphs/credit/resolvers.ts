/** The credit information centre's vocabulary: profiles, the dishonest list, ratings, and credit events. */
import type { FilterQuery } from '@mikro-orm/core';
import { isDomain } from '../kit/config';
import { badInput } from '../kit/errors';
import type { EntityManager } from '../kit/orm';
import { paginate } from '../kit/pagination';
import { assertReferencesExist, ENTERPRISE, PERSON } from '../kit/references';
import { inRegion } from '../kit/region-codes';
import type { DataAccess } from '../kit/scope';
import { authorizeWrite, runMutation, updateVersioned, type MutationSpec } from '../kit/writes';
import type { CreditEventType, CreditProfileFilter, Resolvers } from './__generated__/resolvers';
import { creditFacts, CreditProfile, Loan, AdministrativePenalty, type CreditProfileRow } from './entities';
import { chinaToday, planCreditEvent, validateCreditEvent, type CreditEvent, type ProfileRef } from './events';
import type { CreditContext } from './loaders';
import { loanFacts, rateCredit, type CreditFacts, type RatedFactor, type RatingFactorKind } from './rating';
import { regionIndicators, statisticsQuery } from './statistics';

type Filter = FilterQuery<CreditProfileRow>;

/** The filters as SQL conditions, and the CreditProfile fields they read (each must be readable in full). */
export function profileWhere(filter: CreditProfileFilter | null | undefined): { where: Filter; fields: string[] } {
  const where: Filter[] = [];
  const fields: string[] = [];
  const add = (condition: Filter, field: string) => {
    where.push(condition);
    fields.push(field);
  };
  if (filter?.regionCode != null) add(inRegion<CreditProfileRow>('filter.regionCode', filter.regionCode) as Filter, 'regionCode');
  if (filter?.subjectKind != null) add({ subjectKind: filter.subjectKind }, 'subjectKind');
  if (filter?.rating != null) add({ rating: filter.rating }, 'rating');
  // Arrears are read off the loans, whatever column keeps them at hand.
  if (filter?.hasOverdueLoans != null) {
    add(filter.hasOverdueLoans ? { $or: [{ overdueLoans: { $gt: 0 } }, { defaultedLoans: { $gt: 0 } }] } : { overdueLoans: 0, defaultedLoans: 0 }, 'loans');
  }
  return { where: where.length === 0 ? {} : where.length === 1 ? where[0]! : { $and: where }, fields };
}

/** A filter may only touch rows where the caller can read every filtered field in full: no probing. */
function filteredProfiles(data: DataAccess, where: Filter, fields: string[]): Filter {
  if (fields.length === 0) return where;
  return { $and: [where, data.readable(CreditProfile, fields)] } as Filter;
}

/** The fields each type of event writes: the caller must be allowed to write every one (the owner's officers). */
const RATED: readonly string[] = ['score', 'rating', 'factors', 'ratedOn', 'version'];
const EVENT_WRITES: Readonly<Record<CreditEventType, MutationSpec['writes']>> = {
  LOAN_OPENED: [
    { type: 'Loan', action: 'create', fields: ['id', 'lender', 'amount', 'balance', 'status', 'openedOn', 'regionCode'] },
    { type: 'CreditProfile', action: 'update', fields: ['loans', ...RATED] },
  ],
  LOAN_OVERDUE: [{ type: 'Loan', action: 'update', fields: ['status'] }, { type: 'CreditProfile', action: 'update', fields: ['loans', ...RATED] }],
  LOAN_DEFAULTED: [{ type: 'Loan', action: 'update', fields: ['status'] }, { type: 'CreditProfile', action: 'update', fields: ['loans', ...RATED] }],
  LOAN_REPAID: [{ type: 'Loan', action: 'update', fields: ['status', 'balance'] }, { type: 'CreditProfile', action: 'update', fields: ['loans', ...RATED] }],
  PENALTY: [
    { type: 'AdministrativePenalty', action: 'create', fields: ['date', 'authority', 'reason', 'amount', 'regionCode'] },
    { type: 'CreditProfile', action: 'update', fields: ['administrativePenalties', ...RATED] },
  ],
  DISHONEST_LISTED: [{ type: 'CreditProfile', action: 'update', fields: ['onDishonestList', 'dishonestListing', ...RATED] }],
  DISHONEST_REMOVED: [{ type: 'CreditProfile', action: 'update', fields: ['onDishonestList', 'dishonestListing', ...RATED] }],
};

/** The subject must exist in its own register and be visible to the caller there. */
async function assertSubjectExists(ctx: CreditContext, ref: ProfileRef): Promise<void> {
  if ('personId' in ref) await assertReferencesExist(ctx, PERSON, [ref.personId], 'input.subject.personId');
  if ('uscc' in ref) {
    // The enterprise register (market regulation) is another subgraph; until it runs in this platform an
    // enterprise cannot be checked, and an unchecked reference is refused rather than trusted.
    if (!isDomain(ENTERPRISE.domain)) {
      throw badInput('input.subject.uscc', 'enterprise subjects cannot be checked while the enterprise register is not part of the platform; name the profile by input.profileId instead.');
    }
    await assertReferencesExist(ctx, ENTERPRISE, [ref.uscc], 'input.subject.uscc');
  }
}

function profileKey(ref: ProfileRef): { key: Filter; text: string } {
  if ('profileId' in ref) return { key: { id: ref.profileId }, text: ref.profileId };
  if ('personId' in ref) return { key: { personId: ref.personId }, text: `of person ${ref.personId}` };
  return { key: { uscc: ref.uscc }, text: `of enterprise ${ref.uscc}` };
}

/**
 * Applies one event: the profile's version moves first (optimistic locking, and a row lock that orders
 * concurrent events on the same profile), then the records change and the rating is recomputed from them.
 */
async function applyCreditEvent(em: EntityManager, ref: ProfileRef, event: CreditEvent, expectedVersion: number, today: string): Promise<CreditProfileRow> {
  const { key, text } = profileKey(ref);
  const profile = await updateVersioned(em, CreditProfile, key, text, expectedVersion, {});
  const loans = await em.find(Loan, { profileId: profile.id }, { disableIdentityMap: true });
  const plan = planCreditEvent(profile, loans, event);
  if (plan.newLoan) await em.insert(Loan, plan.newLoan);
  if (plan.loanUpdate) await updateVersioned(em, Loan, { id: plan.loanUpdate.loan.id }, plan.loanUpdate.loan.id, plan.loanUpdate.loan.version, plan.loanUpdate.changes);
  if (plan.newPenalty) await em.insert(AdministrativePenalty, plan.newPenalty);
  const recorded = { ...plan.profileChanges, ...loanFacts(plan.loanStatuses), penaltyCount: profile.penaltyCount + (plan.newPenalty ? 1 : 0) };
  const { score, rating } = rateCredit(creditFacts({ ...profile, ...recorded }));
  const changes = { ...recorded, score, rating, ratedOn: today };
  // The version moved once already; naming it keeps MikroORM from moving it again.
  await em.nativeUpdate(CreditProfile, { id: profile.id }, { ...changes, version: profile.version });
  return { ...profile, ...changes };
}

/** The facts each factor is computed from (rating.ts): a factor's resolver reads those columns and no others. */
const FACTOR_FACTS: Readonly<Record<RatingFactorKind, readonly (keyof CreditFacts)[]>> = {
  LOAN_HISTORY: ['loanCount', 'overdueLoans', 'defaultedLoans'],
  OVERDUE_LOANS: ['overdueLoans'],
  DEFAULTED_LOANS: ['defaultedLoans'],
  CONTRACT_PERFORMANCE: ['contracts', 'contractsOnTime'],
  ADMINISTRATIVE_PENALTIES: ['penaltyCount'],
  QUALITY_VIOLATIONS: ['violationCount'],
  TAX_GRADE: ['taxGrade'],
  DISHONEST_LIST: ['onDishonestList'],
};
const NO_FACTS: Omit<CreditFacts, 'subjectKind'> = { loanCount: 0, overdueLoans: 0, defaultedLoans: 0, contracts: 0, contractsOnTime: 0, penaltyCount: 0, violationCount: 0, taxGrade: null, onDishonestList: false };

/** One factor of the profile's rating (null where it does not apply: quality and tax grade of a person). */
function factorOf(profile: CreditProfileRow, kind: RatingFactorKind): RatedFactor | null {
  const facts: Record<string, unknown> = { ...NO_FACTS, subjectKind: profile.subjectKind };
  for (const fact of FACTOR_FACTS[kind]) facts[fact] = profile[fact as keyof CreditProfileRow];
  return rateCredit(facts as unknown as CreditFacts).factors.find((f) => f.factor === kind) ?? null;
}

export const resolvers: Resolvers = {
  Region: regionIndicators,
  Query: {
    ...statisticsQuery,
    creditProfile: (_, { id }, { loaders }) => loaders.profileById.load(id),
    dishonestList: (_, { filter, first, after }, { data }) => {
      const { where, fields } = profileWhere(filter);
      const listed = { $and: [where, { onDishonestList: true }] } as Filter;
      return paginate(data, CreditProfile, filteredProfiles(data, listed, [...fields, 'onDishonestList']), { first, after });
    },
    creditProfiles: (_, { filter, first, after }, { data }) => {
      const { where, fields } = profileWhere(filter);
      return paginate(data, CreditProfile, filteredProfiles(data, where, fields), { first, after });
    },
  },
  Mutation: {
    recordCreditEvent: async (_, { input, expectedVersion, idempotencyKey }, ctx) => {
      const spec: MutationSpec = { operation: 'recordCreditEvent', event: 'CreditEventRecorded', returns: 'CreditProfile', writes: EVENT_WRITES[input.type] };
      // Refused callers learn nothing about the input or the subject: authorization comes before any check.
      authorizeWrite(ctx, spec);
      if (!Number.isInteger(expectedVersion) || expectedVersion < 1) throw badInput('expectedVersion', 'give the version you last read, a whole number from 1.');
      const today = chinaToday();
      const { profile, event } = validateCreditEvent(input, today);
      await assertSubjectExists(ctx, profile);
      return runMutation(ctx, spec, { input, expectedVersion }, idempotencyKey, (em) => applyCreditEvent(em, profile, event, expectedVersion, today));
    },
  },
  CreditProfile: {
    __resolveReference: (ref, { loaders }) => loaders.profileById.load(ref.id),
    person: (profile) => (profile.personId ? { id: profile.personId } : null),
    enterprise: (profile) => (profile.uscc ? { uscc: profile.uscc } : null),
    loans: (profile, _, { loaders }) => loaders.loansByProfile.load(profile.id),
    contractPerformance: (profile) => profile,
    qualityViolations: (profile, _, { loaders }) => (profile.subjectKind === 'ENTERPRISE' ? loaders.violationsByProfile.load(profile.id) : null),
    administrativePenalties: (profile, _, { loaders }) => loaders.penaltiesByProfile.load(profile.id),
    dishonestListing: (profile) => (profile.onDishonestList ? profile : null),
    // The profile row is the factors' source, so each factor is judged (derivedFrom) on the profile's own record.
    factors: (profile) => profile,
  },
  RatingFactors: {
    loanHistory: (profile) => factorOf(profile, 'LOAN_HISTORY'),
    overdueLoans: (profile) => factorOf(profile, 'OVERDUE_LOANS'),
    defaultedLoans: (profile) => factorOf(profile, 'DEFAULTED_LOANS'),
    contractPerformance: (profile) => factorOf(profile, 'CONTRACT_PERFORMANCE'),
    administrativePenalties: (profile) => factorOf(profile, 'ADMINISTRATIVE_PENALTIES'),
    qualityViolations: (profile) => factorOf(profile, 'QUALITY_VIOLATIONS'),
    taxGrade: (profile) => factorOf(profile, 'TAX_GRADE'),
    dishonestList: (profile) => factorOf(profile, 'DISHONEST_LIST'),
  },
  ContractPerformance: {
    onTime: (profile) => profile.contractsOnTime,
    onTimeRatio: (profile) => (profile.contracts > 0 ? Math.round((profile.contractsOnTime / profile.contracts) * 1000) / 1000 : null),
  },
  DishonestListing: {
    court: (profile) => profile.dishonestCourt ?? null,
    caseNumber: (profile) => profile.dishonestCaseNumber ?? null,
    listedOn: (profile) => profile.dishonestListedOn ?? null,
    reason: (profile) => profile.dishonestReason ?? null,
  },
  Person: {
    // Any person ID may be asked for; a person without a profile (a minor) simply has none.
    __resolveReference: (ref) => ({ id: ref.id }),
    credit: (person, _, { loaders }) => loaders.profileByPerson.load(person.id),
  },
  Enterprise: {
    __resolveReference: (ref) => ({ uscc: ref.uscc }),
    credit: (enterprise, _, { loaders }) => loaders.profileByEnterprise.load(enterprise.uscc),
  },
};
