/**
 * Deadlines of data objections in working days (subgraphs/governance/objections.ts) across the 2026 holidays as
 * chinese-days encodes the State Council's notice: Spring Festival 15-23 February off with Saturdays 14 and 28
 * February worked; Mid-Autumn 25-27 September and National Day 1-7 October off with Sunday 20 September and Saturday
 * 10 October worked. The day an objection is raised (China time) never counts.
 */
import { lastOverdueStart } from '../../subgraphs/governance/deadlines';
import { objectionCounts, objectionDeadline, objectionWhere, objectedField } from '../../subgraphs/governance/objections';
import { ConfigError, DEFAULT_OBJECTION_DEADLINE_DAYS, objectionDeadlineConfig } from '../../subgraphs/kit/config';
import { addWorkingDays, isWorkingDay } from '../../subgraphs/kit/working-days';

const open = (createdAt: string) => ({ state: 'OPEN', createdAt: new Date(createdAt), ownerDept: 'public-security' });
/** 10:00 in China on `date`. */
const at = (date: string) => `${date}T02:00:00Z`;

describe('the 2026 calendar the deadlines rely on', () => {
  it('is the one chinese-days carries', () => {
    for (let d = 15; d <= 23; d++) expect(isWorkingDay(`2026-02-${d}`)).toBe(false);
    expect([isWorkingDay('2026-02-14'), isWorkingDay('2026-02-28')]).toEqual([true, true]);
    for (let d = 1; d <= 7; d++) expect(isWorkingDay(`2026-10-0${d}`)).toBe(false);
    expect([isWorkingDay('2026-09-20'), isWorkingDay('2026-10-10')]).toEqual([true, true]);
    expect([isWorkingDay('2026-09-25'), isWorkingDay('2026-09-26'), isWorkingDay('2026-09-27')]).toEqual([false, false, false]);
  });
});

describe(objectionDeadline.name, () => {
  it.each([
    // Spring Festival: 13, 14 (Saturday worked), then 24, 25, 26 after nine days off.
    ['2026-02-12', '2026-02-26'],
    ['2026-02-13', '2026-02-27'],
    // Raised on the Saturday worked: it does not count itself; 24 to 28 (the other Saturday worked).
    ['2026-02-14', '2026-02-28'],
    // Raised during the holiday.
    ['2026-02-18', '2026-02-28'],
    ['2026-02-27', '2026-03-05'],
    // National Day: 30 September, then 8, 9, 10 (Saturday worked) and 12 October.
    ['2026-09-29', '2026-10-12'],
    // The Sunday worked before it counts: 20, 21, 22, 23, 24 September.
    ['2026-09-18', '2026-09-24'],
    // Mid-Autumn (25-27) and National Day in a row: 28, 29, 30 September, 8, 9 October.
    ['2026-09-24', '2026-10-09'],
  ])('raised on %s is due on %s (5 working days)', (raised, due) => {
    expect(objectionDeadline(open(at(raised)), new Date(at(raised)), 5)).toEqual({ dueOn: due, dueToday: false, overdue: false, workingDaysLeft: 5 });
  });

  it('starts on the China date: 16:30 UTC on Thursday 12 February is Friday 13 February in China', () => {
    expect(objectionDeadline(open('2026-02-12T16:30:00Z'), new Date('2026-02-12T16:30:00Z'), 5)?.dueOn).toBe('2026-02-27');
  });

  it('counts the working days left over the holiday, and overdue from midnight China time after the due day', () => {
    const row = open(at('2026-02-12'));
    expect(objectionDeadline(row, new Date('2026-02-20T03:00:00Z'), 5)).toMatchObject({ workingDaysLeft: 3, overdue: false });
    expect(objectionDeadline(row, new Date('2026-02-26T15:59:59Z'), 5)).toMatchObject({ dueToday: true, workingDaysLeft: 0, overdue: false });
    expect(objectionDeadline(row, new Date('2026-02-26T16:00:00Z'), 5)).toMatchObject({ overdue: true, workingDaysLeft: -1 });
    // Monday 2 March: 27, 28 (Saturday worked) and 2 March have passed.
    expect(objectionDeadline(row, new Date('2026-03-02T03:00:00Z'), 5)).toMatchObject({ overdue: true, workingDaysLeft: -3 });
  });

  it('has none once resolved', () => {
    expect(objectionDeadline({ state: 'CORRECTED', createdAt: new Date(at('2026-02-12')) }, new Date(at('2026-03-12')), 5)).toBeNull();
  });

  it('follows the configured number of days', () => {
    expect(objectionDeadline(open(at('2026-09-29')), new Date(at('2026-09-29')), 10)?.dueOn).toBe('2026-10-19');
  });
});

