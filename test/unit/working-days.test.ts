/**
 * The working-day clock against the State Council's 2026 holiday notice (gov.cn content_7047091) as chinese-days
 * encodes it: Spring Festival 2026-02-15..23 with 2026-02-14 and 2026-02-28 worked; National Day and Mid-Autumn
 * 2026-10-01..07 with 2026-09-20 and 2026-10-10 worked; New Year 2026-01-01..03 with 2026-01-04 worked.
 */
import { isWorkday } from 'chinese-days';
import { addWorkingDays, calendarCovers, chinaDate, isWorkingDay, onUncoveredYear, workingDaysBetween } from '../../subgraphs/kit/working-days';

describe('the calendar of 2026 as the package encodes it', () => {
  it('has the Spring Festival holiday and its adjusted working days', () => {
    for (const d of ['2026-02-15', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-21', '2026-02-22', '2026-02-23']) {
      expect([d, isWorkingDay(d)]).toEqual([d, false]);
      expect(isWorkday(d)).toBe(false);
    }
    // Saturdays worked in exchange.
    expect(isWorkingDay('2026-02-14')).toBe(true);
    expect(isWorkingDay('2026-02-28')).toBe(true);
    expect(isWorkingDay('2026-02-13')).toBe(true);
    expect(isWorkingDay('2026-02-24')).toBe(true);
    // An ordinary weekend.
    expect(isWorkingDay('2026-03-07')).toBe(false);
  });

  it('has the National Day holiday and its adjusted working days', () => {
    for (let day = 1; day <= 7; day++) expect(isWorkingDay(`2026-10-0${day}`)).toBe(false);
    expect(isWorkingDay('2026-09-20')).toBe(true); // a Sunday worked
    expect(isWorkingDay('2026-10-10')).toBe(true); // a Saturday worked
    expect(isWorkingDay('2026-10-08')).toBe(true);
    expect(isWorkingDay('2026-09-26')).toBe(false); // Mid-Autumn, a Saturday
  });

  it('covers the years the package carries a notice for and no others', () => {
    for (let year = 2004; year <= 2026; year++) expect([year, calendarCovers(year)]).toEqual([year, true]);
    expect(calendarCovers(2003)).toBe(false);
    expect(calendarCovers(2027)).toBe(false);
  });
});

describe(addWorkingDays.name, () => {
  it('does not count the start day: the first day counted is the next working day', () => {
    expect(addWorkingDays('2026-03-02', 1)).toBe('2026-03-03'); // Monday -> Tuesday
    expect(addWorkingDays('2026-03-02', 5)).toBe('2026-03-09'); // Monday -> next Monday
    expect(addWorkingDays('2026-03-06', 1)).toBe('2026-03-09'); // Friday -> Monday
    expect(addWorkingDays('2026-03-07', 1)).toBe('2026-03-09'); // a Saturday start counts from Monday
    expect(addWorkingDays('2026-03-02', 0)).toBe('2026-03-02');
  });

  it('counts across the Spring Festival: adjusted Saturdays count, the holiday does not', () => {
    expect(addWorkingDays('2026-02-12', 1)).toBe('2026-02-13');
    expect(addWorkingDays('2026-02-13', 1)).toBe('2026-02-14'); // the Saturday worked
    expect(addWorkingDays('2026-02-14', 1)).toBe('2026-02-24'); // after nine days off
    // 5 working days from Thursday 12 Feb: 13, 14 (Sat), 24, 25, 26.
    expect(addWorkingDays('2026-02-12', 5)).toBe('2026-02-26');
    // 2 working days from Thursday 26 Feb: 27, 28 (Sat, worked).
    expect(addWorkingDays('2026-02-26', 2)).toBe('2026-02-28');
    // 10 working days from the first holiday: 24, 25, 26, 27, 28 (Sat), 2, 3, 4, 5, 6 March.
    expect(addWorkingDays('2026-02-15', 10)).toBe('2026-03-06');
  });

  it('counts across National Day', () => {
    // From Tuesday 29 Sep: 30 Sep, then 8, 9, 10 (Sat, worked), 12 Oct.
    expect(addWorkingDays('2026-09-29', 5)).toBe('2026-10-12');
    expect(addWorkingDays('2026-09-19', 1)).toBe('2026-09-20'); // a Sunday worked
    expect(addWorkingDays('2026-09-30', 1)).toBe('2026-10-08');
  });

  it("counts across a year boundary, New Year's Day off", () => {
    // From Tuesday 30 Dec 2025: 31 Dec, then 1..3 Jan off, 4 Jan (Sunday, worked), 5, 6 Jan.
    expect(addWorkingDays('2025-12-30', 1)).toBe('2025-12-31');
    expect(addWorkingDays('2025-12-30', 2)).toBe('2026-01-04');
    expect(addWorkingDays('2025-12-30', 4)).toBe('2026-01-06');
  });

  it('refuses what is not a date or a count', () => {
    expect(() => addWorkingDays('2026-02-30', 1)).toThrow(/YYYY-MM-DD/);
    expect(() => addWorkingDays('2026-02-01', -1)).toThrow(/whole number/);
    expect(() => addWorkingDays('2026-02-01', 1.5)).toThrow(/whole number/);
  });
});

describe(workingDaysBetween.name, () => {
  it('counts the working days after a up to and including b, negative backwards', () => {
    expect(workingDaysBetween('2026-02-12', '2026-02-26')).toBe(5);
    expect(workingDaysBetween('2026-02-26', '2026-02-12')).toBe(-5);
    expect(workingDaysBetween('2026-02-14', '2026-02-23')).toBe(0); // only holiday
    expect(workingDaysBetween('2026-03-02', '2026-03-02')).toBe(0);
    expect(workingDaysBetween('2026-09-30', '2026-10-10')).toBe(3);
    expect(workingDaysBetween('2025-12-31', '2026-01-05')).toBe(2);
  });

  it('is the inverse of addWorkingDays', () => {
    for (const start of ['2026-02-10', '2026-02-14', '2026-02-20', '2026-09-18', '2026-10-03', '2025-12-29']) {
      for (const n of [1, 2, 5, 10]) expect([start, n, workingDaysBetween(start, addWorkingDays(start, n))]).toEqual([start, n, n]);
    }
  });
});

describe(chinaDate.name, () => {
  it('is the calendar date in China, UTC+8', () => {
    expect(chinaDate(new Date('2026-02-13T15:59:59Z'))).toBe('2026-02-13');
    expect(chinaDate(new Date('2026-02-13T16:00:00Z'))).toBe('2026-02-14');
    expect(chinaDate(new Date('2026-12-31T16:30:00Z'))).toBe('2027-01-01');
  });
});

describe('years without holiday data', () => {
  afterEach(() => onUncoveredYear(() => undefined));

  it('fall back to Monday to Friday and warn once per year', () => {
    const warnings: string[] = [];
    onUncoveredYear((m) => warnings.push(m));
    // 1 Jan 2027 is a Friday: a holiday in reality, but the package (1.5.7) has no 2027 notice.
    expect(isWorkingDay('2027-01-01')).toBe(true);
    expect(isWorkingDay('2027-01-02')).toBe(false);
    expect(addWorkingDays('2026-12-30', 3)).toBe('2027-01-04'); // 31 Dec, 1 Jan, 4 Jan
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/no holiday notice for 2027.*Monday to Friday/);
  });
});
