/**
 * Deadlines of sharing requests in working days (政务数据共享条例 and the provincial rules implementing it): the
 * owning department decides a pending request within GRANT_DEADLINES' `decide` working days (5 by default),
 * counted on China's working-day calendar (kit/working-days.ts) from the day after the request was made (China
 * time). Computed at read time; nothing is stored.
 */
import { grantDeadlinesConfig, type GrantDeadlines } from '../kit/config';
import { addWorkingDays, chinaDate, workingDaysBetween } from '../kit/working-days';
import type { GrantRequestRow } from './entities';
import { stateOf } from './sharing';

/** Read once when the service starts: a bad GRANT_DEADLINES fails the start with a ConfigError. */
export const GRANT_DEADLINES: GrantDeadlines = grantDeadlinesConfig();

export interface Deadline {
  /** The last day to decide, YYYY-MM-DD in China. */
  dueOn: string;
  dueToday: boolean;
  overdue: boolean;
  /** 0 on the due date; negative once overdue (at most -1, even on a day off). */
  workingDaysLeft: number;
}

/** The deadline of the step a request is in; null when it waits for nobody (decided, revoked or expired). */
export function deadlineOf(row: GrantRequestRow, now: Date, deadlines: GrantDeadlines = GRANT_DEADLINES): Deadline | null {
  if (stateOf(row, now) !== 'PENDING') return null;
  // The only step with a deadline is the owner's decision, which starts when the request is made.
  return deadlineFrom(row.createdAt, deadlines.decide, now);
}

/** The deadline of something to be done within `days` working days of `start` (that day not counted), as seen `now`. */
export function deadlineFrom(start: Date, days: number, now: Date): Deadline {
  const dueOn = addWorkingDays(chinaDate(start), days);
  const today = chinaDate(now);
  const overdue = today > dueOn;
  const left = workingDaysBetween(today, dueOn);
  return { dueOn, dueToday: today === dueOn, overdue, workingDaysLeft: overdue ? Math.min(-1, left) : left };
}

/**
 * The last start day (China time) whose deadline of `days` working days has passed `now`: something started on it or
 * before is overdue today. Lets a list filter on overdue in SQL, on the start instant.
 */
export function lastOverdueStart(days: number, now: Date): string {
  const today = chinaDate(now);
  let start = shiftDate(today, -1);
  // Due dates never move backwards as the start moves back, so the first start due before today is the last one.
  while (addWorkingDays(start, days) >= today) start = shiftDate(start, -1);
  return start;
}

function shiftDate(date: string, delta: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + delta * 86_400_000).toISOString().slice(0, 10);
}

export interface DeadlineCount {
  ownerDept: string;
  pending: number;
  dueToday: number;
  overdue: number;
}

/** Per owning department, the pending requests among `rows` and how many are due today or overdue. */
export function deadlineCounts(rows: readonly GrantRequestRow[], now: Date, deadlines: GrantDeadlines = GRANT_DEADLINES): DeadlineCount[] {
  const byDept = new Map<string, DeadlineCount>();
  for (const row of rows) {
    const deadline = deadlineOf(row, now, deadlines);
    if (!deadline) continue;
    const count = byDept.get(row.ownerDept) ?? { ownerDept: row.ownerDept, pending: 0, dueToday: 0, overdue: 0 };
    count.pending += 1;
    if (deadline.dueToday) count.dueToday += 1;
    if (deadline.overdue) count.overdue += 1;
    byDept.set(row.ownerDept, count);
  }
  return [...byDept.values()].sort((a, b) => (a.ownerDept < b.ownerDept ? -1 : a.ownerDept > b.ownerDept ? 1 : 0));
}
