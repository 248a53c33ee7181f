/** A sharing request's deadline from its creation instant and "now", both in China time (subgraphs/governance/deadlines.ts). */
import { deadlineCounts, deadlineOf } from '../../subgraphs/governance/deadlines';
import type { GrantRequestRow } from '../../subgraphs/governance/entities';

function row(createdAt: string, overrides: Partial<GrantRequestRow> = {}): GrantRequestRow {
  return {
    id: `GR-${createdAt}`,
    state: 'PENDING',
    requesterDept: 'health',
    requestedBy: 'health-2',
    ownerDept: 'public-security',
    scope: '[]',
    region: null,
    purpose: 'epidemic-tracing',
    legalBasis: 'a law',
    expiresOn: '2027-06-30',
    expiresAt: new Date('2027-06-30T16:00:00Z'),
    createdAt: new Date(createdAt),
    decidedBy: null,
    decidedAt: null,
    decisionReason: null,
    ...overrides,
  };
}

describe(deadlineOf.name, () => {
  it('starts on the China date of the request: 23:30 UTC on Friday is Saturday in China', () => {
    // Friday 6 March 2026, 22:00 in China: due the 5th working day after Friday, Friday 13 March.
    expect(deadlineOf(row('2026-03-06T14:00:00Z'), new Date('2026-03-06T14:00:00Z'))?.dueOn).toBe('2026-03-13');
    // 23:30 UTC Friday is 07:30 Saturday 7 March in China: counting starts Monday, due Friday 13 March too.
    expect(deadlineOf(row('2026-03-06T23:30:00Z'), new Date('2026-03-07T00:00:00Z'))?.dueOn).toBe('2026-03-13');
    // Made on Monday 9 March (China): due Monday 16 March.
    expect(deadlineOf(row('2026-03-08T16:00:00Z'), new Date('2026-03-09T00:00:00Z'))?.dueOn).toBe('2026-03-16');
  });

  it('is overdue from the day after the due date, with at least -1 working day left even on a weekend', () => {
    const r = row('2026-03-02T02:00:00Z'); // Monday 2 March; due Monday 9 March
    expect(deadlineOf(r, new Date('2026-03-09T03:00:00Z'))).toEqual({ dueOn: '2026-03-09', dueToday: true, overdue: false, workingDaysLeft: 0 });
    expect(deadlineOf(r, new Date('2026-03-09T16:00:00Z'))).toEqual({ dueOn: '2026-03-09', dueToday: false, overdue: true, workingDaysLeft: -1 });
    // Saturday 14 March: 10, 11, 12 and 13 March have passed.
    expect(deadlineOf(r, new Date('2026-03-14T03:00:00Z'))?.workingDaysLeft).toBe(-4);
    // Due Friday 13 March; on Saturday 14 no working day has passed since, yet it is overdue: -1.
    expect(deadlineOf(row('2026-03-06T02:00:00Z'), new Date('2026-03-14T03:00:00Z'))).toEqual({ dueOn: '2026-03-13', dueToday: false, overdue: true, workingDaysLeft: -1 });
  });

  it('uses the configured number of working days', () => {
    expect(deadlineOf(row('2026-03-02T02:00:00Z'), new Date('2026-03-02T03:00:00Z'), { decide: 10 })?.dueOn).toBe('2026-03-16');
  });

  it('is null once decided, revoked or expired', () => {
    const now = new Date('2026-03-03T00:00:00Z');
    for (const state of ['APPROVED', 'REJECTED', 'REVOKED']) expect(deadlineOf(row('2026-03-02T02:00:00Z', { state }), now)).toBeNull();
    expect(deadlineOf(row('2026-03-02T02:00:00Z', { expiresAt: new Date('2026-03-02T16:00:00Z') }), now)).toBeNull();
  });
});

describe(deadlineCounts.name, () => {
  it('counts pending, due-today and overdue requests per owning department, in department order', () => {
    const now = new Date('2026-03-09T03:00:00Z'); // Monday 9 March
    const rows = [
      row('2026-03-02T02:00:00Z'), // due today
      row('2026-02-24T02:00:00Z'), // due 3 March: overdue
      row('2026-03-05T02:00:00Z', { ownerDept: 'health' }), // due 12 March
      row('2026-02-24T02:00:00Z', { ownerDept: 'health', state: 'APPROVED' }), // decided: not counted
    ];
    expect(deadlineCounts(rows, now, { decide: 5 })).toEqual([
      { ownerDept: 'health', pending: 1, dueToday: 0, overdue: 0 },
      { ownerDept: 'public-security', pending: 2, dueToday: 1, overdue: 1 },
    ]);
  });
});
