/** One loader per relation the credit graph walks; the kit batches each into one SQL query per request. */
import { manyByKey, oneByKey } from '../kit/loaders';
import type { DataAccess } from '../kit/scope';
import type { RequestContext } from '../kit/subgraph';
import { AdministrativePenalty, CreditProfile, Loan, QualityViolation } from './entities';

export function creditLoaders(data: DataAccess) {
  return {
    profileById: oneByKey(data, CreditProfile, 'id'),
    profileByPerson: oneByKey(data, CreditProfile, 'personId'),
    profileByEnterprise: oneByKey(data, CreditProfile, 'uscc'),
    loansByProfile: manyByKey(data, Loan, 'profileId', { openedOn: 'asc', id: 'asc' }),
    penaltiesByProfile: manyByKey(data, AdministrativePenalty, 'profileId', { date: 'asc', id: 'asc' }),
    violationsByProfile: manyByKey(data, QualityViolation, 'profileId', { date: 'asc', id: 'asc' }),
  };
}

export type CreditLoaders = ReturnType<typeof creditLoaders>;
export type CreditContext = RequestContext<CreditLoaders>;
