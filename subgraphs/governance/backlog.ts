/** The sharing backlog as counts per department: what the dashboards show, without reading any request or objection. */
import { restrict } from '../kit/scope';
import { aggregateScope } from '../kit/statistics/run';
import { deadlineCounts } from './deadlines';
import { GrantRequestRecord, ObjectionRecord, type GrantRequestRow, type ObjectionRow } from './entities';
import type { GovernanceContext } from './loaders';
import { objectionCounts } from './objections';
import { stateFilter } from './sharing';
/** Per owning department: pending sharing requests and open objections, and how many of each are overdue. */
export interface DepartmentBacklog {
  ownerDept: string;
  grantRequestsPending: number;
  grantRequestsOverdue: number;
  objectionsOpen: number;
  objectionsOverdue: number;
}

/**
 * The backlog of every department as counts, for callers allowed to `aggregate` the fields counted (the statistics
 * dashboards, by the province policy), over the rows they may aggregate: no request or objection is read out.
 */
export async function sharingBacklog(ctx: GovernanceContext): Promise<DepartmentBacklog[]> {
  const now = ctx.now?.() ?? new Date();
  const grantScope = aggregateScope(ctx, 'GrantRequest', ['ownerDept', 'state', 'createdAt', 'expiresOn']);
  const objectionScope = aggregateScope(ctx, 'Objection', ['ownerDept', 'state', 'createdAt']);
  const grants = await ctx.em.find(GrantRequestRecord, restrict(stateFilter('PENDING', now) as never, grantScope as never)!, { disableIdentityMap: true });
  const objections = await ctx.em.find(ObjectionRecord, restrict({ state: 'OPEN' } as never, objectionScope as never)!, { fields: ['ownerDept', 'state', 'createdAt'], disableIdentityMap: true });
  const byDept = new Map<string, DepartmentBacklog>();
  const of = (ownerDept: string) => {
    let row = byDept.get(ownerDept);
    if (!row) byDept.set(ownerDept, (row = { ownerDept, grantRequestsPending: 0, grantRequestsOverdue: 0, objectionsOpen: 0, objectionsOverdue: 0 }));
    return row;
  };
  for (const c of deadlineCounts(grants as GrantRequestRow[], now)) Object.assign(of(c.ownerDept), { grantRequestsPending: c.pending, grantRequestsOverdue: c.overdue });
  for (const c of objectionCounts(objections as ObjectionRow[], now)) Object.assign(of(c.ownerDept), { objectionsOpen: c.open, objectionsOverdue: c.overdue });
  return [...byDept.values()].sort((a, b) => (a.ownerDept < b.ownerDept ? -1 : a.ownerDept > b.ownerDept ? 1 : 0));
}
