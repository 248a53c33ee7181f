/** One loader per relation the legal-person graph walks; the kit batches each into one SQL query per request. */
import { manyByKey, oneByKey } from '../kit/loaders';
import type { DataAccess } from '../kit/scope';
import type { RequestContext } from '../kit/subgraph';
import { AnnualReport, Enterprise, QualityInspection, Shareholder } from './entities';

export function enterpriseLoaders(data: DataAccess) {
  return {
    enterpriseByUscc: oneByKey(data, Enterprise, 'uscc'),
    enterprisesByLegalRepresentative: manyByKey(data, Enterprise, 'legalRepresentativeId', { uscc: 'asc' }),
    // The largest share first; the id keeps the order stable between equal shares.
    shareholdersByEnterprise: manyByKey(data, Shareholder, 'uscc', { share: 'desc', id: 'asc' }),
    shareholdingsByHolder: manyByKey(data, Shareholder, 'holderId', { uscc: 'asc' }),
    annualReportsByEnterprise: manyByKey(data, AnnualReport, 'uscc', { year: 'desc' }),
    inspectionsByEnterprise: manyByKey(data, QualityInspection, 'uscc', { date: 'desc', id: 'asc' }),
  };
}

export type EnterpriseLoaders = ReturnType<typeof enterpriseLoaders>;
export type EnterpriseContext = RequestContext<EnterpriseLoaders>;