describe('the overdue filter', () => {
  const days = (from: string, to: string) => {
    const out: string[] = [];
    for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) out.push(new Date(t).toISOString().slice(0, 10));
    return out;
  };

  it.each([1, 5, 10])('agrees with each deadline across both holidays (%i working days)', (n) => {
    const wrong: string[] = [];
    for (const today of [...days('2026-02-10', '2026-03-10'), ...days('2026-09-15', '2026-10-20')]) {
      const last = lastOverdueStart(n, new Date(`${today}T04:00:00Z`));
      for (const start of days('2026-01-20', today)) if ((start <= last) !== addWorkingDays(start, n) < today) wrong.push(`${start} seen ${today}`);
    }
    expect(wrong).toEqual([]);
  });

  it('is a bound on the creation instant at the start of a day in China', () => {
    const where = objectionWhere({ overdue: true, ownerDept: 'public-security' }, new Date('2026-02-27T03:00:00Z'), 5) as { $and: Record<string, any>[] };
    // Due 26 February for everything raised on 12 February (China) or before.
    expect(where.$and[1]).toEqual({ state: 'OPEN', createdAt: { $lt: new Date('2026-02-12T16:00:00Z') } });
    expect(objectionWhere({}, new Date(), 5)).toEqual({});
  });
});

describe(objectionCounts.name, () => {
  it('counts open objections per owning department, due today and overdue', () => {
    const rows = [open(at('2026-02-12')), open(at('2026-02-13')), { ...open(at('2026-02-12')), state: 'REJECTED' }, { ...open(at('2026-02-12')), ownerDept: 'health' }];
    expect(objectionCounts(rows, new Date(at('2026-02-27')), 5)).toEqual([
      { ownerDept: 'health', open: 1, dueToday: 0, overdue: 1 },
      { ownerDept: 'public-security', open: 2, dueToday: 1, overdue: 1 },
    ]);
  });
});

describe(objectedField.name, () => {
  it('takes the owner from the catalogue entry of the field', () => {
    expect(objectedField(' Person:P0000001 ', 'address')).toEqual({ recordKey: 'Person:P0000001', type: 'Person', field: 'address', ownerDept: 'public-security' });
  });

  it.each([
    ['Person:P1', 'toString', 'field'],
    ['Person:P1', 'nope', 'field'],
    ['Nope:1', 'id', 'recordKey'],
    ['Person', 'address', 'recordKey'],
  ])('refuses %s %s', (key, field, argument) => {
    expect(() => objectedField(key, field)).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', argumentName: argument }) }));
  });
});

describe(objectionDeadlineConfig.name, () => {
  it('is 5 working days unless set', () => {
    expect(objectionDeadlineConfig({})).toBe(DEFAULT_OBJECTION_DEADLINE_DAYS);
    expect(objectionDeadlineConfig({ OBJECTION_DEADLINE_DAYS: ' ' })).toBe(5);
    expect(objectionDeadlineConfig({ OBJECTION_DEADLINE_DAYS: '10' })).toBe(10);
  });

  it.each(['0', '61', '-1', '5.5', 'five', '1e1'])('refuses %j with a ConfigError naming the variable', (value) => {
    expect(() => objectionDeadlineConfig({ OBJECTION_DEADLINE_DAYS: value })).toThrow(ConfigError);
    expect(() => objectionDeadlineConfig({ OBJECTION_DEADLINE_DAYS: value })).toThrow(/OBJECTION_DEADLINE_DAYS/);
  });
});
